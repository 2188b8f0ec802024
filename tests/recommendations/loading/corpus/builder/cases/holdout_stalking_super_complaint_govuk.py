# ruff: noqa: E501, RUF001
"""Held out. A super-complaint report saved from GOV.UK (an HTML publication, not the
inspectorate's site): "[footnote N]" links, the GOV.UK cookie banner, menu, survey and
footer; recommendations under "To the Home Office", "To the Ministry of Justice",
"To chief constables"… headings, numbered in one run; the chief constables' items have
no subject; bodies outside the owner list; a foreword that summarises a recommendation
("We also recommend that the government makes changes…") without being one."""

import datetime as dt

from ..model import Case, Heading, ListBlock, Para, add_months, rec

PUBLISHED = dt.date(2024, 9, 27)
CC, PCC, APCC, NPCC, HO, OTHER = (
    "chief_constable", "pcc", "apcc", "npcc", "home_office", "other",
)  # fmt: skip
SIX = add_months(PUBLISHED, 6).isoformat()  # 27 March 2025, the date in recs 7 and 10
MOJ, CPS = ["Ministry of Justice"], ["Crown Prosecution Service"]

R = {
    1: rec("1", HO, date="2025-09-27"),
    2: rec("2", HO),
    3: rec("3", OTHER, date=add_months(PUBLISHED, 12).isoformat(), other=MOJ),
    4: rec("4", NPCC, OTHER, date="2025-03-27", other=CPS),
    5: rec("5", NPCC, date=SIX),
    6: rec("6", CC, date="2025-03-27"),
    7: rec("7", CC, date="2025-03-27"),
    8: rec("8", CC, date="2025-03-27"),
    9: rec("9", CC),
    10: rec("10", CC, date="2025-03-27"),
    11: rec("11", CC, date=SIX),
    12: rec("12", PCC),
    13: rec("13", PCC, date="2025-09-27"),
    14: rec("14", APCC),
}


def _group(heading: str, first: int, texts: list[str]) -> list:
    entries = [(text, R[first + n]) for n, text in enumerate(texts)]
    return [
        Heading(2, heading, in_contents=False),
        ListBlock(entries, ordered=True, start=first),
    ]


