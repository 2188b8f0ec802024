"""The journeys people make, in a real browser, with and without JavaScript.

Every page state a journey reaches (forms with errors included) is scanned with
axe-core for WCAG 2.2 A and AA problems when JavaScript is on.
"""

import datetime as dt
import re

import pytest
from docx import Document
from playwright.sync_api import expect

from oversight.models import ClosureDecision, S55Letter, TargetDateChange
from recommendations.history import save_with_history
from recommendations.models import Item, ProgressUpdate, Report

from .conftest import assert_accessible, screenshot

pytestmark = pytest.mark.e2e
JS = pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def propose_closure(page, item, text, link):
    page.goto(f"/items/{item.pk}/")
    page.get_by_role("link", name="Propose closure").click()
    page.get_by_label("Update").fill(text)
    page.get_by_label("Evidence link (optional)").fill(link)
    page.get_by_role("button", name="Save update").click()
    expect(page.get_by_text("Your update has been recorded.")).to_be_visible()


@JS
def test_staff_filters_records_progress_with_evidence_and_proposes_closure(
    open_page, staff, journey_items, tmp_path, js
):
    late = journey_items["late"]
    page = open_page(staff, js=js)
    page.goto("/items/")
    assert_accessible(page, "item list")
    page.get_by_label("Overdue only").check()
    page.get_by_role("group", name="Owner").get_by_label("Chief Constable").check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(
        re.compile(
            r"overdue=on.*owner=chief_constable|owner=chief_constable.*overdue=on"
        )
    )
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Stop sharing information")
    if js:
        screenshot(page, "item-list")
    page.get_by_role("link", name=f"Recommendation {late.reference}").click()
    assert_accessible(page, "item detail")
    if js:
        screenshot(page, "item-detail")

    page.get_by_role("link", name="Record progress").click()
    evidence = tmp_path / "training-register.pdf"
    evidence.write_bytes(PDF)
    page.get_by_label("Update").fill(
        "Training delivered to 120 officers; register attached."
    )
    page.get_by_label("Evidence file (optional)").set_input_files(str(evidence))
    page.get_by_role("button", name="Save update").click()
    expect(page.get_by_text("Your update has been recorded.")).to_be_visible()
    expect(page.get_by_role("link", name="training-register.pdf")).to_be_visible()

    # Proposing without evidence is refused with an error the page leads to.
    page.get_by_role("link", name="Propose closure").click()
    page.get_by_label("Update").fill("All done.")
    page.get_by_role("button", name="Save update").click()
    expect(page.get_by_role("alert")).to_contain_text("Attach an evidence file or link")
    assert_accessible(page, "progress form with errors")
    if js:
        # GOV.UK Frontend moves focus to the error summary.
        assert page.evaluate(
            "document.activeElement.classList.contains('govuk-error-summary')"
        )
    page.get_by_label("Evidence link (optional)").fill(
        "https://intranet.example.org/e/1"
    )
    page.get_by_role("button", name="Save update").click()
    expect(page.get_by_text("Your update has been recorded.")).to_be_visible()

    late.refresh_from_db()
    assert late.status == Item.Status.PENDING_SIGN_OFF
    updates = ProgressUpdate.objects.filter(item=late)
    assert updates.count() == 2
    assert updates.filter(evidence_name="training-register.pdf").exists()


