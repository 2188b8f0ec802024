"""Reads for the DCC's review page, the dashboard and the item page's panels."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from recommendations import people
from recommendations.figures import cached_figure
from recommendations.models import (
    S55_PERIOD_DAYS,
    Item,
    Owner,
    ProgressUpdate,
    Report,
    annotate_rag,
    open_q,
    overdue_q,
    owned_by_q,
)
from recommendations.selectors import day_cutoff, items_as_at

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
    items = list(queryset[:limit] if limit is not None else queryset)
    for item in items:
        item.days_late = item.days_overdue(today)  # type: ignore[attr-defined]
        item.band = ageing_band(item.days_late)  # type: ignore[attr-defined]
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
    items = list(queryset[:limit] if limit is not None else queryset)
    for item in items:
        item.proposal = item.proposals[0] if item.proposals else None  # type: ignore[attr-defined]
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


def dashboard(*, today: dt.date, user: Any, as_at: bool = False) -> dict[str, Any]:
    """Counts by status, RAG and owner; due soon; recently updated; my items.

    With `as_at`, everything is as it stood at the end of `today`, from history.
    """
    items: QuerySet = items_as_at(day=today) if as_at else Item.objects.all()
    open_items = items.filter(open_q())
    counts = cached_figure(
        "dashboard", (today, as_at), lambda: _dashboard_counts(items, today)
    )
    by_status, by_rag = counts["by_status"], counts["by_rag"]
    status_figures = [
        Figure(str(label), by_status.get(value, 0), f"status={value}")
        for value, label in Item.Status.choices
    ]
    rag_figures = [
        Figure(str(label), by_rag.get(value, 0), f"rag={value}", value)
        for value, label in Item.Rag.choices
    ]
    open_query = "&".join(f"status={s}" for s in Item.Status.open_values())
    owner_figures = [
        Figure(
            str(label), counts["by_owner"][value] or 0, f"owner={value}&{open_query}"
        )
        for value, label in Owner.choices
    ]
    suffix = f"&as_at={today:%Y-%m-%d}" if as_at else ""
    for figure in [*status_figures, *rag_figures, *owner_figures]:
        figure.url_query += suffix
    due_soon_end = today + dt.timedelta(days=settings.DUE_SOON_DAYS)
    due_soon = (
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
    return {
        "total": sum(by_status.values()),
        "open_count": sum(by_status.get(s, 0) for s in Item.Status.open_values()),
        "overdue_count": counts["overdue"],
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
        f"{due_soon_end:%Y-%m-%d}&{open_query}{suffix}",
        "recent": recent,
        "mine": mine,
        "mine_count": mine_count,
        "mine_query": f"lead={user.pk}&{open_query}&sort=target{suffix}",
        "pending_sign_off_count": by_status.get(Item.Status.PENDING_SIGN_OFF, 0),
        "pending_date_count": TargetDateChange.objects.filter(
            status=TargetDateChange.Status.PENDING
        ).count(),
        "due_soon_days": settings.DUE_SOON_DAYS,
        "suffix": suffix,
    }


def s55_reports(queryset: QuerySet[Report] | None = None) -> QuerySet[Report]:
    """Reports that need a section 55 response, newest first."""
    return (
        (queryset if queryset is not None else Report.objects.all())
        .filter(s55_required=True)
        .exclude(kind=Report.Kind.SUPER_COMPLAINT)
        .order_by("-published_on", "title")
    )


def s55_rows(*, today: dt.date, reports: Iterable[Report]) -> list[dict]:
    """Each of `reports` (from s55_reports) with its deadline and standing."""
    rows = []
    for report in reports:
        deadline = report.s55_deadline
        published = report.response_published_on
        rows.append(
            {
                "report": report,
                "deadline": deadline,
                "days_left": (deadline - today).days if deadline else None,
                "published": published,
                "late": bool(deadline and (published or today) > deadline),
            }
        )
    return rows


def s55_due(*, today: dt.date, within: int = 14) -> dict[str, list[dict]]:
    """Responses not yet published: overdue ones, and those due within `within` days."""
    latest_publication = today + dt.timedelta(days=within - (S55_PERIOD_DAYS - 1))
    waiting = Report.objects.filter(
        response_published_on__isnull=True, published_on__lte=latest_publication
    )
    rows = s55_rows(today=today, reports=s55_reports(waiting))
    return {
        "overdue": [
            r for r in rows if r["days_left"] is not None and r["days_left"] < 0
        ],
        "due_soon": [
            r
            for r in rows
            if r["days_left"] is not None and 0 <= r["days_left"] <= within
        ],
    }


def s55_recommendations(*, report: Report) -> list[Item]:
    return list(
        Item.objects.filter(report=report, kind=Item.Kind.RECOMMENDATION).order_by("id")
    )


CLOSED_STATUSES = (Item.Status.CLOSED, Item.Status.NO_FURTHER_ACTION)


def _items_on(day: dt.date, today: dt.date) -> QuerySet:
    """Items as they stood at the end of `day`; today's items for today or later."""
    return Item.objects.all() if day >= today else items_as_at(day=day)


def _label(item: Any) -> str:
    return f"{Item.Kind(item.kind).label} {item.reference}"


