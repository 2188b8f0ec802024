# ruff: noqa: E501, RUF001
"""Saved web page of a joint inspection with Ofsted, CQC and HMI Probation: addressee
lead-ins in bold paragraphs ("Chief constables should:") over one numbered list that
runs on across the groups; most owners are outside the owner list."""

import datetime as dt

from ..model import Case, Heading, ListBlock, Para, add_months, rec

PUBLISHED = dt.date(2024, 3, 12)
CC, HO, HMI, OTHER = "chief_constable", "home_office", "hmicfrs", "other"
TWELVE = add_months(PUBLISHED, 12).isoformat()

R = {
    1: rec("1", CC),
    2: rec("2", CC),
    3: rec("3", CC, date=add_months(PUBLISHED, 6).isoformat()),
    4: rec("4", OTHER, other=["local authorities"]),
    5: rec("5", OTHER, other=["local authorities"]),
    6: rec("6", OTHER, other=["NHS England", "integrated care boards"]),
    7: rec("7", OTHER, other=["NHS England", "integrated care boards"]),
    8: rec("8", OTHER, other=["youth justice services", "Youth Justice Board"]),
    9: rec(
        "9",
        HO,
        OTHER,
        date=TWELVE,
        other=["Department for Education", "Department of Health and Social Care"],
    ),
    10: rec("10", HMI, OTHER, other=["Ofsted", "CQC", "HMI Probation"]),
}

CASE = Case(
    slug="joint-inspection-youth-violence-2024-html",
    title="The multi-agency response to serious youth violence: findings from joint targeted area inspections",
    kind="joint",
    published_on=PUBLISHED,
    source="constructed",
    provenance=(
        "Constructed throughout: a fictional joint report by Ofsted, the Care Quality "
        "Commission, HMICFRS and HM Inspectorate of Probation, in the layout of joint "
        "inspection reports that group recommendations under addressee lead-ins. It "
        "covers owners outside the owner list (local authorities, NHS England, integrated "
        "care boards, government departments, other inspectorates) and 'HMICFRS … will'."
    ),
    layouts=[
        "saved web page",
        "joint inspection grouped by addressee",
        "bold lead-in paragraphs",
        "numbered list continuing across groups",
        "other owner",
        "several other owners",
        "group lead-in with deadline",
        "within twelve months",
        "HMICFRS will",
        "script that must not run",
    ],
    form="html",
    options={
        "path": "publication-html/multi-agency-response-to-serious-youth-violence/"
    },
    blocks=[
        Heading(1, "Introduction"),
        Para(
            "Between May and December 2023, Ofsted, the Care Quality Commission (CQC), HMICFRS and HM Inspectorate of Probation carried out joint targeted area inspections in six local authority areas. Each inspection looked at how well local agencies work together to protect children from serious youth violence."
        ),
        Para(
            "Children told us that they often did not feel safe travelling to and from school. Professionals knew the children most at risk, but information about them was not always shared quickly enough."
        ),
        Heading(1, "Recommendations"),
        Para("Chief constables should:", style="grade"),
        ListBlock(
            [
                (
                    "make sure that information about children at risk of serious youth violence is shared with safeguarding partners on the day it is received;",
                    R[1],
                ),
                (
                    "make sure that officers who encounter children carrying weapons consider whether the child is being exploited, and record that consideration; and",
                    R[2],
                ),
                (
                    "within six months, review how their forces use stop and search powers with children, to make sure each search is lawful, necessary and recorded.",
                    R[3],
                ),
            ],
            ordered=True,
        ),
        Para("Local authorities should:", style="grade"),
        ListBlock(
            [
                (
                    "make sure that children excluded from school are offered full-time education within six school days; and",
                    R[4],
                ),
                (
                    "include children at risk of serious youth violence in their local child safeguarding practice reviews.",
                    R[5],
                ),
            ],
            ordered=True,
            start=4,
        ),
        Para("NHS England and integrated care boards should:", style="grade"),
        ListBlock(
            [
                (
                    "make sure that emergency departments share information with the police and the local authority when a child attends with a knife injury; and",
                    R[6],
                ),
                (
                    "make sure that children in contact with youth justice services can get mental health support without waiting more than four weeks.",
                    R[7],
                ),
            ],
            ordered=True,
            start=6,
        ),
        Para(
            "Youth justice services and the Youth Justice Board should:", style="grade"
        ),
        ListBlock(
            [
                (
                    "agree standards for the risk assessments that youth justice services complete for children who have committed violent offences.",
                    R[8],
                ),
            ],
            ordered=True,
            start=8,
        ),
        Para(
            "The Home Office, the Department for Education and the Department of Health and Social Care should, within 12 months of publication:",
            style="grade",
        ),
        ListBlock(
            [
                (
                    "publish joint guidance for safeguarding partners on their responsibilities to children at risk of serious youth violence.",
                    R[9],
                ),
            ],
            ordered=True,
            start=9,
        ),
        Para("The inspectorates:", style="grade"),
        ListBlock(
            [
                (
                    "HMICFRS, Ofsted, CQC and HMI Probation will return to this theme in their joint inspection programme for 2025–26.",
                    R[10],
                ),
            ],
            ordered=True,
            start=10,
        ),
        Heading(1, "Methodology"),
        Para(
            "In each area, inspectors examined case files for children who had been victims or perpetrators of serious youth violence, spoke to children and their families, and interviewed professionals from all agencies."
        ),
    ],
)
