"""The section 55 letter: its comments written in the tracker with history, the
approval of its text, the draft and the final letter, and what is refused until
the letter is final."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from docx import Document

from oversight import services
from oversight.models import S55Letter
from recommendations.history import save_with_history
from recommendations.models import Item, Report
from recommendations.versions import report_change_id

PCC = "The Commissioner welcomes the report and will hold the force to account."
CHIEF = "The force accepts every recommendation and has a plan for each."
REPLY = "The Commissioner will ask for the plan at every accountability board."


@pytest.fixture
def letter_report(administrator, make_item, report):
    """A force report (16 Nov 2021, so due 10 Jan 2022) with two recommendations,
    the first answered, and an AFI."""
    report.kind = Report.Kind.FORCE
    report.title = "National child protection inspection"
    report.published_on = dt.date(2021, 11, 16)
    save_with_history(report, actor=administrator, reason="Test set-up")
    make_item(reference="1", text="First wording.", s55_response="We will train.")
    make_item(reference="2", text="Second wording.")
    make_item(reference="AFI 1", kind=Item.Kind.AREA_FOR_IMPROVEMENT, text="An AFI.")
    return report


def _letter_url(report):
    return reverse("oversight:s55_letter", args=[report.pk])


def _approve_url(report):
    return reverse("oversight:s55_approve", args=[report.pk])


def _document(client, report, **query):
    return client.get(
        reverse("oversight:s55_document", args=[report.pk]), query, follow=True
    )


def _docx_text(content: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


def _write(client, report, *, version=0, pcc=PCC, chief=CHIEF, reply="", why="Draft"):
    return client.post(
        _letter_url(report),
        {
            "version": version,
            "pcc_comments": pcc,
            "chief_comments": chief,
            "pcc_reply": reply,
            "reason": why,
        },
    )


def _answer(client, reference, text="No action: superseded by the 2024 PEEL."):
    item = Item.objects.get(reference=reference)
    return client.post(
        reverse("oversight:s55_response", args=[item.pk]),
        {"version": item.version, "response": text},
    )


def _approve(client, report):
    """Open the approval page, then approve what it showed."""
    page = client.get(_approve_url(report))
    form = page.context["form"]
    return client.post(
        _approve_url(report),
        {"version": form["version"].value(), "digest": form["digest"].value()},
    )


@pytest.fixture
def complete(client_for, staff, letter_report):
    """Every part written by office staff; not yet approved."""
    client = client_for(staff)
    assert _write(client, letter_report).status_code == 302
    assert _answer(client, "2").status_code == 302
    return letter_report


@pytest.fixture
def approved(client_for, reviewer, complete):
    assert _approve(client_for(reviewer), complete).status_code == 302
    return complete


# Writing the comments.


def test_comments_are_written_with_a_reason_and_history(
    client_for, staff, letter_report
):
    client = client_for(staff)
    response = _write(client, letter_report, chief="", why="First draft for the PCC")
    assert response.status_code == 302
    letter = S55Letter.objects.get(report=letter_report)
    assert letter.pcc_comments == PCC
    assert letter.chief_comments == ""
    assert letter.version == 1
    record = letter.history.get()
    assert record.history_user == staff
    assert record.history_change_reason == "First draft for the PCC"
    # The Chief Constable's comments arrive later, and are added with a reason too.
    response = _write(client, letter_report, version=1, why="Chief's comments in")
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.chief_comments == CHIEF
    assert [r.history_change_reason for r in letter.history.all()] == [
        "Chief's comments in",
        "First draft for the PCC",
    ]
    page = client.get(reverse("oversight:s55_report", args=[letter_report.pk]))
    assert PCC in page.content.decode() and CHIEF in page.content.decode()


def test_comments_need_a_reason_and_nothing_is_saved_without_one(
    client_for, staff, letter_report
):
    response = _write(client_for(staff), letter_report, why="")
    assert response.status_code == 400
    assert "Enter the reason for the change." in response.content.decode()
    assert not S55Letter.objects.exists()


def test_a_stale_letter_form_is_refused_and_keeps_what_was_written(
    client_for, staff, other_staff, letter_report
):
    _write(client_for(other_staff), letter_report, pcc="Tom's draft.", why="Tom")
    client = client_for(staff)
    response = _write(client, letter_report, pcc="Priya's draft.", why="Priya")
    assert response.status_code == 400
    html = response.content.decode()
    assert "The letter was changed by Tom Evans on" in html
    assert "Nothing has been saved." in html
    # Both texts are on the page: what is saved now, and what Priya wrote.
    assert "Tom&#x27;s draft." in html and "Priya&#x27;s draft." in html
    letter = S55Letter.objects.get()
    assert letter.pcc_comments == "Tom's draft."
    # Saving again, knowing both, replaces the saved text.
    form = response.context["form"]
    assert form["version"].value() == letter.version
    again = _write(
        client, letter_report, version=letter.version, pcc="Merged.", why="Merged"
    )
    assert again.status_code == 302
    letter.refresh_from_db()
    assert letter.pcc_comments == "Merged."


@pytest.mark.parametrize(
    ("who", "url", "status"),
    [
        ("panel", _letter_url, 403),
        ("outsider", _letter_url, 403),
        ("panel", _approve_url, 403),
        ("staff", _approve_url, 403),
        ("reviewer", _approve_url, 200),
        ("administrator", _approve_url, 200),
    ],
)
def test_office_staff_write_and_reviewers_approve(
    request, client_for, letter_report, who, url, status
):
    client = client_for(request.getfixturevalue(who))
    assert client.get(url(letter_report)).status_code == status
    if status == 403:
        assert client.post(url(letter_report), {}).status_code == 403


def test_the_approval_service_refuses_office_staff(staff, complete):
    letter = S55Letter.objects.get()
    with pytest.raises(ValidationError, match="Only a reviewer can approve"):
        services.s55_letter_approve(
            report_id=complete.pk,
            actor=staff,
            expected_version=letter.version,
            expected_digest=letter.approved_digest,
        )


# Approving the text.


def test_a_reviewer_approves_the_complete_text_with_who_and_when(
    client_for, reviewer, complete
):
    client = client_for(reviewer)
    response = _approve(client, complete)
    assert response.status_code == 302
    letter = S55Letter.objects.get()
    assert letter.approved_by == reviewer
    assert letter.approved_at is not None
    record = letter.history.first()
    assert record.history_user == reviewer
    assert record.history_change_reason == "Text approved for publication"
    html = client.get(
        reverse("oversight:s55_report", args=[complete.pk])
    ).content.decode()
    assert "By Sam Okafor on" in html
    assert "Approved: the final letter is ready" in html


def test_approval_is_refused_naming_what_is_missing(
    client_for, staff, reviewer, letter_report
):
    _write(client_for(staff), letter_report, chief="")
    client = client_for(reviewer)
    page = client.get(_approve_url(letter_report))
    assert (
        "Still needed: the Chief Constable&#x27;s comments; the response to "
        "recommendation 2." in page.content.decode()
    )
    response = _approve(client, letter_report)
    assert response.status_code == 400
    assert "The text cannot be approved yet." in response.content.decode()
    assert S55Letter.objects.get().approved_at is None


def test_an_approval_page_opened_before_a_change_approves_nothing(
    client_for, staff, reviewer, complete
):
    client = client_for(reviewer)
    form = client.get(_approve_url(complete)).context["form"]
    # Meanwhile a recommendation's response changes: the letter row does not.
    _answer(client_for(staff), "1", "We will train every officer by March.")
    response = client.post(
        _approve_url(complete),
        {"version": form["version"].value(), "digest": form["digest"].value()},
    )
    assert response.status_code == 400
    assert "changed since you opened this page" in response.content.decode()
    assert S55Letter.objects.get().approved_at is None
    # The page now shows the new text, and approving it again works.
    assert "We will train every officer by March." in response.content.decode()
    assert _approve(client, complete).status_code == 302


@pytest.mark.parametrize("change", ["comments", "response"])
def test_editing_any_part_after_approval_withdraws_the_approval(
    client_for, staff, approved, change
):
    client = client_for(staff)
    letter = S55Letter.objects.get()
    if change == "comments":
        response = _write(
            client,
            approved,
            version=letter.version,
            reply=REPLY,
            why="The PCC added a reply",
        )
    else:
        response = _answer(client, "2", "Action: a new safeguarding protocol.")
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.approved_by is None and letter.approved_at is None
    record = letter.history.first()
    assert record.history_user == staff
    assert "The approval given by Sam Okafor on" in record.history_change_reason
    assert "is withdrawn." in record.history_change_reason
    refused = _document(client, approved, final="1")
    assert "Still needed: approval of the text by a reviewer." in (
        refused.content.decode()
    )


def test_a_change_made_elsewhere_leaves_the_approval_outdated(
    client_for, administrator, approved
):
    # A recommendation's wording corrected outside the s.55 pages (a reload of
    # the report, the admin site): the letter would print other words.
    item = Item.objects.get(reference="2")
    item.text = "Second wording, corrected."
    save_with_history(item, actor=administrator, reason="Wording corrected")
    response = _document(client_for(administrator), approved, final="1")
    assert "approval of the text again (it changed after Sam Okafor on" in (
        response.content.decode()
    )


# The draft and the final letter.


def test_the_draft_names_each_missing_part_in_its_place(
    client_for, panel, letter_report
):
    response = client_for(panel).get(
        reverse("oversight:s55_document", args=[letter_report.pk])
    )
    text = _docx_text(response.content)
    assert "DRAFT: not for publication." in text
    assert (
        "Still needed before the final letter: the Police and Crime Commissioner's "
        "comments; the Chief Constable's comments; the response to recommendation "
        "2; approval of the text by a reviewer." in text
    )
    assert "[MISSING: the Commissioner's comments are not yet written]" in text
    assert "[MISSING: the Chief Constable's comments are not yet written]" in text
    assert "[MISSING: no response is recorded for recommendation 2]" in text
    assert "the final letter leaves this section out]" in text


def test_the_final_letter_is_refused_naming_everything_missing(
    client_for, panel, letter_report
):
    response = _document(client_for(panel), letter_report, final="1")
    assert response.redirect_chain[-1][0] == reverse(
        "oversight:s55_report", args=[letter_report.pk]
    )
    assert (
        "The final letter cannot be produced yet. Still needed: the Police and "
        "Crime Commissioner&#x27;s comments; the Chief Constable&#x27;s comments; "
        "the response to recommendation 2; approval of the text by a reviewer."
        in response.content.decode()
    )


def test_complete_but_unapproved_text_is_not_final(client_for, panel, complete):
    response = _document(client_for(panel), complete, final="1")
    assert "Still needed: approval of the text by a reviewer." in (
        response.content.decode()
    )


def test_the_final_letter_holds_the_approved_text_and_no_placeholder(
    client_for, panel, approved
):
    response = client_for(panel).get(
        reverse("oversight:s55_document", args=[approved.pk]), {"final": "1"}
    )
    assert response.status_code == 200
    assert "s55-response-" in response["Content-Disposition"]
    text = _docx_text(response.content)
    assert PCC in text and CHIEF in text
    assert "We will train." in text
    assert "No action: superseded by the 2024 PEEL." in text
    assert "DRAFT" not in text and "[" not in text and "MISSING" not in text
    # No reply was written: s.55(5)(c) asks for "any response", so none is shown.
    assert "The Commissioner's response to the Chief Constable" not in text


def test_a_written_reply_is_in_the_final_letter(
    client_for, staff, reviewer, panel, letter_report
):
    _write(client_for(staff), letter_report, reply=REPLY)
    _answer(client_for(staff), "2")
    _approve(client_for(reviewer), letter_report)
    response = _document(client_for(panel), letter_report, final="1")
    text = _docx_text(response.content)
    assert "The Commissioner's response to the Chief Constable" in text
    assert REPLY in text


# Recording the publication, and the responses.


def _record_published(client, report, when):
    return client.post(
        reverse("oversight:s55_edit", args=[report.pk]),
        {
            "change": report_change_id(report),
            "s55_required": "on",
            "response_published_on": when.isoformat(),
            "response_url": "https://opcc.example.org/responses/cp",
            "reason": "Published on the OPCC website",
        },
    )


def test_response_published_is_refused_until_the_final_letter_exists(
    client_for, staff, letter_report, today
):
    client = client_for(staff)
    response = _record_published(client, letter_report, today)
    assert response.status_code == 400
    assert (
        "The response cannot be recorded as published until its final letter "
        "exists. Still needed: the Police and Crime Commissioner&#x27;s comments;"
        in response.content.decode()
    )
    letter_report.refresh_from_db()
    assert letter_report.response_published_on is None
    listing = client.get(reverse("oversight:s55_list")).content.decode()
    assert "Published " not in listing
    assert "Being written" in listing


def test_response_published_is_recorded_once_the_text_is_approved(
    client_for, staff, approved, today
):
    client = client_for(staff)
    assert _record_published(client, approved, today).status_code == 302
    approved.refresh_from_db()
    assert approved.response_published_on == today
    listing = client.get(reverse("oversight:s55_list")).content.decode()
    assert f"Published {today:%-d %b %Y}" in listing


def test_the_response_cannot_be_published_before_its_text_was_approved(
    client_for, staff, approved, today
):
    response = _record_published(
        client_for(staff), approved, today - dt.timedelta(days=1)
    )
    assert response.status_code == 400
    assert "cannot have been published before its text was approved" in (
        response.content.decode()
    )


def test_a_published_response_no_longer_changes(client_for, staff, approved, today):
    client = client_for(staff)
    _record_published(client, approved, today)
    letter = S55Letter.objects.get()
    refused = _write(client, approved, version=letter.version, pcc="Rewritten.")
    assert refused.status_code == 400
    refused = _answer(client, "2", "Rewritten.")
    assert refused.status_code == 400
    assert "so its text no longer changes" in refused.content.decode()
    letter.refresh_from_db()
    assert letter.pcc_comments == PCC and letter.approved_by is not None
    assert Item.objects.get(reference="2").s55_response != "Rewritten."


def _record_dates(client, report, **fields):
    return client.post(
        reverse("oversight:s55_edit", args=[report.pk]),
        {
            "change": report_change_id(report),
            "s55_required": "on",
            "reason": "Dates from the OPCC log",
            **fields,
        },
    )


def test_a_date_the_letter_prints_withdraws_the_approval_when_it_changes(
    client_for, staff, approved
):
    # The letter says when the Chief Constable's comments arrived.
    response = _record_dates(
        client_for(staff), approved, chief_comments_received_on="2021-12-15"
    )
    assert response.status_code == 302
    letter = S55Letter.objects.get()
    assert letter.approved_at is None
    assert letter.history.first().history_change_reason.startswith(
        "The report's section 55 details changed: Dates from the OPCC log. The "
        "approval given by Sam Okafor on"
    )


def test_a_date_the_letter_does_not_print_leaves_the_approval(
    client_for, staff, approved
):
    response = _record_dates(
        client_for(staff), approved, chief_comments_requested_by="2021-12-01"
    )
    assert response.status_code == 302
    assert S55Letter.objects.get().approved_by is not None


def test_a_published_letter_refuses_a_change_to_what_it_printed(
    client_for, staff, approved, today
):
    client = client_for(staff)
    _record_published(client, approved, today)
    response = _record_dates(
        client,
        approved,
        chief_comments_received_on="2021-12-15",
        response_published_on=today.isoformat(),
    )
    assert response.status_code == 400
    assert "so its text no longer changes" in response.content.decode()
    approved.refresh_from_db()
    assert approved.chief_comments_received_on is None


def test_a_published_record_stays_editable_after_a_change_made_elsewhere(
    client_for, staff, administrator, approved, today
):
    client = client_for(staff)
    _record_published(client, approved, today)
    item = Item.objects.get(reference="2")
    item.text = "Second wording, corrected."
    save_with_history(item, actor=administrator, reason="Wording corrected")
    # The link to the published response moves: nothing the letter prints.
    response = _record_dates(
        client,
        approved,
        response_published_on=today.isoformat(),
        response_url="https://opcc.example.org/responses/cp-2",
    )
    assert response.status_code == 302
    approved.refresh_from_db()
    assert approved.response_url == "https://opcc.example.org/responses/cp-2"


@pytest.mark.parametrize("blank", ["", "   \n  "])
def test_an_empty_response_is_refused_not_saved(
    client_for, staff, letter_report, blank
):
    item = Item.objects.get(reference="1")
    before = item.history.count()
    response = client_for(staff).post(
        reverse("oversight:s55_response", args=[item.pk]),
        {"version": item.version, "response": blank},
        follow=True,
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Write the response: the action taken or to be taken" in html
    assert "The response has been saved." not in html
    item.refresh_from_db()
    assert item.s55_response == "We will train."
    assert item.history.count() == before


def test_the_response_service_refuses_an_empty_response(staff, letter_report):
    item = Item.objects.get(reference="1")
    with pytest.raises(ValidationError, match="Write the response"):
        services.item_record_s55_response(
            item_id=item.pk, actor=staff, expected_version=item.version, response=" "
        )


# The report's page.


def test_the_report_page_shows_the_s55_deadline_and_state(
    client_for, panel, letter_report
):
    html = (
        client_for(panel)
        .get(reverse("recommendations:report_detail", args=[letter_report.pk]))
        .content.decode()
    )
    assert "Section 55 response" in html
    assert "10 January 2022" in html
    assert "Overdue by " in html
    assert "Being written" in html
    assert "the response to recommendation 2" in html
    assert reverse("oversight:s55_report", args=[letter_report.pk]) in html


def test_the_report_page_shows_an_approved_letter(client_for, panel, approved):
    html = (
        client_for(panel)
        .get(reverse("recommendations:report_detail", args=[approved.pk]))
        .content.decode()
    )
    assert "Approved: the final letter is ready" in html
    assert "approved by Sam Okafor on" in html


def test_the_report_page_says_when_no_response_is_due(client_for, panel, report):
    html = (
        client_for(panel)
        .get(reverse("recommendations:report_detail", args=[report.pk]))
        .content.decode()
    )
    assert "No statutory deadline (super-complaint)" in html
    assert "Being written" not in html


def test_the_s55_page_shows_the_letters_history(client_for, staff, panel, approved):
    _write(
        client_for(staff),
        approved,
        version=S55Letter.objects.get().version,
        reply=REPLY,
        why="The PCC added a reply",
    )
    html = (
        client_for(panel)
        .get(reverse("oversight:s55_report", args=[approved.pk]))
        .content.decode()
    )
    history = html[html.index('id="letter-history"') :]
    assert history.count('<tr class="govuk-table__row app-table-small">') == 3
    assert "The PCC&#x27;s response to them, the approval" in history
    assert "Text approved for publication" in history
    assert "The PCC&#x27;s comments, the Chief Constable&#x27;s comments" in history
    assert "Sam Okafor" in history and "Priya Shah" in history
