import io

import pytest
from openpyxl import Workbook

REPORT = [
    (
        "title",
        "An inspection of vetting, misconduct, and misogyny in the police service",
    ),
    ("kind", "thematic"),
    ("published on", "02/11/2022"),
    ("inspectorates", "HMICFRS"),
    ("scope", "national"),
    ("hmicfrs reference", "VMM-2022"),
]
HEADER = [
    "reference",
    "kind",
    "owners",
    "text",
    "target date",
    "cause of concern",
    "text is summary",
]


def make_csv(rows, report=REPORT, header=HEADER) -> bytes:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in report:
        writer.writerow(row)
    writer.writerow([])
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def make_xlsx(rows, report=REPORT, header=HEADER) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Report"
    for row in report:
        sheet.append(list(row))
    items = workbook.create_sheet("Items")
    items.append(header)
    for row in rows:
        items.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


GOOD_ROWS = [
    [
        "CoC 1",
        "cause of concern",
        "Chief Constable",
        "Forces are not doing enough to stop unsuitable people from joining.",
        "",
        "",
        "yes",
    ],
    [
        "1",
        "recommendation",
        "Chief Constables",
        "By 30 April 2023, chief constables should review vetting decisions.",
        "30/04/2023",
        "CoC 1",
        "yes",
    ],
    [
        "2",
        "recommendation",
        "Home Office and the NPCC",
        "Summary: a recommendation to the Home Office and the NPCC.",
        "2023-11-02",
        "",
        "yes",
    ],
    [
        "AFI 1",
        "AFI",
        "Chief Constable",
        "Summary: an area for improvement.",
        "",
        "",
        "yes",
    ],
]


@pytest.fixture
def good_csv() -> bytes:
    return make_csv(GOOD_ROWS)


@pytest.fixture
def good_xlsx() -> bytes:
    return make_xlsx(GOOD_ROWS)


def make_workbook(sheets, merges=None) -> bytes:
    """A workbook of {sheet name: rows}, in order; `merges` maps a sheet's name to
    the ranges merged on it ("F3:F5")."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        for cells in (merges or {}).get(name, []):
            sheet.merge_cells(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def delimited(rows, separator: str) -> bytes:
    """The report and GOOD_ROWS as a CSV file split by `separator`."""
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator)
    writer.writerows([*REPORT, [], HEADER, *rows])
    return buffer.getvalue().encode("utf-8")


def seen(client, url: str) -> str:
    """The row stamp a preview row's page carries, as a person opening it gets it."""
    import re

    html = client.get(url).content.decode()
    return re.search(r'name="seen" value="([0-9a-f]+)"', html)[1]
