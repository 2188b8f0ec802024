# ruff: noqa: E501, RUF001
"""Saved web page of a Home Secretary-commissioned report: "Recommendation 1:" headings
in HTML, wording that names no addressee, and a count sentence that is not an item."""

import datetime as dt

from ..model import Case, Heading, Para, rec

PUBLISHED = dt.date(2021, 7, 7)
NOW = PUBLISHED.isoformat()

R1, R2, R3 = rec("1", date=NOW), rec("2"), rec("3")

CASE = Case(
    slug="vawg-interim-report-2021-html",
    title="Interim report: Inspection into how effectively the police engage with women and girls",
    kind="home_secretary_commissioned",
    published_on=PUBLISHED,
    source="real",
    provenance=(
        "The three recommendations are real, word for word (HMICFRS 'Inspection into how "
        "effectively the police engage with women and girls' article page, which lists "
        "them; the report's contents show 'Section 4: Recommendations' with "
        "'Recommendation 1:' to 'Recommendation 3:' headings). The report's title, date, "
        "contents headings, the first sentence of the foreword and 'HMI Zoë Billingham "
        "made three recommendations in this report' are real; the other paragraphs are "
        "constructed, as is the page around the report. None of the three names a body "
        "before 'should', so owners are empty; recommendation 1 asks for an immediate "
        "commitment, so its target date is the publication date."
    ),
    layouts=[
        "saved web page",
        "numbered headings",
        "no addressee",
        "immediate",
        "count sentences among items",
        "contents list in the page",
        "script that must not run",
        "html entities",
    ],
    form="html",
    options={
        "entities": True,
        "path": "publication-html/interim-report-inspection-into-how-effectively-the-police-engage-with-women-and-girls/",
    },
    blocks=[
        Heading(1, "Foreword"),
        Para(
            "In March 2021, the Home Secretary commissioned Her Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) to inspect how effectively the police engage with women and girls. This interim report sets out our findings on one part of that inspection: how effectively the police respond to violence against women and girls (VAWG) offences."
        ),
        Para(
            "We have published these findings before our main report so that they can inform the Government’s strategy on tackling violence against women and girls."
        ),
        Heading(1, "Background"),
        Heading(2, "Evidence used in this report", in_contents=False),
        Para(
            "We reviewed evidence from our previous inspections, consulted experts from policing, government and victim support organisations, and analysed the progress the police have made."
        ),
        Heading(1, "Section 4: Recommendations"),
        Para("HMI Zoë Billingham made three recommendations in this report:"),
        Heading(2, "Recommendation 1:", in_contents=False),
        Para(
            "There should be an immediate and unequivocal commitment that the response to VAWG offences is an absolute priority for government, policing, the criminal justice system, and public sector partnerships. This needs to be supported at a minimum by a relentless focus on these crimes; mandated and clear responsibilities; and sufficient funding so that all partner agencies can work effectively as part of a whole-system approach to reduce and prevent the harms these offences are causing.",
            R1,
        ),
        Heading(2, "Recommendation 2:", in_contents=False),
        Para(
            "The relentless pursuit and disruption of adult perpetrators should be a national priority for the police, and their capability and capacity to do this should be enhanced.",
            R2,
        ),
        Heading(2, "Recommendation 3:", in_contents=False),
        Para(
            "Structures and funding should be put in place to make sure victims receive tailored and consistent support.",
            R3,
        ),
        Heading(1, "Next steps"),
        Para(
            "Our final report, which we will publish in September 2021, will set out our findings on the wider inspection, including how the police engage with women and girls as victims, witnesses and offenders."
        ),
    ],
)
