import datetime as dt
import io

import pytest
from django.urls import reverse
from docx import Document

from oversight import selectors
from recommendations.history import save_with_history
from recommendations.models import Item, Report
from recommendations.versions import report_change_id


@pytest.mark.parametrize(
    ("published", "deadline"),
    [
        # The domain's worked example: 17 Dec 2020 must be answered by 10 Feb 2021.
        (dt.date(2020, 12, 17), dt.date(2021, 2, 10)),
        # Across a year end.
        (dt.date(2021, 11, 16), dt.date(2022, 1, 10)),
        # Through February in a leap year and in an ordinary one.
        (dt.date(2024, 1, 10), dt.date(2024, 3, 5)),
        (dt.date(2023, 1, 10), dt.date(2023, 3, 6)),
        (dt.date(2024, 2, 29), dt.date(2024, 4, 24)),
        # Day 1 is publication day: the 56th day is publication + 55.
        (dt.date(2026, 1, 1), dt.date(2026, 2, 25)),
    ],
)
def test_the_56_day_period_begins_on_publication_day(published, deadline):
    report = Report(kind=Report.Kind.FORCE, published_on=published)
    assert report.s55_deadline == deadline
    assert (report.s55_deadline - published).days + 1 == 56


def test_no_deadline_for_super_complaints_or_reports_not_needing_one():
    assert (
        Report(
            kind=Report.Kind.SUPER_COMPLAINT, published_on=dt.date(2020, 12, 17)
        ).s55_deadline
        is None
    )
    assert (
        Report(
            kind=Report.Kind.FORCE,
            published_on=dt.date(2020, 12, 17),
            s55_required=False,
        ).s55_deadline
        is None
    )


def _report(administrator, title, published, **fields):
    fields.setdefault("kind", Report.Kind.FORCE)
    report = Report(title=title, published_on=published, **fields)
    save_with_history(report, actor=administrator, reason="Test set-up")
    return report


def test_dashboard_lists_responses_overdue_and_due_within_14_days(
    client_for, panel, administrator, today
):
    overdue = _report(administrator, "Overdue", today - dt.timedelta(days=56))
    due_today = _report(administrator, "Due today", today - dt.timedelta(days=55))
    due_in_14 = _report(administrator, "Due in 14", today - dt.timedelta(days=41))
    _report(administrator, "Due in 15", today - dt.timedelta(days=40))
    _report(
        administrator,
        "Answered",
        today - dt.timedelta(days=60),
        response_published_on=today - dt.timedelta(days=5),
    )
    super_complaint = _report(
        administrator,
        "Super-complaint",
        today - dt.timedelta(days=60),
        kind=Report.Kind.SUPER_COMPLAINT,
    )
    due = selectors.s55_due(today=today)
    assert [r.report.pk for r in due.overdue] == [overdue.pk]
    assert super_complaint.pk not in [r.report.pk for r in due.overdue]
    assert [r.days_left for r in due.overdue] == [-1]
    assert sorted(r.report.pk for r in due.due_soon) == sorted(
        [due_today.pk, due_in_14.pk]
    )
    html = client_for(panel).get(reverse("home")).content.decode()
    assert "Overdue by 1 day" in html
    assert "govuk-tag--red" in html
    assert "Due today" in html


@pytest.fixture
def force_report(administrator, make_item, report):
    report.kind = Report.Kind.FORCE
    report.title = "National child protection inspection"
    report.published_on = dt.date(2021, 11, 16)
    save_with_history(report, actor=administrator, reason="Test set-up")
    make_item(
        reference="1",
        text="First recommendation wording.",
        s55_response="We will train staff.",
    )
    make_item(reference="2", text="Second recommendation wording.")
    make_item(reference="AFI 1", kind=Item.Kind.AREA_FOR_IMPROVEMENT, text="An AFI.")
    return report


def _docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    return "\n".join(p.text for p in document.paragraphs)


def test_draft_response_holds_every_recommendation_and_its_response(
    client_for, panel, force_report
):
    response = client_for(panel).get(
        reverse("oversight:s55_document", args=[force_report.pk])
    )
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    text = _docx_text(response.content)
    assert "DRAFT" in text
    assert "Recommendation 1" in text and "First recommendation wording." in text
    assert "We will train staff." in text
    assert "Recommendation 2" in text
    assert "[MISSING: no response is recorded for recommendation 2]" in text
    assert "An AFI." not in text
    assert "10 January 2022" in text  # 16 Nov 2021 + 55 days


