# ruff: noqa: E501, RUF001
"""Saved web page of a Home Secretary-commissioned thematic: recommendations numbered
across owner headings ("To chief constables", "For the College of Policing"); some
items repeat the addressee, some do not; several deadline forms."""

import datetime as dt

from ..model import Case, Heading, ListBlock, Para, add_months, rec

PUBLISHED = dt.date(2024, 9, 10)
CC, PCC, COP, HO, NPCC, OTHER = (
    "chief_constable",
    "pcc",
    "college_of_policing",
    "home_office",
    "npcc",
    "other",
)

R = {
    1: rec("1", CC, date="2025-03-31"),
    2: rec("2", CC, date="2025-12-31"),
    3: rec("3", CC, date=add_months(PUBLISHED, 6).isoformat()),
    4: rec("4", CC),
    5: rec("5", CC, date="2025-04-30"),
    6: rec("6", COP, date="2025-03-31"),
    7: rec("7", COP, date="2026-03-31"),
    8: rec("8", COP),
    9: rec("9", HO, date="2025-12-31"),
    10: rec("10", HO, OTHER, other=["Government Equalities Office"]),
    11: rec("11", NPCC, COP, date="2025-03-31"),
    12: rec("12", NPCC, COP),
    13: rec("13", PCC, date="2025-04-30"),
    14: rec("14", PCC, CC),
}

CASE = Case(
    slug="activism-impartiality-2024-html",
    title="An inspection into activism and impartiality in policing",
    kind="home_secretary_commissioned",
    published_on=PUBLISHED,
    source="constructed",
    provenance=(
        "Real: the title, the commission (1 September 2023, by the then Home Secretary), "
        "the publication date (10 September 2024), the foreword's opening paragraphs and "
        "'We made 22 recommendations to chief constables, police forces and others' "
        "(HMICFRS activism and impartiality pages; Fair Cop, 10 September 2024). "
        "Constructed: all 14 recommendations here, their grouping under owner headings, "
        "their deadlines and the page around them. The count sentence is real and does "
        "not match this page's 14 items, as happens when an administrator saves one "
        "chapter."
    ),
    layouts=[
        "saved web page",
        "owner headings",
        "numbered list continuing across groups",
        "items that repeat the addressee",
        "items that omit the addressee",
        "explicit dates",
        "by the end of year",
        "within six months",
        "by month",
        "financial year",
        "other owner",
        "count sentences among items",
        "html entities",
        "script that must not run",
    ],
    form="html",
    options={
        "entities": True,
        "path": "publication-html/activism-and-impartiality-in-policing/",
    },
    blocks=[
        Heading(1, "Foreword"),
        Para(
            "In September 2023, the then Home Secretary commissioned us to inspect police involvement in politically contested matters. We examined several things: the police’s policies, processes and decision-making; how officers are trained; the police’s work with external advisory groups; how police deal with non-crime hate incidents; the police’s communication with the public; and whether there are any systemic problems that interfere with police impartiality."
        ),
        Para(
            "We found three systemic problems. First, there is a near-total absence of any definition, guidance or judicial consideration of impartiality insofar as it relates to policing. Second, legal application of the Equality Act 2010 is now too complicated. Third, the legislation doesn’t clearly define the boundary between police operational independence and appropriate external influence or accountability."
        ),
        Heading(1, "Recommendations"),
        Para(
            "We made 22 recommendations to chief constables, police forces and others."
        ),
        Heading(2, "To chief constables"),
        ListBlock(
            [
                (
                    "By 31 March 2025, chief constables should review their force’s policies on the use of advisory groups, to make sure that the groups they consult represent a range of views.",
                    R[1],
                ),
                (
                    "By the end of 2025, make sure that every officer and member of staff has been trained in the police’s duty of impartiality, including how it applies to their use of social media.",
                    R[2],
                ),
                (
                    "Within six months, chief constables should make sure that their forces record non-crime hate incidents only when the statutory code of practice allows it.",
                    R[3],
                ),
                (
                    "Make sure that officers do not take part in any activity, in uniform or on duty, that could reasonably be seen as taking sides in a politically contested matter.",
                    R[4],
                ),
                (
                    "By April 2025, publish their force’s policy on the symbols and insignia that officers and staff may wear on duty.",
                    R[5],
                ),
            ],
            ordered=True,
        ),
        Heading(2, "For the College of Policing"),
        ListBlock(
            [
                (
                    "By 31 March 2025, the College of Policing should publish guidance on police impartiality, including a definition that forces can use in their policies and training.",
                    R[6],
                ),
                (
                    "Before the end of the 2025/26 financial year, review all of its training materials that deal with equality, diversity and inclusion, to make sure they are accurate, impartial and reflect the law.",
                    R[7],
                ),
                (
                    "Establish an independent process for assuring the quality and consistency of the training it provides or approves.",
                    R[8],
                ),
            ],
            ordered=True,
            start=6,
        ),
        Heading(2, "To the Home Office"),
        ListBlock(
            [
                (
                    "By the end of 2025, the Home Office should consider amending the legislation to define more clearly the boundary between police operational independence and appropriate external influence or accountability.",
                    R[9],
                ),
                (
                    "The Home Office and the Government Equalities Office should review how the public sector equality duty applies to operational policing decisions.",
                    R[10],
                ),
            ],
            ordered=True,
            start=9,
        ),
        Heading(
            2, "For the National Police Chiefs’ Council and the College of Policing"
        ),
        ListBlock(
            [
                (
                    "By 31 March 2025, agree national standards for how forces communicate with the public on social media, including when they should correct inaccurate reporting about police activity.",
                    R[11],
                ),
                (
                    "Work together to evaluate the value to the police of recording non-crime hate incidents, and publish the results.",
                    R[12],
                ),
            ],
            ordered=True,
            start=11,
        ),
        Heading(2, "To police and crime commissioners"),
        ListBlock(
            [
                (
                    "By April 2025, police and crime commissioners should publish how they hold their chief constable to account without interfering in operational decisions.",
                    R[13],
                ),
                (
                    "Police and crime commissioners and chief constables should agree, in writing, how they will resolve disagreements about operational independence.",
                    R[14],
                ),
            ],
            ordered=True,
            start=13,
        ),
        Heading(1, "Methodology"),
        Para(
            "We reviewed over 4,000 documents and held interviews and focus groups with over 400 officers, staff and members of other organisations. We examined the records of 120 non-crime hate incidents. We surveyed the police and the public, for which we received over 4,000 responses. And we analysed over 857,000 police social media posts."
        ),
    ],
)
