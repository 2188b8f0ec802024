"""The templates' markup: what they show is escaped, GOV.UK's hidden text and
form-field attributes are present, labels follow the language, links keep the query,
and the item list's cached fragments follow every change. All of it is rendered by
templates and Django's own widgets (no HTML is built in Python)."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.template.loader import render_to_string
from django.test.html import parse_html
from django.urls import reverse
from django.utils import timezone, translation

from recommendations.history import save_with_history, unrecorded_writes
from recommendations.models import Item, Report
from recommendations.templatetags.tracker import clip

URL = reverse("recommendations:item_list")


def test_report_select_escapes_titles_and_marks_the_choice(
    client_for, panel, administrator, make_item
):
    report = Report(
        title="<b>Bold</b> & co", kind=Report.Kind.PEEL, published_on="2024-01-02"
    )
    save_with_history(report, actor=administrator, reason="Test set-up")
    html = client_for(panel).get(URL, {"report": report.pk}).content.decode()
    option = f'<option value="{report.pk}" selected>&lt;b&gt;Bold&lt;/b&gt; &amp; co'
    assert option in html
    assert '<option value="">All reports</option>' in html


def test_checkbox_inputs_carry_name_value_id_and_checked(client_for, panel, item):
    html = client_for(panel).get(URL, {"status": "closed"}).content.decode()
    page = parse_html(html)
    closed = parse_html(
        '<input type="checkbox" name="status" value="closed" id="id_status_3"'
        ' class="govuk-checkboxes__input" checked>'
    )
    assert closed in page
    in_progress = parse_html(
        '<input type="checkbox" name="status" value="in_progress" id="id_status_1"'
        ' class="govuk-checkboxes__input">'
    )
    assert in_progress in page
    assert (
        '<label class="govuk-label govuk-checkboxes__label" for="id_status_3">' in html
    )


def test_invalid_filter_shows_the_error_by_its_field(client_for, panel, item):
    html = client_for(panel).get(URL, {"target_from": "31/02/2026"}).content.decode()
    error = parse_html(
        '<p id="id_target_from_error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Error:</span> Enter a valid date.</p>'
    )
    assert error in parse_html(html)
    assert '<a href="#id_target_from">Enter a valid date.</a>' in html
    # The input names the message that describes it (Django's own id scheme).
    assert 'aria-describedby="id_target_from_error"' in html


def test_list_rows_escape_item_text(client_for, panel, make_item):
    item = make_item(text='<script>alert("x")</script>')
    html = client_for(panel).get(URL).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert f'href="/items/{item.pk}/"' in html


def test_clip_shortens_with_an_ellipsis_within_the_length():
    assert clip("abcdef", 4) == "abc…"
    assert clip("abc", 4) == "abc"


def test_closed_items_show_a_dash_with_a_text_alternative():
    html = render_to_string("includes/_tags.html#rag", {"rag": ""})
    assert html == (
        '<span class="govuk-visually-hidden">No RAG</span>'
        '<span aria-hidden="true">&ndash;</span>'
    )
    assert "govuk-tag--red" in render_to_string(
        "includes/_tags.html#rag", {"rag": "red"}
    )


@pytest.mark.parametrize(
    ("status", "colour"),
    [
        ("awaiting_allocation", "grey"),
        ("in_progress", "blue"),
        ("pending_sign_off", "purple"),
        ("closed", "green"),
        ("no_further_action", "grey"),
    ],
)
def test_status_tag_has_its_colour_and_shows_the_label_escaped(status, colour):
    html = render_to_string(
        "includes/_tags.html#status", {"status": status, "label": "<i>Label</i>"}
    )
    tag = f'<strong class="govuk-tag govuk-tag--{colour}">'
    assert html == f"{tag}&lt;i&gt;Label&lt;/i&gt;</strong>"


GERMAN = {
    # No catalogues ship (USE_I18N is off by default), so the test gives German
    # its own entries for three model labels; "Search" is translated by Django (admin).
    "Chief Constable": "Polizeichef",
    "Recommendation": "Empfehlung",
    "In progress": "In Bearbeitung",
}


@pytest.fixture
def german(settings):
    from django.utils.translation import trans_real

    settings.USE_I18N = True
    translation._trans.__dict__.clear()  # serve gettext from trans_real from now on
    catalogue = trans_real.translation("de")._catalog
    for english, german in GERMAN.items():
        catalogue[english] = german
    yield
    trans_real._translations = {}  # drop the catalogue with the test's entries
    translation._trans.__dict__.clear()  # trans_null again once settings restore


def test_labels_are_translated_when_shown_not_when_first_used(
    german, client_for, panel, make_item
):
    item = make_item(status="in_progress", owner_codes=["chief_constable"])
    # English first: a label cached here would go on showing in English.
    assert item.owner_labels == ["Chief Constable"]
    assert item.get_kind_display() == "Recommendation"
    client = client_for(panel)
    english = client.get(URL).content.decode()
    with translation.override("de"):
        assert item.owner_labels == ["Polizeichef"]
        assert item.get_kind_display() == "Empfehlung"
        assert item.get_status_display() == "In Bearbeitung"
        deutsch = client.get(URL).content.decode()
        detail = client.get(f"/items/{item.pk}/").content.decode()
    for label in ("Polizeichef", "Empfehlung", "In Bearbeitung", ">Suchen</label>"):
        assert label in deutsch
    assert "Polizeichef" in detail
    assert "In Bearbeitung" in detail
    for label in (
        "Chief Constable",
        "Recommendation",
        "In progress",
        ">Search</label>",
    ):
        assert label in english
    # The cached fragments are kept per language.
    assert ">Search</label>" in client.get(URL).content.decode()


FORM_PAGES = [
    "recommendations/item_edit.html",
    "recommendations/item_progress.html",
    "recommendations/loading/edit_row.html",
    "recommendations/loading/split_row.html",
    "recommendations/loading/merge_row.html",
    "recommendations/loading/delete_row.html",
    "oversight/closure_decide.html",
    "oversight/closure_reopen.html",
    "oversight/date_decide.html",
    "oversight/date_request.html",
    "oversight/hmicfrs_outcome.html",
    "oversight/s55_edit.html",
    "oversight/s55_response.html",
    "oversight/s55_letter.html",
    "oversight/s55_approve.html",
]


@pytest.mark.parametrize("name", FORM_PAGES)
def test_form_pages_share_one_skeleton(name):
    from django.template.loader import get_template
    from django.template.loader_tags import ExtendsNode

    [extends] = get_template(name).template.nodelist.get_nodes_by_type(ExtendsNode)
    assert extends.parent_name.var == "form_page.html"


def test_a_repeated_list_reuses_its_rendered_results(client_for, panel, make_item):
    item = make_item(text="Rendered once")
    client = client_for(panel)
    assert (
        "Rendered once"
        in client.get(URL, {"owner": "chief_constable"}).content.decode()
    )
    # Changed behind the application's back (no history, so the data marker stays):
    # only a reused fragment can still show the old text.
    with unrecorded_writes("Proving the page is served from its cached fragment"):
        Item.objects.filter(pk=item.pk).update(text="Changed unseen")
    again = client.get(URL, {"owner": "chief_constable"}).content.decode()
    assert "Rendered once" in again
    assert "Changed unseen" not in again
    # Another query is another fragment, rendered from the data.
    other = client.get(URL, {"owner": "chief_constable", "q": "Changed"})
    assert "Changed unseen" in other.content.decode()


def test_the_past_and_the_present_are_cached_apart(
    client_for, panel, make_item, administrator
):
    item = make_item(text="As loaded")
    item.text = "As edited"
    save_with_history(item, actor=administrator, reason="Edited")
    client = client_for(panel)
    assert "As edited" in client.get(URL).content.decode()
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    past = client.get(URL, {"as_at": f"{yesterday:%Y-%m-%d}"}).content.decode()
    assert "As edited" not in past


def test_cached_results_and_filters_follow_every_change(
    client_for, panel, make_item, administrator
):
    item = make_item(text="Before the change")
    client = client_for(panel)
    assert "Before the change" in client.get(URL).content.decode()
    item.text = "After the change"
    save_with_history(item, actor=administrator, reason="Reworded")
    report = Report(title="A new report", kind="peel", published_on="2025-01-01")
    save_with_history(report, actor=administrator, reason="Loaded")
    html = client.get(URL).content.decode()
    assert "After the change" in html
    assert "Before the change" not in html
    assert f'<option value="{report.pk}">A new report</option>' in html


def test_a_write_today_leaves_a_past_days_page_rendered(
    client_for, panel, make_item, administrator, staff
):
    """A past day's rows are history rows, which never change: its results fragment
    is not re-rendered by today's writes, only by a change to a report's title."""
    item = Item(
        report=make_item().report,
        reference="Past",
        kind=Item.Kind.RECOMMENDATION,
        text="Loaded three days ago",
        owners=",chief_constable,",
        lead=staff,
        status=Item.Status.IN_PROGRESS,
    )
    item._history_date = timezone.now() - dt.timedelta(days=3)
    save_with_history(item, actor=administrator, reason="Loaded")
    del item._history_date
    day = f"{timezone.localdate() - dt.timedelta(days=1):%Y-%m-%d}"
    client = client_for(panel)
    assert "Priya Shah" in client.get(URL, {"as_at": day}).content.decode()
    # A renamed lead moves no marker (names are in no key): only a page rendered
    # before the rename can still show the old name.
    staff.first_name = "Renamed"
    staff.save()
    item.lead_team = "Another team"
    save_with_history(item, actor=administrator, reason="Today's write")
    past = client.get(URL, {"as_at": day}).content.decode()
    assert "Priya Shah" in past
    today_page = client.get(URL).content.decode()
    assert "Renamed Shah" in today_page  # today's page is rendered afresh
    report = item.report
    report.title = "A retitled report"
    save_with_history(report, actor=administrator, reason="Retitled")
    past = client.get(URL, {"as_at": day}).content.decode()
    assert "A retitled report" in past and "Renamed Shah" in past


def test_sort_links_keep_the_filters_and_start_again_at_page_one(
    client_for, panel, make_item, settings
):
    settings.ITEMS_PER_PAGE = 1
    make_item(owner_codes=["pcc"])
    make_item(owner_codes=["pcc"])
    query = {"owner": "pcc", "sort": "target", "page": 2}
    html = client_for(panel).get(URL, query).content.decode()
    link = '<a class="app-sort-link" href="?owner=pcc&amp;sort={}">'
    assert 'aria-sort="ascending">' + link.format("-target") in html
    assert 'aria-sort="none">' + link.format("lead") in html
    assert 'href="?owner=pcc&amp;sort=target&amp;page=1"' in html
    assert 'export.csv?owner=pcc&amp;sort=target" download>' in html


def test_a_new_lead_is_offered_as_soon_as_the_lead_options_are_refreshed(
    client_for, panel, item, other_staff
):
    # other_staff exists; a later lead joins without any item changing (the data
    # marker stays put). The cached select is keyed on the lead options themselves.
    from django.contrib.auth.models import Group, User

    from recommendations import roles

    client = client_for(panel)
    client.get(URL)
    newcomer = User.objects.create(username="nia", first_name="Nia", last_name="Cole")
    newcomer.groups.add(Group.objects.get(name=roles.OFFICE_STAFF))
    assert "Nia Cole" not in client.get(URL).content.decode()  # options still cached
    cache.delete("lead-options")  # as happens after filters.LEAD_OPTIONS_SECONDS
    html = client.get(URL).content.decode()
    assert f'<option value="{newcomer.pk}">Nia Cole</option>' in html
