import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from recommendations import services
from recommendations.models import Item, Report

from .conftest import GOOD_ROWS, make_csv, make_xlsx, seen

START = reverse("recommendations:loading_start")
UPLOAD = reverse("recommendations:loading_upload")
PASTE = reverse("recommendations:loading_paste")
PREVIEW = reverse("recommendations:loading_preview")
CONFIRM = reverse("recommendations:loading_confirm")


def _upload(client, data, name="vetting.csv"):
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, data)})


def _token(client) -> str:
    html = client.get(PREVIEW).content.decode()
    match = re.search(r'name="token" value="([^"]+)"', html)
    return match.group(1) if match else ""


def _confirm(client, **data):
    payload = {"token": _token(client), "add_new": "on"}
    payload.update(data)
    return client.post(CONFIRM, payload)


def test_administrator_uploads_checks_and_loads(client_for, administrator, good_xlsx):
    client = client_for(administrator)
    response = _upload(client, good_xlsx, "vetting.xlsx")
    assert response.status_code == 302
    assert response.url == PREVIEW
    assert not Report.objects.exists()  # nothing saved before confirming
    preview = client.get(PREVIEW)
    assert "A new report with 4 items" in preview.content.decode()
    response = _confirm(client)
    assert response.status_code == 302
    report = Report.objects.get()
    assert response.url == reverse("recommendations:report_detail", args=[report.pk])
    items = {item.reference: item for item in report.items.all()}
    assert set(items) == {"CoC 1", "1", "2", "AFI 1"}
    assert items["1"].cause_of_concern == items["CoC 1"]
    assert items["1"].status == Item.Status.AWAITING_ALLOCATION
    for obj in [report, *items.values()]:
        record = obj.history.get()
        assert record.history_user == administrator
        assert record.history_change_reason == "Imported from vetting.xlsx"
    assert "report_import" not in client.session


def test_a_bad_row_is_shown_and_nothing_can_be_loaded(client_for, administrator):
    client = client_for(administrator)
    rows = [
        *GOOD_ROWS,
        [
            "3",
            "recommendation",
            "Chief Constabel",
            "Some wording here.",
            "31/02/2024",
            "",
            "no",
        ],
    ]
    _upload(client, make_csv(rows))
    html = client.get(PREVIEW).content.decode()
    assert "There is a problem: nothing can be loaded yet" in html
    assert "Row 13: Unknown owner: Chief Constabel." in html
    assert "Confirm and load" not in html
    response = client.post(CONFIRM, {"token": _token(client), "add_new": "on"})
    assert response.status_code == 302
    assert not Report.objects.exists()
    assert not Item.objects.exists()


def test_correcting_a_row_makes_the_upload_loadable(client_for, administrator):
    client = client_for(administrator)
    rows = [
        *GOOD_ROWS,
        ["3", "recommendation", "Chief Constabel", "Some wording here.", "", "", "no"],
    ]
    _upload(client, make_csv(rows))
    edit = reverse("recommendations:loading_edit_row", args=[4])
    assert client.get(edit).status_code == 200
    response = client.post(
        edit,
        {
            "seen": seen(client, edit),
            "reference": "3",
            "kind": "recommendation",
            "owners": ["chief_constable"],
            "text": "Some wording here.",
            "target_date": "2024-06-30",
            "cause_of_concern": "",
            "hmicfrs_id": "",
        },
    )
    assert response.status_code == 302
    assert _confirm(client).status_code == 302
    item = Item.objects.get(reference="3")
    assert item.owner_codes == ["chief_constable"]
    assert str(item.target_date) == "2024-06-30"


def test_bad_files_get_a_clear_message_and_nothing_is_kept(client_for, administrator):
    client = client_for(administrator)
    response = _upload(client, b"\x89PNG\r\n\x1a\n", "report.xlsx")
    assert response.status_code == 400
    assert "not an Excel workbook" in response.content.decode()
    assert "report_import" not in client.session
    assert not Report.objects.exists()


def test_reimport_adds_new_and_updates_changed_only_when_asked(
    client_for, administrator, good_csv
):
    client = client_for(administrator)
    _upload(client, good_csv)
    _confirm(client)
    rows = [row[:] for row in GOOD_ROWS]
    rows[1][3] = (
        "By 30 April 2023, chief constables should review all vetting decisions."
    )
    rows.append(
        [
            "3",
            "recommendation",
            "IOPC",
            "Summary: a new one for the IOPC.",
            "",
            "",
            "yes",
        ]
    )
    _upload(client, make_csv(rows))
    html = client.get(PREVIEW).content.decode()
    assert "This report is already loaded" in html
    assert "<strong>1 new</strong>, <strong>1 changed</strong>, 3 unchanged" in html
    _confirm(client)  # add new only (the default)
    assert Report.objects.count() == 1
    assert Item.objects.count() == 5
    assert "review vetting decisions" in Item.objects.get(reference="1").text
    _upload(client, make_csv(rows))
    _confirm(client, update_changed="on", add_new="")
    item = Item.objects.get(reference="1")
    assert "review all vetting decisions" in item.text
    assert item.history.first().history_change_reason == (
        "Updated from vetting.csv: text"
    )


