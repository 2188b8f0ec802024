"""The hash chain over the history: sealed rows changed, removed or slipped in are
found by `verifyhistory` (recommendations.seals)."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from recommendations.history import unrecorded_writes
from recommendations.models import HistorySeal, Item
from recommendations.seals import history_seal, history_verify, row_hash

HISTORY = Item.history.model._meta.db_table


@pytest.fixture
def later() -> dt.datetime:
    """A moment when every row written in the test is old enough to seal."""
    return timezone.now() + dt.timedelta(hours=1)


def _rewrite(sql: str, params: list) -> None:
    """Rewrite history as the database's owner could: past the application's guard
    and, on PostgreSQL, the append-only trigger."""
    with (
        unrecorded_writes("Proving a rewrite after sealing is found"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(sql, params)


def _check(table: str = HISTORY):
    return {check.table: check for check in history_verify()}[table]


def test_sealed_history_verifies_and_prints_its_newest_hash(item, later):
    sealed = {seal.history_table: seal for seal in history_seal(now=later)}
    assert {HISTORY, "recommendations_historicalreport"} <= set(sealed)
    check = _check()
    assert check.broken is None
    assert (check.seals, check.sealed_rows, check.unsealed_rows) == (1, 1, 0)
    assert check.head == sealed[HISTORY].chain_hash
    out = StringIO()
    call_command("verifyhistory", stdout=out)
    assert (
        f"{HISTORY}: 1 rows in 1 seals match; 0 newer rows not yet sealed; newest "
        f"hash {check.head}"
    ) in out.getvalue()


def test_rows_just_written_wait_for_the_next_seal(item):
    # A transaction still open could commit a lower id: only older rows are sealed.
    assert history_seal() == []
    assert _check().unsealed_rows == 1
    out = StringIO()
    call_command("sealhistory", stdout=out)
    assert "Nothing new to seal." in out.getvalue()


def test_each_row_hash_takes_in_the_one_before_and_each_seal_continues(
    make_item, later
):
    make_item()
    first = {s.history_table: s for s in history_seal(now=later)}[HISTORY]
    make_item()
    second = {s.history_table: s for s in history_seal(now=later)}[HISTORY]
    assert second.previous == first
    assert second.row_count == 1
    columns = second.columns.split(",")
    chain = ""
    for values in Item.history.order_by("history_id").values_list(*columns):
        chain = row_hash(chain, values)
    assert chain == second.chain_hash
    check = _check()
    assert check.broken is None
    assert (check.seals, check.sealed_rows) == (2, 2)


@pytest.mark.parametrize("rewrite", ["changed", "removed", "slipped in"])
def test_a_sealed_row_changed_removed_or_slipped_in_is_found(make_item, later, rewrite):
    make_item()
    gap = make_item().history.get().history_id
    make_item()
    # A gap in the ids before sealing, for a row to be slipped into afterwards.
    _rewrite(f"DELETE FROM {HISTORY} WHERE history_id = %s", [gap])
    history_seal(now=later)
    first = Item.history.order_by("history_id").first()
    assert first is not None
    if rewrite == "changed":
        _rewrite(
            f"UPDATE {HISTORY} SET history_change_reason = 'Rewritten' "
            "WHERE history_id = %s",
            [first.history_id],
        )
    elif rewrite == "removed":
        _rewrite(f"DELETE FROM {HISTORY} WHERE history_id = %s", [first.history_id])
    else:
        columns = [f.column for f in Item.history.model._meta.concrete_fields]
        copied = ", ".join(c if c != "history_id" else "%s" for c in columns)
        _rewrite(
            f"INSERT INTO {HISTORY} ({', '.join(columns)}) SELECT {copied} "
            f"FROM {HISTORY} WHERE history_id = %s",
            [gap, first.history_id],
        )
    check = _check()
    assert check.broken is not None
    assert check.verified_to == 0
    assert _check("recommendations_historicalreport").broken is None
    with pytest.raises(CommandError, match=f"{HISTORY}: a row after 0, up to"):
        call_command("verifyhistory", stdout=StringIO())


def test_two_chains_from_one_table_or_one_seal_are_refused(item, later):
    seal = {s.history_table: s for s in history_seal(now=later)}[HISTORY]
    fields = {
        "history_table": HISTORY,
        "last_history_id": seal.last_history_id,
        "row_count": 0,
        "columns": seal.columns,
        "chain_hash": seal.chain_hash,
        "sealed_at": later,
    }
    with pytest.raises(IntegrityError), transaction.atomic():
        HistorySeal.objects.create(previous=None, **fields)  # a second first seal
    HistorySeal.objects.create(previous=seal, **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        HistorySeal.objects.create(previous=seal, **fields)  # a fork
