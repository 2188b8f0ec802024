# ruff: noqa: E501, RUF001
"""A report page as a browser saves it from the inspectorate's site: the whole page,
with head, cookie banner, navigation, breadcrumbs, footer and scripts around the
report's own content."""

import html
import json
import re

from .model import FOOTNOTE_REF, Box, Case, Heading, ListBlock, Para, Table

SITE = "https://www.justiceinspectorates.gov.uk/hmicfrs"
ENTITIES = {"\u2019": "&rsquo;", "\u2018": "&lsquo;", "\u201c": "&ldquo;",
            "\u201d": "&rdquo;", "\u2013": "&ndash;", "\u2014": "&mdash;"}  # fmt: skip


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _inline(case: Case, text: str) -> str:
    text = html.escape(text.replace("~", ""), quote=False)
    if case.options.get("entities"):
        for char, entity in ENTITIES.items():
            text = text.replace(char, entity)

    def ref(match: re.Match) -> str:
        n = match.group(1)
        return (
            f'<sup><a href="#footnote-{n}" id="footnote-ref-{n}" '
            f'class="footnote-link" aria-describedby="footnote-label">{n}</a></sup>'
        )

    return FOOTNOTE_REF.sub(ref, text)


def _article(case: Case) -> tuple[str, list[tuple[int, str, str]]]:
    out: list[str] = []
    contents: list[tuple[int, str, str]] = []
    box_tag = case.options.get("box_tag", "div")
    ids: dict[str, int] = {}

    def anchor(text: str) -> str:
        slug = _slug(text)
        ids[slug] = ids.get(slug, 0) + 1
        return slug if ids[slug] == 1 else f"{slug}-{ids[slug]}"

    li_p = case.options.get("li_paragraphs", False)
    for block in case.blocks:
        if isinstance(block, Heading):
            tag = f"h{block.level + 1}"
            ident = anchor(block.text)
            if block.level <= 2 and block.in_contents:
                contents.append((block.level, block.text, ident))
            out.append(f'<{tag} id="{ident}">{_inline(case, block.text)}</{tag}>')
        elif isinstance(block, Para):
            body = _inline(case, block.text)
            if block.wrap:
                out.append(f'<div class="{block.wrap}">')
            if block.style == "grade":
                out.append(f'<p class="graded-judgment"><strong>{body}</strong></p>')
            else:
                out.append(f"<p>{body}</p>")
            if block.wrap:
                out.append("</div>")
        elif isinstance(block, ListBlock):
            tag = "ol" if block.ordered else "ul"
            start = (
                f' start="{block.start}"' if block.ordered and block.start != 1 else ""
            )
            if block.wrap:
                out.append(f'<div class="{block.wrap}">')
            out.append(f"<{tag}{start}>")
            for text, _item in block.entries:
                body = _inline(case, text)
                out.append(f"<li><p>{body}</p></li>" if li_p else f"<li>{body}</li>")
            out.append(f"</{tag}>")
            if block.wrap:
                out.append("</div>")
        elif isinstance(block, Table):
            out.append(table_html(case, block))
        elif isinstance(block, Box):
            tag = block.tag or box_tag
            out.append(f'<{tag} class="box box--{block.css}">')
            out.append(f'<h4 class="box__label">{_inline(case, block.label)}</h4>')
            out.append(f'<h5 class="box__title">{_inline(case, block.title)}</h5>')
            out.extend(f"<p>{_inline(case, p)}</p>" for p in block.paras)
            out.append(f"</{tag}>")
    if case.footnotes:
        out.append('<section class="footnotes" aria-labelledby="footnote-label">')
        out.append('<h2 id="footnote-label">Footnotes</h2>\n<ol>')
        for n, text in sorted(case.footnotes.items()):
            out.append(
                f'<li id="footnote-{n}">{_inline(case, text)} '
                f'<a href="#footnote-ref-{n}" aria-label="Back to content">↩</a></li>'
            )
        out.append("</ol>\n</section>")
    return "\n".join(out), contents


def table_html(case: Case, block: Table) -> str:
    """A report table as the site's editor writes it: a caption, a header row, and
    cells whose longer text sits in paragraphs."""
    out = ['<div class="table-wrapper">', '<table class="wp-block-table">']
    if block.caption:
        out.append(f"<caption>{_inline(case, block.caption)}</caption>")
    heads = "".join(f'<th scope="col">{_inline(case, c)}</th>' for c in block.columns)
    out.append(f"<thead><tr>{heads}</tr></thead>")
    out.append("<tbody>")
    has_items = any(item for _, item in block.rows)
    for cells, _item in block.rows:
        row = []
        for n, cell in enumerate(cells):
            body = _inline(case, cell)
            row.append(
                f"<td><p>{body}</p></td>"
                if has_items and n == block.item_column
                else f"<td>{body}</td>"
            )
        out.append("<tr>" + "".join(row) + "</tr>")
    out.append("</tbody>\n</table>\n</div>")
    return "\n".join(out)


