"""The layouts HMICFRS publishes, pasted as text: every item out, nothing merged.

Wording marked "constructed" is written for the test in the inspectorate's style;
the rest is from the reports named.
"""

import datetime as dt

import pytest

from recommendations.loading import vocabulary
from recommendations.loading.document import blocks_from_text, join_lines
from recommendations.loading.files import FileRefused
from recommendations.loading.textparse import draft_from_text

PUBLISHED = dt.date(2022, 11, 2)


def _rows(text, published=PUBLISHED):
    return draft_from_text(text, report={}, published=published).rows


def _summary(rows):
    return [(r.reference, r.kind, r.cause_of_concern) for r in rows]


# PEEL 2021/22 layout (constructed wording in its style).
CAUSE_WITH_BULLETS = """
Cause of concern
The force isn\u2019t responding to calls for service promptly enough. This means it
can\u2019t be sure it is protecting vulnerable people.

Recommendations
Within three months, the force should:
\u2022 make sure it has enough trained call handlers to answer emergency and
non-emergency calls promptly;
\u2022 improve how it records the risk assessment of each call; and
\u2022 review how it manages calls it can\u2019t attend straight away.

We found that the force had a backlog of calls on most days we visited.

Cause of concern 2
The force doesn\u2019t always safeguard vulnerable people at the first opportunity.

Recommendation
By 31 March 2023, the force should make sure its officers complete a risk
assessment for every domestic abuse incident.
"""


def test_bullets_under_a_cause_of_concern_are_its_recommendations():
    rows = _rows(CAUSE_WITH_BULLETS)
    assert _summary(rows) == [
        ("CoC 1", "cause_of_concern", ""),
        ("1", "recommendation", "CoC 1"),
        ("2", "recommendation", "CoC 1"),
        ("3", "recommendation", "CoC 1"),
        ("CoC 2", "cause_of_concern", ""),
        ("4", "recommendation", "CoC 2"),
    ]
    assert rows[0].text == (
        "The force isn\u2019t responding to calls for service promptly enough. "
        "This means it can\u2019t be sure it is protecting vulnerable people."
    )
    assert rows[1].text == (
        "make sure it has enough trained call handlers to answer emergency and "
        "non-emergency calls promptly"
    )
    # Each bullet inherits the lead-in's deadline and owner.
    assert {r.target_date for r in rows[1:4]} == {"2023-02-02"}
    assert {r.owners for r in rows[1:4]} == {"chief_constable"}
    assert any("lead-in" in note for note in rows[1].notes)
    # The finding after the list is nobody's wording.
    assert not any("backlog" in r.text for r in rows)
    assert rows[5].target_date == "2023-03-31"


AFI_PARAGRAPHS = """
Areas for improvement

We also identified two areas for improvement.

The force should improve how it supervises investigations, so that they are
timely and meet victims\u2019 needs.

The force should make sure that victims are kept informed of the progress of
their case.

Recommendations

Chief constables should make sure their vetting units record the reasons for
their decisions.

The College of Policing should update its guidance on vetting by 30 April 2023.
"""


def test_unnumbered_paragraphs_under_a_section_title_are_one_item_each():
    rows = _rows(AFI_PARAGRAPHS)
    assert _summary(rows) == [
        ("AFI 1", "area_for_improvement", ""),
        ("AFI 2", "area_for_improvement", ""),
        ("1", "recommendation", ""),
        ("2", "recommendation", ""),
    ]
    assert rows[0].text.startswith("The force should improve how it supervises")
    assert rows[0].text.endswith("victims\u2019 needs.")
    assert rows[3].owners == "college_of_policing"
    assert rows[3].target_date == "2023-04-30"


# PEEL 2023-25 layout (constructed wording in its style).
PEEL_2023 = """
Responding to the public: Requires improvement

Area for improvement
The force should make sure it answers emergency calls promptly.

Promising practice
Call handlers in the force should find the new triage desk helps them to
assess risk. The desk has cut waiting times by a third.

Innovative practice
The force should be commended for its use of video calls with victims.

Investigating crime: Adequate

Areas for improvement
The force should improve the supervision of investigations.
The force should make sure it applies outcomes correctly.

Protecting vulnerable people: Good
"""