@JS
def test_dcc_returns_then_signs_off_and_the_history_names_everyone(
    open_page, staff, reviewer, journey_items, js
):
    late = journey_items["late"]
    staff_page = open_page(staff, js=js)
    propose_closure(
        staff_page, late, "Done: policy issued.", "https://intranet.example.org/p"
    )

    dcc = open_page(reviewer, js=js)
    dcc.get_by_role("link", name="Review").click()
    assert_accessible(dcc, "review page")
    if js:
        screenshot(dcc, "review")
    card = dcc.locator(".app-decision-card", has_text="Stop sharing information")
    card.get_by_label("Note (required to return)").fill(
        "Attach the dip-sample audit results."
    )
    card.get_by_role("button", name=re.compile("^Return")).click()
    expect(dcc.get_by_text("has been returned to its lead")).to_be_visible()

    staff_page.goto(f"/items/{late.pk}/")
    expect(
        staff_page.get_by_text(
            "Returned to the lead: Attach the dip-sample audit results."
        ).first
    ).to_be_visible()
    propose_closure(
        staff_page,
        late,
        "Audit results attached.",
        "https://intranet.example.org/audit",
    )

    dcc.goto("/oversight/review/")
    card = dcc.locator(".app-decision-card", has_text="Stop sharing information")
    card.get_by_role("button", name=re.compile("^Sign off")).click()
    # One more look before it closes: nothing is signed off until confirmed.
    expect(
        dcc.get_by_role("heading", name="Sign off this item as closed?")
    ).to_be_visible()
    assert_accessible(dcc, "sign-off confirmation")
    dcc.get_by_role("button", name="Confirm sign-off").click()
    expect(dcc.get_by_text("has been signed off as closed")).to_be_visible()

    staff_page.goto(f"/items/{late.pk}/")
    history = staff_page.locator("#history ~ div table")
    expect(history).to_contain_text("Sam Okafor")
    expect(history).to_contain_text("Priya Shah")
    expect(history).to_contain_text("Signed off as closed.")
    expect(history).to_contain_text(
        "Returned to the lead: Attach the dip-sample audit results."
    )
    assert_accessible(staff_page, "closed item")
    late.refresh_from_db()
    assert late.status == Item.Status.CLOSED
    assert list(
        ClosureDecision.objects.filter(item=late)
        .order_by("decided_at")
        .values_list("kind", "decided_by__username")
    ) == [("returned", "dcc"), ("signed_off", "dcc")]


@JS
def test_new_target_date_requested_approved_and_rag_turns_amber(
    open_page, staff, reviewer, journey_items, js
):
    green = journey_items["green"]
    today = dt.date.today()
    staff_page = open_page(staff, js=js)
    staff_page.goto(f"/items/{green.pk}/")
    expect(staff_page.locator(".govuk-tag--green", has_text="Green")).to_be_visible()
    staff_page.get_by_role("link", name="Request a new target date").click()
    staff_page.get_by_role("button", name="Send request").click()
    assert_accessible(staff_page, "date request with errors")
    new_date = today + dt.timedelta(days=200)
    staff_page.get_by_label("New target date").fill(new_date.isoformat())
    staff_page.get_by_label("Why the date needs to move").fill(
        "The NPCC protocol is late."
    )
    staff_page.get_by_role("button", name="Send request").click()
    expect(staff_page.get_by_text("sent to a reviewer")).to_be_visible()

    dcc = open_page(reviewer, js=js)
    dcc.goto("/oversight/review/")
    card = dcc.locator(".app-decision-card", has_text="The NPCC protocol is late.")
    card.get_by_role("button", name=re.compile("^Approve")).click()
    expect(dcc.get_by_text("The new target date has been approved.")).to_be_visible()

    staff_page.goto(f"/items/{green.pk}/")
    expect(staff_page.locator(".govuk-tag--orange", has_text="Amber")).to_be_visible()
    expect(staff_page.get_by_text("Slipped 110 days in total")).to_be_visible()
    green.refresh_from_db()
    assert green.target_date == new_date
    assert green.original_target_date == today + dt.timedelta(days=90)
    assert TargetDateChange.objects.get().decided_by == reviewer


def _csv(rows) -> str:
    head = (
        "title,Vetting progress review\nkind,thematic\npublished on,11/05/2023\n"
        "scope,national\n\nreference,kind,owners,text,target date\n"
    )
    return head + "\n".join(rows) + "\n"


