"""The three saved-web-page cases of the blind2 set."""

# Report wording keeps its curly quotes and en dashes, as the reports print them.
# ruff: noqa: RUF001

import html

from kit import Case, afi, coc, html_body, inline_html, rec


def page(
    *,
    url: str,
    title: str,
    site: str,
    nav: list[str],
    breadcrumbs: list[str],
    contents: list[tuple[str, str]],
    article: str,
    footnotes: dict[str, str] | None = None,
    entities: bool = False,
) -> str:
    """A whole saved page: head with scripts and styles, cookie banner, skip link,
    header and navigation, breadcrumbs, a contents list, the article, footnotes,
    footer and the scripts at the end of the body."""
    esc = html.escape
    notes = ""
    if footnotes:
        entries = "".join(
            f'<li id="fn{n}"><p>{inline_html(text, entities=entities)} '
            f'<a href="#fnref{n}" class="footnote-back">Back to text</a></p></li>\n'
            for n, text in footnotes.items()
        )
        notes = (
            '<section class="footnotes" aria-label="Footnotes">\n'
            f'<h2 class="govuk-heading-m">Footnotes</h2>\n<ol>\n{entries}</ol>\n'
            "</section>\n"
        )
    nav_html = "".join(
        f'<li class="site-nav__item"><a href="/{esc(n.lower().replace(" ", "-"))}/">'
        f"{esc(n)}</a></li>"
        for n in nav
    )
    crumbs = "".join(
        f'<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link"'
        f' href="#">{esc(b)}</a></li>'
        for b in breadcrumbs
    )
    toc = "".join(f'<li><a href="#{a}">{esc(t)}</a></li>' for a, t in contents)
    return f"""<!DOCTYPE html>
<!-- saved from url=({len(url):04d}){url} -->
<html lang="en-GB" class="govuk-template no-js"><head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>{esc(title)} - {esc(site)}</title>
<meta name="description" content="{esc(title)}">
<meta property="og:title" content="{esc(title)}">
<meta property="og:site_name" content="{esc(site)}">
<link rel="canonical" href="{url}">
<link rel="stylesheet" href="./page_files/govuk-frontend.min.css" media="all">
<link rel="stylesheet" href="./page_files/site.min.css" media="all">
<link rel="stylesheet" href="./page_files/print.css" media="print">
<script async="" src="./page_files/gtm.js"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){{dataLayer.push(arguments);}}
  gtag('consent', 'default', {{'analytics_storage': 'denied'}});
  gtag('js', new Date());
  gtag('config', 'G-B2XXXXXXXX', {{'anonymize_ip': true}});
  var siteConfig = {{"recommendations": "Recommendation 1: not page text",
    "search": "/search/", "areaForImprovement": "The force should (script)"}};
</script>
<style>
  .js-enabled .govuk-cookie-banner{{display:block}}
  .site-nav__item{{display:inline-block;margin-right:1em}}
  .contents-list{{border-left:4px solid #1d70b8;padding-left:1em}}
</style>
</head>
<body class="govuk-template__body">
<script>document.body.className += ' js-enabled' + ('noModule' in
  HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');</script>
<div class="govuk-cookie-banner" data-nosnippet role="region"
  aria-label="Cookies on {esc(site)}" hidden>
<div class="govuk-cookie-banner__message govuk-width-container">
<h2 class="govuk-cookie-banner__heading govuk-heading-m">Cookies on this website</h2>
<div class="govuk-cookie-banner__content">
<p class="govuk-body">We use some essential cookies to make this website work.</p>
<p class="govuk-body">We’d like to set additional cookies to understand how you use
the website, remember your settings and improve our services. You should accept or
reject them before you continue.</p>
</div>
<div class="govuk-button-group">
<button type="button" class="govuk-button" data-module="govuk-button">Accept
additional cookies</button>
<button type="button" class="govuk-button" data-module="govuk-button">Reject
additional cookies</button>
<a class="govuk-link" href="/cookies/">View cookies</a>
</div></div></div>
<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to
main content</a>
<header class="site-header" role="banner">
<div class="govuk-width-container">
<a href="/" class="site-header__logo"><span class="visually-hidden">{esc(site)}
home page</span></a>
<form class="site-search" action="/search/" method="get" role="search">
<label for="site-search-text" class="visually-hidden">Search this website</label>
<input id="site-search-text" name="s" type="search" placeholder="Search">
<button type="submit">Search</button>
</form>
<nav class="site-nav" aria-label="Main menu"><ul>{nav_html}</ul></nav>
</div>
</header>
<div class="govuk-width-container">
<nav class="govuk-breadcrumbs" aria-label="Breadcrumb">
<ol class="govuk-breadcrumbs__list">{crumbs}</ol>
</nav>
<main class="govuk-main-wrapper" id="main-content" role="main">
<div class="govuk-grid-row">
<aside class="govuk-grid-column-one-third contents-list" aria-label="Contents">
<h2 class="govuk-heading-s">Contents</h2>
<ol class="govuk-list">{toc}</ol>
<p><a href="#" onclick="window.print();return false;" class="govuk-link">Print this
document</a></p>
</aside>
<article class="govuk-grid-column-two-thirds publication-html">
{article}
{notes}</article>
</div>
</main>
</div>
<footer class="govuk-footer" role="contentinfo">
<div class="govuk-width-container">
<h2 class="visually-hidden">Support links</h2>
<ul class="govuk-footer__inline-list">
<li><a class="govuk-footer__link" href="/accessibility/">Accessibility</a></li>
<li><a class="govuk-footer__link" href="/cookies/">Cookies</a></li>
<li><a class="govuk-footer__link" href="/privacy/">Privacy notice</a></li>
<li><a class="govuk-footer__link" href="/contact-us/">Contact us</a></li>
<li><a class="govuk-footer__link" href="/freedom-of-information/">Freedom of
information</a></li>
</ul>
<p class="govuk-footer__licence-description">All content is available under the Open
Government Licence v3.0, except where otherwise stated.</p>
<p>© Crown copyright</p>
</div>
</footer>
<script src="./page_files/govuk-frontend.min.js" type="module"></script>
<script type="module">
  import {{ initAll }} from './page_files/govuk-frontend.min.js';
  initAll();
</script>
<script>
  document.querySelectorAll('.govuk-cookie-banner button').forEach(function (b) {{
    b.addEventListener('click', function () {{
      b.closest('div[role]').hidden = true;
    }});
  }});
</script>
</body></html>
"""


