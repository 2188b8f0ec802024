"""The admin site cannot get round the workflow.

Status, target dates, sign-off, HMICFRS's outcome and the section 55 record are
read-only there; what the admin may edit goes through the tracker's services (the
acting user, a reason, history, the version check), and nothing is added, reverted
or deleted behind the tracker's back.
"""

import datetime as dt
import re

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse

from oversight import services as oversight_services
from oversight.models import ClosureDecision, TargetDateChange
from recommendations import choicesets, services
from recommendations.admin import RecordedAdmin
from recommendations.history import save_with_history
from recommendations.models import Item, ProgressUpdate, Report
from recommendations.versions import report_change_id

Status = Item.Status
WORKFLOW_FIELDS = [
    "status",
    "status_reason",
    "original_target_date",
    "target_date",
    "closed_on",
    "hmicfrs_verified_on",
    "s55_response",
]


def _change_url(obj) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def _as_shown(response) -> dict:
    """What a browser posts back from the change form, as the page rendered it."""
    form = response.context["adminform"].form
    data: dict = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = value
    return data


def _item_data(item: Item, **changes) -> dict:
    data = {
        "version": item.version,
        "report": item.report_id,  # read-only: ignored if posted
        "reference": item.reference,
        "kind": item.kind,
        "text": item.text,
        "owners": item.owner_codes,
        "cause_of_concern": item.cause_of_concern_id or "",
        "hmicfrs_id": item.hmicfrs_id,
        "lead": item.lead_id or "",
        "lead_team": item.lead_team,
        "change_reason": "Corrected from the published report",
    }
    # Posted as the old form did; read-only now, so ignored.
    for name in WORKFLOW_FIELDS:
        value = getattr(item, name)
        data[name] = "" if value is None else value
    data.update(changes)
    return data


@pytest.fixture
def admin_client(client_for, administrator):
    return client_for(administrator)


@pytest.fixture
def unallocated(make_item, today) -> Item:
    """No lead, no evidence, no proposal: awaiting allocation, due in 90 days."""
    due = today + dt.timedelta(days=90)
    return make_item(original_target_date=due, target_date=due)


# Workflow fields are read-only.


def test_one_admin_save_cannot_close_an_item_or_rewrite_its_dates(
    admin_client, unallocated, today
):
    original = unallocated.original_target_date
    response = admin_client.post(
        _change_url(unallocated),
        _item_data(
            unallocated,
            lead_team="Public Protection",
            status=Status.CLOSED,
            status_reason="Done",
            closed_on=today.isoformat(),
            original_target_date=(today - dt.timedelta(days=400)).isoformat(),
            target_date=(today - dt.timedelta(days=10)).isoformat(),
            hmicfrs_verified_on=today.isoformat(),
            s55_response="Nothing to do",
        ),
    )
    assert response.status_code == 302
    unallocated.refresh_from_db()
    # The allowed part is saved; the workflow's fields are as they were.
    assert unallocated.lead_team == "Public Protection"
    assert unallocated.status == Status.AWAITING_ALLOCATION
    assert unallocated.status_reason == ""
    assert unallocated.closed_on is None
    assert unallocated.original_target_date == original
    assert unallocated.target_date == original
    assert unallocated.hmicfrs_verified_on is None
    assert unallocated.s55_response == ""
    assert not ClosureDecision.objects.exists()
    assert set(unallocated.history.values_list("status", flat=True)) == {
        Status.AWAITING_ALLOCATION
    }


def test_the_item_change_form_shows_workflow_fields_without_inputs(admin_client, item):
    html = admin_client.get(_change_url(item)).content.decode()
    for name in WORKFLOW_FIELDS:
        assert f'name="{name}"' not in html, name
    assert "In progress" in html  # shown, read-only
    assert "Public Protection" in html


def test_items_and_reports_are_not_added_in_the_admin(admin_client, report):
    for model in ("item", "report"):
        url = reverse(f"admin:recommendations_{model}_add")
        assert admin_client.get(url).status_code == 403
        assert admin_client.post(url, {"change_reason": "New"}).status_code == 403
    assert Report.objects.count() == 1
    assert not Item.objects.exists()


