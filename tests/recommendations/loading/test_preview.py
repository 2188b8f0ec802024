import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from recommendations import services
from recommendations.loading.files import read_upload
from recommendations.loading.preview import check, draft_from_rows
from recommendations.models import Item

from .conftest import GOOD_ROWS, REPORT, make_csv


def _preview(rows, report=REPORT):
    data = make_csv(rows, report=report)
    return check(draft_from_rows("test.csv", read_upload("test.csv", data).rows))


@pytest.mark.django_db
def test_a_good_file_has_no_errors_and_reads_aliases():
    preview = _preview(GOOD_ROWS)
    assert not preview.has_errors
    assert preview.report["kind"] == "national_thematic"
    assert preview.report["published_on"] == dt.date(2022, 11, 2)
    rows = {row.reference: row for row in preview.rows}
    assert rows["1"].owners == ["chief_constable"]
    assert sorted(rows["2"].owners) == ["home_office", "npcc"]
    assert rows["AFI 1"].kind == Item.Kind.AREA_FOR_IMPROVEMENT
    assert rows["1"].target_date == dt.date(2023, 4, 30)
    assert rows["1"].cause_of_concern == "CoC 1"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("row", "message"),
    [
        (["9", "recommendation", "PCC", "", "", "", "no"], "Enter the item's text"),
        (
            [
                "9",
                "recommendation",
                "Chief Constabel",
                "Long enough text here.",
                "",
                "",
                "no",
            ],
            "Unknown owner: Chief Constabel",
        ),
        (
            ["9", "recommendation", "", "Long enough text here.", "", "", "no"],
            "Enter at least one owner",
        ),
        (
            [
                "9",
                "recommendation",
                "PCC",
                "Long enough text here.",
                "31/02/2024",
                "",
                "no",
            ],
            "31/02/2024 is not a real date",
        ),
        (
            ["9", "recommendation", "PCC", "Long enough text here.", "soon", "", "no"],
            "soon is not a date",
        ),
        (
            ["1", "recommendation", "PCC", "Long enough text here.", "", "", "no"],
            "Reference 1 is used twice",
        ),
        (
            ["9", "recommendation", "PCC", "Long enough text here.", "", "CoC 7", "no"],
            "Unknown cause of concern",
        ),
        (
            ["9", "suggestion", "PCC", "Long enough text here.", "", "", "no"],
            "Unknown kind",
        ),
        (
            ["", "recommendation", "PCC", "Long enough text here.", "", "", "no"],
            "Enter the item's reference",
        ),
        (
            ["9", "recommendation", "PCC", "Long enough text here.", "", "", "maybe"],
            "must be yes or no",
        ),
    ],
)
def test_each_bad_row_gets_its_own_error(row, message):
    preview = _preview([*GOOD_ROWS, row])
    assert preview.has_errors
    bad = preview.rows[-1]
    assert any(message in error for error in bad.errors), bad.errors
    assert all(not r.errors for r in preview.rows[:-1])


@pytest.mark.django_db
def test_warnings_do_not_block_loading():
    preview = _preview([["1", "recommendation", "PCC", "Too short", "", "", "no"]])
    assert not preview.has_errors
    warnings = preview.rows[0].warnings
    assert any("very short" in w for w in warnings)


@pytest.mark.django_db
def test_a_target_date_before_publication_is_an_error():
    """The first target date is the item's permanent original: it cannot be before
    the report it answers was published."""
    preview = _preview(
        [["1", "recommendation", "PCC", "A long enough text", "01/01/2020", "", "no"]]
    )
    assert preview.has_errors
    assert any("before the report was published" in e for e in preview.rows[0].errors)


@pytest.mark.django_db
def test_report_errors():
    report = [
        ("title", ""),
        ("kind", "gossip"),
        ("published on", "2999-01-01"),
        ("inspectorates", "Ofsted; Nobody"),
    ]
    preview = _preview(GOOD_ROWS, report=report)
    assert set(preview.report_errors) == {
        "title",
        "kind",
        "published_on",
        "inspectorates",
    }


