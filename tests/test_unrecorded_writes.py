"""django-simple-history records on save() only. Every other write to a tracked row
(queryset update, bulk writes, raw SQL, save_without_historical_record) is refused
at run time, on every tracked model, and the audit trail is append-only."""

import pytest
from django.apps import apps
from django.db import connection, transaction

from recommendations.history import (
    RecordedModel,
    UnrecordedWriteError,
    save_with_history,
    unrecorded_writes,
)
from recommendations.models import Item, Report

TRACKED = sorted(
    (
        model
        for model in apps.get_models()
        if hasattr(model._meta, "simple_history_manager_attribute")
    ),
    key=lambda model: model._meta.label,
)


def test_every_tracked_model_is_guarded():
    assert {m._meta.label for m in TRACKED} >= {
        "recommendations.Item",
        "recommendations.Report",
        "recommendations.ProgressUpdate",
        "oversight.ClosureDecision",
        "oversight.TargetDateChange",
    }
    assert all(issubclass(model, RecordedModel) for model in TRACKED)


@pytest.mark.django_db
@pytest.mark.parametrize("model", TRACKED, ids=lambda m: m._meta.label)
def test_queryset_update_is_refused_on_every_tracked_model(model):
    # Even a query that matches no row: the refusal does not depend on the data.
    with pytest.raises(UnrecordedWriteError):
        model.objects.filter(pk=-1).update(**{model._meta.pk.name: -1})
    with pytest.raises(UnrecordedWriteError):
        model.objects.bulk_update([], ["pk"])
    with pytest.raises(UnrecordedWriteError):
        model.objects.bulk_create([])


@pytest.mark.django_db
@pytest.mark.parametrize("model", TRACKED, ids=lambda m: m._meta.label)
def test_base_manager_and_raw_sql_writes_are_refused(model):
    table = model._meta.db_table
    column = model._meta.pk.column
    with pytest.raises(UnrecordedWriteError):
        model._base_manager.filter(pk=-1).update(**{model._meta.pk.name: -1})
    for statement in (
        f'UPDATE "{table}" SET "{column}" = "{column}"',
        f"update {table}\n   set {column} = {column} where 1 = 0",
        f'WITH x AS (SELECT 1) DELETE FROM "{table}" WHERE 1 = 0',
        f'INSERT INTO "{table}" ("{column}") SELECT "{column}" FROM "{table}" '
        "WHERE 1 = 0",
    ):
        with pytest.raises(UnrecordedWriteError), connection.cursor() as cursor:
            cursor.execute(statement)


@pytest.mark.django_db
def test_a_formatted_or_chained_update_is_refused(item):
    # The old guard was a regex over the source; these shapes passed it.
    query = Item.objects.filter(
        pk=item.pk,
    )
    with pytest.raises(UnrecordedWriteError), transaction.atomic():
        query.update(
            status=Item.Status.CLOSED,
        )
    with pytest.raises(UnrecordedWriteError), transaction.atomic():
        item.report.items.all().filter(pk=item.pk).update(lead_team="x")
    item.refresh_from_db()
    assert item.status != Item.Status.CLOSED
    assert item.lead_team != "x"


@pytest.mark.django_db
def test_saving_without_history_is_refused(item, staff):
    item.lead_team = "Unrecorded team"
    with pytest.raises(UnrecordedWriteError), transaction.atomic():
        item.save_without_historical_record()
    item.refresh_from_db()
    assert item.lead_team != "Unrecorded team"


@pytest.mark.django_db
def test_history_rows_cannot_be_rewritten_or_deleted_on_any_database(item):
    table = Item.history.model._meta.db_table
    for statement in (
        f"UPDATE {table} SET history_change_reason = 'rewritten'",
        f'DELETE FROM "{table}"',
    ):
        with (
            pytest.raises(UnrecordedWriteError),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement)
    assert item.history.get().history_change_reason == "Test set-up"


@pytest.mark.django_db
def test_save_with_history_still_writes_and_records(item, staff):
    before = item.history.count()
    item.lead_team = "Public protection"
    save_with_history(item, actor=staff, reason="Allocated to a team")
    item.refresh_from_db()
    assert item.lead_team == "Public protection"
    assert item.history.count() == before + 1
    assert item.history.first().history_user == staff


