import csv
import datetime as dt
import io
import zipfile
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from recommendations import choicesets, exports, services
from recommendations.exports import HEADER
from recommendations.history import save_with_history
from recommendations.models import Item, Report
from recommendations.models.items import annotate_rag


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


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
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
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
    content = client_for(panel).get(_url("xlsx")).getvalue()
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
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
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


# --- Each export is the list it came from: the same rows, in the same order --------


class _ListRows(HTMLParser):
    """The item list's result rows as the page shows them: a list of cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr" and "app-table-small" in (dict(attrs).get("class") or ""):
            self.rows.append([])
        elif tag == "td" and self.rows is not None and self._cell is None:
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("|")

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _list_rows(client, query: dict) -> list[list[str]]:
    page = client.get(reverse("recommendations:item_list"), query)
    assert page.status_code == 200
    parser = _ListRows()
    parser.feed(page.content.decode())
    return parser.rows


def _as_listed(row: dict) -> list[str]:
    """An export row in the list's cells: item, wording, owners, lead, status, RAG,
    target date."""
    target = row["Current target date"]
    return [
        f"{row['Kind']} {row['Reference']}|{row['Report']} ({row['Report year']})",
        row["Text"],
        row["Owners"],
        row["Lead"] or "No lead",
        row["Status"],
        row["RAG"] or "No RAG\u2013",  # the tag says so to screen readers
        f"{target:%-d %b %Y}" if target else "Not set",
    ]


DATE_COLUMNS = ("Original target date", "Current target date", "Last update date")


def _csv_dicts(client, query: dict) -> list[dict]:
    response = client.get(_url("csv"), query)
    assert response.status_code == 200
    assert response.streaming  # sent as it is made
    header, *rows = _csv(response)
    assert header == HEADER
    dicts = [dict(zip(HEADER, row, strict=True)) for row in rows]
    for row in dicts:
        for name in DATE_COLUMNS:
            row[name] = dt.date.fromisoformat(row[name]) if row[name] else None
    return dicts


def _xlsx_dicts(client, query: dict) -> list[dict]:
    response = client.get(_url("xlsx"), query)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    header, *rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert header == HEADER
    dicts = []
    for row in rows:
        row = dict(zip(HEADER, row, strict=True))
        for name, value in row.items():
            if isinstance(value, dt.datetime):
                row[name] = value.date()
            elif value is None:
                row[name] = None if name in DATE_COLUMNS else ""
            elif isinstance(value, int):
                row[name] = str(value)
        dicts.append(row)
    return dicts


@pytest.fixture
def varied_items(db, report, administrator, staff, other_staff, today):
    """Items across three reports, every status, lead, owner and date shape."""
    reports = [report]
    for n, published in enumerate((dt.date(2023, 5, 2), dt.date(2019, 1, 9))):
        other = Report(
            title=f"Report {n} on custody",
            kind=Report.Kind.NATIONAL_THEMATIC,
            published_on=published,
            scope=Report.Scope.NATIONAL,
        )
        save_with_history(other, actor=administrator, reason="Test set-up")
        reports.append(other)
    statuses = list(Item.Status.values)
    owners = [["chief_constable"], ["pcc"], ["npcc", "home_office"], ["other"]]
    leads = [None, staff, other_staff]
    for n in range(18):
        target = today + dt.timedelta(days=(n * 17) % 200 - 90) if n % 5 else None
        item = Item(
            report=reports[n % 3],
            reference=str(n + 1),
            kind=Item.Kind.AREA_FOR_IMPROVEMENT
            if n % 4 == 0
            else Item.Kind.RECOMMENDATION,
            text=f"Item {n}: the force should review custody case {n}.",
            owners=choicesets.encode(owners[n % 4]),
            other_owners="Calderbrook Borough Council" if n % 4 == 3 else "",
            lead=leads[n % 3],
            status=statuses[n % len(statuses)],
            status_reason="Overtaken by a later inspection",
            original_target_date=target - dt.timedelta(days=n % 2 * 30)
            if target
            else None,
            target_date=target,
        )
        save_with_history(item, actor=administrator, reason="Test set-up")
        if n % 3 == 0:
            services.progress_update_record(
                item_id=item.pk,
                actor=staff,
                expected_version=item.version,
                text=f"Update on {n}",
            )
    return reports


QUERIES = [
    {},
    {"status": "in_progress"},
    {"owner": "pcc"},
    {"sort": "-target"},
    {"sort": "target"},
    {"sort": "lead"},
    {"sort": "-status"},
    {"sort": "report"},
    {"sort": "-reference"},
    {"sort": "updated"},
    {"status": "in_progress", "as_at": "today", "sort": "-target"},
    {"rag": "red"},
    {"as_at": "today"},
]


@pytest.mark.parametrize(
    "query",
    QUERIES,
    ids=lambda q: "&".join(f"{k}={v}" for k, v in q.items()) or "default",
)
@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_each_export_is_the_list_it_exports(
    client_for, panel, varied_items, settings, today, query, extension
):
    settings.ITEMS_PER_PAGE = 1000  # the whole list on one page
    query = {k: (today.isoformat() if v == "today" else v) for k, v in query.items()}
    client = client_for(panel)
    listed = _list_rows(client, query)
    exported = (_csv_dicts if extension == "csv" else _xlsx_dicts)(client, query)
    years = {r.title: r.published_on.year for r in varied_items}
    for row in exported:
        row["Report year"] = years[row["Report"]]
    assert listed, "the query must list something"
    assert [_as_listed(row) for row in exported] == listed


def test_csv_and_xlsx_hold_the_same_values(client_for, panel, varied_items):
    client = client_for(panel)
    assert _xlsx_dicts(client, {}) == _csv_dicts(client, {})


def test_csv_is_sent_in_chunks_of_rows(client_for, panel, varied_items, monkeypatch):
    monkeypatch.setattr(exports, "CHUNK_ROWS", 4)
    response = client_for(panel).get(_url("csv"))
    chunks = list(response.streaming_content)
    assert len(chunks) == 1 + 18 // 4  # header and first 4 rows, then 4 a chunk
    assert chunks[0].startswith("\ufeff".encode())  # the byte-order mark once
    assert not any(chunk.startswith("\ufeff".encode()) for chunk in chunks[1:])
    rows = list(csv.reader(io.StringIO(b"".join(chunks).decode("utf-8-sig"))))
    assert len(rows) == 19


def test_a_large_xlsx_moves_to_disk_not_memory(
    client_for, panel, varied_items, monkeypatch
):
    monkeypatch.setattr(exports, "SPOOL_BYTES", 1024)
    spooled = exports.xlsx_file(
        exports.rows(
            exports.export_values(
                exports.with_last_update(
                    annotate_rag(Item.objects.all(), dt.date.today())
                )
            ),
            dt.date.today(),
        )
    )
    with spooled:
        assert spooled._rolled  # past SPOOL_BYTES: a file on disk
        assert load_workbook(spooled).active.max_row == 19


AWKWARD = [
    'She said "no", then left',
    "one,two,,three",
    "line one\nline two",
    "windows\r\nline",
    'a "quoted, comma"\nand a line',
    " leading and trailing space ",
    "",
    "émigré ünïcode \u2014 \u2018quotes\u2019",
]


@pytest.mark.parametrize("awkward", AWKWARD)
def test_csv_reads_back_exactly_whatever_the_text(
    client_for, panel, make_item, staff, awkward
):
    staff.first_name = awkward or "Priya"
    staff.save()
    make_item(text=awkward or "x", lead=staff, lead_team=awkward)
    [header, row] = _csv(client_for(panel).get(_url("csv")))
    assert header == HEADER
    assert row[4] == (awkward or "x")
    assert row[5] == staff.get_full_name()


def test_every_text_field_is_quoted_so_no_separator_splits_it(
    client_for, panel, make_item
):
    # A spreadsheet set to semicolons would read an unquoted x;=1+1 as two cells,
    # the second a formula.
    make_item(text="x;=1+1", lead_team="")
    raw = client_for(panel).get(_url("csv")).getvalue().decode("utf-8-sig")
    assert '"x;=1+1"' in raw
    assert _csv(client_for(panel).get(_url("csv")))[1][4] == "x;=1+1"
