"""Oversight writes: closure decisions, target-date changes, section 55 records.

Each: transaction, access check, lock and re-read (recommendations.versions), state
check, write with history (acting user and reason), in that order. Each closure
decision (sign-off, return, HMICFRS's verdict) is one service here: it sets the
fields its rule names on the locked item, records the move on the item's timeline
(recommendations.timeline.record_decision) and the decision itself.
"""

import datetime as dt

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from recommendations import access, workflow
from recommendations.access import Need
from recommendations.history import save_with_history
from recommendations.models import Item, ProgressUpdate, Report
from recommendations.people import display_name
from recommendations.selectors import latest_proposal
from recommendations.timeline import record_decision
from recommendations.versions import (
    ConflictError,
    changed_by,
    lock_item,
    lock_report,
    save_item,
)

from . import selectors
from .access import require_date_change
from .models import ClosureDecision, S55Letter, TargetDateChange


def _evidence_text(update: ProgressUpdate | None) -> str:
    if update is None:
        return ""
    parts = []
    if update.evidence_file:
        parts.append(
            f"File: {update.evidence_name} (stored as {update.evidence_file.name})"
        )
    if update.evidence_link:
        parts.append(f"Link: {update.evidence_link}")
    return "\n".join(parts)


def _record_decision(
    *,
    entry: ProgressUpdate,
    actor: User,
    kind: str,
    note: str,
    effective_on: dt.date,
) -> ClosureDecision:
    """The decision's record, with the proposal and evidence it was made on."""
    proposal = latest_proposal(item=entry.item)
    decision = ClosureDecision(
        item_id=entry.item_id,
        kind=kind,
        decided_by=actor,
        decided_at=entry.created_at,
        effective_on=effective_on,
        note=note.strip(),
        proposal=proposal,
        proposed_by=proposal.author if proposal else None,
        evidence=_evidence_text(proposal),
        timeline_entry=entry,
    )
    save_with_history(decision, actor=actor, reason=entry.text)
    return decision


def _hmicfrs_note(*, note: str, decided_on: dt.date) -> str:
    """HMICFRS's verdict needs what it decided on, and a date not in the future."""
    note = note.strip()
    if not note:
        raise ValidationError(
            _("Say what HMICFRS decided and on what evidence."), code="required"
        )
    if decided_on > timezone.localdate():
        raise ValidationError(_("The date cannot be in the future."), code="future")
    return note


def _check_after_sign_off(item: Item, decided_on: dt.date) -> None:
    """HMICFRS decides on a closure that exists: not before it was signed off."""
    if item.closed_on is not None and decided_on < item.closed_on:
        raise ValidationError(
            _(
                "HMICFRS's decision cannot be dated before the item was signed off "
                "(%(signed)s)."
            )
            % {"signed": date_format(item.closed_on, "j F Y")},
            code="before_sign_off",
        )


@transaction.atomic
def closure_sign_off(
    *, item_id: int, actor: User, expected_version: int, note: str
) -> ClosureDecision:
    """A reviewer closes an item pending sign-off, today, unless they proposed it."""
    access.require_item(actor, Need.REVIEW)
    item = lock_item(item_id=item_id, expected_version=expected_version)
    workflow.check_decision(item, workflow.SIGN_OFF)
    proposal = latest_proposal(item=item)
    if proposal is not None and proposal.author_id == actor.pk:
        raise ValidationError(
            _(
                "You proposed this item for closure, so another reviewer must "
                "sign it off."
            ),
            code="own_proposal",
        )
    note = note.strip()
    today = timezone.localdate()
    item.closed_on = today
    entry = record_decision(
        item,
        actor=actor,
        decision=workflow.SIGN_OFF,
        text=_("Signed off as closed.") + (f" {note}" if note else ""),
    )
    return _record_decision(
        entry=entry,
        actor=actor,
        kind=ClosureDecision.Kind.SIGNED_OFF,
        note=note,
        effective_on=today,
    )


