# ruff: noqa: E501, RUF001, RUF002
"""Saved web page of a PEEL 2023–25 report: graded h2 headings, a cause of concern with
a "Within three months, the force should:" list, areas for improvement, footnote links,
and promising and innovative practice boxes (<div> and <aside>) that are not items."""

import datetime as dt

from ..model import Box, Case, Heading, ListBlock, Para, add_months, afi, cause, rec

PUBLISHED = dt.date(2024, 9, 30)
CC = "chief_constable"
THREE = add_months(PUBLISHED, 3).isoformat()  # 30 December, the same day of the month

C1 = cause("CoC 1", CC)
R = {n: rec(str(n), CC, date=THREE, coc="CoC 1") for n in range(1, 4)}
A = {n: afi(f"AFI {n}", CC) for n in range(1, 8)}

CASE = Case(
    slug="northshire-peel-2023-25-html",
    title="PEEL 2023–2025: An inspection of Northshire Police",
    kind="peel",
    published_on=PUBLISHED,
    source="constructed",
    provenance=(
        "Constructed throughout, for a fictional force (Northshire), in the layout of the "
        "HMICFRS PEEL 2023–25 web reports (peel-reports/<force>-2023-25): 'Our judgments', "
        "graded section headings, a cause of concern with a dated recommendations list, "
        "areas for improvement, promising and innovative practice boxes and footnote "
        "links. The boilerplate sentences follow the real West Mercia 2023–25 page."
    ),
    layouts=[
        "saved web page",
        "graded headings",
        "cause of concern then recommendations lead-in with bullets",
        "within three months",
        "promising practice box",
        "innovative practice box",
        "count sentences among items",
        "footnotes",
        "paragraphs inside list items",
        "script that must not run",
        "contents list in the page",
    ],
    form="html",
    options={
        "box_tag": "div",
        "li_paragraphs": True,
        "path": "peel-reports/northshire-2023-25/",
    },
    footnotes={
        1: "The national standard is that 90 percent of emergency calls are answered within ten seconds.",
        2: "A structured assessment of threat, harm, investigation, vulnerability and engagement.",
    },
    blocks=[
        Heading(1, "Overall summary"),
        Heading(2, "Our judgments", in_contents=False),
        Para(
            "Our inspection assessed how good Northshire Police is in ten areas of policing. We make graded judgments in nine of these ten as follows: inadequate in one area, requires improvement in three, adequate in three and good in two."
        ),
        Para(
            "We set out our detailed findings about things the force is doing well and where the force should improve in the rest of this report."
        ),
        Heading(2, "HM Inspector’s summary", in_contents=False),
        Para(
            "I have serious concerns about how Northshire Police responds to the public. We have identified one cause of concern and made three recommendations. We also identified seven areas for improvement."
        ),
        Heading(1, "Responding to the public: Inadequate"),
        Heading(2, "Cause of concern", in_contents=False),
        Para(
            "The force doesn’t answer emergency and non-emergency calls quickly enough, and it doesn’t always identify vulnerable callers. This means that some people who need help don’t get it when they need it.",
            C1,
        ),
        Heading(2, "Recommendations", in_contents=False),
        Para("Within three months, the force should:"),
        ListBlock(
            [
                (
                    "make sure it answers emergency calls within national standards;^1",
                    R[1],
                ),
                (
                    "reduce the number of non-emergency calls that callers abandon; and",
                    R[2],
                ),
                (
                    "make sure that call handlers use a structured risk assessment^2 for every call, so that vulnerable and repeat callers are identified.",
                    R[3],
                ),
            ]
        ),
        Heading(2, "Areas for improvement", in_contents=False),
        Para(
            "The force should make sure it attends incidents within its published attendance times, and that it tells victims when attendance will be delayed.",
            A[1],
        ),
        Para(
            "The force should make sure that the advice it gives callers about preserving evidence and preventing further crime is recorded.",
            A[2],
        ),
        Box(
            "Promising practice",
            "Mental health practitioners in the control room",
            [
                "The force and its local NHS trust have placed mental health practitioners in the control room at the busiest times. They advise call handlers and officers, and in many cases people in crisis receive help from health services without a police attendance.",
            ],
        ),
        Heading(1, "Investigating crime: Requires improvement"),
        Heading(2, "Areas for improvement", in_contents=False),
        Para(
            "The force should make sure that investigations are supervised effectively, and that supervisors record their reviews.",
            A[3],
        ),
        Para(
            "The force should make sure that it completes a victim needs assessment for every victim, and that it meets its obligations under the Code of Practice for Victims of Crime.",
            A[4],
        ),
        Box(
            "Innovative practice",
            "A digital evidence portal for victims",
            [
                "Victims can upload photographs, video and documents to a secure portal, so that officers no longer need to seize their phones for minor offences. The force told us this has reduced the time that victims are without their phones.",
            ],
            css="innovative-practice",
            tag="aside",
        ),
        Heading(1, "Protecting vulnerable people: Requires improvement"),
        Heading(2, "Areas for improvement", in_contents=False),
        Para(
            "The force should make sure it uses all the protective orders available to it to safeguard victims of domestic abuse and stalking.",
            A[5],
        ),
        Para(
            "The force should improve how it shares information with its safeguarding partners about children at risk of exploitation.",
            A[6],
        ),
        Heading(1, "Managing offenders and suspects: Good"),
        Para(
            "The force is good at managing offenders and suspects. It manages registered sex offenders well and it prioritises the arrest of wanted suspects."
        ),
        Box(
            "Promising practice",
            "Early intervention with young people who carry knives",
            [
                "The force works with schools and youth services to offer a voluntary programme to young people found carrying knives. Fewer of those who complete the programme are arrested again for carrying a weapon.",
            ],
        ),
        Heading(1, "Leadership and force management: Requires improvement"),
        Heading(2, "Area for improvement", in_contents=False),
        Para(
            "The force should make sure that its workforce plan is based on a clear understanding of current and future demand, including demand that is hidden or not yet reported.",
            A[7],
        ),
    ],
)
