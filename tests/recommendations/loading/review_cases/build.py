"""Fresh review cases (constructed wording in HMICFRS layouts; fictional forces)."""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[4]))
from tests.recommendations.loading.pdfs import build_pdf

OUT = Path(__file__).resolve().parent


def item(ref, kind, text, owners=("chief_constable",), others=(), date=None, coc=""):
    return {
        "reference": ref,
        "kind": kind,
        "owners": list(owners),
        "other_owners": list(others),
        "target_date": date,
        "cause_of_concern": coc,
        "text": text,
    }


R, A, C = "recommendation", "area_for_improvement", "cause_of_concern"


def write(slug, *, title, kind, published, source_name, data, items, refused=False):
    d = OUT / slug
    d.mkdir(parents=True, exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(d / source_name, mode) as f:
        f.write(data)
    case = {
        "title": title,
        "kind": kind,
        "published_on": published,
        "input": source_name,
        "source": "constructed",
        "provenance": "review: constructed wording, fictional force",
        "layouts": [],
        "refused": refused,
        "items": items,
    }
    (d / "case.json").write_text(json.dumps(case, indent=1, ensure_ascii=False))


# ---------------------------------------------------------------- 1 custody, pasted from web page
c1 = [
    item(
        "CoC 1",
        C,
        "Detainees were not always checked in line with their assessed level of risk. Some checks were carried out only by looking through the cell hatch, and some were late.",
    ),
    item(
        "1",
        R,
        "The force should make sure that all detainees are checked and roused in line with their care plan and the College of Policing\u2019s authorised professional practice.",
        coc="CoC 1",
    ),
    item(
        "CoC 2",
        C,
        "Custody records were often confusing and did not show the care given to detainees or the decisions made about them.",
    ),
    item(
        "2",
        R,
        "The force should make sure that custody records are accurate, complete and show why each decision was made.",
        coc="CoC 2",
    ),
    item(
        "AFI 1",
        A,
        "The force should make sure that children are not held overnight in custody unless it is unavoidable, and that it works with local authorities to find alternative accommodation.",
    ),
    item(
        "AFI 2",
        A,
        "The force should make sure that reviews of detention are carried out on time and in person wherever possible.",
    ),
    item(
        "AFI 3",
        A,
        "The force should improve the collection and analysis of data on the use of force in custody, so that it can identify trends.",
    ),
    item(
        "AFI 4",
        A,
        "NHS England and the force should make sure that detainees with mental ill health are assessed promptly.",
        owners=("other", "chief_constable"),
        others=("NHS England",),
    ),
]
text1 = """Section 6. Summary of causes of concern, recommendations and areas for improvement

Causes of concern and recommendations

6.1 Cause of concern: Detainees were not always checked in line with their assessed level of risk. Some checks were carried out only by looking through the cell hatch, and some were late.

Recommendation: The force should make sure that all detainees are checked and roused in line with their care plan and the College of Policing\u2019s authorised professional practice.

6.2 Cause of concern: Custody records were often confusing and did not show the care given to detainees or the decisions made about them.

Recommendation: The force should make sure that custody records are accurate, complete and show why each decision was made.

Areas for improvement

6.3 The force should make sure that children are not held overnight in custody unless it is unavoidable, and that it works with local authorities to find alternative accommodation.

6.4 The force should make sure that reviews of detention are carried out on time and in person wherever possible.

6.5 The force should improve the collection and analysis of data on the use of force in custody, so that it can identify trends.

6.6 NHS England and the force should make sure that detainees with mental ill health are assessed promptly.

Good practice

6.7 The force had introduced a custody triage scheme that diverted many vulnerable people away from custody. Other forces should consider adopting it.
"""
write(
    "r1-custody-eastvale-pasted",
    title="Report on an unannounced inspection visit to police custody suites in Eastvale",
    kind="joint",
    published="2022-04-20",
    source_name="source.txt",
    data=text1,
    items=c1,
)

# ---------------------------------------------------------------- 2 PEEL 2023-25 html
c2 = [
    item(
        "AFI 1",
        A,
        "The force should make sure it answers emergency calls within national standards.",
    ),
    item(
        "AFI 2",
        A,
        "The force should make sure that it records the vulnerability of callers, and that call handlers use a structured assessment to decide the response.",
    ),
    item(
        "AFI 3",
        A,
        "The force should make sure that investigations are allocated to officers with the right skills and experience.",
    ),
    item(
        "AFI 4",
        A,
        "The force should make sure that victims are updated on the progress of their case, in line with the Code of Practice for Victims of Crime.",
    ),
    item(
        "CoC 1",
        C,
        "The force doesn\u2019t always identify and respond effectively to vulnerable people. This means that some people are at risk of harm.",
    ),
    item(
        "1",
        R,
        "make sure that its officers complete a risk assessment at every domestic abuse incident",
        date="2024-12-30",
        coc="CoC 1",
    ),
    item(
        "2",
        R,
        "make sure that supervisors review the risk assessments made by officers",
        date="2024-12-30",
        coc="CoC 1",
    ),
    item(
        "3",
        R,
        "improve the way it shares information about vulnerable children with local authorities.",
        date="2024-12-30",
        coc="CoC 1",
    ),
]
html2 = """<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>PEEL 2023\u20132025: An inspection of Westbrook Police - His Majesty\u2019s Inspectorate</title></head>
<body><header class="site-header"><nav><a href="/">Home</a></nav></header>
<main id="main">
<h1>PEEL 2023\u20132025: An inspection of Westbrook Police</h1>
<h2>Responding to the public: Requires improvement</h2>
<div class="afi-box"><h3>Area for improvement</h3>
<p>The force should make sure it answers emergency calls within national standards.</p></div>
<p>In the year ending March 2024, the force answered 71 percent of emergency calls within ten seconds. The national standard is that 90 percent of calls should be answered within ten seconds.</p>
<div class="afi-box"><h3>Area for improvement</h3>
<p>The force should make sure that it records the vulnerability of callers, and that call handlers use a structured assessment to decide the response.</p></div>
<p>Call handlers should use the THRIVE model to assess each call, but in 14 of the 60 calls we reviewed they did not.</p>
<h3>Promising practice</h3>
<h4>Live video from the scene</h4>
<p>Call handlers can ask callers to share live video from the scene. This helps them to decide the right response. Other forces should consider this approach.</p>
<h2>Investigating crime: Adequate</h2>
<h3>Areas for improvement</h3>
<ul>
<li>The force should make sure that investigations are allocated to officers with the right skills and experience.</li>
<li>The force should make sure that victims are updated on the progress of their case, in line with the Code of Practice for Victims of Crime.</li>
</ul>
<p>Supervisors should review each investigation at least every 28 days. We found that this happened in only half the cases we reviewed.</p>
<h2>Protecting vulnerable people: Inadequate</h2>
<h3>Cause of concern</h3>
<p>The force doesn\u2019t always identify and respond effectively to vulnerable people. This means that some people are at risk of harm.</p>
<h3>Recommendations</h3>
<p>Within three months, the force should:</p>
<ul>
<li>make sure that its officers complete a risk assessment at every domestic abuse incident;</li>
<li>make sure that supervisors review the risk assessments made by officers; and</li>
<li>improve the way it shares information about vulnerable children with local authorities.</li>
</ul>
<h3>Innovative practice</h3>
<p>The force has created a team that reviews every missing child report within 24 hours. Other forces should consider this.</p>
</main><footer class="site-footer"><p>\u00a9 Crown copyright</p></footer></body></html>
"""
write(
    "r2-westbrook-peel-2023-25-html",
    title="PEEL 2023\u20132025: An inspection of Westbrook Police",
    kind="peel",
    published="2024-09-30",
    source_name="source.html",
    data=html2,
    items=c2,
)

# ---------------------------------------------------------------- 3 thematic PDF
c3 = [
    item(
        "1",
        R,
        "By 31 March 2025, chief constables should make sure that only officers who have completed the national stalking training are allocated stalking investigations.",
        date="2025-03-31",
    ),
    item(
        "2",
        R,
        "The Home Office, working with the National Police Chiefs\u2019 Council, should review the statutory guidance on stalking protection orders and publish a revised version by 31 December 2024.",
        owners=("home_office",),
        date="2024-12-31",
    ),
    item(
        "3",
        R,
        "Chief constables should make sure that when a victim reports a breach of a stalking protection order, officers record it as a crime within 24 hours and tell the victim what will happen next.",
        date=None,
    ),
    item(
        "4",
        R,
        "Within six months of publication, the College of Policing should update its authorised professional practice on stalking to include the use of risk assessment tools.",
        owners=("college_of_policing",),
        date="2025-03-17",
    ),
    item(
        "5",
        R,
        "The Ministry of Justice and HM Courts & Tribunals Service should make sure that victims are told when a stalking protection order is made, varied or discharged.",
        owners=("other",),
        others=("Ministry of Justice", "HM Courts & Tribunals Service"),
    ),
    item(
        "6",
        R,
        "By the end of the 2025/26 financial year, police and crime commissioners should commission specialist stalking advocacy services in every force area.",
        owners=("pcc",),
        date="2026-03-31",
    ),
    item(
        "AFI 1",
        A,
        "Forces should improve the quality of the data they record on stalking, so that they can identify repeat perpetrators.",
        date=None,
    ),
]
content3 = [
    ("h1", "An inspection of the police response to stalking"),
    (
        "p",
        "This chapter sets out our recommendations and our area for improvement. We have made six recommendations.",
    ),
    ("h2", "Recommendations"),
    ("h3", "Recommendation 1"),
    (
        "p",
        "By 31 March 2025, chief constables should make sure that only officers who have completed the national stalking training are allocated stalking investigations.",
    ),
    ("h3", "Recommendation 2"),
    (
        "p",
        "The Home Office, working with the National Police Chiefs\u2019 Council, should review the statutory guidance on stalking protection orders and publish a revised version by 31 December 2024.<super>12</super>",
    ),
    ("h3", "Recommendation 3"),
    (
        "p",
        "Chief constables should make sure that when a victim reports a breach of a stalking protection order, officers record it as a crime within 24 hours and tell the victim what will happen next.",
    ),
    (
        "p",
        "In 23 of the 60 breach cases we reviewed, the breach was not recorded as a crime. This was the case in every force we visited.",
    ),
    ("h3", "Recommendation 4"),
    (
        "p",
        "Within six months of publication, the College of Policing should update its authorised professional practice on stalking to include the use of risk assessment tools.",
    ),
    ("h3", "Recommendation 5"),
    (
        "p",
        "The Ministry of Justice and HM Courts &amp; Tribunals Service should make sure that victims are told when a stalking protection order is made, varied or discharged.",
    ),
    ("h3", "Recommendation 6"),
    (
        "p",
        "By the end of the 2025/26 financial year, police and crime commissioners should commission specialist stalking advocacy services in every force area.",
    ),
    ("h2", "Area for improvement"),
    (
        "p",
        "Forces should improve the quality of the data they record on stalking, so that they can identify repeat perpetrators.",
    ),
    ("h2", "Next steps"),
    (
        "p",
        "We will monitor progress against these recommendations through our PEEL inspections.",
    ),
]
pdf3 = build_pdf(
    content3,
    title="An inspection of the police response to stalking",
    footnotes={1: ["12 Stalking Protection Act 2019, section 1."]},
)
write(
    "r3-stalking-thematic-2024-pdf",
    title="An inspection of the police response to stalking",
    kind="national_thematic",
    published="2024-09-17",
    source_name="source.pdf",
    data=pdf3,
    items=c3,
)

# ---------------------------------------------------------------- 4 joint inspection html, groups by addressee
c4 = [
    item(
        "1",
        R,
        "Chief constables should make sure that every child arrested is offered an appropriate adult within two hours of arrival in custody.",
        date=None,
    ),
    item(
        "2",
        R,
        "publish an annual report on the number of children held overnight in police custody.",
        date="2025-06-30",
    ),
    item(
        "3",
        R,
        "publish an annual report on the number of children held overnight in police custody.",
        owners=("pcc",),
        date="2025-06-30",
    ),
    item(
        "4",
        R,
        "make sure that the custody services they commission include health care for children.",
        owners=("pcc",),
        date="2025-06-30",
    ),
    item(
        "5",
        R,
        "The Home Office should, by 31 March 2025, amend the PACE codes of practice so that children are only held overnight as a last resort.",
        owners=("home_office",),
        date="2025-03-31",
    ),
    item(
        "6",
        R,
        "provide alternative accommodation for children charged and refused bail, as the Children Act 1989 requires.",
        owners=("other",),
        others=("Local authorities",),
        date=None,
    ),
]
html4 = """<!DOCTYPE html><html><head><meta charset="windows-1252"><title>Children in police custody - HMICFRS</title></head><body>
<article>
<h1>Children in police custody: a joint inspection</h1>
<h2>Recommendations</h2>
<p>We have made six recommendations. Where we set a deadline, it is shown.</p>
<h3>To chief constables</h3>
<ol>
<li>Chief constables should make sure that every child arrested is offered an appropriate adult within two hours of arrival in custody.</li>
</ol>
<p><strong>By 30 June 2025, chief constables should:</strong></p>
<ol start="2">
<li>publish an annual report on the number of children held overnight in police custody.</li>
</ol>
<h3>To police and crime commissioners</h3>
<p><strong>By 30 June 2025, police and crime commissioners should:</strong></p>
<ol start="3">
<li>publish an annual report on the number of children held overnight in police custody.</li>
<li>make sure that the custody services they commission include health care for children.</li>
</ol>
<h3>To the Home Office</h3>
<ol start="5">
<li>The Home Office should, by 31 March 2025, amend the PACE codes of practice so that children are only held overnight as a last resort.</li>
</ol>
<h3>To local authorities</h3>
<ol start="6">
<li>provide alternative accommodation for children charged and refused bail, as the Children Act 1989 requires.</li>
</ol>
</article></body></html>
""".encode("cp1252")
write(
    "r4-children-custody-joint-html",
    title="Children in police custody: a joint inspection",
    kind="joint",
    published="2024-11-05",
    source_name="source.html",
    data=html4,
    items=c4,
)

# ---------------------------------------------------------------- 5 pasted from a PDF viewer: hard line breaks
c5 = [
    item(
        "1",
        R,
        "The force should make sure that officers immediately record every report of domestic abuse as a crime where the crime recording rules require it.",
        date=None,
    ),
    item(
        "2",
        R,
        "The force should make sure that victims are contacted within five working days of reporting a crime, and are told who is investigating it.",
        date=None,
    ),
    item(
        "3",
        R,
        "By 30 June 2023, the force should review whether the training it gave to call handlers was effective, and act on what it finds.",
        date="2023-06-30",
    ),
    item(
        "4",
        R,
        "By the end of September 2023, the force and the police and crime commissioner should agree a plan to reduce the backlog of digital devices awaiting examination.",
        owners=("chief_constable", "pcc"),
        date="2023-09-30",
    ),
    item(
        "AFI 1",
        A,
        "The force should improve how it uses the Authorised Professional Practice on investigation to supervise investigations.",
    ),
    item(
        "AFI 2",
        A,
        "The force should make sure that it understands the demand on its neighbourhood teams.",
    ),
]
text5 = """Northvale Police \u2013 PEEL 2021/22
Recommendations
The force should make sure that officers immediately record every report of
domestic abuse as a crime where the crime recording rules require it.
The force should make sure that victims are contacted within five working days
of reporting a crime, and are told who is investigating it.
By 30 June 2023, the force should review whether the training it gave to call
handlers was effective, and act on what it finds.
By the end of September 2023, the force and the police and crime commissioner
should agree a plan to reduce the backlog of digital devices awaiting
examination.
Areas for improvement
The force should improve how it uses the
Authorised Professional Practice on investigation to supervise investigations.
The force should make sure that it understands the demand on its
neighbourhood teams.
Northvale Police \u2013 PEEL 2021/22
14
"""
write(
    "r5-northvale-peel-2021-22-pasted",
    title="PEEL 2021/22: An inspection of Northvale Police",
    kind="peel",
    published="2023-01-12",
    source_name="source.txt",
    data=text5,
    items=c5,
)

# ---------------------------------------------------------------- 6 two-column PDF (a report summary laid out in two columns)
import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

from tests.recommendations.loading.pdfs import _fonts


def two_column_pdf(content, title):
    regular, bold = _fonts()
    st = {
        "h2": ParagraphStyle(
            "h2", fontName=bold, fontSize=14, leading=18, spaceAfter=8
        ),
        "h3": ParagraphStyle(
            "h3", fontName=bold, fontSize=11, leading=14, spaceAfter=4
        ),
        "p": ParagraphStyle(
            "p", fontName=regular, fontSize=10, leading=13, spaceAfter=8
        ),
    }
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=A4, invariant=1)
    w, h = A4
    col = (w - 56 * 2 - 20) / 2
    frames = [
        Frame(56, 90, col, h - 160, id="left"),
        Frame(56 + col + 20, 90, col, h - 160, id="right"),
    ]

    def furniture(canvas, d):
        canvas.saveState()
        canvas.setFont(regular, 9)
        canvas.drawString(56, h - 36, title)
        canvas.drawRightString(w - 56, 30, str(d.page))
        canvas.drawString(56, 30, "\u00a9 HMICFRS 2023")
        canvas.restoreState()

    doc.addPageTemplates([PageTemplate(id="two", frames=frames, onPage=furniture)])
    doc.build([Paragraph(t, st[k]) for k, t in content])
    return buf.getvalue()


