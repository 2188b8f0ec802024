# ruff: noqa: E501, RUF001
"""A scanned report: each page is a photograph, with no text layer. The loader must
refuse it (and say it has no text to read) rather than report no items."""

import datetime as dt

from ..model import Case, Heading, Para

CASE = Case(
    slug="scanned-post-inspection-review-pdf",
    title="Hampshire – National child protection inspection post-inspection review",
    kind="post_inspection_review",
    published_on=dt.date(2022, 9, 28),
    source="mixed",
    provenance=(
        "The introduction is real (HMICFRS publication-html page, 28 September 2022); the "
        "recommendation wording on the page image is constructed. Each page is a JPEG "
        "image with no text layer: expected outcome is a refusal."
    ),
    layouts=["no text layer", "scanned image"],
    form="pdf",
    running_header="Hampshire – National child protection inspection post-inspection review",
    footer="© HMICFRS 2022",
    refused=True,
    refusal="no_text_layer",
    options={"scanned": True},
    blocks=[
        Heading(1, "Introduction"),
        Para(
            "In June 2021, HM Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) inspected how well Hampshire Constabulary keeps children safe. We made six recommendations in the Hampshire – National child protection inspection report."
        ),
        Para(
            "In June 2022, we returned to the force to undertake a post-inspection review."
        ),
        Heading(2, "Recommendation 1"),
        Para(
            "Within six months, the constabulary should make sure that it responds to incidents involving children promptly, and that officers speak to children and record their behaviour and demeanour."
        ),
        Heading(2, "Recommendation 2"),
        Para(
            "Within six months, the constabulary should make sure that it shares information with its safeguarding partners without delay in online abuse investigations."
        ),
    ],
)
