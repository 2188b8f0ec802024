"""Upgrades lose nothing: a database made at the previous release's migrations,
filled with rows, migrated to this release keeps every row of every table, and the
moved models read the same rows (and history) in their new app."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from recommendations.history import unrecorded_writes

# The newest migration of each app at the previous release (before accounts).
PREVIOUS_RELEASE = [
    ("recommendations", "0010_history_indexes_only_where_read"),
    ("oversight", "0002_history_append_only"),
    ("accounts", None),
]


def _counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            if table == "django_migrations":
                continue
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT COUNT(*) FROM {quoted}")
            counts[table] = cursor.fetchone()[0]
    return counts


def _fill(apps) -> None:
    """Rows of every kind the previous release held, written as it wrote them."""
    now = timezone.now()
    User = apps.get_model("auth", "User")
    user = User.objects.create(username="lead", first_name="Priya", last_name="Shah")
    Report = apps.get_model("recommendations", "Report")
    Item = apps.get_model("recommendations", "Item")
    HistoricalItem = apps.get_model("recommendations", "HistoricalItem")
    report = Report.objects.create(
        title="Safe to share?",
        kind="super_complaint",
        published_on=dt.date(2020, 12, 17),
    )
    item = Item.objects.create(
        report=report,
        reference="1",
        kind="recommendation",
        text="Stop sharing information with Immigration Enforcement.",
        owners=",chief_constable,",
        lead=user,
        status="in_progress",
    )
    HistoricalItem.objects.create(
        id=item.pk,
        report_id=report.pk,
        reference="1",
        kind="recommendation",
        text=item.text,
        owners=item.owners,
        status="in_progress",
        version=1,
        history_date=now,
        history_type="+",
        history_user=user,
        history_change_reason="Loaded",
    )
    SignInFailure = apps.get_model("recommendations", "SignInFailure")
    SignInFailure.objects.create(username="lead", ip_address="192.0.2.1", at=now)
    ExternalIdentity = apps.get_model("recommendations", "ExternalIdentity")
    identity = ExternalIdentity.objects.create(
        user=user, issuer="https://login.example.org", subject="sub-1"
    )
    apps.get_model("recommendations", "HistoricalExternalIdentity").objects.create(
        id=identity.pk,
        user_id=user.pk,
        issuer=identity.issuer,
        subject=identity.subject,
        history_date=now,
        history_type="+",
        history_user=user,
        history_change_reason="Linked to the identity provider",
    )
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    identity_type, _ = ContentType.objects.get_or_create(
        app_label="recommendations", model="externalidentity"
    )
    Permission.objects.get_or_create(
        content_type=identity_type,
        codename="change_externalidentity",
        defaults={"name": "Can change external identity"},
    )


@pytest.mark.django_db(transaction=True)
def test_previous_release_database_migrates_with_every_row_kept():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    try:
        executor.migrate(PREVIOUS_RELEASE)
        old_apps = executor.loader.project_state(
            [target for target in PREVIOUS_RELEASE if target[1]]
        ).apps
        with unrecorded_writes("Rows as the previous release left them"):
            _fill(old_apps)
        before = _counts()

        executor = MigrationExecutor(connection)
        executor.migrate(latest)
        after = _counts()
    finally:
        MigrationExecutor(connection).migrate(latest)

    # Every table of the previous release keeps every row (new tables may start
    # with rows of their own, such as the data version's one row).
    assert {table: after.get(table) for table in before} == before
    assert before["recommendations_item"] == 1
    assert before["recommendations_externalidentity"] == 1
    assert before["recommendations_historicalexternalidentity"] == 1

    from django.contrib.auth.models import Permission

    from accounts.models import ExternalIdentity, SignInFailure

    identity = ExternalIdentity.objects.get(subject="sub-1")
    assert identity.user.username == "lead"
    assert [h.history_change_reason for h in identity.history.all()] == [
        "Linked to the identity provider"
    ]
    assert SignInFailure.objects.get().ip_address == "192.0.2.1"
    # Permissions granted on the moved models still point at them.
    permission = Permission.objects.get(codename="change_externalidentity")
    assert permission.content_type.app_label == "accounts"
    assert permission.content_type.model_class() is ExternalIdentity


BEFORE_CHOICE_CHECKS = [
    ("recommendations", "0012_data_version"),
    ("oversight", "0002_history_append_only"),
]


@pytest.mark.django_db(transaction=True)
def test_an_upgrade_adding_checks_names_the_rows_that_break_them():
    from recommendations.migration_ops import RowsBreakNewCheck

    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    try:
        executor.migrate(BEFORE_CHOICE_CHECKS)
        old_apps = executor.loader.project_state(BEFORE_CHOICE_CHECKS).apps
        with unrecorded_writes("A row as a database client could have left it"):
            report = old_apps.get_model("recommendations", "Report").objects.create(
                title="Odd", kind="thematic-ish", published_on=dt.date(2024, 1, 1)
            )
        with pytest.raises(RowsBreakNewCheck) as refused:
            MigrationExecutor(connection).migrate(latest)
        message = str(refused.value)
        assert f"recommendations_report id {report.pk}: kind='thematic-ish'" in message
        assert "nothing was changed" in message
        recorded = MigrationExecutor(connection).loader.applied_migrations
        assert ("recommendations", "0013_choices_are_known") not in recorded

        with unrecorded_writes("The office corrects the row"):
            old_apps.get_model("recommendations", "Report").objects.filter(
                pk=report.pk
            ).update(kind="other")
        MigrationExecutor(connection).migrate(latest)
        recorded = MigrationExecutor(connection).loader.applied_migrations
        assert ("recommendations", "0013_choices_are_known") in recorded
    finally:
        MigrationExecutor(connection).migrate(latest)


@pytest.mark.django_db
def test_item_history_has_its_by_item_and_time_index():
    """Made by hand in migration 0016 (the history model is generated): a later
    table rebuild must not have lost it."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(
            cursor, "recommendations_historicalitem"
        )
    index = constraints["item_history_by_item_time"]
    assert index["index"] and index["columns"] == ["id", "history_date", "history_id"]
