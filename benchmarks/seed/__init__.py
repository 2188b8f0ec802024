"""A synthetic national data set for the performance benchmark.

Rules:
- Only ever written to a database of its own (`benchseed` refuses one that holds
  anything but benchmark data), never to a real tracker.
- Rows are written in bulk (COPY on PostgreSQL), history rows included: the
  benchmark measures reads at scale, so the history is generated as the story of
  each item (created, allocated, dates moved, ...) ending in the item's current state,
  exactly as the application would have recorded it.
- Deterministic: the same arguments give the same data (one seeded random source).
"""

import datetime as dt
import random
from typing import Any

from django.db import connection, transaction

from oversight.models import TargetDateChange
from recommendations.history import unrecorded_writes
from recommendations.models import Item, ProgressUpdate, Report

from . import stories
from .bulk import ITEM_FIELDS, insert_rows, reset_sequences
from .vocabulary import Scale

__all__ = ["Scale", "seed"]


def seed(scale: Scale, *, today: dt.date, stdout: Any = None) -> dict[str, int]:
    """Write the data set; return how many rows of each kind were written."""
    rng = random.Random(20261125)  # noqa: S311 (synthetic data, not secrets)
    say = (lambda text: stdout.write(text)) if stdout else (lambda text: None)
    # The seed writes every history row itself, as each item's story (see
    # _item_history), so its bulk writes are the one place that skip save().
    with (
        transaction.atomic(),
        unrecorded_writes("Benchmark seed: history rows written alongside"),
    ):
        users = stories.users(scale.users)
        leads = [u.pk for u in users["leads"]]
        say(f"  {len(leads)} leads and the benchmark's sign-ins")
        reports = stories.reports(rng, scale.reports, today)
        say(f"  {len(reports):,} reports")
        items = list(stories.items(rng, scale, reports, leads, today))
        history_rows = stories.item_history(rng, items, scale, leads)
        insert_rows(
            Item,
            ["id", *ITEM_FIELDS, "version", "created_at", "updated_at"],
            (
                (i["id"], *(i[f] for f in ITEM_FIELDS), i["version"], i["created_at"],
                 i["updated_at"])
                for i in items
            ),
        )  # fmt: skip
        say(f"  {len(items):,} items, {history_rows:,} item history rows")
        updates = stories.updates(rng, items, scale, leads)
        say(f"  {updates:,} progress updates (and their history rows)")
        requests = stories.date_requests(rng, items, leads, today)
        say(f"  {requests:,} pending target-date requests")
        # Any: `history` is added by django-simple-history, which has no types.
        tables: list[Any] = [Report, Item, ProgressUpdate, TargetDateChange]
        reset_sequences(*tables, *(model.history.model for model in tables))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # As a long-running database would be: statistics current, visibility
            # maps set (index-only scans), and no autovacuum during the load.
            cursor.execute("VACUUM (ANALYZE)")
    return {
        "reports": len(reports),
        "items": len(items),
        "history": history_rows,
        "updates": updates,
    }