@transaction.atomic
def closure_return(
    *, item_id: int, actor: User, expected_version: int, reason: str
) -> ClosureDecision:
    """A reviewer returns an item pending sign-off to its lead, with a reason."""
    access.require_item(actor, Need.REVIEW)
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            _("Give the reason for returning the item."), code="required"
        )
    item = lock_item(item_id=item_id, expected_version=expected_version)
    workflow.check_decision(item, workflow.RETURN)
    entry = record_decision(
        item,
        actor=actor,
        decision=workflow.RETURN,
        text=_("Returned to the lead: %(reason)s") % {"reason": reason},
    )
    return _record_decision(
        entry=entry,
        actor=actor,
        kind=ClosureDecision.Kind.RETURNED,
        note=reason,
        effective_on=timezone.localdate(),
    )


@transaction.atomic
def closure_record_hmicfrs_verified(
    *,
    item_id: int,
    actor: User,
    expected_version: int,
    verified_on: dt.date,
    note: str,
) -> ClosureDecision:
    """Record that HMICFRS verified a closed item's closure, once; it stays closed."""
    access.require_item(actor, Need.REVIEW)
    note = _hmicfrs_note(note=note, decided_on=verified_on)
    item = lock_item(item_id=item_id, expected_version=expected_version)
    workflow.check_decision(item, workflow.HMICFRS_VERIFIED)
    _check_after_sign_off(item, verified_on)
    if item.hmicfrs_verified_on is not None:
        raise ValidationError(
            _("HMICFRS verification is already recorded for this item."),
            code="already_verified",
        )
    item.hmicfrs_verified_on = verified_on
    entry = record_decision(
        item,
        actor=actor,
        decision=workflow.HMICFRS_VERIFIED,
        text=_("Closure verified by HMICFRS on %(when)s: %(note)s")
        % {"when": date_format(verified_on, "j F Y"), "note": note},
    )
    return _record_decision(
        entry=entry,
        actor=actor,
        kind=ClosureDecision.Kind.HMICFRS_VERIFIED,
        note=note,
        effective_on=verified_on,
    )


@transaction.atomic
def closure_record_hmicfrs_not_accepted(
    *,
    item_id: int,
    actor: User,
    expected_version: int,
    decided_on: dt.date,
    note: str,
) -> ClosureDecision:
    """Record that HMICFRS did not accept a closure: the item reopens, dates cleared."""
    access.require_item(actor, Need.REVIEW)
    note = _hmicfrs_note(note=note, decided_on=decided_on)
    item = lock_item(item_id=item_id, expected_version=expected_version)
    workflow.check_decision(item, workflow.HMICFRS_NOT_ACCEPTED)
    _check_after_sign_off(item, decided_on)
    item.closed_on = None
    item.hmicfrs_verified_on = None
    entry = record_decision(
        item,
        actor=actor,
        decision=workflow.HMICFRS_NOT_ACCEPTED,
        text=_("HMICFRS did not accept the closure (%(when)s): %(note)s")
        % {"when": date_format(decided_on, "j F Y"), "note": note},
    )
    return _record_decision(
        entry=entry,
        actor=actor,
        kind=ClosureDecision.Kind.HMICFRS_NOT_ACCEPTED,
        note=note,
        effective_on=decided_on,
    )


@transaction.atomic
def closure_reopen(
    *, item_id: int, actor: User, expected_version: int, reason: str
) -> ClosureDecision:
    """A reviewer reopens a closed item with a reason; the sign-off stays in history."""
    # For a sign-off made in error, or a closure that no longer holds: its own
    # decision, so a mistake is corrected truthfully (not by a false HMICFRS verdict).
    access.require_item(actor, Need.REVIEW)
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            _("Give the reason for reopening the item."), code="required"
        )
    item = lock_item(item_id=item_id, expected_version=expected_version)
    workflow.check_decision(item, workflow.REOPEN)
    item.closed_on = None
    item.hmicfrs_verified_on = None
    entry = record_decision(
        item,
        actor=actor,
        decision=workflow.REOPEN,
        text=_("Reopened by a reviewer: %(reason)s") % {"reason": reason},
    )
    return _record_decision(
        entry=entry,
        actor=actor,
        kind=ClosureDecision.Kind.REOPENED,
        note=reason,
        effective_on=timezone.localdate(),
    )