CASE = Case(
    slug="holdout-stalking-super-complaint-2024-govuk-html",
    set_name="holdout",
    title="Report on the Suzy Lamplugh Trust’s super-complaint: The police response to stalking",
    kind="super_complaint",
    published_on=PUBLISHED,
    source="mixed",
    provenance=(
        "Real: the title and publication date (27 September 2024); the first, second, "
        "fifth and sixth foreword paragraphs (HMICFRS HTML publication 'The police "
        "response to stalking'); the summary sentence listing the addressees (HMICFRS "
        "publication page); and the wording of recommendations 7 and 10 to chief "
        "constables, as quoted in Cambridgeshire Constabulary’s published stalking "
        "action plan (Hampshire’s writes the date as 'By 27/03/25'), both numbered as "
        "there. Constructed: the other twelve recommendations and their numbers, "
        "written in the report’s style for the bodies the report really addresses; the "
        "real report makes 29 recommendations, and this page is abridged to 14. The "
        "GOV.UK page furniture is constructed in the GOV.UK HTML-publication layout."
    ),
    layouts=[
        "saved web page",
        "GOV.UK HTML publication",
        "addressee headings over one numbered list that runs on",
        "wording without a subject",
        "wording naming its addressee under a heading",
        "owner in a working-with clause",
        "owner mentioned after should",
        "other owner",
        "pcc owner",
        "apcc owner",
        "foreword summarising a recommendation",
        "foreword with must",
        "explicit dates",
        "within six months",
        "within twelve months",
        "footnotes as [footnote N] links",
        "script that must not run",
    ],
    form="html",
    options={
        "template": "govuk",
        "path": "government/publications/police-super-complaint-the-police-response-to-stalking/report-on-the-suzy-lamplugh-trusts-super-complaint-the-police-response-to-stalking",
        "organisations": [
            "His Majesty’s Inspectorate of Constabulary and Fire &amp; Rescue Services",
            "College of Policing",
            "Independent Office for Police Conduct",
        ],
        "format_name": "Independent report",
    },
    footnotes={
        1: "Protection from Harassment Act 1997, sections 2A and 4A, inserted by the Protection of Freedoms Act 2012.",
        2: "Stalking Protection Act 2019. Orders can be made by a magistrates’ court on application by a chief officer of police.",
    },
    blocks=[
        Heading(1, "Foreword"),
        Para(
            "Stalking is a serious crime that can have a devastating effect on victims. It has been described as a crime of psychological terror which leaves victims feeling constantly unsafe and fearful. In some tragic cases stalking behaviours escalate to serious physical harm and murder."
        ),
        Para(
            "Victims and the public must be assured that reports of stalking will be treated seriously by the police. This means that the police must be able to recognise stalking and the risks associated with this crime. They must keep victims and the public safe and pursue perpetrators by investigating reports effectively and taking appropriate action to stop offending and seek justice."
        ),
        Para(
            "We have made recommendations that give a clear plan of action for policing to make improvements. These focus on the need for policing to take action now to make sure they are meeting the expected standards and doing the fundamentals well in their response to stalking."
        ),
        Para(
            "We also found there is a need for greater clarity in the criminal law relating to stalking. Our evidence suggests that government needs to change the law and guidance to provide a stronger foundation for the police response to stalking. We also recommend that the government makes changes to stalking protection orders to provide quicker options to safeguard victims and disrupt offenders."
        ),
        Heading(1, "Summary"),
        Para(
            "Following a joint investigation, we have made recommendations to the Home Office, National Police Chiefs’ Council, chief constables, police and crime commissioners (or equivalents), the Association of Police and Crime Commissioners, the Ministry of Justice, and the Crown Prosecution Service."
        ),
        Para(
            "Officers often did not recognise stalking, and recorded it as harassment or as malicious communications.^1 Stalking protection orders^2 were not used as often as they could be, and victims were not always referred to specialist support."
        ),
        Heading(1, "Recommendations"),
        Para(
            "Our recommendations are grouped by the organisation they are for. Where a recommendation is for more than one organisation, it appears under the first of them."
        ),
        *_group(
            "To the Home Office",
            1,
            [
                "By 27 September 2025, the Home Office should review the law on stalking, working with the Ministry of Justice, so that the offences in the Protection from Harassment Act 1997 are easier for the police to understand and apply.",
                "The Home Office should amend the statutory guidance on stalking protection orders so that the police can obtain an interim order more quickly, including without notice to the respondent where a victim is at risk.",
            ],
        ),
        *_group(
            "To the Ministry of Justice",
            3,
            [
                "Within 12 months, the Ministry of Justice should make sure that victims of stalking are told when a perpetrator is due to be released from prison.",
            ],
        ),
        *_group(
            "To the National Police Chiefs’ Council and the Crown Prosecution Service",
            4,
            [
                "By 27 March 2025, the National Police Chiefs’ Council and the Crown Prosecution Service should revise their joint protocol on the handling of stalking offences.",
                "The National Police Chiefs’ Council lead for stalking and harassment should, within six months, make sure that data on stalking protection orders is collected from every force and published each year.",
            ],
        ),
        *_group(
            "To chief constables",
            6,
            [
                "By 27 March 2025, make sure that officers and staff who take reports from the public can recognise stalking, and that reports are recorded as stalking where the behaviour meets the definition.",
                "By 27 March 2025, where required, seek changes to their crime recording systems to enable staff and officers to document and search for crimes not recorded as the principal crime, as included classifications on crime records.",
                "By 27 March 2025, make sure that every stalking investigation is supervised, and that supervisors record their review of the investigation plan.",
                "Make sure that a stalking protection order is considered in every stalking case, and that the reason for not applying for one is recorded.",
                "By 27 March 2025, review and update their learning and training provision relating to stalking.",
                "Within six months, make sure that victims of stalking are referred to a specialist stalking advocacy service where one is available.",
            ],
        ),
        *_group(
            "To police and crime commissioners",
            12,
            [
                "Police and crime commissioners, working with chief constables, should make sure that specialist support services for victims of stalking are available in their area.",
                "By 27 September 2025, review the services they commission for victims of stalking against the needs identified in their area.",
            ],
        ),
        *_group(
            "To the Association of Police and Crime Commissioners",
            14,
            [
                "The Association of Police and Crime Commissioners should share examples of effective commissioning of stalking services with its members.",
            ],
        ),
        Heading(1, "Next steps"),
        Para(
            "We have asked each body to which we have made a recommendation to tell us how it will respond. We will publish the responses we receive, and we will review the progress that forces have made in 2025."
        ),
    ],
)
