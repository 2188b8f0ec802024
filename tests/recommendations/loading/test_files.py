import io
import zipfile

import pytest

from recommendations.loading.files import FileRefused, read_upload
from recommendations.loading.preview import draft_from_rows

from .conftest import GOOD_ROWS, make_csv


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
