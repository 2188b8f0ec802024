from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from recommendations import services

PDF = b"%PDF-1.4\n%%EOF\n"


def _update_with_file(item, staff):
    return services.progress_update_record(
        item_id=item.pk,
        actor=staff,
        expected_version=item.version,
        text="Evidence attached",
        evidence_file=SimpleUploadedFile("board minutes.pdf", PDF),
    )


def test_signed_in_reader_downloads_evidence_as_an_attachment(
    client_for, panel, staff, item
):
    update = _update_with_file(item, staff)
    response = client_for(panel).get(
        reverse("recommendations:evidence_download", args=[update.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "board minutes.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


def test_evidence_is_not_served_to_anonymous_or_outsiders(
    client, client_for, outsider, staff, item
):
    update = _update_with_file(item, staff)
    url = reverse("recommendations:evidence_download", args=[update.pk])
    assert client.get(url).status_code == 302
    assert client_for(outsider).get(url).status_code == 403


def test_evidence_has_no_public_url(staff, item, settings):
    update = _update_with_file(item, staff)
    assert settings.STATIC_URL not in update.evidence_file.name
    assert not str(settings.EVIDENCE_ROOT).startswith(str(settings.STATIC_ROOT))
    try:
        update.evidence_file.url  # noqa: B018
    except ValueError:
        pass
    else:
        raise AssertionError("evidence files must not have a URL")


def test_update_without_a_file_is_not_found(client_for, panel, staff, item):
    update = services.progress_update_record(
        item_id=item.pk, actor=staff, expected_version=item.version, text="no file"
    )
    url = reverse("recommendations:evidence_download", args=[update.pk])
    assert client_for(panel).get(url).status_code == 404
