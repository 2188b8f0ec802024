"""Reads for oversight's panel on the item page: the date ledger, decisions."""

from dataclasses import dataclass

from django.db.models import QuerySet

from recommendations.models import (
    Item,
)

from ..models import ClosureDecision, TargetDateChange


@dataclass(frozen=True)
class DateLedger:
    """An item's target-date changes, its total slip and any request awaiting one."""

    changes: list[TargetDateChange]
    slipped_days: int
    pending: TargetDateChange | None


def date_ledger(*, item: Item) -> DateLedger:
    changes = list(
        TargetDateChange.objects.filter(item=item).select_related(
            "requested_by", "decided_by"
        )
    )
    slipped = 0
    if item.original_target_date and item.target_date:
        slipped = (item.target_date - item.original_target_date).days
    pending = next(
        (c for c in changes if c.status == TargetDateChange.Status.PENDING), None
    )
    return DateLedger(changes=changes, slipped_days=slipped, pending=pending)


def closure_decisions(*, item: Item) -> QuerySet[ClosureDecision]:
    return ClosureDecision.objects.filter(item=item).select_related(
        "decided_by", "proposed_by", "proposal"
    )