@pytest.mark.django_db
def test_reimport_recognises_the_report_and_compares_items(administrator):
    first = _preview(GOOD_ROWS)
    services.report_import(draft=first.draft, actor=administrator)
    changed = [row[:] for row in GOOD_ROWS]
    changed[2][3] = (
        "Summary: a recommendation to the Home Office and the NPCC, revised."
    )
    changed.append(
        [
            "3",
            "recommendation",
            "College of Policing",
            "Summary: a new recommendation.",
            "",
            "",
            "yes",
        ]
    )
    again = _preview(changed)
    assert again.existing is not None
    states = {row.reference: row.state for row in again.rows}
    assert states == {
        "CoC 1": "unchanged",
        "1": "unchanged",
        "2": "changed",
        "AFI 1": "unchanged",
        "3": "new",
    }
    assert again.rows[2].changes == ["text"]


@pytest.mark.django_db
def test_reimport_is_recognised_by_title_and_date_without_a_reference(administrator):
    report = [r for r in REPORT if r[0] != "hmicfrs reference"]
    services.report_import(
        draft=_preview(GOOD_ROWS, report=report).draft, actor=administrator
    )
    retitled = [("title", r[1].upper()) if r[0] == "title" else r for r in report]
    assert _preview(GOOD_ROWS, report=retitled).existing is not None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "variant",
    [
        "An Inspection of Vetting, Misconduct and Misogyny in the Police Service",
        "An inspection of vetting - misconduct, and misogyny in the police-service",
        "an inspection of vetting, misconduct, and misogyny in the police service.",
        "An inspection of vetting, misconduct, and misogyny in the police service ",
        "An inspection of vetting, misconduct and misogyny in the police service",
    ],
)
def test_a_title_differing_only_by_case_punctuation_or_hyphens_is_the_same_report(
    administrator, variant
):
    report = [r for r in REPORT if r[0] != "hmicfrs reference"]
    services.report_import(
        draft=_preview(GOOD_ROWS, report=report).draft, actor=administrator
    )
    retitled = [("title", variant) if r[0] == "title" else r for r in report]
    again = _preview(GOOD_ROWS, report=retitled)
    assert again.existing is not None
    assert {row.state for row in again.rows} == {"unchanged"}


@pytest.mark.django_db
def test_another_title_or_date_is_another_report(administrator):
    report = [r for r in REPORT if r[0] != "hmicfrs reference"]
    services.report_import(
        draft=_preview(GOOD_ROWS, report=report).draft, actor=administrator
    )
    other_title = [
        ("title", "An inspection of vetting in the police service")
        if r[0] == "title"
        else r
        for r in report
    ]
    other_date = [
        ("published on", "03/11/2022") if r[0] == "published on" else r for r in report
    ]
    assert _preview(GOOD_ROWS, report=other_title).existing is None
    assert _preview(GOOD_ROWS, report=other_date).existing is None


@pytest.mark.django_db
def test_a_reimported_target_date_that_differs_is_reported_never_written(
    administrator,
):
    services.report_import(draft=_preview(GOOD_ROWS).draft, actor=administrator)
    item = Item.objects.get(reference="1")
    history_before = item.history.count()
    moved = [row[:] for row in GOOD_ROWS]
    moved[1][4] = "31/12/2023"  # the tracker has 30 April 2023
    again = _preview(moved)
    row = next(r for r in again.rows if r.reference == "1")
    assert row.state == "unchanged"
    assert any("only through a date request" in w for w in row.warnings)
    result = services.report_import(
        draft=again.draft, actor=administrator, update_changed=True
    )
    assert result.updated == 0
    item.refresh_from_db()
    assert item.target_date == item.original_target_date == dt.date(2023, 4, 30)
    assert item.history.count() == history_before  # no empty history row
    # The next upload says the same: nothing to change.
    assert next(r for r in _preview(moved).rows if r.reference == "1").state == (
        "unchanged"
    )