HMICFRS_NAV = [
    "Home",
    "Our work",
    "Publications",
    "Police forces",
    "Fire and rescue services",
    "News",
    "About us",
]


# ---------------------------------------------------------------- Wyvernshire


def wyvernshire() -> Case:
    published = "2024-10-31"
    force = "Wyvernshire Police"
    c1 = coc(
        "CoC 1",
        """Wyvernshire Police isn’t answering emergency and non-emergency calls
        quickly enough, and it doesn’t always identify callers who are vulnerable
        or who call repeatedly. This means that some people who need help aren’t
        getting it when they need it.""",
        ["chief_constable"],
    )
    r1 = rec(
        "1",
        """make sure it has enough call handlers at the times of highest demand to
        answer calls within national standards;""",
        ["chief_constable"],
        "2025-01-31",
        coc="CoC 1",
        listed=True,
    )
    r2 = rec(
        "2",
        """use the data available to it to identify repeat and vulnerable callers,
        and make sure their calls are prioritised; and""",
        ["chief_constable"],
        "2025-01-31",
        coc="CoC 1",
        listed=True,
    )
    r3 = rec(
        "3",
        """make sure that supervisors monitor how long callers wait to be answered,
        and act when the wait is too long.""",
        ["chief_constable"],
        "2025-01-31",
        coc="CoC 1",
        listed=True,
    )
    a = [
        afi(
            "AFI 1",
            """The force should make sure that it records the vulnerability of
            callers accurately, and that it gives callers appropriate crime
            prevention and evidence preservation advice.""",
            ["chief_constable"],
        ),
        afi(
            "AFI 2",
            """The force should make sure its neighbourhood teams use problem-solving
            plans that are evaluated, so that it understands which tactics work.""",
            ["chief_constable"],
        ),
        afi(
            "AFI 3",
            """The force should improve how it supervises investigations, so that
            investigation plans are set, reviewed and updated by supervisors.""",
            ["chief_constable"],
            listed=True,
        ),
        afi(
            "AFI 4",
            """The force should make sure it records the reasons why victims
            withdraw their support for an investigation, and that it considers
            evidence-led prosecutions in those cases.""",
            ["chief_constable"],
            listed=True,
        ),
        afi(
            "AFI 5",
            """The force should make sure that officers complete the required risk
            assessments when they attend domestic abuse incidents.""",
            ["chief_constable"],
        ),
        afi(
            "AFI 6",
            """The force should reduce the backlog of visits to registered sex
            offenders, and make sure that offenders assessed as high risk are
            visited within the timescales set by national guidance^2.""",
            ["chief_constable"],
        ),
        afi(
            "AFI 7",
            """The force should make sure it understands the wellbeing needs of its
            workforce, particularly in its force control room.""",
            ["chief_constable"],
        ),
        afi(
            "AFI 8",
            """The force should make sure that its digital forensics unit has the
            capacity and capability to meet demand, and that devices are examined
            promptly.""",
            ["chief_constable"],
        ),
    ]
    e = True

    def t(src: str) -> str:
        return inline_html(src, entities=e)

    def para(src: str) -> str:
        return f'<p class="govuk-body">{t(src)}</p>\n'

    def inset_afi(item, heading="h4") -> str:
        return (
            '<div class="govuk-inset-text">\n'
            f'<{heading} class="govuk-heading-s">Area for improvement</{heading}>\n'
            f"<p>{t(item.src)}</p>\n</div>\n"
        )

    def practice(kind: str, name: str, *paras: str) -> str:
        body = "".join(para(x) for x in paras)
        return (
            '<details class="govuk-details" data-module="govuk-details">\n'
            '<summary class="govuk-details__summary"><span class="govuk-details__'
            f'summary-text">{kind}: {t(name)}</span></summary>\n'
            f'<div class="govuk-details__text">\n{body}</div>\n</details>\n'
        )

    def graded(anchor: str, name: str, grade: str) -> str:
        return (
            f'<h2 class="govuk-heading-l" id="{anchor}">{t(name)}'
            f'<span class="grade grade--{grade.lower().replace(" ", "-")}">'
            f": {grade}</span></h2>\n"
        )

    article = (
        f'<h1 class="govuk-heading-xl">PEEL 2023–2025: An inspection of {force}</h1>\n'
        '<p class="govuk-body-s">Published on: 31 October 2024</p>\n'
        '<h2 class="govuk-heading-l" id="summary">Overall summary</h2>\n'
        '<h3 class="govuk-heading-m">Our judgments</h3>\n'
        + para(
            f"""Our inspection assessed how good {force} is in nine areas of
            policing. We make graded judgments in eight of these nine as follows:"""
        )
        + '<table class="govuk-table judgments"><thead><tr><th>Outstanding</th>'
        "<th>Good</th><th>Adequate</th><th>Requires improvement</th><th>Inadequate</th>"
        "</tr></thead><tbody><tr><td></td><td>Police powers and public treatment; "
        "Leadership and force management</td><td>Preventing crime; Protecting "
        "vulnerable people; Building, supporting and protecting the workforce</td>"
        "<td>Investigating crime; Managing offenders and suspects</td>"
        "<td>Responding to the public</td></tr></tbody></table>\n"
        + para(
            f"""We also inspected how effective a service {force} gives to victims of
            crime. We don’t make a graded judgment in this overall area."""
        )
        + para(
            """We set out our detailed findings about things the force is doing well
            and where the force should improve in the rest of this report."""
        )
        + '<h3 class="govuk-heading-m">PEEL 2023–2025</h3>\n'
        + para(
            """In 2014, we introduced our police efficiency, effectiveness and
            legitimacy (PEEL) inspections, which assess the performance of all 43
            police forces in England and Wales. Since then, we have been continuously
            adapting our approach."""
        )
        + para(
            """Forces are assessed against the characteristics of good performance,
            set out in the PEEL Assessment Framework 2023–2025, and we more clearly
            link our judgments to causes of concern and areas for improvement."""
        )
        + '<h3 class="govuk-heading-m" id="hmi">HM Inspector’s summary</h3>\n'
        + para(
            f"""I am satisfied with some aspects of the performance of {force}, but
            there are areas in which the force needs to improve. I have serious
            concerns about how quickly the force answers calls from the public, and
            I have issued a cause of concern. The force also needs to improve how it
            supervises investigations and how it manages registered sex
            offenders."""
        )
        + para(
            """In 2023, the force answered only 62 percent of emergency calls within
            10 seconds^1. By the end of June 2024, this had fallen further."""
        )
        + '<div class="govuk-inset-text">\n'
        + para(
            """In our 2021/22 PEEL inspection, we identified an area for improvement
            about how the force records crime. The force has made good progress and
            we no longer consider this an area for improvement."""
        )
        + "</div>\n"
        + '<h2 class="govuk-heading-l" id="victims">Providing a service to victims of '
        "crime</h2>\n"
        + para(
            """We audit how well forces record crimes reported to them, and whether
            they record them correctly. The force records most crimes correctly. It
            records 93.1 percent of reported crime, which is in line with our
            expectations."""
        )
        + graded("responding", "Responding to the public", "Inadequate")
        + '<h3 class="govuk-heading-m">The force doesn’t answer calls quickly '
        "enough</h3>\n"
        + para(
            """The force doesn’t answer emergency calls within national standards.
            Callers to the non-emergency number waited on average more than 20
            minutes, and many abandoned their calls."""
        )
        + '<div class="govuk-inset-text cause-of-concern">\n'
        '<h4 class="govuk-heading-s">Cause of concern</h4>\n'
        f"<p>{t(c1.src)}</p>\n"
        '<h4 class="govuk-heading-s">Recommendations</h4>\n'
        '<p>Within three months, the force should:</p>\n<ul class="govuk-list '
        'govuk-list--bullet">\n'
        + "".join(f"<li>{t(x.src)}</li>\n" for x in (r1, r2, r3))
        + "</ul>\n</div>\n"
        + '<h3 class="govuk-heading-m">The force needs to improve how it identifies '
        "vulnerable callers</h3>\n"
        + para(
            """Call handlers didn’t always use the structured triage process to
            identify vulnerability. In 14 of the 60 calls we reviewed, the caller’s
            vulnerability wasn’t recorded."""
        )
        + inset_afi(a[0])
        + graded("powers", "Police powers and public treatment", "Good")
        + para(
            """The force uses its powers fairly. Its internal scrutiny of stop and
            search is effective, and its external scrutiny panels are well
            attended."""
        )
        + practice(
            "Innovative practice",
            "Youth stop and search panel",
            """The force has set up a panel of young people who review body-worn video
            footage of stop and search encounters and give feedback to officers.""",
        )
        + graded(
            "prevention",
            "Preventing and deterring crime and antisocial behaviour, and reducing "
            "vulnerability",
            "Adequate",
        )
        + para(
            """Neighbourhood teams know their communities well. But we found that
            problem-solving plans were rarely evaluated, so the force can’t tell
            which of its tactics work."""
        )
        + inset_afi(a[1])
        + practice(
            "Promising practice",
            "Safer streets partnership",
            """The force works with the county council to use data about antisocial
            behaviour to decide where to improve street lighting. The force should
            consider extending this approach to other districts.""",
        )
        + graded("investigating", "Investigating crime", "Requires improvement")
        + '<h3 class="govuk-heading-m">The force should improve the supervision of '
        "investigations</h3>\n"
        + para(
            """Investigations weren’t always effectively supervised. In too many of
            the cases we reviewed, there was no investigation plan, or the plan had
            not been reviewed for several months. The force didn’t always record
            why a victim had withdrawn their support for an investigation."""
        )
        + '<div class="govuk-inset-text">\n'
        '<h4 class="govuk-heading-s">Areas for improvement</h4>\n'
        '<ul class="govuk-list govuk-list--bullet">\n'
        f"<li>{t(a[2].src)}</li>\n<li>{t(a[3].src)}</li>\n</ul>\n</div>\n"
        + graded("vulnerable", "Protecting vulnerable people", "Adequate")
        + para(
            """The force has a clear understanding of the nature and scale of
            vulnerability in Wyvernshire. But officers attending domestic abuse
            incidents didn’t always complete the required risk assessment."""
        )
        + inset_afi(a[4])
        + practice(
            "Promising practice",
            "Domestic abuse car",
            """A specialist officer and an independent domestic violence adviser
            attend domestic abuse incidents together on Friday and Saturday
            nights.""",
        )
        + graded("offenders", "Managing offenders and suspects", "Requires improvement")
        + para(
            """At the time of our inspection, the force had a backlog of 240 overdue
            visits to registered sex offenders. Its digital forensics unit had more
            than 600 devices waiting to be examined."""
        )
        + inset_afi(a[5])
        + inset_afi(a[7])
        + graded(
            "workforce", "Building, supporting and protecting the workforce", "Adequate"
        )
        + para(
            """The force has an occupational health unit and a range of wellbeing
            services. But staff in the force control room told us they felt
            overlooked, and sickness absence there was high."""
        )
        + inset_afi(a[6])
        + graded("leadership", "Leadership and force management", "Good")
        + para(
            """The force has a good understanding of its current and future demand,
            and plans its finances well. Its leaders are visible and well regarded
            by the workforce."""
        )
        + '<details class="govuk-details">\n<summary class="govuk-details__summary">'
        '<span class="govuk-details__summary-text">What we mean by an area for '
        "improvement</span></summary>\n"
        + '<div class="govuk-details__text">\n'
        + para(
            """If our inspection finds an area where the force’s practice, policy or
            performance falls short of what is expected, we identify it as an area
            for improvement. The force should address it."""
        )
        + "</div>\n</details>\n"
    )
    notes = {
        "1": "The national standard is that 90 percent of emergency calls should be "
        "answered within 10 seconds.",
        "2": "Authorised Professional Practice on the management of sexual offenders "
        "and violent offenders.",
    }
    contents = [
        ("summary", "Overall summary"),
        ("hmi", "HM Inspector’s summary"),
        ("victims", "Providing a service to victims of crime"),
        ("responding", "Responding to the public"),
        ("powers", "Police powers and public treatment"),
        ("prevention", "Preventing and deterring crime"),
        ("investigating", "Investigating crime"),
        ("vulnerable", "Protecting vulnerable people"),
        ("offenders", "Managing offenders and suspects"),
        ("workforce", "Building, supporting and protecting the workforce"),
        ("leadership", "Leadership and force management"),
    ]
    text = page(
        url="https://hmicfrs.justiceinspectorates.gov.uk/peel-reports/"
        "wyvernshire-2023-25/",
        title=f"PEEL 2023–2025: An inspection of {force}",
        site="His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services",
        nav=HMICFRS_NAV,
        breadcrumbs=["Home", "Publications", "PEEL reports", "Wyvernshire 2023–25"],
        contents=contents,
        article=article,
        footnotes=notes,
        entities=e,
    )
    items = [c1, r1, r2, r3, a[0], a[1], a[2], a[3], a[4], a[5], a[7], a[6]]
    # References follow the order of appearance.
    for n, item in enumerate([x for x in items if x.kind == "area_for_improvement"]):
        item.reference = f"AFI {n + 1}"
    return Case(
        slug="wyvernshire-peel-2023-25-html",
        title=f"PEEL 2023–2025: An inspection of {force}",
        kind="peel",
        published_on=published,
        input="source.html",
        source="constructed",
        provenance=(
            "Constructed: Wyvernshire Police is a fictional force; the cause of "
            "concern, the recommendations, the areas for improvement, the grades and "
            "the findings are constructed. Real framing: the PEEL 2023–2025 "
            "boilerplate ('Our inspection assessed how good … is in nine areas of "
            "policing…', 'In 2014, we introduced our police efficiency, "
            "effectiveness and legitimacy (PEEL) inspections…', the assessment "
            "framework sentence) follows the HMICFRS PEEL 2023–25 report pages (seen "
            "in a stored copy of the Thames Valley 2023–25 page). The areas for "
            'improvement sit in <div class="govuk-inset-text"> boxes among the '
            "findings (two of them as a bulleted list in one box headed 'Areas for "
            "improvement'); promising and innovative practice in <details> "
            "elements; an inset box reporting an earlier area for improvement as no "
            "longer one, and a <details> defining 'area for improvement', are not "
            "items. Unnumbered, so numbered in order of appearance. 'Within three "
            "months' counts from 31 October 2024 (31 January 2025). Curly quotes as "
            "&rsquo; entities."
        ),
        layouts=[
            "saved web page",
            "cookie banner, header navigation, breadcrumbs, contents list, footer, "
            "scripts",
            "graded <h2> headings with the grade in a <span>",
            "areas for improvement in govuk-inset-text boxes among findings",
            "two areas for improvement as a list inside one inset box",
            "cause of concern and 'Within three months, the force should:' bullets "
            "inside an inset box",
            "promising and innovative practice in <details> elements",
            "inset box about an earlier area for improvement that is not an item",
            "finding headings that say what the force should improve",
            "HM Inspector's summary naming what the force needs to improve",
            "<sup> footnote links inside an area for improvement",
            "&rsquo; entities",
            "past dates in findings",
            "words in a script that look like items",
        ],
        items=items,
        data=text.encode("utf-8"),
        body_text=html_body(text),
        full_text=text,
    )


