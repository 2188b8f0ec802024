"""Checks on uploaded evidence: size, and type judged by content, not by name."""

import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

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
SIGNATURES = {
    "pdf": (b"%PDF-", "application/pdf"),
    "png": (b"\x89PNG\r\n\x1a\n", "image/png"),
    "jpg": (b"\xff\xd8\xff", "image/jpeg"),
    "jpeg": (b"\xff\xd8\xff", "image/jpeg"),
}
TEXT = {"txt": "text/plain", "csv": "text/csv", "eml": "message/rfc822"}
ALLOWED_EXTENSIONS = sorted([*OOXML, *ODF, *SIGNATURES, *TEXT])
# Zip archives are opened to read their table of contents only; a bound on the
# declared uncompressed size refuses archive bombs before anything is expanded.
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024


@dataclass(frozen=True)
class CheckedEvidence:
    name: str
    content_type: str
    size: int


def _refuse(message: "StrOrPromise") -> ValidationError:
    return ValidationError(message, code="evidence_refused")


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _zip_names(upload: UploadedFile) -> list[str] | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            infos = archive.infolist()
            if sum(info.file_size for info in infos) > MAX_UNCOMPRESSED_BYTES:
                raise _refuse(_("The file expands to more than the size allowed."))
            names = [info.filename for info in infos]
            if "mimetype" in names:
                names.append(
                    "mimetype:"
                    + archive.read("mimetype")[:100].decode("ascii", "replace")
                )
            return names
    except zipfile.BadZipFile:
        return None
    finally:
        upload.seek(0)


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
    extension = _extension(name)
    if extension not in ALLOWED_EXTENSIONS:
        raise _refuse(
            _("The selected file must be one of: %(types)s.")
            % {"types": ", ".join(ext.upper() for ext in ALLOWED_EXTENSIONS)}
        )
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    mismatch = _refuse(
        _("The selected file is not a real %(type)s file.")
        % {"type": extension.upper()}
    )
    if extension in SIGNATURES:
        signature, content_type = SIGNATURES[extension]
        if not head.startswith(signature):
            raise mismatch
    elif extension in OOXML or extension in ODF:
        if not head.startswith(b"PK\x03\x04"):
            raise mismatch
        names = _zip_names(upload) or []
        if any("vbaproject" in entry.lower() for entry in names):
            raise _refuse(_("Files containing macros are not accepted."))
        if extension in OOXML:
            prefix, content_type = OOXML[extension]
            if "[Content_Types].xml" not in names or not any(
                entry.startswith(prefix) for entry in names
            ):
                raise mismatch
        else:
            content_type = ODF[extension]
            if f"mimetype:{content_type}" not in names:
                raise mismatch
    else:
        content_type = TEXT[extension]
        data = upload.read()
        upload.seek(0)
        if b"\x00" in data:
            raise mismatch
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise _refuse(
                _("The selected text file must be saved as UTF-8.")
            ) from error
    return CheckedEvidence(name=name, content_type=content_type, size=upload.size)