c6 = [
    item(
        "1",
        R,
        "The force should make sure that it has enough detectives to investigate serious and complex crime, and that their workloads are manageable.",
        date=None,
    ),
    item(
        "2",
        R,
        "The force should make sure that its officers and staff understand how to identify and record the vulnerability of victims.",
        date=None,
    ),
    item(
        "3",
        R,
        "By 31 March 2024, the force should put in place a plan to reduce the number of investigations that are closed without a suspect being identified.",
        date="2024-03-31",
    ),
    item(
        "4",
        R,
        "The force should improve the supervision of investigations, so that each has a clear plan and is reviewed regularly.",
        date=None,
    ),
    item(
        "AFI 1",
        A,
        "The force should make sure that its neighbourhood officers are not routinely taken away from their duties to respond to calls.",
    ),
    item(
        "AFI 2",
        A,
        "The force should improve how it uses data to understand the demand it faces, now and in the future.",
    ),
]
content6 = (
    [("h2", "Summary of findings")]
    + [
        (
            "p",
            "The force has improved how it investigates crime since our last inspection, but there is more to do. We found that investigations were often delayed because officers had high workloads, and supervisors did not always review them.",
        )
    ]
    * 11
    + [
        ("h2", "Recommendations"),
        (
            "p",
            "The force should make sure that it has enough detectives to investigate serious and complex crime, and that their workloads are manageable.",
        ),
        (
            "p",
            "The force should make sure that its officers and staff understand how to identify and record the vulnerability of victims.",
        ),
        (
            "p",
            "By 31 March 2024, the force should put in place a plan to reduce the number of investigations that are closed without a suspect being identified.",
        ),
        (
            "p",
            "The force should improve the supervision of investigations, so that each has a clear plan and is reviewed regularly.",
        ),
        ("h2", "Areas for improvement"),
        (
            "p",
            "The force should make sure that its neighbourhood officers are not routinely taken away from their duties to respond to calls.",
        ),
        (
            "p",
            "The force should improve how it uses data to understand the demand it faces, now and in the future.",
        ),
    ]
)
write(
    "r6-southvale-two-column-pdf",
    title="An inspection of Southvale Police\u2019s investigations",
    kind="force",
    published="2023-06-30",
    source_name="source.pdf",
    data=two_column_pdf(
        content6, "An inspection of Southvale Police\u2019s investigations"
    ),
    items=c6,
)

