"""The panel's scrutiny paper and "changes since": the tracker at two dates."""

import datetime as dt
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.db.models import Count, Max, OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from recommendations import choicesets, people
from recommendations.figures import cached_figure
from recommendations.models import (
    Item,
    ProgressUpdate,
    Report,
    annotate_rag,
    open_q,
    overdue_q,
)
from recommendations.selectors import (
    added_up,
    day_cutoff,
    item_states_as_at,
    items_as_at,
)

from ..models import TargetDateChange

CLOSED_STATUSES = (Item.Status.CLOSED, Item.Status.NO_FURTHER_ACTION)
# Each list in the paper shows at most this many rows, with its full count: at
# national scale 20,000 overdue items made a 19 MB page that took 16 s, and a paper
# no panel can read. The item list (and its download) holds every one of them.
PAPER_ROWS = 50


def _items_on(day: dt.date, today: dt.date) -> QuerySet:
    """Items as they stood at the end of `day`; today's items for today or later."""
    return Item.objects.all() if day >= today else items_as_at(day=day)


def _label(item: Any) -> str:
    return f"{choicesets.label(Item.Kind, item.kind)} {item.reference}"


class CountRow(NamedTuple):
    """How many items had a status (or RAG) at the previous meeting and now."""

    label: str
    before: int
    now: int


@dataclass(frozen=True)
class ClosedItem:
    id: int
    report: str
    label: str
    status: str
    when: dt.date


@dataclass(frozen=True)
class OverdueItem:
    id: int
    report: str
    label: str
    lead: str
    days_overdue: int
    target: dt.date | None
    latest_at: dt.datetime | None
    latest_text: str


@dataclass(frozen=True)
class DateChange:
    id: int
    label: str
    from_date: dt.date | None
    to_date: dt.date
    reason: str
    approver: str
    when: dt.datetime | None


@dataclass(frozen=True)
class LoadedReport:
    id: int
    title: str
    published: dt.date
    items: int


@dataclass(frozen=True)
class ScrutinyPaper:
    """The panel's progress paper: the position at a meeting against the last."""

    meeting: dt.date
    previous: dt.date
    as_of: dt.date
    by_status: list[CountRow]
    by_rag: list[CountRow]
    closed: list[ClosedItem]
    overdue: list[OverdueItem]
    date_changes: list[DateChange]
    reports: list[LoadedReport]
    # The position is a past day's (so links to the item list carry it).
    in_the_past: bool
    # How many of each there are (each list above shows PAPER_ROWS at most).
    closed_total: int
    overdue_total: int
    date_changes_total: int
    reports_total: int


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class ChangedItem:
    item: Item
    new: bool
    changes: list[FieldChange]


def scrutiny_paper(
    *, meeting: dt.date, previous: dt.date, today: dt.date
) -> ScrutinyPaper:
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

    def counts_on(day: dt.date, items: QuerySet) -> tuple[dict, dict]:
        # A past day is counted over the as-at index's rows where it can be.
        parts = item_states_as_at(day=day) if day < today else None
        if parts is None:
            return counts(items, day)
        by_status, by_rag = zip(*(counts(part, day) for part in parts), strict=True)
        return added_up(list(by_status)), added_up(list(by_rag))

    status_now, rag_now = counts_on(as_of, now_items)
    status_before, rag_before = counts_on(previous, before_items)
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
            ClosedItem(
                id=record.id,
                report=record.report.title,
                label=_label(record),
                status=choicesets.label(Item.Status, now_status[record.id]),
                when=record.closed_on or timezone.localtime(record.history_date).date(),
            )
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
    overdue_total = overdue_items.count()
    overdue = [
        OverdueItem(
            id=item.id,
            report=item.report.title,
            label=_label(item),
            lead=people.lead_name(item.lead),
            days_overdue=item.days_overdue(as_of),
            target=item.target_date,
            latest_at=item.last_update_at,
            latest_text=item.last_update_text or "",
        )
        for item in overdue_items[:PAPER_ROWS]
    ]
    approved = TargetDateChange.objects.filter(
        status=TargetDateChange.Status.APPROVED,
        decided_at__gte=previous_cutoff,
        decided_at__lt=now_cutoff,
    )
    date_changes = [
        DateChange(
            id=change.item_id,
            label=f"{_label(change.item)} ({change.item.report.title})",
            from_date=change.from_date,
            to_date=change.to_date,
            reason=change.reason,
            approver=people.display_name(change.decided_by),
            when=change.decided_at,
        )
        for change in approved.select_related("item__report", "decided_by").order_by(
            "decided_at", "id"
        )[:PAPER_ROWS]
    ]
    loaded = Report.history.filter(
        history_type="+", history_date__gte=previous_cutoff, history_date__lt=now_cutoff
    ).order_by("history_date", "history_id")
    reports_total = loaded.count()
    loaded = loaded[:PAPER_ROWS]
    item_counts = dict(
        Item.objects.filter(report_id__in=[r.id for r in loaded])
        .values_list("report_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    reports = [
        LoadedReport(
            id=record.id,
            title=record.title,
            published=record.published_on,
            items=item_counts.get(record.id, 0),
        )
        for record in loaded
    ]
    return ScrutinyPaper(
        meeting=meeting,
        previous=previous,
        as_of=as_of,
        by_status=[
            CountRow(str(label), status_before.get(value, 0), status_now.get(value, 0))
            for value, label in Item.Status.choices
        ],
        by_rag=[
            CountRow(str(label), rag_before.get(value, 0), rag_now.get(value, 0))
            for value, label in Item.Rag.choices
        ],
        in_the_past=as_of < today,
        closed=closed[:PAPER_ROWS],
        overdue=overdue,
        date_changes=date_changes,
        reports=reports,
        closed_total=len(closed),
        overdue_total=overdue_total,
        date_changes_total=approved.count(),
        reports_total=reports_total,
    )


def cached_scrutiny_paper(
    *, meeting: dt.date, previous: dt.date, today: dt.date
) -> ScrutinyPaper:
    """scrutiny_paper(), computed once per change (recommendations.figures).

    Its items and reports move the data marker; the latest progress notes it quotes
    do not, so the newest note's history id is in the key too.
    """
    return cached_figure(
        "scrutiny-paper",
        (meeting, previous, today, notes_marker()),
        lambda: scrutiny_paper(meeting=meeting, previous=previous, today=today),
    )


def notes_marker() -> int:
    """The newest progress note's history id: moves with every note written."""
    newest = ProgressUpdate.history.aggregate(newest=Max("history_id"))["newest"]
    return newest or 0


def changes_since(*, since: dt.date, today: dt.date) -> list[ChangedItem]:
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
                FieldChange(
                    field=str(label),
                    before=_show(name, old_value, old) if old is not None else "",
                    after=_show(name, new_value, item),
                )
            )
        if changes:
            rows.append(ChangedItem(item=item, new=old is None, changes=changes))
    return rows


def _show(name: str, value: Any, row: Any) -> str:
    if name == "lead_id":
        return people.lead_name(row.lead)
    if value in (None, ""):
        return str(_("None"))
    if name == "status":
        return choicesets.label(Item.Status, value)
    if isinstance(value, dt.date):
        return f"{value:%-d %b %Y}"
    return str(value)
