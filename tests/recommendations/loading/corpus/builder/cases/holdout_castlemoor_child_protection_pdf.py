# ruff: noqa: E501, RUF001
"""Held out. National child protection inspection of one force, as a PDF:
recommendations grouped by deadline under bold lead-ins ("Immediately:", "Within three
months:", "Within six months:", "Within 12 months:"), each over bullets that name "the
force"; one bullet carries its own earlier date; finding headings later in the report
that say what the force "should" do but are not recommendations; a foreword whose
"must" sentences ask nothing of anyone in particular."""

import datetime as dt

from ..model import (
    Case,
    Contents,
    Cover,
    Heading,
    ListBlock,
    PageBreak,
    Para,
    add_months,
    rec,
)

PUBLISHED = dt.date(2023, 3, 9)
CC = "chief_constable"
NOW = PUBLISHED.isoformat()
THREE = add_months(PUBLISHED, 3).isoformat()
SIX = add_months(PUBLISHED, 6).isoformat()
TWELVE = add_months(PUBLISHED, 12).isoformat()

R = {
    1: rec("1", CC, date=NOW),
    2: rec("2", CC, date=NOW),
    3: rec("3", CC, date=THREE),
    4: rec("4", CC, date=THREE),
    5: rec("5", CC, date=THREE),
    6: rec("6", CC, date=SIX),
    7: rec("7", CC, date="2023-07-31"),
    8: rec("8", CC, date=SIX),
    9: rec("9", CC, date=SIX),
    10: rec("10", CC, date=TWELVE),
}