def scrutiny_paper(*, meeting: dt.date, previous: dt.date, today: dt.date) -> dict:
    """The panel's progress paper: the position at `meeting` against `previous`.

    A meeting date after today shows today's position. Counts at either date are
    built from the audited history, so they are what the tracker showed then.
    """
    as_of = min(meeting, today)
    now_items = _items_on(as_of, today)
    before_items = _items_on(previous, today)

    def counts(items: QuerySet, day: dt.date) -> tuple[dict, dict]:
        by_status = dict(items.values_list("status").annotate(n=Count("id")).order_by())
        by_rag = dict(
            annotate_rag(items.filter(open_q()), day)
            .values_list("rag_value")
            .annotate(n=Count("id"))
            .order_by()
        )
        return by_status, by_rag

    status_now, rag_now = counts(now_items, as_of)
    status_before, rag_before = counts(before_items, previous)
    previous_cutoff = day_cutoff(previous)
    now_cutoff = day_cutoff(as_of)

    closed = []
    closing_records = list(
        Item.history.filter(
            history_date__gte=previous_cutoff,
            history_date__lt=now_cutoff,
            status__in=CLOSED_STATUSES,
        )
        .select_related("report")
        .order_by("history_date", "history_id")
    )
    # Only items with a closing record in the period can have closed in it.
    candidates = {record.id for record in closing_records}
    before_status = dict(
        before_items.filter(id__in=candidates).values_list("id", "status")
    )
    now_status = dict(now_items.filter(id__in=candidates).values_list("id", "status"))
    seen = set()
    for record in closing_records:
        if record.id in seen or now_status.get(record.id) not in CLOSED_STATUSES:
            continue
        if before_status.get(record.id) in CLOSED_STATUSES:
            continue
        seen.add(record.id)
        closed.append(
            {
                "id": record.id,
                "report": record.report.title,
                "label": _label(record),
                "status": str(Item.Status(now_status[record.id]).label),
                "when": record.closed_on
                or timezone.localtime(record.history_date).date(),
            }
        )

    latest_update = ProgressUpdate.objects.filter(
        item_id=OuterRef("id"), created_at__lt=now_cutoff
    ).order_by("-created_at", "-id")
    overdue_items = (
        now_items.filter(overdue_q(as_of))
        .select_related("report", "lead")
        .annotate(
            last_update_at=Subquery(latest_update.values("created_at")[:1]),
            last_update_text=Subquery(latest_update.values("text")[:1]),
        )
        .order_by("target_date", "id")
    )
    overdue = [
        {
            "id": item.id,
            "report": item.report.title,
            "label": _label(item),
            "lead": people.lead_name(item.lead),
            "days_overdue": item.days_overdue(as_of),
            "target": item.target_date,
            "latest": (
                f"{timezone.localtime(item.last_update_at):%-d %b %Y}: "
                f"{item.last_update_text}"
            )
            if item.last_update_at
            else "",
        }
        for item in overdue_items
    ]
    date_changes = [
        {
            "id": change.item_id,
            "label": f"{_label(change.item)} ({change.item.report.title})",
            "from": f"{change.from_date:%-d %b %Y}" if change.from_date else "",
            "to": f"{change.to_date:%-d %b %Y}",
            "reason": change.reason,
            "approver": people.display_name(change.decided_by),
            "when": change.decided_at,
        }
        for change in TargetDateChange.objects.filter(
            status=TargetDateChange.Status.APPROVED,
            decided_at__gte=previous_cutoff,
            decided_at__lt=now_cutoff,
        )
        .select_related("item__report", "decided_by")
        .order_by("decided_at")
    ]
    loaded = Report.history.filter(
        history_type="+", history_date__gte=previous_cutoff, history_date__lt=now_cutoff
    ).order_by("history_date")
    item_counts = dict(
        Item.objects.filter(report_id__in=[r.id for r in loaded])
        .values_list("report_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    reports = [
        {
            "id": record.id,
            "title": record.title,
            "published": record.published_on,
            "items": item_counts.get(record.id, 0),
        }
        for record in loaded
    ]
    return {
        "meeting": meeting,
        "previous": previous,
        "as_of": as_of,
        "by_status": [
            (str(label), status_before.get(value, 0), status_now.get(value, 0))
            for value, label in Item.Status.choices
        ],
        "by_rag": [
            (str(label), rag_before.get(value, 0), rag_now.get(value, 0))
            for value, label in Item.Rag.choices
        ],
        "closed": closed,
        "overdue": overdue,
        "date_changes": date_changes,
        "reports": reports,
    }


def changes_since(*, since: dt.date, today: dt.date) -> list[dict]:
    """Items whose status, lead or target date differ from the end of `since`.

    Only items with a history row after `since` can differ (every write leaves
    one), so only those are compared, not every item.
    """
    touched = (
        Item.history.filter(history_date__gte=day_cutoff(since)).values("id").distinct()
    )
    before = {
        row.id: row
        for row in items_as_at(day=since).filter(id__in=touched).select_related("lead")
    }
    rows = []
    for item in (
        Item.objects.filter(id__in=touched)
        .select_related("report", "lead")
        .order_by("report", "id")
    ):
        old = before.get(item.id)
        changes = []
        fields = (
            (_("Status"), "status"),
            (_("Lead"), "lead_id"),
            (_("Target date"), "target_date"),
        )
        for label, name in fields:
            old_value = getattr(old, name) if old is not None else None
            new_value = getattr(item, name)
            if old is not None and old_value == new_value:
                continue
            changes.append(
                {
                    "field": str(label),
                    "before": _show(name, old_value, old) if old is not None else "",
                    "after": _show(name, new_value, item),
                }
            )
        if changes:
            rows.append({"item": item, "new": old is None, "changes": changes})
    return rows


def _show(name: str, value: Any, row: Any) -> str:
    if name == "lead_id":
        return people.lead_name(row.lead)
    if value in (None, ""):
        return str(_("None"))
    if name == "status":
        return str(Item.Status(value).label)
    if isinstance(value, dt.date):
        return f"{value:%-d %b %Y}"
    return str(value)
