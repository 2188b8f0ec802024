# ruff: noqa: E501, RUF001
"""Pasted text from a PEEL 2021/22 report: two causes of concern, each with
"Recommendations" and a "Within N months, the force should:" lead-in over bullets that
a PDF copy turns into the private-use glyph U+F0B7; no blank lines; count sentences."""

import datetime as dt

from ..model import (
    Case,
    Cover,
    Heading,
    ListBlock,
    PageBreak,
    Para,
    add_months,
    afi,
    cause,
    rec,
)

PUBLISHED = dt.date(2022, 8, 31)
CC = "chief_constable"
THREE = add_months(PUBLISHED, 3).isoformat()  # 30 November
SIX = add_months(PUBLISHED, 6).isoformat()  # 28 February 2023

C1, C2 = cause("CoC 1", CC), cause("CoC 2", CC)
R = {n: rec(str(n), CC, date=THREE, coc="CoC 1") for n in range(1, 4)}
R.update({n: rec(str(n), CC, date=SIX, coc="CoC 2") for n in range(4, 7)})
A = {n: afi(f"AFI {n}", CC) for n in range(1, 4)}

CASE = Case(
    slug="southmoor-peel-2021-22-pasted",
    title="PEEL 2021/22 – An inspection of Southmoor Police",
    kind="peel",
    published_on=PUBLISHED,
    source="constructed",
    provenance=(
        "Constructed throughout, for a fictional force (Southmoor), in the layout of PEEL "
        "2021/22 reports: a cause of concern followed by 'Recommendations' and a dated "
        "lead-in over bulleted recommendations (as in the real West Mercia 2021/22 cause "
        "of concern, see west-mercia-peel-2021-22-pdf). The text is what a PDF viewer's "
        "copy gives, with bullets copied as U+F0B7."
    ),
    layouts=[
        "pasted text",
        "cause of concern then recommendations lead-in with bullets",
        "within three months",
        "within six months",
        "month-end clamping",
        "private-use bullet glyph",
        "no blank lines",
        "count sentences among items",
        "past date in a finding",
        "running headers in the middle",
        "page numbers in the middle",
        "ligatures",
        "line-end hyphenation",
        "items across page breaks",
    ],
    form="txt",
    running_header="PEEL 2021/22 – Police effectiveness, efficiency and legitimacy",
    footer="© HMICFRS 2022",
    ligature_words=("officer", "find", "first", "signific", "identif", "confiden"),
    options={"blank_lines": False, "bullet": "\uf0b7"},
    blocks=[
        Cover(
            [
                ("PEEL 2021/22", 26),
                ("Police effectiveness, efficiency and legitimacy", 16),
                ("An inspection of Southmoor Police", 15),
            ]
        ),
        PageBreak(),
        Heading(1, "HM Inspector’s observations"),
        Para(
            "I have serious concerns about how Southmoor Police responds to the public and how it protects vulnerable people. We have identified two causes of concern and made six recommendations. We have also identified three areas for improvement."
        ),
        Para(
            "The force has made progress since our last inspection in 2019, when we found that it did not have enough investigators. By the end of 2021, it had recruited 140 additional officers, and its new investigation hubs had started work."
        ),
        Heading(1, "Responding to the public"),
        Heading(2, "Cause of concern"),
        Para(
            "The force is not answering emergency and non-emergency calls quickly enough, and it does not always assess the risk to callers. By the end of 2021, fewer than two in three emergency calls were being answered within ten seconds. This means that some vulnerable people do not get the help they need.",
            C1,
        ),
        Heading(3, "Recommendations", in_contents=False),
        Para("Within three months, the force should:", style="lead"),
        ListBlock(
            [
                (
                    "make sure it has enough call handlers at the busiest times to answer emergency and non-emergency calls within national standards;",
                    R[1],
                ),
                (
                    "make sure that call handlers use a structured risk assessment for every call, and that supervisors check the quality of these assessments; and",
                    R[2],
                ),
                (
                    "make sure that it tells callers when an officer’s attendance will be delayed, and reassesses the risk to them.",
                    R[3],
                ),
            ]
        ),
        Heading(1, "Protecting vulnerable people"),
        Heading(2, "Cause of concern"),
        Para(
            "The force does not manage the risk posed by registered sex offenders effectively. Too many risk assessments are overdue, and officers in the management of sexual offenders and violent offenders teams have too many cases.",
            C2,
        ),
        Heading(3, "Recommendations", in_contents=False),
        Para("Within six months, the force should:", style="lead"),
        ListBlock(
            [
                (
                    "make sure that it completes risk assessments of registered sex offenders within the timescales set by national guidance;",
                    R[4],
                ),
                (
                    "make sure that the workloads of officers managing registered sex offenders allow them to manage the risk effectively; and",
                    R[5],
                ),
                (
                    "make sure that it takes prompt action when it identifies that a registered sex offender has breached their notification requirements or the conditions of a court order.",
                    R[6],
                ),
            ]
        ),
        Heading(2, "Areas for improvement"),
        Para("We also identified three areas for improvement."),
        Para(
            "The force should improve how it identifies and records the vulnerability of victims and witnesses at the first point of contact.",
            A[1],
        ),
        Para(
            "The force needs to make sure that it uses all the tools available to it, including domestic violence protection orders, to protect victims of domestic abuse.",
            A[2],
        ),
        Para(
            "The force should make sure that officers and staff have the training and supervision they need to identify children at risk of criminal exploitation.",
            A[3],
        ),
        Heading(1, "Developing a positive workplace"),
        Para(
            "Southmoor Police is adequate at building, supporting and protecting the workforce. Officers and staff told us that they felt valued, and most had received a wellbeing conversation with their supervisor in the past year."
        ),
    ],
)
