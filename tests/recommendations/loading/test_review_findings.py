"""What an outside review found the loader getting wrong, each now a test of what it
does instead. Wording is constructed in the inspectorate's style; forces are
fictional. The reviewer's fresh cases (review_cases/, built by review_cases/build.py)
are scored with the corpus by `make parse-check` and test_corpus.py.
"""

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from recommendations.loading import vocabulary
from recommendations.loading.files import FileRefused, read_upload
from recommendations.loading.preview import draft_from_rows
from recommendations.loading.sources import read_document
from recommendations.loading.textparse import draft_from_blocks, draft_from_text
from recommendations.views.loading import SESSION_KEY

from . import parse_check
from .conftest import GOOD_ROWS, make_xlsx

REVIEW_CASES = parse_check.cases(Path(__file__).resolve().parent / "review_cases")
PUBLISHED = dt.date(2024, 10, 1)


def _rows(text, published=PUBLISHED):
    return draft_from_text(text, report={}, published=published).rows


def _doc_rows(name, data, published=PUBLISHED):
    document = read_document(name, data)
    return draft_from_blocks(
        document.blocks, report={}, published=published, source=name
    ).rows


# 1. Parser: items silently lost, glued or invented -------------------------------


def test_custody_layout_second_cause_of_concern_is_not_dropped():
    """HMIP/HMICFRS custody reports: "6.1 Cause of concern: ..." then
    "Recommendation: ...", twice. Today the second cause of concern vanishes and
    its recommendation is linked to the first."""
    rows = _rows(
        "Causes of concern and recommendations\n\n"
        "6.1 Cause of concern: Detainees were not always checked in line with "
        "their assessed level of risk.\n\n"
        "Recommendation: The force should make sure that all detainees are checked "
        "in line with their care plan.\n\n"
        "6.2 Cause of concern: Custody records were often confusing.\n\n"
        "Recommendation: The force should make sure that custody records are "
        "accurate and complete.\n"
    )
    assert [(r.reference, r.cause_of_concern) for r in rows] == [
        ("CoC 1", ""),
        ("1", "CoC 1"),
        ("CoC 2", ""),
        ("2", "CoC 2"),
    ]
    assert not rows[0].text.startswith("6.1")  # a paragraph number is not wording


def test_a_line_break_before_a_capitalised_word_loses_no_item():
    """Text copied from a PDF viewer breaks lines anywhere; a break before
    "Home Office" makes "The force should work with the" a heading, and every
    item after it is silently lost (here 2 of 3)."""
    rows = _rows(
        "Recommendations\n"
        "The force should make sure that it answers emergency calls promptly.\n"
        "The force should work with the\n"
        "Home Office to improve the data it records on stalking.\n"
        "The force should make sure that it answers 101 calls promptly.\n"
    )
    assert len(rows) == 3


def test_the_same_words_for_two_addressees_are_two_items():
    """A joint inspection asks chief constables (2) and PCCs (3) for the same
    thing: today recommendation 3 is silently dropped as a 'repeat'."""
    page = b"""<html><body><main><h2>Recommendations</h2>
<p><strong>By 30 June 2025, chief constables should:</strong></p>
<ol start="2"><li>publish an annual report on children held overnight.</li></ol>
<p><strong>By 30 June 2025, police and crime commissioners should:</strong></p>
<ol start="3"><li>publish an annual report on children held overnight.</li>
<li>make sure that the custody services they commission include health care.</li></ol>
</main></body></html>"""
    rows = _doc_rows("joint.html", page)
    assert [(r.reference, r.owners) for r in rows] == [
        ("2", "chief_constable"),
        ("3", "pcc"),
        ("4", "pcc"),
    ]


