import datetime as dt

import pytest
from django.core.cache import cache
from django.urls import reverse

from oversight.selectors import ageing_band
from recommendations.models import Item
from tests.htmx_requests import find_form

URL = reverse("oversight:review")


@pytest.mark.parametrize(
    ("days", "band"),
    [
        (1, "0 to 30 days"),
        (30, "0 to 30 days"),
        (31, "31 to 90 days"),
        (90, "31 to 90 days"),
        (91, "91 to 180 days"),
        (180, "91 to 180 days"),
        (181, "Over 180 days"),
        (4000, "Over 180 days"),
    ],
)
def test_ageing_bands_at_their_boundaries(days, band):
    assert ageing_band(days) == band


def test_overdue_items_most_overdue_first_with_days_and_bands(
    client_for, reviewer, make_item, today
):
    for days in (31, 200, 5):
        make_item(
            text=f"late {days}",
            status=Item.Status.IN_PROGRESS,
            target_date=today - dt.timedelta(days=days),
        )
    make_item(
        text="closed late",
        status=Item.Status.CLOSED,
        target_date=today - dt.timedelta(9),
    )
    make_item(text="on time", target_date=today + dt.timedelta(days=3))
    response = client_for(reviewer).get(URL)
    overdue = response.context["overdue"]
    assert [i.text for i in overdue] == ["late 200", "late 31", "late 5"]
    assert [i.days_late for i in overdue] == [200, 31, 5]
    assert dict(response.context["bands"]) == {
        "0 to 30 days": 1,
        "31 to 90 days": 1,
        "91 to 180 days": 0,
        "Over 180 days": 1,
    }


def test_overdue_filters_by_owner_team_and_report(
    client_for, reviewer, make_item, report, today
):
    late = today - dt.timedelta(days=10)
    make_item(text="pcc", owner_codes=["pcc"], target_date=late, lead_team="OPCC")
    make_item(
        text="cc",
        owner_codes=["chief_constable"],
        target_date=late,
        lead_team="Contact",
    )
    client = client_for(reviewer)
    by_owner = client.get(URL, {"owner": "pcc"}).context["overdue"]
    assert [i.text for i in by_owner] == ["pcc"]
    by_team = client.get(URL, {"lead_team": "Contact"}).context["overdue"]
    assert [i.text for i in by_team] == ["cc"]
    by_report = client.get(URL, {"report": report.pk}).context["overdue"]
    assert len(by_report) == 2


def test_queues_list_what_awaits_a_decision(
    client_for, reviewer, pending_item, staff, make_item, today
):
    from oversight import services

    other = make_item(
        lead=staff,
        status=Item.Status.IN_PROGRESS,
        target_date=today + dt.timedelta(days=5),
    )
    services.target_date_request(
        item_id=other.pk,
        actor=staff,
        new_date=today + dt.timedelta(days=50),
        reason="Needs a board decision",
    )
    response = client_for(reviewer).get(URL)
    assert [i.pk for i in response.context["sign_off"]] == [pending_item.pk]
    assert [c.item_id for c in response.context["dates"]] == [other.pk]
    html = response.content.decode()
    assert reverse("oversight:closure_decide", args=[pending_item.pk]) in html
    assert "Needs a board decision" in html


@pytest.mark.parametrize("role", ["staff", "panel", "outsider"])
def test_review_page_is_for_reviewers(request, client_for, role, db):
    assert client_for(request.getfixturevalue(role)).get(URL).status_code == 403


def test_review_page_queries_do_not_grow_with_items(
    client_for, reviewer, make_item, staff, today, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from recommendations import services as rec

    def add_batch():
        late = make_item(
            lead=staff,
            status=Item.Status.IN_PROGRESS,
            target_date=today - dt.timedelta(days=3),
        )
        rec.progress_update_record(
            item_id=late.pk, actor=staff, expected_version=late.version, text="note"
        )
        pending = make_item(
            lead=staff,
            status=Item.Status.IN_PROGRESS,
            target_date=today + dt.timedelta(days=40),
        )
        rec.progress_update_record(
            item_id=pending.pk,
            actor=staff,
            expected_version=pending.version,
            text="done",
            status_to=Item.Status.PENDING_SIGN_OFF,
            evidence_link="https://example.org/x",
        )

    client = client_for(reviewer)
    add_batch()
    client.get(URL)
    cache.clear()  # both measured requests compute their figures afresh
    with CaptureQueriesContext(connection) as baseline:
        client.get(URL)
    for _ in range(10):
        add_batch()
    cache.clear()
    with django_assert_max_num_queries(len(baseline.captured_queries)):
        client.get(URL)


def _sign_off_form(client, item):
    decide = reverse("oversight:closure_decide", args=[item.pk])
    page = client.get(URL).content.decode()
    form = find_form(page, hx_post=decide)
    assert form.attrs["action"] == decide  # the same decision without JavaScript
    assert form.attrs["hx-target"] == form.attrs["hx-select"] == "#sign-off-queue"
    assert form.attrs["hx-swap"] == "outerHTML"
    for selector in [form.attrs["hx-select"], *form.attrs["hx-select-oob"].split(",")]:
        assert f'id="{selector.removeprefix("#")}"' in page
    return form


def test_sign_off_with_htmx_puts_the_new_queue_and_confirmation_in_place(
    client_for, reviewer, pending_item
):
    client = client_for(reviewer)
    form = _sign_off_form(client, pending_item)
    data = form.data(submitter=("decision", "sign_off"))
    assert data["next"] == [URL]
    # First the confirmation, in place of the queue: nothing is signed off yet.
    asked = client.post(form.url, data, headers=form.headers(f"http://testserver{URL}"))
    assert asked.status_code == 200
    html = asked.content.decode()
    assert '<div id="sign-off-queue">' in html
    assert "Sign off this item as closed?" in html
    pending_item.refresh_from_db()
    assert pending_item.status == Item.Status.PENDING_SIGN_OFF
    confirm = find_form(html, hx_post=form.url)
    assert confirm.attrs["action"] == form.url  # the same without JavaScript
    assert confirm.attrs["hx-select"] == "#sign-off-queue"
    # htmx's request follows the redirect, as a browser's does, and takes the queue,
    # the figures and the confirmation from the review page it lands on.
    response = client.post(
        confirm.url,
        confirm.data(),
        headers=confirm.headers(f"http://testserver{URL}"),
        follow=True,
    )
    assert response.redirect_chain == [(URL, 302)]
    html = response.content.decode()
    queue = html[html.index('<div id="sign-off-queue">') : html.index('id="dates"')]
    assert "Nothing is waiting for sign-off." in queue
    messages = html[html.index('<div id="messages">') : html.index("<h1")]
    assert "has been signed off as closed." in messages
    assert 'id="review-figures"' in html
    pending_item.refresh_from_db()
    assert pending_item.status == Item.Status.CLOSED


def test_return_with_htmx_and_no_note_is_refused_and_changes_nothing(
    client_for, reviewer, pending_item
):
    client = client_for(reviewer)
    form = _sign_off_form(client, pending_item)
    response = client.post(
        form.url,
        form.data(submitter=("decision", "return")),
        headers=form.headers(f"http://testserver{URL}"),
    )
    # htmx swaps nothing for a 400; static/src/init.js then submits the form the
    # ordinary way, and this page (with its error summary) is what the person sees.
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    pending_item.refresh_from_db()
    assert pending_item.status == Item.Status.PENDING_SIGN_OFF