@pytest.mark.parametrize("model", [Item, Report, ProgressUpdate, TargetDateChange])
def test_a_history_page_cannot_revert_a_record(
    admin_client, item, staff, other_staff, today, model
):
    """simple-history's "revert" form saves a past version: no workflow, no service."""
    services.item_update_working_fields(
        item_id=item.pk,
        actor=staff,
        expected_version=item.version,
        lead=staff,
        lead_team="Later team",
        target_date=item.target_date,
        reason="Team renamed",
    )
    oversight_services.target_date_request(
        item_id=item.pk,
        actor=other_staff,
        new_date=today + dt.timedelta(days=200),
        reason="Waiting for a partner",
    )
    note = services.progress_update_record(
        item_id=item.pk, actor=staff, expected_version=item.version, text="A note"
    )
    record = {
        Item: item,
        Report: item.report,
        ProgressUpdate: note,
        TargetDateChange: TargetDateChange.objects.get(),
    }[model]
    first = record.history.last()
    url = reverse(
        f"admin:{model._meta.app_label}_{model._meta.model_name}_simple_history",
        args=[record.pk, first.history_id],
    )
    assert admin_client.get(url).status_code == 200  # the past version is shown
    before = record.history.count()
    data = {
        field.name: getattr(first, field.attname)
        for field in model._meta.concrete_fields
        if getattr(first, field.attname, None) is not None
    }
    data.update(status=Status.CLOSED, change_reason="Revert", version=item.version)
    response = admin_client.post(url, data)
    assert response.status_code == 405
    assert record.history.count() == before


def test_a_history_page_cannot_revert_a_closure_decision(
    admin_client, item, staff, reviewer
):
    services.progress_update_record(
        item_id=item.pk,
        actor=staff,
        expected_version=item.version,
        text="Done",
        status_to=Status.PENDING_SIGN_OFF,
        evidence_link="https://example.org/evidence",
    )
    item.refresh_from_db()
    decision = oversight_services.closure_sign_off(
        item_id=item.pk, actor=reviewer, expected_version=item.version, note="Good"
    )
    url = reverse(
        "admin:oversight_closuredecision_simple_history",
        args=[decision.pk, decision.history.get().history_id],
    )
    response = admin_client.post(
        url, {"kind": "returned", "note": "Rewritten", "change_reason": "Revert"}
    )
    assert response.status_code == 405
    decision.refresh_from_db()
    assert decision.note == "Good"
    assert decision.history.count() == 1


# What the admin may edit goes through the services.


def test_allocating_a_lead_in_the_admin_starts_work_as_in_the_tracker(
    admin_client, administrator, unallocated, staff
):
    response = admin_client.post(
        _change_url(unallocated),
        _item_data(unallocated, lead=staff.pk, change_reason="Priya leads this"),
    )
    assert response.status_code == 302
    unallocated.refresh_from_db()
    assert unallocated.lead == staff
    assert unallocated.status == Status.IN_PROGRESS
    assert unallocated.version == 2
    record = unallocated.history.first()
    assert record.history_user == administrator
    assert record.history_change_reason == "Priya leads this"


