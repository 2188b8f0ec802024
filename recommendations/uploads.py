"""Inspecting uploaded files by their content, never by their name.

Evidence (recommendations.evidence) and report spreadsheets (recommendations.loading
.files) both ask here what a file really is and whether a zip archive (OOXML, ODF)
is safe to open; each turns a refusal into its own message for the person.

Archives are read for their table of contents only: a bound on the declared
uncompressed sizes refuses archive bombs before anything is expanded.
"""

import io
import zipfile
import zlib
from dataclasses import dataclass
from enum import StrEnum
from typing import IO

ZIP_SIGNATURE = b"PK\x03\x04"
SIGNATURES = {
    "pdf": b"%PDF-",
    "png": b"\x89PNG\r\n\x1a\n",
    "jpeg": b"\xff\xd8\xff",
    "zip": ZIP_SIGNATURE,
}
# How far into a file the signatures and the text test look.
HEAD_BYTES = 8192
# A part this small cannot make a bomb whatever its ratio; past it the ratio counts.
RATIO_APPLIES_ABOVE = 1024 * 1024
# What zipfile raises for a damaged or hostile archive, besides BadZipFile.
_BROKEN = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    EOFError,
    OSError,
    RuntimeError,
    NotImplementedError,
    ValueError,
    zlib.error,
)


def sniff(head: bytes) -> str:
    """The kind of file the first bytes say ("pdf", "png", "jpeg", "zip"), or ""."""
    return next((kind for kind, sig in SIGNATURES.items() if head.startswith(sig)), "")


def is_text(data: bytes) -> bool:
    """Text has no NUL bytes; binary formats almost always do."""
    return b"\x00" not in data


def extension(name: str) -> str:
    """The lower-case extension of a file name, or ""."""
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


class Refusal(StrEnum):
    NOT_AN_ARCHIVE = "not_an_archive"
    TOO_LARGE = "too_large"
    MACROS = "macros"


class ArchiveRefused(Exception):
    """The archive is not one, would expand too far, or carries macros."""

    def __init__(self, reason: Refusal) -> None:
        super().__init__(reason.value)
        self.reason = reason


@dataclass(frozen=True)
class Archive:
    names: frozenset[str]
    # ODF's first entry names the document type; "" when there is none.
    mimetype: str

    def has_part_under(self, prefix: str) -> bool:
        return any(name.startswith(prefix) for name in self.names)


def open_archive(
    source: bytes | IO[bytes],
    *,
    max_expanded_bytes: int,
    max_ratio: int | None = None,
) -> Archive:
    """The zip's table of contents; refuse a non-zip, a bomb, or macros.

    Refused, in this order: not a zip; parts that would expand past
    `max_expanded_bytes` in all, or (with `max_ratio`) a part over 1 MiB that
    expands more than `max_ratio` times; a VBA project (macros). Only ODF's short
    mimetype entry is read, and only its first 100 bytes.
    """
    stream = io.BytesIO(source) if isinstance(source, bytes) else source
    stream.seek(0)
    try:
        with zipfile.ZipFile(stream) as archive:
            infos = archive.infolist()
            total = 0
            for info in infos:
                total += info.file_size
                ratio = info.file_size / max(info.compress_size, 1)
                if total > max_expanded_bytes or (
                    max_ratio is not None
                    and info.file_size > RATIO_APPLIES_ABOVE
                    and ratio > max_ratio
                ):
                    raise ArchiveRefused(Refusal.TOO_LARGE)
            names = frozenset(info.filename for info in infos)
            if any("vbaproject" in name.lower() for name in names):
                raise ArchiveRefused(Refusal.MACROS)
            mimetype = ""
            if "mimetype" in names:
                with archive.open("mimetype") as entry:
                    mimetype = entry.read(100).decode("ascii", "replace")
            return Archive(names=names, mimetype=mimetype)
    except _BROKEN as error:
        raise ArchiveRefused(Refusal.NOT_AN_ARCHIVE) from error
    finally:
        stream.seek(0)