@JS
def test_administrator_fixes_a_bad_row_and_loads_a_report(
    open_page, administrator, tmp_path, js, db
):
    good = '1,recommendation,Chief Constable,"Summary: review vetting.",30/11/2023'
    bad = '2,recommendation,Chief Constabel,"Summary: a second one.",31/02/2024'
    fixed = '2,recommendation,Chief Constable,"Summary: a second one.",29/02/2024'
    first = tmp_path / "vetting.csv"
    first.write_text(_csv([good, bad]), encoding="utf-8")
    page = open_page(administrator, js=js)
    page.get_by_role("link", name="Load a report").click()
    assert_accessible(page, "loading page")
    page.get_by_label("Spreadsheet").set_input_files(str(first))
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_role("alert")).to_contain_text("Unknown owner: Chief Constabel.")
    expect(page.get_by_role("alert")).to_contain_text("31/02/2024 is not a real date")
    expect(page.get_by_role("button", name="Confirm and load")).to_have_count(0)
    assert_accessible(page, "preview with errors")
    assert not Report.objects.exists()

    page.get_by_role("link", name="upload it again").click()
    second = tmp_path / "vetting-fixed.csv"
    second.write_text(_csv([good, fixed]), encoding="utf-8")
    page.get_by_label("Spreadsheet").set_input_files(str(second))
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_text("A new report with 2 items")).to_be_visible()
    page.get_by_role("button", name="Confirm and load").click()
    expect(page.get_by_text("2 items added")).to_be_visible()
    page.get_by_role("link", name="Items").click()
    page.get_by_label("Report").select_option(label="Vetting progress review")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("table tbody tr")).to_have_count(2)
    assert Item.objects.filter(report__title="Vetting progress review").count() == 2


WRITE_CONTROLS = [
    "Record progress",
    "Propose closure",
    "Change lead or details",
    "Request a new target date",
    "Load a report",
    "Administration",
    "Sign off or return",
]


@JS
def test_panel_member_reads_everything_and_finds_nothing_that_writes(
    open_page, panel, journey_items, report, js
):
    page = open_page(panel, js=js)
    late = journey_items["late"]
    for path in [
        "/",
        "/reports/",
        f"/reports/{report.pk}/",
        "/items/",
        f"/items/{late.pk}/",
        "/oversight/scrutiny/",
        "/oversight/s55/",
        "/oversight/changes/",
    ]:
        page.goto(path)
        assert_accessible(page, path)
        post_forms = page.locator("form[method=post], form[method=POST]")
        # The only form that posts is signing out.
        expect(post_forms).to_have_count(1)
        expect(post_forms.first).to_have_attribute("action", "/sign-out/")
        for name in WRITE_CONTROLS:
            expect(page.get_by_role("link", name=name, exact=True)).to_have_count(0)
            expect(page.get_by_role("button", name=name, exact=True)).to_have_count(0)
    response = page.goto(f"/items/{late.pk}/progress/")
    assert response.status == 403


@JS
def test_two_people_edit_one_item_and_the_second_is_told(
    open_page, staff, other_staff, journey_items, js
):
    late = journey_items["late"]
    first = open_page(staff, js=js)
    second = open_page(other_staff, js=js)
    for page in (first, second):
        page.goto(f"/items/{late.pk}/edit/")
    first.get_by_label("Lead team").fill("Safeguarding")
    first.get_by_label("Reason for the change").fill("Team renamed")
    first.get_by_role("button", name="Save changes").click()
    expect(first.get_by_text("The item has been updated.")).to_be_visible()
    second.get_by_label("Lead team").fill("Crime and Justice")
    second.get_by_label("Reason for the change").fill("Moved to another team")
    second.get_by_role("button", name="Save changes").click()
    expect(second.get_by_role("alert")).to_contain_text(
        "This item was changed by Priya Shah"
    )
    assert_accessible(second, "conflict")
    late.refresh_from_db()
    assert late.lead_team == "Safeguarding"


