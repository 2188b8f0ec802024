"""Item lists as CSV and XLSX: every matching row, the columns a panel paper needs.

A cell that starts with =, +, -, @, a tab or a carriage return would run as a
formula when the file is opened in a spreadsheet; such cells are neutralised (CSV:
a leading apostrophe; XLSX: stored as text, never as a formula).

Both files are made as they are sent, in constant memory, whatever the row count
(docs/performance.md, "Files"): the rows are read as plain values through a
server-side cursor (no model instances), each label is looked up once per file, and

- the CSV is a stream of chunks (`csv_chunks`), the first sent before the second
  is read;
- the XLSX is written by openpyxl in write-only mode (each row goes straight to the
  sheet's XML; nothing is kept or read back) into a spooled temporary file, which
  moves from memory to disk once it grows past a few megabytes, then sent from it.
"""

import datetime as dt
import itertools
import tempfile
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import psycopg
from django.contrib.auth import get_user_model
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import TruncDate

from . import choicesets, people
from .models import Item, ProgressUpdate
from .text import is_xml_safe, xml_safe

HEADER = [
    "Report",
    "Reference",
    "Kind",
    "Owners",
    "Text",
    "Lead",
    "Status",
    "RAG",
    "Original target date",
    "Current target date",
    "Days overdue",
    "Last update",
    "Last update date",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# The values each row is made from, in one query (items or their history rows).
FIELDS = (
    "report__title",
    "reference",
    "kind",
    "owners",
    "other_owners",
    "text",
    "lead_id",
    "status",
    "original_target_date",
    "target_date",
    # Annotations come last, as the SELECT lists them (fetched()).
    "rag_value",
    "last_update_text",
    "last_update_on",
)
CHUNK_ROWS = 2000  # rows per database fetch and per CSV chunk
SPOOL_BYTES = 8 * 1024 * 1024  # the XLSX moves to disk past this size
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def with_last_update(queryset: QuerySet, until: dt.datetime | None = None) -> QuerySet:
    updates = ProgressUpdate.objects.filter(item_id=OuterRef("id"))
    if until is not None:
        updates = updates.filter(created_at__lt=until)
    latest = updates.order_by("-created_at", "-id")
    return queryset.annotate(
        last_update_text=Subquery(latest.values("text")[:1]),
        # The day in the service's time zone (a note at 00:30 BST is that day's).
        last_update_on=Subquery(
            latest.annotate(on=TruncDate("created_at")).values("on")[:1]
        ),
    )


def export_values(queryset: QuerySet) -> QuerySet:
    """The export's columns as plain values, in the queryset's order.

    `queryset` is the list's (items or, as at a past day, their history rows),
    already annotated with `rag_value` and with_last_update().
    """
    return queryset.values_list(*FIELDS)


def fetched(values: QuerySet) -> Iterator[tuple[Any, ...]]:
    """export_values() rows, fetched as they are used, never all at once.

    On PostgreSQL the query runs once and its rows are streamed (libpq's chunked
    rows): the server goes on producing rows, on its own core, while this process
    writes the ones it has, so the file takes about as long as the slower of the
    two instead of their sum. Elsewhere, Django's chunked iterator.
    """
    connection = connections[values.db]
    if connection.vendor != "postgresql":
        yield from values.iterator(chunk_size=CHUNK_ROWS)
        return
    query = values.query
    compiler = query.get_compiler(using=values.db)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:  # a filter that matches nothing by construction
        return
    # Rows come back in the SELECT's column order: FIELDS lists the model's
    # fields before the annotations, which is that order (Django's own reordering
    # for values_list is skipped here, so it is checked), and nothing else is
    # selected (an ordering column would be).
    columns = [*query.extra_select, *query.values_select, *query.annotation_select]
    if columns != list(FIELDS) or compiler.has_extra_select:
        raise ValueError(f"Export columns out of order or extra: {columns}")
    # Chunks of rows need libpq 17 (the binary wheel's); before it, row by row.
    size = CHUNK_ROWS if psycopg.pq.version() >= 170000 else 1
    with connection.cursor() as cursor, connection.wrap_database_errors:
        stream = cursor.cursor.stream(sql, params, size=size)
        # results_iter applies the fields' converters, as the ORM would.
        yield from compiler.results_iter(
            results=itertools.batched(stream, CHUNK_ROWS), tuple_expected=True
        )


def _memo(compute: Callable[..., str]) -> Callable[..., str]:
    """compute(*key), worked out once per distinct key (labels, names)."""
    seen: dict[Any, str] = {}

    def lookup(*key: Any) -> str:
        try:
            return seen[key]
        except KeyError:
            value = seen[key] = compute(*key)
            return value

    return lookup


def _owner_labels(owners: str, other_owners: str) -> str:
    return ", ".join(Item(owners=owners, other_owners=other_owners).owner_labels)


def _lead_names() -> Callable[[int | None], str]:
    """Each lead's name by user id, from one read of the users' names."""
    people_by_id = {
        pk: (first, last, username)
        for pk, first, last, username in get_user_model().objects.values_list(
            "pk", "first_name", "last_name", "username"
        )
    }
    User = get_user_model()

    def name(lead_id: int | None) -> str:
        if lead_id is None or lead_id not in people_by_id:
            return ""
        first, last, username = people_by_id[lead_id]
        return people.display_name(
            User(first_name=first, last_name=last, username=username)
        )

    return _memo(name)


def rows(values: Iterable[tuple[Any, ...]], today: dt.date) -> Iterator[list[Any]]:
    """Each export row (HEADER's columns) from export_values() tuples.

    Labels are in the active language, looked up once per file for each code.
    """
    kind = _memo(lambda code: choicesets.label(Item.Kind, code))
    status = _memo(lambda code: choicesets.label(Item.Status, code))
    rag = _memo(lambda code: choicesets.label(Item.Rag, code) if code else "")
    owners = _memo(_owner_labels)
    lead = _lead_names()
    open_statuses = frozenset(Item.Status.open_values())
    for (
        report,
        reference,
        kind_code,
        owner_codes,
        other_owners,
        text,
        lead_id,
        status_code,
        original,
        target,
        rag_code,
        update_text,
        update_on,
    ) in values:
        overdue = (
            (today - target).days
            if target is not None and target < today and status_code in open_statuses
            else ""
        )
        yield [
            report or "",
            reference,
            kind(kind_code),
            owners(owner_codes, other_owners),
            text,
            lead(lead_id),
            status(status_code),
            rag(rag_code),
            original,
            target,
            overdue,
            update_text or "",
            update_on,
        ]


def csv_chunks(data: Iterable[list[Any]]) -> Iterator[bytes]:
    """The CSV file in chunks of CHUNK_ROWS rows, header first.

    UTF-8 with a byte-order mark, so that Excel opens it with the right characters.
    """
    header = ",".join(_csv_field(name) for name in HEADER) + "\r\n"
    batch: list[list[Any]] = []
    first = True
    for row in data:
        batch.append(row)
        if len(batch) == CHUNK_ROWS:
            yield _encoded(header if first else "", batch)
            batch, first = [], False
    if batch or first:
        yield _encoded(header if first else "", batch)


def _encoded(header: str, batch: list[list[Any]]) -> bytes:
    text = header + _csv_chunk(batch) if batch else header
    # The byte-order mark once, before the header.
    return text.encode("utf-8-sig" if header else "utf-8")


def _csv_field(value: str) -> str:
    """One text field: a formula start neutralised, and always quoted, so that no
    separator inside it splits it into a cell of its own (a spreadsheet set to
    semicolons would make "x;=1+1" two cells, the second a formula)."""
    if value.startswith(FORMULA_STARTS):
        value = f"'{value}"
    return '"' + value.replace('"', '""') + '"'


def _csv_chunk(batch: list[list[Any]]) -> str:
    """The rows as CSV text (RFC 4180, CRLF line ends, as Python's csv module
    writes): formula starts neutralised, dates as ISO dates.

    Written field by field with the columns' types known (rows()), which is four
    times faster than csv.writer here. What XML cannot carry is cleaned as in
    every other file (text.xml_safe); almost no chunk holds any, so the chunk is
    checked once and cleaned value by value only when it does.
    """
    field = _csv_field
    lines = [
        ",".join(
            [
                field(report),
                field(reference),
                field(kind),
                field(owners),
                field(text),
                field(lead),
                field(status),
                field(rag),
                original.isoformat() if original else "",
                target.isoformat() if target else "",
                str(overdue),
                field(update),
                update_on.isoformat() if update_on else "",
            ]
        )
        for (
            report,
            reference,
            kind,
            owners,
            text,
            lead,
            status,
            rag,
            original,
            target,
            overdue,
            update,
            update_on,
        ) in batch
    ]
    lines.append("")
    text = "\r\n".join(lines)
    if is_xml_safe(text):
        return text
    return _csv_chunk(
        [
            [xml_safe(value) if isinstance(value, str) else value for value in row]
            for row in batch
        ]
    )


def xlsx_file(data: Iterable[list[Any]], title: str = "Items") -> Any:
    """The XLSX file, written once, as a spooled temporary file at its start.

    The caller owns the file (a FileResponse closes it once sent).
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    # Layout first: a write-only sheet writes these before its first row.
    sheet.freeze_panes = "A2"
    for letter, width in (("A", 40), ("E", 80), ("L", 60)):
        sheet.column_dimensions[letter].width = width
    bold = Font(bold=True)
    header = []
    for name in HEADER:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    # One styled cell per date column, reused: a row is written as it is appended.
    date_cells = {}
    for column in (8, 9, 12):
        cell = WriteOnlyCell(sheet)
        cell.number_format = "dd/mm/yyyy"
        date_cells[column] = cell
    for row in data:
        values: list[Any] = []
        for column, value in enumerate(row):
            if isinstance(value, str):
                if not value:
                    value = None
                else:
                    value = xml_safe(value)
                    if value.startswith("="):
                        # openpyxl would store it as a formula: a text cell instead.
                        text = WriteOnlyCell(sheet, value=value)
                        text.data_type = "s"
                        value = text
            elif isinstance(value, dt.date) and column in date_cells:
                cell = date_cells[column]
                cell.value = value
                value = cell
            values.append(value)
        sheet.append(values)
    spooled = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 (returned open)
    workbook.save(spooled)
    spooled.seek(0)
    return spooled
