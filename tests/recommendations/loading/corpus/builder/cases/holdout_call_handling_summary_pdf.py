# ruff: noqa: E501, RUF001
"""Held out. National thematic as a PDF whose chapters each end with their own
"Recommendations" (numbered "Recommendation N" headings) and whose end repeats every
recommendation and the area for improvement word for word under "Summary of
recommendations": each item is recorded once. Cover, dotted-leader contents, two-level
headings, running header and footer, footnotes, ligatures, items across pages."""

import datetime as dt

from ..model import (
    FOOTNOTE_REF,
    Case,
    Contents,
    Cover,
    Heading,
    PageBreak,
    Para,
    add_months,
    afi,
    rec,
)

PUBLISHED = dt.date(2023, 7, 18)
CC, NPCC, COP, HO, HMI, OTHER = (
    "chief_constable", "npcc", "college_of_policing", "home_office", "hmicfrs", "other",
)  # fmt: skip

R = {
    1: rec("1", CC, date="2024-01-31"),
    2: rec("2", NPCC, date="2024-12-31"),
    3: rec("3", CC),
    4: rec("4", CC, date=add_months(PUBLISHED, 6).isoformat()),
    5: rec("5", COP, date="2024-03-31"),
    6: rec("6", CC),
    7: rec("7", OTHER, CC, other=["NHS England"]),
    8: rec("8", HO, date="2024-03-31"),
    9: rec("9", HMI),
}
A = {1: afi("AFI 1", CC)}

TEXT = {
    1: "By 31 January 2024, chief constables should make sure that their force’s major incident plan includes arrangements for increasing the number of call handlers within an hour of a major incident being declared.",
    2: "By the end of 2024, the National Police Chiefs’ Council should develop a national standard for mutual aid between force control rooms, so that a force facing an exceptional volume of calls can transfer some of them to another force.",
    3: "Chief constables should test their major incident arrangements for call handling at least once a year, in an exercise that includes their control room and their neighbouring forces.",
    4: "Within six months, chief constables should make sure that call handlers can see, as calls arrive, which of them are about an incident that has already been reported.",
    5: "By 31 March 2024, the College of Policing should include the handling of calls during major incidents in its authorised professional practice on contact management.^3",
    6: "Chief constables should make sure that callers who cannot get through to the police during a major incident hear recorded information telling them where to find advice.",
    7: "NHS England and chief constables should jointly review how calls are transferred between ambulance and police control rooms during a major incident.",
    8: "By 31 March 2024, the Home Office should fund the extension of the multi-agency incident transfer system^4 to every police and fire and rescue control room in England.",
    9: "HMICFRS will review how forces have responded to these recommendations in its PEEL inspections from 2024.",
}
AFI_TEXT = "Forces should make sure that call handlers record the advice they give to callers during a major incident, so that it can be reviewed afterwards."


def _rec(n: int) -> list:
    return [Heading(3, f"Recommendation {n}", in_contents=False), Para(TEXT[n], R[n])]


def _repeat(n: int) -> list:
    """The summary at the end: the same words (without the footnote markers), not a
    second item."""
    text = FOOTNOTE_REF.sub("", TEXT[n])
    return [Heading(3, f"Recommendation {n}", in_contents=False), Para(text)]


