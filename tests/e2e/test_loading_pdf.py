"""Browser journey: an administrator loads a report from its PDF (the form most
reports arrive in), with and without JavaScript: upload, check the proposed items,
confirm."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from recommendations.models import Item

from .conftest import assert_accessible, screenshot

pytestmark = pytest.mark.e2e

CASE = (
    Path(__file__).resolve().parents[1]
    / "recommendations/loading/corpus/west-mercia-peel-2021-22-pdf/source.pdf"
)


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_administrator_loads_a_report_from_its_pdf(open_page, administrator, js, db):
    page = open_page(administrator, js=js)
    page.goto("/loading/")
    assert_accessible(page, "loading page")
    page.get_by_label("The report's PDF or saved web page").set_input_files(str(CASE))
    page.get_by_label("Report title").fill("PEEL 2021/22: West Mercia Police")
    page.get_by_label("Kind of report").select_option("peel")
    page.get_by_label("Publication date").fill("2022-03-31")
    page.get_by_role("button", name="Read the report and check").click()
    expect(page.get_by_text("A new report with 9 items")).to_be_visible()
    expect(page.get_by_text("Item 2 (page 3)").first).to_be_visible()
    assert_accessible(page, "preview of a PDF")
    screenshot(page, f"loading-pdf-preview-{'js' if js else 'no-js'}")
    page.get_by_role("button", name="Confirm and load").click()
    expect(page.get_by_text("9 items added")).to_be_visible()
    cause = Item.objects.get(reference="CoC 1")
    assert cause.recommendations.count() == 2