def test_a_finding_after_a_list_of_afis_is_not_an_afi():
    """PEEL: the findings after the AFIs say what the standard is ("Supervisors
    should review ... We found ..."): today that finding becomes AFI 3."""
    page = b"""<html><body><main>
<h2>Investigating crime: Adequate</h2>
<h3>Areas for improvement</h3>
<ul><li>The force should make sure that investigations are allocated well.</li>
<li>The force should make sure that victims are updated on their case.</li></ul>
<p>Supervisors should review each investigation at least every 28 days. We found
that this happened in only half the cases we reviewed.</p>
</main></body></html>"""
    assert [r.reference for r in _doc_rows("peel.html", page)] == ["AFI 1", "AFI 2"]


def test_a_two_column_pdf_is_not_read_across_the_columns():
    """pdfplumber words are grouped into lines by height only: in a two-column
    page each 'line' is half of each column. All four recommendations are lost
    and the AFIs carry findings from the other column."""
    case = Path(__file__).resolve().parent / "review_cases/r6-southvale-two-column-pdf"
    result = parse_check.score(case)
    assert result.ok, result.problems


def test_a_numbered_lead_ins_deadline_does_not_reach_later_items():
    """PDF: "1. By 31 March 2025, chief constables should:" with two bullets,
    then "2." and "3." as paragraphs: the bullets become items 1 and 2 (so "2"
    twice) and the lead-in's date is given to the College's recommendation."""
    case = Path(__file__).resolve().parent / "review_cases/r8-vetting-numbered-pdf"
    result = parse_check.score(case)
    assert result.ok, result.problems


# 1b. Dates: wrong, invented or lost ---------------------------------------------


@pytest.mark.parametrize(
    ("wording", "expected"),
    [
        # GOV.UK style for a financial year (31 March 2025), read as 31 Dec 2024.
        (
            "By the end of 2024 to 2025 financial year, police and crime "
            "commissioners should review their schemes.",
            dt.date(2025, 3, 31),
        ),
        # "only" / "was" within 40 characters after the date drop it.
        (
            "By 31 March 2025, forces should make sure only trained officers "
            "investigate stalking.",
            dt.date(2025, 3, 31),
        ),
        (
            "By 31 March 2025, the force should review what was learned from the "
            "pilot.",
            dt.date(2025, 3, 31),
        ),
        # Process time limits and adverbs are not deadlines.
        (
            "The force should make sure that it reviews pre-charge bail within 28 "
            "days.",
            None,
        ),
        (
            "The force should make sure that victims are contacted within five days "
            "of reporting a crime.",
            None,
        ),
        (
            "The force should make sure that officers immediately record every "
            "report of domestic abuse as a crime.",
            None,
        ),
    ],
)
def test_deadlines(wording, expected):
    assert vocabulary.deadline_from_wording(wording, dt.date(2024, 7, 15))[0] == (
        expected
    )


# 2. Robustness: a clear message, not a 500 or a hang -----------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "ol",
    [
        '<ol start="\u00b2">',
        '<ol><li value="\u00b9">x</li>',
        f'<ol start="{"9" * 5000}">',
    ],
)
def test_an_odd_list_number_is_not_a_server_error(client_for, administrator, ol):
    """'²'.isdigit() is True but int('²') raises; so do 5000-digit numbers."""
    client = client_for(administrator)
    client.raise_request_exception = False
    page = (
        "<html><body><h2>Recommendations</h2>"
        f"{ol}<li>The force should act on this now.</li></ol></body></html>"
    ).encode()
    response = client.post(
        reverse("recommendations:loading_paste"),
        {
            "title": "T",
            "kind": "peel",
            "published_on": "2024-02-01",
            "inspectorates": ["hmicfrs"],
            "scope": "this_force",
            "document": SimpleUploadedFile("page.html", page),
        },
    )
    assert response.status_code in {302, 400}


def test_deeply_nested_html_is_read_and_its_depth_bounded():
    """The reader keeps its context as tags open and close (no scan of the whole
    stack per event), and reads tags past MAX_DEPTH as text: a hostile page nested
    8,000 deep is read, and its items found."""
    from recommendations.loading import webpage

    page = (
        "<html><body><h2>Recommendations</h2>"
        + "<div><p>The force should act.</p>" * 8000
        + "</body></html>"
    ).encode()
    reader = webpage._Reader(has_main=False)
    deepest = 0
    push = reader._push

    def watched(frame):
        nonlocal deepest
        push(frame)
        deepest = max(deepest, len(reader.stack))

    reader._push = watched
    reader.feed(page.decode())
    assert deepest <= webpage.MAX_DEPTH
    assert _doc_rows("page.html", page)[0].text == "The force should act."


