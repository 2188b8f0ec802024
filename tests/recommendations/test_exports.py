import csv
import datetime as dt
import io
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from recommendations import services
from recommendations.exports import HEADER
from recommendations.models import Item


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _url(extension):
    return reverse("recommendations:item_export", args=[extension])


def test_csv_export_has_every_matching_row_not_just_a_page(
    client_for, panel, make_item, settings
):
    settings.ITEMS_PER_PAGE = 2
    for n in range(5):
        make_item(text=f"PCC item {n}", owner_codes=["pcc"])
    make_item(text="Chief's item")
    rows = _csv(client_for(panel).get(_url("csv"), {"owner": "pcc"}))
    assert rows[0] == HEADER
    assert sorted(row[4] for row in rows[1:]) == [f"PCC item {n}" for n in range(5)]


def test_export_columns_hold_what_the_panel_needs(
    client_for, panel, staff, make_item, today
):
    item = make_item(
        text="Late item",
        lead=staff,
        status=Item.Status.IN_PROGRESS,
        original_target_date=today - dt.timedelta(days=40),
        target_date=today - dt.timedelta(days=10),
    )
    services.progress_update_record(
        item_id=item.pk, actor=staff, expected_version=item.version, text="Nearly there"
    )
    row = dict(zip(HEADER, _csv(client_for(panel).get(_url("csv")))[1], strict=True))
    assert row["Report"] == "Safe to share?"
    assert row["Owners"] == "Chief Constable"
    assert row["Lead"] == "Priya Shah"
    assert row["Status"] == "In progress"
    assert row["RAG"] == "Red"
    assert row["Days overdue"] == "10"
    assert row["Original target date"] == (today - dt.timedelta(days=40)).isoformat()
    assert row["Last update"] == "Nearly there"
    assert row["Last update date"] == today.isoformat()


# Every start a spreadsheet may read as a formula: = + - @, and a tab or a carriage
# return before one (spreadsheets skip those and read the formula after them).
DANGEROUS = [
    '=HYPERLINK("http://evil")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\tx",
    "\t=1+1",
    "\r=1+1",
    '\r=HYPERLINK("http://evil")',
]


@pytest.mark.parametrize("dangerous", DANGEROUS)
def test_formulas_are_neutralised_in_csv(client_for, panel, make_item, dangerous):
    make_item(text=dangerous)
    rows = _csv(client_for(panel).get(_url("csv")))
    assert rows[1][4] == "'" + dangerous


def test_formulas_are_stored_as_text_in_xlsx(client_for, panel, make_item):
    make_item(text="=1+1", lead_team="=cmd|' /C calc'!A0")
    response = client_for(panel).get(_url("xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == HEADER
    text_cell = sheet.cell(row=2, column=5)
    assert text_cell.value == "=1+1"
    assert text_cell.data_type == "s"  # text, never a formula
    assert sheet.max_row == 2


@pytest.mark.parametrize("dangerous", DANGEROUS)
def test_formula_starts_are_stored_as_text_in_xlsx(
    client_for, panel, make_item, dangerous
):
    make_item(text=dangerous)
    content = client_for(panel).get(_url("xlsx")).content
    text_cell = load_workbook(io.BytesIO(content)).active.cell(row=2, column=5)
    assert text_cell.value == dangerous  # kept as written, carriage return too
    assert text_cell.data_type == "s"
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml  # no formula element anywhere in the sheet


def test_xlsx_export_reads_back_with_every_row(client_for, panel, make_item):
    for n in range(3):
        make_item(text=f"Item {n}")
    response = client_for(panel).get(_url("xlsx"))
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sorted(sheet.cell(row=r, column=5).value for r in range(2, 5)) == [
        "Item 0",
        "Item 1",
        "Item 2",
    ]


def test_exports_need_a_role(client, client_for, outsider, item):
    assert client.get(_url("csv")).status_code == 302
    assert client_for(outsider).get(_url("csv")).status_code == 403
    assert client_for(outsider).get(_url("xlsx")).status_code == 403


def test_unknown_export_format_is_not_found(client_for, panel, db):
    assert client_for(panel).get(_url("pdf")).status_code == 404
