"""The home page's figures: counts by status, RAG and owner, due soon, my items."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy as _

from recommendations.figures import cached_figure
from recommendations.models import (
    Item,
    Owner,
    annotate_rag,
    open_q,
    overdue_q,
    owned_by_q,
)
from recommendations.selectors import added_up, item_states_as_at, items_as_at

from ..models import TargetDateChange

Filters = dict[str, str | list[str]]


@dataclass
class Figure:
    """One count, and the item list's filters that list exactly those items."""

    label: str
    count: int
    filters: Filters
    css: str = ""


@dataclass
class Chart:
    id: str
    title: str
    figures: list[Figure]

    @property
    def max(self) -> int:
        """The bar scale: the largest count (at least 1)."""
        return max([f.count for f in self.figures] + [1])


@dataclass
class Dashboard:
    """The home page: figures over every item (or as at a past day), lists."""

    total: int
    open_count: int
    overdue_count: int
    pending_sign_off_count: int
    pending_date_count: int
    charts: list[Chart]
    due_soon: Any
    due_soon_days: int
    due_soon_filters: Filters
    recent: Any
    mine: Any
    mine_count: int
    mine_filters: Filters
    open_filters: Filters = field(
        default_factory=lambda: {"status": list(Item.Status.open_values())}
    )


# The dashboard lists this many of the user's own open items, soonest due first.
MY_ITEMS_LIMIT = 20


def _dashboard_counts(items: QuerySet, today: dt.date) -> dict[str, Any]:
    """The dashboard's figures over every item: aggregates, so cached (figures)."""
    open_items = items.filter(open_q())
    return {
        "by_status": dict(
            items.values_list("status").annotate(n=Count("id")).order_by()
        ),
        "by_rag": dict(
            annotate_rag(open_items, today)
            .values_list("rag_value")
            .annotate(n=Count("id"))
            .order_by()
        ),
        "by_owner": open_items.aggregate(
            **{value: Count("id", filter=owned_by_q(value)) for value in Owner.values}
        ),
        "overdue": items.filter(overdue_q(today)).count(),
    }


def dashboard(*, today: dt.date, user: Any, as_at: bool = False) -> Dashboard:
    """Counts by status, RAG and owner; due soon; recently updated; my items.

    With `as_at`, everything is as it stood at the end of `today`, from history.
    Each figure carries the item list's filters for what it counts; the page adds
    the day it shows (as_at) to every link.
    """
    items: QuerySet = items_as_at(day=today) if as_at else Item.objects.all()
    open_items = items.filter(open_q())

    def compute() -> dict[str, Any]:
        parts = item_states_as_at(day=today) if as_at else None
        if parts is None:
            return _dashboard_counts(items, today)
        # A past day: counted over the as-at index's rows, part by part.
        return added_up([_dashboard_counts(part, today) for part in parts])

    counts = cached_figure("dashboard", (today, as_at), compute)
    by_status, by_rag = counts["by_status"], counts["by_rag"]
    open_statuses = list(Item.Status.open_values())
    status_figures = [
        Figure(str(label), by_status.get(value, 0), {"status": value})
        for value, label in Item.Status.choices
    ]
    rag_figures = [
        Figure(str(label), by_rag.get(value, 0), {"rag": value}, value)
        for value, label in Item.Rag.choices
    ]
    owner_figures = [
        Figure(
            str(label),
            counts["by_owner"][value] or 0,
            {"owner": value, "status": open_statuses},
        )
        for value, label in Owner.choices
    ]
    due_soon_end = today + dt.timedelta(days=settings.DUE_SOON_DAYS)
    due_soon: Any = (
        open_items.filter(target_date__gte=today, target_date__lte=due_soon_end)
        .select_related("report", "lead")
        .order_by("target_date", "id")[:20]
    )
    if as_at:
        # A past day's list never changes; searching history for it is not cheap.
        due_soon = cached_figure(
            "dashboard-due-soon",
            (today, settings.DUE_SOON_DAYS),
            lambda: list(due_soon),
        )
    recent = (
        []
        if as_at
        else annotate_rag(
            Item.objects.select_related("report", "lead"), today
        ).order_by("-updated_at", "-id")[:10]
    )
    mine: Any = []
    mine_count = 0
    if user.is_authenticated:
        my_items = open_items.filter(lead=user)
        mine = annotate_rag(my_items.select_related("report"), today).order_by(
            "target_date", "id"
        )[:MY_ITEMS_LIMIT]
        if as_at:
            mine = cached_figure("dashboard-mine", (today, user.pk), lambda: list(mine))
        mine_count = cached_figure(
            "dashboard-mine-count", (today, as_at, user.pk), my_items.count
        )
    return Dashboard(
        total=sum(by_status.values()),
        open_count=sum(by_status.get(s, 0) for s in open_statuses),
        overdue_count=counts["overdue"],
        pending_sign_off_count=by_status.get(Item.Status.PENDING_SIGN_OFF, 0),
        pending_date_count=TargetDateChange.objects.filter(
            status=TargetDateChange.Status.PENDING
        ).count(),
        charts=[
            Chart("status", str(_("Items by status")), status_figures),
            Chart("rag", str(_("Open items by RAG")), rag_figures),
            Chart("owner", str(_("Open items by owner")), owner_figures),
        ],
        due_soon=due_soon,
        due_soon_days=settings.DUE_SOON_DAYS,
        due_soon_filters={
            "target_from": f"{today:%Y-%m-%d}",
            "target_to": f"{due_soon_end:%Y-%m-%d}",
            "status": open_statuses,
        },
        recent=recent,
        mine=mine,
        mine_count=mine_count,
        mine_filters={"lead": str(user.pk), "status": open_statuses, "sort": "target"},
    )
