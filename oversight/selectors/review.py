"""Reads for the DCC's review page: overdue items by ageing band, the queues."""

import datetime as dt
from typing import Any

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery

from recommendations.figures import cached_figure
from recommendations.models import (
    Item,
    ProgressUpdate,
)

from ..models import TargetDateChange

# (label, lowest days overdue, highest days overdue or None)
AGEING_BANDS = [
    ("0 to 30 days", 1, 30),
    ("31 to 90 days", 31, 90),
    ("91 to 180 days", 91, 180),
    ("Over 180 days", 181, None),
]


def ageing_band(days_overdue: int) -> str:
    """The ageing band an item overdue by `days_overdue` (1 or more) falls in."""
    for label, low, high in AGEING_BANDS:
        if days_overdue >= low and (high is None or days_overdue <= high):
            return label
    return ""


# The review page shows this many of each queue (oldest or most overdue first), with
# the full count and a link to the whole set in the item list.
REVIEW_QUEUE_LIMIT = 25


def overdue_queryset(
    *,
    today: dt.date,
    owner: str = "",
    lead_team: str = "",
    report_id: int | None = None,
) -> QuerySet[Item]:
    queryset = Item.objects.overdue(today)
    if owner:
        queryset = queryset.owned_by(owner)
    if lead_team:
        queryset = queryset.filter(lead_team=lead_team)
    if report_id:
        queryset = queryset.filter(report_id=report_id)
    return queryset


def overdue_items(
    *,
    today: dt.date,
    owner: str = "",
    lead_team: str = "",
    report_id: int | None = None,
    limit: int | None = None,
) -> list[Item]:
    """Open items past their current target date, most overdue first."""
    queryset = (
        overdue_queryset(
            today=today, owner=owner, lead_team=lead_team, report_id=report_id
        )
        .select_related("report", "lead")
        .order_by("target_date", "id")
    )
    latest_update = ProgressUpdate.objects.filter(item=OuterRef("pk")).order_by(
        "-created_at", "-id"
    )
    queryset = queryset.annotate(
        last_update_at=Subquery(latest_update.values("created_at")[:1]),
        last_update_text=Subquery(latest_update.values("text")[:1]),
    )
    # Any: items annotated with their latest update and, below, how late they are.
    items: list[Any] = list(queryset[:limit] if limit is not None else queryset)
    for item in items:
        item.days_late = item.days_overdue(today)
        item.band = ageing_band(item.days_late)
    return items


def band_counts(queryset: QuerySet[Item], today: dt.date) -> list[tuple[str, int]]:
    """How many overdue items fall in each ageing band: one aggregate query."""

    def in_band(low: int, high: int | None) -> Q:
        condition = Q(target_date__lte=today - dt.timedelta(days=low))
        if high is not None:
            condition &= Q(target_date__gte=today - dt.timedelta(days=high))
        return condition

    counts = queryset.aggregate(
        **{
            f"band{index}": Count("id", filter=in_band(low, high))
            for index, (_label, low, high) in enumerate(AGEING_BANDS)
        }
    )
    return [
        (label, counts[f"band{index}"] or 0)
        for index, (label, _low, _high) in enumerate(AGEING_BANDS)
    ]


def awaiting_sign_off(*, limit: int | None = None) -> list[Item]:
    """Items pending sign-off with the proposal that put them there, oldest first."""
    proposals = ProgressUpdate.objects.filter(
        status_to=Item.Status.PENDING_SIGN_OFF
    ).select_related("author")
    queryset = (
        Item.objects.filter(status=Item.Status.PENDING_SIGN_OFF)
        .select_related("report", "lead")
        .prefetch_related(Prefetch("updates", queryset=proposals, to_attr="proposals"))
        .order_by("updated_at", "id")
    )
    # Any: items carrying their prefetched proposals and, below, the latest one.
    items: list[Any] = list(queryset[:limit] if limit is not None else queryset)
    for item in items:
        item.proposal = item.proposals[0] if item.proposals else None
    return items


def awaiting_sign_off_count() -> int:
    return Item.objects.filter(status=Item.Status.PENDING_SIGN_OFF).count()


def awaiting_date_decisions() -> QuerySet[TargetDateChange]:
    return (
        TargetDateChange.objects.filter(status=TargetDateChange.Status.PENDING)
        .select_related("item__report", "item__lead", "requested_by")
        .order_by("requested_at", "id")
    )


def lead_teams() -> list[str]:
    """The teams leading open items (a DISTINCT over them all, so cached)."""
    return cached_figure(
        "lead-teams",
        None,
        lambda: list(
            Item.objects.open()
            .exclude(lead_team="")
            .values_list("lead_team", flat=True)
            .distinct()
            .order_by("lead_team")
        ),
    )