def test_correcting_the_wording_in_the_admin_records_who_and_why(
    admin_client, administrator, item
):
    response = admin_client.post(
        _change_url(item),
        _item_data(
            item,
            text="The exact wording, as published",
            text_is_summary="",
            hmicfrs_id="6989",
            change_reason="Wording checked against the report",
        ),
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.text == "The exact wording, as published"
    assert item.hmicfrs_id == "6989"
    assert item.version == 2
    record = item.history.first()
    assert record.history_user == administrator
    assert record.history_change_reason == "Wording checked against the report"


def test_lead_and_wording_in_one_save_are_one_transaction(
    admin_client, item, other_staff
):
    response = admin_client.post(
        _change_url(item),
        _item_data(item, lead=other_staff.pk, text="New wording"),
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.lead, item.text, item.version) == (other_staff, "New wording", 3)
    reasons = [r.history_change_reason for r in item.history.all()[:2]]
    assert reasons == ["Corrected from the published report"] * 2


def test_an_admin_save_that_changes_nothing_is_refused(admin_client, item):
    response = admin_client.post(_change_url(item), _item_data(item))
    assert response.status_code == 200
    assert "Nothing was changed." in response.content.decode()
    item.refresh_from_db()
    assert item.version == 1


def test_a_cause_of_concern_from_another_report_is_refused(
    admin_client, administrator, item, make_item
):
    other = Report(
        title="Another report", kind=Report.Kind.PEEL, published_on=dt.date(2024, 1, 1)
    )
    save_with_history(other, actor=administrator, reason="Test set-up")
    elsewhere = make_item(report=other, kind=Item.Kind.CAUSE_OF_CONCERN)
    response = admin_client.post(
        _change_url(item), _item_data(item, cause_of_concern=elsewhere.pk)
    )
    assert response.status_code == 200
    assert "a cause of concern in the same report" in response.content.decode()
    item.refresh_from_db()
    assert item.cause_of_concern is None
    assert item.version == 1


def test_a_switched_off_user_cannot_be_made_lead_in_the_admin(
    admin_client, item, inactive
):
    response = admin_client.post(_change_url(item), _item_data(item, lead=inactive.pk))
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.lead_id != inactive.pk


# The owners and inspectorates widgets show what is stored.


def _ticked(html: str, name: str) -> set[str]:
    inputs = re.findall(rf'<input[^>]*name="{name}"[^>]*>', html)
    return {
        re.search(r'value="([^"]*)"', tag).group(1)
        for tag in inputs
        if "checked" in tag
    }


def test_the_item_form_ticks_the_stored_owners(admin_client, make_item):
    item = make_item(owner_codes=["chief_constable", "home_office"])
    html = admin_client.get(_change_url(item)).content.decode()
    assert _ticked(html, "owners") == {"chief_constable", "home_office"}


def test_saving_the_item_form_as_shown_keeps_the_owners(admin_client, make_item):
    item = make_item(owner_codes=["pcc", "npcc"])
    shown = _as_shown(admin_client.get(_change_url(item)))
    shown.update(lead_team="Governance", change_reason="Team named")
    response = admin_client.post(_change_url(item), shown)
    assert response.status_code == 302
    item.refresh_from_db()
    assert set(item.owner_codes) == {"pcc", "npcc"}
    assert item.lead_team == "Governance"


def test_the_report_form_ticks_the_stored_inspectorates(admin_client, report):
    html = admin_client.get(_change_url(report)).content.decode()
    assert _ticked(html, "inspectorates") == {"hmicfrs", "college_of_policing", "iopc"}


def test_saving_the_report_form_as_shown_keeps_the_inspectorates(
    admin_client, administrator, report
):
    shown = _as_shown(admin_client.get(_change_url(report)))
    shown.update(summary="Liberty and Southall Black Sisters", change_reason="Summary")
    response = admin_client.post(_change_url(report), shown)
    assert response.status_code == 302
    report.refresh_from_db()
    assert set(choicesets.decode(report.inspectorates)) == {
        "hmicfrs",
        "college_of_policing",
        "iopc",
    }
    assert report.summary == "Liberty and Southall Black Sisters"
    record = report.history.first()
    assert record.history_user == administrator
    assert record.history_change_reason == "Summary"


def test_the_report_form_leaves_the_section_55_record_to_its_page(admin_client, report):
    html = admin_client.get(_change_url(report)).content.decode()
    for name in (
        "s55_required",
        "chief_comments_requested_by",
        "chief_comments_received_on",
        "response_published_on",
        "response_url",
    ):
        assert f'name="{name}"' not in html, name
    shown = _as_shown(admin_client.get(_change_url(report)))
    shown.update(
        title="Safe to share? (corrected)",
        s55_required="",
        response_published_on="2021-01-01",
        change_reason="Title",
    )
    assert admin_client.post(_change_url(report), shown).status_code == 302
    report.refresh_from_db()
    assert report.title == "Safe to share? (corrected)"
    assert report.s55_required is True
    assert report.response_published_on is None


def test_the_publication_date_cannot_pass_a_first_target_date_or_today(
    admin_client, report, make_item
):
    make_item(
        original_target_date=dt.date(2021, 3, 31), target_date=dt.date(2021, 3, 31)
    )
    for published, message in (
        ("2022-06-01", "first target dates cannot be before publication"),
        (
            (dt.date.today() + dt.timedelta(days=200)).isoformat(),
            "cannot be in the future",
        ),
    ):
        shown = _as_shown(admin_client.get(_change_url(report)))
        shown.update(published_on=published, change_reason="Date")
        response = admin_client.post(_change_url(report), shown)
        assert response.status_code == 200
        assert message in response.content.decode()
        report.refresh_from_db()
        assert report.published_on == dt.date(2020, 12, 17)


def test_a_title_matching_another_report_loosely_is_a_duplicate(
    admin_client, report, administrator
):
    other = Report(
        title="Another report", kind=Report.Kind.PEEL, published_on=report.published_on
    )
    save_with_history(other, actor=administrator, reason="Test set-up")
    shown = _as_shown(admin_client.get(_change_url(other)))
    shown.update(title=report.title.upper() + " ", change_reason="Title")
    response = admin_client.post(_change_url(other), shown)
    assert "Another report has this title and publication date" in (
        response.content.decode()
    )


# A stale change form is refused, as in the tracker.


def test_a_stale_item_form_is_refused_naming_who_changed_it(
    admin_client, item, other_staff
):
    stale = _item_data(item, text="An older correction")
    services.item_update_working_fields(
        item_id=item.pk,
        actor=other_staff,
        expected_version=item.version,
        lead=other_staff,
        lead_team="Tom's team",
        target_date=item.target_date,
        reason="Tom takes it",
    )
    response = admin_client.post(_change_url(item), stale)
    assert response.status_code == 200
    html = response.content.decode()
    assert "This item was changed by Tom Evans on" in html
    assert "Nothing has been saved" in html
    item.refresh_from_db()
    assert (item.lead, item.lead_team) == (other_staff, "Tom's team")
    assert item.text != "An older correction"
    assert item.version == 2
    # The form comes back with the input kept and the current version, so a
    # second save, after reading the message, is deliberate and goes through.
    again = _as_shown(response)
    assert again["version"] == "2" and again["text"] == "An older correction"
    again.update(lead=other_staff.pk, lead_team="Tom's team")
    assert admin_client.post(_change_url(item), again).status_code == 302
    item.refresh_from_db()
    assert item.text == "An older correction"
    assert (item.lead, item.lead_team) == (other_staff, "Tom's team")


def test_a_stale_report_form_is_refused_naming_who_changed_it(
    admin_client, report, client_for, reviewer
):
    shown = _as_shown(admin_client.get(_change_url(report)))
    other_admin = User.objects.create_user(
        "jordan", first_name="Jordan", last_name="Lee", is_staff=True
    )
    other_admin.groups.set(User.objects.get(username="admin").groups.all())
    newer = _as_shown(client_for(other_admin).get(_change_url(report)))
    newer.update(summary="The newer summary", change_reason="Summary added")
    assert client_for(other_admin).post(_change_url(report), newer).status_code == 302
    shown.update(title="An older title", change_reason="Title")
    response = admin_client.post(_change_url(report), shown)
    assert response.status_code == 200
    html = response.content.decode()
    assert "This report was changed by Jordan Lee on" in html
    assert "Nothing has been saved" in html
    report.refresh_from_db()
    assert (report.title, report.summary) == ("Safe to share?", "The newer summary")
    # Shown again with the input and the latest change: a second save is deliberate.
    again = _as_shown(response)
    assert again["title"] == "An older title"
    assert again["seen_change"] == str(report_change_id(report))
    again.update(summary="The newer summary", change_reason="Title")
    assert admin_client.post(_change_url(report), again).status_code == 302
    report.refresh_from_db()
    assert (report.title, report.summary) == ("An older title", "The newer summary")


def test_the_form_opened_after_a_change_saves(admin_client, item, other_staff):
    services.item_update_working_fields(
        item_id=item.pk,
        actor=other_staff,
        expected_version=item.version,
        lead=other_staff,
        lead_team="Tom's team",
        target_date=item.target_date,
        reason="Tom takes it",
    )
    item.refresh_from_db()
    shown = _as_shown(admin_client.get(_change_url(item)))
    shown.update(text="Wording corrected", change_reason="Checked")
    assert admin_client.post(_change_url(item), shown).status_code == 302
    item.refresh_from_db()
    assert (item.text, item.lead_team, item.version) == (
        "Wording corrected",
        "Tom's team",
        3,
    )


# The correction services' own rules.


def _correct(item: Item, actor, **changes) -> Item:
    values = {
        "reference": item.reference,
        "kind": item.kind,
        "text": item.text,
        "text_is_summary": item.text_is_summary,
        "owners": item.owner_codes,
        "cause_of_concern": item.cause_of_concern,
        "hmicfrs_id": item.hmicfrs_id,
        "reason": "Checked against the report",
    }
    values.update(changes)
    return services.item_correct_details(
        item_id=item.pk, actor=actor, expected_version=item.version, **values
    )


def test_only_an_administrator_corrects_an_item(item, staff, reviewer):
    for person in (staff, reviewer):
        with pytest.raises(ValidationError) as error:
            _correct(item, person, text="Rewritten")
        assert error.value.code == "forbidden"
    item.refresh_from_db()
    assert item.version == 1


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"reason": "  "}, "reason_required"),
        ({"text": " "}, "required"),
        ({"owners": []}, "required"),
        ({"owners": ["nobody"]}, "unknown"),
        ({"reference": "2"}, "duplicate_reference"),
    ],
)
def test_a_correction_breaking_a_rule_saves_nothing(
    item, make_item, administrator, changes, code
):
    make_item()  # reference 2
    with pytest.raises(ValidationError) as error:
        _correct(item, administrator, **changes)
    assert error.value.code == code
    item.refresh_from_db()
    assert item.version == 1


