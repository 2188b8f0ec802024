# ruff: noqa: E501, RUF001
"""Held out. Pasted text copied from a PDF viewer: a cover and a dotted-leader contents
page first, no blank lines, running headers and page numbers among the lines, footnote
markers glued to words and footnotes at the page foot; recommendations numbered "1)",
each with its own deadline wording ("by the end of March 2024", "by 31/03/2024",
"within 18 months", "by summer 2024", "as soon as possible", "over the next year"…);
areas for improvement as "●" bullets; findings bullets as "▪" and "-" that are not
items."""

import datetime as dt

from ..model import (
    Case,
    Contents,
    Cover,
    Heading,
    ListBlock,
    PageBreak,
    Para,
    add_months,
    afi,
    rec,
)

PUBLISHED = dt.date(2023, 10, 24)
CC, PCC, NPCC, COP, HO, OTHER = (
    "chief_constable", "pcc", "npcc", "college_of_policing", "home_office", "other",
)  # fmt: skip

R = {
    1: rec("1", CC, date="2024-03-31"),
    2: rec("2", NPCC, date="2024-03-31"),
    3: rec("3", COP, date=add_months(PUBLISHED, 18).isoformat()),
    4: rec("4", HO, date="2025-03-31"),
    5: rec("5", CC, date="2024-12-31"),
    6: rec("6", CC, OTHER, other=["local authorities"]),
    7: rec("7", CC),
    8: rec("8", NPCC),
    9: rec("9", CC, date="2024-04-30"),
    10: rec("10", PCC, date="2024-03-31"),
    11: rec("11", CC, date=add_months(PUBLISHED, 3).isoformat()),
    12: rec("12", CC, date=PUBLISHED.isoformat()),
}
A = {n: afi(f"AFI {n}", CC) for n in range(1, 4)}

