# ruff: noqa: E501, RUF001
"""A report published as a GOV.UK HTML publication, as a browser saves it: the GOV.UK
cookie banner, header and search, the publication header, a contents list, the report
in a "govspeak" block with "[footnote N]" links, the "Is this page useful?" survey,
the footer and the page's scripts."""

import html
import json
import re

from .model import FOOTNOTE_REF, Box, Case, Heading, ListBlock, Para, Table

GOVUK = "https://www.gov.uk"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _inline(text: str) -> str:
    text = html.escape(text.replace("~", ""), quote=False)

    def ref(match: re.Match) -> str:
        n = match.group(1)
        return (
            f'<sup id="fnref:{n}" role="doc-noteref"><a href="#fn:{n}" '
            f'class="govuk-link" rel="footnote">[footnote {n}]</a></sup>'
        )

    return FOOTNOTE_REF.sub(ref, text)


def _govspeak(case: Case) -> tuple[str, list[tuple[str, str]]]:
    out: list[str] = []
    contents: list[tuple[str, str]] = []
    for block in case.blocks:
        if isinstance(block, Heading):
            tag = f"h{block.level + 1}"
            ident = _slug(block.text)
            if block.level == 1 and block.in_contents:
                contents.append((block.text, ident))
            out.append(f'<{tag} id="{ident}">{_inline(block.text)}</{tag}>')
        elif isinstance(block, Para):
            body = _inline(block.text)
            if block.wrap:
                out.append(f'<div class="{block.wrap}">')
            if block.style in ("grade", "lead"):
                out.append(f"<p><strong>{body}</strong></p>")
            else:
                out.append(f"<p>{body}</p>")
            if block.wrap:
                out.append("</div>")
        elif isinstance(block, ListBlock):
            tag = "ol" if block.ordered else "ul"
            start = (
                f' start="{block.start}"' if block.ordered and block.start != 1 else ""
            )
            out.append(f"<{tag}{start}>")
            out.extend(f"<li>{_inline(text)}</li>" for text, _ in block.entries)
            out.append(f"</{tag}>")
        elif isinstance(block, Box):
            out.append('<div class="call-to-action">')
            out.append(f"<h4>{_inline(block.label)}: {_inline(block.title)}</h4>")
            out.extend(f"<p>{_inline(p)}</p>" for p in block.paras)
            out.append("</div>")
        elif isinstance(block, Table):
            out.append('<table class="js-barchart-table mc-auto-outdent">')
            heads = "".join(f'<th scope="col">{_inline(c)}</th>' for c in block.columns)
            out.append(f"<thead><tr>{heads}</tr></thead><tbody>")
            for cells, _ in block.rows:
                out.append(
                    "<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in cells) + "</tr>"
                )
            out.append("</tbody></table>")
    if case.footnotes:
        out.append('<div class="footnotes" role="doc-endnotes">\n<ol>')
        for n, text in sorted(case.footnotes.items()):
            out.append(
                f'<li id="fn:{n}" role="doc-endnote"><p>{_inline(text)} '
                f'<a href="#fnref:{n}" class="govuk-link" role="doc-backlink" '
                f'aria-label="go to where this is referenced">↩</a></p></li>'
            )
        out.append("</ol>\n</div>")
    return "\n".join(out), contents


