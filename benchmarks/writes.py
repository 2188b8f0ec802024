"""A steady write load while the pages are read: one item change a second.

Each write goes through the services as an office user's would (an item's lead
team changed, with history, in its own transaction), so it moves the data marker
and every cached total and fragment keyed on it (recommendations.figures).
"""

import random
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection

from recommendations import services
from recommendations.models import Item


@contextmanager
def one_write_a_second() -> Iterator[dict[str, Any]]:
    """Writes once a second until the block ends; yields the count of writes."""
    done = threading.Event()
    counts: dict[str, Any] = {"writes": 0, "errors": 0}
    actor = get_user_model().objects.get(username="bench-staff")
    ids = list(
        Item.objects.filter(status=Item.Status.IN_PROGRESS, lead__isnull=False)
        .order_by("id")
        .values_list("id", flat=True)[:2000]
    )
    rng = random.Random(20261201)  # noqa: S311 (which item, not a secret)

    def write() -> None:
        try:
            while not done.is_set():
                started = time.monotonic()
                item = Item.objects.get(pk=rng.choice(ids))
                try:
                    services.item_update_working_fields(
                        item_id=item.pk,
                        actor=actor,
                        expected_version=item.version,
                        lead=item.lead,
                        lead_team=f"Benchmark team {counts['writes']}",
                        target_date=item.target_date,
                        reason="Benchmark write load",
                    )
                    counts["writes"] += 1
                except Exception:  # counted and reported, never hidden
                    counts["errors"] += 1
                done.wait(max(1.0 - (time.monotonic() - started), 0))
        finally:
            connection.close()

    thread = threading.Thread(target=write, name="benchmark-writes")
    thread.start()
    try:
        yield counts
    finally:
        done.set()
        thread.join()
