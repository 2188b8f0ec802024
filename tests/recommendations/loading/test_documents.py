"""A report's PDF and saved web page: read by content, furniture dropped, refused
clearly when they cannot be read. The PDFs are built with reportlab (tests/.../pdfs.py)
with running headers, footers, page numbers, footnotes and ligatures."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from recommendations.loading.files import FileRefused
from recommendations.loading.sources import read_document
from recommendations.loading.textparse import draft_from_blocks

from .pdfs import build_pdf, image_only_pdf

PUBLISHED = dt.date(2022, 11, 2)
FILLER = (
    "We found that the force had made progress since our last inspection, but "
    "that too many of its officers did not understand the standards expected of "
    "them.<super>1</super> "
) * 3

# Wording from "An inspection of vetting, misconduct, and misogyny in the police
# service" (HMICFRS, November 2022), recommendations 1 and 2 (abridged) and the
# finding sentence; the causes of concern layout below is constructed.
VETTING = [
    ("h1", "Summary"),
    ("p", FILLER),
    ("p", "By the end of 2020 only 12 forces had a plan. We make 43 recommendations."),
    ("h2", "Our recommendations"),
    ("h3", "Recommendation 1"),
    (
        "p",
        "By 31 March 2023, chief constables should make sure that their vetting "
        "units are adequately resourced and that there is sufficient ef\ufb01cient "
        "capacity to carry out vetting checks in accordance with the College of "
        "Policing\u2019s vetting authorised professional practice.<super>2</super>",
    ),
    ("h3", "Recommendation 2"),
    (
        "p",
        "The Home Office should, by 31 October 2023, work with the National Police "
        "Chiefs\u2019 Council and the College of Policing to introduce a short- and "
        "long-term strategy for vetting.",
    ),
    ("break", ""),
    ("h2", "Cause of concern"),
    ("p", "The force isn\u2019t responding promptly enough to calls for service."),
    ("h3", "Recommendations"),
    ("p", "Within three months, the force should:"),
    (
        "bullets",
        "make sure it has enough trained call handlers;\n"
        "improve how it records the risk assessment of each call; and\n"
        "review how it manages calls it can\u2019t attend straight away.",
    ),
    ("h3", "Promising practice"),
    ("p", "Call handlers should find the new triage desk a help. " * 3),
]
NOTES = {
    1: [
        "1 HMICFRS, Shining a light on betrayal, September 2019.",
        "2 College of Policing, Vetting APP, 2021.",
    ]
}


def _draft(data, name="report.pdf"):
    document = read_document(name, data)
    return draft_from_blocks(
        document.blocks, report={}, published=PUBLISHED, source=name
    ).rows


def test_a_report_pdf_gives_every_item_without_its_furniture():
    rows = _draft(build_pdf(VETTING, footnotes=NOTES))
    assert [(r.reference, r.cause_of_concern) for r in rows] == [
        ("1", ""),
        ("2", ""),
        ("CoC 1", ""),
        ("3", "CoC 1"),
        ("4", "CoC 1"),
        ("5", "CoC 1"),
    ]
    first = rows[0].text
    assert first.startswith("By 31 March 2023, chief constables should make sure")
    # The footnote marker, the footnotes, the running header and footer are gone;
    # the ligature is mended; lines are joined.
    assert first.endswith("vetting authorised professional practice.")
    assert "efficient capacity" in first
    assert not any(
        "HMICFRS 2022" in r.text or "Shining a light" in r.text for r in rows
    )
    assert not any("An inspection of vetting" in r.text for r in rows)
    assert rows[0].target_date == "2023-03-31"
    assert rows[0].owners == "chief_constable"
    assert rows[1].owners == "home_office"
    assert rows[1].target_date == "2023-10-31"
    assert "short- and long-term strategy" in rows[1].text
    assert {r.target_date for r in rows[3:]} == {"2023-02-02"}
    assert not any("triage desk" in r.text for r in rows)


def test_an_encrypted_pdf_is_refused_saying_so():
    with pytest.raises(FileRefused, match="encrypted"):
        _draft(build_pdf(VETTING, encrypt="secret"))


def test_a_pdf_without_a_text_layer_is_refused_saying_so():
    with pytest.raises(FileRefused, match="no text layer"):
        _draft(image_only_pdf())


def test_a_broken_pdf_is_refused_not_a_crash():
    with pytest.raises(FileRefused, match="could not be read"):
        _draft(b"%PDF-1.7\n" + b"\x00garbage" * 200)


def test_a_file_is_known_by_its_content_not_its_name():
    with pytest.raises(FileRefused, match="PDF or its web page"):
        _draft(b"just some words, no markup", name="report.pdf")
    rows = _draft(build_pdf(VETTING), name="report.html")
    assert rows[0].reference == "1"


def test_the_size_limit_holds(settings):
    settings.IMPORT_DOCUMENT_MAX_BYTES = 1000
    with pytest.raises(FileRefused, match="smaller than"):
        _draft(build_pdf(VETTING))


# A PEEL 2023-25 page as saved from the inspectorate's site (layout constructed
# in its style; wording constructed).
PEEL_PAGE = b"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>PEEL 2023-25: Police effectiveness - Anyshire Police - HMICFRS</title>
<script>document.write('<h2>Recommendation 99</h2><p>Chiefs should run me.</p>')
</script>
</head><body>
<div class="cookie-banner"><p>We use cookies. The force should accept them.</p></div>
<header><nav><ul><li>Home</li><li>Publications</li></ul></nav></header>
<div class="breadcrumbs"><ol><li>Home</li><li>PEEL</li></ol></div>
<main id="content">
<article>
<h1>PEEL 2023&ndash;25 Police effectiveness, efficiency and legitimacy:
Anyshire Police</h1>
<h2>Responding to the public: Requires improvement</h2>
<div class="afi-box"><h3>Area for improvement</h3>
<p>The force should make sure it answers emergency calls promptly.</p></div>
<p>We found that the force answered 80 percent of emergency calls within 10 seconds.</p>
<aside class="promising-practice"><h3>Promising practice</h3>
<p>Call handlers should find the new triage desk helps them.</p></aside>
<h2>Investigating crime: Adequate</h2>
<h3>Areas for improvement</h3>
<ul><li><p>The force should improve the supervision of investigations.</p>
<p>This should include regular reviews.</p></li>
<li>The force should make sure it applies outcomes correctly.</li></ul>
<div class="box innovative-practice"><h3>Innovative practice</h3>
<p>The force should be commended for video calls.</p></div>
<h2>Recommendations</h2>
<p>Chief constables should:</p>
<ol start="3"><li>Review how they share information.</li>
<li>Train every officer.</li></ol>
</article>
</main>
<footer><p>&copy; HMICFRS 2024</p></footer>
</body></html>
"""