# ---------------------------------------------------------------- 7 thematic, pasted from the web page (blank lines)
c7 = [
    item(
        "1",
        R,
        "By 31 October 2025, chief constables should make sure that their forces have a policy for the use of body-worn video in custody. This should include when recordings must be kept and who may view them.",
        date="2025-10-31",
    ),
    item(
        "2",
        R,
        "By 1 April 2025, the NPCC lead for custody and the College of Policing should publish national guidance on the use of anti-rip clothing.",
        owners=("npcc", "college_of_policing"),
        date="2025-04-01",
    ),
    item(
        "3",
        R,
        "The Home Office should, within 12 months, review the funding of health care in police custody.",
        owners=("home_office",),
        date="2025-07-15",
    ),
    item(
        "4",
        R,
        "By the end of 2024 to 2025 financial year, police and crime commissioners should review the independent custody visiting schemes they run.",
        owners=("pcc",),
        date="2025-03-31",
    ),
    item(
        "5",
        R,
        "The Mayor\u2019s Office for Policing and Crime should make sure that the Metropolitan Police Service publishes its custody data each quarter.",
        owners=("pcc",),
        date=None,
    ),
    item(
        "6",
        R,
        "By 31 December 2025, forces should make sure that detainees who were held for more than 24 hours were offered a shower and exercise.",
        date="2025-12-31",
    ),
]
text7 = """Recommendations

Recommendation 1

By 31 October 2025, chief constables should make sure that their forces have a policy for the use of body-worn video in custody.

This should include when recordings must be kept and who may view them.

We found that only 18 of the 43 forces had such a policy, and some of those were out of date.

Recommendation 2

By 1 April 2025, the NPCC lead for custody and the College of Policing should publish national guidance on the use of anti-rip clothing.

Recommendation 3

The Home Office should, within 12 months, review the funding of health care in police custody.

Recommendation 4

By the end of 2024 to 2025 financial year, police and crime commissioners should review the independent custody visiting schemes they run.

Recommendation 5

The Mayor\u2019s Office for Policing and Crime should make sure that the Metropolitan Police Service publishes its custody data each quarter.

Recommendation 6

By 31 December 2025, forces should make sure that detainees who were held for more than 24 hours were offered a shower and exercise.
"""
write(
    "r7-custody-thematic-2024-pasted",
    title="Custody thematic 2024",
    kind="national_thematic",
    published="2024-07-15",
    source_name="source.txt",
    data=text7,
    items=c7,
)

