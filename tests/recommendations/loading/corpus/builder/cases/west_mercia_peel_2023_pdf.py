# ruff: noqa: E501, RUF001, RUF002
"""PEEL 2023–25 force report: graded section headings ("Responding to the public:
Requires improvement"), areas for improvement under them, and promising or innovative
practice boxes beside them that are not items."""

import datetime as dt

from ..model import Box, Case, Cover, Heading, PageBreak, Para, afi

PUBLISHED = dt.date(2025, 5, 14)
CC = "chief_constable"
A = {n: afi(f"AFI {n}", CC) for n in range(1, 11)}


def _graded(title: str, grade: str) -> Heading:
    return Heading(1, f"{title}: {grade}")


CASE = Case(
    slug="west-mercia-peel-2023-25-pdf",
    title="PEEL 2023–2025: An inspection of West Mercia Police",
    kind="peel",
    published_on=PUBLISHED,
    source="constructed",
    provenance=(
        "Real: the publication date and the grades (good: recording data about crime; "
        "adequate: police powers and public treatment, preventing crime, investigating "
        "crime, managing offenders; requires improvement: responding to the public, "
        "protecting vulnerable people, developing a positive workplace, leadership and "
        "force management — Shropshire Star and Kidderminster Standard, 14 May 2025); the "
        "'Our judgments' and 'PEEL 2023–2025' text (HMICFRS page "
        "peel-reports/west-mercia-2023-25); the HM Inspector's summary sentences (as "
        "quoted in the same press reports), including 'In our last inspection, we "
        "highlighted investigative standards as a cause of concern', which is not an "
        "item. The two practice boxes take their subjects from real findings (hot spot "
        "patrols cut serious crime by 18%; the online child sexual exploitation team's use "
        "of civil orders) but their wording is constructed. Constructed: all ten areas "
        "for improvement, the findings paragraphs and the page furniture."
    ),
    layouts=[
        "graded headings",
        "promising practice box",
        "innovative practice box",
        "plain areas for improvement heading with paragraphs",
        "count sentences among items",
        "finding headings that are not items",
        "running header and footer",
        "ligatures",
        "line-end hyphenation",
        "items across page breaks",
    ],
    form="pdf",
    running_header="PEEL 2023–25 Police effectiveness, efficiency and legitimacy",
    footer="© HMICFRS 2025",
    ligature_words=(
        "officer",
        "find",
        "first",
        "signific",
        "identif",
        "confiden",
        "profile",
        "flexib",
    ),
    blocks=[
        Cover(
            [
                ("PEEL 2023–25", 26),
                ("Police effectiveness, efficiency and legitimacy", 16),
                ("An inspection of West Mercia Police", 15),
            ]
        ),
        PageBreak(),
        Heading(1, "Overall summary"),
        Heading(2, "Our judgments"),
        Para(
            "Our inspection assessed how good West Mercia Police is in ten areas of policing. We make graded judgments in nine of these ten as follows:"
        ),
        Para("Good: Recording data about crime", style="small"),
        Para(
            "Adequate: Police powers and public treatment; Preventing crime; Investigating crime; Managing offenders",
            style="small",
        ),
        Para(
            "Requires improvement: Responding to the public; Protecting vulnerable people; Developing a positive workplace; Leadership and force management",
            style="small",
        ),
        Para(
            "We also inspected how effective a service West Mercia Police gives to victims of crime. We don’t make a graded judgment for this area."
        ),
        Para(
            "We set out our detailed findings about things the force is doing well and where the force should improve in the rest of this report."
        ),
        Heading(2, "PEEL 2023–2025"),
        Para(
            "We have moved to a more intelligence-led, continual assessment approach, rather than the annual PEEL inspections we used in previous years. Forces are assessed against the characteristics of good performance, set out in the PEEL Assessment Framework 2023–2025, and we more clearly link our judgments to causes of concern and areas for improvement."
        ),
        Heading(2, "HM Inspector’s summary"),
        Para(
            "I am satisfied with some aspects of the performance of West Mercia Police in keeping people safe, reducing crime and providing victims with an effective service, but there are areas in which the force needs to improve."
        ),
        Para(
            "In our last inspection, we highlighted investigative standards as a cause of concern. The force has made significant efforts to improve these. We found improvements in how it supervises investigations and in the quality of investigation plans. But it was disappointing to find that the force didn’t always understand what support victims needed and were entitled to receive."
        ),
        Para(
            "The force still isn’t answering emergency calls as quickly as it should. But it is improving. The number of non-emergency calls members of the public abandon because they aren’t answered is still high. This is something we found in our previous inspection in 2021/22. We also found that officers didn’t attend calls for service within the required attendance time."
        ),
        PageBreak(),
        _graded("Responding to the public", "Requires improvement"),
        Heading(2, "Areas for improvement", in_contents=False),
        Para(
            "The force should make sure it answers emergency calls within national standards.",
            A[1],
        ),
        Para(
            "The force should reduce the number of non-emergency calls that callers abandon before they are answered, and should make sure that callers who use its online services receive a timely response.",
            A[2],
        ),
        Para(
            "The force should attend calls for service within its published attendance times and, when it cannot, should tell the caller and reassess the risk.",
            A[3],
        ),
        Heading(2, "Main findings", in_contents=False),
        Heading(
            3,
            "The force is improving how quickly it answers emergency calls",
            in_contents=False,
        ),
        Para(
            "In the 12 months to March 2024, the force answered fewer emergency calls within ten seconds than the national standard requires. Its performance improved in the last quarter of that period, after it changed shift patterns in its control room."
        ),
        _graded("Investigating crime", "Adequate"),
        Heading(2, "Area for improvement", in_contents=False),
        Para(
            "The force should make sure it understands the support that victims need and are entitled to receive, and that contact with victims is based on their needs rather than on officers’ availability.",
            A[4],
        ),
        Box(
            "Innovative practice",
            "Hot spot patrols have reduced serious violence",
            [
                "The force identified the small areas where most serious violence happens and sent officers to patrol them for short, frequent periods. Serious crime in the patrolled areas fell by 18 percent.",
                "The force has shared its evaluation with other forces through the College of Policing.",
            ],
            css="innovative-practice",
        ),
        Heading(2, "Main findings", in_contents=False),
        Para(
            "Investigations are now better supervised, and investigation plans are of a higher quality than at our last inspection. The force has trained more detectives and has reduced the number of investigations each officer holds."
        ),
        _graded("Protecting vulnerable people", "Requires improvement"),
        Heading(2, "Areas for improvement", in_contents=False),
        Para(
            "We identified three areas for improvement in how the force protects vulnerable people. The force has improved how it manages registered sex offenders since our last inspection, and we found good examples of work with partners to protect children."
        ),
        Para(
            "The force should make sure that call handlers identify vulnerable and repeat victims at the first point of contact and record the risk to them.",
            A[5],
        ),
        Para(
            "The force should make sure that officers use the powers available to them, including domestic violence protection notices and orders, to protect victims of domestic abuse.",
            A[6],
        ),
        Para(
            "The force should improve how it shares information with its safeguarding partners about children who are at risk of exploitation.",
            A[7],
        ),
        Box(
            "Promising practice",
            "Civil orders protect children from online exploitation",
            [
                "The force’s online child sexual exploitation team makes effective use of civil orders, such as sexual risk orders, to restrict the contact that suspects can have with children while investigations continue.",
                "The team works closely with partner organisations, which helps it to identify and safeguard children quickly.",
            ],
        ),
        _graded("Recording data about crime", "Good"),
        Para(
            "The force is good at recording crime. We estimate that it records more than nine in ten of the crimes reported to it, and it records crimes of rape and violence accurately."
        ),
        _graded("Developing a positive workplace", "Requires improvement"),
        Heading(2, "Areas for improvement", in_contents=False),
        Para(
            "The force should make sure that officers and staff can take the annual leave and rest days they are entitled to, and that it monitors the workloads and wellbeing of those in the teams under the greatest pressure, including investigators and control room staff.",
            A[8],
        ),
        Para(
            "The force should make sure that officers and staff feel able to speak out and challenge decisions without fear of the consequences.",
            A[9],
        ),
        _graded("Leadership and force management", "Requires improvement"),
        Heading(2, "Area for improvement", in_contents=False),
        Para(
            "The force should make sure that its information technology systems meet its operational needs, and that its plans to modernise them are funded and delivered on time.",
            A[10],
        ),
        Para(
            "The force has a clear understanding of the demand it faces. It has begun to modernise its information technology, but many of its systems are old and unreliable, and officers told us that this makes their work harder."
        ),
    ],
)
