"""The spreadsheet template the loading page offers, as CSV and as XLSX."""

import csv
import io
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

REPORT_ROWS = [
    (
        "title",
        "Safe to share? Liberty and Southall Black Sisters' super-complaint on "
        "policing and immigration status",
    ),
    ("kind", "super-complaint"),
    ("published on", "17/12/2020"),
    ("inspectorates", "HMICFRS; College of Policing; IOPC"),
    ("scope", "national"),
    ("url", ""),
    ("hmicfrs reference", ""),
    ("summary", "The first police super-complaint report."),
]
ITEM_HEADER = [
    "reference",
    "kind",
    "owners",
    "text",
    "target date",
    "cause of concern",
    "text is summary",
    "hmicfrs id",
]
ITEM_ROWS = [
    [
        "1",
        "recommendation",
        "Chief Constable",
        "As an interim measure, where officers only have concerns or doubts about a "
        "victim's immigration status, they immediately stop sharing information on "
        "domestic abuse victims with Immigration Enforcement. Instead, police officers "
        "should link the victim to a third party that can provide advice and "
        "assistance.",
        "17/12/2020",
        "",
        "no",
        "",
    ],
    [
        "2",
        "recommendation",
        "Home Office",
        "Summary: the Home Office should review the legal framework and policy to set "
        "sound and fair priorities for migrant victims and witnesses with insecure "
        "immigration status.",
        "",
        "",
        "yes",
        "",
    ],
    [
        "3",
        "recommendation",
        "Home Office; NPCC",
        "Summary: the Home Office and the NPCC should develop a safeguarding protocol "
        "on the police approach to migrant victims and witnesses.",
        "",
        "",
        "yes",
        "",
    ],
]
GUIDE = [
    ("Column", "What to enter"),
    ("reference", "As numbered in the report: 1, AFI 3, CoC 1. Unique in the report."),
    ("kind", "recommendation, area for improvement (AFI) or cause of concern (CoC)."),
    (
        "owners",
        "One or more of: Chief Constable, PCC, NPCC, APCC, Home Office, College of "
        "Policing, IOPC, HMICFRS, Other; separate them with ; or 'and'.",
    ),
    ("text", "The wording, exactly as in the report."),
    ("target date", "Day/month/year, for example 31/03/2027; may be left empty."),
    (
        "cause of concern",
        "For a recommendation: the reference of its cause of concern.",
    ),
    ("text is summary", "yes if the text summarises rather than quotes; else no."),
    ("hmicfrs id", "The item's ID on HMICFRS's register, if known."),
]


def template_csv() -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in REPORT_ROWS:
        writer.writerow(row)
    writer.writerow([])
    writer.writerow(ITEM_HEADER)
    writer.writerows(ITEM_ROWS)
    return buffer.getvalue().encode("utf-8-sig")


def template_xlsx() -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    report = cast("Worksheet", workbook.active)  # a new workbook has one worksheet
    report.title = "Report"
    for row in REPORT_ROWS:
        report.append(list(row))
    report.column_dimensions["A"].width = 22
    report.column_dimensions["B"].width = 90
    items = workbook.create_sheet("Items")
    items.append(ITEM_HEADER)
    for cell in items[1]:
        cell.font = Font(bold=True)
    for item_row in ITEM_ROWS:
        items.append(item_row)
    items.column_dimensions["D"].width = 90
    guide = workbook.create_sheet("Guide")
    for row in GUIDE:
        guide.append(list(row))
    guide.column_dimensions["A"].width = 20
    guide.column_dimensions["B"].width = 100
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
