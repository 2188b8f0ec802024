"""Counts and figures over every item, computed once per change instead of per request.

A whole-table COUNT or aggregate grows with the table; at national scale (100,000
items and more) it would dominate every list and dashboard request. Each figure is
cached under a key that includes the *data marker*: the newest history row ids of
items and reports. Every write to an item or a report leaves a history row (history
is append-only, and recommendations.history refuses writes that skip it), so the
marker moves on every change and a cached figure is never older than the data it
counts. Reading the marker is two index lookups, whatever the size of the tables.

The cache is Django's default (per process unless CACHES names a shared one); the
timeout only bounds memory, correctness comes from the marker.
"""

import functools
import hashlib
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import QuerySet
from django.utils.functional import cached_property

from .models import Item, Report

TIMEOUT_SECONDS = 600


@functools.cache
def _history_tables() -> list[str]:
    return [
        connection.ops.quote_name(model.history.model._meta.db_table)
        for model in (Item, Report)
    ]


def data_marker() -> tuple[int, int]:
    """(newest item history id, newest report history id): moves on every write.

    One round trip; each MAX reads the end of a primary-key index.
    """
    tables = _history_tables()
    with connection.cursor() as cursor:  # read-only
        cursor.execute(
            f"SELECT (SELECT MAX(history_id) FROM {tables[0]}),"  # noqa: S608
            f" (SELECT MAX(history_id) FROM {tables[1]})"
        )
        item, report = cursor.fetchone()
    return item or 0, report or 0


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
