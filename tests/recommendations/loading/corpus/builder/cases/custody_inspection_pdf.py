# ruff: noqa: E501, RUF001
"""Joint custody inspection (HMICFRS with HM Inspectorate of Prisons): numbered causes of
concern each with a numbered recommendation, a numbered list of areas for improvement,
owners that include the PCC, NHS England and a local authority, and good practice that
is not an item."""

import datetime as dt

from ..model import (
    Box,
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

PUBLISHED = dt.date(2023, 5, 23)
CC, PCC, OTHER = "chief_constable", "pcc", "other"

C1, C2 = cause("CoC 1", CC, PCC), cause("CoC 2", OTHER, other=["NHS England"])
R1 = rec("1", CC, PCC, date=add_months(PUBLISHED, 12).isoformat(), coc="CoC 1")
R2 = rec("2", OTHER, other=["NHS England"], coc="CoC 2")
A = {n: afi(f"AFI {n}", CC) for n in range(1, 9)}
A[4] = afi("AFI 4", CC, OTHER, other=["local authority"])
A[7] = afi("AFI 7", CC, OTHER, other=["NHS England"])
A[8] = afi("AFI 8", PCC)

CASE = Case(
    slug="custody-inspection-eastdale-2023-pdf",
    title="Report on an unannounced inspection visit to police custody suites in Eastdale",
    kind="joint",
    published_on=PUBLISHED,
    source="constructed",
    provenance=(
        "Constructed throughout, for a fictional force (Eastdale), in the layout of the "
        "joint HMICFRS and HM Inspectorate of Prisons custody reports (report title form, "
        "'carried out in partnership with the Care Quality Commission', summary of causes "
        "of concern and recommendations, areas for improvement, good practice) as seen in "
        "published custody reports' front matter. No real report's items are used."
    ),
    layouts=[
        "numbered cause of concern headings",
        "numbered recommendation headings",
        "numbered areas for improvement list",
        "good practice box",
        "other owner",
        "owner in a working-with clause",
        "pcc owner",
        "within twelve months",
        "count sentences among items",
        "running header and footer",
        "ligatures",
    ],
    form="pdf",
    running_header="Eastdale police custody suites",
    footer="© Crown copyright 2023",
    ligature_words=(
        "officer",
        "find",
        "first",
        "signific",
        "identif",
        "confiden",
        "specific",
        "flex",
    ),
    options={"expect_hyphenation": True},
    blocks=[
        Cover(
            [
                (
                    "Report on an unannounced inspection visit to police custody suites in",
                    16,
                ),
                ("Eastdale", 26),
                (
                    "by HM Inspectorate of Prisons and HM Inspectorate of Constabulary and Fire & Rescue Services",
                    12,
                ),
                ("6–17 February 2023", 12),
            ]
        ),
        PageBreak(),
        Para(
            "This inspection was carried out in partnership with the Care Quality Commission.",
            style="small",
        ),
        Heading(1, "Introduction"),
        Para(
            "Eastdale Police has four custody suites with 62 cells in total. In the 12 months before our inspection, it detained 14,300 people, of whom 540 were children. Health services in custody are commissioned by NHS England.",
            style="small",
        ),
        Para(
            "This report describes our findings following an unannounced inspection of police custody suites in Eastdale. The inspection was part of a programme of inspections covering every police force in England and Wales, and it assessed the effectiveness of custody services and outcomes for detained people throughout the custody process."
        ),
        Para(
            "We found that detainees were treated respectfully and that most cells were clean. But the force did not always know how many detainees it held under the Mental Health Act 1983, and some detainees with mental health needs waited too long for an assessment. Leaders had begun to address some of these problems before our inspection."
        ),
        Heading(1, "Summary of causes of concern and recommendations"),
        Para(
            "We identified two causes of concern and made two recommendations. We also identified eight areas for improvement. We will ask the force and its partners for an action plan that addresses each of them."
        ),
        Heading(2, "Cause of concern 1"),
        Para(
            "Governance of the use of force in custody was weak. The force could not show that each use of force was justified, proportionate and recorded, and its data on the use of force in custody were unreliable.",
            C1,
        ),
        Heading(3, "Recommendation 1", in_contents=False),
        Para(
            "Within 12 months of publication, the force and the police and crime commissioner should make sure that every use of force in custody is recorded, reviewed by a supervisor and reported to a governance board that can identify and act on themes.",
            R1,
        ),
        Heading(2, "Cause of concern 2"),
        Para(
            "Detainees with mental health needs waited too long for a mental health assessment, and some were held for more than 24 hours because no suitable bed was available. Custody staff told us that they often could not get advice from a mental health practitioner at night, and the force did not know how many detainees were affected.",
            C2,
        ),
        Heading(3, "Recommendation 2", in_contents=False),
        Para(
            "NHS England, working with the force, should make sure that mental health assessments for detainees take place promptly, and that detainees who need a hospital bed are transferred without delay.",
            R2,
        ),
        Heading(1, "Areas for improvement"),
        ListBlock(
            [
                (
                    "The force should make sure that custody records are completed accurately, including the reasons for decisions about detainees’ risk.",
                    A[1],
                ),
                (
                    "The force should make sure that detainees are told of their rights and entitlements in a way they understand, including through interpreters where needed.",
                    A[2],
                ),
                (
                    "The force should make sure that strip searches are authorised, justified and recorded, and that the dignity of detainees is protected.",
                    A[3],
                ),
                (
                    "The force and the local authority should make sure that children who are charged and refused bail are moved to local authority accommodation.",
                    A[4],
                ),
                (
                    "The force should make sure that detainees are offered a shower, exercise and reading material when they are held for long periods.",
                    A[5],
                ),
                (
                    "The force should make sure that custody staff receive refresher training in the first aid and risk assessment of detainees.",
                    A[6],
                ),
                (
                    "The force and NHS England should make sure that detainees can continue to take prescribed medication while in custody.",
                    A[7],
                ),
                (
                    "The police and crime commissioner should make sure that independent custody visitors can visit all suites at any time and that their findings are acted on.",
                    A[8],
                ),
            ],
            ordered=True,
        ),
        Heading(1, "Good practice"),
        Box(
            "Good practice",
            "Liaison and diversion staff were available in every suite",
            [
                "Liaison and diversion practitioners were based in each custody suite from 8am to 10pm. They saw most detainees with mental health or substance misuse needs, and referred them to community services before release.",
            ],
            css="good-practice",
        ),
        Para(
            "We found that custody staff treated detainees with courtesy, and that most detainees we spoke to said they had been treated well."
        ),
    ],
)