def govuk_page(case: Case) -> str:
    path = case.options.get("path", f"government/publications/{_slug(case.title)}")
    url = f"{GOVUK}/{path}"
    files = f"./{_slug(case.title)[:40]}_files"
    body, contents = _govspeak(case)
    published = case.published_on.strftime("%-d %B %Y")
    title = _inline(case.title)
    toc = "\n".join(
        f'<li class="gem-c-contents-list__list-item gem-c-contents-list__list-item--numbered">'
        f'<a class="gem-c-contents-list__link govuk-link" href="#{ident}">{_inline(text)}</a></li>'
        for text, ident in contents
    )
    organisations = case.options.get(
        "organisations",
        ["His Majesty’s Inspectorate of Constabulary and Fire &amp; Rescue Services"],
    )
    orgs = " and ".join(organisations)
    return f"""<!DOCTYPE html>
<!-- saved from url=({len(url):04d}){url} -->
<html lang="en" class="govuk-template"><head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title lang="en">{title} - GOV.UK</title>
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#0b0c0c">
<link rel="icon" sizes="48x48" href="{files}/favicon.ico">
<link rel="stylesheet" href="{files}/application-0f1c.css">
<link rel="stylesheet" href="{files}/html-publication-2b9e.css">
<link rel="canonical" href="{url}">
<meta name="govuk:format" content="html_publication">
<meta name="govuk:schema-name" content="html_publication">
<meta name="govuk:first-published-at" content="{case.published_on.isoformat()}T00:01:00+01:00">
<meta property="og:title" content="{html.escape(case.title)}">
<script type="application/ld+json">{{"@context":"http://schema.org","@type":"Article","headline":{json.dumps(case.title)},"datePublished":"{case.published_on.isoformat()}T00:01:00+01:00","publisher":{{"@type":"Organization","name":"GOV.UK"}}}}</script>
<script src="{files}/load-analytics-2a1c.js" type="module"></script>
</head>
<body class="govuk-template__body gem-print-force-link-styles">
<script>document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');</script>
<div id="global-cookie-message" class="gem-c-cookie-banner govuk-clearfix" data-module="cookie-banner" role="region" aria-label="Cookies on GOV.UK">
  <div class="govuk-cookie-banner js-banner-wrapper" role="region" aria-label="Cookies on GOV.UK">
    <div class="gem-c-cookie-banner__message govuk-cookie-banner__message govuk-width-container">
      <h2 class="govuk-cookie-banner__heading govuk-heading-m">Cookies on GOV.UK</h2>
      <div class="govuk-cookie-banner__content">
        <p class="govuk-body">We use some essential cookies to make this website work.</p>
        <p class="govuk-body">We’d like to set additional cookies to understand how you use GOV.UK, remember your settings and improve government services.</p>
        <p class="govuk-body">We also use cookies set by other sites to help us deliver content from their services.</p>
      </div>
      <div class="govuk-button-group">
        <button class="gem-c-button govuk-button" type="submit" data-accept-cookies="true">Accept additional cookies</button>
        <button class="gem-c-button govuk-button" type="submit" data-reject-cookies="true">Reject additional cookies</button>
        <a class="govuk-link" href="{GOVUK}/help/cookies">View cookies</a>
      </div>
    </div>
  </div>
</div>
<a href="#content" class="gem-c-skip-link govuk-skip-link">Skip to main content</a>
<header role="banner" class="gem-c-layout-super-navigation-header">
  <div class="gem-c-layout-super-navigation-header__container govuk-width-container">
    <a href="{GOVUK}/" class="gem-c-layout-super-navigation-header__header-logo-link" aria-label="Go to the GOV.UK homepage">GOV.UK</a>
    <nav aria-labelledby="super-navigation-menu-heading" class="gem-c-layout-super-navigation-header__content">
      <h2 id="super-navigation-menu-heading" class="govuk-visually-hidden">Navigation menu</h2>
      <button aria-controls="super-navigation-menu" aria-expanded="false" class="gem-c-layout-super-navigation-header__navigation-top-toggle-button" type="button">Menu</button>
      <div id="super-navigation-menu" hidden>
        <ul class="govuk-list">
          <li><a class="govuk-link" href="{GOVUK}/browse/benefits">Benefits</a></li>
          <li><a class="govuk-link" href="{GOVUK}/browse/births-deaths-marriages">Births, death, marriages and care</a></li>
          <li><a class="govuk-link" href="{GOVUK}/browse/justice">Crime, justice and the law</a></li>
          <li><a class="govuk-link" href="{GOVUK}/search/news-and-communications">News and communications</a></li>
          <li><a class="govuk-link" href="{GOVUK}/search/research-and-statistics">Research and statistics</a></li>
          <li><a class="govuk-link" href="{GOVUK}/search/policy-papers-and-consultations">Policy papers and consultations</a></li>
          <li><a class="govuk-link" href="{GOVUK}/search/transparency-and-freedom-of-information-releases">Transparency</a></li>
          <li><a class="govuk-link" href="{GOVUK}/government/how-government-works">How government works</a></li>
        </ul>
      </div>
      <form class="gem-c-search" action="{GOVUK}/search/all" method="get" role="search">
        <label for="search-main" class="govuk-label">Search GOV.UK</label>
        <input type="search" id="search-main" name="keywords" class="gem-c-search__input">
        <button class="gem-c-search__submit" type="submit">Search</button>
      </form>
    </nav>
  </div>
</header>
<div class="govuk-width-container">
<main role="main" id="content" class="html-publication" lang="en">
<div class="publication-external">
  <ul class="organisation-logos">
    <li class="organisation-logos__logo"><span class="gem-c-organisation-logo__name">{orgs}</span></li>
  </ul>
</div>
<div class="gem-c-inverse-header">
  <div class="gem-c-heading govuk-!-margin-bottom-0">
    <span class="govuk-caption-xl gem-c-heading__context">{html.escape(case.options.get("format_name", "Independent report"))}</span>
    <h1 class="gem-c-heading__text govuk-heading-xl">{title}</h1>
  </div>
  <p class="publication-header__last-changed">Published {published}</p>
</div>
<div class="govuk-grid-row">
<div class="html-publication__sidebar govuk-grid-column-one-quarter-from-desktop">
<nav class="gem-c-contents-list" aria-label="Contents" role="navigation" data-module="gem-track-click">
  <h2 class="gem-c-contents-list__title">Contents</h2>
  <ol class="gem-c-contents-list__list">
{toc}
  </ol>
</nav>
<div class="gem-c-print-link govuk-!-display-none-print"><button class="govuk-link govuk-body-s gem-c-print-link__button" data-module="print-link">Print this page</button></div>
</div>
<div class="main-content-container govuk-grid-column-three-quarters-from-desktop">
<div class="gem-c-govspeak-html-publication">
<div class="gem-c-govspeak govuk-govspeak" data-module="govspeak">
<div class="govspeak">
{body}
</div>
</div>
</div>
<div class="gem-c-print-link govuk-!-display-none-print"><button class="govuk-link govuk-body-s gem-c-print-link__button" data-module="print-link">Print this page</button></div>
</div>
</div>
<a class="govuk-link app-c-back-to-top dont-print" href="#contents">Back to top</a>
</main>
</div>
<div class="gem-c-feedback govuk-!-display-none-print" data-module="feedback">
  <div class="gem-c-feedback__prompt gem-c-feedback__js-show js-prompt" tabindex="-1">
    <h2 class="gem-c-feedback__prompt-question">Is this page useful?</h2>
    <ul class="gem-c-feedback__option-list">
      <li><button class="govuk-button gem-c-feedback__prompt-link" data-track-category="yesNoFeedbackForm">Yes <span class="govuk-visually-hidden">this page is useful</span></button></li>
      <li><button class="govuk-button gem-c-feedback__prompt-link" data-track-category="yesNoFeedbackForm">No <span class="govuk-visually-hidden">this page is not useful</span></button></li>
    </ul>
    <button class="govuk-button govuk-button--secondary gem-c-feedback__prompt-link">Report a problem with this page</button>
  </div>
  <form action="/contact/govuk/problem_reports" id="something-is-wrong" class="gem-c-feedback__form js-feedback-form" hidden>
    <h3 class="gem-c-feedback__form-heading">Help us improve GOV.UK</h3>
    <p class="gem-c-feedback__form-paragraph">Don’t include personal or financial information like your National Insurance number or credit card details.</p>
    <label class="govuk-label" for="what-doing">What were you doing?</label><input class="govuk-input" id="what-doing" name="what_doing" type="text">
    <label class="govuk-label" for="what-wrong">What went wrong?</label><input class="govuk-input" id="what-wrong" name="what_wrong" type="text">
    <button class="gem-c-button govuk-button" type="submit">Send</button>
  </form>
</div>
<footer class="gem-c-layout-footer govuk-footer" role="contentinfo">
  <div class="govuk-width-container">
    <div class="govuk-footer__navigation">
      <div class="govuk-grid-column-two-thirds">
        <h2 class="govuk-footer__heading govuk-heading-m">Services and information</h2>
        <ul class="govuk-footer__list govuk-footer__list--columns-2">
          <li class="govuk-footer__list-item"><a class="govuk-footer__link" href="{GOVUK}/browse/justice">Crime, justice and the law</a></li>
          <li class="govuk-footer__list-item"><a class="govuk-footer__link" href="{GOVUK}/browse/citizenship">Citizenship and living in the UK</a></li>
        </ul>
      </div>
      <div class="govuk-grid-column-one-third">
        <h2 class="govuk-footer__heading govuk-heading-m">Government activity</h2>
        <ul class="govuk-footer__list">
          <li class="govuk-footer__list-item"><a class="govuk-footer__link" href="{GOVUK}/government/organisations">Departments</a></li>
          <li class="govuk-footer__list-item"><a class="govuk-footer__link" href="{GOVUK}/government/policies">Policy papers and consultations</a></li>
          <li class="govuk-footer__list-item"><a class="govuk-footer__link" href="{GOVUK}/government/how-government-works">How government works</a></li>
        </ul>
      </div>
    </div>
    <hr class="govuk-footer__section-break">
    <div class="govuk-footer__meta">
      <ul class="govuk-footer__inline-list">
        <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="{GOVUK}/help">Help</a></li>
        <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="{GOVUK}/help/privacy-notice">Privacy</a></li>
        <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="{GOVUK}/help/cookies">Cookies</a></li>
        <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="{GOVUK}/help/accessibility-statement">Accessibility statement</a></li>
        <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="{GOVUK}/contact">Contact</a></li>
      </ul>
      <span class="govuk-footer__licence-description">All content is available under the <a class="govuk-footer__link" href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" rel="license">Open Government Licence v3.0</a>, except where otherwise stated</span>
      <a class="govuk-footer__link govuk-footer__copyright-logo" href="https://www.nationalarchives.gov.uk/information-management/re-using-public-sector-information/uk-government-licensing-framework/crown-copyright/">© Crown copyright</a>
    </div>
  </div>
</footer>
<script src="{files}/govuk_publishing_components/dependencies-4b1f.js" type="module"></script>
<script src="{files}/application-8c7e.js" type="module"></script>
<script>
  // Survey banner injected by the site after 10 seconds; never part of the publication.
  window.setTimeout(function () {{
    var survey = document.createElement('div');
    survey.innerHTML = '<p>Recommendation: The Home Office should take part in our short survey about GOV.UK.</p>';
    document.body.insertBefore(survey, document.body.firstChild);
  }}, 10000);
</script>
</body></html>
"""
