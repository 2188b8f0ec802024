import datetime as dt

import pytest
from django.urls import reverse

from recommendations.loading import vocabulary
from recommendations.loading.files import FileRefused
from recommendations.loading.textparse import draft_from_text

PUBLISHED = dt.date(2020, 12, 17)

SAFE_TO_SHARE = """
Recommendations

Recommendation 1
As an interim measure, where officers only have concerns or doubts about a victim's
immigration status, they immediately stop sharing information on domestic abuse
victims with Immigration Enforcement. Instead, police officers should link the
victim to a third party that can provide advice and assistance.

Recommendation 2: The Home Office should review the legal framework and policy.

Recommendation 3 \u2013 Within six months, the Home Office and the NPCC should develop a
safeguarding protocol on the police approach to migrant victims and witnesses.
"""


def _rows(text, published=PUBLISHED):
    return draft_from_text(text, report={}, published=published).rows


def test_headings_split_the_items_and_give_references():
    rows = _rows(SAFE_TO_SHARE)
    assert [(r.kind, r.reference) for r in rows] == [
        ("recommendation", "1"),
        ("recommendation", "2"),
        ("recommendation", "3"),
    ]
    assert rows[0].text.startswith("As an interim measure, where officers only")
    assert "immigration status, they immediately" in rows[0].text  # lines joined


def test_owners_are_proposed_from_the_addressee():
    rows = _rows(SAFE_TO_SHARE)
    assert rows[1].owners == "home_office"
    assert set(rows[2].owners.split("; ")) == {"home_office", "npcc"}
    # "police officers should..." is the force's officers: the chief constable.
    assert rows[0].owners == "chief_constable"


def test_police_named_only_loosely_is_a_guess_flagged_for_checking():
    rows = _rows("Recommendation 1\nFrontline officers should record every call.")
    assert rows[0].owners == "chief_constable"
    assert any("guessed" in note for note in rows[0].notes)


@pytest.mark.parametrize(
    ("wording", "owners"),
    [
        ("Chief constables should review their policies.", {"chief_constable"}),
        ("All police and crime commissioners should publish plans.", {"pcc"}),
        ("The Association of Police and Crime Commissioners should lead.", {"apcc"}),
        (
            "The College of Policing and the IOPC should issue guidance.",
            {"college_of_policing", "iopc"},
        ),
        ("The force should improve how it records crime.", {"chief_constable"}),
        # "HMICFRS will ..." is addressed to HMICFRS only (issue 15).
        ("HMICFRS will re-inspect in 2024; forces should prepare.", {"hmicfrs"}),
    ],
)
def test_owners_from_varied_wording(wording, owners):
    rows = _rows(f"Recommendation 1\n{wording}")
    assert set(rows[0].owners.split("; ")) == owners


@pytest.mark.parametrize(
    ("wording", "expected"),
    [
        ("By 31 March 2022, chief constables should act.", dt.date(2022, 3, 31)),
        ("Not later than 31 March 2025 those forces should act.", dt.date(2025, 3, 31)),
        ("Within six months, forces should act.", dt.date(2021, 6, 17)),
        ("Within 12 months, forces should act.", dt.date(2021, 12, 17)),
        ("Within a year, forces should act.", dt.date(2021, 12, 17)),
        ("By March 2023, forces should act.", dt.date(2023, 3, 31)),
        ("By the end of 2023, forces should act.", dt.date(2023, 12, 31)),
        ("Forces should immediately stop doing this.", PUBLISHED),
        ("Forces should act.", None),
    ],
)
def test_target_dates_from_the_wording(wording, expected):
    row = _rows(f"Recommendation 1\n{wording}")[0]
    assert (dt.date.fromisoformat(row.target_date) if row.target_date else None) == (
        expected
    )
    if expected:
        assert any(note.startswith("Target date from") for note in row.notes)


def test_months_are_counted_to_a_real_day():
    # Six months from 31 August is the last day of February, in a leap year too.
    assert vocabulary.add_months(dt.date(2023, 8, 31), 6) == dt.date(2024, 2, 29)
    assert vocabulary.add_months(dt.date(2022, 8, 31), 6) == dt.date(2023, 2, 28)
    assert vocabulary.add_months(dt.date(2022, 11, 30), 3) == dt.date(2023, 2, 28)


def test_causes_of_concern_link_their_recommendations_and_afis_do_not():
    text = """
Cause of concern
The force does not understand the demand it faces.

Recommendation 1
Within three months, the force should analyse its demand.

Recommendation 2
The force should act on the analysis.

Area for improvement 1
The force should improve its call handling.

Recommendation 3
The force should train its staff.
"""
    rows = _rows(text)
    assert [(r.reference, r.cause_of_concern) for r in rows] == [
        ("CoC 1", ""),
        ("1", "CoC 1"),
        ("2", "CoC 1"),
        ("AFI 1", ""),
        ("3", ""),
    ]


def test_afi_abbreviation_and_numbered_causes():
    rows = _rows("Cause of concern 2: Demand.\nAFI 4. The force should record.")
    assert [(r.kind, r.reference) for r in rows] == [
        ("cause_of_concern", "CoC 2"),
        ("area_for_improvement", "AFI 4"),
    ]


def test_a_numbered_list_without_headings_is_read_as_recommendations():
    rows = _rows(
        "1. Chief constables should do one thing.\n2) The Home Office should "
        "do\nanother thing."
    )
    assert [r.reference for r in rows] == ["1", "2"]
    assert rows[1].text == "The Home Office should do another thing."


def test_hyphenation_from_pdfs_is_joined():
    rows = _rows("Recommendation 1\nChief constables should estab-\nlish pathways.")
    assert rows[0].text == "Chief constables should establish pathways."


def test_text_with_no_recognisable_items_is_refused():
    with pytest.raises(FileRefused, match="No recommendations"):
        _rows("This report found that the force is good at most things.")


@pytest.mark.parametrize(
    "wording",
    [
        "by March 0000",
        "by the end of 0000",
        "within 99999999 months",
        "within 900000 years",
        "by 31 March 2150",
    ],
)
def test_wording_with_an_impossible_deadline_gives_no_date_not_an_error(wording):
    from recommendations.loading.vocabulary import deadline_from_wording

    assert deadline_from_wording(
        f"Chief constables should do X {wording}.", dt.date(2022, 1, 1)
    ) == (None, "")


@pytest.mark.django_db
def test_pasting_an_impossible_deadline_answers_the_preview(client_for, administrator):
    response = client_for(administrator).post(
        reverse("recommendations:loading_paste"),
        {
            "title": "T",
            "kind": "national_thematic",
            "published_on": "2022-01-01",
            "inspectorates": ["hmicfrs"],
            "scope": "national",
            "text": "Recommendation 1\nChief constables should do X by March 0000.",
        },
    )
    assert response.status_code == 302
