import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from recommendations.filters import DEFAULT_SORT
from recommendations.history import save_with_history
from recommendations.models import Item, Report
from tests.htmx_requests import find_form

URL = reverse("recommendations:item_list")


def _refs(response) -> set[str]:
    return {item.text for item in response.context["page"].object_list}


def test_anonymous_visitor_is_sent_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_signed_in_user_without_a_role_is_refused(client_for, outsider):
    assert client_for(outsider).get(URL).status_code == 403


@pytest.mark.parametrize("role", ["staff", "reviewer", "administrator", "panel"])
def test_every_role_can_read_the_list(request, client_for, item, role):
    user = request.getfixturevalue(role)
    response = client_for(user).get(URL)
    assert response.status_code == 200
    assert item.text in _refs(response)


def test_filter_by_owner_finds_items_owned_by_any_chosen_body(
    client_for, panel, make_item
):
    cc = make_item(text="cc only", owner_codes=["chief_constable"])
    joint = make_item(text="home office and npcc", owner_codes=["home_office", "npcc"])
    make_item(text="pcc only", owner_codes=["pcc"])
    response = client_for(panel).get(URL, {"owner": ["npcc", "chief_constable"]})
    assert _refs(response) == {cc.text, joint.text}


def test_filter_by_owner_does_not_confuse_similar_codes(client_for, panel, make_item):
    # "pcc" must not match items owned only by the "apcc".
    make_item(text="apcc", owner_codes=["apcc"])
    pcc = make_item(text="pcc", owner_codes=["pcc"])
    assert _refs(client_for(panel).get(URL, {"owner": "pcc"})) == {pcc.text}


def test_filter_by_status_and_rag(client_for, panel, make_item, today):
    late = make_item(
        text="late", status=Item.Status.IN_PROGRESS, target_date=today - dt.timedelta(1)
    )
    make_item(
        text="fine",
        status=Item.Status.IN_PROGRESS,
        target_date=today + dt.timedelta(days=90),
        original_target_date=today + dt.timedelta(days=90),
    )
    make_item(text="closed", status=Item.Status.CLOSED, target_date=today)
    response = client_for(panel).get(URL, {"status": "in_progress", "rag": "red"})
    assert _refs(response) == {late.text}


def test_overdue_only_shows_open_items_past_their_target(
    client_for, panel, make_item, today
):
    late = make_item(text="late", target_date=today - dt.timedelta(days=3))
    make_item(
        text="late but closed",
        status=Item.Status.CLOSED,
        target_date=today - dt.timedelta(days=3),
    )
    make_item(text="due today", target_date=today)
    assert _refs(client_for(panel).get(URL, {"overdue": "true"})) == {late.text}


def test_filter_items_with_no_lead(client_for, panel, make_item, staff):
    unallocated = make_item(text="nobody")
    make_item(text="led", lead=staff, status=Item.Status.IN_PROGRESS)
    response = client_for(panel).get(URL, {"lead": "none"})
    assert _refs(response) == {unallocated.text}
    response = client_for(panel).get(URL, {"lead": staff.pk})
    assert _refs(response) == {"led"}


def test_text_search_and_target_date_range(client_for, panel, make_item, today):
    make_item(text="Safe reporting pathways", target_date=dt.date(2026, 3, 1))
    make_item(text="Call handlers criteria", target_date=dt.date(2026, 6, 1))
    response = client_for(panel).get(URL, {"q": "pathways"})
    assert _refs(response) == {"Safe reporting pathways"}
    response = client_for(panel).get(
        URL, {"target_from": "2026-05-01", "target_to": "2026-06-30"}
    )
    assert _refs(response) == {"Call handlers criteria"}


def test_filter_by_report_and_kind(client_for, panel, make_item):
    make_item(text="afi", kind=Item.Kind.AREA_FOR_IMPROVEMENT)
    make_item(text="rec")
    response = client_for(panel).get(URL, {"kind": "area_for_improvement"})
    assert _refs(response) == {"afi"}


