# ruff: noqa: E501, RUF001
"""Joint inspection (HMICFRS with HMCPSI): recommendations numbered across groups, each
group under an addressee lead-in ("Chief constables should, within six months:"), some
with their own deadlines, some addressed to bodies outside the owner list."""

import datetime as dt

from ..model import Case, Cover, Heading, ListBlock, PageBreak, Para, add_months, rec

PUBLISHED = dt.date(2021, 7, 16)
CC, COP, HO, NPCC, OTHER = (
    "chief_constable",
    "college_of_policing",
    "home_office",
    "npcc",
    "other",
)
SIX = add_months(PUBLISHED, 6).isoformat()
TWELVE = add_months(PUBLISHED, 12).isoformat()

R = {n: rec(str(n), CC, date=SIX) for n in range(1, 5)}
R[5] = rec("5", OTHER, date="2021-12-31", other=["CPS"])
R[6] = rec("6", OTHER, other=["CPS"])
R[7] = rec("7", OTHER, date=SIX, other=["CPS"])
R[8] = rec("8", CC, OTHER, other=["CPS"])
R[9] = rec("9", CC, OTHER, date="2022-03-31", other=["CPS"])
R[10] = rec("10", HO, OTHER, date="2022-03-31", other=["Ministry of Justice"])
R[11] = rec("11", HO, OTHER, date="2022-03-31", other=["Ministry of Justice"])
R[12] = rec("12", COP, NPCC, date=TWELVE)

CASE = Case(
    slug="joint-rape-inspection-phase-one-2021-pdf",
    title="A joint thematic inspection of the police and Crown Prosecution Service’s response to rape – Phase one: From report to police or CPS decision to take no further action",
    kind="joint",
    published_on=PUBLISHED,
    source="constructed",
    provenance=(
        "Real: the title, the publication date (16 July 2021), HMICFRS as lead with HM "
        "Crown Prosecution Service Inspectorate, and the phase-one scope (CJJI page for the "
        "inspection; HMICFRS publication-html page). The recommendations, their grouping "
        "and deadlines are constructed in the style of joint inspection reports, to cover "
        "addressee groups, bodies outside the owner list (CPS, Ministry of Justice) and "
        "group deadlines with item deadlines inside them."
    ),
    layouts=[
        "joint inspection grouped by addressee",
        "numbered list continuing across groups",
        "group lead-in with deadline",
        "item deadline inside a group",
        "other owner",
        "by the end of year",
        "within twelve months",
        "running header and footer",
        "ligatures",
        "line-end hyphenation",
    ],
    form="pdf",
    running_header="A joint thematic inspection of the police and CPS response to rape – Phase one",
    footer="© HMICFRS and HMCPSI 2021",
    ligature_words=(
        "officer",
        "find",
        "first",
        "signific",
        "identif",
        "confiden",
        "specific",
    ),
    footnotes={
        2: "The Rape and Serious Sexual Offences (RASSO) units in each CPS Area.",
        1: "Outcome 16: evidential difficulties, where the victim does not support further police action.",
    },
    blocks=[
        Cover(
            [
                (
                    "A joint thematic inspection of the police and Crown Prosecution Service’s response to rape",
                    20,
                ),
                (
                    "Phase one: From report to police or CPS decision to take no further action",
                    14,
                ),
                ("July 2021", 12),
            ]
        ),
        PageBreak(),
        Heading(1, "Headline findings"),
        Para(
            "The criminal justice system’s response to rape offences too often lacks focus, clarity and commitment. It fails to put victims at the heart of building strong cases. While we found examples of effective individuals and teams in every force and CPS Area, these were the exception."
        ),
        Para(
            "In too many cases the police closed the investigation with an outcome 16^1 without recording why the victim had withdrawn their support, or what had been done to keep them engaged."
        ),
        Heading(1, "Recommendations"),
        Para(
            "We make 12 recommendations. We address each group of recommendations to the organisations that can act on them, and we will ask each of them for evidence of progress."
        ),
        Para("Chief constables should, within six months:", style="lead"),
        ListBlock(
            [
                (
                    "make sure that every rape investigation is allocated to an officer who has completed specialist training in the investigation of rape and serious sexual offences;",
                    R[1],
                ),
                (
                    "make sure that each rape investigation has a written investigation plan that a supervisor reviews at set points;",
                    R[2],
                ),
                (
                    "make sure that victims are referred to an independent sexual violence adviser at the earliest opportunity, and that the referral is recorded; and",
                    R[3],
                ),
                (
                    "review every case closed with outcome 16 in the previous six months, to identify why victims withdrew their support and what more could have been done.",
                    R[4],
                ),
            ],
            ordered=True,
        ),
        Para("The CPS should:", style="lead"),
        ListBlock(
            [
                (
                    "by the end of 2021, make sure that every RASSO unit^2 has enough specialist prosecutors to give early investigative advice within the timescales it has agreed with the police;",
                    R[5],
                ),
                (
                    "make sure that its case strategies and action plans are clear, proportionate and focused on the issues that will decide the case; and",
                    R[6],
                ),
                (
                    "within six months, review how it explains decisions to take no further action to victims, so that letters are clear, accurate and sensitive to the victim’s circumstances.",
                    R[7],
                ),
            ],
            ordered=True,
            start=5,
        ),
        Para("Chief constables and the CPS should jointly:", style="lead"),
        ListBlock(
            [
                (
                    "agree, for each force and CPS Area, a single joint plan for improving the response to rape, with shared performance measures that both organisations report against; and",
                    R[8],
                ),
                (
                    "by 31 March 2022, set up case-progression meetings between police investigators and prosecutors for every rape case referred for a charging decision.",
                    R[9],
                ),
            ],
            ordered=True,
            start=8,
        ),
        Para(
            "The Home Office and the Ministry of Justice should, by 31 March 2022:",
            style="lead",
        ),
        ListBlock(
            [
                (
                    "fund a national evaluation of how effectively independent sexual violence advisers support victims through the criminal justice system; and",
                    R[10],
                ),
                (
                    "publish data on the time taken at each stage of rape cases, from report to the end of any trial.",
                    R[11],
                ),
            ],
            ordered=True,
            start=10,
        ),
        Para(
            "The College of Policing and the National Police Chiefs’ Council should:",
            style="lead",
        ),
        ListBlock(
            [
                (
                    "within 12 months, publish national guidance on the supervision of rape investigations, drawing on the findings of this inspection and of Operation Soteria.",
                    R[12],
                ),
            ],
            ordered=True,
            start=12,
        ),
        Para(
            "HMICFRS and HMCPSI will examine progress against these recommendations in phase two of this inspection, which considers cases from charge to disposal."
        ),
        Heading(1, "About this inspection"),
        Para(
            "Inspectors from HMICFRS and HMCPSI examined police and CPS files for rape cases that did not proceed. We commissioned research to hear about victims’ experiences directly, and we asked the police, the CPS, government departments and victim representative groups for their data."
        ),
    ],
)