def test_a_stale_preview_cannot_be_confirmed(client_for, administrator, good_csv):
    client = client_for(administrator)
    _upload(client, good_csv)
    token = _token(client)
    edit = reverse("recommendations:loading_edit_row", args=[3])
    client.post(
        edit,
        {
            "seen": seen(client, edit),
            "reference": "AFI 9",
            "kind": "area_for_improvement",
            "owners": ["chief_constable"],
            "text": "Changed in tab two.",
        },
    )
    response = client.post(CONFIRM, {"token": token, "add_new": "on"}, follow=True)
    assert "The preview changed since you opened it" in response.content.decode()
    assert not Report.objects.exists()


def test_a_failure_part_way_saves_nothing(
    client_for, administrator, good_csv, monkeypatch
):
    # Fault injection: the connection is lost once the new items and their
    # history are written, before the import ends.
    real = services.create_with_history

    def failing(objs, **kwargs):
        created = real(objs, **kwargs)
        if created and created[0].kind != "cause_of_concern":
            raise RuntimeError("database went away")
        return created

    monkeypatch.setattr(services, "create_with_history", failing)
    client = client_for(administrator)
    client.raise_request_exception = False
    _upload(client, good_csv)
    response = _confirm(client)
    assert response.status_code == 500
    assert not Report.objects.exists()
    assert not Item.objects.exists()


def test_pasted_text_is_previewed_and_loaded(client_for, administrator):
    client = client_for(administrator)
    response = client.post(
        PASTE,
        {
            "title": "Safe to share?",
            "kind": "super_complaint",
            "published_on": "2020-12-17",
            "inspectorates": ["hmicfrs", "college_of_policing", "iopc"],
            "scope": "national",
            "text": "Recommendation 2\nThe Home Office should review the policy.\n"
            "Recommendation 3\nWithin six months, the Home Office and the NPCC "
            "should develop a protocol.",
        },
    )
    assert response.status_code == 302
    html = client.get(PREVIEW).content.decode()
    assert "Target date from" in html
    _confirm(client)
    item = Item.objects.get(reference="3")
    assert set(item.owner_codes) == {"home_office", "npcc"}
    assert str(item.target_date) == "2021-06-17"
    assert Report.objects.get().history.get().history_change_reason == (
        "Imported from pasted text"
    )


def test_pasted_text_without_items_is_refused(client_for, administrator):
    response = client_for(administrator).post(
        PASTE,
        {
            "title": "X",
            "kind": "peel",
            "published_on": "2024-01-01",
            "inspectorates": ["hmicfrs"],
            "scope": "this_force",
            "text": "Nothing recognisable here.",
        },
    )
    assert response.status_code == 400
    assert "No recommendations" in response.content.decode()


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_downloaded_template_loads_as_it_is(client_for, administrator, extension):
    client = client_for(administrator)
    response = client.get(reverse("recommendations:loading_template", args=[extension]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    if extension == "xlsx":
        workbook = load_workbook(io.BytesIO(response.content))
        assert workbook.sheetnames == ["Report", "Items", "Guide"]
    _upload(client, response.content, f"template.{extension}")
    _confirm(client)
    assert Item.objects.count() == 3


def test_cancel_discards_the_draft(client_for, administrator, good_csv):
    client = client_for(administrator)
    _upload(client, good_csv)
    client.post(reverse("recommendations:loading_cancel"))
    assert "report_import" not in client.session
    assert client.get(PREVIEW).status_code == 302


@pytest.mark.parametrize("role", ["staff", "reviewer", "panel", "outsider"])
def test_only_administrators_load_reports(request, client_for, role, good_csv):
    client = client_for(request.getfixturevalue(role))
    assert client.get(START).status_code == 403
    assert _upload(client, good_csv).status_code == 403
    assert client.post(CONFIRM, {"token": "x"}).status_code == 403
    assert not Report.objects.exists()


def test_anonymous_is_sent_to_sign_in(client, good_csv, db):
    response = _upload(client, good_csv)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_upload_is_a_post(client_for, administrator):
    assert client_for(administrator).get(UPLOAD).status_code == 405
    assert len(make_xlsx(GOOD_ROWS)) > 0


def test_a_row_saved_with_a_problem_left_gets_no_success_banner(
    client_for, administrator, good_csv
):
    client = client_for(administrator)
    _upload(client, good_csv)
    edit = reverse("recommendations:loading_edit_row", args=[1])
    response = client.post(
        edit,
        {
            "seen": seen(client, edit),
            "reference": "1",
            "kind": "recommendation",
            "owners": ["chief_constable"],
            "text": "By 30 April 2023, chief constables should review vetting.",
            "cause_of_concern": "CoC 9",  # no such cause of concern
        },
        follow=True,
    )
    html = response.content.decode()
    assert "Row 2 has been saved as edited, but still has a problem" in html or (
        "has been saved as edited, but still has a problem" in html
    )
    assert "Unknown cause of concern" in html
    assert "has been corrected" not in html
    assert "govuk-notification-banner--success" not in html


def test_the_load_message_counts_in_words(client_for, administrator):
    from .conftest import make_csv

    client = client_for(administrator)
    _upload(
        client,
        make_csv(
            [["1", "recommendation", "PCC", "A single recommendation.", "", "", "no"]]
        ),
    )
    response = _confirm(client)
    page = client.get(response["Location"]).content.decode()
    assert "1 item added" in page and "1 items" not in page
