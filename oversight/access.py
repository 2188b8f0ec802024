"""Access to oversight's own object, the target-date change, on the recommendations
app's rules (recommendations.access): the same needs, roles and refusals."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from recommendations import roles
from recommendations.access import Need, require, require_page

from .models import TargetDateChange

_REFUSALS = {
    # Asking for a new date changes the item's plan: the item's editors may.
    Need.EDIT: _("You do not have permission to change items."),
    Need.REVIEW: _("Only a reviewer can make this decision."),
}


def date_change_for_user(
    user: roles.User, pk: int, *, need: Need = Need.REVIEW
) -> TargetDateChange:
    """The request with its item, report and requester, if the user may `need`."""
    require_page(user, need)
    return get_object_or_404(
        TargetDateChange.objects.select_related("item__report", "requested_by"), pk=pk
    )


def require_date_change(user: roles.User, need: Need) -> None:
    """A service's refusal for asking for (EDIT) or deciding (REVIEW) a new date."""
    require(
        user,
        need,
        refusal=_REFUSALS.get(need, _("You do not have permission to do this.")),
    )