def test_a_saved_web_page_is_read_from_its_markup():
    document = read_document("peel.html", PEEL_PAGE)
    assert document.title.startswith("PEEL 2023\u201325 Police effectiveness")
    rows = draft_from_blocks(
        document.blocks, report={}, published=PUBLISHED, source="peel.html"
    ).rows
    assert [(r.reference, r.text) for r in rows] == [
        ("AFI 1", "The force should make sure it answers emergency calls promptly."),
        (
            "AFI 2",
            "The force should improve the supervision of investigations. This "
            "should include regular reviews.",
        ),
        ("AFI 3", "The force should make sure it applies outcomes correctly."),
        ("3", "Review how they share information."),
        ("4", "Train every officer."),
    ]
    assert {r.owners for r in rows} == {"chief_constable"}


@pytest.mark.django_db
def test_uploading_a_report_pdf_opens_its_preview(client_for, administrator):
    client = client_for(administrator)
    response = client.post(
        reverse("recommendations:loading_paste"),
        {
            "title": "An inspection of vetting, misconduct, and misogyny",
            "kind": "national_thematic",
            "published_on": "2022-11-02",
            "inspectorates": ["hmicfrs"],
            "scope": "national",
            "document": SimpleUploadedFile(
                "vetting.pdf", build_pdf(VETTING, footnotes=NOTES)
            ),
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("recommendations:loading_preview"))
    assert b"chief constables should make sure that their vetting" in page.content


@pytest.mark.django_db
def test_a_saved_web_page_gives_the_title_when_none_is_typed(client_for, administrator):
    client = client_for(administrator)
    response = client.post(
        reverse("recommendations:loading_paste"),
        {
            "kind": "peel",
            "published_on": "2024-02-01",
            "inspectorates": ["hmicfrs"],
            "scope": "this_force",
            "document": SimpleUploadedFile("peel.html", PEEL_PAGE),
        },
    )
    assert response.status_code == 302
    draft = client.session["report_import"]
    assert draft["report"]["title"].startswith("PEEL 2023\u201325")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("files", "text", "message"),
    [
        ({}, "", "Choose the report\u2019s PDF"),
        (
            {"document": ("r.pdf", b"%PDF-1.4 broken")},
            "Recommendation 1\nX should.",
            "not more than one",
        ),
        ({"document": ("r.pdf", "encrypted")}, "", "encrypted"),
    ],
)
def test_the_form_says_what_is_wrong(client_for, administrator, files, text, message):
    data = {
        "title": "T",
        "kind": "peel",
        "published_on": "2024-02-01",
        "inspectorates": ["hmicfrs"],
        "scope": "this_force",
        "text": text,
    }
    for field, (name, content) in files.items():
        if content == "encrypted":
            content = build_pdf(VETTING, encrypt="pw")
        data[field] = SimpleUploadedFile(name, content)
    response = client_for(administrator).post(
        reverse("recommendations:loading_paste"), data
    )
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "\u2019").replace(
        "'", "\u2019"
    )