CASE = Case(
    slug="holdout-castlemoor-child-protection-2023-pdf",
    set_name="holdout",
    title="Castlemoor Police – National child protection inspection",
    kind="force",
    published_on=PUBLISHED,
    source="constructed",
    provenance=(
        "Items constructed, for a fictional force (Castlemoor), in the layout of HMICFRS "
        "national child protection inspection reports (title form, foreword, case file "
        "analysis, chapters by stage of the child’s journey, finding headings that say "
        "what the force should improve). The first two foreword paragraphs and the "
        "'police officers must be alert' sentence are the real NCPI foreword wording "
        "(Hampshire and Cambridgeshire NCPI reports, 2021). Grouping recommendations by "
        "deadline follows the programme’s methodology, which asks for an update on "
        "recommendations 'that should be acted upon immediately' and an action plan "
        "for the others; the exact lead-in wording is constructed."
    ),
    layouts=[
        "cover and contents before the section",
        "table of contents with dotted leaders",
        "recommendations grouped by deadline",
        "bold deadline lead-ins",
        "immediately",
        "within three months",
        "within six months",
        "within twelve months",
        "item deadline inside a group",
        "finding headings with should that are not items",
        "foreword with must",
        "count sentences among items",
        "running header and footer",
        "footnotes",
        "ligatures",
        "line-end hyphenation",
    ],
    form="pdf",
    running_header="Castlemoor Police – National child protection inspection",
    footer="© HMICFRS 2023",
    ligature_words=("officer", "find", "first", "signific", "identif", "profile", "fl"),
    footnotes={
        1: "Working Together to Safeguard Children, HM Government, 2018.",
        2: "Section 38(6) of the Police and Criminal Evidence Act 1984 requires the custody officer to arrange for a child who is charged and refused bail to be moved to local authority accommodation unless this is impracticable.",
        3: "A public protection notice is the form officers complete to share concerns about a child or adult with the force’s safeguarding hub.",
    },
    blocks=[
        Cover(
            [
                ("Castlemoor Police", 24),
                ("National child protection inspection", 16),
                ("12–23 September 2022", 12),
                ("March 2023", 11),
            ]
        ),
        PageBreak(),
        Contents(),
        PageBreak(),
        Heading(1, "Foreword"),
        Para(
            "All children deserve to grow up in a safe environment, cared for and protected from harm. Most children flourish in loving families and grow to adulthood unharmed. Unfortunately, though, too many children are still abused or neglected by those responsible for their care; they sometimes need to be protected from other adults with whom they come into contact. Some of them occasionally go missing, or end up spending time in places, or with people, harmful to them."
        ),
        Para(
            "While it is everyone’s responsibility to look out for vulnerable children, police forces – working together and with other organisations – have a particular role in protecting children and meeting their needs."
        ),
        Para(
            "As they go about their daily tasks, police officers must be alert to, and identify, children who may be at risk. To protect children effectively, officers must talk to children, listen to them, and understand their fears and concerns."
        ),
        Heading(1, "Summary"),
        Para(
            "In September 2022, we inspected how well Castlemoor Police keeps children safe. We audited 94 child protection cases: 31 were good, 40 required improvement and 23 were inadequate."
        ),
        Para(
            "The force’s leaders are committed to protecting children, and officers responding to incidents often showed care and compassion. But the force does not always respond quickly enough when children are at risk, and its referrals to children’s social care are often late or incomplete."
        ),
        Para(
            "We have made ten recommendations. Two of them require immediate action; we will ask the force for an update on these within six weeks."
        ),
        Heading(1, "Recommendations"),
        Para(
            "We recommend that Castlemoor Police takes the following action, in the timescales shown."
        ),
        Para("Immediately:", style="grade"),
        ListBlock(
            [
                (
                    "The force should review how it grades incidents involving children, so that children at risk of harm are seen by an officer without delay.",
                    R[1],
                ),
                (
                    "The force should make sure that, whenever a child is charged and refused bail, it asks the local authority for alternative accommodation,^2 and that it records the request and its outcome.",
                    R[2],
                ),
            ]
        ),
        Para("Within three months:", style="grade"),
        ListBlock(
            [
                (
                    "The force should make sure that officers who attend domestic abuse incidents speak to the children present and record their views, behaviour and demeanour.",
                    R[3],
                ),
                (
                    "The force should make sure that public protection notices^3 about children are reviewed in its safeguarding hub within 24 hours of submission.",
                    R[4],
                ),
                (
                    "The force should make sure that every child reported missing is the subject of a risk assessment reviewed by a supervisor, and that a return interview is offered.",
                    R[5],
                ),
            ]
        ),
        Para("Within six months:", style="grade"),
        ListBlock(
            [
                (
                    "The force should work with its safeguarding partners to review the thresholds for referring children to children’s social care, and make sure officers and staff understand them.",
                    R[6],
                ),
                (
                    "By 31 July 2023, the force should have enough trained detectives in its child abuse investigation teams to investigate every allegation allocated to them without delay.",
                    R[7],
                ),
                (
                    "The force should improve its response to children at risk of criminal and sexual exploitation, so that intelligence about them is assessed and shared with partners.",
                    R[8],
                ),
                (
                    "The force should make sure that its management of registered sex offenders includes an assessment of the risk each one poses to children in their household or family.",
                    R[9],
                ),
            ]
        ),
        Para("Within 12 months:", style="grade"),
        ListBlock(
            [
                (
                    "The force should develop its performance information so that leaders understand the outcomes for children, not only the volume of its child protection work.",
                    R[10],
                ),
            ]
        ),
        PageBreak(),
        Heading(1, "1. Introduction"),
        Heading(2, "The police’s responsibility to keep children safe"),
        Para(
            "The police have a statutory duty to protect children and to work with other organisations to safeguard them.^1 Officers often see children in their homes when they attend incidents, and they are well placed to recognise signs of abuse and neglect."
        ),
        Heading(1, "2. Leadership, management and governance"),
        Heading(
            2,
            "The force should improve the quality of the data it collects so leaders understand where change is needed",
        ),
        Para(
            "Leaders receive a large amount of data about the volume of child protection work, but very little about its quality or about what happens to children after the force is involved. Senior officers told us they recognised this and had started to develop new measures."
        ),
        Heading(2, "Leaders need to improve how the force assesses risk to children"),
        Para(
            "The force has invested in training for its safeguarding hub staff, and the hub is well led. But the number of public protection notices it receives has risen by a third in two years, and it has not had the staff to keep up."
        ),
        Heading(1, "3. Initial contact"),
        Heading(
            2, "The force should respond more quickly to incidents involving children"
        ),
        Para(
            "In 17 of the 42 incidents involving children that we reviewed, the force took longer than its target time to attend. In one case, a 14-year-old girl who had reported that her stepfather had assaulted her was not seen until the following afternoon."
        ),
        Para(
            "Call handlers usually identified the risk correctly, but incidents were often downgraded when no officer was available. Supervisors did not always record why."
        ),
        Heading(1, "4. Police detention"),
        Heading(2, "Children are held in custody overnight after charge"),
        Para(
            "In the 12 months before our inspection, 38 children were held in custody overnight after they had been charged and refused bail. Custody officers told us that they rarely asked the local authority for alternative accommodation because it was never available."
        ),
        Heading(1, "Conclusion"),
        Para(
            "Castlemoor Police has a committed workforce and leaders who want to improve. We will continue to monitor the force’s progress against our recommendations, and we will return to carry out a post-inspection review."
        ),
    ],
)