def test_a_cause_of_concern_with_recommendations_keeps_its_kind(
    make_item, administrator
):
    cause = make_item(kind=Item.Kind.CAUSE_OF_CONCERN)
    make_item(cause_of_concern=cause)
    with pytest.raises(ValidationError) as error:
        _correct(cause, administrator, kind=Item.Kind.RECOMMENDATION)
    assert error.value.code == "cause_has_recommendations"


def test_a_publication_date_after_the_s55_record_is_refused(
    admin_client, report, administrator
):
    report.response_published_on = dt.date(2021, 2, 1)
    save_with_history(report, actor=administrator, reason="Response published")
    shown = _as_shown(admin_client.get(_change_url(report)))
    shown.update(published_on="2021-03-01", change_reason="Date corrected")
    response = admin_client.post(_change_url(report), shown)
    assert response.status_code == 200
    assert "Correct them on the section 55 page first" in response.content.decode()
    report.refresh_from_db()
    assert report.published_on == dt.date(2020, 12, 17)


# Every model the admin shows.


def test_nothing_can_be_deleted_or_reverted_in_the_admin(administrator):
    request = RequestFactory().get("/admin/")
    request.user = administrator
    for model, model_admin in admin.site._registry.items():
        assert not model_admin.has_delete_permission(request), model.__name__
        if hasattr(model, "history"):  # tracked: its history pages never revert
            assert isinstance(model_admin, RecordedAdmin), model.__name__


