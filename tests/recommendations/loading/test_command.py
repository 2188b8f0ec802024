from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from recommendations.models import Item, Report

from .conftest import GOOD_ROWS, make_csv

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures"


def test_command_loads_a_valid_file(tmp_path, administrator, capsys):
    path = tmp_path / "vetting.csv"
    path.write_bytes(make_csv(GOOD_ROWS))
    call_command("importreport", str(path), "--actor", administrator.username)
    assert Item.objects.count() == 4
    assert "4 added" in capsys.readouterr().out
    record = Report.objects.get().history.get()
    assert record.history_user == administrator
    assert record.history_change_reason == "Imported from vetting.csv"


def test_command_prints_errors_and_saves_nothing(tmp_path, administrator, capsys):
    rows = [*GOOD_ROWS, ["3", "recommendation", "Nobody", "", "", "", "no"]]
    path = tmp_path / "bad.csv"
    path.write_bytes(make_csv(rows))
    with pytest.raises(CommandError, match="nothing was saved"):
        call_command("importreport", str(path), "--actor", administrator.username)
    err = capsys.readouterr().err
    assert "Row 13: Enter the item's text." in err
    assert "Row 13: Unknown owner: Nobody." in err
    assert not Report.objects.exists()


def test_command_refuses_unsafe_files(tmp_path, administrator):
    path = tmp_path / "report.xlsm"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(CommandError, match="Macro-enabled"):
        call_command("importreport", str(path), "--actor", administrator.username)


def test_command_needs_an_administrator(tmp_path, staff):
    path = tmp_path / "vetting.csv"
    path.write_bytes(make_csv(GOOD_ROWS))
    with pytest.raises(CommandError, match="not an administrator"):
        call_command("importreport", str(path), "--actor", staff.username)


def test_command_reads_pasted_text_files(administrator):
    call_command(
        "importreport",
        str(FIXTURES / "import-example.txt"),
        "--actor",
        administrator.username,
        "--title",
        "Safe to share?",
        "--kind",
        "super-complaint",
        "--published",
        "2020-12-17",
    )
    assert Item.objects.get().owner_codes == ["chief_constable"]


@pytest.mark.parametrize("name", ["import-example.csv", "import-example.xlsx"])
def test_example_files_in_fixtures_load(administrator, name):
    call_command(
        "importreport", str(FIXTURES / name), "--actor", administrator.username
    )
    assert Item.objects.count() == 3


def test_dry_run_saves_nothing(tmp_path, administrator):
    path = tmp_path / "vetting.csv"
    path.write_bytes(make_csv(GOOD_ROWS))
    call_command(
        "importreport", str(path), "--actor", administrator.username, "--dry-run"
    )
    assert not Report.objects.exists()