# ---------------------------------------------------------------- roads policing


def roads_policing() -> Case:
    published = "2025-03-20"
    rows = [
        (
            rec(
                "1",
                """Make sure that every fatal and life-changing road traffic collision
                is investigated by an officer who is accredited as a roads death
                investigator.""",
                ["chief_constable"],
                "2025-12-31",
            ),
            "Chief constables",
            "By the end of 2025",
        ),
        (
            rec(
                "2",
                """Develop a national standard for the time within which a collision
                investigation unit should attend the scene of a fatal collision.""",
                ["npcc"],
                "2026-04-30",
            ),
            "National Police Chiefs’ Council",
            "By April 2026",
        ),
        (
            rec(
                "3",
                """Publish revised guidance for family liaison officers who support
                bereaved families after a death on the roads.""",
                ["college_of_policing"],
                "2026-09-20",
            ),
            "College of Policing",
            "Within 18 months",
        ),
        (
            rec(
                "4",
                """Review whether the funding arrangements for collision
                investigation units are sufficient, taking account of the cost of
                forensic accreditation.""",
                ["home_office", "pcc"],
                "2026-03-31",
            ),
            "Home Office and police and crime commissioners",
            "By the end of the 2025/26 financial year",
        ),
        (
            rec(
                "5",
                """Publish national data on the number of fatal collisions in which
                the investigation was delayed by a shortage of accredited
                investigators.""",
                ["other"],
                None,
                other=["Department for Transport"],
            ),
            "Department for Transport",
            "By summer 2025",
        ),
        (
            rec(
                "6",
                """Chief constables and the Crown Prosecution Service should agree a
                joint protocol for charging decisions in cases of causing death by
                dangerous or careless driving.""",
                ["chief_constable", "other"],
                None,
                other=["Crown Prosecution Service"],
            ),
            "Chief constables",
            "–",
        ),
        (
            rec(
                "7",
                """Make sure that roads policing officers can use the national vehicle
                intelligence systems on their mobile devices.""",
                ["chief_constable"],
                published,
            ),
            "Chief constables",
            "Immediately",
        ),
        (
            rec(
                "8",
                """Local authorities should share their road safety data with police
                forces, so that forces can target enforcement at the most dangerous
                routes.""",
                ["other"],
                None,
                other=["local authorities"],
            ),
            "Local authorities",
            "Ongoing",
        ),
        (
            rec(
                "9",
                """HMICFRS will inspect a sample of forces to assess their progress
                against these recommendations.""",
                ["hmicfrs"],
                "2027-03-31",
            ),
            "HMICFRS",
            "By March 2027",
        ),
    ]
    a1 = afi(
        "AFI 1",
        """Forces should make sure that control room staff record the reason
        whenever the force decides not to attend a reported road traffic
        collision.""",
        ["chief_constable"],
    )

    def t(src: str) -> str:
        return inline_html(src)

    def para(src: str) -> str:
        return f"<p>{t(src)}</p>\n"

    table_rows = "".join(
        f'<tr class="govuk-table__row"><td class="govuk-table__cell">{item.reference}'
        f'</td>\n<td class="govuk-table__cell">{t(item.src)}</td>\n'
        f'<td class="govuk-table__cell">{html.escape(who)}</td>\n'
        f'<td class="govuk-table__cell">{html.escape(when)}</td></tr>\n'
        for item, who, when in rows
    )
    title = "An inspection of roads policing and the investigation of fatal collisions"
    article = (
        f'<h1 class="govuk-heading-xl">{t(title)}</h1>\n'
        '<p class="publication-date">Published on: 20 March 2025</p>\n'
        '<h2 id="foreword">Foreword</h2>\n'
        + para(
            """Every death on our roads is a tragedy for the family and friends left
            behind. They deserve a thorough and professional investigation, and to be
            kept informed as it progresses."""
        )
        + para(
            """Forces must give roads policing the priority it deserves. Too often,
            we found that it was the first area to lose officers when demand rose
            elsewhere."""
        )
        + '<h2 id="findings">What we found</h2>\n'
        + para(
            """We inspected roads policing in ten forces between May and November
            2024. We examined 150 collision investigation files and interviewed
            officers, staff and bereaved families."""
        )
        + '<table class="govuk-table"><caption class="govuk-table__caption">Table 1: '
        "Accredited roads death investigators in the forces we inspected</caption>\n"
        '<thead><tr><th scope="col">Year</th><th scope="col">Accredited '
        'investigators</th><th scope="col">Fatal collisions</th></tr></thead>\n'
        "<tbody><tr><td>2022</td><td>61</td><td>212</td></tr>\n"
        "<tr><td>2023</td><td>57</td><td>224</td></tr>\n"
        "<tr><td>2024</td><td>52</td><td>219</td></tr></tbody></table>\n"
        + para(
            """In 2023, 12 of the collision investigation units we examined had at
            least one vacancy for an accredited investigator^1. By the end of 2024,
            the number of accredited investigators in the forces we inspected had
            fallen for the third year running."""
        )
        + para(
            """Control rooms decide whether officers attend a reported collision.
            In a quarter of the incidents we reviewed where no officer attended,
            there was no record of why."""
        )
        + '<h3 id="afi">Area for improvement</h3>\n'
        + para(a1.src)
        + '<h2 id="recommendations">Recommendations</h2>\n'
        + para(
            """We make nine recommendations. The table below sets out what we
            recommend, who should act on each recommendation, and by when."""
        )
        + '<table class="govuk-table recommendations">\n'
        '<caption class="govuk-table__caption">Table 2: Our recommendations</caption>\n'
        '<thead class="govuk-table__head"><tr class="govuk-table__row">'
        '<th scope="col" class="govuk-table__header">Ref</th>'
        '<th scope="col" class="govuk-table__header">What we recommend</th>'
        '<th scope="col" class="govuk-table__header">Who</th>'
        '<th scope="col" class="govuk-table__header">When</th></tr></thead>\n'
        f'<tbody class="govuk-table__body">\n{table_rows}</tbody>\n</table>\n'
        + '<h2 id="conclusion">Conclusion</h2>\n'
        + para(
            """We will continue to monitor roads policing through our PEEL
            inspections. Forces should not wait for our next inspection before
            acting on what we have found."""
        )
    )
    notes = {
        "1": "Collision investigation units are also known as forensic collision "
        "investigation units or serious collision investigation units.",
    }
    text = page(
        url="https://hmicfrs.justiceinspectorates.gov.uk/publication-html/"
        "roads-policing-fatal-collisions/",
        title=title,
        site="HMICFRS",
        nav=HMICFRS_NAV,
        breadcrumbs=["Home", "Publications", title],
        contents=[
            ("foreword", "Foreword"),
            ("findings", "What we found"),
            ("afi", "Area for improvement"),
            ("recommendations", "Recommendations"),
            ("conclusion", "Conclusion"),
        ],
        article=article,
        footnotes=notes,
    )
    items = [a1] + [item for item, _, _ in rows]
    return Case(
        slug="roads-policing-thematic-2025-html",
        title=title,
        kind="national_thematic",
        published_on=published,
        input="source.html",
        source="constructed",
        provenance=(
            "Constructed: the report, its title, its figures and every item's "
            "wording; no real report of this name is claimed (HMICFRS's real roads "
            "policing report of 2020 is not reproduced). The recommendations are "
            "rows of an HTML table headed 'Ref', 'What we recommend', 'Who', "
            "'When'. Following the corpus convention for tables, the 'Who' and "
            "'When' cells act as the group heading and the lead-in: they give the "
            "owners and the date where the wording names none, and wording that "
            "names its addressee wins (ref 6: the Crown Prosecution Service is "
            "named in the wording though not in the 'Who' cell). 'By summer 2025' "
            "and 'Ongoing' → no date; the dash → no date; 'Immediately' → the "
            "publication date; 'Within 18 months' counts from 20 March 2025. The "
            "first table on the page (figures by year) and the foreword's 'Forces "
            "must' sentence are not items; the conclusion's 'Forces should not "
            "wait' sentence is not an item either."
        ),
        layouts=[
            "saved web page",
            "cookie banner, header navigation, breadcrumbs, contents list, footer, "
            "scripts",
            "recommendations in an HTML table with 'Ref', 'What we recommend', "
            "'Who', 'When' headers",
            "imperative wording with the owner in the 'Who' cell",
            "wording that names its addressee against the 'Who' cell",
            "deadline in the 'When' cell: end of year, month, 'Within 18 months', "
            "financial year, 'By summer 2025', dash, 'Immediately', 'Ongoing'",
            "a data table with years that is not a table of items",
            "single unnumbered 'Area for improvement' under a heading",
            "Department for Transport, Crown Prosecution Service and local "
            "authorities as other owners",
            "'HMICFRS will' recommendation",
            "foreword 'must' and conclusion 'should not' sentences that are not items",
            "past dates in findings",
        ],
        items=items,
        data=text.encode("utf-8"),
        body_text=html_body(text),
        full_text=text,
    )


