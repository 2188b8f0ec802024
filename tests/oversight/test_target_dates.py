import datetime as dt

import pytest
from django.urls import reverse

from oversight import services
from oversight.models import TargetDateChange
from recommendations.models import Item


def _request(client, item, **data):
    payload = {"new_date": "2027-06-30", "reason": "Supplier delay on the new IT form."}
    payload.update(data)
    return client.post(reverse("oversight:date_request", args=[item.pk]), payload)


def _decide(client, change, **data):
    payload = {"decision": "approve", "note": ""}
    payload.update(data)
    return client.post(reverse("oversight:date_decide", args=[change.pk]), payload)


@pytest.fixture
def request_by_staff(item, staff):
    return services.target_date_request(
        item_id=item.pk,
        actor=staff,
        new_date=item.target_date + dt.timedelta(days=90),
        reason="Training provider cancelled the spring courses.",
    )


def test_staff_requests_a_new_date_with_a_reason(client_for, staff, item):
    original = item.target_date
    response = _request(client_for(staff), item)
    assert response.status_code == 302
    change = TargetDateChange.objects.get()
    assert change.status == TargetDateChange.Status.PENDING
    assert change.from_date == original
    assert change.to_date == dt.date(2027, 6, 30)
    assert change.history.get().history_user == staff
    item.refresh_from_db()
    assert item.target_date == original  # nothing moves until a reviewer approves


def test_request_needs_a_reason_and_a_future_date(client_for, staff, item):
    response = _request(client_for(staff), item, reason="", new_date="2001-01-01")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Give the reason for the new date" in html
    assert "today or in the future" in html
    assert not TargetDateChange.objects.exists()


def test_only_one_open_request_per_item(
    client_for, other_staff, request_by_staff, item
):
    response = _request(client_for(other_staff), item)
    assert response.status_code == 400
    assert "has already asked to move the date" in response.content.decode()
    assert TargetDateChange.objects.count() == 1


def test_closed_item_dates_do_not_move(client_for, staff, make_item, today):
    item = make_item(status=Item.Status.CLOSED, target_date=today)
    assert _request(client_for(staff), item).status_code == 400


def test_reviewer_approves_and_only_the_current_date_moves(
    client_for, reviewer, staff, request_by_staff, item
):
    original = item.original_target_date
    response = _decide(client_for(reviewer), request_by_staff, note="Agreed.")
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.target_date == request_by_staff.to_date
    assert item.original_target_date == original
    reason = item.history.first().history_change_reason
    assert "Target date moved from" in reason
    assert "requested by Priya Shah, approved by Sam Okafor" in reason
    assert item.history.first().history_user == reviewer
    request_by_staff.refresh_from_db()
    assert request_by_staff.status == TargetDateChange.Status.APPROVED
    assert request_by_staff.decided_by == reviewer


def test_approval_turns_a_green_item_amber(
    client_for, reviewer, request_by_staff, item, today
):
    assert item.rag(today) == Item.Rag.GREEN
    _decide(client_for(reviewer), request_by_staff)
    item.refresh_from_db()
    assert item.rag(today) == Item.Rag.AMBER


def test_rejection_needs_a_reason_and_leaves_the_date(
    client_for, reviewer, request_by_staff, item
):
    client = client_for(reviewer)
    missing = _decide(client, request_by_staff, decision="reject")
    assert missing.status_code == 400
    assert "Give the reason for rejecting" in missing.content.decode()
    response = _decide(client, request_by_staff, decision="reject", note="Not yet.")
    assert response.status_code == 302
    before = item.target_date
    item.refresh_from_db()
    assert item.target_date == before
    request_by_staff.refresh_from_db()
    assert request_by_staff.status == TargetDateChange.Status.REJECTED


def test_a_reviewer_cannot_decide_their_own_request(client_for, reviewer, item):
    change = services.target_date_request(
        item_id=item.pk,
        actor=reviewer,
        new_date=item.target_date + dt.timedelta(days=1),
        reason="x",
    )
    response = _decide(client_for(reviewer), change)
    assert response.status_code == 400
    assert "another reviewer must decide it" in response.content.decode()


def test_a_decided_request_cannot_be_decided_again(
    client_for, reviewer, administrator, request_by_staff
):
    _decide(client_for(reviewer), request_by_staff)
    response = _decide(
        client_for(administrator), request_by_staff, decision="reject", note="late"
    )
    assert response.status_code == 400
    assert "already approved by Sam Okafor" in response.content.decode()


@pytest.mark.parametrize("role", ["staff", "panel"])
def test_only_reviewers_decide_dates(request, client_for, request_by_staff, role):
    client = client_for(request.getfixturevalue(role))
    assert _decide(client, request_by_staff).status_code == 403
    request_by_staff.refresh_from_db()
    assert request_by_staff.status == TargetDateChange.Status.PENDING


def test_panel_cannot_request_dates(client_for, panel, item):
    assert _request(client_for(panel), item).status_code == 403


def test_item_page_shows_the_ledger_and_total_slip(
    client_for, reviewer, panel, request_by_staff, item
):
    _decide(client_for(reviewer), request_by_staff, note="Agreed.")
    second = services.target_date_request(
        item_id=item.pk,
        actor=reviewer,
        new_date=request_by_staff.to_date + dt.timedelta(days=10),
        reason="Venue change",
    )
    html = (
        client_for(panel)
        .get(reverse("recommendations:item_detail", args=[item.pk]))
        .content.decode()
    )
    assert "Slipped 90 days in total" in html
    assert "Training provider cancelled the spring courses." in html
    assert "Venue change" in html
    assert second.status == TargetDateChange.Status.PENDING
    assert "This awaits a reviewer" in html
