"""Reads that are more than a one-line query: lists, counts, timelines, history."""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import asat, choicesets, people
from .asat import day_cutoff
from .models import AsAtEntry, Item, Owner, ProgressUpdate, Report

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

User = get_user_model()


def item_list_base(*, today: dt.date) -> QuerySet[Item]:
    """Items with what every list row shows, fetched in one query."""
    return (
        Item.objects.select_related("report", "lead")
        .with_rag(today)
        .only(
            "id",
            "reference",
            "kind",
            "text",
            "owners",
            "other_owners",
            "status",
            "target_date",
            "original_target_date",
            "lead_team",
            "updated_at",
            "report__id",
            "report__title",
            "report__published_on",
            "lead__id",
            "lead__username",
            "lead__first_name",
            "lead__last_name",
        )
    )


def reports_with_counts(reports: list[Report], *, today: dt.date) -> list[Report]:
    """`reports` (one page), each with its open, overdue, closed and no further
    action item counts (no further action is its own state, as on the dashboard).

    One aggregate over the page's reports' items, not over every item.
    """
    open_q = Q(status__in=Item.Status.open_values())
    counts = {
        row["report_id"]: row
        for row in Item.objects.filter(report__in=reports)
        .values("report_id")
        .annotate(
            item_count=Count("id"),
            open_count=Count("id", filter=open_q),
            overdue_count=Count("id", filter=open_q & Q(target_date__lt=today)),
            closed_count=Count("id", filter=Q(status=Item.Status.CLOSED)),
            no_further_action_count=Count(
                "id", filter=Q(status=Item.Status.NO_FURTHER_ACTION)
            ),
        )
        .order_by()
    }
    for report in reports:
        row: Mapping[str, object] = counts.get(report.pk, {})
        for name in (
            "item_count",
            "open_count",
            "overdue_count",
            "closed_count",
            "no_further_action_count",
        ):
            setattr(report, name, row.get(name, 0))
    return reports


def report_items_by_kind(
    *, report: Report, today: dt.date
) -> list[tuple["StrOrPromise", list[Item]]]:
    items = list(
        Item.objects.filter(report=report)
        .select_related("lead")
        .with_rag(today)
        .order_by("id")
    )
    groups: list[tuple[StrOrPromise, list[Item]]] = []
    for kind, plural in (
        (Item.Kind.CAUSE_OF_CONCERN, _("Causes of concern")),
        (Item.Kind.RECOMMENDATION, _("Recommendations")),
        (Item.Kind.AREA_FOR_IMPROVEMENT, _("Areas for improvement")),
    ):
        members = [item for item in items if item.kind == kind]
        if members:
            groups.append((plural, members))
    return groups


def item_timeline(
    *, item_id: int, until: dt.datetime | None = None
) -> QuerySet[ProgressUpdate]:
    updates = ProgressUpdate.objects.filter(item_id=item_id)
    if until is not None:
        updates = updates.filter(created_at__lt=until)
    return updates.select_related("author")


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: dt.datetime
    who: str
    reason: str
    kind: str
    # Formatted once here: the date filter, 400 times on a long history, cost the
    # item page more than the rest of it.
    when_label: str = ""
    when_iso: str = ""
    changes: list[FieldChange] = field(default_factory=list)
    version: int = 0  # the item's version this change made


HISTORY_FIELDS = [
    "reference",
    "kind",
    "text",
    "text_is_summary",
    "owners",
    "other_owners",
    "cause_of_concern_id",
    "hmicfrs_id",
    "lead_id",
    "lead_team",
    "status",
    "status_reason",
    "original_target_date",
    "target_date",
    "closed_on",
    "hmicfrs_verified_on",
    "s55_response",
]


def _history_user_name(record: dict[str, Any]) -> str:
    if record["history_user__username"] is None:
        return people.display_name(None)
    return people.full_name(
        first_name=record["history_user__first_name"],
        last_name=record["history_user__last_name"],
        username=record["history_user__username"],
    )


def _display(
    name: str, value: Any, users: dict[int, Any], items: dict[int, str]
) -> str:
    if value in (None, ""):
        return "—"
    if name == "owners":
        return ", ".join(choicesets.labels(value, Owner))
    if name == "lead_id":
        return people.lead_name(users.get(value))
    if name == "cause_of_concern_id":
        return items.get(value, f"#{value}")
    if name == "status":
        return choicesets.label(Item.Status, value)
    if name == "kind":
        return choicesets.label(Item.Kind, value)
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if isinstance(value, dt.date):
        return f"{value:%-d %B %Y}"
    return str(value)


