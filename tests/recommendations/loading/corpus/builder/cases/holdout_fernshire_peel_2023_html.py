# ruff: noqa: E501, RUF001, RUF002
"""Held out. Saved web page of a PEEL 2023–25 force report: graded h2 headings, each
with an "Areas for improvement" heading over a bulleted list of full-sentence AFIs,
some of two sentences; an "Area for improvement" heading over a one-bullet list;
promising and innovative practice in <section> and <aside> boxes; a section saying it
has no areas for improvement; an earlier cycle's area for improvement in findings."""

import datetime as dt

from ..model import Box, Case, Heading, ListBlock, Para, afi

PUBLISHED = dt.date(2024, 11, 14)
CC = "chief_constable"

A = {n: afi(f"AFI {n}", CC) for n in range(1, 13)}

CASE = Case(
    slug="holdout-fernshire-peel-2023-25-html",
    set_name="holdout",
    title="PEEL 2023–2025: An inspection of Fernshire Police",
    kind="peel",
    published_on=PUBLISHED,
    source="constructed",
    provenance=(
        "Constructed throughout, for a fictional force (Fernshire), in the layout of the "
        "HMICFRS PEEL 2023–25 web reports: graded headings, bulleted areas for "
        "improvement under each, promising and innovative practice boxes. The grade "
        "wording in 'Our judgments' follows the real PEEL 2023–2025 grade definitions "
        "(HMICFRS 'How we inspect PEEL' page). No real report's items are used."
    ),
    layouts=[
        "saved web page",
        "graded headings",
        "areas for improvement as a bulleted list",
        "area for improvement heading over a one-item list",
        "items of two sentences",
        "promising practice box",
        "innovative practice box",
        "practice box saying other forces should consider it",
        "section with no areas for improvement",
        "earlier cycle's area for improvement in findings",
        "count sentences among items",
        "footnotes",
        "script that must not run",
        "contents list in the page",
    ],
    form="html",
    options={
        "box_tag": "section",
        "path": "peel-assessments/peel-2023-2025/fernshire/",
    },
    footnotes={
        1: "The national standard is that 90 percent of emergency calls are answered within ten seconds.",
        2: "Forces set out their understanding of demand in their force management statement, which they give us each year.",
    },
    blocks=[
        Heading(1, "Overall summary"),
        Heading(2, "Our judgments", in_contents=False),
        Para(
            "Our inspection assessed how good Fernshire Police is in nine areas of policing. We make graded judgments in eight of these nine as follows: good in two areas, adequate in four areas and requires improvement in two areas."
        ),
        Para(
            "Adequate means that the force has demonstrated some of the characteristics of good performance, but we have identified areas where the force should make improvements. Requires improvement means that the force has demonstrated few, if any, of the characteristics of good performance and we have identified a substantial number of areas where the force needs to make improvements."
        ),
        Heading(2, "HM Inspector’s summary", in_contents=False),
        Para(
            "Fernshire Police treats the public fairly and manages offenders well, but it needs to improve how it responds to the public and how it investigates crime. We have identified 12 areas for improvement. We didn’t find any cause of concern."
        ),
        Heading(1, "Police powers and public treatment: Good"),
        Para(
            "The force uses its powers fairly and respectfully. Supervisors review every use of stop and search, and an external scrutiny panel reviews a sample of body-worn video footage each quarter."
        ),
        Box(
            "Promising practice",
            "Community members review the use of force",
            [
                "The force invites members of the public to review anonymised footage of officers using force. Their feedback is shared with the officers involved and used in training. Other forces should consider whether a similar approach would help them build trust with their communities.",
            ],
        ),
        Heading(1, "Preventing crime: Adequate"),
        Heading(2, "Areas for improvement", in_contents=False),
        ListBlock(
            [
                (
                    "The force should make sure that its neighbourhood officers have the time to carry out problem-solving work with their communities. Too often they are taken away from their neighbourhoods to respond to incidents elsewhere in the county.",
                    A[1],
                ),
                (
                    "The force should evaluate its crime prevention activity so that it understands which approaches reduce crime and anti-social behaviour.",
                    A[2],
                ),
            ]
        ),
        Para(
            "The force has a clear crime prevention strategy and works well with its partners. But in the three districts we visited, neighbourhood officers spent more than a third of their time on response duties."
        ),
        Heading(1, "Responding to the public: Requires improvement"),
        Heading(2, "Areas for improvement", in_contents=False),
        ListBlock(
            [
                (
                    "The force should answer emergency calls within the national standard.^1",
                    A[3],
                ),
                (
                    "The force needs to improve how quickly it attends incidents. It should make sure that it tells callers when attendance will be delayed, and that it reassesses the risk to them while they wait.",
                    A[4],
                ),
                (
                    "The force should make sure that call handlers give callers advice on preserving evidence and preventing further crime, and that this advice is recorded.",
                    A[5],
                ),
            ]
        ),
        Para(
            "In the 12 months to June 2024, the force answered 79 percent of emergency calls within ten seconds. It attended 68 percent of emergency incidents within its target time."
        ),
        Box(
            "Innovative practice",
            "Video calls for victims of domestic abuse",
            [
                "Victims of domestic abuse who do not need an emergency response are offered a video call with an officer within an hour, instead of waiting for an officer to attend. Victims told us they valued the speed of the response.",
            ],
            css="innovative-practice",
            tag="aside",
        ),
        Heading(1, "Investigating crime: Requires improvement"),
        Heading(2, "Areas for improvement", in_contents=False),
        ListBlock(
            [
                (
                    "The force should make sure that it completes investigations in a timely manner and that victims are updated regularly, in line with the Code of Practice for Victims of Crime.",
                    A[6],
                ),
                (
                    "The force should improve the quality of its investigation plans and make sure that supervisors review them.",
                    A[7],
                ),
            ]
        ),
        Heading(1, "Protecting vulnerable people: Adequate"),
        Heading(2, "Area for improvement", in_contents=False),
        ListBlock(
            [
                (
                    "The force should make sure that officers record the voice of the child when they attend incidents involving children, including the child’s behaviour and demeanour.",
                    A[8],
                ),
            ]
        ),
        Para(
            "Officers we spoke to understood the importance of speaking to children, but in 19 of the 60 cases we reviewed there was no record of the child’s views or behaviour."
        ),
        Heading(1, "Managing offenders and suspects: Good"),
        Para("We didn’t identify any areas for improvement in this area."),
        Para(
            "The force manages registered sex offenders well. It prioritises the arrest of wanted suspects, and it makes good use of bail conditions to protect victims."
        ),
        Box(
            "Promising practice",
            "A dedicated team for wanted suspects",
            [
                "A small team reviews every wanted suspect each morning and assigns the highest-risk cases to officers on duty that day. The number of outstanding suspects has fallen by 40 percent in a year.",
            ],
        ),
        Heading(1, "Building, supporting and protecting the workforce: Adequate"),
        Heading(2, "Areas for improvement", in_contents=False),
        ListBlock(
            [
                (
                    "The force should understand the wellbeing needs of its workforce and evaluate the support it provides. It should make sure that supervisors have the training and time to support officers and staff who have been exposed to traumatic incidents.",
                    A[9],
                ),
                (
                    "The force should make sure that its officers and staff receive a meaningful annual performance review that helps them develop.",
                    A[10],
                ),
            ]
        ),
        Heading(1, "Leadership and force management: Adequate"),
        Heading(2, "Areas for improvement", in_contents=False),
        ListBlock(
            [
                (
                    "The force should improve its understanding of current and future demand,^2 so that its workforce plan puts the right number of people with the right skills in the right places.",
                    A[11],
                ),
                (
                    "The force should make sure that its governance arrangements monitor its progress against its areas for improvement.",
                    A[12],
                ),
            ]
        ),
        Para(
            "In our 2021/22 inspection, we identified an area for improvement in how the force plans its workforce. The force has made some progress, but its plans still do not take account of demand that is hidden or not yet reported."
        ),
    ],
)
