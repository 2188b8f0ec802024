import io
import re
import zipfile

import pytest

from recommendations.loading.files import FileRefused, read_upload
from recommendations.loading.preview import draft_from_rows

from .conftest import GOOD_ROWS, HEADER, REPORT, delimited, make_csv, make_workbook


def _refused(name, data) -> str:
    with pytest.raises(FileRefused) as error:
        read_upload(name, data)
    return str(error.value)


def test_csv_and_xlsx_give_the_same_draft(good_csv, good_xlsx):
    from_csv = draft_from_rows("a.csv", read_upload("a.csv", good_csv).rows)
    from_xlsx = draft_from_rows("a.xlsx", read_upload("a.xlsx", good_xlsx).rows)
    assert from_csv.report == from_xlsx.report
    assert [r.text for r in from_csv.rows] == [r.text for r in from_xlsx.rows]
    assert [r.reference for r in from_csv.rows] == ["CoC 1", "1", "2", "AFI 1"]
    # Dates arrive as text from CSV and as dates from XLSX; both read the same way.
    assert from_xlsx.rows[2].target_date == "2023-11-02"


def test_csv_with_a_byte_order_mark_is_read(good_csv):
    rows = read_upload("a.csv", b"\xef\xbb\xbf" + good_csv).rows
    assert rows[0][0] == "title"


def test_file_over_the_size_limit_is_refused(settings, good_csv):
    settings.IMPORT_MAX_BYTES = 100
    assert "must be smaller than" in _refused("a.csv", good_csv)


def test_empty_file_is_refused():
    assert "empty" in _refused("a.csv", b"")


@pytest.mark.parametrize("name", ["report.xlsm", "report.xls", "report.xlsb"])
def test_macro_enabled_and_old_workbooks_are_refused(name, good_xlsx):
    assert "not accepted" in _refused(name, good_xlsx)


def test_xlsx_carrying_a_macro_project_is_refused(good_xlsx):
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(good_xlsx)) as source,
        zipfile.ZipFile(buffer, "w") as target,
    ):
        for info in source.infolist():
            target.writestr(info, source.read(info.filename))
        target.writestr("xl/vbaProject.bin", b"\x00" * 64)
    assert "macros are not accepted" in _refused("report.xlsx", buffer.getvalue())


def test_content_that_is_not_what_the_name_says_is_refused(good_csv, good_xlsx):
    assert "not an Excel workbook" in _refused("report.xlsx", good_csv)
    assert "not a CSV file" in _refused("report.csv", good_xlsx)
    assert "not a CSV file" in _refused("report.csv", b"%PDF-1.7 binary")
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    assert "not an Excel workbook" in _refused("report.xlsx", zipped.getvalue())


def test_workbook_that_expands_past_the_bound_is_refused(good_xlsx):
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(good_xlsx)) as source,
        zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
        # 60 MiB of zeros compresses to about 60 KiB: a small zip bomb.
        target.writestr("xl/media/padding.bin", b"\x00" * (60 * 1024 * 1024))
    data = buffer.getvalue()
    assert len(data) < 1024 * 1024
    assert "expands to more than the size allowed" in _refused("report.xlsx", data)


def test_non_utf8_csv_is_refused_with_how_to_fix_it():
    data = make_csv([["1", "recommendation", "PCC", "Café policing", "", "", "no"]])
    message = _refused("report.csv", data.decode("utf-8").encode("cp1252"))
    assert "not UTF-8" in message
    assert "CSV UTF-8" in message


def test_unknown_extension_is_refused(good_csv):
    assert "must be a .csv or .xlsx" in _refused("report.pdf", good_csv)


def test_a_file_without_an_items_table_is_refused():
    rows = read_upload("a.csv", b"title,Something\nkind,PEEL\n").rows
    with pytest.raises(FileRefused, match="No items table"):
        draft_from_rows("a.csv", rows)


def test_an_items_table_without_rows_is_refused():
    rows = read_upload("a.csv", make_csv([])).rows
    with pytest.raises(FileRefused, match="no rows"):
        draft_from_rows("a.csv", rows)


