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