# ---------------------------------------------------------------- youth diversion


def youth_diversion() -> Case:
    published = "2025-01-15"
    groups = [
        (
            "To the Home Office and the Ministry of Justice:",
            [
                rec(
                    "1",
                    """Publish, by the end of 2025, joint guidance on recording
                    diversionary outcomes for children, so that diversion is recorded
                    consistently across England and Wales.""",
                    ["home_office", "other"],
                    "2025-12-31",
                    other=["Ministry of Justice"],
                ),
                rec(
                    "2",
                    """Fund a national evaluation of diversion schemes for children,
                    and publish its findings by summer 2025.""",
                    ["home_office", "other"],
                    None,
                    other=["Ministry of Justice"],
                ),
            ],
        ),
        (
            "To police forces:",
            [
                rec(
                    "3",
                    """Police forces should make sure that every child who is
                    eligible for diversion is referred to the youth justice service
                    before a decision on the outcome is made.""",
                    ["chief_constable"],
                ),
                rec(
                    "4",
                    """Within 18 months of this report’s publication, record the
                    ethnicity of every child given an out-of-court resolution, and
                    analyse the data for disproportionality.""",
                    ["chief_constable"],
                    "2026-07-15",
                ),
            ],
        ),
        (
            "To chief constables and police and crime commissioners:",
            [
                rec(
                    "5",
                    """By the end of the 2025/26 financial year, agree with local
                    partners how diversion schemes for children will be funded after
                    the current grant period ends.""",
                    ["chief_constable", "pcc"],
                    "2026-03-31",
                ),
            ],
        ),
        (
            "To NHS England and local authorities:",
            [
                rec(
                    "6",
                    """Make sure that children referred for diversion are screened
                    for speech, language and communication needs by a qualified
                    practitioner.""",
                    ["other"],
                    None,
                    other=["NHS England", "local authorities"],
                ),
                rec(
                    "7",
                    """Local authorities, working with NHS England, should by April
                    2026 make sure that every youth justice service has access to a
                    clinical psychologist.""",
                    ["other"],
                    "2026-04-30",
                    other=["local authorities"],
                ),
            ],
        ),
        (
            "To the Department for Education:",
            [
                rec(
                    "8",
                    """Include information about diversion and out-of-court
                    resolutions for children in the statutory guidance for
                    schools on keeping children safe in education.""",
                    ["other"],
                    None,
                    other=["Department for Education"],
                ),
            ],
        ),
        (
            "To the National Police Chiefs’ Council and chief constables:",
            [
                rec(
                    "9",
                    """The National Police Chiefs’ Council should, by the end of
                    2025, update the Child Gravity Matrix to reflect the findings of
                    this inspection.""",
                    ["npcc"],
                    "2025-12-31",
                ),
                rec(
                    "10",
                    """The police service should make sure that officers explain the
                    consequences of an out-of-court resolution to every child and
                    their parent or carer, in language the child can
                    understand.""",
                    ["chief_constable"],
                ),
            ],
        ),
        (
            "To the Crown Prosecution Service:",
            [
                rec(
                    "11",
                    """Within six months, review the charging decisions in a sample
                    of cases involving children, to check that diversion was
                    considered.""",
                    ["other"],
                    "2025-07-15",
                    other=["Crown Prosecution Service"],
                ),
            ],
        ),
    ]

    def t(src: str) -> str:
        return inline_html(src)

    def para(src: str) -> str:
        return f"<p>{t(src)}</p>\n"

    rec_html = ""
    for lead, items in groups:
        start = int(items[0].reference)
        start_attr = f' start="{start}"' if start > 1 else ""
        rec_html += f"<p><strong>{t(lead)}</strong></p>\n<ol{start_attr}>\n"
        rec_html += "".join(f"<li>{t(i.src)}</li>\n" for i in items)
        rec_html += "</ol>\n"
    title = (
        "Every chance: A joint inspection of out-of-court resolutions and diversion "
        "for children"
    )
    article = (
        f"<h1>{t(title)}</h1>\n"
        '<p class="meta">A joint inspection by HM Inspectorate of Constabulary and '
        "Fire &amp; Rescue Services, HM Inspectorate of Probation and HM Crown "
        "Prosecution Service Inspectorate.</p>\n"
        '<p class="meta">Published: 15 January 2025</p>\n'
        '<h2 id="introduction">Introduction</h2>\n'
        + para(
            """Diverting children away from the criminal justice system, where it is
            safe to do so, can stop them from reoffending and protect their future.
            This inspection looked at how well the police, youth justice services
            and the Crown Prosecution Service decide when a child should be
            diverted, and what happens next."""
        )
        + para(
            """In 2023, 12 forces had no diversion scheme for children that covered
            their whole area. By the end of 2024, 31 forces were using the Child
            Gravity Matrix^1 to guide decisions."""
        )
        + '<h2 id="findings">Summary of findings</h2>\n'
        + para(
            """Most of the decisions we examined were reasonable. But in a fifth of
            cases, the child had not been referred to the youth justice service
            before the decision was made, and children and their parents often did
            not understand what an out-of-court resolution meant for them."""
        )
        + para(
            """Few forces record the ethnicity of children given out-of-court
            resolutions, so they can’t tell whether some groups of children are
            treated differently."""
        )
        + '<h2 id="recommendations">Recommendations</h2>\n'
        + para(
            """We make 11 recommendations. They are addressed to the bodies that can
            act on them."""
        )
        + rec_html
        + '<h2 id="next">Next steps</h2>\n'
        + para(
            """The inspectorates will follow up these recommendations in their
            future inspection programmes. HM Inspectorate of Probation will report
            on progress in its annual report."""
        )
    )
    text = page(
        url="https://www.justiceinspectorates.gov.uk/cjji/inspections/"
        "out-of-court-resolutions-children/",
        title=title,
        site="Criminal Justice Joint Inspection",
        nav=["Home", "Inspections", "Publications", "About CJJI", "Contact"],
        breadcrumbs=["Home", "Inspections", "Every chance"],
        contents=[
            ("introduction", "Introduction"),
            ("findings", "Summary of findings"),
            ("recommendations", "Recommendations"),
            ("next", "Next steps"),
        ],
        article=article,
        footnotes={
            "1": "The Child Gravity Matrix is published by the National Police "
            "Chiefs’ Council to help officers decide on outcomes for children.",
        },
    )
    items = [i for _, group in groups for i in group]
    return Case(
        slug="youth-diversion-joint-2025-html",
        title=title,
        kind="joint",
        published_on=published,
        input="source.html",
        source="constructed",
        provenance=(
            "Constructed: the joint inspection, its title and every item's wording; "
            "no real inspection of this name is claimed. Real background only: the "
            "NPCC's Child Gravity Matrix, outcome-based out-of-court resolutions, "
            "the statutory guidance 'Keeping children safe in education'. Bold "
            "addressee lead-ins ('To the Home Office and the Ministry of Justice:') "
            "each over an <ol> whose numbering runs on with start=; an imperative "
            "item takes its owners from the lead-in, an item that names its "
            "addressee keeps it (rec 7: 'Local authorities, working with NHS "
            "England, should' → local authorities only; rec 9 and 10 under a lead-in "
            "naming both the NPCC and chief constables each name one). 'The police "
            "service should' and 'Police forces should' are recorded as the chief "
            "constables. 'By summer 2025' → no date. 'Within 18 months of this "
            "report's publication' and 'within six months' count from 15 January "
            "2025. The 'Next steps' sentences ('The inspectorates will follow up', "
            "'HM Inspectorate of Probation will report') are not items."
        ),
        layouts=[
            "saved web page",
            "cookie banner, header navigation, breadcrumbs, contents list, footer, "
            "scripts",
            "bold 'To the Home Office and the Ministry of Justice:' lead-in over an "
            "<ol>",
            "numbering that runs on across addressee groups (<ol start>)",
            "imperative items owned by their lead-in",
            "items naming their own addressee under a lead-in naming several",
            "'Police forces should', 'The police service should'",
            "NHS England, local authorities, Department for Education, Crown "
            "Prosecution Service, Ministry of Justice as other owners",
            "'working with NHS England' clause before the verb",
            "deadline inside the wording after the verb ('Publish, by the end of "
            "2025,', 'should by April 2026')",
            "'by summer 2025' (no date), within 18 months of publication, within "
            "six months, end of the 2025/26 financial year",
            "'will follow up' and 'will report' sentences that are not items",
            "past dates in findings",
        ],
        items=items,
        data=text.encode("utf-8"),
        body_text=html_body(text),
        full_text=text,
    )


CASES = [wyvernshire, roads_policing, youth_diversion]
