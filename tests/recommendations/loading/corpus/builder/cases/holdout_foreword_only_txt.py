# ruff: noqa: E501, RUF001
"""Held out. Refusal: the administrator pasted only the foreword of a force's child
protection inspection report. It says what police officers "must" do and what "the
police service" does, but it holds no cause of concern, recommendation or area for
improvement: the loader must refuse it rather than return an empty or invented draft."""

import datetime as dt

from ..model import Case, Heading, Para

CASE = Case(
    slug="holdout-foreword-only-pasted",
    set_name="holdout",
    title="Hampshire – National child protection inspection",
    kind="force",
    published_on=dt.date(2021, 11, 16),
    source="real",
    provenance=(
        "Real: the title, the publication date and the foreword's five paragraphs, word "
        "for word as the HMICFRS web version of the report gives them (the last one cut "
        "where the administrator's selection ended, after its first sentence). The "
        "running header, footer and page number are constructed. The report's six "
        "recommendations are not in the pasted text: expected outcome is a refusal."
    ),
    layouts=[
        "pasted text",
        "foreword only",
        "must sentences addressed to no one",
        "no items",
        "running header and footer",
        "no blank lines",
    ],
    form="txt",
    running_header="Hampshire – National child protection inspection",
    footer="© HMICFRS 2021",
    refused=True,
    refusal="no_items",
    options={"blank_lines": False, "first_page": 4},
    blocks=[
        Heading(1, "Foreword"),
        Para(
            "All children deserve to grow up in a safe environment, cared for and protected from harm. Most children flourish in loving families and grow to adulthood unharmed. Unfortunately, though, too many children are still abused or neglected by those responsible for their care; they sometimes need to be protected from other adults with whom they come into contact. Some of them occasionally go missing, or end up spending time in places, or with people, harmful to them."
        ),
        Para(
            "While it is everyone’s responsibility to look out for vulnerable children, police forces – working together and with other organisations – have a particular role in protecting children and meeting their needs."
        ),
        Para(
            "Protecting children is one of the most important things the police do. Police officers investigate suspected crimes involving children and arrest perpetrators, and they have a significant role in monitoring sex offenders. They can take a child in danger to a place of safety and seek restrictions on offenders’ contact with children. The police service also has a significant role, working with other organisations, in ensuring children’s protection and wellbeing in the longer term."
        ),
        Para(
            "As they go about their daily tasks, police officers must be alert to, and identify, children who may be at risk. To protect children effectively, officers must talk to children, listen to them, and understand their fears and concerns. The police must also work well with other organisations to play their part in ensuring that, as far as possible, no child slips through the net, and to avoid both over-intrusiveness and duplication of effort."
        ),
        Para(
            "Her Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) is inspecting the child protection work of every police force in England and Wales."
        ),
    ],
)
