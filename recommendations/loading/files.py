"""Read an uploaded CSV or XLSX into rows of text, refusing anything unsafe.

Refused with a clear message: files over the size limit, macro-enabled workbooks,
content that is not what the name says, workbooks that would expand past a bound,
CSV that is not UTF-8 or whose columns are split by a character other than a comma,
semicolon or tab. Nothing is written to disk: uploads are read in memory or from
Django's temporary upload file, which Django removes.

Every row keeps where the person sees it: its sheet (XLSX) and the row number Excel
shows, so that a message can send them to the right place. A merged range reads as
the value it shows (its top-left cell's) in every cell it covers.
"""

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# import-untyped: defusedxml has no type hints (no stubs package is installed).
from defusedxml import ElementTree  # type: ignore[import-untyped]
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .. import uploads
from ..uploads import ArchiveRefused, Refusal

Rows = Sequence[Sequence[object]]

# A workbook's parts, expanded, may not exceed this; nor may any part expand more
# than this many times (zip bombs compress at thousands to one).
MAX_EXPANDED_BYTES = 50 * 1024 * 1024
MAX_RATIO = 200
MAX_ROWS = 20000
# A merged range fills at most this many columns of a row, and a sheet may have at
# most this many ranges: bounds on the work a hostile workbook can ask for.
MAX_MERGED_COLUMNS = 64
MAX_MERGED_RANGES = MAX_ROWS
# Columns read from a sheet (an items table has a dozen): a stray cell in column
# XFD must not make every row 16,384 cells long.
MAX_COLUMNS = 64
# Cells that merged ranges may fill in all: a small file of huge ranges is refused.
MAX_MERGED_CELLS = 200_000
# The separators a CSV file is read with, most usual first; and others that are
# recognised only to say so.
SEPARATORS = (",", ";", "\t")
OTHER_SEPARATORS = ("|", "^", "~")
SNIFF_CHARACTERS = 64 * 1024


class FileRefused(ValueError):
    """The upload cannot be read; the message says why, for the person."""


class Row(list[object]):
    """One row's cells, with the sheet it is on ("" for CSV) and its row number as
    Excel shows it; `merged` holds the positions of cells that a merged range
    spanning several rows covers."""

    def __init__(
        self, cells: Iterable[object] = (), *, sheet: str = "", line: int = 0
    ) -> None:
        super().__init__(cells)
        self.sheet = sheet
        self.line = line
        self.merged: set[int] = set()


class Table(list[Row]):
    """Every row of a file, sheet after sheet; `sheets` names a workbook's sheets
    in order (empty for CSV)."""

    def __init__(self, rows: Iterable[Row] = (), *, sheets: Sequence[str] = ()):
        super().__init__(rows)
        self.sheets = tuple(sheets)


@dataclass(frozen=True)
class ReadFile:
    name: str
    rows: Table


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


def _read_csv(data: bytes) -> Table:
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
    separator = _separator(text)
    try:
        rows = Table(
            Row(cells, line=line)
            for line, cells in enumerate(
                csv.reader(io.StringIO(text), delimiter=separator), start=1
            )
        )
    except csv.Error as error:
        raise FileRefused(_("The CSV file could not be read: %s") % error) from error
    if len(rows) > MAX_ROWS:
        raise FileRefused(_("The file has more than %d rows.") % MAX_ROWS)
    return rows


def _split_rows(sample: str, separator: str) -> int:
    """How many of the sample's rows the separator splits into several cells."""
    try:
        return sum(
            1
            for cells in csv.reader(io.StringIO(sample), delimiter=separator)
            if len(cells) > 1
        )
    except csv.Error:
        return 0


def _separator(text: str) -> str:
    """The character the file's columns are separated by: a comma, or (as Excel
    saves CSV in many languages) a semicolon, or a tab; whichever splits the most
    rows, a comma when none does. A file that another character splits into more
    rows is refused, naming it."""
    sample = text[:SNIFF_CHARACTERS]
    # The sample may end inside a row: its last line is left out.
    if len(text) > SNIFF_CHARACTERS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    scores = {
        separator: _split_rows(sample, separator)
        for separator in (*SEPARATORS, *OTHER_SEPARATORS)
    }
    best = max(SEPARATORS, key=lambda separator: scores[separator])
    other = max(OTHER_SEPARATORS, key=lambda separator: scores[separator])
    if scores[other] > scores[best]:
        raise FileRefused(
            _(
                "The CSV file's columns are separated by \u201c%(found)s\u201d. "
                "Only commas, semicolons and tabs are read: in Excel, choose Save "
                "As and then \u201cCSV UTF-8 (Comma delimited)\u201d."
            )
            % {"found": other}
        )
    return best if scores[best] else ","


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


