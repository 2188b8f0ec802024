"""Behaviour only PostgreSQL has: append-only history, real row locks, backups.

Skipped, visibly, when the tests run on SQLite.
"""

import datetime as dt
import os
import shutil
import subprocess
import threading

import pytest
from django.db import connection, connections, transaction

from recommendations import services
from recommendations.history import unrecorded_writes
from recommendations.models import Item, Report
from recommendations.services import ConflictError

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="PostgreSQL-only behaviour: set DATABASE_URL=postgres://... to run",
    ),
]


def test_history_rows_cannot_be_changed_or_deleted(item):
    from django.db.utils import DatabaseError

    table = Item.history.model._meta.db_table
    for statement in (
        f"UPDATE {table} SET history_change_reason = 'rewritten'",
        f"DELETE FROM {table}",
    ):
        # Past the application's own guard (tests/test_unrecorded_writes.py), as
        # another client of the database would be: the trigger refuses it again.
        with (
            pytest.raises(DatabaseError, match="history is append-only"),
            unrecorded_writes("Proving the database itself refuses the rewrite"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement)
    record = item.history.get()
    assert record.history_change_reason == "Test set-up"


def test_every_history_table_is_protected(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT event_object_table FROM information_schema.triggers "
            "WHERE trigger_name LIKE %s",
            ["%append_only"],
        )
        protected = {row[0] for row in cursor.fetchall()}
    from django.apps import apps

    history_tables = {
        model._meta.db_table
        for model in apps.get_models()
        if model.__name__.startswith("Historical")
    }
    assert history_tables and history_tables <= protected


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_edits_one_wins_one_is_told(request):
    staff = request.getfixturevalue("staff")
    other = request.getfixturevalue("other_staff")
    item = request.getfixturevalue("item")
    version = item.version
    barrier = threading.Barrier(2)
    results: dict[str, str] = {}

    def edit(user, team):
        try:
            barrier.wait(timeout=10)
            services.item_update_working_fields(
                item_id=item.pk,
                actor=user,
                expected_version=version,
                lead=user,
                lead_team=team,
                target_date=item.target_date,
                reason=f"{team} takes it",
            )
            results[team] = "saved"
        except ConflictError as error:
            results[team] = "conflict: " + error.messages[0]
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=edit, args=(staff, "Team A")),
        threading.Thread(target=edit, args=(other, "Team B")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    outcomes = sorted(results.values())
    assert outcomes[1] == "saved"
    assert outcomes[0].startswith("conflict: This item was changed by")
    item.refresh_from_db()
    winner = next(team for team, outcome in results.items() if outcome == "saved")
    assert item.lead_team == winner
    assert item.version == version + 1
    changes = item.history.filter(history_type="~")
    assert [c.lead_team for c in changes] == [winner]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not shutil.which("pg_dump"), reason="pg_dump not installed")
