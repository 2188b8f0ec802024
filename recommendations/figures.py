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

What depends on reports alone (the item list's filter panel, with its select of
recent reports) is keyed on the *report marker* instead: a second counter that only
report writes bump, and the newest report history id. So a change to an item
re-renders the totals and the rows, not the filter panel.

The cache is Django's default, one per process; CACHE_URL names a Redis that every
process and machine shares (config.settings), so each figure is computed once per
change for all of them. The timeout only bounds memory, correctness comes from the
marker.
"""

import functools
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
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


# DataVersion rows: every item or report write bumps DATA; a report write also
# bumps REPORTS, after DATA, so every writer takes the two locks in the same order.
DATA, REPORTS = 1, 2


@dataclass(frozen=True)
class Markers:
    """data: what any figure over items may depend on (items and their reports).
    reports: what depends on reports alone (the report select's options)."""

    data: tuple[int, int, int]
    reports: tuple[int, int]


def markers() -> Markers:
    """Both markers in one round trip; each part reads one row or the end of a
    primary-key index."""
    tables = _history_tables()
    version = connection.ops.quote_name(DataVersion._meta.db_table)
    with connection.cursor() as cursor:  # read-only
        cursor.execute(
            f"SELECT (SELECT version FROM {version} WHERE id = {DATA}),"  # noqa: S608
            f" (SELECT version FROM {version} WHERE id = {REPORTS}),"
            f" (SELECT MAX(history_id) FROM {tables[0]}),"
            f" (SELECT MAX(history_id) FROM {tables[1]})"
        )
        data, reports, item, report = (value or 0 for value in cursor.fetchone())
    return Markers(data=(data, item, report), reports=(reports, report))


def data_marker() -> tuple[int, int, int]:
    """(data version, newest item history id, newest report history id)."""
    return markers().data


@receiver(post_create_historical_record)
def bump_data_version(sender: Any, instance: Any, **kwargs: Any) -> None:
    """Count a write to an item or a report, inside the writing transaction.

    The row stays locked until that transaction ends, so writers commit in the order
    they counted (see the module's docstring). A report write counts twice: as data
    and as a report.
    """
    if not isinstance(instance, Item | Report):
        return
    using = kwargs.get("using") or "default"
    _bump(DATA, using)
    if isinstance(instance, Report):
        _bump(REPORTS, using)


def _bump(row: int, using: str) -> None:
    db = connections[using]
    counted = _COUNTED[row]
    # Once per transaction is enough: the first bump holds the row's lock until
    # commit, and the count is seen only with everything the transaction wrote.
    # Each entry is (savepoint ids, callback, robust).
    if db.in_atomic_block and any(entry[1] is counted for entry in db.run_on_commit):
        return
    rows = DataVersion.objects.using(using)
    if not rows.filter(pk=row).update(version=F("version") + 1):
        # A new or emptied database: the first write makes the row.
        rows.get_or_create(pk=row, defaults={"version": 1})
    if db.in_atomic_block:
        transaction.on_commit(counted, using=using)


def _counted_data() -> None:
    """Marks, among a transaction's on-commit callbacks, that it bumped DATA."""


def _counted_reports() -> None:
    """Marks, among a transaction's on-commit callbacks, that it bumped REPORTS."""


_COUNTED = {DATA: _counted_data, REPORTS: _counted_reports}


def cached_figure[T](
    name: str,
    parts: Any,
    compute: Callable[[], T],
    *,
    marker: tuple[int, ...] | None = None,
) -> T:
    """`compute()`, reused while the data marker and `parts` are unchanged.

    `marker`: the data marker, when the caller has just read it.
    """
    raw = repr((name, parts, marker or data_marker())).encode()
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
        self,
        object_list: QuerySet[Any],
        per_page: int,
        *,
        count_key: Any,
        marker: tuple[int, ...] | None = None,
        counter: Callable[[], int] | None = None,
    ) -> None:
        super().__init__(object_list, per_page)
        self.queryset = object_list
        self.count_key = count_key
        self.marker = marker
        # How to count the rows, when not by counting object_list (a cheaper way
        # to the same number).
        self.counter = counter or object_list.count

    @cached_property
    def count(self) -> int:
        return cached_figure(
            "list-count", self.count_key, self.counter, marker=self.marker
        )
