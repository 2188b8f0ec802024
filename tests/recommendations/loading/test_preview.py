import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from recommendations import services
from recommendations.loading.files import read_upload
from recommendations.loading.preview import (
    Draft,
    DraftRow,
    check,
    draft_from_rows,
    next_reference,
    propose_split,
    several_items,
)
from recommendations.loading.textparse import draft_from_text
from recommendations.models import Item, Report

from .conftest import GOOD_ROWS, REPORT, make_csv, make_xlsx


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


# References: the same whatever their case or spacing.


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("variant", "shown"),
    [("afi 1", "afi 1"), ("AFI 1 ", "AFI 1"), ("AFI  1", "AFI 1"), (" Afi 1", "Afi 1")],
)
def test_references_differing_by_case_or_spaces_are_duplicates(variant, shown):
    row = [variant, "AFI", "PCC", "Another area for improvement.", "", "", "no"]
    preview = _preview([*GOOD_ROWS, row])
    assert preview.rows[-1].errors == [
        f"Reference {shown} is used twice (also Row 12)."
    ]


@pytest.mark.django_db
def test_a_reference_is_kept_without_its_extra_spaces():
    row = ["AFI  2 ", "AFI", "PCC", "Another area for improvement.", "", "", "no"]
    assert _preview([*GOOD_ROWS, row]).rows[-1].reference == "AFI 2"


@pytest.mark.django_db
def test_a_cause_of_concern_is_found_whatever_the_case_of_its_reference():
    rows = [row[:] for row in GOOD_ROWS]
    rows[1][5] = "coc  1"
    preview = _preview(rows)
    assert not preview.has_errors
    assert not any("No recommendation is linked" in w for w in preview.rows[0].warnings)


@pytest.mark.django_db
def test_a_reimport_matches_loaded_items_whatever_the_case_of_references(
    administrator,
):
    services.report_import(draft=_preview(GOOD_ROWS).draft, actor=administrator)
    rows = [row[:] for row in GOOD_ROWS]
    rows[0][0] = "coc 1"
    rows[1][5] = "COC 1"
    rows[3][0] = "afi  1"
    again = _preview(rows)
    assert [row.state for row in again.rows] == ["unchanged"] * 4
    result = services.report_import(
        draft=again.draft, actor=administrator, update_changed=True
    )
    assert (result.added, result.unchanged) == (0, 4)
    assert sorted(Item.objects.values_list("reference", flat=True)) == [
        "1",
        "2",
        "AFI 1",
        "CoC 1",
    ]


# Where a problem is: the sheet and the row as Excel shows them.


@pytest.mark.django_db
def test_the_services_refusal_names_the_sheet_and_row_of_each_error(administrator):
    bad = ["3", "recommendation", "Chief Constabel", "Some wording.", "", "", "no"]
    data = make_xlsx([*GOOD_ROWS, bad])
    draft = draft_from_rows("a.xlsx", read_upload("a.xlsx", data).rows)
    with pytest.raises(ValidationError) as refused:
        services.report_import(draft=draft, actor=administrator)
    # The header is the Items sheet's row 1; the fifth item is its row 6.
    assert refused.value.messages == [
        "Items sheet, row 6: Unknown owner: Chief Constabel."
    ]


@pytest.mark.django_db
def test_a_duplicate_names_the_other_rows_sheet_and_row():
    row = ["afi 1", "AFI", "PCC", "Another area for improvement.", "", "", "no"]
    data = make_xlsx([*GOOD_ROWS, row])
    preview = check(draft_from_rows("a.xlsx", read_upload("a.xlsx", data).rows))
    assert preview.rows[-1].errors == [
        "Reference afi 1 is used twice (also Items sheet, row 5)."
    ]


def test_rows_from_text_are_named_as_items():
    draft = draft_from_text(
        "Recommendation 1\nThe force should act.\nRecommendation 2\nThe PCC "
        "should act.",
        report={},
        published=None,
    )
    assert [row.place for row in draft.rows] == ["Item 1", "Item 2"]


# Kinds and dates a file leaves to be inferred, said in the row's checks.


