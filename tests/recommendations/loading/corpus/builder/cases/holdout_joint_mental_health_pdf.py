# ruff: noqa: E501, RUF001
"""Held out. Joint inspection (HMICFRS with HM Inspectorate of Probation, HMCPSI and the
CQC) as a PDF: recommendations under addressee headings, in one numbered list that runs
on from group to group; one group's items hang from a dated lead-in and have no
subject; most addressees are outside the owner list; "HMICFRS will…" and the other
inspectorates "will…"; a "working with" clause; a start date that is not a deadline."""

import datetime as dt

from ..model import Case, Heading, ListBlock, Para, add_months, rec

PUBLISHED = dt.date(2024, 1, 30)
CC, PCC, HO, HMI, OTHER = "chief_constable", "pcc", "home_office", "hmicfrs", "other"
SIX = add_months(PUBLISHED, 6).isoformat()
CPS, HMPPS = ["Crown Prosecution Service"], ["HM Prison and Probation Service"]

R = {
    1: rec("1", CC),
    2: rec("2", CC, date="2024-10-31"),
    3: rec("3", CC, PCC),
    4: rec("4", CC, date=add_months(PUBLISHED, 12).isoformat()),
    5: rec("5", OTHER, date=SIX, other=CPS),
    6: rec("6", OTHER, date=SIX, other=CPS),
    7: rec("7", OTHER, date=SIX, other=CPS),
    8: rec("8", OTHER, other=HMPPS),
    9: rec("9", OTHER, date="2025-03-31", other=HMPPS),
    10: rec("10", OTHER, other=["NHS England", "integrated care boards"]),
    11: rec("11", HO, OTHER, date="2025-03-31", other=["Ministry of Justice"]),
    12: rec("12", HMI),
    13: rec(
        "13",
        OTHER,
        other=["HM Inspectorate of Probation", "HMCPSI", "Care Quality Commission"],
    ),
}


def _entries(first: int, texts: list[str]) -> ListBlock:
    return ListBlock(
        [(text, R[first + n]) for n, text in enumerate(texts)],
        ordered=True,
        start=first,
    )


