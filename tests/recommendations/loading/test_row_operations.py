"""Splitting, merging, deleting and adding rows in the preview: each changes the
draft kept in the session (never the database), names the row in its message, and
is refused to all but administrators."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from recommendations.models import Item, Report
from recommendations.views.loading import SESSION_KEY

from .conftest import GOOD_ROWS, make_csv, make_xlsx, seen

UPLOAD = reverse("recommendations:loading_upload")
PREVIEW = reverse("recommendations:loading_preview")
CONFIRM = reverse("recommendations:loading_confirm")
ADD = reverse("recommendations:loading_add_row")
TWO_THINGS = "Chief constables should review vetting and should train vetting staff."


def _url(name: str, row_id: int) -> str:
    return reverse(f"recommendations:loading_{name}_row", args=[row_id])


def _rows(client) -> list[dict]:
    return client.session[SESSION_KEY]["rows"]


def _token(client) -> str:
    html = client.get(PREVIEW).content.decode()
    found = re.search(r'name="token" value="([^"]+)"', html)
    return found.group(1) if found else ""


@pytest.fixture
def loaded(client_for, administrator):
    """An administrator with the GOOD_ROWS workbook waiting, its second row (id 1)
    asking for two things."""
    rows = [row[:] for row in GOOD_ROWS]
    rows[1][3] = TWO_THINGS
    client = client_for(administrator)
    client.post(UPLOAD, {"file": SimpleUploadedFile("v.xlsx", make_xlsx(rows))})
    return client


# Split.


def test_the_split_page_proposes_the_two_parts_and_a_new_reference(loaded):
    html = loaded.get(_url("split", 1)).content.decode()
    assert "Split this row into two items" in html
    assert "Items sheet, row 3" in html
    assert ">\nChief constables should review vetting.</textarea>" in html
    assert ">\nChief constables should train vetting staff.</textarea>" in html
    assert 'name="second_reference" value="1b"' in html


def test_splitting_a_row_makes_two_items_with_the_same_fields(loaded):
    response = loaded.post(
        _url("split", 1),
        {
            "seen": seen(loaded, _url("split", 1)),
            "first_text": "Chief constables should review vetting.",
            "second_reference": "1a",
            "second_text": "Chief constables should train vetting staff.",
        },
        follow=True,
    )
    html = response.content.decode()
    assert "Items sheet, row 3 has been split in two: 1, and 1a as Items sheet, " in (
        html
    )
    rows = _rows(loaded)
    assert [row["reference"] for row in rows] == ["CoC 1", "1", "1a", "2", "AFI 1"]
    first, second = rows[1], rows[2]
    assert first["text"] == "Chief constables should review vetting."
    assert second["text"] == "Chief constables should train vetting staff."
    for name in ("kind", "owners", "target_date", "cause_of_concern"):
        assert first[name] == second[name]
    assert second["cause_of_concern"] == "CoC 1"
    assert not Item.objects.exists()
    assert "Items sheet, row 3, part 2" in html


def test_the_split_items_load(loaded):
    loaded.post(
        _url("split", 1),
        {
            "seen": seen(loaded, _url("split", 1)),
            "first_text": "Chief constables should review vetting.",
            "second_reference": "1b",
            "second_text": "Chief constables should train vetting staff.",
        },
    )
    loaded.post(CONFIRM, {"token": _token(loaded), "add_new": "on"})
    split = Item.objects.get(reference="1b")
    assert split.cause_of_concern.reference == "CoC 1"
    assert split.target_date == Item.objects.get(reference="1").target_date


def test_a_split_with_a_reference_already_used_is_refused(loaded):
    before = _rows(loaded)
    response = loaded.post(
        _url("split", 1),
        {
            "seen": seen(loaded, _url("split", 1)),
            "first_text": "One.",
            "second_reference": "afi 1",
            "second_text": "Two.",
        },
    )
    assert response.status_code == 400
    assert "Reference afi 1 is already used" in response.content.decode()
    assert _rows(loaded) == before


def test_a_split_needs_both_wordings(loaded):
    response = loaded.post(
        _url("split", 1),
        {
            "seen": seen(loaded, _url("split", 1)),
            "first_text": "One.",
            "second_reference": "1b",
            "second_text": "",
        },
    )
    assert response.status_code == 400
    assert "Enter the second item&#x27;s wording." in response.content.decode()
    assert len(_rows(loaded)) == 4


def test_a_confirmation_opened_before_a_split_is_refused(loaded):
    token = _token(loaded)
    loaded.post(
        _url("split", 1),
        {
            "seen": seen(loaded, _url("split", 1)),
            "first_text": "One thing.",
            "second_reference": "1b",
            "second_text": "Two.",
        },
    )
    response = loaded.post(CONFIRM, {"token": token, "add_new": "on"}, follow=True)
    assert "The preview changed since you opened it" in response.content.decode()
    assert not Report.objects.exists()


# Merge.


def test_the_merge_page_shows_both_rows_and_the_merged_wording(loaded):
    html = loaded.get(_url("merge", 2)).content.decode()
    assert "Merge this row with the next one?" in html
    assert "Items sheet, row 4" in html and "Items sheet, row 5" in html
    assert (
        "Summary: a recommendation to the Home Office and the NPCC. Summary: an "
        "area for improvement."
    ) in html
    assert 'name="following" value="3"' in html


def test_merging_joins_the_wording_and_keeps_the_first_rows_fields(loaded):
    response = loaded.post(_url("merge", 2), {"following": "3"}, follow=True)
    assert (
        "Items sheet, row 4 and Items sheet, row 5 have been merged into one row, 2."
    ) in response.content.decode()
    rows = _rows(loaded)
    assert [row["reference"] for row in rows] == ["CoC 1", "1", "2"]
    assert rows[2]["text"] == (
        "Summary: a recommendation to the Home Office and the NPCC. Summary: an "
        "area for improvement."
    )
    assert rows[2]["owners"] == "Home Office and the NPCC"
    assert rows[2]["kind"] == "recommendation"


def test_a_merge_page_opened_before_the_next_row_changed_merges_nothing(loaded):
    # Another tab deletes the next row: this page's "next row" is no longer next.
    loaded.post(_url("delete", 3), {"confirm": "True"})
    loaded.post(ADD, {"reference": "9", "kind": "recommendation", "text": "New."})
    before = _rows(loaded)
    response = loaded.post(_url("merge", 2), {"following": "3"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "The rows changed since this page was opened" in html
    assert 'name="following" value="4"' in html  # the row now next, shown
    assert _rows(loaded) == before


def test_the_last_row_has_no_next_row_to_merge_with(loaded):
    assert loaded.get(_url("merge", 3)).status_code == 404
    html = loaded.get(PREVIEW).content.decode()
    assert _url("merge", 2) in html
    assert _url("merge", 3) not in html


# Delete.


def test_the_delete_page_asks_before_deleting(loaded):
    response = loaded.get(_url("delete", 3))
    html = response.content.decode()
    assert "Delete this row?" in html
    assert "govuk-button--warning" in html
    assert len(_rows(loaded)) == 4


def test_deleting_a_row_removes_it_from_the_draft_only(loaded):
    response = loaded.post(_url("delete", 3), {"confirm": "True"}, follow=True)
    assert (
        "Items sheet, row 5 (reference AFI 1) has been deleted."
        in response.content.decode()
    )
    assert [row["reference"] for row in _rows(loaded)] == ["CoC 1", "1", "2"]
    assert not Item.objects.exists()


def test_a_delete_without_its_confirmation_deletes_nothing(loaded):
    response = loaded.post(_url("delete", 3), {})
    assert response.status_code == 400
    assert "Confirm that the row is to be deleted." in response.content.decode()
    assert len(_rows(loaded)) == 4


def test_a_row_keeps_its_address_when_rows_before_it_go(loaded):
    loaded.post(_url("delete", 0), {"confirm": "True"})
    html = loaded.get(reverse("recommendations:loading_edit_row", args=[3])).content
    assert "Items sheet, row 5" in html.decode()
    assert loaded.get(
        reverse("recommendations:loading_edit_row", args=[0])
    ).status_code == (404)


# Add.


def test_the_add_page_is_the_row_editor_empty(loaded):
    html = loaded.get(ADD).content.decode()
    assert '<h1 class="govuk-heading-l">Add a row</h1>' in html
    assert 'name="reference"' in html and 'name="text"' in html


def test_adding_a_row_puts_it_at_the_end_and_loads_it(loaded):
    response = loaded.post(
        ADD,
        {
            "reference": "3",
            "kind": "recommendation",
            "owners": ["pcc"],
            "text": "A recommendation the file left out.",
            "target_date": "2023-12-31",
        },
        follow=True,
    )
    assert (
        "A row has been added as Added row 1 (reference 3)."
        in response.content.decode()
    )
    assert _rows(loaded)[-1]["reference"] == "3"
    loaded.post(CONFIRM, {"token": _token(loaded), "add_new": "on"})
    assert Item.objects.get(reference="3").owner_codes == ["pcc"]


def test_an_added_row_with_a_problem_says_so(loaded):
    response = loaded.post(
        ADD,
        {"reference": "1", "kind": "recommendation", "text": "A duplicate reference."},
        follow=True,
    )
    html = response.content.decode()
    assert "but it still has problems" in html
    assert "Reference 1 is used twice (also Items sheet, row 3)." in html


def test_an_invalid_added_row_is_refused(loaded):
    response = loaded.post(ADD, {"reference": "3", "kind": "gossip"})
    assert response.status_code == 400
    assert len(_rows(loaded)) == 4


# Who may, and how.

OPERATIONS = [
    ("split", {"first_text": "A.", "second_reference": "9", "second_text": "B."}),
    ("merge", {"following": "2"}),
    ("delete", {"confirm": "True"}),
]


@pytest.mark.parametrize("role", ["staff", "reviewer", "panel", "outsider"])
def test_only_administrators_split_merge_delete_or_add_rows(
    request, client_for, role, loaded
):
    client = client_for(request.getfixturevalue(role))
    session = client.session
    session[SESSION_KEY] = loaded.session[SESSION_KEY]
    session.save()
    for name, data in OPERATIONS:
        assert client.get(_url(name, 1)).status_code == 403
        assert client.post(_url(name, 1), data).status_code == 403
    assert client.get(ADD).status_code == 403
    assert client.post(
        ADD, {"reference": "9", "kind": "recommendation"}
    ).status_code == (403)
    assert len(client.session[SESSION_KEY]["rows"]) == 4


def test_row_operations_without_a_draft_are_not_found(client_for, administrator):
    client = client_for(administrator)
    for name, data in OPERATIONS:
        assert client.get(_url(name, 0)).status_code == 404
        assert client.post(_url(name, 0), data).status_code == 404
    assert client.get(ADD).status_code == 404


def test_row_operations_need_the_forms_csrf_token(administrator, good_csv):
    client = Client(enforce_csrf_checks=True)
    client.force_login(administrator)
    session = client.session
    other = Client()
    other.force_login(administrator)
    other.post(UPLOAD, {"file": SimpleUploadedFile("v.csv", make_csv(GOOD_ROWS))})
    session[SESSION_KEY] = other.session[SESSION_KEY]
    session.save()
    for name, data in OPERATIONS:
        assert client.post(_url(name, 1), data).status_code == 403
    assert len(client.session[SESSION_KEY]["rows"]) == 4


def test_looking_at_an_operations_page_changes_nothing(loaded):
    before = _rows(loaded)
    for name, _data in OPERATIONS:
        assert loaded.get(_url(name, 1)).status_code == 200
    assert _rows(loaded) == before


def test_the_preview_offers_each_operation_for_each_row(loaded):
    html = loaded.get(PREVIEW).content.decode()
    for name in ("edit", "split", "merge", "delete"):
        assert reverse(f"recommendations:loading_{name}_row", args=[1]) in html
    assert ADD in html
    assert any(
        "split the row" in w for w in re.findall(r"Check:</strong> ([^<]+)", html)
    )