@pytest.mark.django_db
def test_a_kind_taken_from_the_reference_is_said_among_the_rows_checks():
    header = ["reference", "owners", "text", "target date"]
    rows = [["AFI 3", "PCC", "An area for improvement here.", "31/03/2027"]]
    data = make_csv(rows, header=header)
    row = check(draft_from_rows("a.csv", read_upload("a.csv", data).rows)).rows[0]
    assert row.kind == Item.Kind.AREA_FOR_IMPROVEMENT
    assert "Kind taken from the reference AFI 3." in row.warnings


@pytest.mark.django_db
def test_a_row_with_no_kind_and_a_reference_that_says_none_is_a_recommendation_said():
    header = ["reference", "owners", "text"]
    rows = [["X1", "PCC", "Something to do about it."]]
    data = make_csv(rows, header=header)
    row = check(draft_from_rows("a.csv", read_upload("a.csv", data).rows)).rows[0]
    assert row.kind == Item.Kind.RECOMMENDATION
    assert "No kind is given: it is read as a recommendation." in row.warnings


@pytest.mark.django_db
def test_a_target_month_is_its_last_day_with_a_warning():
    row = ["3", "recommendation", "PCC", "A long enough text.", "March 2027", "", "no"]
    checked = _preview([*GOOD_ROWS, row]).rows[-1]
    assert checked.target_date == dt.date(2027, 3, 31)
    assert any("read as the end of that month" in w for w in checked.warnings)


@pytest.mark.django_db
def test_a_month_first_target_date_is_an_error_saying_day_first():
    row = ["3", "recommendation", "PCC", "A long enough text.", "03/31/2027", "", "no"]
    checked = _preview([*GOOD_ROWS, row]).rows[-1]
    assert any("dates are read as day/month/year" in e for e in checked.errors)


@pytest.mark.django_db
def test_an_excel_serial_target_date_is_read():
    row = ["3", "recommendation", "PCC", "A long enough text.", "46477", "", "no"]
    assert _preview([*GOOD_ROWS, row]).rows[-1].target_date == dt.date(2027, 3, 31)


# A row that still looks like several items is pointed out.


@pytest.mark.parametrize(
    "text",
    [
        "Forces should:\n\u2022 review vetting\n\u2022 train vetting staff",
        "Forces should:\n- review vetting\n- train vetting staff",
        "Forces should (a) review vetting and (b) train vetting staff.",
        "Forces should: i. review vetting; ii. train vetting staff.",
    ],
)
def test_bullets_or_a_lettered_list_suggest_a_split(text):
    assert "bullet points or a lettered list" in several_items(text)


def test_and_should_suggests_a_split():
    text = "Chief constables should review vetting and should train vetting staff."
    assert "and should" in several_items(text)


def test_sentences_addressed_to_different_bodies_suggest_a_split():
    text = (
        "The Home Office should review the framework. Chief constables should "
        "train their officers."
    )
    assert "addressed to different bodies" in several_items(text)


@pytest.mark.parametrize(
    "text",
    [
        "Chief constables should review vetting decisions by 30 April 2023.",
        "Chief constables should review vetting. They should also report on it.",
        "The force should act, i.e. now, on section (3) of the plan.",
        "Forces should review vetting - and report - by March.",
    ],
)
def test_one_item_is_not_said_to_be_several(text):
    assert several_items(text) == ""


@pytest.mark.django_db
def test_the_several_items_warning_is_among_the_rows_checks():
    row = [
        "3",
        "recommendation",
        "PCC",
        "The PCC should review X and should publish Y.",
        "",
        "",
        "no",
    ]
    checked = _preview([*GOOD_ROWS, row]).rows[-1]
    assert any("split the row" in warning for warning in checked.warnings)


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Forces should:\n\u2022 review vetting\n\u2022 train staff",
            "Forces should:\n\u2022 review vetting",
            "\u2022 train staff",
        ),
        (
            "Chief constables should review vetting and should train staff.",
            "Chief constables should review vetting.",
            "Chief constables should train staff.",
        ),
        (
            "The Home Office should review it. Chief constables should train staff.",
            "The Home Office should review it.",
            "Chief constables should train staff.",
        ),
        ("Review vetting. Then train staff.", "Review vetting.", "Then train staff."),
        ("Review vetting", "Review vetting", ""),
    ],
)
def test_a_split_is_proposed_where_the_text_changes_item(text, first, second):
    assert propose_split(text) == (first, second)


