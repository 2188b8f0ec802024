"""The index behind the "as at" views: each item's history row at the end of a day.

Finding "the latest history row of every item before a moment" means looking at
every history row (a million at national scale) on every request. A past day never
changes, though: history is append-only and every row is stamped when written, so
the answer for a day that has ended is fixed. It is computed once, by one INSERT ...
SELECT, and kept as AsAtEntry rows; the views then join through the index.

Only days before today are indexed (today is still changing). The rows are derived
data, not a record: deleting them is safe, and they are written again when needed.
"""

import datetime as dt

from django.db import connection, transaction
from django.utils import timezone

from .models import AsAtDay, AsAtEntry, Item


def ensure_day_indexed(day: dt.date, cutoff: dt.datetime) -> None:
    """Write the AsAtEntry rows for `day` (ending at `cutoff`) unless already there."""
    if day >= timezone.localdate():
        raise ValueError("Only a day that has ended can be indexed.")
    if AsAtDay.objects.filter(day=day).exists():
        return
    history = Item.history.model._meta.db_table
    entries = AsAtEntry._meta.db_table
    with transaction.atomic():
        # Two requests for the same new day: the second waits here for the first's
        # row, then finds it and writes nothing.
        _, created = AsAtDay.objects.get_or_create(
            day=day, defaults={"built_at": timezone.now()}
        )
        if not created:
            return
        with connection.cursor() as cursor:  # untracked: derived rows, no history
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
                [day, cutoff],
            )
            if connection.vendor == "postgresql":
                # Fresh statistics, so the planner joins through the index.
                cursor.execute(f"ANALYZE {entries}")
