"""Reads for the DCC's review page, the dashboard and the item page's panels."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils.translation import gettext_lazy as _

from recommendations import choicesets
from recommendations.models import Item, Owner, ProgressUpdate

from .models import ClosureDecision, TargetDateChange

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


def overdue_items(
    *,
    today: dt.date,
    owner: str = "",
    lead_team: str = "",
    report_id: int | None = None,
) -> list[Item]:
    """Open items past their current target date, most overdue first."""
    queryset = (
        Item.objects.overdue(today)
        .select_related("report", "lead")
        .order_by("target_date", "id")
    )
    if owner:
        queryset = queryset.owned_by(owner)
    if lead_team:
        queryset = queryset.filter(lead_team=lead_team)
    if report_id:
        queryset = queryset.filter(report_id=report_id)
    latest_update = ProgressUpdate.objects.filter(item=OuterRef("pk")).order_by(
        "-created_at", "-id"
    )
    queryset = queryset.annotate(
        last_update_at=Subquery(latest_update.values("created_at")[:1]),
        last_update_text=Subquery(latest_update.values("text")[:1]),
    )
    items = list(queryset)
    for item in items:
        item.days_late = item.days_overdue(today)  # type: ignore[attr-defined]
        item.band = ageing_band(item.days_late)  # type: ignore[attr-defined]
    return items


def band_counts(items: list[Item]) -> list[tuple[str, int]]:
    return [
        (label, sum(1 for item in items if item.band == label))  # type: ignore[attr-defined]
        for label, _low, _high in AGEING_BANDS
    ]


def awaiting_sign_off() -> list[Item]:
    """Items pending sign-off with the proposal that put them there."""
    proposals = ProgressUpdate.objects.filter(
        status_to=Item.Status.PENDING_SIGN_OFF
    ).select_related("author")
    items = list(
        Item.objects.filter(status=Item.Status.PENDING_SIGN_OFF)
        .select_related("report", "lead")
        .prefetch_related(Prefetch("updates", queryset=proposals, to_attr="proposals"))
        .order_by("updated_at", "id")
    )
    for item in items:
        item.proposal = item.proposals[0] if item.proposals else None  # type: ignore[attr-defined]
    return items


def awaiting_date_decisions() -> QuerySet[TargetDateChange]:
    return (
        TargetDateChange.objects.filter(status=TargetDateChange.Status.PENDING)
        .select_related("item__report", "item__lead", "requested_by")
        .order_by("requested_at", "id")
    )


def lead_teams() -> list[str]:
    return list(
        Item.objects.open()
        .exclude(lead_team="")
        .values_list("lead_team", flat=True)
        .distinct()
        .order_by("lead_team")
    )


def date_ledger(*, item: Item) -> dict[str, Any]:
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
    return {"changes": changes, "slipped_days": slipped, "pending": pending}


def closure_decisions(*, item: Item) -> QuerySet[ClosureDecision]:
    return ClosureDecision.objects.filter(item=item).select_related(
        "decided_by", "proposed_by", "proposal"
    )


@dataclass
class Figure:
    label: str
    count: int
    url_query: str
    css: str = ""


def _bar_scale(figures: list[Figure]) -> int:
    return max([f.count for f in figures] + [1])


def dashboard(*, today: dt.date, user: Any) -> dict[str, Any]:
    """Counts by status, RAG and owner; due soon; recently updated; my items."""
    by_status = dict(
        Item.objects.values_list("status").annotate(n=Count("id")).order_by()
    )
    status_figures = [
        Figure(str(label), by_status.get(value, 0), f"status={value}")
        for value, label in Item.Status.choices
    ]
    by_rag = dict(
        Item.objects.open()
        .with_rag(today)
        .values_list("rag_value")
        .annotate(n=Count("id"))
        .order_by()
    )
    rag_figures = [
        Figure(str(label), by_rag.get(value, 0), f"rag={value}", value)
        for value, label in Item.Rag.choices
    ]
    owner_counts = Item.objects.open().aggregate(
        **{
            value: Count("id", filter=Q(owners__contains=choicesets.contains(value)))
            for value in Owner.values
        }
    )
    open_query = "&".join(f"status={s}" for s in Item.Status.open_values())
    owner_figures = [
        Figure(str(label), owner_counts[value] or 0, f"owner={value}&{open_query}")
        for value, label in Owner.choices
    ]
    due_soon_end = today + dt.timedelta(days=30)
    due_soon = (
        Item.objects.open()
        .filter(target_date__gte=today, target_date__lte=due_soon_end)
        .select_related("report", "lead")
        .order_by("target_date", "id")[:20]
    )
    recent = (
        Item.objects.select_related("report", "lead")
        .with_rag(today)
        .order_by("-updated_at", "-id")[:10]
    )
    mine = (
        Item.objects.open()
        .filter(lead=user)
        .select_related("report")
        .with_rag(today)
        .order_by("target_date", "id")
        if user.is_authenticated
        else Item.objects.none()
    )
    overdue_count = Item.objects.overdue(today).count()
    return {
        "total": sum(by_status.values()),
        "open_count": sum(by_status.get(s, 0) for s in Item.Status.open_values()),
        "overdue_count": overdue_count,
        "charts": [
            {
                "id": "status",
                "title": _("Items by status"),
                "figures": status_figures,
                "max": _bar_scale(status_figures),
            },
            {
                "id": "rag",
                "title": _("Open items by RAG"),
                "figures": rag_figures,
                "max": _bar_scale(rag_figures),
            },
            {
                "id": "owner",
                "title": _("Open items by owner"),
                "figures": owner_figures,
                "max": _bar_scale(owner_figures),
            },
        ],
        "due_soon": due_soon,
        "due_soon_query": f"target_from={today:%Y-%m-%d}&target_to="
        f"{due_soon_end:%Y-%m-%d}&{open_query}",
        "recent": recent,
        "mine": mine,
        "pending_sign_off_count": by_status.get(Item.Status.PENDING_SIGN_OFF, 0),
        "pending_date_count": TargetDateChange.objects.filter(
            status=TargetDateChange.Status.PENDING
        ).count(),
        "due_soon_days": settings.RAG_DUE_SOON_DAYS,
    }
