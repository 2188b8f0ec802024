# ruff: noqa: E501, RUF001
"""Held out. Pasted text: one section copied from the middle of a PCC-commissioned
inspection's PDF (so it starts at page 41 under its running header), with a real cause
of concern and its three real recommendations, each a paragraph opening "Within six
months"; one recommendation names the NPCC lead and "the CPS lead"; no blank lines, a
page break inside a recommendation, a footnote glued to a word."""

import datetime as dt

from ..model import Case, Heading, Para, add_months, cause, rec

PUBLISHED = dt.date(2019, 4, 10)
CC, NPCC, OTHER = "chief_constable", "npcc", "other"
SIX = add_months(PUBLISHED, 6).isoformat()
CPS_LEAD = ["CPS lead"]

C1 = cause("CoC 1", CC, NPCC, OTHER, other=CPS_LEAD)
R = {
    1: rec("1", CC, date=SIX, coc="CoC 1"),
    2: rec("2", NPCC, OTHER, date=SIX, coc="CoC 1", other=CPS_LEAD),
    3: rec("3", CC, date=SIX, coc="CoC 1"),
}

CASE = Case(
    slug="holdout-sussex-stalking-2019-pasted",
    set_name="holdout",
    title="Stalking and harassment: An inspection of Sussex Police commissioned by the police and crime commissioner, and an update on national recommendations in HMICFRS’s 2017 report",
    kind="pcc_commissioned",
    published_on=PUBLISHED,
    source="real",
    provenance=(
        "Real: the title, the publication date (10 April 2019: HMICFRS news release and "
        "Sussex Police's embargoed release), and the cause of concern and its three "
        "recommendations, word for word as the HMICFRS recommendations register gives "
        "them (ID 9443; the register's stray ' .' after the third is left out). "
        "Constructed: the surrounding findings paragraphs, the section heading, the "
        "page numbers and the footnote (its content is the statute's real rule). The "
        "administrator pasted only this section of the report (Part B), so the Sussex "
        "Police recommendations of Part A are not in the input and not expected. "
        "'The CPS lead' is recorded as an other owner named as written, 'CPS lead'; the "
        "NPCC lead as the NPCC."
    ),
    layouts=[
        "pasted text",
        "extract from the middle of a report",
        "hard line breaks",
        "no blank lines",
        "running headers in the middle",
        "page numbers in the middle",
        "footnotes in the middle",
        "footnote markers glued to words",
        "cause of concern then recommendation paragraphs",
        "deadline opening each paragraph without a comma",
        "NPCC lead and CPS lead as owners",
        "other owner",
        "within six months",
        "line-end hyphenation",
        "items across page breaks",
    ],
    form="txt",
    running_header="Stalking and harassment: An inspection of Sussex Police",
    footer="© HMICFRS 2019",
    options={"blank_lines": False, "first_page": 41},
    footnotes={
        12: "Protection from Harassment Act 1997, section 7(3): a course of conduct must involve conduct on at least two occasions in the case of conduct in relation to a single person.",
    },
    blocks=[
        Heading(1, "Part B: Progress against the national recommendations"),
        Heading(2, "Breaches of orders"),
        Para(
            "In our 2017 report, we found that when victims reported breaches of restraining orders and non-molestation orders, the police often dealt with each breach as a single incident. We were concerned that this meant the wider pattern of the perpetrator’s behaviour was missed."
        ),
        Para(
            "During this inspection, we reviewed a further sample of cases from Sussex Police and spoke to the national leads for stalking and harassment in the police service and in the Crown Prosecution Service. We also asked all forces in England and Wales about their policies on breaches of orders."
        ),
        Para(
            "We found that little has changed. In most of the cases we reviewed, officers recorded a breach of an order as a single offence, without considering whether the breach, together with the perpetrator’s earlier behaviour, amounted to a course of conduct.^12 Few forces had policies or guidance that told officers to look for the wider pattern, and the national leads told us that they were not aware of any recent training on it."
        ),
        Para(
            "Victims told us that this left them feeling that they were not believed, and that each report started from the beginning. In several cases the breaches continued for months before anyone recognised that the victim was being stalked."
        ),
        Para(
            "The national leads agreed that more needs to be done. The NPCC lead told us that a revised version of the joint police and CPS protocol on stalking and harassment was being prepared, and that it would say more about breaches of orders. But at the time of our inspection it had not been published, and neither the police nor the CPS had issued any interim guidance to officers or lawyers. Until they do, we expect that the approach we found will continue."
        ),
        Heading(3, "Cause of concern", in_contents=False),
        Para(
            "We are concerned that police forces are dealing with breaches of orders in isolation, and are not recognising or properly addressing the wider patterns of victimisation. As a result, forces might not be adequately assessing the risks to some victims, and might not be appropriately investigating and prosecuting cases.",
            C1,
        ),
        Heading(3, "Recommendations", in_contents=False),
        Para(
            "Within six months chief constables should ensure that forces record stalking or harassment crimes if appropriate when victims report breaches of orders.",
            R[1],
        ),
        Para(
            "Within six months the National Police Chiefs’ Council (NPCC) lead and the CPS lead should consider whether they can do more to inform police officers and lawyers of the importance of treating breaches of orders as evidence of a wider pattern of offending, and when and in what circumstances officers and lawyers should treat this as further evidence of stalking or harassment.",
            R[2],
        ),
        Para(
            "Within six months chief constables should ensure that officers are aware of the importance of treating breaches of orders, where appropriate, as part of a wider pattern of offending, and ensure that force policy and guidance helps officers to do this.",
            R[3],
        ),
        Heading(2, "Stalking protection orders"),
        Para(
            "The Stalking Protection Act 2019 received Royal Assent on 15 March 2019. It introduces a new civil order that the police can apply for before the threshold for criminal proceedings has been met. We will consider how forces use the new orders in our future inspections."
        ),
    ],
)