@transaction.atomic
def target_date_request(
    *,
    item_id: int,
    actor: User,
    new_date: dt.date,
    reason: str,
) -> TargetDateChange:
    """Ask for a new target date, with a reason; one open request per item."""
    require_date_change(actor, Need.EDIT)
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Give the reason for the new date."), code="required")
    item = lock_item(item_id=item_id, expected_version=None)
    if not item.is_open:
        raise ValidationError(
            _("The item is %(status)s: its target date no longer moves.")
            % {"status": item.get_status_display().lower()},
            code="wrong_state",
        )
    if item.target_date == new_date:
        raise ValidationError(
            _("That is already the item's target date."), code="same_date"
        )
    if new_date < timezone.localdate():
        raise ValidationError(
            _("The new target date must be today or in the future."), code="past"
        )
    pending = (
        TargetDateChange.objects.filter(
            item=item, status=TargetDateChange.Status.PENDING
        )
        .select_related("requested_by")
        .first()
    )
    if pending is not None:
        raise ValidationError(
            _(
                "%(who)s has already asked to move the date to %(date)s; a reviewer "
                "must decide that request first."
            )
            % {
                "who": display_name(pending.requested_by),
                "date": date_format(pending.to_date, "j F Y"),
            },
            code="pending_exists",
        )
    change = TargetDateChange(
        item=item,
        from_date=item.target_date,
        to_date=new_date,
        reason=reason,
        requested_by=actor,
        requested_at=timezone.now(),
    )
    save_with_history(
        change, actor=actor, reason=_("Target date change requested: %s") % reason
    )
    return change


def _locked_pending_request(*, change_id: int, actor: User) -> TargetDateChange:
    """Lock a date request still awaiting a decision that `actor` did not make."""
    change = TargetDateChange.objects.select_for_update().get(pk=change_id)
    if change.status == TargetDateChange.Status.LAPSED:
        raise ValidationError(
            _(
                "This request lapsed when the item was closed: there is nothing to "
                "decide. Ask again if the item is reopened."
            ),
            code="lapsed",
        )
    if change.status == TargetDateChange.Status.WITHDRAWN:
        raise ValidationError(
            _("%(who)s withdrew this request on %(when)s: there is nothing to decide.")
            % {
                "who": display_name(change.requested_by),
                "when": date_format(
                    timezone.localtime(change.decided_at), "j F Y \\a\\t H:i"
                )
                if change.decided_at
                else "",
            },
            code="withdrawn",
        )
    if change.status != TargetDateChange.Status.PENDING:
        raise ValidationError(
            _("This request was already %(status)s by %(who)s on %(when)s.")
            % {
                "status": change.get_status_display().lower(),
                "who": display_name(change.decided_by),
                "when": date_format(
                    timezone.localtime(change.decided_at), "j F Y \\a\\t H:i"
                )
                if change.decided_at
                else "",
            },
            code="already_decided",
        )
    if change.requested_by_id == actor.pk:
        raise ValidationError(
            _("You made this request, so another reviewer must decide it."),
            code="own_request",
        )
    return change


def _record_verdict(
    change: TargetDateChange, *, actor: User, status: str, note: str
) -> None:
    change.status = status
    change.decided_by = actor
    change.decided_at = timezone.now()
    change.decision_note = note
    save_with_history(
        change,
        actor=actor,
        reason=_("Target date change %(verdict)s%(note)s")
        % {
            "verdict": change.get_status_display().lower(),
            "note": f": {note}" if note else "",
        },
    )


