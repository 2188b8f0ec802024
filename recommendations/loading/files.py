"""Read an uploaded CSV or XLSX into rows of text, refusing anything unsafe.

Refused with a clear message: files over the size limit, macro-enabled workbooks,
content that is not what the name says, workbooks that would expand past a bound,
CSV that is not UTF-8. Nothing is written to disk: uploads are read in memory or
from Django's temporary upload file, which Django removes.
"""

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .. import uploads
from ..uploads import ArchiveRefused, Refusal

Rows = list[Sequence[object]]

# A workbook's parts, expanded, may not exceed this; nor may any part expand more
# than this many times (zip bombs compress at thousands to one).
MAX_EXPANDED_BYTES = 50 * 1024 * 1024
MAX_RATIO = 200
MAX_ROWS = 20000


class FileRefused(ValueError):
    """The upload cannot be read; the message says why, for the person."""


@dataclass(frozen=True)
class ReadFile:
    name: str
    rows: Rows


def read_upload(name: str, data: bytes) -> ReadFile:
    """Rows from a .csv or .xlsx upload's bytes."""
    limit = settings.IMPORT_MAX_BYTES
    if len(data) > limit:
        raise FileRefused(
            _("The file must be smaller than %(limit)s.")
            % {"limit": filesizeformat(limit)}
        )
    if not data:
        raise FileRefused(_("The selected file is empty."))
    extension = uploads.extension(name)
    kind = uploads.sniff(data[: uploads.HEAD_BYTES])
    if extension in {"xlsm", "xltm", "xlsb", "xls"}:
        raise FileRefused(
            _(
                "Macro-enabled and old-format workbooks are not accepted. Save the "
                "workbook as .xlsx (Excel Workbook) or .csv (CSV UTF-8)."
            )
        )
    if extension == "xlsx":
        if kind != "zip":
            raise FileRefused(
                _("The file is named .xlsx but is not an Excel workbook.")
            )
        return ReadFile(name=name, rows=_read_xlsx(data))
    if extension == "csv":
        if kind in {"zip", "pdf"} or not uploads.is_text(data[:4096]):
            raise FileRefused(_("The file is named .csv but is not a CSV file."))
        return ReadFile(name=name, rows=_read_csv(data))
    raise FileRefused(_("The file must be a .csv or .xlsx file."))


def _read_csv(data: bytes) -> Rows:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileRefused(
            _(
                "The CSV file is not UTF-8. In Excel, choose Save As and then "
                "\u201cCSV UTF-8 (Comma delimited)\u201d."
            )
        ) from error
    if "\x00" in text:
        raise FileRefused(_("The file is named .csv but is not a CSV file."))
    try:
        rows: Rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as error:
        raise FileRefused(_("The CSV file could not be read: %s") % error) from error
    if len(rows) > MAX_ROWS:
        raise FileRefused(_("The file has more than %d rows.") % MAX_ROWS)
    return rows


def _check_archive(data: bytes) -> None:
    try:
        archive = uploads.open_archive(
            data, max_expanded_bytes=MAX_EXPANDED_BYTES, max_ratio=MAX_RATIO
        )
    except ArchiveRefused as refused:
        if refused.reason == Refusal.MACROS:
            message = _("Workbooks containing macros are not accepted.")
        elif refused.reason == Refusal.TOO_LARGE:
            message = _("The workbook expands to more than the size allowed.")
        else:
            message = _("The file is named .xlsx but is not an Excel workbook.")
        raise FileRefused(message) from refused
    if "xl/workbook.xml" not in archive.names:
        raise FileRefused(_("The file is named .xlsx but is not an Excel workbook."))


def _read_xlsx(data: bytes) -> Rows:
    _check_archive(data)
    # openpyxl parses XML with defusedxml when it is installed (it is pinned).
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken workbook
        raise FileRefused(_("The workbook could not be read.")) from error
    try:
        by_name = {sheet.title.lower(): sheet for sheet in workbook.worksheets}
        if "report" in by_name and "items" in by_name:
            sheets = [by_name["report"], by_name["items"]]
        else:
            sheets = [workbook.worksheets[0]]
        rows: Rows = []
        for index, sheet in enumerate(sheets):
            if index:
                rows.append([])
            for row in sheet.iter_rows(values_only=True):
                rows.append(["" if cell is None else cell for cell in row])
                if len(rows) > MAX_ROWS:
                    raise FileRefused(_("The file has more than %d rows.") % MAX_ROWS)
        return rows
    finally:
        workbook.close()
