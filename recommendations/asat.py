"""The index behind the "as at" views: each item's history row at the end of a day.

Finding "the latest history row of every item before a moment" means looking at
every history row (a million at national scale). A past day never changes, though:
history is append-only and every row is stamped when written, so the answer for a
day that has ended is fixed. `as_at_index_day` computes it once, by one INSERT ...
SELECT, and keeps it as AsAtEntry rows; the "as at" selectors then join through it
(recommendations.selectors.items_as_at). A day not indexed is read through the
latest indexed day before it plus the changes made since (base_day); only a day
older than every indexed day is searched in the history directly. Reads never
build the index: `manage.py indexpastdays` does, nightly from cron and on demand.

Only days before today are indexed (today is still changing). The rows are derived
data, not a record: deleting them is safe, and they can be written again.

Each indexed day holds one row per item, so the index is bounded: `prune_index`
(run by `indexpastdays` after indexing) keeps the last AS_AT_KEEP_DAYS days and the
month ends of the last AS_AT_KEEP_MONTH_ENDS months, at most their sum in days.
A day is un-indexed first (its AsAtDay row deleted: new reads search the history)
and its entries deleted by the next run, so no read that found the day indexed
loses its rows mid-query.
"""

import calendar
import datetime as dt
from collections.abc import Collection

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .models import AsAtDay, AsAtEntry, Item

# The history row's columns each entry carries (models.AsAtEntry), the same names in
# both tables.
COPIED_COLUMNS = (
    "history_type",
    "kind",
    "status",
    "owners",
    "target_date",
    "original_target_date",
    "report_id",
    "lead_id",
)


def day_cutoff(day: dt.date) -> dt.datetime:
    """The first moment after `day` ends, in the service's time zone."""
    return timezone.make_aware(
        dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
    )


def is_day_indexed(day: dt.date) -> bool:
    return AsAtDay.objects.filter(day=day).exists()


def base_day(day: dt.date) -> dt.date | None:
    """The latest indexed day on or before `day` (None: none is that old).

    The index keeps the last AS_AT_KEEP_DAYS days and AS_AT_KEEP_MONTH_ENDS month
    ends, so any day back to the oldest month end kept has one at most a month
    before it: the day is that day's index plus the changes made since.
    """
    return (
        AsAtDay.objects.filter(day__lte=day)
        .order_by("-day")
        .values_list("day", flat=True)
        .first()
    )


@transaction.atomic
def as_at_index_day(*, day: dt.date) -> bool:
    """Write the AsAtEntry rows for a day that has ended; False if already there."""
    if day >= timezone.localdate():
        raise ValueError("Only a day that has ended can be indexed.")
    # Two runs for the same new day: the second waits here for the first's row,
    # then finds it and writes nothing.
    _, created = AsAtDay.objects.get_or_create(
        day=day, defaults={"built_at": timezone.now()}
    )
    if not created:
        return False
    # Entries left by an earlier index of this day that was since pruned.
    AsAtEntry.objects.filter(day=day).delete()
    history = Item.history.model._meta.db_table
    entries = AsAtEntry._meta.db_table
    copied = ", ".join(COPIED_COLUMNS)
    with connection.cursor() as cursor:  # derived rows of an untracked model
        cursor.execute(
            f"""
            INSERT INTO {entries} (day, item_id, history_id, {copied})
            SELECT %s, id, history_id, {copied} FROM (
                SELECT id, history_id, {copied}, ROW_NUMBER() OVER (
                    PARTITION BY id ORDER BY history_date DESC, history_id DESC
                ) AS newest
                FROM {history}
                WHERE history_date < %s
            ) latest
            WHERE newest = 1
            """,  # noqa: S608 (table names from the models; values are parameters)
            [day, day_cutoff(day)],
        )
        if connection.vendor == "postgresql":
            # Fresh statistics, so the planner joins through the index.
            cursor.execute(f"ANALYZE {entries}")
    return True


def is_kept(day: dt.date, *, today: dt.date) -> bool:
    """Whether the index keeps `day`: a recent day, or a recent month's last day."""
    if (today - day).days <= settings.AS_AT_KEEP_DAYS:
        return True
    month_end = day.day == calendar.monthrange(day.year, day.month)[1]
    months_ago = (today.year - day.year) * 12 + today.month - day.month
    return month_end and months_ago <= settings.AS_AT_KEEP_MONTH_ENDS


@transaction.atomic
def prune_index(*, today: dt.date, spare: Collection[dt.date] = ()) -> list[dt.date]:
    """Un-index the days the index no longer keeps (except `spare`: days indexed
    on demand this run, kept until the next); return them.

    Deletes the entries of days un-indexed by an earlier run first: any read that
    found those days indexed finished long ago.
    """
    AsAtEntry.objects.exclude(day__in=AsAtDay.objects.values("day")).delete()
    dropped = [
        day
        for day in AsAtDay.objects.values_list("day", flat=True)
        if not is_kept(day, today=today) and day not in spare
    ]
    AsAtDay.objects.filter(day__in=dropped).delete()
    return sorted(dropped)


def index_size() -> dict[str, int | None]:
    """Days indexed, their rows, and (on PostgreSQL) the bytes the index takes,
    for `make bench` to show what one day costs and what the bound allows."""
    days = AsAtDay.objects.count()
    rows = AsAtEntry.objects.count()
    size = None
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_total_relation_size(%s)", [AsAtEntry._meta.db_table]
            )
            size = cursor.fetchone()[0]
    return {
        "days": days,
        "rows": rows,
        "bytes": size,
        "kept_days_at_most": settings.AS_AT_KEEP_DAYS + settings.AS_AT_KEEP_MONTH_ENDS,
    }