@JS
def test_the_s55_letter_is_written_approved_downloaded_and_published(
    open_page, staff, reviewer, administrator, report, make_item, tmp_path, js
):
    report.kind = Report.Kind.FORCE
    report.title = "National child protection inspection"
    report.published_on = dt.date.today() - dt.timedelta(days=50)
    save_with_history(report, actor=administrator, reason="Test set-up")
    make_item(text="Improve the handling of referrals.", s55_response="We will.")
    make_item(text="Review the missing children policy.")
    today = dt.date.today()

    page = open_page(staff, js=js)
    page.goto(f"/reports/{report.pk}/")
    expect(page.get_by_text("Being written")).to_be_visible()
    assert_accessible(page, "report page with its s.55 panel")
    if js:
        screenshot(page, "report-detail")
    page.get_by_role("link", name=re.compile("^The section 55 response")).click()
    page.get_by_role("link", name="Download the final response (DOCX)").click()
    expect(page.get_by_role("region", name="Important")).to_contain_text(
        "The final letter cannot be produced yet. Still needed: the Police and Crime "
        "Commissioner's comments"
    )

    page.get_by_role("link", name="Write the comments").click()
    page.get_by_label("The Police and Crime Commissioner's comments", exact=True).fill(
        "The Commissioner welcomes the report."
    )
    page.get_by_label("The Chief Constable's comments", exact=True).fill(
        "The force accepts both recommendations."
    )
    page.get_by_role("button", name="Save the comments").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter the reason")
    assert_accessible(page, "letter form with errors")
    page.get_by_label("Reason for the change").fill("Comments agreed with the PCC")
    page.get_by_role("button", name="Save the comments").click()
    expect(page.get_by_text("The letter's comments have been saved.")).to_be_visible()

    page.get_by_role("link", name="Write the response to recommendation 2").click()
    page.get_by_role("button", name="Save response").click()
    expect(page.get_by_role("alert")).to_contain_text("Write the response")
    page.get_by_label("Response", exact=True).fill(
        "The policy will be reviewed by June."
    )
    page.get_by_role("button", name="Save response").click()
    expect(page.get_by_text("The response has been saved.")).to_be_visible()
    expect(page.get_by_text("approval of the text by a reviewer")).to_be_visible()
    assert_accessible(page, "s.55 page awaiting approval")
    if js:
        screenshot(page, "s55-response")

    dcc = open_page(reviewer, js=js)
    dcc.goto(f"/oversight/s55/{report.pk}/")
    dcc.get_by_role("link", name="Read and approve the text").click()
    expect(dcc.get_by_text("The policy will be reviewed by June.")).to_be_visible()
    assert_accessible(dcc, "approval page")
    if js:
        screenshot(dcc, "s55-approve")
    dcc.get_by_role("button", name="Approve this text for publication").click()
    expect(dcc.get_by_text("The text is approved")).to_be_visible()

    page.reload()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the final response (DOCX)").click()
    letter = tmp_path / "letter.docx"
    download.value.save_as(letter)
    text = "\n".join(p.text for p in Document(str(letter)).paragraphs)
    assert "The Commissioner welcomes the report." in text
    assert "The policy will be reviewed by June." in text
    assert "DRAFT" not in text and "[" not in text

    page.get_by_role("link", name="Record dates").click()
    page.get_by_label("Response published on").fill(today.isoformat())
    page.get_by_label("Reason for the change").fill("Published on the website")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("The section 55 record has been updated.")).to_be_visible()
    page.goto("/oversight/s55/")
    expect(page.get_by_text(f"Published {today:%-d %b %Y}")).to_be_visible()
    assert S55Letter.objects.get(report=report).approved_by == reviewer