def saved_page(case: Case) -> str:
    if case.options.get("template") == "govuk":
        from .govuk import govuk_page

        return govuk_page(case)
    path = case.options.get("path", f"publication-html/{_slug(case.title)}/")
    url = f"{SITE}/{path}"
    files = f"./{_slug(case.title)[:40]}_files"
    article, contents = _article(case)
    published = case.published_on.strftime("%-d %B %Y")
    title = _inline(case, case.title)
    toc = "\n".join(
        f'<li class="level-{level}"><a href="#{ident}">{_inline(case, text)}</a></li>'
        for level, text, ident in contents
    )
    return f"""<!DOCTYPE html>
<!-- saved from url=({len(url):04d}){url} -->
<html lang="en-GB" class="no-js"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - His Majesty’s Inspectorate of Constabulary and Fire &amp; Rescue Services</title>
<meta name="description" content="{html.escape(case.title)}">
<link rel="canonical" href="{url}">
<meta property="og:title" content="{html.escape(case.title)}">
<meta property="og:type" content="article">
<link rel="stylesheet" id="hmicfrs-style-css" href="{files}/style.min.css" media="all">
<link rel="stylesheet" href="{files}/print.css" media="print">
<script src="{files}/jquery.min.js" id="jquery-core-js"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){{dataLayer.push(arguments);}}
  gtag('consent', 'default', {{'analytics_storage': 'denied'}});
  gtag('js', new Date());
  gtag('config', 'G-XXXXXXXXXX');
</script>
<style>.js-enabled .cookie-banner{{display:block}} .box{{background:#eef2f8;padding:1em}}</style>
</head>
<body class="publication-html-template-default single single-publication-html">
<a class="skip-link" href="#main-content">Skip to main content</a>
<div id="cookie-banner" class="cookie-banner" role="region" aria-label="Cookies on HMICFRS">
  <div class="cookie-banner__inner">
    <h2 class="cookie-banner__heading">Cookies on HMICFRS</h2>
    <p>We use some essential cookies to make this website work.</p>
    <p>We’d like to set additional cookies to understand how you use the website, remember your settings and improve our services. We should also like to use cookies set by other sites to help us deliver content from their services.</p>
    <button type="button" class="button" data-accept-cookies="true">Accept additional cookies</button>
    <button type="button" class="button" data-reject-cookies="true">Reject additional cookies</button>
    <a class="link" href="{SITE}/cookies/">View cookies</a>
  </div>
</div>
<header class="site-header" role="banner">
  <div class="site-header__logo"><a href="{SITE}/"><img src="{files}/hmicfrs-logo.svg" alt="His Majesty’s Inspectorate of Constabulary and Fire &amp; Rescue Services"></a></div>
  <form class="site-search" role="search" action="{SITE}/"><label for="s">Search</label><input type="search" id="s" name="s"><button type="submit">Search</button></form>
  <nav class="site-nav" aria-label="Main">
    <ul>
      <li><a href="{SITE}/about-us/">About us</a></li>
      <li><a href="{SITE}/our-work/">Our work</a></li>
      <li><a href="{SITE}/publications/">Publications</a></li>
      <li><a href="{SITE}/peel-assessments/">PEEL assessments</a></li>
      <li><a href="{SITE}/police-forces/">Police forces</a></li>
      <li><a href="{SITE}/fire-and-rescue-services/">Fire &amp; rescue services</a></li>
      <li><a href="{SITE}/news/">News</a></li>
      <li><a href="{SITE}/contact-us/">Contact us</a></li>
    </ul>
  </nav>
</header>
<nav class="breadcrumbs" aria-label="Breadcrumb">
  <ol>
    <li><a href="{SITE}/">Home</a></li>
    <li><a href="{SITE}/publications/">Publications</a></li>
    <li aria-current="page">{title}</li>
  </ol>
</nav>
<main id="main-content" class="site-main">
<article class="publication-html">
<header class="publication-html__header">
<h1>{title}</h1>
<p class="publication-html__date">Published on: {published}</p>
</header>
<nav class="publication-html__contents" aria-label="Contents">
<h2 class="contents__title">Contents</h2>
<ol class="contents__list">
{toc}
</ol>
<p><a class="print-link" href="javascript:window.print()">Print this document</a></p>
</nav>
<div class="publication-html__content entry-content">
{article}
</div>
<p class="back-to-publication"><a href="{SITE}/publications/{_slug(case.title)}/">Back to publication</a></p>
</article>
<aside class="related-content" aria-label="Related content">
  <h2>Related publications</h2>
  <ul><li><a href="{SITE}/publications/">Our inspection programme and framework</a></li></ul>
</aside>
</main>
<footer class="site-footer" role="contentinfo">
  <ul class="site-footer__links">
    <li><a href="{SITE}/accessibility/">Accessibility</a></li>
    <li><a href="{SITE}/cookies/">Cookies</a></li>
    <li><a href="{SITE}/privacy-notice/">Privacy notice</a></li>
    <li><a href="{SITE}/foi/">Freedom of information</a></li>
  </ul>
  <p>All content is available under the Open Government Licence v3.0, except where otherwise stated.</p>
  <p>© Crown copyright</p>
</footer>
<script id="cookie-consent-js">
  (function () {{
    document.documentElement.className = document.documentElement.className.replace('no-js', 'js-enabled');
    var banner = document.getElementById('cookie-banner');
    document.querySelectorAll('[data-accept-cookies],[data-reject-cookies]').forEach(function (b) {{
      b.addEventListener('click', function () {{ banner.hidden = true; }});
    }});
  }})();
</script>
<script>
  // Added by the site's "related reading" widget; never part of the report.
  document.addEventListener('DOMContentLoaded', function () {{
    var note = document.createElement('p');
    note.textContent = 'Recommendation 99: Chief constables should read this text, which a script adds to the page.';
    document.querySelector('.publication-html__content').appendChild(note);
  }});
</script>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"Report","name":{json.dumps(case.title)},"datePublished":"{case.published_on.isoformat()}"}}</script>
<script src="{files}/main.min.js" id="hmicfrs-main-js"></script>
</body></html>
"""