def test_invalid_filter_values_are_reported_not_crashed(client_for, panel, item):
    response = client_for(panel).get(
        URL, {"status": "nonsense", "target_from": "31/02/2026"}
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


def test_sort_by_target_date_both_ways(client_for, panel, make_item):
    make_item(text="b", target_date=dt.date(2026, 6, 1))
    make_item(text="a", target_date=dt.date(2026, 1, 1))
    make_item(text="c", target_date=dt.date(2027, 1, 1))
    client = client_for(panel)
    ascending = client.get(URL, {"sort": "target"}).context["page"].object_list
    assert [i.text for i in ascending] == ["a", "b", "c"]
    descending = client.get(URL, {"sort": "-target"}).context["page"].object_list
    assert [i.text for i in descending] == ["c", "b", "a"]


def test_unknown_sort_falls_back_to_the_default(
    client_for, panel, make_item, administrator
):
    # Newest report first, then the order items were made: unlike any other sort.
    newer = Report(
        title="Zulu: a newer report",
        kind=Report.Kind.PEEL,
        published_on=dt.date(2024, 5, 1),
        scope=Report.Scope.THIS_FORCE,
    )
    save_with_history(newer, actor=administrator, reason="Test set-up")
    make_item(text="older 1", target_date=dt.date(2026, 6, 1))
    make_item(text="newer", report=newer, target_date=dt.date(2027, 1, 1))
    make_item(text="older 2", target_date=dt.date(2025, 1, 1))
    client = client_for(panel)
    response = client.get(URL, {"sort": "password"})
    assert response.status_code == 200
    listed = [i.text for i in response.context["page"].object_list]
    assert listed == ["newer", "older 1", "older 2"]
    assert listed == [i.text for i in client.get(URL).context["page"].object_list]
    assert response.context["sort_links"][DEFAULT_SORT].state == "ascending"


def test_pagination_keeps_the_filters_in_page_links(
    client_for, panel, make_item, settings
):
    settings.ITEMS_PER_PAGE = 2
    for n in range(5):
        make_item(text=f"item {n}", owner_codes=["pcc"])
    response = client_for(panel).get(URL, {"owner": "pcc"})
    page = response.context["page"]
    assert page.paginator.count == 5
    assert len(page.object_list) == 2
    assert "owner=pcc&amp;page=2" in response.content.decode()
    second = client_for(panel).get(URL, {"owner": "pcc", "page": 2})
    assert len(second.context["page"].object_list) == 2


def test_number_of_queries_does_not_grow_with_the_rows(
    client_for, panel, make_item, staff, django_assert_max_num_queries, settings
):
    settings.ITEMS_PER_PAGE = 100
    client = client_for(panel)
    make_item(lead=staff, status=Item.Status.IN_PROGRESS)
    client.get(URL)  # warm the session and permissions
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()  # both measured requests compute their figures afresh
    with CaptureQueriesContext(connection) as few:
        client.get(URL, {"owner": "chief_constable"})
    for _ in range(30):
        make_item(lead=staff, status=Item.Status.IN_PROGRESS)
    cache.clear()
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(URL, {"owner": "chief_constable"})
    assert response.context["page"].paginator.count == 31


def test_filter_panel_with_htmx_gets_only_the_results(client_for, panel, make_item):
    make_item(text="in progress", status=Item.Status.IN_PROGRESS)
    make_item(text="closed", status=Item.Status.CLOSED)
    client = client_for(panel)
    page = client.get(URL).content.decode()
    form = find_form(page, hx_get=URL)
    assert form.attrs["action"] == URL  # the same query without JavaScript
    assert form.attrs["hx-target"] == "#results"
    assert form.attrs["hx-swap"] == "outerHTML"
    assert form.attrs["hx-push-url"] == "true"
    assert 'id="results"' in page
    assert 'id="results-count"' in page  # the live region the count goes into
    assert 'id="list-tools"' in page
    # The person ticks "In progress" and presses Apply filters.
    data = form.data(status=["in_progress"])
    response = client.get(
        form.url, data, headers=form.headers(f"http://testserver{URL}")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "HX-Request" in response["Vary"]
    assert html.lstrip().startswith('<div id="results">')
    for chrome in ("<html", "<head", "govuk-service-navigation", "govuk-footer"):
        assert chrome not in html
    assert "Apply filters" not in html  # the panel stays as the person left it
    assert "in progress" in html
    assert "closed</td>" not in html
    assert '<p id="results-count" hx-swap-oob="innerHTML">' in html
    assert "1 item matches these filters." in html
    tools = html[html.index('<div id="list-tools" hx-swap-oob="innerHTML">') :]
    [export] = re.findall(r'href="([^"]*export\.csv[^"]*)"', tools)
    assert "status=in_progress" in export.split("?")[1].split("&amp;")


def test_filter_panel_with_htmx_and_an_error_loads_the_whole_page(
    client_for, panel, item
):
    client = client_for(panel)
    form = find_form(client.get(URL).content.decode(), hx_get=URL)
    data = form.data(target_from="31/02/2026")
    response = client.get(URL, data, headers=form.headers(f"http://testserver{URL}"))
    assert response.status_code == 200
    assert response["HX-Redirect"].startswith(f"{URL}?q=&")
    assert "target_from=31%2F02%2F2026" in response["HX-Redirect"]
    full = client.get(response["HX-Redirect"]).content.decode()
    assert "There is a problem" in full


def test_history_restore_by_htmx_gets_the_whole_page(client_for, panel, item):
    response = client_for(panel).get(
        URL, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert "<html" in response.content.decode()
