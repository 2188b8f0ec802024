# ruff: noqa: E501, RUF001
"""PEEL 2018/19 force report: causes of concern, each followed by "Recommendations"
and a lead-in ("HMIC recommends that the force should immediately:") over bullets that
are each a recommendation, plus an unnumbered area for improvement."""

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
    cause,
    rec,
)  # fmt: skip

PUBLISHED = dt.date(2019, 9, 27)
CC = "chief_constable"
NOW = PUBLISHED.isoformat()
SIX = add_months(PUBLISHED, 6).isoformat()

C1, C2 = cause("CoC 1", CC), cause("CoC 2", CC)
R = {n: rec(str(n), CC, date=NOW, coc="CoC 1") for n in range(1, 7)}
R.update({n: rec(str(n), CC, date=SIX, coc="CoC 2") for n in range(7, 11)})
A1 = afi("AFI 1", CC)

CASE = Case(
    slug="west-mercia-peel-2018-19-pdf",
    title="PEEL: Police effectiveness, efficiency and legitimacy 2018/19 – West Mercia Police",
    kind="peel",
    published_on=PUBLISHED,
    source="mixed",
    provenance=(
        "Real wording: both causes of concern and recommendations 1–9 and the first part "
        "of 10 (HMICFRS register as shown by accountabilityindex.uk and inquirytracker.uk, "
        "'PEEL 2018-19 CoC Recommendations: West Mercia Police'); the area for improvement "
        "and the HMI's observations (HMICFRS page peel-assessments/peel-2018/west-mercia/). "
        "Constructed: the end of recommendation 8 after 'ensuring it allocates "
        "investigations' (the register text is cut off there; 'to appropriately trained "
        "staff' echoes the HMI's observations); the section layout, headings and page "
        "furniture. The register lists 14 cause-of-concern recommendations; this section "
        "keeps the 10 whose wording was retrieved, in the register's order. "
        "Publication date: West Mercia was in tranche two, published 27 September 2019 "
        "(date of the group's spotlight report; not checked against the force report)."
    ),
    layouts=[
        "cause of concern then recommendations lead-in with bullets",
        "immediately",
        "within six months",
        "plain areas for improvement heading with bullets",
        "cover and contents before the section",
        "running header and footer",
        "ligatures",
        "line-end hyphenation",
        "items across page breaks",
    ],
    form="pdf",
    running_header="PEEL 2018/19 – West Mercia Police",
    footer="© HMICFRS 2019",
    ligature_words=(
        "officer",
        "fit",
        "find",
        "first",
        "signific",
        "identif",
        "confiden",
    ),
    blocks=[
        Cover(
            [
                ("PEEL: Police effectiveness, efficiency and legitimacy 2018/19", 22),
                ("An inspection of West Mercia Police", 15),
                ("© HMICFRS 2019", 10),
            ]
        ),
        PageBreak(),
        Contents(),
        PageBreak(),
        Heading(1, "HMI’s observations"),
        Para(
            "I have concerns about some aspects of the performance of West Mercia Police in keeping people safe and reducing crime and, in particular, serious concerns about the force’s efficiency. In view of these findings, I have been in regular contact with the chief constable, because I do not underestimate the challenges ahead."
        ),
        Para(
            "The force is good at preventing crime and tackling anti-social behaviour. But it needs to improve the way it investigates crime and how swiftly it brings offenders to justice. I am concerned that crimes are not always allocated to appropriately trained staff and that they are not investigated thoroughly enough or supervised effectively. The force also needs to improve how it protects vulnerable people. In particular, it needs to make sure that it responds to all reports of people at risk in a timely manner and works more closely with partners to ensure that such people are adequately safeguarded."
        ),
        Para("Wendy Williams", style="grade"),
        Para("HM Inspector of Constabulary", style="small"),
        PageBreak(),
        Heading(1, "Causes of concern"),
        Para(
            "We have identified two causes of concern. We set out below the recommendations we have made to address each of them."
        ),
        Heading(2, "Cause of concern"),
        Para(
            "The force does not have suitable arrangements in place to make sure it can maintain the full range of public services when its alliance with Warwickshire Police ends. There are gaps in its workforce skills assessment, and weaknesses in both its investigative approach and its approach to safeguarding vulnerable people.",
            C1,
        ),
        Heading(3, "Recommendations", in_contents=False),
        Para("HMIC recommends that the force should immediately:", style="lead"),
        ListBlock(
            [
                (
                    "conduct a review of officers’ capabilities and capacity to manage their investigative workload, to better understand investigative demand and the pressures placed upon them; and",
                    R[1],
                ),
                (
                    "conduct a review, involving its partners, of the approach to vulnerability to better safeguard vulnerable people.",
                    R[2],
                ),
                (
                    "expand the skills project work to include an assessment of all skills, not only operational, including potential future skills requirements. This assessment should inform workforce plans;",
                    R[3],
                ),
                (
                    "agree arrangements with Warwickshire Police to secure a smooth transition to its future operating model, ensuring no disruption to public services; and",
                    R[4],
                ),
                (
                    "clearly define its new operating model, ensuring all operational and support services are affordable and fit to protect the communities of West Mercia;",
                    R[5],
                ),
                (
                    "improve its arrangements both to consult with the public about business planning and to feed back on changes made to service delivery as a result of such consultation.",
                    R[6],
                ),
            ]
        ),
        Heading(2, "Cause of concern"),
        Para(
            "The force does not have the capacity or capability to investigate crime effectively and this is affecting the service being provided to the public. There are failings in the way that crimes are being investigated.",
            C2,
        ),
        Heading(3, "Recommendations", in_contents=False),
        Para("HMIC recommends that within six months the force should:", style="lead"),
        ListBlock(
            [
                (
                    "ensure regular and active supervision of the quality and progress of investigations. This supervision should be properly recorded;",
                    R[7],
                ),
                (
                    "improve how it responds to reports of crimes, how it then allocates them, ensuring it allocates investigations to appropriately trained staff;",
                    R[8],
                ),
                (
                    "improve its ability to retrieve digital evidence from mobile phones, computers and other electronic devices quickly enough to ensure investigations are not delayed;",
                    R[9],
                ),
                (
                    "improve its understanding of suspects released under investigation and the management of those released on bail;",
                    R[10],
                ),
            ]
        ),
        Heading(1, "Effectiveness"),
        Heading(
            2,
            "How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?",
        ),
        Heading(3, "Areas for improvement", in_contents=False),
        ListBlock(
            [
                (
                    "The force should introduce a performance framework to hold officers and staff to account for effective crime prevention activity.",
                    A1,
                ),
            ]
        ),
        Para(
            "We set out our detailed findings below. These are the basis for our judgment of the force’s performance in this area."
        ),
        Heading(3, "Prioritising crime prevention", in_contents=False),
        Para(
            "West Mercia Police prioritises crime prevention. It has 81 dedicated safer neighbourhood teams. These give good coverage across the force’s communities. In April 2018, the force launched a new approach to neighbourhood policing. It focuses on problem solving and early intervention in response to community needs."
        ),
    ],
)
