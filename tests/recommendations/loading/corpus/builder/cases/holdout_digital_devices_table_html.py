# ruff: noqa: E501, RUF001, RUF002
"""Held out. Saved web page of a national thematic whose recommendations are a TABLE
("No.", "Recommendation", "Owner", "Deadline"): the wording has no subject, the owner
and the deadline are in their own columns; one row's wording names its own addressees,
which win over the Owner cell; a "–" deadline; "31/03/2025"; a second table of areas for
improvement; and a table of figures in the findings that holds no items."""

import datetime as dt

from ..model import Case, Heading, Para, Table, add_months, afi, rec

PUBLISHED = dt.date(2024, 5, 21)
CC, PCC, NPCC, HO, COP, HMI, OTHER = (
    "chief_constable", "pcc", "npcc", "home_office", "college_of_policing", "hmicfrs", "other",
)  # fmt: skip

R = {
    1: rec("1", CC, date="2024-12-31"),
    2: rec("2", CC, date="2024-09-30"),
    3: rec("3", COP, date=add_months(PUBLISHED, 12).isoformat()),
    4: rec("4", NPCC, HO, date="2025-03-31"),
    5: rec("5", HO, date="2026-03-31"),
    6: rec("6", CC, date=PUBLISHED.isoformat()),
    7: rec("7", CC, PCC, date="2024-10-31"),
    8: rec("8", HO, OTHER, date="2024-12-31", other=["Ministry of Justice"]),
    9: rec("9", OTHER, date="2024-09-30", other=["Forensic Science Regulator"]),
    10: rec("10", HMI),
}
A = {1: afi("AFI 1", CC), 2: afi("AFI 2", CC)}


def _row(n: int, text: str, owner: str, deadline: str):
    return ([str(n), text, owner, deadline], R[n])