def test_column_order_and_names_are_flexible():
    header = ["Text", "Owner", "Ref", "Deadline"]
    data = make_csv(
        [["Summary: the wording.", "PCC", "7", "01/06/2026"]], header=header
    )
    draft = draft_from_rows("a.csv", read_upload("a.csv", data).rows)
    row = draft.rows[0]
    assert (row.reference, row.owners, row.target_date) == ("7", "PCC", "01/06/2026")
    assert len(GOOD_ROWS) == 4


# Separators: Excel saves "CSV" with semicolons in many languages.


@pytest.mark.parametrize("separator", [";", "\t"])
def test_a_semicolon_or_tab_separated_csv_reads_like_a_comma_one(separator):
    commas = draft_from_rows("a.csv", read_upload("a.csv", make_csv(GOOD_ROWS)).rows)
    data = delimited(GOOD_ROWS, separator)
    other = draft_from_rows("a.csv", read_upload("a.csv", data).rows)
    assert other.report == commas.report
    assert [(r.reference, r.text, r.line) for r in other.rows] == [
        (r.reference, r.text, r.line) for r in commas.rows
    ]
    # The wording's commas stay in the wording.
    assert other.rows[1].text.startswith("By 30 April 2023, chief constables")


def test_a_csv_split_by_another_character_is_refused_naming_it():
    data = delimited(GOOD_ROWS, "|")
    assert "separated by \u201c|\u201d" in _refused("a.csv", data)


# Workbooks: sheets found by what they hold, rows named as Excel shows them.


def test_xlsx_rows_keep_their_sheet_and_the_row_number_excel_shows(good_xlsx):
    draft = draft_from_rows("a.xlsx", read_upload("a.xlsx", good_xlsx).rows)
    # The Items sheet's header is its row 1, so the first item is its row 2.
    assert [(row.sheet, row.line) for row in draft.rows] == [
        ("Items", 2),
        ("Items", 3),
        ("Items", 4),
        ("Items", 5),
    ]
    assert draft.rows[2].place == "Items sheet, row 4"


def test_csv_rows_are_named_by_their_row_alone(good_csv):
    draft = draft_from_rows("a.csv", read_upload("a.csv", good_csv).rows)
    # Six report rows, a blank row and the header come first.
    assert draft.rows[0].place == "Row 9"


def test_renamed_sheets_are_found_by_their_headers_and_keys():
    data = make_workbook(
        {
            "Notes": [["Loaded by the OPCC"], ["See the guide"]],
            "Recommendations 2022": [HEADER, *GOOD_ROWS],
            "About the report": REPORT,
        }
    )
    draft = draft_from_rows("a.xlsx", read_upload("a.xlsx", data).rows)
    assert draft.report["hmicfrs_reference"] == "VMM-2022"
    assert [row.reference for row in draft.rows] == ["CoC 1", "1", "2", "AFI 1"]
    assert draft.rows[0].place == "Recommendations 2022 sheet, row 2"


def test_a_workbook_without_an_items_table_names_the_sheets_it_has():
    data = make_workbook({"Report": REPORT, "Sheet2": [["reference", "owners"]]})
    with pytest.raises(FileRefused) as refused:
        draft_from_rows("a.xlsx", read_upload("a.xlsx", data).rows)
    message = str(refused.value)
    assert "a sheet named \u201cItems\u201d" in message
    assert "\u201cReport\u201d, \u201cSheet2\u201d" in message


def test_a_workbook_without_report_details_names_the_sheets_it_has():
    data = make_workbook({"Items": [HEADER, *GOOD_ROWS], "Guide": [["Column"]]})
    with pytest.raises(FileRefused) as refused:
        draft_from_rows("a.xlsx", read_upload("a.xlsx", data).rows)
    message = str(refused.value)
    assert "No report details were found" in message
    assert "\u201cItems\u201d, \u201cGuide\u201d" in message


def test_a_workbook_in_the_csv_layout_on_one_sheet_still_reads():
    data = make_workbook({"Sheet1": [*REPORT, [], HEADER, *GOOD_ROWS]})
    draft = draft_from_rows("a.xlsx", read_upload("a.xlsx", data).rows)
    assert draft.report["title"].startswith("An inspection of vetting")
    assert draft.rows[0].place == "Sheet1 sheet, row 9"


