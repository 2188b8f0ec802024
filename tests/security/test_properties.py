"""Property-based tests: arbitrary text, dates, ids and files thrown at every form
and at the import parser. Never a server error, never a partial save."""

import datetime as dt
import io
import zipfile

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from oversight.models import TargetDateChange
from recommendations.loading.files import FileRefused, read_upload
from recommendations.loading.preview import check, draft_from_rows
from recommendations.loading.textparse import draft_from_text
from recommendations.models import Item, Owner, ProgressUpdate
from recommendations.text import clean_text

RUNS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
junk = st.text(max_size=300)
dates = st.one_of(
    junk,
    st.dates(min_value=dt.date(1, 1, 1)).map(lambda d: d.isoformat()),
    st.sampled_from(["2026-02-30", "31/02/2026", "0000-00-00", "9999-12-31", ""]),
)
ids = st.one_of(st.integers(min_value=-(2**63), max_value=2**63 - 1).map(str), junk)


def _counts():
    return (
        Item.objects.count(),
        ProgressUpdate.objects.count(),
        Item.history.count(),
        TargetDateChange.objects.count(),
    )


@RUNS
@given(text=junk, status=junk, reason=junk, link=junk, version=ids)
def test_progress_form_never_errors_or_half_saves(
    client_for, staff, item, text, status, reason, link, version
):
    before = _counts()
    response = client_for(staff).post(
        reverse("recommendations:item_progress", args=[item.pk]),
        {
            "version": version,
            "text": text,
            "status_to": status,
            "status_reason": reason,
            "evidence_link": link,
        },
    )
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert _counts() == before


@RUNS
@given(lead=ids, team=junk, target=dates, reason=junk, version=ids)
def test_edit_form_never_errors_or_half_saves(
    client_for, staff, item, lead, team, target, reason, version
):
    before = _counts()
    response = client_for(staff).post(
        reverse("recommendations:item_edit", args=[item.pk]),
        {
            "version": version,
            "lead": lead,
            "lead_team": team,
            "target_date": target,
            "reason": reason,
        },
    )
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert _counts() == before


@RUNS
@given(new_date=dates, reason=junk)
def test_date_request_form_never_errors(client_for, staff, item, new_date, reason):
    before = _counts()
    response = client_for(staff).post(
        reverse("oversight:date_request", args=[item.pk]),
        {"new_date": new_date, "reason": reason},
    )
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert _counts() == before


@RUNS
@given(
    query=st.dictionaries(
        st.sampled_from(
            [
                "q",
                "status",
                "owner",
                "rag",
                "lead",
                "report",
                "kind",
                "target_from",
                "target_to",
                "sort",
                "page",
                "as_at",
                "overdue",
            ]
        ),
        junk,
        max_size=6,
    )
)
def test_item_list_takes_any_query(client_for, panel, item, query):
    """Any query answers the page, or 400 for a NUL byte (refused before any view:
    see test_nul_bytes)."""
    response = client_for(panel).get(reverse("recommendations:item_list"), query)
    has_nul = any("\x00" in key or "\x00" in value for key, value in query.items())
    assert response.status_code == (400 if has_nul else 200)


@RUNS
@given(
    data=st.binary(max_size=4000),
    name=st.sampled_from(["a.csv", "a.xlsx", "a.xlsm", "a"]),
)
def test_parser_refuses_or_reads_any_bytes(data, name):
    try:
        read = read_upload(name, data)
        draft = draft_from_rows(name, read.rows)
    except FileRefused:
        return
    check(draft)


TEXT = "Review the call handling criteria within six months."
table_row = st.one_of(
    # Values the checker could accept, mixed with some it must not.
    st.tuples(
        st.sampled_from(["", "R1", "R2", " R1 "]),
        st.sampled_from(["", TEXT]),
        st.sampled_from(["", "PCC", "Chief Constable; NPCC", "nobody"]),
        st.sampled_from(["", "2026-03-01", "31/02/2026"]),
        st.lists(junk, max_size=4),
    ).map(lambda cells: [*cells[:4], *cells[4]]),
    st.lists(junk, max_size=8),
)


@RUNS
@given(cells=st.lists(table_row, max_size=20))
# Always tried: a row missing only its reference, and a reference used twice.
@example(cells=[["", TEXT, "PCC", ""]])
@example(cells=[["R1", TEXT, "PCC", ""], ["R1", TEXT, "NPCC", ""]])
def test_parser_checks_any_table(db, cells):
    import csv

    buffer = io.StringIO()
    csv.writer(buffer).writerows(
        [["reference", "text", "owners", "target date"], *cells]
    )
    try:
        read = read_upload("a.csv", buffer.getvalue().encode())
        preview = check(draft_from_rows("a.csv", read.rows))
    except FileRefused:
        return
    # One checked row per row that has anything in it once cleaned (a cell of
    # control characters alone is empty: recommendations.text).
    data_rows = [
        row for row in read.rows[1:] if any(clean_text(str(c)).strip() for c in row)
    ]
    assert len(preview.rows) == len(data_rows)
    # The table has no report section, so the report's title is missing.
    assert "title" in preview.report_errors
    for row in preview.rows:
        if not row.draft.reference.strip() or not row.draft.text.strip():
            assert row.errors, row
        if not row.errors:
            assert row.reference and row.text and row.owners, row
            assert set(row.owners) <= set(Owner.values), row
    references = [row.reference for row in preview.rows if row.reference]
    for reference in {r for r in references if references.count(r) > 1}:
        used_twice = [row for row in preview.rows if row.reference == reference]
        assert any(row.errors for row in used_twice), reference


@RUNS
@given(
    members=st.lists(
        st.tuples(st.text(max_size=30), st.binary(max_size=200)), max_size=5
    )
)
def test_parser_refuses_any_zip_that_is_not_a_workbook(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for index, (name, content) in enumerate(members):
            archive.writestr(f"{index}-{name}"[:60] or "x", content)
    with pytest.raises(FileRefused):
        read_upload("a.xlsx", buffer.getvalue())


@RUNS
@given(text=st.text(max_size=2000), published=st.one_of(st.none(), st.dates()))
def test_text_parser_reads_or_refuses_any_text(text, published):
    try:
        draft = draft_from_text(text, report={}, published=published)
    except FileRefused:
        return
    assert draft.rows


@RUNS
@given(payload=st.dictionaries(junk, junk, max_size=5))
def test_loading_pages_take_any_post(client_for, administrator, payload):
    before = _counts()
    for name in ("loading_paste", "loading_confirm"):
        response = client_for(administrator).post(
            reverse(f"recommendations:{name}"), payload
        )
        assert response.status_code in (302, 400)
    assert _counts() == before