CASE = Case(
    slug="holdout-missing-people-deadlines-2023-pasted",
    set_name="holdout",
    title="Still missing: An inspection of the police response to people who go missing",
    kind="national_thematic",
    published_on=PUBLISHED,
    source="constructed",
    provenance=(
        "Constructed throughout: a fictional national thematic (not a real HMICFRS "
        "title), written to hold deadline wordings not in the other cases. 'By summer "
        "2024', 'as soon as possible' and 'over the next year' are recorded as no "
        "deadline (null): none names a date, and an administrator would ask the force "
        "to set one rather than guess (31 August 2024, or a year from publication, "
        "would both be guesses). 'By the end of the first quarter of 2024' is a "
        "calendar quarter (31 March 2024). 'Within 18 months' counts from publication. "
        "The text is what a PDF viewer's copy gives, generated from the corpus's PDF "
        "layout."
    ),
    layouts=[
        "pasted text",
        "cover and contents before the section",
        "table of contents with dotted leaders",
        "hard line breaks",
        "no blank lines",
        "running headers in the middle",
        "page numbers in the middle",
        "footnotes in the middle",
        "footnote markers glued to words",
        "numbered list with 1) markers",
        "bullets as ●",
        "findings bullets as ▪ and - that are not items",
        "by the end of month",
        "deadline as dd/mm/yyyy",
        "within eighteen months",
        "financial year",
        "financial quarter",
        "calendar quarter",
        "by season: no date",
        "as soon as possible: no date",
        "over the next year: no date",
        "date after the subject",
        "within three months of publication",
        "immediately",
        "other owner",
        "owner mentioned after should",
        "ligatures",
        "line-end hyphenation",
        "items across page breaks",
    ],
    form="txt",
    running_header="Still missing: the police response to people who go missing",
    footer="© HMICFRS 2023",
    ligature_words=("officer", "find", "first", "signific", "identif", "fl", "fi"),
    options={"blank_lines": False, "number_format": "{n})", "bullet": "\u25cf"},
    footnotes={
        1: "Figures from the six forces we inspected, for the year to 31 March 2023.",
        2: "College of Policing, Authorised Professional Practice: Missing persons, 2016, updated 2021.",
        3: "The ‘absent’ category was removed from the authorised professional practice in 2021, but some forces still used it.",
        4: "A return interview is an independent conversation with a child after they have been found, to understand why they went missing and to reduce the risk that they will go missing again.",
    },
    blocks=[
        Cover(
            [
                ("Still missing", 28),
                (
                    "An inspection of the police response to people who go missing",
                    15,
                ),
                ("October 2023", 12),
            ]
        ),
        PageBreak(),
        Contents(),
        PageBreak(),
        Heading(1, "Summary"),
        Para(
            "Every year the police in England and Wales receive more than 300,000 reports of people who have gone missing. Most are found quickly and safely. But some come to serious harm, and a small number are never found."
        ),
        Para("In the six forces we inspected, we found that:"),
        ListBlock(
            [
                (
                    "supervisors did not review the risk assessment in almost a third of the reports we examined;^1",
                    None,
                ),
                (
                    "children who went missing from care homes outside their home area were often not known to the local force; and",
                    None,
                ),
                (
                    "families of missing people were rarely told who was leading the search.",
                    None,
                ),
            ],
            glyph="\u25aa",
        ),
        Heading(1, "Recommendations"),
        Para("We make 12 recommendations. Each says who should act and by when."),
        ListBlock(
            [
                (
                    "By the end of March 2024, chief constables should make sure that every report of a missing person is risk assessed by a supervisor within one hour of being received.",
                    R[1],
                ),
                (
                    "By 31/03/2024, the National Police Chiefs’ Council should publish a national definition of a high-risk missing person.",
                    R[2],
                ),
                (
                    "Within 18 months, the College of Policing should revise its authorised professional practice on missing persons^2 to reflect the findings of this inspection.",
                    R[3],
                ),
                (
                    "Before the end of the 2024/25 financial year, the Home Office should fund a national database of missing person investigations that every force can search.",
                    R[4],
                ),
                (
                    "By the end of quarter 3 of 2024/25, chief constables should make sure that their forces can identify people who repeatedly go missing, and share that information with local partners.",
                    R[5],
                ),
                (
                    "By summer 2024, chief constables and local authorities should agree protocols for children who go missing from care homes outside their home area.",
                    R[6],
                ),
                (
                    "As soon as possible, chief constables should stop using the ‘absent’ category^3 for children who are missing from home.",
                    R[7],
                ),
                (
                    "Over the next year, the National Police Chiefs’ Council should work with the charity Missing People to develop guidance on supporting the families of missing people.",
                    R[8],
                ),
                (
                    "Chief constables should, by 30 April 2024, review the training they give to call handlers on taking missing person reports.",
                    R[9],
                ),
                (
                    "By the end of the first quarter of 2024, police and crime commissioners should review whether the return interview services^4 they commission meet the needs of the children who use them.",
                    R[10],
                ),
                (
                    "Within three months of the publication of this report, chief constables should make sure that every missing person investigation assessed as high risk is overseen by an officer of at least the rank of inspector.",
                    R[11],
                ),
                (
                    "Immediately, chief constables should make sure that officers search the home address of every missing child.",
                    R[12],
                ),
            ],
            ordered=True,
        ),
        Heading(2, "Areas for improvement"),
        Para("We also identified three areas for improvement:"),
        ListBlock(
            [
                (
                    "Forces should make sure that the reason a person went missing is recorded when they are found;",
                    A[1],
                ),
                (
                    "Forces should improve how they share information about missing children with local authorities; and",
                    A[2],
                ),
                (
                    "Forces should evaluate the return interviews that are carried out on their behalf.",
                    A[3],
                ),
            ]
        ),
        Heading(1, "1. What we found"),
        Heading(2, "Risk assessment"),
        Para(
            "Call handlers usually asked the right questions when a person was reported missing. But in 61 of the 200 reports we examined, a supervisor did not review the risk assessment, and in 14 of those the risk had been assessed as lower than it should have been."
        ),
        Para("Officers and staff told us that:"),
        ListBlock(
            [
                ("they did not have time to read previous missing reports;", None),
                (
                    "the force’s systems did not show whether a person had gone missing from another force area; and",
                    None,
                ),
                (
                    "supervisors were often responsible for more than 20 open reports at once.",
                    None,
                ),
            ],
            glyph="-",
        ),
        Heading(2, "Children missing from care"),
        Para(
            "Children placed in care homes far from their home area were among the most likely to go missing, and among the most at risk of exploitation when they did. Return interviews were offered to most children, but their findings were rarely shared with the police."
        ),
        Heading(1, "2. Conclusion"),
        Para(
            "The police cannot prevent every disappearance. But they can make sure that every report is assessed properly, that the people most at risk are found quickly, and that families are supported while they wait."
        ),
    ],
)
