# ruff: noqa: E501, RUF001
"""Pasted text from a national thematic whose recommendations use every deadline form
HMICFRS writes: a date, a month, the end of a year, a financial year, financial and
calendar quarters, "within N months (of publication)", "immediately" and none; findings
between chapters carry past dates that are not deadlines."""

import datetime as dt

from ..model import Case, Heading, Para, add_months, rec

PUBLISHED = dt.date(2023, 6, 15)
CC, PCC, COP, HO, NPCC = (
    "chief_constable",
    "pcc",
    "college_of_policing",
    "home_office",
    "npcc",
)

R = {
    1: rec("1", CC, date="2024-03-31"),
    2: rec("2", HO, date="2024-03-31"),
    3: rec("3", NPCC, date="2023-12-31"),
    4: rec("4", COP, date="2024-04-30"),
    5: rec("5", CC, date=add_months(PUBLISHED, 12).isoformat()),
    6: rec("6", CC, date=add_months(PUBLISHED, 3).isoformat()),
    7: rec("7", CC, date="2024-09-30"),
    8: rec("8", HO, date="2024-09-30"),
    9: rec("9", CC, date=PUBLISHED.isoformat()),
    10: rec("10", PCC, date="2024-06-30"),
    11: rec("11", COP),
    12: rec("12", CC, NPCC, date="2023-11-30"),
}


def _rec(n: int, text: str) -> list:
    return [Heading(3, f"Recommendation {n}", in_contents=False), Para(text, R[n])]


CASE = Case(
    slug="contact-management-deadlines-2023-pasted",
    title="Answering the call: an inspection of how police forces handle 999 and 101 calls",
    kind="national_thematic",
    published_on=PUBLISHED,
    source="constructed",
    provenance=(
        "Constructed throughout: a fictional national thematic report, written to hold one "
        "recommendation for each deadline form found in HMICFRS reports (a date; 'by "
        "April 2024'; 'by the end of 2023'; 'before the end of the 2023/24 financial "
        "year'; financial and calendar quarters; 'within three months'; 'within 12 "
        "months of the publication of this report'; 'immediately'; none). The 10-second "
        "and 101 standards mentioned in the findings are the real national standards; the "
        "figures are constructed. The text is what a PDF viewer's copy gives."
    ),
    layouts=[
        "pasted text",
        "numbered headings",
        "explicit dates",
        "by month",
        "by the end of year",
        "financial year",
        "financial quarter",
        "calendar quarter",
        "within three months",
        "within twelve months",
        "immediately",
        "no deadline",
        "past date in a finding",
        "blank lines between paragraphs",
        "running headers in the middle",
        "page numbers in the middle",
        "ligatures",
        "line-end hyphenation",
        "items across page breaks",
    ],
    form="txt",
    running_header="Answering the call: an inspection of how police forces handle 999 and 101 calls",
    footer="© HMICFRS 2023",
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
    options={"blank_lines": True},
    blocks=[
        Heading(1, "1. Answering emergency calls"),
        Para(
            "The national standard is that forces answer 90 percent of emergency calls within ten seconds. By the end of 2020, only 12 forces were meeting it. In the year to 31 March 2023, the number of forces meeting it had fallen to nine."
        ),
        Para(
            "Forces that met the standard had planned their control room staffing around the times of highest demand, and had invested in training new call handlers quickly. Some had also moved staff from other departments into the control room at the busiest times of the year."
        ),
        *_rec(
            1,
            "By 31 March 2024, chief constables should make sure that their control rooms have enough trained call handlers at all times to answer 90 percent of emergency calls within ten seconds.",
        ),
        *_rec(
            2,
            "Before the end of the 2023/24 financial year, the Home Office should publish the time taken by each force to answer emergency calls, using data from the emergency call service provider.",
        ),
        *_rec(
            3,
            "By the end of 2023, the National Police Chiefs’ Council should agree with forces a single definition of an abandoned non-emergency call, so that forces’ performance can be compared.",
        ),
        Heading(1, "2. Assessing risk and vulnerability"),
        Para(
            "In 2019 we recommended that all forces use a structured risk assessment for every call. Four years later, not every force does so, and some call handlers told us they did not have time to complete it. Supervisors rarely checked the quality of the assessments that were completed, and few forces used the results to improve training."
        ),
        *_rec(
            4,
            "By April 2024, the College of Policing should update its authorised professional practice on contact management to set out the minimum questions a call handler should ask to identify vulnerability.",
        ),
        *_rec(
            5,
            "Within 12 months of the publication of this report, chief constables should make sure that every call handler has completed training in identifying vulnerability, including in callers who are repeat victims.",
        ),
        *_rec(
            6,
            "Within three months, chief constables should make sure that supervisors review a sample of each call handler’s risk assessments every month and record the results.",
        ),
        Heading(1, "3. Attending incidents"),
        Para(
            "Forces did not always attend incidents within the times they had published. In one force, in the year to 31 March 2022, officers attended fewer than half of the incidents graded as a priority within the hour."
        ),
        *_rec(
            7,
            "By the end of quarter 2 of 2024/25, chief constables should publish the attendance times their force aims to meet for each grade of incident, and their performance against them.",
        ),
        *_rec(
            8,
            "By the end of the third quarter of 2024, the Home Office should consider including forces’ attendance times in the data it publishes on police performance.",
        ),
        *_rec(
            9,
            "Chief constables should immediately make sure that callers are told when attendance will be delayed, and that the risk to them is reassessed.",
        ),
        Heading(1, "4. Governance and scrutiny"),
        Para(
            "Police and crime commissioners told us they did not always receive enough information about their force’s call handling to hold the chief constable to account."
        ),
        *_rec(
            10,
            "By the end of the first quarter of 2024/25, police and crime commissioners should make sure that they receive and publish regular information about their force’s performance in answering calls and attending incidents.",
        ),
        *_rec(
            11,
            "The College of Policing should, at its next review of the contact management authorised professional practice, include guidance on the use of online and digital channels for reporting.",
        ),
        *_rec(
            12,
            "By 30 November 2023, chief constables and the National Police Chiefs’ Council should agree how forces will share call-handling staff at times of exceptional demand.",
        ),
    ],
)
