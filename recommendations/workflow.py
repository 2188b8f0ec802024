"""The item lifecycle: which status moves are allowed, and for whom.

This is the only place the rules live; forms offer what it allows and services
refuse what it forbids.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from . import access, choicesets, roles
from .access import Need
from .models import Item

Status = Item.Status


@dataclass(frozen=True)
class Move:
    """A status move a progress update may make."""

    to: str
    reviewers_only: bool = False
    needs_evidence: bool = False
    needs_reason: bool = False  # why no further action is needed
    needs_lead: bool = False


# Closing an item (sign-off), returning it, and reopening a closed one are decisions
# of the Deputy Chief Constable's review (oversight), not moves a progress update can
# make: they are the DECISIONS below.
MOVES: dict[str, tuple[Move, ...]] = {
    Status.AWAITING_ALLOCATION: (
        Move(Status.IN_PROGRESS, needs_lead=True),
        Move(Status.NO_FURTHER_ACTION, reviewers_only=True, needs_reason=True),
    ),
    Status.IN_PROGRESS: (
        Move(Status.PENDING_SIGN_OFF, needs_evidence=True),
        Move(Status.NO_FURTHER_ACTION, reviewers_only=True, needs_reason=True),
    ),
    Status.PENDING_SIGN_OFF: (
        Move(Status.IN_PROGRESS),
        Move(Status.NO_FURTHER_ACTION, reviewers_only=True, needs_reason=True),
    ),
    Status.CLOSED: (),
    Status.NO_FURTHER_ACTION: (Move(Status.IN_PROGRESS, reviewers_only=True),),
}


@dataclass(frozen=True)
class Decision:
    """A decision of oversight's: made from one status, leaving the item in another.

    Who may decide is an access rule (recommendations.access, Need.REVIEW).
    """

    from_status: str
    to: str


SIGN_OFF = Decision(Status.PENDING_SIGN_OFF, Status.CLOSED)
RETURN = Decision(Status.PENDING_SIGN_OFF, Status.IN_PROGRESS)
# HMICFRS's verdict on a closed item: verified leaves it closed; not accepted
# reopens it.
HMICFRS_VERIFIED = Decision(Status.CLOSED, Status.CLOSED)
HMICFRS_NOT_ACCEPTED = Decision(Status.CLOSED, Status.IN_PROGRESS)
# A reviewer corrects a sign-off made in error, or reopens an item whose closure no
# longer holds, with a reason: its own decision, not a false HMICFRS refusal.
REOPEN = Decision(Status.CLOSED, Status.IN_PROGRESS)
DECISIONS = (SIGN_OFF, RETURN, HMICFRS_VERIFIED, HMICFRS_NOT_ACCEPTED, REOPEN)


def allowed_moves(item: Item, user: roles.User) -> list[Move]:
    """The moves `user` may make to the item through a progress update."""
    if not access.allows(user, Need.EDIT):
        return []
    reviewer = access.allows(user, Need.REVIEW)
    return [m for m in MOVES.get(item.status, ()) if reviewer or not m.reviewers_only]


def check_move(
    item: Item,
    user: roles.User,
    to: str,
    *,
    has_evidence: bool,
    reason: str,
) -> Move:
    """Return the move from the item's status to `to`, or raise ValidationError."""
    move = next((m for m in MOVES.get(item.status, ()) if m.to == to), None)
    if move is None:
        raise ValidationError(
            _("An item that is %(current)s cannot be moved to %(target)s here.")
            % {
                "current": item.get_status_display().lower(),
                "target": choicesets.label(Status, to).lower(),
            },
            code="move_not_allowed",
        )
    if move not in allowed_moves(item, user):
        raise ValidationError(
            _("Only a reviewer can move an item to %(target)s.")
            % {"target": choicesets.label(Status, to).lower()},
            code="move_needs_reviewer",
        )
    if move.needs_lead and item.lead_id is None:
        raise ValidationError(
            _("Assign a lead before moving the item to in progress."),
            code="move_needs_lead",
        )
    if move.needs_evidence and not has_evidence:
        raise ValidationError(
            _("Attach an evidence file or link to propose the item for sign-off."),
            code="move_needs_evidence",
        )
    if move.needs_reason and not reason.strip():
        raise ValidationError(
            _("Give the reason no further action is needed."),
            code="move_needs_reason",
        )
    return move


def check_decision(item: Item, decision: Decision) -> None:
    """Refuse a decision on an item no longer in the status it is made from."""
    if item.status != decision.from_status:
        raise ValidationError(
            _("This item is %(status)s, so this decision cannot be made.")
            % {"status": item.get_status_display().lower()},
            code="wrong_state",
        )


def check_first_target_date(
    item: Item, day: dt.date, *, today: dt.date, past_confirmed: bool
) -> None:
    """Refuse a first target date (which becomes the permanent original) that is
    before the report was published, or in the past unless confirmed on purpose."""
    published = item.report.published_on
    if day < published:
        raise ValidationError(
            _(
                "The target date cannot be before the report was published "
                "(%(published)s)."
            )
            % {"published": date_format(published, "j F Y")},
            code="target_before_publication",
        )
    if day < today and not past_confirmed:
        raise ValidationError(
            _(
                "The target date is in the past, and the first target date stays as "
                "the original for good. Choose a later date, or tick that the date "
                "is in the past on purpose and say why in the reason."
            ),
            code="target_in_past",
        )
