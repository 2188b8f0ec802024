"""The index behind the "as at" views: each item's history row at the end of a day.

Finding "the latest history row of every item before a moment" means looking at
every history row (a million at national scale). A past day never changes, though:
history is append-only and every row is stamped when written, so the answer for a
day that has ended is fixed. `as_at_index_day` computes it once, by one INSERT ...
SELECT, and keeps it as AsAtEntry rows; the "as at" selectors then join through it
(recommendations.selectors.items_as_at), and search the history directly for a day
not indexed. Reads never build the index: `manage.py indexpastdays` does, nightly
from cron and on demand.

Only days before today are indexed (today is still changing). The rows are derived
data, not a record: deleting them is safe, and they can be written again.
"""

import datetime as dt

from django.db import connection, transaction
from django.utils import timezone

from .models import AsAtDay, AsAtEntry, Item


def day_cutoff(day: dt.date) -> dt.datetime:
    """The first moment after `day` ends, in the service's time zone."""
    return timezone.make_aware(
        dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
    )


def is_day_indexed(day: dt.date) -> bool:
    return AsAtDay.objects.filter(day=day).exists()


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
    history = Item.history.model._meta.db_table
    entries = AsAtEntry._meta.db_table
    with connection.cursor() as cursor:  # derived rows of an untracked model
        cursor.execute(
            f"""
            INSERT INTO {entries} (day, item_id, history_id)
            SELECT %s, id, history_id FROM (
                SELECT id, history_id, ROW_NUMBER() OVER (
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
