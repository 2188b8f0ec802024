# ruff: noqa: E501, RUF001
"""Held out. Saved web page of a crime data integrity force inspection: each numbered
cause of concern, its "Recommendations" label, its dated lead-in and its bullets are
drawn inside shaded <div> boxes (boxes that ARE items, unlike practice boxes);
areas for improvement as a boxed list with joining punctuation; a recording rate and
confidence interval in the summary; a 2016 recommendation quoted in the findings;
&rsquo; entities."""

import datetime as dt

from ..model import Box, Case, Heading, ListBlock, Para, add_months, afi, cause, rec

PUBLISHED = dt.date(2019, 8, 15)
CC = "chief_constable"
THREE = add_months(PUBLISHED, 3).isoformat()
SIX = add_months(PUBLISHED, 6).isoformat()
BOX = "box box--cause-of-concern"
AFI_BOX = "box box--areas-for-improvement"

C1, C2 = cause("CoC 1", CC), cause("CoC 2", CC)
R = {n: rec(str(n), CC, date=THREE, coc="CoC 1") for n in range(1, 4)}
R.update({n: rec(str(n), CC, date=SIX, coc="CoC 2") for n in range(4, 6)})
A = {n: afi(f"AFI {n}", CC) for n in range(1, 5)}

CASE = Case(
    slug="holdout-redvale-crime-data-integrity-2019-html",
    set_name="holdout",
    title="Redvale Police: Crime Data Integrity inspection 2019",
    kind="force",
    published_on=PUBLISHED,
    source="constructed",
    provenance=(
        "Constructed throughout, for a fictional force (Redvale), in the layout of the "
        "HMICFRS crime data integrity force inspections (2016–2020): a graded summary "
        "with an estimated recording rate and confidence interval, numbered causes of "
        "concern with 'Within three months, the force should:' lead-ins (the form of the "
        "real Devon and Cornwall item, register ID 6989, 'Within six months the force "
        "should put in place arrangements to ensure that…'), and areas for improvement. "
        "No real report's items are used."
    ),
    layouts=[
        "saved web page",
        "numbered cause of concern headings",
        "items inside shaded boxes",
        "cause of concern then recommendations lead-in with bullets",
        "recommendations label inside the box",
        "within three months",
        "within six months",
        "areas for improvement as a list with joining punctuation",
        "promising practice box",
        "percentages and confidence interval in the summary",
        "earlier report's recommendation quoted in findings",
        "count sentences among items",
        "html entities",
        "script that must not run",
    ],
    form="html",
    options={
        "entities": True,
        "path": "publication-html/redvale-police-crime-data-integrity-inspection-2019/",
    },
    footnotes={
        1: "The national crime recording standard (NCRS) and the Home Office counting rules for recorded crime.",
    },
    blocks=[
        Heading(1, "Summary of inspection findings"),
        Para(
            "Redvale Police is graded as inadequate at recording crime.",
            style="grade",
        ),
        Para(
            "We estimate that the force records 86.3 percent (with a confidence interval of +/- 1.9 percent) of the crimes reported to it. This means that more than 9,500 reported crimes each year are not recorded. Its recording rate for violent crime is 81.2 percent (+/- 3.1 percent)."
        ),
        Para(
            "We found two causes of concern, made five recommendations and identified four areas for improvement."
        ),
        Heading(1, "Causes of concern"),
        Heading(2, "Cause of concern 1", in_contents=False),
        Para(
            "Redvale Police is failing to record a large proportion of the violent crimes reported to it, including crimes reported as part of domestic abuse incidents. This means that some victims are not receiving the service they are entitled to.",
            C1,
            wrap=BOX,
        ),
        Para("Recommendations", style="grade", wrap=BOX),
        Para("Within three months, the force should:", wrap=BOX),
        ListBlock(
            [
                (
                    "put in place processes to make sure that crimes reported to it are recorded without delay, including crimes reported as part of domestic abuse incidents;",
                    R[1],
                ),
                (
                    "make sure that officers and staff who take reports of crime understand the national crime recording standard,^1 and in particular that a crime is recorded when a victim reports it; and",
                    R[2],
                ),
                (
                    "put in place supervisory checks of crime-related incidents to identify crimes that have not been recorded, and record them.",
                    R[3],
                ),
            ],
            wrap=BOX,
        ),
        Heading(2, "Cause of concern 2", in_contents=False),
        Para(
            "The force is not recording reports of rape and other sexual offences within 24 hours of receiving them, as the national crime recording standard requires.",
            C2,
            wrap=BOX,
        ),
        Para("Recommendations", style="grade", wrap=BOX),
        Para("Within six months, the force should:", wrap=BOX),
        ListBlock(
            [
                (
                    "make sure that reports of rape are recorded within 24 hours of being received, unless there is credible evidence that no crime took place; and",
                    R[4],
                ),
                (
                    "review the training it gives to its specialist investigators on the recording of sexual offences.",
                    R[5],
                ),
            ],
            wrap=BOX,
        ),
        Heading(1, "Areas for improvement"),
        Para(
            "In addition to the causes of concern, we identified four areas for improvement:"
        ),
        ListBlock(
            [
                (
                    "The force should improve how it records crimes reported as part of anti-social behaviour incidents;",
                    A[1],
                ),
                (
                    "The force should make sure that crimes are cancelled only when there is additional verifiable information that shows no crime was committed;",
                    A[2],
                ),
                (
                    "The force should make sure that its crime registrar has enough staff to carry out the audits the force needs; and",
                    A[3],
                ),
                (
                    "The force should make sure that modern slavery offences are recorded when they are first reported.",
                    A[4],
                ),
            ],
            wrap=AFI_BOX,
        ),
        Box(
            "Promising practice",
            "Daily review of domestic abuse incidents",
            [
                "In one of the force’s three districts, a sergeant reviews every domestic abuse incident recorded the day before and makes sure that any crimes have been recorded. The force should consider extending this across the county.",
            ],
        ),
        Heading(1, "Victim-based crime"),
        Heading(2, "Violence against the person"),
        Para(
            "We examined 312 incident records that we judged should have led to a crime being recorded. The force had recorded 238 of these crimes. The crimes it had not recorded included assaults, harassment and threats to kill, many of them reported by victims of domestic abuse."
        ),
        Heading(2, "Sexual offences"),
        Para(
            "The force recorded most reports of rape correctly, but in 19 of the 75 cases we examined the crime was recorded more than 24 hours after it was reported. In some of these, officers had waited until they had spoken to the suspect."
        ),
        Heading(1, "Progress since our 2016 inspection"),
        Para(
            "In 2016 we recommended that, within three months, the force should review the crime recording training it gives to its call handlers. The force has done this, and call handlers now record most crimes correctly at the first point of contact."
        ),
    ],
)
