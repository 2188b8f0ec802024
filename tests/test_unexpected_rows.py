"""Rows the code did not expect: the database refuses an unknown choice, and a row
that holds one anyway (restored from elsewhere, written by a database client with
the checks off) leaves every page and download answering, showing the raw value."""

import datetime as dt

import pytest
from django.apps import apps
from django.db import IntegrityError, connection, models, transaction
from django.urls import reverse

from oversight.models import ClosureDecision, ReminderLog, TargetDateChange
from recommendations.history import save_with_history, unrecorded_writes
from recommendations.models import Item, ProgressUpdate, Report

CHOICE_FIELDS = [
    (Report, "kind"),
    (Report, "scope"),
    (Item, "kind"),
    (Item, "status"),
    (ProgressUpdate, "status_from"),
    (ProgressUpdate, "status_to"),
    (ClosureDecision, "kind"),
    (TargetDateChange, "status"),
    (ReminderLog, "kind"),
    (ReminderLog, "status"),
]


def _every_choice_field() -> set[tuple[str, str]]:
    """Every field with choices on a model of ours (history copies excepted)."""
    found = set()
    for model in apps.get_models():
        if model._meta.app_label not in {"recommendations", "oversight", "accounts"}:
            continue
        if model.__name__.startswith("Historical"):
            continue
        for field in model._meta.concrete_fields:
            if field.choices and not isinstance(field, models.BooleanField):
                found.add((model.__name__, field.name))
    return found


def test_the_list_below_names_every_choice_field():
    assert _every_choice_field() == {(m.__name__, f) for m, f in CHOICE_FIELDS}


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "field"), CHOICE_FIELDS)
def test_the_database_refuses_an_unknown_choice(model, field, every_kind_of_row):
    column = model._meta.get_field(field).column
    table = model._meta.db_table
    with (
        pytest.raises(IntegrityError),
        transaction.atomic(),
        unrecorded_writes("probing the database's own check"),
        connection.cursor() as cursor,
    ):
        cursor.execute(f'UPDATE "{table}" SET "{column}" = %s', ["bogus"])
        # A table with no rows would prove nothing: insert failing is enough
        # only if there was a row to update.
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
        if cursor.fetchone()[0] == 0:
            pytest.fail(f"{table} has no rows for the check to refuse")


@pytest.fixture
def every_kind_of_row(item, staff, reviewer, today):
    """One row in each table with a choice field, so each has something to break."""
    from oversight.reminders import send_reminders

    update = ProgressUpdate(
        item=item,
        author=staff,
        text="Working on it",
        status_from=item.status,
        status_to=item.status,
        created_at=dt.datetime.now(dt.UTC),
    )
    save_with_history(update, actor=staff, reason="Progress")
    change = TargetDateChange(
        item=item,
        from_date=item.target_date,
        to_date=item.target_date + dt.timedelta(days=30),
        reason="More time",
        requested_by=staff,
        requested_at=dt.datetime.now(dt.UTC),
    )
    save_with_history(change, actor=staff, reason="Asked for more time")
    decision = ClosureDecision(
        item=item,
        kind=ClosureDecision.Kind.RETURNED,
        decided_by=reviewer,
        decided_at=dt.datetime.now(dt.UTC),
        effective_on=today,
        note="Not yet",
        timeline_entry=update,
    )
    save_with_history(decision, actor=reviewer, reason="Returned")
    item.target_date = today - dt.timedelta(days=3)
    save_with_history(item, actor=staff, reason="Overdue for the digest")
    send_reminders(today=today, due_within_days=14)
    assert ReminderLog.objects.exists()
    return item


def _corrupt(model, field: str, value: str) -> None:
    """Store `value` as a database client with the checks off would."""
    table = model._meta.db_table
    column = model._meta.get_field(field).column
    with (
        unrecorded_writes("a row as a careless database client leaves it"),
        connection.cursor() as cursor,
    ):
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA ignore_check_constraints = ON")
        else:
            # Deferred foreign-key checks must run before the table can change.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(
                "SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass "
                "AND contype = 'c'",
                [table],
            )
            for (name,) in cursor.fetchall():
                cursor.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
        cursor.execute(f'UPDATE "{table}" SET "{column}" = %s', [value])
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA ignore_check_constraints = OFF")


def _pages(item) -> dict[str, str]:
    today = dt.date.today()
    return {
        "dashboard": reverse("home"),
        "reports": reverse("recommendations:report_list"),
        "report": reverse("recommendations:report_detail", args=[item.report_id]),
        "items": reverse("recommendations:item_list"),
        "item": reverse("recommendations:item_detail", args=[item.pk]),
        "edit": reverse("recommendations:item_edit", args=[item.pk]),
        "progress": reverse("recommendations:item_progress", args=[item.pk]),
        "csv": reverse("recommendations:item_export", args=["csv"]),
        "xlsx": reverse("recommendations:item_export", args=["xlsx"]),
        "review": reverse("oversight:review"),
        "changes": reverse("oversight:changes"),
        "s55 list": reverse("oversight:s55_list"),
        "s55": reverse("oversight:s55_report", args=[item.report_id]),
        "s55 docx": reverse("oversight:s55_document", args=[item.report_id]),
        "scrutiny": reverse("oversight:scrutiny")
        + f"?meeting={today:%Y-%m-%d}&previous=2020-01-01",
        "scrutiny docx": reverse("oversight:scrutiny_document")
        + f"?meeting={today:%Y-%m-%d}&previous=2020-01-01",
        "item admin": reverse("admin:recommendations_item_change", args=[item.pk]),
        "item admin list": reverse("admin:recommendations_item_changelist"),
        "report admin": reverse(
            "admin:recommendations_report_change", args=[item.report_id]
        ),
    }


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "field"), CHOICE_FIELDS)
def test_a_row_with_an_unknown_choice_breaks_no_page(
    model, field, every_kind_of_row, client_for, administrator
):
    item = every_kind_of_row
    _corrupt(model, field, "zz_mystery")
    client = client_for(administrator)
    for name, url in _pages(item).items():
        response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        response.getvalue()  # a download is made as it is sent: read it all
    shown_on = {
        (Item, "status"): reverse("recommendations:item_detail", args=[item.pk]),
        (Item, "kind"): reverse("recommendations:item_detail", args=[item.pk]),
        (Report, "kind"): reverse(
            "recommendations:report_detail", args=[item.report_id]
        ),
    }
    if (model, field) in shown_on:
        page = client.get(shown_on[model, field])
        assert "zz_mystery" in page.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "field"), [(Item, "owners"), (Report, "inspectorates")]
)
def test_an_unknown_code_in_a_set_of_choices_breaks_no_page(
    model, field, every_kind_of_row, client_for, administrator
):
    item = every_kind_of_row
    _corrupt(model, field, ",chief_constable,mystery_body,")
    client = client_for(administrator)
    for name, url in _pages(item).items():
        response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