def _patched_xlsx(transform) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(make_xlsx(GOOD_ROWS)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet2.xml":
                data = transform(data)
            archive.writestr(info.filename, data)
    return out.getvalue()


def test_a_far_away_cell_does_not_make_every_row_16384_cells_long():
    """A 9 KB workbook with a cell in column XFD on 500 rows: only the first
    MAX_COLUMNS columns are read, so the work is bounded by the file's rows."""
    from recommendations.loading.files import MAX_COLUMNS

    def far(xml: bytes) -> bytes:
        extra = "".join(
            f'<row r="{r}"><c r="XFD{r}" t="inlineStr"><is><t>x</t></is></c></row>'
            for r in range(10, 510)
        )
        return xml.replace(b"</sheetData>", extra.encode() + b"</sheetData>")

    data = _patched_xlsx(far)
    assert len(data) < 20_000
    read = read_upload("far.xlsx", data)
    assert max(len(row) for row in read.rows) <= MAX_COLUMNS
    draft = draft_from_rows(read.name, read.rows)
    assert [row.reference for row in draft.rows][:4] == ["CoC 1", "1", "2", "AFI 1"]


def test_merged_ranges_that_would_fill_too_many_cells_are_refused():
    """100 ranges over 4,000 rows and 64 columns (a 30 KB file) would fill 25
    million cells: refused, before any is filled."""

    def merges(xml: bytes) -> bytes:
        rows = "".join(
            f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>y</t></is></c></row>'
            for r in range(10, 4010)
        )
        ranges = '<mergeCell ref="H1:BS4009"/>' * 100
        return xml.replace(
            b"</sheetData>",
            rows.encode()
            + b'</sheetData><mergeCells count="100">'
            + ranges.encode()
            + b"</mergeCells>",
        )

    with pytest.raises(FileRefused, match="more merged cells than can be read"):
        read_upload("merged.xlsx", _patched_xlsx(merges))


def test_a_pdf_restricted_only_by_an_owner_password_is_read():
    """Permissions-only PDFs (no password to open) are readable: pdfminer opens
    them. Today they are refused as 'encrypted ... its text cannot be read'."""
    from reportlab.lib import pdfencrypt
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    buffer = io.BytesIO()
    styles = getSampleStyleSheet()
    SimpleDocTemplate(
        buffer,
        encrypt=pdfencrypt.StandardEncryption("", "owner-secret", canCopy=1),
    ).build(
        [
            Paragraph("Recommendations", styles["Heading2"]),
            Paragraph(
                "The force should make sure that it answers calls promptly.",
                styles["Normal"],
            ),
        ]
    )
    rows = _doc_rows("restricted.pdf", buffer.getvalue())
    assert len(rows) == 1


# 3. Preview row operations -------------------------------------------------------


@pytest.mark.django_db
def test_a_split_page_opened_before_a_merge_loses_no_wording(client_for, administrator):
    """Tab A opens 'split' for row 1; tab B merges row 1 with row 2; tab A then
    splits with the wording it was shown. Row 2's wording is silently gone (merge
    has a staleness check; split has none)."""
    client = client_for(administrator)
    client.post(
        reverse("recommendations:loading_upload"),
        {"file": SimpleUploadedFile("v.xlsx", make_xlsx(GOOD_ROWS))},
    )
    split = reverse("recommendations:loading_split_row", args=[1])
    html = client.get(split).content.decode()  # tab A
    shown = re.search(r'name="first_text"[^>]*>\n?([^<]*)</textarea>', html)[1]
    second_row_text = client.session[SESSION_KEY]["rows"][2]["text"]
    merge = reverse("recommendations:loading_merge_row", args=[1])
    client.post(merge, {"following": "2"})  # tab B
    client.post(
        split,
        {"first_text": shown, "second_reference": "1b", "second_text": "Second."},
    )  # tab A, stale
    texts = " ".join(row["text"] for row in client.session[SESSION_KEY]["rows"])
    assert second_row_text in texts


# 4. The fresh review cases, scored like the corpus -------------------------------


@pytest.mark.parametrize("case", REVIEW_CASES, ids=[c.name for c in REVIEW_CASES])
def test_review_case_is_right_first_time(case):  # also in test_corpus
    result = parse_check.score(case)
    assert result.ok, result.problems


@pytest.mark.django_db
def test_an_edit_page_opened_before_a_split_does_not_undo_it(client_for, administrator):
    """Tab A opens 'edit' for a row asking two things; tab B splits it into 1 and
    1b; tab A saves the wording it was shown. Both things are now in row 1 and
    the second is also in 1b: an item glued back, and a duplicate, unflagged."""
    rows = [row[:] for row in GOOD_ROWS]
    rows[1][3] = (
        "Chief constables should review vetting and should train vetting staff."
    )
    client = client_for(administrator)
    client.post(
        reverse("recommendations:loading_upload"),
        {"file": SimpleUploadedFile("v.xlsx", make_xlsx(rows))},
    )
    client.get(reverse("recommendations:loading_edit_row", args=[1]))  # tab A
    client.post(
        reverse("recommendations:loading_split_row", args=[1]),
        {
            "first_text": "Chief constables should review vetting.",
            "second_reference": "1b",
            "second_text": "Chief constables should train vetting staff.",
        },
    )  # tab B
    client.post(
        reverse("recommendations:loading_edit_row", args=[1]),
        {
            "reference": "1",
            "kind": "recommendation",
            "owners": ["chief_constable"],
            "text": rows[1][3],
            "target_date": "2023-04-30",
        },
    )  # tab A, stale
    texts = [row["text"] for row in client.session[SESSION_KEY]["rows"]]
    assert sum("train vetting staff" in text for text in texts) == 1


@pytest.mark.parametrize(
    "noise",
    [
        '<script>var card = "<article class=card>{{x}}</article>";</script>',
        "<!-- <main> removed by the theme -->",
    ],
)
def test_main_mentioned_in_a_script_or_comment_does_not_hide_the_page(noise):
    """has_main is decided by a regex over the raw text: "<article" or "<main" in a
    script or a comment makes the reader skip every block of a page that has no
    real <main>, and the page is refused as having no items."""
    page = (
        f"<html><head>{noise}</head><body><div id=content><h2>Recommendations</h2>"
        "<p>The force should make sure that it answers calls promptly.</p>"
        "</div></body></html>"
    ).encode()
    assert len(_doc_rows("page.html", page)) == 1


@pytest.mark.parametrize(
    ("wording", "codes", "others"),
    [
        ("The Police Federation should act.", ["other"], ["Police Federation"]),
        (
            "The Office of the Police and Crime Commissioner should act.",
            ["pcc"],
            [],
        ),
        (
            "The force\u2019s Professional Standards Department should act.",
            ["chief_constable"],
            [],
        ),
        (
            "The Government Equalities Office should act.",
            ["other"],
            ["Government Equalities Office"],
        ),
    ],
)
def test_bodies_are_named_whole_and_a_forces_department_is_the_force(
    wording, codes, others
):
    found = vocabulary.addressees(wording)
    assert (sorted(found.codes), found.others) == (codes, others)


def test_an_upload_over_the_limit_is_refused_by_its_size_unread(settings):
    from recommendations.forms import ImportTextForm

    settings.IMPORT_DOCUMENT_MAX_BYTES = 100

    class Unreadable(SimpleUploadedFile):
        def read(self, *args):
            raise AssertionError("an upload over the limit was read")

    form = ImportTextForm(
        {
            "kind": "peel",
            "published_on": "2024-02-01",
            "inspectorates": ["hmicfrs"],
            "scope": "this_force",
        },
        {"document": Unreadable("big.pdf", b"%PDF-" + b"x" * 500)},
    )
    assert not form.is_valid()
    assert "The file must be smaller than" in str(form.errors["document"])


# From the second blind set (blind2/): each cause of a miss, as its own test.


def test_an_unnumbered_recommendation_heading_over_a_lettered_list_is_a_lead_in():
    rows = _rows(
        "Cause of concern: Cells had ligature points that were not removed.\n"
        "Recommendation: Within six months, the force should:\n"
        "a) remove every ligature point;\n"
        "b) inspect cells regularly; and\n"
        "c) report its progress every three months.\n"
    )
    assert [(r.reference, r.cause_of_concern, r.target_date) for r in rows] == [
        ("CoC 1", "", ""),
        ("1", "CoC 1", "2025-04-01"),
        ("2", "CoC 1", "2025-04-01"),
        ("3", "CoC 1", "2025-04-01"),
    ]
    assert rows[3].text == "report its progress every three months."


def test_a_paragraph_number_is_never_taken_for_a_footnote_marker():
    rows = _rows(
        "Areas for improvement\n"
        "1.4 We also identified two areas for improvement.\n"
        "\u2022 The force should explain detainees\u2019 rights3 clearly.\n"
        "\u2022 The force should improve custody records.\n"
        "3 Under the Police and Criminal Evidence Act 1984, Code C.\n"
    )
    assert [r.text for r in rows] == [
        "The force should explain detainees\u2019 rights clearly.",
        "The force should improve custody records.",
    ]


def test_a_finding_run_on_after_a_recommendation_is_left_out_and_said_so():
    rows = _rows(
        "Recommendation 2\n"
        "Within 18 months, the Home Office should fund a national capability for\n"
        "vehicle examination. When officers seize a device, they often do not ask\n"
        "for the passcode.\n"
    )
    assert rows[0].text == (
        "Within 18 months, the Home Office should fund a national capability for "
        "vehicle examination."
    )
    assert any("read as findings and left out" in note for note in rows[0].notes)


def test_other_recommendations_do_not_answer_the_cause_of_concern_above():
    page = b"""<html><body><main>
<h4>Cause of concern 1</h4><p>Witnesses wait too long for support.</p>
<h5>Recommendations</h5><p>Within 12 months:</p>
<ol type="a"><li>NHS England should commission support services.</li></ol>
<h4>Other recommendations</h4>
<h5>To the Home Office and the Ministry of Justice:</h5>
<ul><li>Revise the Victims' Code.</li></ul>
<h5>To the police service:</h5>
<p>The police service should adopt one screening tool.</p>
</main></body></html>"""
    rows = _doc_rows("joint.html", page)
    assert [(r.reference, r.cause_of_concern, r.owners) for r in rows] == [
        ("CoC 1", "", "other"),
        ("1", "CoC 1", "other"),
        ("2", "", "home_office; other"),
        ("3", "", "chief_constable"),
    ]


def test_a_place_keeps_its_name_and_custody_staff_are_the_force():
    found = vocabulary.addressees(
        "The force and Calderbrook Borough Council should move children."
    )
    assert found.others == ["Calderbrook Borough Council"]
    assert vocabulary.addressees("Custody staff should record it.").codes == [
        "chief_constable"
    ]


def test_a_table_headed_what_we_recommend_who_when_is_a_table_of_items():
    page = b"""<html><body><main><h2>Recommendations</h2><table>
<tr><th>Ref</th><th>What we recommend</th><th>Who</th><th>When</th></tr>
<tr><td>1</td><td>Publish a roads policing strategy.</td><td>Chief constables</td>
<td>By the end of 2025</td></tr>
<tr><td>2</td><td>Share collision data with forces.</td><td>Local authorities</td>
<td>Ongoing</td></tr></table></main></body></html>"""
    rows = _doc_rows("roads.html", page)
    assert [(r.reference, r.owners, r.other_owners, r.target_date) for r in rows] == [
        ("1", "chief_constable", "", "2025-12-31"),
        ("2", "other", "Local authorities", ""),
    ]