@pytest.mark.django_db
def test_a_first_target_date_from_a_reimport_is_set_and_then_unchanged(
    administrator,
):
    services.report_import(draft=_preview(GOOD_ROWS).draft, actor=administrator)
    item = Item.objects.get(reference="CoC 1")
    assert item.target_date is None
    dated = [row[:] for row in GOOD_ROWS]
    dated[0][4] = "30/06/2023"
    again = _preview(dated)
    row = next(r for r in again.rows if r.reference == "CoC 1")
    assert (row.state, row.changes) == ("changed", ["target date"])
    result = services.report_import(
        draft=again.draft, actor=administrator, update_changed=True
    )
    assert result.updated == 1
    item.refresh_from_db()
    assert item.target_date == item.original_target_date == dt.date(2023, 6, 30)
    assert "target date" in item.history.first().history_change_reason
    assert next(r for r in _preview(dated).rows if r.reference == "CoC 1").state == (
        "unchanged"
    )


def _report_rows(published, ref, items):
    return [
        ["title", "Custody"],
        ["kind", "force"],
        ["published on", published],
        ["hmicfrs reference", ref],
        ["scope", "this force"],
        ["reference", "kind", "owners", "text", "target date", "cause of concern"],
        *items,
    ]


@pytest.mark.django_db
def test_a_reimport_checks_target_dates_against_the_loaded_publication_date(
    administrator,
):
    first = draft_from_rows(
        "a.csv",
        _report_rows(
            "2023-06-01",
            "HMI-1",
            [
                [
                    "1",
                    "recommendation",
                    "Chief Constable",
                    "Do the custody thing",
                    "",
                    "",
                ]
            ],
        ),
    )
    report = services.report_import(draft=first, actor=administrator).report
    # The same report (by HMICFRS reference), its publication date mistyped.
    again = check(
        draft_from_rows(
            "b.csv",
            _report_rows(
                "2022-01-01",
                "HMI-1",
                [
                    [
                        "1",
                        "recommendation",
                        "Chief Constable",
                        "Do the custody thing",
                        "2022-06-30",
                        "",
                    ],
                    [
                        "2",
                        "recommendation",
                        "Chief Constable",
                        "A second new one here",
                        "2022-07-31",
                        "",
                    ],
                ],
            ),
        )
    )
    assert again.existing == report
    assert "the tracker has 1 June 2023" in again.report_errors["published_on"]
    new = next(row for row in again.rows if row.reference == "2")
    assert any("before the report was published" in e for e in new.errors)
    with pytest.raises(ValidationError):
        services.report_import(
            draft=again.draft, actor=administrator, update_changed=True
        )
    assert not Item.objects.filter(report=report).exclude(original_target_date=None)


@pytest.mark.django_db
def test_a_reimport_cannot_turn_an_answered_cause_of_concern_into_another_kind(
    administrator,
):
    rows = [
        [
            "CoC 1",
            "cause of concern",
            "Chief Constable",
            "Vetting is poor in places",
            "",
            "",
        ],
        [
            "1",
            "recommendation",
            "Chief Constable",
            "Fix vetting within the force",
            "",
            "CoC 1",
        ],
    ]
    services.report_import(
        draft=draft_from_rows("a.csv", _report_rows("2023-06-01", "", rows)),
        actor=administrator,
    )
    changed = [row[:] for row in rows]
    changed[0][1] = "recommendation"
    again = check(draft_from_rows("b.csv", _report_rows("2023-06-01", "", changed)))
    cause = next(row for row in again.rows if row.reference == "CoC 1")
    assert any(
        "Recommendations answer this cause of concern" in e for e in cause.errors
    )
    assert Item.objects.get(reference="CoC 1").kind == Item.Kind.CAUSE_OF_CONCERN