@pytest.mark.django_db
def test_django_deletion_records_history_and_is_allowed(staff):
    report = Report(title="Deleted report", kind=Report.Kind.FORCE)
    report.published_on = "2024-01-01"
    save_with_history(report, actor=staff, reason="Made to be deleted")
    pk = report.pk
    Report.objects.filter(pk=pk).delete()
    assert not Report.objects.filter(pk=pk).exists()
    assert Report.history.filter(id=pk, history_type="-").exists()


@pytest.mark.django_db
def test_unrecorded_writes_need_a_reason_and_allow_a_bulk_load(item):
    with pytest.raises(ValueError), unrecorded_writes(" "):
        pass
    with unrecorded_writes("Bulk load that writes its own history rows"):
        Item.objects.filter(pk=item.pk).update(lead_team="Loaded")
    item.refresh_from_db()
    assert item.lead_team == "Loaded"
    # Outside the block the guard is back.
    with pytest.raises(UnrecordedWriteError):
        Item.objects.filter(pk=item.pk).update(lead_team="Again")


ITEM_TABLE = Item._meta.db_table
SPELLINGS = {
    "comment": f"UPDATE/**/\"{ITEM_TABLE}\" SET lead_team = 'x'",
    "no-space": f"UPDATE\"{ITEM_TABLE}\" SET lead_team = 'x'",
    "line-comment": f"UPDATE -- a comment\n {ITEM_TABLE} SET lead_team = 'x'",
    "schema": f"UPDATE main.{ITEM_TABLE} SET lead_team = 'x'",
    "upper-lower": f"uPdAtE {ITEM_TABLE.upper()} SET lead_team = 'x'",
    "cte-delete": f"WITH x AS (SELECT 1) DELETE FROM {ITEM_TABLE} WHERE 1 = 0",
    "insert-select": f"INSERT INTO {ITEM_TABLE} SELECT * FROM {ITEM_TABLE} WHERE 1=0",
}
SQLITE_SPELLINGS = {
    "brackets": f"UPDATE [{ITEM_TABLE}] SET lead_team = 'x'",
    "backticks": f"UPDATE `{ITEM_TABLE}` SET lead_team = 'x'",
    "or-ignore": f"UPDATE OR IGNORE {ITEM_TABLE} SET lead_team = 'x'",
    "replace": f"REPLACE INTO {ITEM_TABLE} SELECT * FROM {ITEM_TABLE} WHERE 1 = 0",
    "insert-or-replace": (
        f"INSERT OR REPLACE INTO {ITEM_TABLE} SELECT * FROM {ITEM_TABLE} WHERE 1 = 0"
    ),
}
POSTGRESQL_SPELLINGS = {
    "schema": f"UPDATE public.{ITEM_TABLE} SET lead_team = 'x'",
    "truncate-list": f'TRUNCATE "django_admin_log", "{ITEM_TABLE}" CASCADE',
    "merge": (
        f"MERGE INTO {ITEM_TABLE} t USING (SELECT 1 AS id) s ON t.id = s.id "
        "WHEN MATCHED THEN UPDATE SET lead_team = 'merged'"
    ),
    "unicode-escape": 'UPDATE U&"'
    + "".join(f"\\{ord(c):04x}" for c in ITEM_TABLE)
    + "\" SET lead_team = 'x'",
    "dynamic": (
        "DO $$ BEGIN EXECUTE 'UPD' || 'ATE "
        + ITEM_TABLE
        + " SET lead_team = ''dyn'''; END $$"
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", [*SPELLINGS, *(f"sqlite:{k}" for k in SQLITE_SPELLINGS),
             *(f"postgresql:{k}" for k in POSTGRESQL_SPELLINGS)],
)  # fmt: skip
def test_every_spelling_of_a_raw_write_is_refused(item, name):
    vendor, _, key = name.rpartition(":")
    if vendor and vendor != connection.vendor:
        pytest.skip(f"{vendor} syntax")
    statement = {"sqlite": SQLITE_SPELLINGS, "postgresql": POSTGRESQL_SPELLINGS}.get(
        vendor, SPELLINGS
    )[key]
    before = item.history.count()
    with (
        pytest.raises(UnrecordedWriteError),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement)
    item.refresh_from_db()
    assert item.lead_team != "x"
    assert item.history.count() == before