CASE = Case(
    slug="holdout-digital-devices-thematic-2024-html",
    set_name="holdout",
    title="Seized and waiting: An inspection of how police forces manage digital devices and digital forensic work",
    kind="national_thematic",
    published_on=PUBLISHED,
    source="constructed",
    provenance=(
        "Constructed throughout: a fictional national thematic (not a real HMICFRS "
        "title) in the HMICFRS saved-page layout, with its recommendations and areas "
        "for improvement set out as tables, as some force and OPCC action plans and "
        "some inspectorate annexes do (the Hampshire Constabulary stalking action plan "
        "page, for example, tabulates 'Rec No.', 'Recommendation', 'Rec. Owner'). No real "
        "report's items are used."
    ),
    layouts=[
        "saved web page",
        "recommendations in a table",
        "owner column",
        "deadline column",
        "wording without a subject",
        "wording naming its addressees against the owner column",
        "deadline as dd/mm/yyyy",
        "financial quarter",
        "financial year",
        "within twelve months",
        "immediately",
        "by month",
        "by the end of year",
        "dash for no deadline",
        "areas for improvement in a table",
        "table of figures that holds no items",
        "other owner",
        "HMICFRS as owner",
        "script that must not run",
    ],
    form="html",
    options={"path": "publication-html/seized-and-waiting-digital-devices/"},
    footnotes={
        1: "Figures supplied by the six forces we inspected, as at 31 October 2023.",
    },
    blocks=[
        Heading(1, "Foreword"),
        Para(
            "Almost every investigation now involves digital evidence. Phones, computers and other devices can hold the evidence that proves a suspect’s guilt or innocence, and the evidence that lets the police safeguard victims. But when devices wait months to be examined, investigations stall, victims lose faith and suspects remain free."
        ),
        Para(
            "We found dedicated digital forensic staff doing their best with too few resources. The recommendations we make are intended to help forces, and the national bodies that support them, to catch up and keep up."
        ),
        Heading(1, "Summary"),
        Para(
            "We inspected six forces between September and December 2023. We have made ten recommendations and identified two areas for improvement. They are set out in the tables below, with the body each is addressed to and the date by which we expect it to be done."
        ),
        Heading(1, "Recommendations"),
        Table(
            ["No.", "Recommendation", "Owner", "Deadline"],
            [
                _row(
                    1,
                    "Review the number of digital devices waiting to be examined, and set a plan with milestones to reduce it.",
                    "Chief constables",
                    "31 December 2024",
                ),
                _row(
                    2,
                    "Make sure that every device seized is triaged within 48 hours of seizure, so that devices that are not needed can be returned to their owners.",
                    "Chief constables",
                    "By the end of quarter 2 of 2024/25",
                ),
                _row(
                    3,
                    "Publish national guidance on the triage of digital devices, including the circumstances in which a victim’s phone need not be seized.",
                    "College of Policing",
                    "Within 12 months",
                ),
                _row(
                    4,
                    "Agree a national specification for digital forensic case management systems, so that forces can compare their performance.",
                    "NPCC and Home Office",
                    "31/03/2025",
                ),
                _row(
                    5,
                    "Fund a national capability for the examination of vehicles, drones and other connected devices.",
                    "Home Office",
                    "Before the end of the 2025/26 financial year",
                ),
                _row(
                    6,
                    "Stop asking victims of rape and other serious sexual offences to hand over their phones without first assessing whether it is necessary and proportionate.",
                    "Chief constables",
                    "Immediately",
                ),
                _row(
                    7,
                    "Make sure that every digital forensic unit holds, or is working towards, accreditation to the relevant international standard.",
                    "Chief constables and police and crime commissioners",
                    "By October 2024",
                ),
                _row(
                    8,
                    "The Home Office and the Ministry of Justice should consider whether the law on keeping data extracted from digital devices needs to be clarified.",
                    "Home Office",
                    "By the end of 2024",
                ),
                _row(
                    9,
                    "Publish a statutory code of practice for the accreditation of digital forensic science providers.",
                    "Forensic Science Regulator",
                    "30 September 2024",
                ),
                _row(
                    10,
                    "Inspect forces’ progress against these recommendations as part of our PEEL inspections.",
                    "HMICFRS",
                    "–",
                ),
            ],
            caption="Table 1: Our recommendations",
        ),
        Heading(2, "Areas for improvement", in_contents=False),
        Table(
            ["No.", "Area for improvement", "Owner"],
            [
                (
                    [
                        "1",
                        "Forces should record why each device was seized, so that they can review whether it is still needed.",
                        "Chief constables",
                    ],
                    A[1],
                ),
                (
                    [
                        "2",
                        "Forces should tell victims how long they can expect to be without their devices.",
                        "Chief constables",
                    ],
                    A[2],
                ),
            ],
            caption="Table 2: Areas for improvement",
        ),
        Heading(1, "1. How long devices wait"),
        Para(
            "At the end of October 2023, the six forces we inspected held more than 9,000 devices waiting to be examined.^1 In one force, the median wait was more than seven months."
        ),
        Table(
            ["Force", "Devices waiting", "Median wait (days)", "Oldest (days)"],
            [
                (["Force A", "2,140", "212", "611"], None),
                (["Force B", "1,880", "96", "402"], None),
                (["Force C", "1,310", "140", "388"], None),
                (["Force D", "1,275", "58", "290"], None),
                (["Force E", "1,260", "121", "455"], None),
                (["Force F", "1,190", "77", "301"], None),
            ],
            caption="Figure 3: Devices waiting to be examined in the six forces we inspected",
        ),
        Para(
            "Forces told us that they should be able to reduce these backlogs once new staff complete their training, which takes up to two years. Until then, most forces prioritise devices in cases where a suspect is in custody."
        ),
        Heading(1, "2. Victims’ devices"),
        Para(
            "Victims of rape told us that losing their phone for months cut them off from their friends and family at the time they most needed them. Some withdrew their support for the investigation rather than hand over their phone."
        ),
        Heading(1, "Annex A: Methodology"),
        Para(
            "We reviewed 120 case files, interviewed 87 officers and staff, and surveyed digital forensic units in all 43 forces in England and Wales."
        ),
    ],
)
