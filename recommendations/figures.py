"""Counts and figures over every item, computed once per change instead of per request.

A whole-table COUNT or aggregate grows with the table; at national scale (100,000
items and more) it would dominate every list and dashboard request. Each figure is
cached under a key that includes the *data marker*: the data version (a counter
every item or report write bumps inside its own transaction, see
models.DataVersion) and the newest history row ids of items and reports. Every write
to an item or a report leaves a history row (history is append-only, and
recommendations.history refuses writes that skip it), so the marker moves on every
change. The counter's row lock makes writers commit in the order they bump it, so a
marker that is visible is never missing a write committed before it: a slow
transaction cannot commit an older history id after a cached figure was keyed on a
newer one. Reading the marker is three index lookups, whatever the size of the
tables.

The cache is Django's default (per process unless CACHES names a shared one); the
timeout only bounds memory, correctness comes from the marker.
"""

import functools
import hashlib
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection, connections, transaction
from django.db.models import F, QuerySet
from django.dispatch import receiver
from django.utils.functional import cached_property
from simple_history.signals import post_create_historical_record

from .models import DataVersion, Item, Report

TIMEOUT_SECONDS = 600


@functools.cache
def _history_tables() -> list[str]:
    return [
        connection.ops.quote_name(model.history.model._meta.db_table)
        for model in (Item, Report)
    ]


def data_marker() -> tuple[int, int, int]:
    """(data version, newest item history id, newest report history id).

    One round trip; each part reads one row or the end of a primary-key index.
    """
    tables = _history_tables()
    version = connection.ops.quote_name(DataVersion._meta.db_table)
    with connection.cursor() as cursor:  # read-only
        cursor.execute(
            f"SELECT (SELECT MAX(version) FROM {version}),"  # noqa: S608
            f" (SELECT MAX(history_id) FROM {tables[0]}),"
            f" (SELECT MAX(history_id) FROM {tables[1]})"
        )
        counted, item, report = cursor.fetchone()
    return counted or 0, item or 0, report or 0


@receiver(post_create_historical_record)
def bump_data_version(sender: Any, instance: Any, **kwargs: Any) -> None:
    """Count a write to an item or a report, inside the writing transaction.

    The row stays locked until that transaction ends, so writers commit in the order
    they counted (see the module's docstring).
    """
    if not isinstance(instance, Item | Report):
        return
    using = kwargs.get("using") or "default"
    db = connections[using]
    # Once per transaction is enough: the first bump holds the row's lock until
    # commit, and the count is seen only with everything the transaction wrote.
    # Each entry is (savepoint ids, callback, robust).
    if db.in_atomic_block and any(entry[1] is _counted for entry in db.run_on_commit):
        return
    bumped = (
        DataVersion.objects.using(using).filter(pk=1).update(version=F("version") + 1)
    )
    if not bumped:
        # A new or emptied database: the first write makes the row.
        DataVersion.objects.using(using).get_or_create(pk=1, defaults={"version": 1})
    if db.in_atomic_block:
        transaction.on_commit(_counted, using=using)


def _counted() -> None:
    """Marks, among a transaction's on-commit callbacks, that it bumped the count."""


def cached_figure[T](name: str, parts: Any, compute: Callable[[], T]) -> T:
    """`compute()`, reused while the data marker and `parts` are unchanged."""
    raw = repr((name, parts, data_marker())).encode()
    key = f"figure:{name}:{hashlib.sha256(raw).hexdigest()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT_SECONDS)
    return value


class CachedCountPaginator(Paginator):
    """A Paginator whose total comes from cached_figure.

    `count_key` names the list and everything its rows depend on (the page's
    query string, the day), so that each distinct list keeps its own total.
    """

    def __init__(
        self, object_list: QuerySet[Any], per_page: int, *, count_key: Any
    ) -> None:
        super().__init__(object_list, per_page)
        self.queryset = object_list
        self.count_key = count_key

    @cached_property
    def count(self) -> int:
        return cached_figure("list-count", self.count_key, self.queryset.count)
