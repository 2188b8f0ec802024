# ruff: noqa: E501, RUF001
"""A pasted table of contents: dotted leaders and page numbers, nothing else. Entries
such as "Recommendations ........ 12" are not items: the loader must refuse it."""

import datetime as dt

from ..model import Case, Contents

CASE = Case(
    slug="contents-page-only-pasted",
    title="PEEL 2021/22 – An inspection of Southmoor Police",
    kind="peel",
    published_on=dt.date(2022, 8, 31),
    source="constructed",
    provenance=(
        "Constructed: the contents page of the fictional Southmoor PEEL 2021/22 report "
        "(see southmoor-peel-2021-22-pasted), as copied from a PDF viewer when the "
        "administrator selects the wrong page. It names recommendations, causes of "
        "concern and areas for improvement but holds none: expected outcome is a refusal."
    ),
    layouts=["pasted text", "table of contents with dotted leaders", "no items"],
    form="txt",
    running_header="PEEL 2021/22 – Police effectiveness, efficiency and legitimacy",
    footer="© HMICFRS 2022",
    refused=True,
    refusal="no_items",
    options={"blank_lines": False},
    blocks=[
        Contents(
            extra=[
                (1, "Overall summary", 1),
                (2, "Our judgments", 1),
                (2, "Important changes to PEEL", 2),
                (1, "HM Inspector’s observations", 3),
                (1, "Causes of concern", 4),
                (2, "Cause of concern 1: Responding to the public", 4),
                (2, "Cause of concern 2: Protecting vulnerable people", 5),
                (1, "Recommendations", 6),
                (1, "Areas for improvement", 7),
                (1, "Providing a service to the victims of crime", 8),
                (
                    1,
                    "Engaging with and treating the public with fairness and respect",
                    11,
                ),
                (1, "Preventing crime and anti-social behaviour", 13),
                (1, "Responding to the public", 15),
                (2, "Recommendations 1 to 3", 17),
                (1, "Investigating crime", 18),
                (1, "Protecting vulnerable people", 21),
                (2, "Recommendations 4 to 6", 24),
                (1, "Managing offenders and suspects", 25),
                (1, "Building, supporting and protecting the workforce", 27),
                (
                    1,
                    "Strategic planning, organisational management and value for money",
                    29,
                ),
                (1, "Annex A: Areas for improvement and recommendations in full", 32),
            ]
        ),
    ],
)