# ---------------------------------------------------------------- 8 numbered list PDF, sub-bullets inside one recommendation
c8 = [
    item(
        "1",
        R,
        "By 31 March 2025, chief constables should: review every vetting decision made since 2020 where adverse information was found; and publish the results of that review.",
        date="2025-03-31",
    ),
    item(
        "2",
        R,
        "Chief constables should make sure that officers under investigation for gross misconduct are not allowed to resign or retire until the investigation ends.",
        date=None,
    ),
    item(
        "3",
        R,
        "The College of Policing should amend the vetting code of practice so that forces must re-vet officers who move to a new role.",
        owners=("college_of_policing",),
        date=None,
    ),
    item(
        "4",
        R,
        "By 30 September 2025, the Home Office should introduce legislation that makes vetting a statutory requirement.",
        owners=("home_office",),
        date="2025-09-30",
    ),
]
content8 = [
    ("h1", "Vetting in Midshire and Lowshire: a joint force inspection"),
    ("p", "We have made four recommendations."),
    ("h2", "Recommendations"),
    ("numbers", "By 31 March 2025, chief constables should:"),
    (
        "bullets",
        "review every vetting decision made since 2020 where adverse information was found; and\npublish the results of that review.",
    ),
    (
        "p",
        "2. Chief constables should make sure that officers under investigation for gross misconduct are not allowed to resign or retire until the investigation ends.",
    ),
    (
        "p",
        "3. The College of Policing should amend the vetting code of practice so that forces must re-vet officers who move to a new role.",
    ),
    (
        "p",
        "4. By 30 September 2025, the Home Office should introduce legislation that makes vetting a statutory requirement.",
    ),
]
write(
    "r8-vetting-numbered-pdf",
    title="Vetting in Midshire and Lowshire",
    kind="national_thematic",
    published="2024-10-01",
    source_name="source.pdf",
    data=build_pdf(content8, title="Vetting in Midshire and Lowshire"),
    items=c8,
)
