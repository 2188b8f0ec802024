# ruff: noqa: E501, RUF001
"""PEEL 2021/22 force report: a cause of concern with "Recommendations" and a
"should, within three months:" lead-in over bullets; count sentences that are not
items; unnumbered areas for improvement under graded sections."""

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

PUBLISHED = dt.date(2022, 3, 31)
CC = "chief_constable"
THREE = add_months(PUBLISHED, 3).isoformat()  # 30 June: there is no 31 June

C1 = cause("CoC 1", CC)
R1, R2 = rec("1", CC, date=THREE, coc="CoC 1"), rec("2", CC, date=THREE, coc="CoC 1")
A = {n: afi(f"AFI {n}", CC) for n in range(1, 7)}

CASE = Case(
    slug="west-mercia-peel-2021-22-pdf",
    title="PEEL 2021/22 – An inspection of West Mercia Police",
    kind="peel",
    published_on=PUBLISHED,
    source="mixed",
    provenance=(
        "Real wording: the cause of concern and its two recommendations with their "
        "lead-in 'West Mercia Police should, within three months:' (quoted in HMICFRS's "
        "revisit letter 'West Mercia Police revisit: service to victims cause of concern', "
        "31 October 2023); the 'Our judgments' and 'Important changes to PEEL' text "
        "(HMICFRS page peel-reports/west-mercia-2021-22); the HMI's words and the grades "
        "(good in one area, adequate in four, requires improvement in three: HMICFRS news "
        "'West Mercia Police requires improvement'). Constructed: the six areas for "
        "improvement, the findings paragraphs, which grade sits under which heading, and "
        "the page furniture. The publication date was not found: 31 March 2022 is assumed "
        "(the force was inspected in September 2021), and the three-month dates count "
        "from it."
    ),
    layouts=[
        "cause of concern then recommendations lead-in with bullets",
        "within three months",
        "count sentences among items",
        "graded headings",
        "plain areas for improvement heading with paragraphs",
        "running header and footer",
        "ligatures",
        "line-end hyphenation",
        "month-end clamping",
    ],
    form="pdf",
    running_header="PEEL 2021/22 – Police effectiveness, efficiency and legitimacy",
    footer="© HMICFRS 2022",
    ligature_words=(
        "officer",
        "find",
        "first",
        "signific",
        "identif",
        "confiden",
        "profile",
    ),
    footnotes={
        1: "The Code of Practice for Victims of Crime in England and Wales, 2020.",
        2: "Data supplied by the force for the 12 months to 30 September 2021.",
    },
    blocks=[
        Cover(
            [
                ("PEEL 2021/22", 26),
                ("Police effectiveness, efficiency and legitimacy", 16),
                ("An inspection of West Mercia Police", 15),
            ]
        ),
        PageBreak(),
        Heading(1, "Overall summary"),
        Heading(2, "Our judgments"),
        Para(
            "Our inspection assessed how good West Mercia Police is in nine areas of policing. We make graded judgments in eight of these nine as follows: the force is good in one area, adequate in four areas and requires improvement in three areas."
        ),
        Para(
            "We also inspected how effective a service West Mercia Police gives to victims of crime. We don’t make a graded judgment in this overall area."
        ),
        Para(
            "We set out our detailed findings about things the force is doing well and where the force should improve in the rest of this report."
        ),
        Heading(2, "Important changes to PEEL"),
        Para(
            "In 2014, we introduced our police effectiveness, efficiency and legitimacy (PEEL) inspections, which assess the performance of all 43 police forces in England and Wales. Since then, we have been continuously adapting our approach and this year has seen the most significant changes yet."
        ),
        Para(
            "We have also changed our approach to graded judgments. We now assess forces against the characteristics of good performance, set out in the PEEL Assessment Framework 2021/22, and we more clearly link our judgments to causes of concern and areas for improvement."
        ),
        Heading(2, "HM Inspector’s observations"),
        Para(
            "I am satisfied with some aspects of the performance of West Mercia Police, but there are areas where the force needs to improve. Despite the force’s efforts to improve, too many of its serious investigations are inadequately supervised and not sufficiently effective. This is resulting in a poor service to some victims of crime."
        ),
        Para(
            "We have identified one cause of concern and made two recommendations. We have also identified six areas for improvement."
        ),
        PageBreak(),
        Heading(1, "Providing a service to the victims of crime"),
        Heading(2, "Cause of concern"),
        Para(
            "The force needs to improve how it investigates crimes, supervises investigations and updates victims.",
            C1,
        ),
        Heading(3, "Recommendations", in_contents=False),
        Para("West Mercia Police should, within three months:", style="lead"),
        ListBlock(
            [
                (
                    "make sure investigation plans are created where applicable, with supervisory oversight ensuring that all investigative opportunities are taken; and",
                    R1,
                ),
                (
                    "make sure victims are regularly updated in line with the Victims’ Code^1 and that victim needs assessments and victim personal statements are recorded when appropriate, so victims are provided with suitable support services throughout the investigation.",
                    R2,
                ),
            ]
        ),
        Para(
            "In the 12 months to September 2021, the force recorded an outcome of ‘evidential difficulties: victim does not support action’ for a higher proportion of crimes than most other forces.^2 We found that victims’ needs were not always assessed, and that victims were not always told when their case was closed. Supervisors did not always check that the investigation plan had been followed, or record why an investigation had been closed."
        ),
        Heading(1, "Responding to the public"),
        Para(
            "West Mercia Police requires improvement at responding to the public.",
            style="grade",
        ),
        Para(
            "The force answers most emergency calls promptly, but too many callers to its non-emergency number abandon their call before it is answered. When calls are answered, call handlers do not always use the force’s structured risk assessment, and they do not always check force systems to find out whether the caller has contacted the force before. This means that repeat and vulnerable victims are not always identified, and that some callers do not receive the response their circumstances need."
        ),
        Heading(3, "Areas for improvement", in_contents=False),
        Para(
            "We identified two areas for improvement in how the force responds to the public. The force has a plan to recruit more call handlers, but it was too early to see its effect on the time callers wait for an answer."
        ),
        Para(
            "The force should make sure that it answers emergency and non-emergency calls within national standards, and that it reduces the number of 101 calls that callers abandon.",
            A[1],
        ),
        Para(
            "The force needs to improve how it identifies repeat and vulnerable victims when they first contact it, so that the risk to them is assessed correctly.",
            A[2],
        ),
        Heading(1, "Investigating crime"),
        Para(
            "West Mercia Police requires improvement at investigating crime.",
            style="grade",
        ),
        Heading(3, "Areas for improvement", in_contents=False),
        Para(
            "The force should make sure that officers investigating crime have the skills, experience and time to carry out effective investigations, and that its investigative capacity matches the demand it faces.",
            A[3],
        ),
        Para(
            "The force should make sure that it retrieves digital evidence from mobile phones and other devices quickly enough to avoid delaying investigations.",
            A[4],
        ),
        Heading(1, "Good use of resources"),
        Para(
            "West Mercia Police requires improvement at making good use of its resources.",
            style="grade",
        ),
        Heading(3, "Areas for improvement", in_contents=False),
        Para(
            "The force should make sure that its information technology systems are reliable, so that officers and staff can work efficiently and the public receive a good service.",
            A[5],
        ),
        Para(
            "The force should improve the accuracy of the data it uses to understand demand and to plan its workforce for the short and long term.",
            A[6],
        ),
        Para(
            "Several departments reported understaffing, which can affect workplace wellbeing. The force plans to improve its technical and data capabilities, refresh its operating model and develop its workforce."
        ),
    ],
)
