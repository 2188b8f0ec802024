"""Oversight's sections of other apps' pages: on the item page, closure decisions
and the date ledger; on the report page, the section 55 clock and letter."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from recommendations.access import Need, allows
from recommendations.models import Item, Report

from . import selectors


def item_oversight_panel(request: HttpRequest, item: Item) -> dict[str, Any]:
    ledger = selectors.date_ledger(item=item)
    reviewer = allows(request.user, Need.REVIEW)
    return {
        "template": "oversight/_item_panel.html",
        "actions_template": "oversight/_item_actions.html",
        "ledger": ledger,
        "decisions": selectors.closure_decisions(item=item),
        "can_request_date": allows(request.user, Need.EDIT)
        and item.is_open
        and ledger.pending is None,
        "can_decide_date": reviewer and ledger.pending is not None,
        "can_decide_closure": reviewer and item.status == Item.Status.PENDING_SIGN_OFF,
        "can_record_hmicfrs": reviewer and item.status == Item.Status.CLOSED,
        "can_reopen": reviewer and item.status == Item.Status.CLOSED,
        "can_withdraw_date": ledger.pending is not None
        and ledger.pending.requested_by_id == request.user.pk
        and allows(request.user, Need.EDIT),
    }


def report_s55_panel(request: HttpRequest, report: Report) -> dict[str, Any]:
    """The report's section 55 deadline, its standing and how far the letter is."""
    [row] = selectors.s55_rows(today=timezone.localdate(), reports=[report])
    return {
        "template": "oversight/_report_s55_panel.html",
        "row": row,
        "state": selectors.s55_letter_state(report=report),
    }