@pytest.mark.django_db
def test_sql_given_as_bytes_or_composed_is_read_too(item):
    with (
        pytest.raises(UnrecordedWriteError),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(f"UPDATE {ITEM_TABLE} SET lead_team = 'x'".encode())
    if connection.vendor == "postgresql":
        from psycopg import sql

        statement = sql.SQL("UPDATE {} SET lead_team = 'x'").format(
            sql.Identifier(ITEM_TABLE)
        )
        with (
            pytest.raises(UnrecordedWriteError),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement)


@pytest.mark.django_db
def test_reads_and_locks_are_not_refused(item):
    with transaction.atomic():
        locked = list(Item.objects.select_for_update().filter(pk=item.pk))
    assert locked == [item]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, updated_at FROM {ITEM_TABLE} WHERE text <> 'update x'"
        )
        assert cursor.fetchall()


@pytest.mark.django_db
def test_the_skip_flag_set_to_false_still_counts_as_skipping(item):
    # simple-history skips recording when the attribute exists at all.
    item.lead_team = "flag false"
    item.skip_history_when_saving = False
    with pytest.raises(UnrecordedWriteError), transaction.atomic():
        item.save()


@pytest.mark.django_db
def test_saving_while_history_is_switched_off_is_refused(item, settings):
    settings.SIMPLE_HISTORY_ENABLED = False
    item.lead_team = "unrecorded"
    with pytest.raises(UnrecordedWriteError), transaction.atomic():
        item.save()


@pytest.mark.django_db
def test_a_failed_deletion_allows_no_later_raw_delete(staff):
    from django.contrib.auth.models import User

    from accounts.models import ExternalIdentity

    # Deleting a user who wrote history fails (history rows are never rewritten),
    # after Django announced the deletion of the user's identity.
    user = User.objects.create(username="sso-only")
    identity = ExternalIdentity(user=user, issuer="https://idp", subject="s")
    save_with_history(identity, actor=user, reason="Linked")
    with pytest.raises(UnrecordedWriteError), transaction.atomic():
        user.delete()
    other = ExternalIdentity(user=staff, issuer="https://idp", subject="t")
    save_with_history(other, actor=None, reason="Linked")
    table = ExternalIdentity._meta.db_table
    with (
        pytest.raises(UnrecordedWriteError),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(f"DELETE FROM {table} WHERE id = %s", [other.pk])
    assert ExternalIdentity.objects.filter(pk=other.pk).exists()


def test_untracked_models_keep_djangos_fast_delete():
    from django.contrib.sessions.models import Session
    from django.db.models.deletion import Collector

    assert Collector(using="default").can_fast_delete(Session.objects.all())
    assert not Collector(using="default").can_fast_delete(Item.objects.all())


@pytest.mark.django_db(transaction=True)
def test_the_guard_stays_when_a_threads_first_query_runs_inside_another_wrapper():
    import threading

    from django.db import connections

    from recommendations.history import refuse_unrecorded_sql

    seen = {}

    def passthrough(execute, sql, params, many, context):
        return execute(sql, params, many, context)

    def worker():
        with connection.execute_wrapper(passthrough), connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        seen["wrappers"] = list(connection.execute_wrappers)
        connections.close_all()

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert seen["wrappers"] == [refuse_unrecorded_sql]


@pytest.mark.django_db(transaction=True)
def test_the_data_version_counts_each_writing_transaction_once(request):
    from recommendations.models import DataVersion

    item = request.getfixturevalue("item")
    staff = request.getfixturevalue("staff")

    def version():
        return DataVersion.objects.get(pk=1).version

    start = version()
    with transaction.atomic():
        for team in ("One", "Two"):
            item.lead_team = team
            save_with_history(item, actor=staff, reason="Two saves, one transaction")
    assert version() == start + 1
    for team in ("Three", "Four"):
        with transaction.atomic():
            item.lead_team = team
            save_with_history(item, actor=staff, reason="One save per transaction")
    assert version() == start + 3