def test_keyboard_alone_signs_in_filters_and_records_progress(
    open_page, staff, journey_items
):
    page = open_page()
    page.goto("/sign-in/")

    def tab_to(name: str, limit: int = 80) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            focused = page.evaluate(
                "(() => { const e = document.activeElement;"
                " const label = e.labels && e.labels[0] ? e.labels[0].innerText : '';"
                " return (label || e.innerText || e.value || '').trim(); })()"
            )
            if focused.startswith(name):
                visible = page.evaluate(
                    "(() => { const s = getComputedStyle(document.activeElement);"
                    " return s.outlineStyle !== 'none' || s.boxShadow !== 'none'"
                    " || s.backgroundColor === 'rgb(255, 221, 0)'; })()"
                )
                assert visible, f"focus on {name!r} is not visible"
                return
        raise AssertionError(f"could not reach {name!r} with the Tab key")

    page.keyboard.press("Tab")  # skip link
    page.get_by_label("Username").focus()
    page.keyboard.type(staff.username)
    page.keyboard.press("Tab")
    page.keyboard.type("a-long-test-password-1234")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/sign-in/" not in url)
    page.goto("/items/")
    tab_to("Overdue only")
    page.keyboard.press("Space")
    tab_to("Apply filters")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("overdue=on"))
    tab_to("Recommendation 1")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/items/\d+/$"))
    tab_to("Record progress")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("/progress/"))
    tab_to("Save update")
    page.keyboard.press("Enter")
    # The error summary takes focus, so a keyboard user hears the problem first.
    page.wait_for_selector(".govuk-error-summary")
    assert page.evaluate(
        "document.activeElement.classList.contains('govuk-error-summary')"
    )
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the error's link moves to the field
    page.keyboard.type("Progress typed with the keyboard alone.")
    tab_to("Save update")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Your update has been recorded.")
    assert ProgressUpdate.objects.filter(
        text="Progress typed with the keyboard alone."
    ).exists()


def test_accessibility_statement_is_public(open_page, db):
    page = open_page()
    page.goto("/accessibility/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Accessibility statement"
    )
    assert_accessible(page, "accessibility statement")


def test_the_accessibility_scan_finds_a_real_problem(open_page, db):
    """The scan is not a formality: an unlabelled field on a page makes it fail."""
    page = open_page()
    page.goto("/accessibility/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend',"
        ' \'<input type="text" id="unlabelled">\')'
    )
    with pytest.raises(AssertionError, match="label"):
        assert_accessible(page, "page with an unlabelled field")


@JS
def test_a_stale_edit_shows_what_changed_and_saves_on_a_second_try(
    open_page, staff, other_staff, journey_items, js
):
    from recommendations import services

    green = journey_items["green"]
    page = open_page(staff, js=js)
    page.goto(f"/items/{green.pk}/edit/")
    page.get_by_label("Lead team").fill("Public Protection Unit")
    page.get_by_label("Reason for the change").fill("Team renamed")
    # Meanwhile a colleague changes the item.
    services.item_update_working_fields(
        item_id=green.pk,
        actor=other_staff,
        expected_version=green.version,
        lead=green.lead,
        lead_team="Crime and Justice",
        target_date=green.target_date,
        reason="Moved to the new directorate",
    )
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Changed since you opened this page")).to_be_visible()
    expect(page.get_by_text("Moved to the new directorate")).to_be_visible()
    expect(page.get_by_label("Lead team")).to_have_value("Public Protection Unit")
    assert_accessible(page, "conflict page")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("The item has been updated.")).to_be_visible()
    green.refresh_from_db()
    assert green.lead_team == "Public Protection Unit"


@JS
def test_administrator_corrects_an_item_in_the_admin_without_touching_its_workflow(
    open_page, administrator, journey_items, js
):
    late = journey_items["late"]
    # The admin's own sign-in is the tracker's: signing in there comes back here.
    page = open_page(js=js)
    page.goto("/admin/")
    page.wait_for_url(re.compile(r"/sign-in/"))
    page.get_by_label("Username").fill(administrator.username)
    from .conftest import PASSWORD

    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    page.goto(f"/admin/recommendations/item/{late.pk}/change/")
    assert_accessible(page, "admin item change form")
    # The owners stored are the owners ticked.
    owners = page.get_by_role("checkbox", name="Chief Constable")
    expect(owners).to_be_checked()
    # Status and dates are shown, not offered for editing.
    expect(page.locator("select[name=status]")).to_have_count(0)
    expect(page.locator("input[name=target_date]")).to_have_count(0)
    page.locator("textarea[name=text]").fill(
        "Stop sharing information with Immigration Enforcement (wording corrected)."
    )
    page.locator("input[name=change_reason]").fill("Wording checked against the report")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    late.refresh_from_db()
    assert late.text.endswith("(wording corrected).")
    assert late.status == Item.Status.IN_PROGRESS
    record = late.history.first()
    assert record.history_user == administrator
    assert record.history_change_reason == "Wording checked against the report"
