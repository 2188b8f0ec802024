"""What history costs a write: saving an item with and without its history row.

Runs inside a transaction that is rolled back, so the database is left as it was.
"""

import statistics
import time
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from recommendations.history import save_with_history, unrecorded_writes
from recommendations.models import Item


class _Rollback(Exception):
    pass


def history_write_cost(*, saves: int) -> dict[str, Any]:
    actor = get_user_model().objects.get(username="bench-staff")
    timings: dict[str, list[float]] = {"with": [], "without": []}
    try:
        with transaction.atomic():
            items = list(Item.objects.order_by("id")[:saves])
            # Alternate so that both kinds of save see the same cache and disk state.
            for index, item in enumerate(items):
                item.lead_team = f"Benchmark team {index}"
                item.version += 1
                kind = "with" if index % 2 == 0 else "without"
                started = time.perf_counter()
                if kind == "with":
                    save_with_history(item, actor=actor, reason="Benchmark write")
                else:
                    # The cost of a save with no history, measured and rolled
                    # back: the one save the guard is told to let through.
                    with unrecorded_writes("Benchmark: a save without history"):
                        # attr-defined: added by django-simple-history, untyped.
                        item.save_without_historical_record()  # type: ignore[attr-defined]
                timings[kind].append(time.perf_counter() - started)
            raise _Rollback
    except _Rollback:
        pass
    with_ms = statistics.median(timings["with"]) * 1000
    without_ms = statistics.median(timings["without"]) * 1000
    return {
        "saves": saves,
        "with_ms": with_ms,
        "without_ms": without_ms,
        "ratio": with_ms / without_ms,
    }