def test_the_split_off_row_gets_the_next_free_letter():
    assert next_reference("3", {"3"}) == "3b"
    assert next_reference("3", {"3", "3b"}) == "3c"
    assert next_reference("AFI 2b", {"afi 2b"}) == "AFI 2c"
    assert next_reference("  CoC  1 ", set()) == "CoC 1b"


# The draft kept in the session.


def test_a_draft_stored_before_rows_had_ids_and_sheets_still_reads():
    stored = {
        "source": "old.csv",
        "report": {"title": "T"},
        "rows": [
            {"line": 9, "reference": "1", "text": "First", "notes": []},
            {"line": 10, "reference": "2", "text": "Second", "notes": []},
        ],
    }
    draft = Draft.from_session(stored)
    assert [row.id for row in draft.rows] == [0, 1]
    assert [row.place for row in draft.rows] == ["Row 9", "Row 10"]
    assert Draft.from_session(draft.to_session()) == draft


def test_a_stored_field_this_version_does_not_know_is_left_aside():
    stored = {
        "source": "pasted text",
        "report": {},
        "rows": [{"line": 1, "text": "First", "a_later_field": "x"}],
    }
    assert Draft.from_session(stored).rows[0].text == "First"


def test_row_ids_survive_splitting_merging_and_deleting():
    draft = Draft(
        source="a.csv",
        report={},
        rows=[DraftRow(line=n, sheet="", reference=str(n)) for n in (2, 3, 4)],
    )
    second = draft.split_row(0, first_text="a", second_reference="2b", second_text="b")
    assert (second.id, second.place) == (3, "Row 2, part 2")
    assert [row.id for row in draft.rows] == [0, 3, 1, 2]
    draft.merge_with_following(1)
    assert [row.id for row in draft.rows] == [0, 3, 1]
    draft.delete_row(0)
    added = draft.add_row(DraftRow(line=0, reference="9"))
    assert [row.id for row in draft.rows] == [3, 1, 4]
    assert added.place == "Added row 1"


@pytest.mark.django_db
def test_a_draft_with_every_row_deleted_cannot_be_loaded():
    draft = _preview(GOOD_ROWS).draft
    for row in list(draft.rows):
        draft.delete_row(row.id)
    preview = check(draft)
    assert preview.has_errors
    assert "There are no items to load" in preview.report_errors["rows"]


def _numbered(count: int, text: str = "A recommendation, number {n}.") -> list:
    return [
        [str(n), "recommendation", "PCC", text.format(n=n), "", "", "no"]
        for n in range(1, count + 1)
    ]


def _queries(administrator, rows, title: str = "", **options) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    report = [
        (key, title or value) if key == "title" else (key, value)
        for key, value in REPORT
        if key != "hmicfrs reference"
    ]
    draft = _preview(rows, report=report).draft
    with CaptureQueriesContext(connection) as captured:
        services.report_import(draft=draft, actor=administrator, **options)
    return len(captured)


@pytest.mark.django_db
def test_an_import_writes_new_items_and_their_history_in_bulk(administrator):
    """Measured at two sizes: the statements do not grow with the rows (the items
    and their history rows go in bulk), and every item has its history row with
    the administrator and the reason."""
    _queries(administrator, _numbered(1), title="A first report")
    small = _queries(administrator, _numbered(10), title="A second report")
    large = _queries(administrator, _numbered(40), title="A third report")
    assert large == small
    report = Report.objects.get(title="A third report")
    items = list(report.items.all())
    assert len(items) == 40
    for item in items:
        [created] = item.history.all()
        assert created.history_type == "+"
        assert created.history_user == administrator
        assert created.history_change_reason.startswith("Imported from")
        assert created.text == item.text


@pytest.mark.django_db
def test_a_reimport_updating_items_reads_them_once(administrator):
    services.report_import(draft=_preview(_numbered(20)).draft, actor=administrator)
    few = _queries(
        administrator,
        _numbered(20, "Reworded {n}, at length.")[:10] + _numbered(20)[10:],
        update_changed=True,
    )
    many = _queries(
        administrator,
        _numbered(20, "Reworded again {n}, at length."),
        update_changed=True,
    )
    assert many - few == 20
