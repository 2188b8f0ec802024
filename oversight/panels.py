"""The oversight section of the item page: closure decisions and the date ledger."""

from typing import Any

from django.http import HttpRequest

from recommendations import roles
from recommendations.models import Item

from . import selectors


def item_oversight_panel(request: HttpRequest, item: Item) -> dict[str, Any]:
    ledger = selectors.date_ledger(item=item)
    return {
        "template": "oversight/_item_panel.html",
        "actions_template": "oversight/_item_actions.html",
        "ledger": ledger,
        "decisions": selectors.closure_decisions(item=item),
        "can_request_date": roles.can_edit(request.user)
        and item.is_open
        and ledger["pending"] is None,
        "can_decide_date": roles.can_review(request.user)
        and ledger["pending"] is not None,
        "can_decide_closure": roles.can_review(request.user)
        and item.status == Item.Status.PENDING_SIGN_OFF,
        "can_record_hmicfrs": roles.can_review(request.user)
        and item.status == Item.Status.CLOSED,
    }
