import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from recommendations.models import Item, ProgressUpdate

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _url(item: Item) -> str:
    return reverse("recommendations:item_progress", args=[item.pk])


def _post(client, item, **data):
    payload = {"version": item.version, "text": "Training delivered to 200 officers."}
    payload.update(data)
    return client.post(_url(item), payload)


def _files(settings) -> list[Path]:
    root = Path(settings.EVIDENCE_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_staff_records_a_note_without_changing_the_item(client_for, staff, item):
    response = _post(client_for(staff), item)
    assert response.status_code == 302
    update = ProgressUpdate.objects.get(item=item)
    assert update.author == staff
    assert update.status_to == ""
    item.refresh_from_db()
    assert item.version == 1
    record = update.history.get()
    assert record.history_user == staff
    assert record.history_change_reason == "Progress recorded"


def test_proposing_closure_needs_evidence(client_for, staff, item):
    response = _post(client_for(staff), item, status_to="pending_sign_off")
    assert response.status_code == 400
    assert "Attach an evidence file or link" in response.content.decode()
    item.refresh_from_db()
    assert item.status == Item.Status.IN_PROGRESS
    assert not ProgressUpdate.objects.exists()


def test_proposing_closure_with_a_file_stores_it_privately(
    client_for, staff, item, settings
):
    upload = SimpleUploadedFile("closing report.pdf", PDF, "application/pdf")
    response = _post(
        client_for(staff), item, status_to="pending_sign_off", evidence_file=upload
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == Item.Status.PENDING_SIGN_OFF
    latest = item.history.first()
    assert latest.history_user == staff
    assert "pending sign-off" in latest.history_change_reason
    update = ProgressUpdate.objects.get(item=item)
    assert update.status_from == Item.Status.IN_PROGRESS
    assert update.evidence_name == "closing report.pdf"
    assert update.evidence_content_type == "application/pdf"
    stored = _files(settings)
    assert len(stored) == 1
    assert stored[0].read_bytes() == PDF
    # Stored under the private evidence root with a generated name.
    assert "closing report" not in stored[0].name


def test_proposing_closure_with_a_link(client_for, staff, item):
    response = _post(
        client_for(staff),
        item,
        status_to="pending_sign_off",
        evidence_link="https://intranet.example.org/evidence/1",
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == Item.Status.PENDING_SIGN_OFF


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("evidence.pdf", b"MZ\x90\x00 not a pdf", "is not a real PDF file"),
        ("evidence.exe", b"MZ\x90\x00", "must be one of"),
        ("notes.txt", "café".encode("latin-1"), "must be saved as UTF-8"),
        ("empty.pdf", b"", "is empty"),
    ],
)
def test_bad_evidence_is_refused_and_nothing_is_kept(
    client_for, staff, item, settings, name, content, message
):
    upload = SimpleUploadedFile(name, content)
    response = _post(client_for(staff), item, evidence_file=upload)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ProgressUpdate.objects.exists()
    assert _files(settings) == []


def test_oversized_evidence_is_refused(client_for, staff, item, settings):
    settings.EVIDENCE_MAX_BYTES = 1024
    upload = SimpleUploadedFile("big.pdf", PDF + b"0" * 2048)
    response = _post(client_for(staff), item, evidence_file=upload)
    assert response.status_code == 400
    assert "must be smaller than 1.0\xa0KB" in response.content.decode()
    assert _files(settings) == []


def test_macro_enabled_document_is_refused(client_for, staff, item, settings):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/vbaProject.bin", b"\x00macro")
    upload = SimpleUploadedFile("plan.docx", buffer.getvalue())
    response = _post(client_for(staff), item, evidence_file=upload)
    assert response.status_code == 400
    assert "macros are not accepted" in response.content.decode()


def test_real_docx_is_accepted(client_for, staff, item, settings):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    upload = SimpleUploadedFile("plan.docx", buffer.getvalue())
    assert _post(client_for(staff), item, evidence_file=upload).status_code == 302
    update = ProgressUpdate.objects.get()
    assert update.evidence_content_type.endswith("wordprocessingml.document")


def test_empty_update_is_an_error(client_for, staff, item):
    response = _post(client_for(staff), item, text="")
    assert response.status_code == 400
    assert "Enter the update" in response.content.decode()


def test_staff_cannot_close_an_item(client_for, staff, item):
    response = _post(client_for(staff), item, status_to="closed")
    assert response.status_code == 400
    item.refresh_from_db()
    assert item.status == Item.Status.IN_PROGRESS


def test_staff_cannot_mark_no_further_action(client_for, staff, item):
    response = _post(
        client_for(staff), item, status_to="no_further_action", status_reason="x"
    )
    assert response.status_code == 400
    item.refresh_from_db()
    assert item.status == Item.Status.IN_PROGRESS


def test_reviewer_marks_no_further_action_with_a_reason(client_for, reviewer, item):
    client = client_for(reviewer)
    missing = _post(client, item, status_to="no_further_action")
    assert missing.status_code == 400
    assert "Give the reason no further action is needed" in missing.content.decode()
    response = _post(
        client,
        item,
        status_to="no_further_action",
        status_reason="Superseded by the 2024 PEEL inspection.",
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == Item.Status.NO_FURTHER_ACTION
    assert item.status_reason == "Superseded by the 2024 PEEL inspection."


def test_stale_status_move_is_refused(client_for, staff, other_staff, item):
    stale = item.version
    _post(
        client_for(other_staff),
        item,
        status_to="pending_sign_off",
        evidence_link="https://example.org/a",
    )
    response = _post(
        client_for(staff),
        item,
        version=stale,
        status_to="pending_sign_off",
        evidence_link="https://example.org/b",
    )
    assert response.status_code == 400
    assert "This item was changed by Tom Evans" in response.content.decode()
    assert ProgressUpdate.objects.count() == 1


@pytest.mark.parametrize("role", ["panel", "outsider"])
def test_readers_cannot_record_progress(request, client_for, item, role):
    client = client_for(request.getfixturevalue(role))
    assert client.get(_url(item)).status_code == 403
    assert _post(client, item).status_code == 403
    assert not ProgressUpdate.objects.exists()


def test_form_offers_only_allowed_moves(client_for, staff, item):
    html = client_for(staff).get(_url(item)).content.decode()
    assert 'value="pending_sign_off"' in html
    assert 'value="closed"' not in html
    assert 'value="no_further_action"' not in html


def test_a_note_from_a_stale_page_is_still_recorded(
    client_for, staff, other_staff, item
):
    # A note overwrites nothing, so it is kept even if the item changed meanwhile.
    stale = item.version
    _post(
        client_for(other_staff),
        item,
        status_to="pending_sign_off",
        evidence_link="https://example.org/a",
    )
    response = _post(client_for(staff), item, version=stale, text="Late note")
    assert response.status_code == 302
    assert ProgressUpdate.objects.filter(text="Late note").exists()
