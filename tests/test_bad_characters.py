"""One bad character must not take down a download for everyone: text is cleaned
where it arrives, and every file writer copes with whatever is already stored."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from recommendations.history import save_with_history
from recommendations.text import clean_text, xml_safe

WORD_LINE_BREAK = "\x0b"
# Storable (databases refuse lone surrogates) but not writable into XML.
HOSTILE = f"Line one{WORD_LINE_BREAK}line two\x01\x07\x1b\ufffe end"


def _downloads(client, item):
    """Every download the text of an item, its progress or its response reaches."""
    today = dt.date.today()
    return {
        "csv": client.get(reverse("recommendations:item_export", args=["csv"])),
        "xlsx": client.get(reverse("recommendations:item_export", args=["xlsx"])),
        "s55": client.get(reverse("oversight:s55_document", args=[item.report_id])),
        "scrutiny": client.get(
            reverse("oversight:scrutiny_document"),
            {"meeting": f"{today:%Y-%m-%d}", "previous": "2020-01-01"},
        ),
    }


@pytest.mark.django_db
def test_stored_control_characters_break_no_download(client_for, panel, item, staff):
    # Stored as an older release (or a database client) could have left it.
    item.text = HOSTILE
    item.s55_response = HOSTILE
    save_with_history(item, actor=staff, reason="Text as stored before cleaning")
    client = client_for(panel)
    responses = _downloads(client, item)
    for name, response in responses.items():
        assert response.status_code == 200, name
    sheet = load_workbook(io.BytesIO(responses["xlsx"].getvalue())).active
    texts = [cell.value for cell in sheet[2] if isinstance(cell.value, str)]
    assert any("Line one\nline two" in text for text in texts)
    s55 = "\n".join(
        p.text for p in Document(io.BytesIO(responses["s55"].content)).paragraphs
    )
    assert "Line one\nline two" in s55
    assert "\x0b" not in s55 and "\x01" not in s55
    csv = responses["csv"].getvalue().decode("utf-8-sig")
    assert "Line one" in csv and "\ud800" not in csv
    assert (
        client.get(reverse("recommendations:item_detail", args=[item.pk])).status_code
        == 200
    )


@pytest.mark.django_db
def test_a_progress_note_with_a_word_line_break_is_cleaned_as_it_arrives(
    client_for, staff, item
):
    url = reverse("recommendations:item_progress", args=[item.pk])
    response = client_for(staff).post(
        url,
        {"version": item.version, "text": f"Met the team{WORD_LINE_BREAK}Agreed\x07."},
    )
    assert response.status_code == 302
    update = item.updates.get()
    assert update.text == "Met the team\nAgreed."


@pytest.mark.django_db
def test_a_note_of_nothing_but_control_characters_is_refused(client_for, staff, item):
    url = reverse("recommendations:item_progress", args=[item.pk])
    response = client_for(staff).post(
        url, {"version": item.version, "text": "\x07\x1b"}
    )
    assert response.status_code == 400
    assert not item.updates.exists()


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text())
def test_cleaned_text_is_safe_in_every_writer(value):
    cleaned = clean_text(value)
    assert xml_safe(cleaned) == cleaned
    assert all(ch in "\t\n" or ord(ch) >= 32 for ch in cleaned)
    assert not any(0x7F <= ord(ch) <= 0x9F for ch in cleaned)
    cleaned.encode("utf-8")  # no lone surrogates
    document = Document()
    document.add_paragraph(xml_safe(value))  # what a writer does with stored text
    from openpyxl import Workbook

    Workbook().active.append([xml_safe(value)])


@pytest.mark.django_db(transaction=True)
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(note=st.text(min_size=1, max_size=80), response=st.text(max_size=80))
def test_any_text_in_the_forms_leaves_every_page_and_download_answering(
    request, note, response
):
    staff = request.getfixturevalue("staff")
    panel = request.getfixturevalue("panel")
    item = request.getfixturevalue("item")
    client = request.getfixturevalue("client_for")(staff)
    item.refresh_from_db()
    client.post(
        reverse("recommendations:item_progress", args=[item.pk]),
        {"version": item.version, "text": note},
    )
    item.refresh_from_db()
    client.post(
        reverse("oversight:s55_response", args=[item.pk]),
        {"version": item.version, "response": response},
    )
    reader = request.getfixturevalue("client_for")(panel)
    for name, answer in _downloads(reader, item).items():
        assert answer.status_code == 200, name
    page = reader.get(reverse("recommendations:item_detail", args=[item.pk]))
    assert page.status_code == 200


def test_imported_cells_and_pasted_text_are_cleaned():
    from recommendations.loading.preview import draft_from_rows
    from recommendations.loading.textparse import draft_from_text

    rows = [
        ["title", "A report\x07"],
        ["reference", "kind", "owners", "text"],
        ["1", "recommendation", "chief_constable", f"First{WORD_LINE_BREAK}second\x1b"],
    ]
    draft = draft_from_rows("a.xlsx", rows)
    assert draft.rows[0].text == "First\nsecond"
    pasted = draft_from_text(
        f"Recommendation 1{WORD_LINE_BREAK}Chief constables should act\x07 now.",
        report={},
        published=None,
    )
    assert all("\x07" not in row.text and "\x0b" not in row.text for row in pasted.rows)
