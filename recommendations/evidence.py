"""Checks on uploaded evidence: size, and type judged by content, not by name."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from . import uploads
from .uploads import ArchiveRefused, Refusal

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

OOXML = {
    "docx": (
        "word/",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": (
        "xl/",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "pptx": (
        "ppt/",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
}
ODF = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
# Extension -> (the kind its first bytes must show, content type).
SIGNED = {
    "pdf": ("pdf", "application/pdf"),
    "png": ("png", "image/png"),
    "jpg": ("jpeg", "image/jpeg"),
    "jpeg": ("jpeg", "image/jpeg"),
}
TEXT = {"txt": "text/plain", "csv": "text/csv", "eml": "message/rfc822"}
ALLOWED_EXTENSIONS = sorted([*OOXML, *ODF, *SIGNED, *TEXT])
# The most an office document's parts may expand to (recommendations.uploads).
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024


@dataclass(frozen=True)
class CheckedEvidence:
    name: str
    content_type: str
    size: int


def _refuse(message: "StrOrPromise") -> ValidationError:
    return ValidationError(message, code="evidence_refused")


def _office_content_type(upload: UploadedFile, extension: str) -> str | None:
    """The document's content type, or None when it is not a real one."""
    try:
        archive = uploads.open_archive(
            upload, max_expanded_bytes=MAX_UNCOMPRESSED_BYTES
        )
    except ArchiveRefused as refused:
        if refused.reason == Refusal.TOO_LARGE:
            raise _refuse(
                _("The file expands to more than the size allowed.")
            ) from refused
        if refused.reason == Refusal.MACROS:
            raise _refuse(_("Files containing macros are not accepted.")) from refused
        return None
    if extension in OOXML:
        prefix, content_type = OOXML[extension]
        real = "[Content_Types].xml" in archive.names and archive.has_part_under(prefix)
        return content_type if real else None
    content_type = ODF[extension]
    return content_type if archive.mimetype == content_type else None


def check_evidence(upload: UploadedFile) -> CheckedEvidence:
    """Refuse evidence that is too large, of a type not allowed, or not what it says."""
    name = (upload.name or "").replace("\\", "/").rsplit("/", 1)[-1][:200]
    limit = settings.EVIDENCE_MAX_BYTES
    if upload.size is None or upload.size == 0:
        raise _refuse(_("The selected file is empty."))
    if upload.size > limit:
        raise _refuse(
            _("The selected file must be smaller than %(limit)s.")
            % {"limit": filesizeformat(limit)}
        )
    extension = uploads.extension(name)
    if extension not in ALLOWED_EXTENSIONS:
        raise _refuse(
            _("The selected file must be one of: %(types)s.")
            % {"types": ", ".join(ext.upper() for ext in ALLOWED_EXTENSIONS)}
        )
    upload.seek(0)
    head = upload.read(uploads.HEAD_BYTES)
    upload.seek(0)
    mismatch = _refuse(
        _("The selected file is not a real %(type)s file.")
        % {"type": extension.upper()}
    )
    content_type: str | None
    if extension in SIGNED:
        kind, content_type = SIGNED[extension]
        if uploads.sniff(head) != kind:
            raise mismatch
    elif extension in OOXML or extension in ODF:
        if uploads.sniff(head) != "zip":
            raise mismatch
        content_type = _office_content_type(upload, extension)
        if content_type is None:
            raise mismatch
    else:
        content_type = TEXT[extension]
        data = upload.read()
        upload.seek(0)
        if not uploads.is_text(data):
            raise mismatch
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise _refuse(
                _("The selected text file must be saved as UTF-8.")
            ) from error
    return CheckedEvidence(name=name, content_type=content_type, size=upload.size)