def test_a_sheet_that_declares_too_small_a_size_is_read_in_full(good_xlsx):
    # Some writers declare a wrong size (<dimension ref="A1"/>); every row counts.
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(good_xlsx)) as source,
        zipfile.ZipFile(buffer, "w") as target,
    ):
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                content = re.sub(
                    rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1"/>', content
                )
            target.writestr(info, content)
    draft = draft_from_rows("a.xlsx", read_upload("a.xlsx", buffer.getvalue()).rows)
    assert len(draft.rows) == 4


# Merged cells read as the value they show.


def test_a_cause_of_concern_merged_down_over_its_recommendations_fills_each_row():
    rows = [
        ["CoC 1", "cause of concern", "Chief Constable", "A cause of concern.", "", ""],
        ["1", "recommendation", "Chief Constable", "Recommendation one.", "", "CoC 1"],
        ["2", "recommendation", "", "Recommendation two.", "", None],
        ["3", "recommendation", "", "Recommendation three.", "", None],
    ]
    data = make_workbook(
        {"Report": REPORT, "Items": [HEADER[:6], *rows]},
        # Column F (cause of concern) and C (owners) merged over rows 3 to 5.
        merges={"Items": ["F3:F5", "C3:C5"]},
    )
    draft = draft_from_rows("a.xlsx", read_upload("a.xlsx", data).rows)
    assert [row.cause_of_concern for row in draft.rows] == [
        "",
        "CoC 1",
        "CoC 1",
        "CoC 1",
    ]
    assert {row.owners for row in draft.rows[1:]} == {"Chief Constable"}


def test_a_kind_merged_over_a_group_yields_to_references_that_name_a_kind():
    rows = [
        ["CoC 1", "Recommendations", "Chief Constable", "A cause of concern."],
        ["1", None, "Chief Constable", "The first recommendation."],
        ["2", None, "Chief Constable", "The second recommendation."],
        ["AFI 1", None, "Chief Constable", "An area for improvement."],
    ]
    data = make_workbook(
        {"Report": REPORT, "Items": [HEADER[:4], *rows]}, merges={"Items": ["B2:B5"]}
    )
    draft = draft_from_rows("a.xlsx", read_upload("a.xlsx", data).rows)
    assert [row.kind for row in draft.rows] == [
        "cause_of_concern",
        "Recommendations",
        "Recommendations",
        "area_for_improvement",
    ]
    assert draft.rows[0].notes == ["Kind taken from the reference CoC 1."]
    assert draft.rows[1].notes == []
    assert draft.rows[3].notes == ["Kind taken from the reference AFI 1."]


def test_merged_ranges_are_found_with_a_prefixed_namespace(good_xlsx):
    # Some writers prefix the spreadsheet namespace (<x:mergeCell ref=.../>).
    data = make_workbook(
        {"Report": REPORT, "Items": [HEADER, GOOD_ROWS[1], GOOD_ROWS[2][:5]]},
        merges={"Items": ["F2:F3"]},
    )
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(buffer, "w") as target,
    ):
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet2.xml":
                content = re.sub(rb"<(/?)(?=[a-zA-Z])", rb"<\1x:", content)
                content = content.replace(
                    b'<x:worksheet xmlns="', b'<x:worksheet xmlns:x="', 1
                )
            target.writestr(info, content)
    draft = draft_from_rows("a.xlsx", read_upload("a.xlsx", buffer.getvalue()).rows)
    assert [row.cause_of_concern for row in draft.rows] == ["CoC 1", "CoC 1"]


def test_a_kind_column_left_out_is_taken_from_each_reference():
    header = ["reference", "owners", "text"]
    rows = [
        ["Area for improvement 3", "PCC", "An area for improvement."],
        ["Cause of concern 1", "PCC", "A cause of concern."],
        ["R4", "PCC", "A recommendation."],
        ["Rec 5", "PCC", "A recommendation."],
        ["6", "PCC", "A recommendation."],
        ["X", "PCC", "Nothing says what this is."],
    ]
    draft = draft_from_rows(
        "a.csv", read_upload("a.csv", make_csv(rows, header=header)).rows
    )
    assert [row.kind for row in draft.rows] == [
        "area_for_improvement",
        "cause_of_concern",
        "recommendation",
        "recommendation",
        "recommendation",
        "",
    ]
    assert draft.rows[0].notes == [
        "Kind taken from the reference Area for improvement 3."
    ]
    assert draft.rows[5].notes == []