def test_peel_2023_practice_boxes_are_not_items_or_part_of_one():
    rows = _rows(PEEL_2023)
    assert [(r.reference, r.text) for r in rows] == [
        ("AFI 1", "The force should make sure it answers emergency calls promptly."),
        ("AFI 2", "The force should improve the supervision of investigations."),
        ("AFI 3", "The force should make sure it applies outcomes correctly."),
    ]


# Joint inspection grouped by addressee (constructed wording in its style).
GROUPED = """
Recommendations

Chief constables should:
1. Review how their forces share information with children\u2019s social care.
2. Make sure every officer has the training set out in the new guidance.

The Home Office should:
3. Work with the NPCC to publish a national data standard by the end of 2023.

To the Ministry of Justice
4. Review the guidance given to the Parole Board.
"""


def test_each_item_takes_its_groups_owners_and_headings_are_not_wording():
    rows = _rows(GROUPED)
    assert [(r.reference, r.owners, r.other_owners) for r in rows] == [
        ("1", "chief_constable", ""),
        ("2", "chief_constable", ""),
        ("3", "home_office", ""),
        ("4", "other", "Ministry of Justice"),
    ]
    assert rows[2].text == (
        "Work with the NPCC to publish a national data standard by the end of 2023."
    )
    assert rows[2].target_date == "2023-12-31"
    assert rows[3].text == "Review the guidance given to the Parole Board."


def test_bullets_under_a_numbered_recommendation_stay_in_it():
    rows = _rows(
        "Recommendation 4\nBy 31 March 2023, chief constables should:\n"
        "\u2022 review their vetting decisions; and\n\u2022 record the reasons.\n\n"
        "Recommendation 5\nThe Home Office should act."
    )
    assert [r.reference for r in rows] == ["4", "5"]
    assert rows[0].text == (
        "By 31 March 2023, chief constables should: review their vetting decisions; "
        "and record the reasons."
    )


def test_a_table_of_contents_alone_is_refused():
    contents = (
        "Contents\nSummary ........................ 3\nIntroduction ............. 5\n"
        "Recommendations ................ 12\nAreas for improvement ...... 14\n"
        "Cause of concern 1 ......... 15\nAnnex A: methodology ...... 40\n"
    )
    with pytest.raises(FileRefused, match="No recommendations"):
        _rows(contents)


def test_a_table_of_contents_before_the_items_is_dropped():
    rows = _rows(
        "Contents\nRecommendations .......... 12\nAreas for improvement ...... 14\n"
        "Causes of concern .......... 15\n\nRecommendation 1\nThe force should act."
    )
    assert [r.reference for r in rows] == ["1"]


def test_page_furniture_in_pasted_text_is_dropped_and_the_sentence_rejoined():
    rows = _rows(
        "Recommendation 1\nBy 31 March 2023, chief constables should make sure\n\n"
        "12\n\nAn inspection of vetting, misconduct, and misogyny\n\n"
        "that their vetting units record decisions.\n\nRecommendation 2\n"
        "An inspection of vetting, misconduct, and misogyny\n"
        "The Home Office should act.\n\u00a9 HMICFRS 2022\n\n"
        "Recommendation 3\nAn inspection of vetting, misconduct, and misogyny\n"
        "The NPCC should act."
    )
    assert [r.text for r in rows] == [
        "By 31 March 2023, chief constables should make sure that their vetting "
        "units record decisions.",
        "The Home Office should act.",
        "The NPCC should act.",
    ]


def test_ligatures_are_repaired():
    rows = _rows("Recommendation 1\nThe force should \ufb01nd and re\ufb02ect on it.")
    assert rows[0].text == "The force should find and reflect on it."


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["short-", "and long-term plans"], "short- and long-term plans"),
        (["a self-", "assessment"], "a self-assessment"),
        (["improve-", "ment"], "improvement"),
        (["short- and long-term"], "short- and long-term"),
    ],
)
def test_real_hyphens_are_kept_and_line_end_hyphenation_joined(lines, joined):
    assert join_lines(lines) == joined


