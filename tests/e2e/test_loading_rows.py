"""Browser journey: an administrator splits, merges, deletes and adds rows in the
preview of a spreadsheet before loading it, with and without JavaScript."""

import pytest
from playwright.sync_api import expect

from recommendations.models import Item

from .conftest import assert_accessible, screenshot

pytestmark = pytest.mark.e2e

JS = pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])

CSV = (
    "title;Vetting progress review\nkind;thematic\npublished on;11/05/2023\n"
    "scope;national\n\nreference;owners;text;target date\n"
    "1;Chief Constable;Chief constables should review vetting and should train "
    "vetting staff.;30/11/2023\n"
    "2;Chief Constable;Chief constables should publish the results of;March 2024\n"
    "3;Chief Constable;their vetting reviews.;\n"
    "4;Chief Constable;A row copied twice by mistake.;\n"
)


@JS
def test_administrator_splits_merges_deletes_and_adds_rows_then_loads(
    open_page, administrator, tmp_path, js, db
):
    upload = tmp_path / "vetting.csv"
    upload.write_text(CSV, encoding="utf-8")
    page = open_page(administrator, js=js)
    page.goto("/loading/")
    page.get_by_label("Spreadsheet").set_input_files(str(upload))
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_text("A new report with 4 items")).to_be_visible()
    expect(page.get_by_text("split the row").first).to_be_visible()
    assert_accessible(page, "preview with row actions")

    page.get_by_role("link", name="Split Row 7").click()
    expect(page.get_by_label("Reference of the second item")).to_have_value("1b")
    assert_accessible(page, "split page")
    screenshot(page, f"loading-split-{'js' if js else 'no-js'}")
    page.get_by_role("button", name="Split the row").click()
    expect(
        page.get_by_text("Row 7 has been split in two: 1, and 1b as")
    ).to_be_visible()

    page.get_by_role("link", name="Merge with next (Row 8)").click()
    expect(
        page.get_by_text(
            "Chief constables should publish the results of their vetting reviews."
        )
    ).to_be_visible()
    assert_accessible(page, "merge page")
    page.get_by_role("button", name="Merge the rows").click()
    expect(
        page.get_by_text("Row 8 and Row 9 have been merged into one row, 2.")
    ).to_be_visible()

    page.get_by_role("link", name="Delete Row 10").click()
    assert_accessible(page, "delete page")
    page.get_by_role("button", name="Delete the row").click()
    expect(page.get_by_text("Row 10 (reference 4) has been deleted.")).to_be_visible()

    page.get_by_role("link", name="Add a row").click()
    assert_accessible(page, "add a row page")
    page.get_by_label("Reference", exact=True).fill("5")
    page.get_by_label("Text", exact=True).fill("Chief constables should audit vetting.")
    page.get_by_role("checkbox", name="Chief Constable").check()
    page.get_by_role("button", name="Add the row").click()
    expect(
        page.get_by_text("A row has been added as Added row 1 (reference 5).")
    ).to_be_visible()
    screenshot(page, f"loading-preview-{'js' if js else 'no-js'}")

    page.get_by_role("button", name="Confirm and load").click()
    expect(page.get_by_text("4 items added")).to_be_visible()
    texts = dict(Item.objects.values_list("reference", "text"))
    assert texts == {
        "1": "Chief constables should review vetting.",
        "1b": "Chief constables should train vetting staff.",
        "2": "Chief constables should publish the results of their vetting reviews.",
        "5": "Chief constables should audit vetting.",
    }
    assert str(Item.objects.get(reference="2").target_date) == "2024-03-31"
