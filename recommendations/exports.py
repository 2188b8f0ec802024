"""Item lists as CSV and XLSX: every matching row, the columns a panel paper needs.

A cell that starts with =, +, -, @, a tab or a carriage return would run as a
formula when the file is opened in a spreadsheet; such cells are neutralised (CSV:
a leading apostrophe; XLSX: stored as text, never as a formula).
"""

import csv
import datetime as dt
import io
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

from django.db.models import OuterRef, QuerySet, Subquery

from . import choicesets, people
from .models import Item, ProgressUpdate
from .text import xml_safe

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

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


def neutralise(value: str) -> str:
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def with_last_update(queryset: QuerySet, until: dt.datetime | None = None) -> QuerySet:
    updates = ProgressUpdate.objects.filter(item_id=OuterRef("id"))
    if until is not None:
        updates = updates.filter(created_at__lt=until)
    latest = updates.order_by("-created_at", "-id")
    return queryset.annotate(
        last_update_text=Subquery(latest.values("text")[:1]),
        last_update_at=Subquery(latest.values("created_at")[:1]),
    )


def rows(items: Iterable[Any], today: dt.date) -> Iterable[list[Any]]:
    for item in items:
        lead = item.lead
        yield [
            item.report.title,
            item.reference,
            choicesets.label(Item.Kind, item.kind),
            ", ".join(item.owner_labels),
            item.text,
            people.display_name(lead) if lead else "",
            choicesets.label(Item.Status, item.status),
            choicesets.label(Item.Rag, item.rag_value) if item.rag_value else "",
            item.original_target_date,
            item.target_date,
            item.days_overdue(today) or "",
            item.last_update_text or "",
            item.last_update_at.date() if item.last_update_at else None,
        ]


def to_csv(data: Iterable[list[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for row in data:
        writer.writerow(
            [
                neutralise(xml_safe(value))
                if isinstance(value, str)
                else (value.isoformat() if isinstance(value, dt.date) else value)
                for value in row
            ]
        )
    # A byte-order mark lets Excel open the UTF-8 file with the right characters.
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(data: Iterable[list[Any]], title: str = "Items") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=False)
    sheet = cast("Worksheet", workbook.active)  # a new workbook has one worksheet
    sheet.title = title[:31]
    sheet.append(HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in data:
        sheet.append(
            [
                None if value == "" else xml_safe(value) if isinstance(value, str)
                else value
                for value in row
            ]
        )  # fmt: skip
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                # openpyxl treats a string starting with "=" as a formula.
                cell.data_type = "s"
            elif isinstance(cell.value, dt.date):
                cell.number_format = "dd/mm/yyyy"
    sheet.freeze_panes = "A2"
    for letter, width in (("A", 40), ("E", 80), ("L", 60)):
        sheet.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