def item_history(
    *, item_id: int, until: dt.datetime | None = None
) -> list[HistoryEntry]:
    """Every recorded change to the item, newest first, as field: old -> new."""
    records_qs = Item.history.filter(id=item_id)
    if until is not None:
        records_qs = records_qs.filter(history_date__lt=until)
    # Plain values, not model instances: an item's history can run to hundreds of
    # rows, and building a historical model (and its user) per row cost more than
    # the rest of the page.
    records = list(
        records_qs.order_by("history_date", "history_id").values(
            *HISTORY_FIELDS,
            "history_date",
            "history_change_reason",
            "history_type",
            "history_user__username",
            "history_user__first_name",
            "history_user__last_name",
            "version",
        )
    )
    user_ids = {r["lead_id"] for r in records if r["lead_id"]}
    users = {user.pk: user for user in User.objects.filter(pk__in=user_ids)}
    parent_ids = {r["cause_of_concern_id"] for r in records if r["cause_of_concern_id"]}
    items: dict[Any, str] = {
        pk: str(_("Cause of concern %(ref)s") % {"ref": ref})
        for pk, ref in Item.objects.filter(pk__in=parent_ids).values_list(
            "pk", "reference"
        )
    }
    labels = {
        f.attname: str(f.verbose_name).capitalize() for f in Item._meta.concrete_fields
    }
    entries: list[HistoryEntry] = []
    previous = None
    for record in records:
        when = timezone.localtime(record["history_date"])
        entry = HistoryEntry(
            when=when,
            who=_history_user_name(record),
            reason=record["history_change_reason"] or "",
            kind={"+": "created", "~": "changed", "-": "deleted"}[
                record["history_type"]
            ],
            when_label=f"{when:%-d %b %Y, %H:%M}",
            when_iso=when.isoformat(),
            version=record["version"],
        )
        for name in HISTORY_FIELDS:
            new = record[name]
            old = previous[name] if previous is not None else None
            if previous is None and new in (None, "", False):
                continue
            if previous is not None and old == new:
                continue
            entry.changes.append(
                FieldChange(
                    label=labels[name],
                    old=_display(name, old, users, items) if previous else "—",
                    new=_display(name, new, users, items),
                )
            )
        entries.append(entry)
        previous = record
    entries.reverse()
    return entries


def latest_proposal(*, item: Item) -> ProgressUpdate | None:
    """The progress update that last moved the item to pending sign-off."""
    return (
        ProgressUpdate.objects.filter(item=item, status_to=Item.Status.PENDING_SIGN_OFF)
        .select_related("author")
        .order_by("-created_at", "-id")
        .first()
    )


