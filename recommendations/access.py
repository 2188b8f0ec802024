"""Who may do what: one access helper per object type, for pages and services alike.

`Need` names what an action needs; `allows` is the one table from needs to roles
(recommendations.roles). Pages fetch through `*_for_user` (403 for the wrong role,
then 404 for a missing object, so an outsider learns nothing). Services call
`require_*`, which refuses the same people with a ValidationError (code "forbidden"),
so a service called from elsewhere refuses exactly whom its page does.
"""

from collections.abc import Callable, Mapping
from enum import Enum
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from . import roles
from .models import Item, ProgressUpdate, Report

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class Need(Enum):
    VIEW = "view"  # any role
    EDIT = "edit"  # office staff, reviewers, administrators
    REVIEW = "review"  # reviewers, administrators
    ADMINISTER = "administer"  # administrators


_RULES: dict[Need, Callable[[roles.User], bool]] = {
    Need.VIEW: roles.can_view,
    Need.EDIT: roles.can_edit,
    Need.REVIEW: roles.can_review,
    Need.ADMINISTER: roles.is_administrator,
}


def allows(user: roles.User, need: Need) -> bool:
    """Whether the user's roles meet the need: the one place pages and services ask."""
    return _RULES[need](user)


# Pages.


def require_page(user: roles.User, need: Need) -> None:
    """For a page about no one object (a list, a dashboard): 403 unless allowed."""
    if not allows(user, need):
        raise PermissionDenied


def item_for_user(user: roles.User, pk: int, *, need: Need) -> Item:
    """The item with its report and lead, if the user may do what `need` says."""
    require_page(user, need)
    return get_object_or_404(Item.objects.select_related("report", "lead"), pk=pk)


def report_for_user(user: roles.User, pk: int, *, need: Need) -> Report:
    require_page(user, need)
    return get_object_or_404(Report, pk=pk)


def progress_update_for_user(
    user: roles.User, pk: int, *, need: Need = Need.VIEW
) -> ProgressUpdate:
    """A progress update (its evidence), if the user may do what `need` says."""
    require_page(user, need)
    return get_object_or_404(ProgressUpdate, pk=pk)


# Services.

_GENERIC = _("You do not have permission to do this.")
_ITEM_REFUSALS: Mapping[Need, "StrOrPromise"] = {
    Need.EDIT: _("You do not have permission to change items."),
    Need.REVIEW: _("Only a reviewer can make this decision."),
    Need.ADMINISTER: _("Only an administrator can correct an item's details."),
}
_REPORT_REFUSALS: Mapping[Need, "StrOrPromise"] = {
    Need.EDIT: _("You do not have permission to change reports."),
    Need.ADMINISTER: _("Only an administrator can load or correct reports."),
}


def require(user: roles.User, need: Need, *, refusal: "StrOrPromise") -> None:
    """Refuse a service call the user's roles do not allow, saying `refusal`."""
    if not allows(user, need):
        raise ValidationError(refusal, code="forbidden")


def require_item(user: roles.User, need: Need) -> None:
    """A write to an item or its timeline (progress updates, evidence, decisions)."""
    require(user, need, refusal=_ITEM_REFUSALS.get(need, _GENERIC))


def require_report(user: roles.User, need: Need) -> None:
    """A write to a report: its section 55 record, loading or correcting it."""
    require(user, need, refusal=_REPORT_REFUSALS.get(need, _GENERIC))