def _read_xlsx(data: bytes) -> Table:
    _check_archive(data)
    # openpyxl parses XML with defusedxml when it is installed (it is pinned).
    from openpyxl import load_workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    try:
        merges = _merged_ranges(data)
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except FileRefused:
        raise
    except Exception as error:  # openpyxl raises many kinds for a broken workbook
        raise FileRefused(_("The workbook could not be read.")) from error
    try:
        table = Table(sheets=[sheet.title for sheet in workbook.worksheets])
        for sheet in workbook.worksheets:
            if isinstance(sheet, ReadOnlyWorksheet):
                # The size a workbook declares can be wrong; every row is read.
                sheet.reset_dimensions()
            rows = []
            cells_of = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
            for line, cells in enumerate(cells_of, start=1):
                rows.append(
                    Row(
                        ("" if cell is None else cell for cell in cells),
                        sheet=sheet.title,
                        line=line,
                    )
                )
                if len(table) + len(rows) > MAX_ROWS:
                    raise FileRefused(_("The file has more than %d rows.") % MAX_ROWS)
            _fill_merged(rows, merges.get(sheet.title, []))
            table.extend(rows)
        return table
    finally:
        workbook.close()


Bounds = tuple[int, int, int, int]  # first column, first row, last column, last row

_RELATIONSHIP_ID = re.compile(r"^\{[^}]*\}id$")
_ROOT = re.compile(rb"<(?:[\w.-]+:)?worksheet\b[^>]*>")
_RANGE = re.compile(r"^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$")


def _column(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _bounds(reference: str) -> Bounds | None:
    match = _RANGE.match(reference.strip().upper())
    if not match:
        return None
    first_column, first_row = _column(match[1]), int(match[2])
    last_column = _column(match[3]) if match[3] else first_column
    last_row = int(match[4]) if match[4] else first_row
    return first_column, first_row, last_column, last_row


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet's name and the part of the archive that holds it."""
    workbook = ElementTree.fromstring(_part(archive, "xl/workbook.xml"))
    names = {}
    for sheet in workbook.iterfind(".//{*}sheet"):
        ids = [
            value for key, value in sheet.attrib.items() if _RELATIONSHIP_ID.match(key)
        ]
        if ids and sheet.get("name"):
            names[ids[0]] = sheet.attrib["name"]
    if "xl/_rels/workbook.xml.rels" not in archive.namelist():
        return {}
    relations = ElementTree.fromstring(_part(archive, "xl/_rels/workbook.xml.rels"))
    parts = {}
    for relation in relations.iterfind(".//{*}Relationship"):
        name = names.get(relation.get("Id", ""))
        target = relation.get("Target", "")
        if name and target:
            parts[name] = (
                target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            )
    return parts


def _part(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as part:
        # The archive's declared sizes were checked; this bounds what it delivers.
        return part.read(MAX_EXPANDED_BYTES + 1)


def _merged_ranges(data: bytes) -> dict[str, list[Bounds]]:
    """Each sheet's merged ranges.

    openpyxl's read-only mode does not report them. A sheet's XML lists them after
    its cells, so only what follows the cells is parsed (with defusedxml), under
    the sheet's root element: the cells themselves are not read twice.
    """
    found: dict[str, list[Bounds]] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        for sheet, part in _sheet_parts(archive).items():
            if part not in names:
                continue
            xml = _part(archive, part)
            end = xml.rfind(b"sheetData")
            root = _ROOT.search(xml)
            if end < 0 or root is None or b"mergeCell" not in xml[end:]:
                continue
            tail = xml[xml.index(b">", end) + 1 :]
            element = ElementTree.fromstring(root[0] + tail)
            ranges = []
            for merge in element.iterfind(".//{*}mergeCell"):
                bounds = _bounds(merge.get("ref", ""))
                if bounds is not None:
                    ranges.append(bounds)
                if len(ranges) > MAX_MERGED_RANGES:
                    raise FileRefused(
                        _("The workbook has more merged cells than can be read.")
                    )
            found[sheet] = ranges
    return found


def _fill_merged(rows: list[Row], ranges: list[Bounds]) -> None:
    """Every cell of a merged range reads as its top-left cell."""
    ranges = [r for r in ranges if r[0] <= MAX_COLUMNS and r[1] <= len(rows)]
    filled = sum(
        (min(last_row, len(rows)) - first_row + 1)
        * (
            min(last_column, first_column + MAX_MERGED_COLUMNS - 1, MAX_COLUMNS)
            - first_column
            + 1
        )
        for first_column, first_row, last_column, last_row in ranges
    )
    if filled > MAX_MERGED_CELLS:
        raise FileRefused(_("The workbook has more merged cells than can be read."))
    for first_column, first_row, last_column, last_row in ranges:
        if first_row > len(rows):
            continue
        top = rows[first_row - 1]
        value = top[first_column - 1] if first_column <= len(top) else ""
        last_column = min(
            last_column, first_column + MAX_MERGED_COLUMNS - 1, MAX_COLUMNS
        )
        several_rows = last_row > first_row
        for row in rows[first_row - 1 : min(last_row, len(rows))]:
            if len(row) < last_column:
                row.extend([""] * (last_column - len(row)))
            for column in range(first_column - 1, last_column):
                row[column] = value
                if several_rows:
                    row.merged.add(column)