CASE = Case(
    slug="holdout-call-handling-summary-2023-pdf",
    set_name="holdout",
    title="Under pressure: An inspection of police call handling during major incidents",
    kind="national_thematic",
    published_on=PUBLISHED,
    source="constructed",
    provenance=(
        "Constructed throughout: a fictional national thematic (not a real HMICFRS "
        "title) in the layout of HMICFRS thematic PDFs that put each chapter’s "
        "recommendations at its end and repeat them all in a closing summary. No real "
        "report's items are used."
    ),
    layouts=[
        "cover and contents before the section",
        "table of contents with dotted leaders",
        "two-level headings",
        "numbered headings",
        "recommendations at the end of each chapter",
        "summary of recommendations repeating them word for word",
        "numbered area for improvement heading",
        "other owner first",
        "HMICFRS will",
        "year that is not a deadline",
        "explicit dates",
        "by the end of year",
        "within six months",
        "count sentences among items",
        "running header and footer",
        "footnotes",
        "ligatures",
        "line-end hyphenation",
        "items across page breaks",
    ],
    form="pdf",
    running_header="Under pressure: police call handling during major incidents",
    footer="© HMICFRS 2023",
    ligature_words=(
        "officer",
        "find",
        "first",
        "signific",
        "identif",
        "fire",
        "flood",
        "traffic",
        "fl",
    ),
    footnotes={
        1: "A major incident is an event or situation with a range of serious consequences that requires special arrangements to be implemented by one or more emergency responder agencies (Joint Emergency Services Interoperability Principles, JESIP).",
        2: "The force provided its call data for the day of the incident and the 28 days before it.",
        3: "College of Policing, Authorised Professional Practice: Contact management, 2021.",
        4: "The multi-agency incident transfer (MAIT) system lets control rooms pass incident details to each other electronically instead of by telephone.",
    },
    blocks=[
        Cover(
            [
                ("Under pressure", 28),
                ("An inspection of police call handling during major incidents", 16),
                ("July 2023", 12),
            ]
        ),
        PageBreak(),
        Contents(),
        PageBreak(),
        Heading(1, "Foreword"),
        Para(
            "When a major incident happens, the first that many people know of it is the sound of sirens, and the first thing many do is call 999. Floods, fires, large-scale disorder and terrorist attacks all bring a surge of calls that can overwhelm a force control room within minutes."
        ),
        Para(
            "We found call handlers who worked long past the end of their shifts to make sure that every caller was answered. They deserve better plans, better systems and better support than many forces currently give them."
        ),
        Heading(1, "Summary"),
        Para(
            "We make nine recommendations and identify one area for improvement. Each chapter ends with the recommendations that arise from it, and we repeat them all at the end of this report."
        ),
        PageBreak(),
        Heading(1, "1. Introduction"),
        Heading(2, "About this inspection"),
        Para(
            "We examined how six forces handled calls from the public during nine major incidents^1 between 2020 and 2022, including two floods, a large fire, two incidents of disorder and a terrorist attack. We listened to 400 calls and interviewed 120 call handlers, supervisors and senior officers."
        ),
        Heading(1, "2. Preparing for major incidents"),
        Heading(2, "Plans rarely cover the control room"),
        Para(
            "Every force we inspected had a major incident plan, but only two of those plans said how the force would find extra call handlers. In the others, control room supervisors told us they relied on calling staff at home and hoping that enough answered."
        ),
        Para(
            "Most forces had tested their major incident plans in the last two years. But in only one of the exercises we reviewed had the control room taken part, and none had tested what would happen if the force received ten times its usual number of calls. Control room staff told us that they learned about the plans only when an incident began, and several supervisors had never seen them."
        ),
        Para(
            "Forces that had planned for a surge of calls coped noticeably better. In one, a pre-arranged message on the 999 and 101 lines told callers which incident the force already knew about, and call handlers from a neighbouring force took some of the calls within 40 minutes."
        ),
        Heading(2, "Recommendations"),
        *_rec(1),
        *_rec(2),
        *_rec(3),
        Heading(1, "3. Handling calls during an incident"),
        Heading(2, "Callers waited too long"),
        Para(
            "During the busiest hour of one flood, the force received more than 1,100 emergency calls, six times its usual number.^2 The average caller waited four minutes for an answer, and 230 callers hung up before they were answered. Many of them called again, which added to the queue."
        ),
        Para(
            "Call handlers could not easily tell which calls were about the incident and which were about something else. Some callers with unrelated emergencies waited as long as those calling about the flood. In one force, a caller reporting a domestic assault waited 11 minutes while the call handlers dealt with calls about a fire that had already been reported dozens of times."
        ),
        Heading(2, "Advice to callers was not recorded"),
        Para(
            "Call handlers gave callers advice about staying safe, such as whether to leave their homes. But this advice was rarely recorded, so forces could not check afterwards whether it had been right."
        ),
        Heading(2, "Area for improvement"),
        Heading(3, "Area for improvement 1", in_contents=False),
        Para(AFI_TEXT, A[1]),
        Heading(2, "Recommendations"),
        *_rec(4),
        *_rec(5),
        *_rec(6),
        Heading(1, "4. Working with other emergency services"),
        Heading(2, "Calls were passed by telephone"),
        Para(
            "Police, fire and ambulance control rooms still pass most incidents to each other by telephone. During a major incident this takes time that call handlers do not have. The multi-agency incident transfer system^4 is used by some control rooms, but not all."
        ),
        Para(
            "Ambulance and police call handlers told us that they often could not get through to each other’s control rooms during the incidents we examined. They should not have to rely on personal mobile numbers to reach their colleagues, but some did."
        ),
        Heading(2, "Recommendations"),
        *_rec(7),
        *_rec(8),
        *_rec(9),
        Heading(1, "5. Conclusion"),
        Para(
            "No force can answer every call instantly during a major incident. But every force can plan for the surge, make sure its call handlers can tell which calls matter most, and work with the other emergency services to share the load."
        ),
        PageBreak(),
        Heading(1, "Summary of recommendations"),
        Para(
            "For ease of reference, we set out all our recommendations here, in the order in which they appear in this report."
        ),
        *[block for n in range(1, 10) for block in _repeat(n)],
        Heading(2, "Summary of areas for improvement"),
        Heading(3, "Area for improvement 1", in_contents=False),
        Para(AFI_TEXT),
    ],
)