def lead_choices() -> QuerySet:
    """Users who can lead an item: active members of an editing role."""
    from . import roles

    return (
        User.objects.filter(is_active=True)
        .filter(Q(groups__name__in=roles.EDITING_ROLES) | Q(is_superuser=True))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def lead_options() -> list[tuple[int, str]]:
    """(id, name) for every possible lead, as the lead filter lists them."""
    return [
        (pk, people.full_name(first_name=first, last_name=last, username=username))
        for pk, username, first, last in lead_choices().values_list(
            "pk", "username", "first_name", "last_name"
        )
    ]


def items_as_at(*, day: dt.date) -> QuerySet:
    """Every item as it stood at the end of `day`: its latest history row by then.

    Built from the audited history, so it shows status, dates, lead and owners as
    they were, whatever has changed since. Items created later are absent. Nothing
    is written. A past day is read through the as-at index (recommendations.asat):

    - an indexed day: its entries;
    - any other day after the oldest indexed day: the latest indexed day before it
      (at most a month before, as the index is kept), with each item changed since
      then replaced by its latest row by the end of `day`, so the work is that
      month's changes, not the whole history;
    - today, or a day older than the index: the history searched directly.
    """
    historical = Item.history.model
    cutoff = day_cutoff(day)
    base = asat.base_day(day) if day < timezone.localdate() else None
    if base == day:
        rows = historical.objects.filter(
            history_id__in=AsAtEntry.objects.filter(day=day).values("history_id")
        )
    elif base is not None:
        rows = _base_and_changes(base=base, cutoff=cutoff)
    else:
        rows = historical.objects.filter(history_date__lt=cutoff).filter(
            history_id=_latest_row(cutoff)
        )
    return rows.exclude(history_type="-")


# At most this many items changed since the base day are named in the query (each
# twice: its id and its row's; SQLite allows 32,766 parameters); more (a bulk load
# in the month) and they are found by subqueries instead.
NAMED_CHANGES = 10_000
CHANGES_CACHE_SECONDS = 600


def _base_and_changes(*, base: dt.date, cutoff: dt.datetime) -> QuerySet:
    """Rows as at `cutoff`: the base day's entries for items unchanged since it,
    and each changed item's latest row by `cutoff`.

    The changes are read first (one query over the history's time index) and named
    in the query, which the database then plans as it plans an indexed day (a
    union of two subqueries it cannot estimate made it probe the history row by
    row: 1.9 s against 0.2 s for a page at 100,000 items).
    """
    unchanged, changed = _unchanged_and_changed(base=base, cutoff=cutoff)
    historical = Item.history.model
    return historical.objects.filter(
        Q(history_id__in=unchanged.values("history_id")) | Q(history_id__in=changed)
    )


def _unchanged_and_changed(
    *, base: dt.date, cutoff: dt.datetime
) -> tuple[QuerySet, Any]:
    """The base day's entries of items unchanged since, and the history ids of the
    changed items' latest rows by `cutoff` (a list, or past NAMED_CHANGES a
    subquery)."""
    historical = Item.history.model
    since = historical.objects.filter(
        history_date__gte=day_cutoff(base), history_date__lt=cutoff
    )
    entries = AsAtEntry.objects.filter(day=base)
    named = _named_changes(since, key=(base, cutoff))
    if named is None:
        unchanged = entries.exclude(item_id__in=since.values("id"))
        latest = since.filter(history_id=_latest_row(cutoff)).values("history_id")
        return unchanged, latest
    return entries.exclude(item_id__in=named[0]), named[1]


def item_states_as_at(*, day: dt.date) -> list[QuerySet] | None:
    """Every item's state at the end of `day`, for counting: one or two querysets
    whose counts add up to the day's, read from the as-at index's narrow rows.

    Each part has the columns that counts and the item list's filters read
    (status, kind, owners, target dates, report, lead; models.AsAtEntry copies
    them from the history rows), one row per item: the day's entries; or a base
    day's entries for the items unchanged since and the changed items' own
    history rows. None where only the history can answer (today, or a day older
    than the index): count items_as_at() then.
    """
    if day >= timezone.localdate():
        return None
    base = asat.base_day(day)
    if base is None:
        return None
    if base == day:
        parts = [AsAtEntry.objects.filter(day=day)]
    else:
        unchanged, changed = _unchanged_and_changed(base=base, cutoff=day_cutoff(day))
        parts = [unchanged, Item.history.model.objects.filter(history_id__in=changed)]
    return [part.exclude(history_type="-") for part in parts]


def added_up(counts: list[Any]) -> Any:
    """Counts of the parts of item_states_as_at() added up: numbers, or dicts of
    numbers (by status, RAG, owner...), key by key."""
    if all(isinstance(count, dict) for count in counts):
        keys = {key for count in counts for key in count}
        return {key: added_up([count.get(key, 0) for count in counts]) for key in keys}
    return sum(count or 0 for count in counts)


def _named_changes(
    since: QuerySet, *, key: tuple[dt.date, dt.datetime]
) -> tuple[list[int], list[int]] | None:
    """(items changed, each one's latest history id) over `since`; None past
    NAMED_CHANGES. Cached: a window in the past never changes (history is
    append-only and stamped when written)."""
    cache_key = f"as-at-changes:{key[0].isoformat()}:{key[1].isoformat()}"
    found = cache.get(cache_key)
    if found is not None:
        return found or None
    changes = list(
        since.values_list("id", "history_date", "history_id")[: NAMED_CHANGES + 1]
    )
    named: tuple[list[int], list[int]] | None = None
    if len(changes) <= NAMED_CHANGES:
        latest: dict[int, tuple[dt.datetime, int]] = {}
        for item_id, when, history_id in changes:
            if item_id not in latest or (when, history_id) > latest[item_id]:
                latest[item_id] = (when, history_id)
        named = (list(latest), [history_id for _, history_id in latest.values()])
    cache.set(cache_key, named or (), CHANGES_CACHE_SECONDS)
    return named


def _latest_row(cutoff: dt.datetime) -> Subquery:
    """The history id of the outer row's item's latest row before `cutoff` (one
    probe of the history's (id, time) index, migration 0016)."""
    historical = Item.history.model
    return Subquery(
        historical.objects.filter(id=OuterRef("id"), history_date__lt=cutoff)
        .order_by("-history_date", "-history_id")
        .values("history_id")[:1]
    )


def item_as_at(*, item_id: int, day: dt.date) -> Any:
    return (
        Item.history.filter(id=item_id, history_date__lt=day_cutoff(day))
        .exclude(history_type="-")
        .select_related("report", "lead", "cause_of_concern")
        .order_by("-history_date", "-history_id")
        .first()
    )