@transaction.atomic
def target_date_approve(*, change_id: int, actor: User, note: str) -> TargetDateChange:
    """A reviewer (not the requester) approves a request: the target date moves."""
    require_date_change(actor, Need.REVIEW)
    note = note.strip()
    change = _locked_pending_request(change_id=change_id, actor=actor)
    item = lock_item(item_id=change.item_id, expected_version=None)
    if not item.is_open:
        raise ValidationError(
            _("The item is %(status)s: its target date no longer moves.")
            % {"status": item.get_status_display().lower()},
            code="wrong_state",
        )
    _record_verdict(
        change, actor=actor, status=TargetDateChange.Status.APPROVED, note=note
    )
    old = item.target_date
    item.target_date = change.to_date
    # The original target date never changes once set.
    if item.original_target_date is None:
        item.original_target_date = old or change.to_date
    save_item(
        item,
        actor=actor,
        reason=_(
            "Target date moved from %(old)s to %(new)s: %(reason)s "
            "(requested by %(who)s, approved by %(approver)s)"
        )
        % {
            "old": date_format(old, "j F Y") if old else _("none"),
            "new": date_format(change.to_date, "j F Y"),
            "reason": change.reason,
            "who": display_name(change.requested_by),
            "approver": display_name(actor),
        },
    )
    return change


@transaction.atomic
def target_date_requests_lapse(*, item: Item, actor: User) -> None:
    """A closing item's pending date request lapses, recorded, never revived."""
    # Run inside the decision that closes the item (recommendations.timeline's
    # closing hooks), whose access check and lock it relies on: a reopened item
    # must not bring an old request back with its old reason.
    for change in TargetDateChange.objects.select_for_update().filter(
        item_id=item.pk, status=TargetDateChange.Status.PENDING
    ):
        change.status = TargetDateChange.Status.LAPSED
        change.decided_at = timezone.now()
        save_with_history(
            change,
            actor=actor,
            reason=_(
                "Target date change to %(date)s lapsed: the item was %(status)s "
                "before a decision"
            )
            % {
                "date": date_format(change.to_date, "j F Y"),
                "status": item.get_status_display().lower(),
            },
        )


@transaction.atomic
def target_date_withdraw(*, change_id: int, actor: User) -> TargetDateChange:
    """The requester withdraws their request before a reviewer decides it."""
    require_date_change(actor, Need.EDIT)
    change = TargetDateChange.objects.select_for_update().get(pk=change_id)
    if change.requested_by_id != actor.pk:
        raise ValidationError(
            _("Only %(who)s, who made this request, can withdraw it.")
            % {"who": display_name(change.requested_by)},
            code="not_requester",
        )
    if change.status != TargetDateChange.Status.PENDING:
        raise ValidationError(
            _("This request was already %(status)s: it can no longer be withdrawn.")
            % {"status": change.get_status_display().lower()},
            code="already_decided",
        )
    change.status = TargetDateChange.Status.WITHDRAWN
    change.decided_at = timezone.now()
    save_with_history(
        change,
        actor=actor,
        reason=_("Target date change to %(date)s withdrawn by the requester")
        % {"date": date_format(change.to_date, "j F Y")},
    )
    return change


@transaction.atomic
def target_date_reject(*, change_id: int, actor: User, note: str) -> TargetDateChange:
    """A reviewer (not the requester) rejects a request, saying why; nothing moves."""
    require_date_change(actor, Need.REVIEW)
    note = note.strip()
    if not note:
        raise ValidationError(
            _("Give the reason for rejecting the request."), code="required"
        )
    change = _locked_pending_request(change_id=change_id, actor=actor)
    _record_verdict(
        change, actor=actor, status=TargetDateChange.Status.REJECTED, note=note
    )
    return change


def _refuse_if_published(report: Report) -> None:
    """Once published, the response's text is the record: it no longer changes."""
    if report.response_published_on:
        raise ValidationError(
            _(
                "The response was published on %(when)s, so its text no longer "
                "changes. To correct it, first clear the publication date (Record "
                "dates, with a reason)."
            )
            % {"when": date_format(report.response_published_on, "j F Y")},
            code="published",
        )


