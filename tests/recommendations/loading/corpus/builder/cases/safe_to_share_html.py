# ruff: noqa: E501, RUF001
"""Saved web page of a super-complaint report: "Recommendation 1. To chief constables"
headings name the owners; the wording itself may name nobody."""

import datetime as dt

from ..model import Case, Heading, Para, rec

PUBLISHED = dt.date(2020, 12, 17)
CC, PCC, HO, NPCC = "chief_constable", "pcc", "home_office", "npcc"

R = {
    1: rec("1", CC, date=PUBLISHED.isoformat()),
    2: rec("2", HO),
    3: rec("3", HO, NPCC),
    4: rec("4", CC),
    5: rec("5", CC, PCC),
    6: rec("6", PCC),
    7: rec("7", NPCC, CC),
    8: rec("8", HO),
}


def _rec(n: int, to: str, text: str) -> list:
    return [
        Heading(3, f"Recommendation {n}. To {to}", in_contents=False),
        Para(text, R[n]),
    ]


CASE = Case(
    slug="safe-to-share-super-complaint-2020-html",
    title="Safe to share? Liberty and Southall Black Sisters’ super-complaint on policing and immigration status",
    kind="super_complaint",
    published_on=PUBLISHED,
    source="mixed",
    provenance=(
        "Real: the title and date; recommendation 1 word for word and its heading form "
        "'Recommendation 1. To chief constables' (Warwickshire PCC response page; "
        "Northamptonshire PFCC response quotes it too); the addressees of recommendations "
        "2 (Home Office), 3 (Home Office and NPCC) and 4 (chief constables) and their "
        "subjects (press summaries; the Home Office's review of 15 December 2021 answers "
        "recommendation 2). Constructed: the wording of recommendations 2–8 and the "
        "addressees of 5–8 (the published wording of 5–8 is not held here), and the "
        "surrounding page."
    ),
    layouts=[
        "saved web page",
        "owner headings",
        "numbered headings",
        "immediately",
        "no addressee in the wording",
        "script that must not run",
        "contents list in the page",
    ],
    form="html",
    options={
        "path": "publications/liberty-and-southall-black-sisters-super-complaint-on-policing-and-immigration-status/"
    },
    blocks=[
        Heading(1, "Summary"),
        Para(
            "On 18 December 2018, Liberty and Southall Black Sisters made a super-complaint to HMICFRS. This super-complaint concerns migrant victims in vulnerable circumstances. They usually arise from crimes of domestic abuse or modern slavery and human trafficking."
        ),
        Para(
            "HMICFRS, the College of Policing and the Independent Office for Police Conduct investigated the super-complaint together. We found that significant harm is being caused to the public interest by the current approach to sharing information about victims and witnesses with Immigration Enforcement."
        ),
        Heading(1, "Recommendations"),
        Para(
            "We make eight recommendations. Each is addressed to the organisations that should act on it."
        ),
        *_rec(
            1,
            "chief constables",
            "As an interim measure, where officers only have concerns or doubts about a victim’s immigration status, they immediately stop sharing information on domestic abuse victims with Immigration Enforcement. Instead, police officers should link the victim to a third party that can provide advice and assistance.",
        ),
        *_rec(
            2,
            "the Home Office",
            "The Home Office should review the legal framework and policy for sharing information about victims and witnesses with insecure immigration status, so that it sets sound and fair priorities for safeguarding them and for the investigation of crime.",
        ),
        *_rec(
            3,
            "the Home Office and the National Police Chiefs’ Council",
            "Develop a safeguarding protocol on the police approach to migrant victims and witnesses, setting out when, how and what information may be shared with Immigration Enforcement.",
        ),
        *_rec(
            4,
            "chief constables",
            "Establish safe reporting pathways for all migrant victims and witnesses of crime, working with specialist organisations that support them.",
        ),
        *_rec(
            5,
            "chief constables and police and crime commissioners",
            "Make sure that officers and staff understand that victims of crime are to be treated as victims first and foremost, whatever their immigration status, and that force policies and training say so.",
        ),
        *_rec(
            6,
            "police and crime commissioners",
            "Make sure that the victim services they commission are available to victims with insecure immigration status, and that those services know how to refer victims for independent immigration advice.",
        ),
        *_rec(
            7,
            "the National Police Chiefs’ Council and chief constables",
            "Collect and publish data on how often forces share information about victims and witnesses with Immigration Enforcement, and for what purpose.",
        ),
        *_rec(
            8,
            "the Home Office",
            "Publish how Immigration Enforcement uses information about victims and witnesses that it receives from the police.",
        ),
        Heading(1, "What is a super-complaint?"),
        Para(
            "A super-complaint is a complaint that “a feature, or combination of features, of policing in England and Wales by one or more than one police force is, or appears to be, harming the interests of the public” (section 29A, Police Reform Act 2002)."
        ),
    ],
)