def test_a_pdf_that_takes_too_long_is_refused_not_waited_for(monkeypatch):
    from recommendations.loading import pdf

    monkeypatch.setattr(pdf, "TIME_LIMIT_SECONDS", 0.01)
    with pytest.raises(FileRefused, match="took too long"):
        _draft(build_pdf(VETTING))


def test_the_pdf_is_read_in_a_child_process_that_limits_itself_first(monkeypatch):
    """blocks_from_pdf hands the file to `python -m recommendations.loading.pdf`,
    whose main() sets its memory and CPU limits before it reads a byte."""
    import subprocess
    import sys

    from recommendations.loading import pdf

    calls = []
    real_run = subprocess.run

    def recording(args, **kwargs):
        calls.append(args)
        return real_run(args, **kwargs)

    monkeypatch.setattr(pdf.subprocess, "run", recording)
    assert pdf.blocks_from_pdf(build_pdf(VETTING))
    assert calls == [[sys.executable, "-m", "recommendations.loading.pdf"]]
    # main() in a child, its reader replaced by one that reports the limits.
    probe = (
        "import resource, sys; import recommendations.loading.pdf as p; "
        "p.read = lambda data: print(resource.getrlimit(resource.RLIMIT_AS)[0], "
        "resource.getrlimit(resource.RLIMIT_CPU)[0], file=sys.stderr) or []; "
        "sys.exit(p.main())"
    )
    done = real_run(
        [sys.executable, "-c", probe],
        input=b"%PDF-1.4",
        capture_output=True,
        check=True,
    )
    memory, cpu = map(int, done.stderr.split())
    assert (memory, cpu) == (pdf.MEMORY_LIMIT_BYTES, pdf.TIME_LIMIT_SECONDS)


# Recommendations set out as a table on the report's page (layout constructed in the
# inspectorate's style; wording constructed).
TABLE_PAGE = b"""<!DOCTYPE html><html><head><title>Custody - HMICFRS</title></head>
<body><main>
<h1>Custody services in Anyshire</h1>
<h2>Recommendations</h2>
<table>
<thead><tr><th>No.</th><th>Recommendation</th><th>Owner</th><th>Deadline</th></tr></thead>
<tbody>
<tr><td>1</td><td>Make sure every use of force in custody is recorded.</td>
<td>Chief constable</td><td>31 March 2024</td></tr>
<tr><td>2</td><td>Commission a health service for detainees at night.</td>
<td>Police and crime commissioner; NHS England</td><td>Within six months</td></tr>
<tr><td>AFI 1</td><td>Improve the recording of detainees' property.</td>
<td>Chief constable</td><td>March 2025</td></tr>
</tbody></table>
<table><tr><td>Detainees held</td><td>4,012</td></tr></table>
</main></body></html>"""


def test_a_table_of_recommendations_gives_one_item_per_row_with_its_columns():
    document = read_document("custody.html", TABLE_PAGE)
    rows = draft_from_blocks(
        document.blocks, report={}, published=dt.date(2023, 10, 2), source="x"
    ).rows
    assert [
        (r.reference, r.kind, r.owners, r.other_owners, r.target_date) for r in rows
    ] == [
        ("1", "recommendation", "chief_constable", "", "2024-03-31"),
        ("2", "recommendation", "pcc; other", "NHS England", "2024-04-02"),
        ("AFI 1", "area_for_improvement", "chief_constable", "", "2025-03-31"),
    ]
    assert rows[0].text == "Make sure every use of force in custody is recorded."


def test_a_pdf_with_bytes_before_its_header_is_still_a_pdf():
    rows = _draft(b"\xef\xbb\xbfjunk\n" + build_pdf(VETTING))
    assert rows[0].reference == "1"
