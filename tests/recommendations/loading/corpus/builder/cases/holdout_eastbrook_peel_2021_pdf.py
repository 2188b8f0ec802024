# ruff: noqa: E501, RUF001
"""Held out. PEEL 2021/22 force report as a PDF: each question's section has its
graded judgment, then an "Area for improvement" heading (singular, unnumbered, one per
AFI) with the AFI's paragraph, then findings, sometimes straight after the AFI with no
heading between; a two-paragraph cause of concern with "Recommendations" and a dated
lead-in over bullets."""

import datetime as dt

from ..model import (
    Box,
    Case,
    Contents,
    Cover,
    Heading,
    ListBlock,
    PageBreak,
    Para,
    afi,
    cause,
    rec,
)

PUBLISHED = dt.date(2022, 6, 28)
CC = "chief_constable"

C1 = cause("CoC 1", CC)
R = {n: rec(str(n), CC, date="2022-12-31", coc="CoC 1") for n in range(1, 4)}
A = {n: afi(f"AFI {n}", CC) for n in range(1, 9)}


def _afi(n: int, text: str) -> list:
    return [Heading(2, "Area for improvement", in_contents=False), Para(text, A[n])]


CASE = Case(
    slug="holdout-eastbrook-peel-2021-22-pdf",
    set_name="holdout",
    title="PEEL 2021/22 – An inspection of Eastbrook Constabulary",
    kind="peel",
    published_on=PUBLISHED,
    source="constructed",
    provenance=(
        "Constructed throughout, for a fictional force (Eastbrook), in the layout of "
        "PEEL 2021/22 force reports: 'Our judgments', 'HM Inspector’s observations' with "
        "a count sentence, one section per PEEL question with its graded judgment, "
        "'Area for improvement' headings, a cause of concern with 'Recommendations' and a "
        "dated lead-in. The 'Our judgments' and 'Important changes to PEEL' wording "
        "follows the real HMICFRS 2021/22 boilerplate (PEEL assessments 2021/22 page; "
        "the five-tier grades). No real report's items are used."
    ),
    layouts=[
        "cover and contents before the section",
        "table of contents with dotted leaders",
        "two-level headings",
        "graded sections",
        "area for improvement heading, singular, one per item",
        "findings paragraph straight after an item",
        "cause of concern of two paragraphs",
        "cause of concern then recommendations lead-in with bullets",
        "dated lead-in",
        "count sentences among items",
        "past area for improvement mentioned in findings",
        "past date with should in a finding",
        "innovative practice box",
        "running header and footer",
        "footnotes",
        "ligatures",
        "line-end hyphenation",
        "items across page breaks",
    ],
    form="pdf",
    running_header="Eastbrook Constabulary: PEEL 2021/22",
    footer="© HMICFRS 2022",
    ligature_words=(
        "officer",
        "find",
        "first",
        "signific",
        "identif",
        "confiden",
        "profile",
        "conflict",
        "flexib",
    ),
    footnotes={
        1: "The Code of Practice for Victims of Crime in England and Wales, 2020.",
        2: "Data supplied by the force for the 12 months to 31 December 2021.",
        3: "A multi-agency safeguarding hub (MASH) brings together the police, children’s and adults’ social care, health and education to share information about people at risk.",
        4: "The domestic abuse, stalking and harassment and honour-based violence (DASH) risk assessment, or its successor approved by the College of Policing.",
    },
    blocks=[
        Cover(
            [
                ("PEEL 2021/22", 26),
                ("Police effectiveness, efficiency and legitimacy", 16),
                ("An inspection of Eastbrook Constabulary", 15),
                ("June 2022", 11),
            ]
        ),
        PageBreak(),
        Contents(),
        PageBreak(),
        Heading(1, "Overall summary"),
        Heading(2, "Our judgments"),
        Para(
            "Our inspection assessed how good Eastbrook Constabulary is in nine areas of policing. We make graded judgments in eight of these nine as follows: the force is good in two areas, adequate in two areas, requires improvement in three areas and inadequate in one area."
        ),
        Para(
            "We also inspected how effective a service Eastbrook Constabulary gives to victims of crime. We don’t make a graded judgment in this overall area."
        ),
        Heading(2, "Important changes to PEEL"),
        Para(
            "We have changed our approach to graded judgments. We now assess forces against the characteristics of good performance, and we more clearly link our judgments to causes of concern and areas for improvement. We have also expanded our previous four-tier system of judgments to five tiers: outstanding, good, adequate, requires improvement and inadequate."
        ),
        Heading(2, "HM Inspector’s observations"),
        Para(
            "I have significant concerns about how Eastbrook Constabulary protects vulnerable people. The force is good at treating the public fairly and at planning for the future, but it needs to improve how it responds to the public and how it investigates crime."
        ),
        Para(
            "We have identified one cause of concern and made three recommendations. We have also identified eight areas for improvement."
        ),
        Para(
            "In our last inspection, we identified an area for improvement in how the force records crime. The force has addressed it: its crime recording is now among the most accurate we have seen."
        ),
        PageBreak(),
        Heading(1, "Providing a service to the victims of crime"),
        Para(
            "We don’t make a graded judgment in this area. We reviewed 130 case files and found that the force gives a good service to most victims when they first report a crime."
        ),
        *_afi(
            1,
            "The force should make sure that victims are told when their investigation is closed, and that it records whether each victim has been offered the services they are entitled to under the Victims’ Code.^1",
        ),
        Heading(3, "Main findings", in_contents=False),
        Para(
            "Call handlers record most crimes correctly at the first point of contact. But in 14 of the 48 closed investigations we reviewed, there was no record that the victim had been told the outcome, and in a further nine the victim had been told only after we asked the force to check."
        ),
        Heading(1, "Engaging with and treating the public with fairness and respect"),
        Para(
            "Eastbrook Constabulary is good at treating people fairly and with respect.",
            style="grade",
        ),
        Para(
            "The force uses its independent advisory groups well. Its scrutiny panels review body-worn video footage of stop and search and the use of force each month, and their findings are shared with officers and published on the force’s website."
        ),
        Box(
            "Innovative practice",
            "Young people scrutinise stop and search",
            [
                "The force trained 30 young people from the county’s schools and colleges to review body-worn video of stop and search encounters. Their feedback is used in officer training, and officers told us they found it valuable.",
            ],
            css="innovative-practice",
        ),
        Heading(1, "Preventing crime and anti-social behaviour"),
        Para(
            "Eastbrook Constabulary is adequate at preventing crime and anti-social behaviour.",
            style="grade",
        ),
        *_afi(
            2,
            "The force should evaluate its problem-solving work and share what it learns, so that neighbourhood teams use the approaches that work best.",
        ),
        Para(
            "We found good examples of neighbourhood officers working with local authorities and housing providers to solve long-standing problems. But the force doesn’t routinely evaluate this work, and officers in different areas told us they did not know what their colleagues had tried."
        ),
        Heading(1, "Responding to the public"),
        Para(
            "Eastbrook Constabulary requires improvement at responding to the public.",
            style="grade",
        ),
        *_afi(
            3,
            "The force should make sure that it answers non-emergency calls promptly, and that it reduces the number of callers who abandon their call before it is answered.",
        ),
        Para(
            "In the 12 months to 31 December 2021, callers to the force’s non-emergency number waited on average more than seven minutes for an answer, and one in five abandoned their call.^2 The force has introduced an online reporting service, but too few people use it."
        ),
        *_afi(
            4,
            "The constabulary needs to improve how it identifies repeat and vulnerable callers when they first contact it. Call handlers should use the structured risk assessment for every call and check force systems for previous contact.",
        ),
        Heading(
            3, "Call handlers do not always check previous contact", in_contents=False
        ),
        Para(
            "In 22 of the 96 calls we reviewed, the call handler did not check whether the caller had contacted the force before. In six of these, the caller was a repeat victim of domestic abuse. The force has started to audit a sample of calls each week, and it plans to give call handlers more training on how to find previous contact quickly."
        ),
        Heading(1, "Investigating crime"),
        Para(
            "Eastbrook Constabulary requires improvement at investigating crime.",
            style="grade",
        ),
        *_afi(
            5,
            "The force should make sure that investigations are allocated to officers with the skills and experience to carry them out, and that supervisors review each investigation and record their direction.",
        ),
        Para(
            "The force told us that it should have completed its review of investigation standards by March 2022, but this has been delayed until later in the year. Supervisors we spoke to said they did not have the time to review every investigation."
        ),
        *_afi(
            6,
            "The force should reduce the time it takes to examine digital devices, so that investigations are not delayed and victims are not left without their phones.",
        ),
        Para(
            "At the time of our inspection, 640 devices were waiting to be examined, and some had been waiting for more than six months. The force has bought new equipment for its digital forensic unit, and it has started to train officers to examine some devices themselves, but it is too early to see the effect of either."
        ),
        Heading(1, "Protecting vulnerable people"),
        Para(
            "Eastbrook Constabulary is inadequate at protecting vulnerable people.",
            style="grade",
        ),
        Heading(2, "Cause of concern", in_contents=False),
        Para(
            "Eastbrook Constabulary doesn’t always identify and respond to the risks faced by vulnerable people quickly enough. Too many referrals to its multi-agency safeguarding hub^3 wait more than 48 hours to be assessed, and the force doesn’t always share information with its safeguarding partners when it should.",
            C1,
        ),
        Para(
            "This means that some children and adults at risk of harm are not protected as quickly as they need to be.",
            C1,
        ),
        Heading(3, "Recommendations", in_contents=False),
        Para("By 31 December 2022, the force should:", style="lead"),
        ListBlock(
            [
                (
                    "make sure that it has enough trained staff in its multi-agency safeguarding hub to assess every referral within the timescales agreed with its safeguarding partners;",
                    R[1],
                ),
                (
                    "introduce supervisory checks so that referrals about children at high risk are prioritised and shared with children’s social care on the day they are received; and",
                    R[2],
                ),
                (
                    "make sure that officers attending domestic abuse incidents complete a risk assessment^4 for every victim, and that a supervisor reviews it before the end of the officer’s shift.",
                    R[3],
                ),
            ]
        ),
        Para(
            "When we inspected, 312 referrals were waiting to be assessed, and the oldest had been waiting for 11 days. The force had recognised the problem and had moved six officers into the hub temporarily, but it had no plan to make the extra capacity permanent."
        ),
        *_afi(
            7,
            "The force should improve how it uses protective orders, including domestic violence protection orders and stalking protection orders, to safeguard victims.",
        ),
        Para(
            "Officers we spoke to were not confident about when to apply for an order. The force applied for 41 domestic violence protection orders in 2021, fewer than most forces of its size."
        ),
        Heading(1, "Managing offenders and suspects"),
        Para(
            "Eastbrook Constabulary is adequate at managing offenders and suspects.",
            style="grade",
        ),
        *_afi(
            8,
            "The force should make sure that its offender managers complete risk assessments of registered sex offenders on time, and that visits take place at the frequency the assessment requires.",
        ),
        Para(
            "Each offender manager was responsible for more than 70 registered sex offenders. In 11 of the 40 cases we reviewed, the risk assessment was overdue."
        ),
        Heading(1, "Strategic planning, organisational management and value for money"),
        Para(
            "Eastbrook Constabulary is good at planning and managing its organisation efficiently, making sure it achieves value for money, now and in the future.",
            style="grade",
        ),
        Para(
            "The force has a clear understanding of the demand it faces and plans its workforce to meet it. It has a flexible approach to shift patterns that officers told us had improved their wellbeing, and its financial plans are realistic."
        ),
    ],
)
