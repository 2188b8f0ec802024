"""The preview page: paginated, with filters and counts, and each row named as the
person's spreadsheet shows it."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from recommendations.loading.preview import Draft, DraftRow
from recommendations.views.loading import ROWS_PER_PAGE, SESSION_KEY

from .conftest import GOOD_ROWS, REPORT, make_csv, make_xlsx

PREVIEW = reverse("recommendations:loading_preview")
UPLOAD = reverse("recommendations:loading_upload")
WORDING = (
    "Within six months chief constables should make sure that every vetting "
    "decision is recorded with its reasons, reviewed by a second officer, and "
    "kept where the force's professional standards department can audit it. "
)


def _big_draft(rows: int, bad_every: int = 0) -> Draft:
    report = {key.replace(" ", "_"): value for key, value in REPORT}
    report["published_on"] = "02/11/2022"
    return Draft(
        source="big.xlsx",
        report=report,
        rows=[
            DraftRow(
                line=n + 2,
                sheet="Items",
                reference=str(n + 1),
                kind="recommendation",
                owners="Nobody" if bad_every and n % bad_every == 0 else "PCC",
                text=f"{WORDING}Item {n + 1}.",
                target_date="31/03/2024",
            )
            for n in range(rows)
        ],
    )


def _keep(client, draft: Draft) -> None:
    session = client.session
    session[SESSION_KEY] = draft.to_session()
    session.save()


def _row_ids(html: str) -> list[int]:
    return [int(found) for found in re.findall(r'<tr [^>]*id="row-(\d+)"', html)]


def test_a_5000_row_preview_page_is_well_under_300_kb(client_for, administrator):
    client = client_for(administrator)
    _keep(client, _big_draft(5000, bad_every=7))
    response = client.get(PREVIEW)
    assert response.status_code == 200
    assert len(response.content) < 300 * 1024, len(response.content)
    html = response.content.decode()
    assert len(_row_ids(html)) == ROWS_PER_PAGE
    # The last page too, and the errors' page: each well under the bound.
    for query in ({"page": 50}, {"show": "errors", "page": 2}):
        assert len(client.get(PREVIEW, query).content) < 300 * 1024


def test_every_page_gives_the_counts_and_the_rows_of_that_page(
    client_for, administrator
):
    client = client_for(administrator)
    _keep(client, _big_draft(250, bad_every=10))
    for page, ids in ((1, range(0, 100)), (3, range(200, 250))):
        html = client.get(PREVIEW, {"page": page}).content.decode()
        assert _row_ids(html) == list(ids)
        assert "A new report with 250 items" in html
        assert "rows with errors (25)" in html
        assert f"Rows {ids[0] + 1} to {ids[-1] + 1} of 250." in html
        assert 'aria-label="Page 3"' in html


def test_the_errors_filter_shows_only_rows_with_errors(client_for, administrator):
    client = client_for(administrator)
    _keep(client, _big_draft(250, bad_every=10))
    html = client.get(PREVIEW, {"show": "errors"}).content.decode()
    assert _row_ids(html) == list(range(0, 250, 10))
    assert "<strong>rows with errors (25)</strong>" in html


def test_the_error_summary_links_each_error_to_the_page_that_shows_its_row(
    client_for, administrator
):
    client = client_for(administrator)
    _keep(client, _big_draft(2500, bad_every=2))  # 1,250 rows with errors
    html = client.get(PREVIEW).content.decode()
    links = re.findall(r'<li><a href="([^"]+)">Items sheet, row (\d+): Unknown', html)
    assert len(links) == 50
    assert links[0] == ("/loading/preview/?show=errors&amp;page=1#row-0", "2")
    assert "show every row with errors" in html
    # The summary's pages exist and show the rows they link to.
    page = client.get(PREVIEW, {"show": "errors", "page": 1}).content.decode()
    assert 'id="row-98"' in page


def test_a_page_past_the_end_shows_the_last_page(client_for, administrator):
    client = client_for(administrator)
    _keep(client, _big_draft(150))
    html = client.get(PREVIEW, {"page": 99}).content.decode()
    assert _row_ids(html) == list(range(100, 150))


def test_an_xlsx_rows_error_names_its_sheet_and_row(client_for, administrator):
    client = client_for(administrator)
    bad = ["3", "recommendation", "Chief Constabel", "Some wording.", "", "", "no"]
    client.post(
        UPLOAD, {"file": SimpleUploadedFile("v.xlsx", make_xlsx([*GOOD_ROWS, bad]))}
    )
    html = client.get(PREVIEW).content.decode()
    assert "Items sheet, row 6: Unknown owner: Chief Constabel." in html
    assert '<td class="govuk-table__cell">Items sheet, row 6</td>' in html


def test_a_csv_rows_error_names_its_row(client_for, administrator):
    client = client_for(administrator)
    bad = ["3", "recommendation", "Chief Constabel", "Some wording.", "", "", "no"]
    client.post(
        UPLOAD, {"file": SimpleUploadedFile("v.csv", make_csv([*GOOD_ROWS, bad]))}
    )
    assert (
        "Row 13: Unknown owner: Chief Constabel."
        in client.get(PREVIEW).content.decode()
    )


@pytest.mark.parametrize("role", ["staff", "reviewer", "panel", "outsider"])
def test_only_administrators_see_the_preview_pages(request, client_for, role):
    client = client_for(request.getfixturevalue(role))
    _keep(client, _big_draft(3))
    assert client.get(PREVIEW, {"page": 1}).status_code == 403
