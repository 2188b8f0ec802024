"""File inspection in one place (recommendations.uploads), used by evidence uploads
and report loading alike; each caller keeps its own messages and limits."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from recommendations import uploads
from recommendations.evidence import MAX_UNCOMPRESSED_BYTES, check_evidence
from recommendations.uploads import ArchiveRefused, Refusal

ODT = "application/vnd.oasis.opendocument.text"


def _zip(members: dict[str, bytes], *, deflate: bool = False) -> bytes:
    buffer = io.BytesIO()
    compression = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _refusal(data: bytes, **limits) -> Refusal:
    limits.setdefault("max_expanded_bytes", 10 * 1024 * 1024)
    with pytest.raises(ArchiveRefused) as error:
        uploads.open_archive(data, **limits)
    return error.value.reason


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.7 ...", "pdf"),
        (b"\x89PNG\r\n\x1a\n....", "png"),
        (b"\xff\xd8\xff\xe0", "jpeg"),
        (b"PK\x03\x04rest", "zip"),
        (b"reference,owners", ""),
        (b"MZ\x90\x00", ""),
    ],
)
def test_sniff_judges_by_the_first_bytes(head, kind):
    assert uploads.sniff(head) == kind


def test_text_has_no_nul_bytes():
    assert uploads.is_text(b"plain, text\n")
    assert not uploads.is_text(b"MZ\x00\x00")


def test_archive_contents_and_odf_mimetype_are_read():
    archive = uploads.open_archive(
        _zip({"mimetype": ODT.encode(), "content.xml": b"<x/>"}),
        max_expanded_bytes=1024,
    )
    assert archive.names == {"mimetype", "content.xml"}
    assert archive.mimetype == ODT
    assert archive.has_part_under("content")


def test_a_file_that_is_not_a_zip_is_refused():
    assert _refusal(b"PK\x03\x04 but truncated") == Refusal.NOT_AN_ARCHIVE


def test_a_macro_project_is_refused():
    assert _refusal(_zip({"word/vbaProject.bin": b"\x00"})) == Refusal.MACROS


def test_an_archive_declaring_too_much_is_refused_before_expanding():
    data = _zip({"a.bin": b"\x00" * 2048})
    assert _refusal(data, max_expanded_bytes=1024) == Refusal.TOO_LARGE


def test_a_part_that_expands_too_many_times_is_refused_when_asked():
    data = _zip({"a.bin": b"\x00" * (2 * 1024 * 1024)}, deflate=True)
    assert _refusal(data, max_ratio=200) == Refusal.TOO_LARGE
    # Without a ratio bound only the total counts.
    assert uploads.open_archive(data, max_expanded_bytes=10 * 1024 * 1024).names


def test_a_file_object_is_left_at_its_start():
    stream = io.BytesIO(_zip({"a.txt": b"a"}))
    stream.seek(3)
    uploads.open_archive(stream, max_expanded_bytes=1024)
    assert stream.tell() == 0


def _evidence_message(name: str, data: bytes) -> str:
    with pytest.raises(ValidationError) as error:
        check_evidence(SimpleUploadedFile(name, data))
    return error.value.messages[0]


def test_evidence_accepts_a_real_odf_document():
    data = _zip({"mimetype": ODT.encode(), "content.xml": b"<x/>"})
    checked = check_evidence(SimpleUploadedFile("plan.odt", data))
    assert checked.content_type == ODT


def test_evidence_refuses_an_odf_document_of_another_type():
    data = _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"})
    assert "not a real ODT file" in _evidence_message("plan.odt", data)


def test_evidence_that_expands_past_the_bound_is_refused(monkeypatch):
    monkeypatch.setattr("recommendations.evidence.MAX_UNCOMPRESSED_BYTES", 1024)
    data = _zip(
        {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\x00" * 4096}
    )
    assert "expands to more than the size allowed" in _evidence_message(
        "plan.docx", data
    )
    assert MAX_UNCOMPRESSED_BYTES == 100 * 1024 * 1024


def test_evidence_named_docx_but_not_a_zip_is_refused():
    assert "not a real DOCX file" in _evidence_message("plan.docx", b"PK\x03\x04xx")
