from django.urls import reverse

from recommendations import services
from recommendations.models import Item


def _url(item: Item) -> str:
    return reverse("recommendations:item_detail", args=[item.pk])


def test_detail_shows_the_item_and_its_summary(client_for, panel, item):
    response = client_for(panel).get(_url(item))
    html = response.content.decode()
    assert response.status_code == 200
    assert item.text in html
    assert "Chief Constable" in html
    assert "Priya Shah" in html
    assert "Public Protection" in html


def test_history_shows_field_old_and_new_values_with_who_and_why(
    client_for, panel, staff, other_staff, item
):
    services.item_update_working_fields(
        item_id=item.pk,
        actor=staff,
        expected_version=item.version,
        lead=other_staff,
        lead_team="Crime and Justice",
        target_date=item.target_date,
        reason="Tom takes over while Priya is on leave",
    )
    response = client_for(panel).get(_url(item))
    history = response.context["history"]
    newest = history[0]
    assert newest.who == "Priya Shah"
    assert newest.reason == "Tom takes over while Priya is on leave"
    changes = {c.label: (c.old, c.new) for c in newest.changes}
    assert changes == {
        "Lead": ("Priya Shah", "Tom Evans"),
        "Lead team": ("Public Protection", "Crime and Justice"),
    }
    assert history[-1].kind == "created"
    html = response.content.decode()
    assert "Tom takes over while Priya is on leave" in html


def test_timeline_lists_updates_newest_first(client_for, panel, staff, item):
    for text in ("first", "second"):
        services.progress_update_record(
            item_id=item.pk, actor=staff, expected_version=item.version, text=text
        )
    updates = list(client_for(panel).get(_url(item)).context["updates"])
    assert [u.text for u in updates] == ["second", "first"]


def test_readers_see_no_editing_controls(client_for, panel, item):
    html = client_for(panel).get(_url(item)).content.decode()
    assert "Record progress" not in html
    assert "Change lead or details" not in html


def test_editors_see_editing_controls(client_for, staff, item):
    html = client_for(staff).get(_url(item)).content.decode()
    assert "Record progress" in html
    assert "Propose closure" in html


def test_linked_cause_of_concern_and_its_recommendations(client_for, panel, make_item):
    cause = make_item(kind=Item.Kind.CAUSE_OF_CONCERN, reference="CoC 1")
    rec = make_item(reference="7", cause_of_concern=cause)
    html = client_for(panel).get(_url(cause)).content.decode()
    assert reverse("recommendations:item_detail", args=[rec.pk]) in html
    html = client_for(panel).get(_url(rec)).content.decode()
    assert "Cause of concern CoC 1" in html


def test_outsider_is_refused_and_missing_item_is_not_found(
    client_for, outsider, panel, item
):
    assert client_for(outsider).get(_url(item)).status_code == 403
    assert client_for(panel).get("/items/987654/").status_code == 404


def test_detail_queries_do_not_grow_with_history(
    client_for, panel, staff, item, django_assert_max_num_queries
):
    client = client_for(panel)
    client.get(_url(item))
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # Both measured requests render the history (no cached fragment), so they
    # compare the same work at 1 and at 41 history rows.
    cache.clear()
    with CaptureQueriesContext(connection) as baseline:
        client.get(_url(item))
    for n in range(20):
        item.refresh_from_db()
        services.item_update_working_fields(
            item_id=item.pk,
            actor=staff,
            expected_version=item.version,
            lead=staff,
            lead_team=f"Team {n}",
            target_date=item.target_date,
            reason="Rename",
        )
        services.progress_update_record(
            item_id=item.pk, actor=staff, expected_version=item.version, text=f"n{n}"
        )
    cache.clear()
    with django_assert_max_num_queries(len(baseline.captured_queries)):
        client.get(_url(item))


def test_the_history_table_follows_every_change_to_the_item(
    client_for, panel, staff, item
):
    """The history fragment is cached; a write moves the data marker, so the next
    view shows the new change."""
    client = client_for(panel)
    assert "Team after" not in client.get(_url(item)).content.decode()
    item.refresh_from_db()
    services.item_update_working_fields(
        item_id=item.pk,
        actor=staff,
        expected_version=item.version,
        lead=staff,
        lead_team="Team after",
        target_date=item.target_date,
        reason="Renamed the team",
    )
    html = client.get(_url(item)).content.decode()
    assert "Renamed the team" in html
    assert "Team after" in html