def _lock_letter(*, report: Report, expected_version: int) -> S55Letter:
    """The report's letter, locked (the report locked first), or a new unsaved one
    at version 0; refused if it changed since the form's `expected_version`."""
    letter = S55Letter.objects.select_for_update().filter(report=report).first()
    if letter is None:
        letter = S55Letter(report=report, version=0)
    if letter.version != expected_version:
        raise ConflictError(
            _(
                "The letter was changed by %(who)s on %(when)s since you opened it. "
                "Nothing has been saved. Review the current text and try again."
            )
            % changed_by(letter),
            code="stale",
        )
    return letter


def _save_letter(letter: S55Letter, *, actor: User, reason: str) -> None:
    """Write a locked letter with its version incremented, so open forms go stale."""
    letter.version += 1
    save_with_history(letter, actor=actor, reason=reason)


def _clear_approval(letter: S55Letter, *, reason: str) -> str:
    """Withdraw the letter's approval (unsaved); `reason`, saying so, for history."""
    withdrawn = _("The approval given by %(approval)s is withdrawn.") % {
        "approval": letter.approval_label
    }
    letter.approved_by = None
    letter.approved_at = None
    letter.approved_digest = ""
    return f"{reason.rstrip(' .')}. {withdrawn}"


def _keep_approval_current(
    *, report: Report, actor: User, before: str, why: str
) -> None:
    """After a change that alters what the letter prints (its digest was `before`):
    an approval is withdrawn, with history; a published letter refuses the change."""
    letter = S55Letter.objects.select_for_update().filter(report=report).first()
    if letter is None or letter.approved_at is None:
        return
    if selectors.s55_letter_state(report=report).digest == before:
        return
    _refuse_if_published(report)
    _save_letter(letter, actor=actor, reason=_clear_approval(letter, reason=why))


def _check_final_letter_exists(*, report: Report, published_on: dt.date) -> None:
    """A response is published as its final letter: approved, every part written."""
    state = selectors.s55_letter_state(report=report)
    if not state.can_be_final:
        raise ValidationError(
            _(
                "The response cannot be recorded as published until its final "
                "letter exists. Still needed: %(what)s."
            )
            % {"what": "; ".join(state.final_refusals)},
            code="no_final_letter",
        )
    approved_at = state.letter.approved_at if state.letter else None
    if approved_at and published_on < timezone.localtime(approved_at).date():
        raise ValidationError(
            _(
                "The response cannot have been published before its text was "
                "approved (%(approval)s)."
            )
            % {"approval": state.approval_label},
            code="before_approval",
        )


@transaction.atomic
def report_record_s55(
    *,
    report_id: int,
    actor: User,
    expected_change: int,
    s55_required: bool,
    chief_comments_requested_by: dt.date | None,
    chief_comments_received_on: dt.date | None,
    response_published_on: dt.date | None,
    response_url: str,
    reason: str,
) -> Report:
    """Record the s.55 steps; a publication date needs the final letter to exist."""
    access.require_report(actor, Need.EDIT)
    report = lock_report(report_id=report_id, expected_change=expected_change)
    for label, value in (
        (_("The date the comments were requested by"), chief_comments_requested_by),
        (_("The date the comments arrived"), chief_comments_received_on),
        (_("The response's publication date"), response_published_on),
    ):
        if value is not None and value < report.published_on:
            raise ValidationError(
                _("%(what)s cannot be before the report was published.")
                % {"what": label},
                code="before_publication",
            )
    if response_published_on and response_published_on > timezone.localdate():
        raise ValidationError(
            _("The response's publication date cannot be in the future."),
            code="future",
        )
    # A date recorded before the letter was kept here (or a correction of a date
    # already recorded) stands; recording the publication needs the final letter.
    first_publication = report.response_published_on is None
    before = selectors.s55_letter_state(report=report).digest
    report.s55_required = s55_required
    report.chief_comments_requested_by = chief_comments_requested_by
    report.chief_comments_received_on = chief_comments_received_on
    report.response_published_on = response_published_on
    report.response_url = response_url.strip()
    if response_published_on is not None and first_publication:
        _check_final_letter_exists(report=report, published_on=response_published_on)
    save_with_history(report, actor=actor, reason=reason.strip() or _("Section 55"))
    _keep_approval_current(
        report=report,
        actor=actor,
        before=before,
        why=_("The report's section 55 details changed: %(reason)s")
        % {"reason": reason.strip() or _("Section 55")},
    )
    return report