def test_an_unknown_owner_code_is_shown_never_dropped_unseen(admin_client, item):
    from django.db import connection

    from recommendations.history import unrecorded_writes

    with unrecorded_writes("a code an older release knew"), connection.cursor() as c:
        c.execute(
            "UPDATE recommendations_item SET owners = %s WHERE id = %s",
            [",chief_constable,old_body,", item.pk],
        )
    page = admin_client.get(_change_url(item))
    html = page.content.decode()
    assert "old_body (not a known code)" in html
    assert _ticked(html, "owners") == {"chief_constable", "old_body"}
    shown = _as_shown(page)
    shown.update(lead_team="Renamed team", change_reason="Team")
    assert admin_client.post(_change_url(item), shown).status_code == 302
    item.refresh_from_db()
    assert item.lead_team == "Renamed team"
    assert item.owners == ",chief_constable,old_body,"  # kept, not dropped
    # A correction that keeps the unknown code ticked is refused, saying why.
    shown = _as_shown(admin_client.get(_change_url(item)))
    shown.update(text="Corrected wording of the item.", change_reason="Wording")
    response = admin_client.post(_change_url(item), shown)
    assert "Unknown: old_body" in response.content.decode()
    item.refresh_from_db()
    assert item.owners == ",chief_constable,old_body,"