CASE = Case(
    slug="holdout-joint-mental-health-crisis-2024-pdf",
    set_name="holdout",
    title="A joint inspection of the criminal justice response to people in mental health crisis",
    kind="joint",
    published_on=PUBLISHED,
    source="constructed",
    provenance=(
        "Constructed throughout: a fictional joint inspection by HMICFRS, HM Inspectorate "
        "of Probation, HM Crown Prosecution Service Inspectorate and the Care Quality "
        "Commission (not the real 2021 joint thematic on the criminal justice journey for "
        "individuals with mental health needs, whose items are not used), in the layout "
        "of criminal justice joint inspection reports that group recommendations by "
        "addressee in one numbered sequence."
    ),
    layouts=[
        "joint inspection grouped by addressee",
        "addressee headings",
        "numbered list continuing across groups",
        "addressee lead-in with deadline over items without a subject",
        "list items with joining punctuation",
        "other owner",
        "several other owners",
        "owner in a working-with clause",
        "pcc owner",
        "HMICFRS will",
        "other inspectorates will",
        "start date that is not a deadline",
        "explicit dates",
        "financial year",
        "within six months",
        "within twelve months",
        "summary bullets that are not items",
        "running header and footer",
        "footnotes",
        "ligatures",
        "line-end hyphenation",
    ],
    form="pdf",
    running_header="Joint inspection: the criminal justice response to people in mental health crisis",
    footer="© HMICFRS, HMI Probation, HMCPSI and CQC 2024",
    ligature_words=("officer", "find", "first", "signific", "identif", "fl", "fi"),
    options={"numbers_right": True},
    footnotes={
        1: "Mental Health Act 1983, section 136, allows a police officer to remove a person who appears to be suffering from a mental disorder to a place of safety.",
        2: "Liaison and diversion services assess people in police custody and at court for mental health needs and refer them to treatment.",
        3: "Mental health treatment requirements can be attached to a community order or suspended sentence order with the offender’s consent.",
    },
    blocks=[
        Heading(1, "Foreword"),
        Para(
            "People in mental health crisis come into contact with the criminal justice system every day: when the police are called to help them, when they are arrested, and when they appear in court. Too often, the system treats them first as offenders and only later, if at all, as people who are unwell."
        ),
        Para(
            "This inspection was carried out jointly by four inspectorates. Each has its own statutory role, but we share the view that agencies must work together far better than they do now."
        ),
        Heading(1, "Summary"),
        Para("We found that:"),
        ListBlock(
            [
                (
                    "people detained under section 136^1 were still taken to police stations because no health-based place of safety was available;",
                    None,
                ),
                (
                    "liaison and diversion services^2 were not available in custody suites at night or at weekends in four of the six areas we visited; and",
                    None,
                ),
                (
                    "prosecutors and probation officers rarely had the information they needed about a defendant’s mental health.",
                    None,
                ),
            ]
        ),
        Para(
            "We make 13 recommendations. They are set out in the next chapter, grouped by the organisations they are for, and numbered in one sequence."
        ),
        Heading(1, "Recommendations"),
        Heading(2, "Police forces"),
        _entries(
            1,
            [
                "Chief constables should make sure that custody officers ask every detained person about their mental health, and that the answers are recorded and shared with the healthcare professional on duty.",
                "By 31 October 2024, chief constables should agree with their local mental health trusts how people in mental health crisis will be assessed without being taken into police custody.",
                "Chief constables and police and crime commissioners should make sure that liaison and diversion services are available in every custody suite for as long as it is open.",
                "Within 12 months, chief constables should make sure that officers who are called to people in mental health crisis can obtain advice from a mental health professional at any time of day.",
            ],
        ),
        Heading(2, "The Crown Prosecution Service"),
        Para("The Crown Prosecution Service should, within six months:", style="lead"),
        _entries(
            5,
            [
                "make sure that prosecutors consider the defendant’s mental health when deciding whether a prosecution is in the public interest, and record their reasons;",
                "give prosecutors guidance on the use of mental health treatment requirements^3 in community sentences; and",
                "update its casework quality standards to include the handling of cases in which the defendant or a witness has mental health needs.",
            ],
        ),
        Heading(2, "HM Prison and Probation Service"),
        _entries(
            8,
            [
                "HM Prison and Probation Service should make sure that pre-sentence reports set out the defendant’s mental health needs and the treatment available to meet them.",
                "By 31 March 2025, HM Prison and Probation Service, working with NHS England, should increase the number of mental health treatment requirements proposed to the courts.",
            ],
        ),
        Heading(2, "NHS England and integrated care boards"),
        _entries(
            10,
            [
                "NHS England and integrated care boards should commission enough health-based places of safety that no one detained under section 136 is taken to a police station because a place is not available.",
            ],
        ),
        Heading(2, "The Home Office and the Ministry of Justice"),
        _entries(
            11,
            [
                "Before the end of the 2024/25 financial year, the Home Office and the Ministry of Justice should publish a joint plan to reduce the number of people with mental health needs who are remanded in custody for their own protection.",
            ],
        ),
        Heading(2, "The inspectorates"),
        _entries(
            12,
            [
                "HMICFRS will include the treatment of people in mental health crisis in its inspections of police custody from April 2024.",
                "HM Inspectorate of Probation, HMCPSI and the Care Quality Commission will review, in their next inspections, the progress made against the recommendations that concern them.",
            ],
        ),
        Heading(1, "1. Police contact and custody"),
        Heading(2, "Section 136 detentions"),
        Para(
            "In the six areas we inspected, 212 people were detained under section 136 in the three months before our fieldwork. Eighteen of them were taken to a police station. In most of these cases, the officers had waited more than three hours for a place at a health-based place of safety before giving up."
        ),
        Para(
            "Officers told us that they had little confidence in the advice they received from mental health services out of hours. Several said they had detained people under section 136 because they could not find anyone else to help them."
        ),
        Heading(2, "Custody"),
        Para(
            "Custody officers usually asked detained people whether they had a mental health condition, but they did not always record the answer, and healthcare professionals did not always see it. Liaison and diversion practitioners were highly valued, but in four areas they were not available at night or at weekends."
        ),
        Heading(1, "2. Prosecution and sentencing"),
        Para(
            "Prosecutors rarely had information about a defendant’s mental health when they made their charging decisions. Of the 90 case files we examined, only 23 recorded that the prosecutor had considered it. Mental health treatment requirements were proposed in pre-sentence reports in only a small proportion of the cases in which they might have been suitable."
        ),
    ],
)