def test_backup_and_restore_round_trip(request, tmp_path):
    request.getfixturevalue("item")
    settings_dict = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": settings_dict.get("PASSWORD") or ""}
    base = [
        "-h",
        settings_dict.get("HOST") or "127.0.0.1",
        "-p",
        str(settings_dict.get("PORT") or 5432),
        "-U",
        settings_dict.get("USER") or "postgres",
    ]
    dump = tmp_path / "tracker.dump"
    subprocess.run(
        ["pg_dump", *base, "-Fc", "-f", str(dump), settings_dict["NAME"]],
        env=env,
        check=True,
    )
    restored = f"{settings_dict['NAME']}_restore_check"
    subprocess.run(["dropdb", *base, "--if-exists", restored], env=env, check=True)
    subprocess.run(["createdb", *base, restored], env=env, check=True)
    try:
        subprocess.run(
            ["pg_restore", *base, "--no-owner", "-d", restored, str(dump)],
            env=env,
            check=True,
        )
        counts = {}
        for database in (settings_dict["NAME"], restored):
            out = subprocess.run(
                [
                    "psql",
                    *base,
                    "-At",
                    "-d",
                    database,
                    "-c",
                    "SELECT (SELECT count(*) FROM recommendations_item), "
                    "(SELECT count(*) FROM recommendations_report), "
                    "(SELECT count(*) FROM recommendations_historicalitem)",
                ],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            counts[database] = out.stdout.strip()
        assert counts[restored] == counts[settings_dict["NAME"]] != "0|0|0"
        assert Report.objects.count() == 1
    finally:
        subprocess.run(["dropdb", *base, "--if-exists", restored], env=env, check=True)
    assert dt.date.today()


@pytest.mark.django_db(transaction=True)
def test_a_slow_write_is_never_hidden_behind_a_quicker_one(request):
    """Cached fragments key on the data marker. A write that commits after a later
    one must still move it: writers commit in the order they counted."""
    from django.test import Client

    from recommendations.history import save_with_history
    from tests.conftest import PASSWORD

    panel = request.getfixturevalue("panel")
    administrator = request.getfixturevalue("administrator")
    make_item = request.getfixturevalue("make_item")
    first = make_item(text="first, before")
    second = make_item(text="second, before")
    client = Client()
    assert client.login(username=panel.username, password=PASSWORD)
    slow_wrote, release = threading.Event(), threading.Event()
    quick_done = threading.Event()

    def slow_writer():
        with transaction.atomic():
            item = Item.objects.get(pk=first.pk)
            item.text = "first, AFTER"
            save_with_history(item, actor=administrator, reason="Slow write")
            slow_wrote.set()
            release.wait(10)  # e.g. storing an evidence file before commit
        connections.close_all()

    def quick_writer():
        with transaction.atomic():  # as every service writes
            item = Item.objects.get(pk=second.pk)
            item.text = "second, AFTER"
            save_with_history(item, actor=administrator, reason="Quick write")
        quick_done.set()
        connections.close_all()

    slow = threading.Thread(target=slow_writer)
    slow.start()
    assert slow_wrote.wait(10)
    quick = threading.Thread(target=quick_writer)
    quick.start()
    # The quick write waits for the slow one: it cannot commit a newer marker first.
    assert not quick_done.wait(1)
    html = client.get("/items/").content.decode()
    assert "first, before" in html and "second, before" in html
    release.set()
    slow.join(10)
    quick.join(10)
    assert quick_done.is_set()
    html = client.get("/items/").content.decode()
    assert "first, AFTER" in html
    assert "second, AFTER" in html


@pytest.mark.django_db(transaction=True)
def test_simultaneous_wrong_passwords_are_checked_no_more_than_the_limit(
    request, settings, monkeypatch
):
    """12 guesses for one account at the same moment, from 12 addresses: each is
    counted after the ones before it, so only the limit reach the password check."""
    import time

    from django.contrib.auth.backends import ModelBackend
    from django.test import Client
    from django.urls import reverse

    from accounts.models import SignInFailure

    staff = request.getfixturevalue("staff")
    settings.SIGNIN_MAX_FAILURES_PER_ACCOUNT = 5
    checked: list[str] = []
    original = ModelBackend.authenticate

    def slow_check(self, request, username=None, password=None, **kwargs):
        checked.append(username)
        time.sleep(0.2)  # as long as a real password hash takes, or longer
        return original(self, request, username=username, password=password, **kwargs)

    monkeypatch.setattr(ModelBackend, "authenticate", slow_check)
    guesses = 12
    barrier = threading.Barrier(guesses)
    pages: list[str] = []

    def guess(n: int) -> None:
        try:
            client = Client()
            barrier.wait(timeout=10)
            response = client.post(
                reverse("login"),
                {"username": staff.username, "password": f"guess-{n}"},
                REMOTE_ADDR=f"198.51.100.{n + 1}",
            )
            assert "_auth_user_id" not in client.session
            pages.append(response.content.decode())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(guesses)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(pages) == guesses
    assert len(checked) == 5
    assert SignInFailure.objects.filter(username=staff.username).count() == 5
    throttled = [page for page in pages if "Too many failed attempts" in page]
    assert len(throttled) == guesses - 5


@pytest.mark.django_db
def test_the_application_connects_without_jit():
    """JIT compiling made the larger queries slower (config.settings)."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


@pytest.mark.django_db
def test_the_export_streams_its_rows_in_chunks(item, monkeypatch):
    """On PostgreSQL the export's rows come from one query whose result is streamed
    (recommendations.exports.fetched), in the export's column order."""
    from recommendations import exports
    from recommendations.models.items import annotate_rag

    values = exports.export_values(
        exports.with_last_update(annotate_rag(Item.objects.all(), dt.date.today()))
    )
    fetched = list(exports.fetched(values))
    assert fetched == list(values)
    assert len(fetched[0]) == len(exports.FIELDS)
