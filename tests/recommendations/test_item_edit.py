import datetime as dt

import pytest
from django.urls import reverse

from recommendations.models import Item


def _url(item: Item) -> str:
    return reverse("recommendations:item_edit", args=[item.pk])


def _post(client, item, **data):
    payload = {
        "version": item.version,
        "lead": item.lead_id or "",
        "lead_team": item.lead_team,
        "reason": "Reallocated after restructure",
    }
    payload.update(data)
    return client.post(_url(item), payload)


def test_staff_changes_lead_and_team_with_history(client_for, staff, other_staff, item):
    response = _post(
        client_for(staff), item, lead=other_staff.pk, lead_team="Crime and Justice"
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.lead == other_staff
    assert item.lead_team == "Crime and Justice"
    assert item.version == 2
    latest = item.history.first()
    assert latest.history_user == staff
    assert latest.history_change_reason == "Reallocated after restructure"


def test_allocating_a_lead_moves_an_unallocated_item_into_progress(
    client_for, staff, make_item
):
    item = make_item()
    assert item.status == Item.Status.AWAITING_ALLOCATION
    _post(client_for(staff), item, lead=staff.pk)
    item.refresh_from_db()
    assert item.status == Item.Status.IN_PROGRESS


def test_first_target_date_sets_original_and_current(client_for, staff, make_item):
    item = make_item(lead=staff, status=Item.Status.IN_PROGRESS)
    _post(client_for(staff), item, target_date="2027-03-31")
    item.refresh_from_db()
    assert item.original_target_date == item.target_date == dt.date(2027, 3, 31)


def test_a_set_target_date_cannot_be_changed_here(client_for, staff, item):
    original = item.target_date
    response = _post(client_for(staff), item, target_date="2030-01-01", lead_team="X")
    item.refresh_from_db()
    assert item.target_date == original
    # The field is not offered once a date is set, so the POSTed date is ignored
    # and only the team changed.
    assert response.status_code == 302
    assert item.lead_team == "X"


def test_missing_reason_is_an_error_and_nothing_is_saved(client_for, staff, item):
    response = _post(client_for(staff), item, lead_team="Elsewhere", reason="  ")
    assert response.status_code == 400
    assert "Enter the reason for the change" in response.content.decode()
    item.refresh_from_db()
    assert item.lead_team == "Public Protection"
    assert item.history.count() == 1


def test_no_change_is_reported(client_for, staff, item):
    response = _post(client_for(staff), item)
    assert response.status_code == 400
    assert "Nothing was changed" in response.content.decode()


def test_stale_form_gets_a_conflict_naming_who_changed_it(
    client_for, staff, other_staff, item
):
    stale_version = item.version
    _post(client_for(other_staff), item, lead_team="Changed first")
    response = _post(
        client_for(staff), item, version=stale_version, lead_team="Changed second"
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "This item was changed by Tom Evans" in html
    assert "Nothing has been saved" in html
    item.refresh_from_db()
    assert item.lead_team == "Changed first"
    assert item.history.count() == 2


@pytest.mark.parametrize("role", ["panel", "outsider"])
def test_readers_and_outsiders_cannot_edit(request, client_for, item, role):
    client = client_for(request.getfixturevalue(role))
    assert client.get(_url(item)).status_code == 403
    assert _post(client, item, lead_team="Hijacked").status_code == 403
    item.refresh_from_db()
    assert item.lead_team == "Public Protection"


def test_anonymous_edit_is_sent_to_sign_in(client, item):
    response = client.post(_url(item), {"lead_team": "x"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_edit_page_shows_for_editors(client_for, reviewer, item):
    response = client_for(reviewer).get(_url(item))
    assert response.status_code == 200
    assert 'name="version"' in response.content.decode()


def test_unknown_item_is_not_found(client_for, staff, db):
    assert client_for(staff).get("/items/999999/edit/").status_code == 404


def test_a_first_target_date_before_publication_is_refused(
    client_for, staff, make_item, report
):
    item = make_item(lead=staff, status=Item.Status.IN_PROGRESS)
    before = report.published_on - dt.timedelta(days=1)
    response = _post(client_for(staff), item, target_date=before.isoformat())
    assert response.status_code == 400
    assert "cannot be before the report was published" in response.content.decode()
    # Even confirmed as deliberate: a target before the report makes no sense.
    response = _post(
        client_for(staff),
        item,
        target_date=before.isoformat(),
        past_date_confirmed="on",
    )
    assert response.status_code == 400
    item.refresh_from_db()
    assert item.target_date is None and item.original_target_date is None


def test_a_first_target_date_in_the_past_needs_a_confirmation_the_history_shows(
    client_for, staff, make_item, today, report
):
    item = make_item(lead=staff, status=Item.Status.IN_PROGRESS)
    past = max(today - dt.timedelta(days=10), report.published_on)
    assert past < today
    refused = _post(client_for(staff), item, target_date=past.isoformat())
    assert refused.status_code == 400
    assert "The target date is in the past" in refused.content.decode()
    item.refresh_from_db()
    assert item.target_date is None

    confirmed = _post(
        client_for(staff),
        item,
        target_date=past.isoformat(),
        past_date_confirmed="on",
        reason="Loaded late: the report gave this date",
    )
    assert confirmed.status_code == 302
    item.refresh_from_db()
    assert item.original_target_date == item.target_date == past
    assert item.history.first().history_change_reason == (
        "Loaded late: the report gave this date "
        "(First target date in the past, confirmed.)"
    )


def test_a_first_target_date_from_today_on_needs_no_confirmation(
    client_for, staff, make_item, today
):
    item = make_item(lead=staff, status=Item.Status.IN_PROGRESS)
    assert (
        _post(client_for(staff), item, target_date=today.isoformat()).status_code == 302
    )
    item.refresh_from_db()
    assert item.target_date == today