def test_final_response_is_refused_while_a_recommendation_lacks_one(
    client_for, staff, force_report
):
    client = client_for(staff)
    url = reverse("oversight:s55_document", args=[force_report.pk])
    response = client.get(url, {"final": "1"}, follow=True)
    assert "the response to recommendation 2;" in response.content.decode()
    assert "the response to recommendation 1;" not in response.content.decode()
    # The rest of the letter, and its approval: tests/oversight/test_s55_letter.py.


def test_response_is_saved_with_history_and_stale_forms_refused(
    client_for, staff, other_staff, force_report
):
    item = Item.objects.get(reference="2")
    url = reverse("oversight:s55_response", args=[item.pk])
    stale = item.version
    client_for(other_staff).post(url, {"version": stale, "response": "Tom's answer."})
    response = client_for(staff).post(url, {"version": stale, "response": "Priya's."})
    assert response.status_code == 400
    assert "changed by Tom Evans" in response.content.decode()
    item.refresh_from_db()
    assert item.s55_response == "Tom's answer."
    record = item.history.first()
    assert record.history_user == other_staff
    assert record.history_change_reason == "Section 55 response recorded"


def test_dates_are_recorded_with_a_reason_and_checked(client_for, staff, force_report):
    url = reverse("oversight:s55_edit", args=[force_report.pk])
    client = client_for(staff)
    opened = report_change_id(force_report)
    bad = client.post(
        url,
        {
            "change": opened,
            "s55_required": "on",
            "chief_comments_requested_by": "2021-01-01",
            "reason": "Dates from the OPCC log",
        },
    )
    assert bad.status_code == 400
    assert "cannot be before the report was published" in bad.content.decode()
    good = client.post(
        url,
        {
            "change": opened,
            "s55_required": "on",
            "chief_comments_requested_by": "2021-12-17",
            "chief_comments_received_on": "2021-12-15",
            "reason": "Dates from the OPCC log",
        },
    )
    assert good.status_code == 302
    force_report.refresh_from_db()
    assert force_report.chief_comments_received_on == dt.date(2021, 12, 15)
    assert (
        force_report.history.first().history_change_reason == "Dates from the OPCC log"
    )


def test_a_stale_dates_form_is_refused_not_saved_over_newer_dates(
    client_for, staff, other_staff, force_report
):
    url = reverse("oversight:s55_edit", args=[force_report.pk])
    opened = report_change_id(force_report)  # both open the form now
    saved = client_for(other_staff).post(
        url,
        {
            "change": opened,
            "s55_required": "on",
            "chief_comments_requested_by": "2021-12-17",
            "chief_comments_received_on": "2021-12-15",
            "reason": "Dates from the OPCC log",
        },
    )
    assert saved.status_code == 302
    stale = client_for(staff).post(
        url,
        {
            "change": opened,
            "s55_required": "on",
            "response_url": "https://opcc.example.org/r",
            "reason": "Link only",
        },
    )
    assert stale.status_code == 400
    html = stale.content.decode()
    assert "This report was changed by Tom Evans" in html
    assert 'value="https://opcc.example.org/r"' in html  # the input is kept
    force_report.refresh_from_db()
    assert force_report.chief_comments_received_on == dt.date(2021, 12, 15)
    assert force_report.response_url == ""
    assert f'name="change" value="{report_change_id(force_report)}"' in html


@pytest.mark.parametrize("url_name", ["oversight:s55_edit", "oversight:s55_response"])
def test_panel_members_cannot_change_s55_records(
    client_for, panel, force_report, url_name
):
    target = (
        force_report.pk if url_name == "oversight:s55_edit" else Item.objects.first().pk
    )
    assert client_for(panel).get(reverse(url_name, args=[target])).status_code == 403


def test_s55_pages_show_the_clock(client_for, panel, force_report):
    html = client_for(panel).get(reverse("oversight:s55_list")).content.decode()
    assert "10 Jan 2022" in html
    html = (
        client_for(panel)
        .get(reverse("oversight:s55_report", args=[force_report.pk]))
        .content.decode()
    )
    assert "Still needed: " in html
    assert "the response to recommendation 2" in html
