import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from oversight import services
from oversight.models import ClosureDecision
from recommendations.models import Item


@pytest.fixture
def closed_item(pending_item, reviewer):
    services.closure_sign_off(
        item_id=pending_item.pk,
        actor=reviewer,
        expected_version=pending_item.version,
        note="",
    )
    pending_item.refresh_from_db()
    return pending_item


def _post(client, item, **data):
    payload = {
        "version": item.version,
        "outcome": "verified",
        # Signed off today (closed_item), so HMICFRS decided today at the earliest.
        "outcome_on": timezone.localdate().isoformat(),
        "note": "Authorised for closure after the 2025 re-inspection.",
    }
    payload.update(data)
    return client.post(reverse("oversight:hmicfrs_outcome", args=[item.pk]), payload)


def test_reviewer_records_hmicfrs_verification(client_for, reviewer, closed_item):
    assert _post(client_for(reviewer), closed_item).status_code == 302
    closed_item.refresh_from_db()
    assert closed_item.status == Item.Status.CLOSED
    assert closed_item.hmicfrs_verified_on == timezone.localdate()
    decision = ClosureDecision.objects.get(kind=ClosureDecision.Kind.HMICFRS_VERIFIED)
    assert decision.effective_on == timezone.localdate()
    assert closed_item.history.first().history_user == reviewer


def test_hmicfrs_not_accepting_reopens_the_item(client_for, reviewer, closed_item):
    response = _post(
        client_for(reviewer),
        closed_item,
        outcome="not_accepted",
        note="Re-inspection found the process not embedded.",
    )
    assert response.status_code == 302
    closed_item.refresh_from_db()
    assert closed_item.status == Item.Status.IN_PROGRESS
    assert closed_item.closed_on is None
    assert "not embedded" in closed_item.history.first().history_change_reason


def test_future_date_and_missing_note_are_refused(client_for, reviewer, closed_item):
    future = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    response = _post(client_for(reviewer), closed_item, outcome_on=future, note="")
    assert response.status_code == 400
    html = response.content.decode()
    assert "cannot be in the future" in html
    assert "Say what HMICFRS decided" in html
    closed_item.refresh_from_db()
    assert closed_item.hmicfrs_verified_on is None


def test_only_a_closed_item_can_be_verified(client_for, reviewer, item):
    response = _post(client_for(reviewer), item)
    assert response.status_code == 400
    assert not ClosureDecision.objects.exists()


@pytest.mark.parametrize("role", ["staff", "panel"])
def test_only_reviewers_record_hmicfrs_outcomes(request, client_for, closed_item, role):
    client = client_for(request.getfixturevalue(role))
    assert _post(client, closed_item).status_code == 403
    closed_item.refresh_from_db()
    assert closed_item.hmicfrs_verified_on is None