@transaction.atomic
def item_record_s55_response(
    *,
    item_id: int,
    actor: User,
    expected_version: int,
    response: str,
) -> Item:
    """Record what will be done about a recommendation, or why nothing (s.55(5B))."""
    access.require_item(actor, Need.EDIT)
    response = response.strip()
    if not response:
        raise ValidationError(
            _(
                "Write the response: the action taken or to be taken, or why none "
                "will be."
            ),
            code="required",
        )
    # The report first, then the item: the order loading a report locks them in.
    report_id = Item.objects.values_list("report_id", flat=True).get(pk=item_id)
    report = Report.objects.select_for_update().get(pk=report_id)
    item = lock_item(item_id=item_id, expected_version=expected_version)
    _refuse_if_published(report)
    before = selectors.s55_letter_state(report=report).digest
    item.s55_response = response
    save_item(item, actor=actor, reason=_("Section 55 response recorded"))
    _keep_approval_current(
        report=report,
        actor=actor,
        before=before,
        why=_("The response to recommendation %(ref)s changed.")
        % {"ref": item.reference},
    )
    return item


@transaction.atomic
def s55_letter_record_text(
    *,
    report_id: int,
    actor: User,
    expected_version: int,
    pcc_comments: str,
    chief_comments: str,
    pcc_reply: str,
    reason: str,
) -> S55Letter:
    """Write the letter's comments, with a reason; a change withdraws its approval."""
    access.require_report(actor, Need.EDIT)
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Enter the reason for the change."), code="required")
    report = Report.objects.select_for_update().get(pk=report_id)
    _refuse_if_published(report)
    letter = _lock_letter(report=report, expected_version=expected_version)
    text = {
        "pcc_comments": pcc_comments.strip(),
        "chief_comments": chief_comments.strip(),
        "pcc_reply": pcc_reply.strip(),
    }
    if (letter.pcc_comments, letter.chief_comments, letter.pcc_reply) == tuple(
        text.values()
    ):
        raise ValidationError(
            _("Nothing has changed: the letter already says this."), code="unchanged"
        )
    letter.pcc_comments = text["pcc_comments"]
    letter.chief_comments = text["chief_comments"]
    letter.pcc_reply = text["pcc_reply"]
    if letter.approved_at is not None:
        reason = _clear_approval(letter, reason=reason)
    _save_letter(letter, actor=actor, reason=reason)
    return letter


@transaction.atomic
def s55_letter_approve(
    *,
    report_id: int,
    actor: User,
    expected_version: int,
    expected_digest: str,
) -> S55Letter:
    """A reviewer approves the letter's complete text, as read, for the final letter."""
    access.require(
        actor, Need.REVIEW, refusal=_("Only a reviewer can approve the letter's text.")
    )
    report = Report.objects.select_for_update().get(pk=report_id)
    _refuse_if_published(report)
    letter = _lock_letter(report=report, expected_version=expected_version)
    state = selectors.s55_letter_state(report=report)
    if state.digest != expected_digest:
        raise ConflictError(
            _(
                "The letter's text changed since you opened this page (a "
                "recommendation's response or the report's details). Nothing has "
                "been approved: read the current text and approve it again."
            ),
            code="stale",
        )
    if state.missing:
        raise ValidationError(
            _("The text cannot be approved yet. Still needed: %(what)s.")
            % {"what": "; ".join(state.missing)},
            code="incomplete",
        )
    if state.approved:
        raise ValidationError(
            _("The text is already approved (%(approval)s).")
            % {"approval": state.approval_label},
            code="already_approved",
        )
    letter.approved_by = actor
    letter.approved_at = timezone.now()
    letter.approved_digest = state.digest
    _save_letter(letter, actor=actor, reason=_("Text approved for publication"))
    return letter