def test_a_real_hyphen_survives_pasting():
    rows = _rows("Recommendation 1\nThe force should set short- and long-term aims.")
    assert rows[0].text == "The force should set short- and long-term aims."


@pytest.mark.parametrize(
    ("wording", "codes", "others"),
    [
        ("The National Police Chiefs\u2019 Council should act.", ["npcc"], []),
        ("All chief constables\u2019 forces should act.", ["chief_constable"], []),
        (
            "The Home Office should, by 31 March 2023, work with the NPCC and the "
            "College of Policing to review the rules.",
            ["home_office"],
            [],
        ),
        (
            "The Ministry of Justice should review the guidance.",
            ["other"],
            ["Ministry of Justice"],
        ),
        (
            "The Crown Prosecution Service and chief constables should agree it.",
            ["chief_constable", "other"],
            ["Crown Prosecution Service"],
        ),
        (
            "NHS England should commission the service.",
            ["other"],
            ["NHS England"],
        ),
        ("Local authorities should share the data.", ["other"], ["Local authorities"]),
        ("HMICFRS will revisit forces in 2024.", ["hmicfrs"], []),
    ],
)
def test_owners_as_hmicfrs_writes_them(wording, codes, others):
    found = vocabulary.addressees(wording)
    assert sorted(found.codes) == sorted(codes)
    assert found.others == others
    assert found.confidence == "addressee"


@pytest.mark.parametrize(
    ("wording", "expected"),
    [
        (
            "Before the end of the 2023/24 financial year, forces should act.",
            dt.date(2024, 3, 31),
        ),
        (
            "By the end of the 2023-24 financial year, forces should act.",
            dt.date(2024, 3, 31),
        ),
        ("By the end of 2023, forces should act.", dt.date(2023, 12, 31)),
        ("By April 2024, forces should act.", dt.date(2024, 4, 30)),
        (
            "Within 12 months of publication, forces should act.",
            dt.date(2023, 11, 2),
        ),
        ("Within three months of this report, forces should act.", dt.date(2023, 2, 2)),
        (
            "By the end of quarter 2 of 2024/25, forces should act.",
            dt.date(2024, 9, 30),
        ),
        ("By the end of Q4 2023/24, forces should act.", dt.date(2024, 3, 31)),
        (
            "By the end of the third quarter of 2024, forces should act.",
            dt.date(2024, 9, 30),
        ),
        ("Within six weeks, the force should act.", dt.date(2022, 12, 14)),
        (
            "By the end of 2020 only 12 forces had a plan. Forces should act.",
            None,
        ),
        ("By the end of 2020, forces had not acted.", None),
        ("Forces should act by 31 March 2021.", None),  # before publication
    ],
)
def test_deadlines_as_hmicfrs_writes_them(wording, expected):
    assert vocabulary.deadline_from_wording(wording, PUBLISHED)[0] == expected


def test_blocks_from_text_tell_headings_from_paragraphs():
    blocks = blocks_from_text(
        "Responding to the public\n\nThe force answers most calls quickly. It has\n"
        "improved since 2021.\n\u2022 a bullet\n1. A numbered item."
    )
    assert [(b.kind, b.marker) for b in blocks] == [
        ("heading", ""),
        ("paragraph", ""),
        ("item", "bullet"),
        ("item", "number"),
    ]


def test_words_a_pdf_split_are_mended_where_the_report_spells_them_whole():
    rows = _rows(
        "Recommendation 1\nThe force should improve the in formation it gives victims "
        "and make its process more ef fi cient.\n\nRecommendation 2\nThe force "
        "should be efficient and share information, in full."
    )
    assert rows[0].text == (
        "The force should improve the information it gives victims and make its "
        "process more efficient."
    )
    # Two real words stay two words.
    assert rows[1].text.endswith("share information, in full.")
