# ruff: noqa: E501, RUF001
"""An encrypted PDF (a user password is needed to open it): the loader must refuse it,
saying why, rather than report that it found no items."""

import datetime as dt

from ..model import Case, Cover, Heading, PageBreak, Para

CASE = Case(
    slug="encrypted-super-complaint-pdf",
    title="Safe to share? Liberty and Southall Black Sisters’ super-complaint on policing and immigration status",
    kind="super_complaint",
    published_on=dt.date(2020, 12, 17),
    source="mixed",
    provenance=(
        "Recommendation 1's wording is real (Warwickshire PCC and Northamptonshire PFCC "
        "responses quote it); the rest is constructed. The file is encrypted with a user "
        "password, so no text can be read without it: expected outcome is a refusal."
    ),
    layouts=["encrypted"],
    form="pdf",
    running_header="Safe to share?",
    footer="© HMICFRS 2020",
    refused=True,
    refusal="encrypted",
    options={"user_password": "hmicfrs-2020"},
    blocks=[
        Cover(
            [
                ("Safe to share?", 28),
                (
                    "Liberty and Southall Black Sisters’ super-complaint on policing and immigration status",
                    15,
                ),
                ("December 2020", 12),
            ]
        ),
        PageBreak(),
        Heading(1, "Recommendations"),
        Heading(3, "Recommendation 1. To chief constables", in_contents=False),
        Para(
            "As an interim measure, where officers only have concerns or doubts about a victim’s immigration status, they immediately stop sharing information on domestic abuse victims with Immigration Enforcement. Instead, police officers should link the victim to a third party that can provide advice and assistance."
        ),
    ],
)
