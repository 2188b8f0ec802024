"""Decisions that make sense: a sign-off is confirmed before it is recorded, a
mistaken one is corrected by reopening with a reason, HMICFRS cannot verify a
closure before it exists, and a date request can be withdrawn by its requester."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from oversight import services
from oversight.models import ClosureDecision, TargetDateChange
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


def _decide(client, item, **extra):
    return client.post(
        reverse("oversight:closure_decide", args=[item.pk]),
        {"version": item.version, "decision": "sign_off", "note": "Good", **extra},
    )


def test_sign_off_asks_for_confirmation_and_changes_nothing_until_then(
    client_for, reviewer, pending_item
):
    client = client_for(reviewer)
    asked = _decide(client, pending_item)
    assert asked.status_code == 200
    html = asked.content.decode()
    assert "Sign off this item as closed?" in html
    assert "Confirm sign-off" in html
    assert 'name="confirmed" value="on"' in html
    assert ">Good</textarea>" in html  # the note typed is kept
    pending_item.refresh_from_db()
    assert pending_item.status == Item.Status.PENDING_SIGN_OFF
    assert not ClosureDecision.objects.exists()

    done = _decide(client, pending_item, confirmed="on")
    assert done.status_code == 302
    pending_item.refresh_from_db()
    assert pending_item.status == Item.Status.CLOSED


def test_returning_needs_no_confirmation(client_for, reviewer, pending_item):
    response = _decide(
        client_for(reviewer), pending_item, decision="return", note="Minutes missing"
    )
    assert response.status_code == 302
    pending_item.refresh_from_db()
    assert pending_item.status == Item.Status.IN_PROGRESS


def test_a_reviewer_reopens_a_closed_item_with_a_reason(
    client_for, reviewer, closed_item, today
):
    client = client_for(reviewer)
    page = client.get(reverse("recommendations:item_detail", args=[closed_item.pk]))
    reopen = reverse("oversight:closure_reopen", args=[closed_item.pk])
    assert reopen in page.content.decode()
    response = client.post(
        reopen,
        {"version": closed_item.version, "reason": "Signed off in error: wrong item."},
    )
    assert response.status_code == 302
    item = Item.objects.get(pk=closed_item.pk)
    assert item.status == Item.Status.IN_PROGRESS
    assert item.closed_on is None
    decision = ClosureDecision.objects.filter(item=item).first()
    assert decision.kind == ClosureDecision.Kind.REOPENED
    assert decision.note == "Signed off in error: wrong item."
    assert decision.decided_by == reviewer
    assert decision.timeline_entry.status_from == Item.Status.CLOSED
    record = item.history.first()
    assert record.history_user == reviewer
    assert "Signed off in error" in record.history_change_reason
    # The sign-off it corrects is still there.
    kinds = set(
        ClosureDecision.objects.filter(item=item).values_list("kind", flat=True)
    )
    assert kinds == {"signed_off", "reopened"}


def test_reopening_needs_a_reason_a_reviewer_and_a_closed_item(
    client_for, reviewer, staff, closed_item, pending_item
):
    url = reverse("oversight:closure_reopen", args=[closed_item.pk])
    blank = client_for(reviewer).post(
        url, {"version": closed_item.version, "reason": " "}
    )
    assert blank.status_code == 400
    assert client_for(staff).get(url).status_code == 403
    closed_item.refresh_from_db()
    assert closed_item.status == Item.Status.CLOSED
    page = client_for(staff).get(
        reverse("recommendations:item_detail", args=[closed_item.pk])
    )
    assert url not in page.content.decode()


def test_an_open_item_cannot_be_reopened(reviewer, make_item, staff):
    item = make_item(lead=staff, status=Item.Status.IN_PROGRESS)
    with pytest.raises(ValidationError, match="cannot be made"):
        services.closure_reopen(
            item_id=item.pk, actor=reviewer, expected_version=item.version, reason="x"
        )


@pytest.mark.parametrize("outcome", ["verified", "not_accepted"])
def test_hmicfrs_cannot_decide_before_the_sign_off(
    client_for, reviewer, closed_item, outcome
):
    before = closed_item.closed_on - dt.timedelta(days=1)
    response = client_for(reviewer).post(
        reverse("oversight:hmicfrs_outcome", args=[closed_item.pk]),
        {
            "version": closed_item.version,
            "outcome": outcome,
            "outcome_on": before.isoformat(),
            "note": "Authorised",
        },
    )
    assert response.status_code == 400
    assert "cannot be dated before the item was signed off" in (
        response.content.decode().replace("&#x27;", "'")
    )
    item = Item.objects.get(pk=closed_item.pk)
    assert item.status == Item.Status.CLOSED
    assert item.hmicfrs_verified_on is None


@pytest.fixture
def pending_request(item, staff, today):
    return services.target_date_request(
        item_id=item.pk,
        actor=staff,
        new_date=today + dt.timedelta(days=90),
        reason="Waiting for the new system",
    )


def test_the_requester_withdraws_a_pending_request(
    client_for, staff, item, pending_request
):
    client = client_for(staff)
    page = client.get(reverse("recommendations:item_detail", args=[item.pk]))
    withdraw = reverse("oversight:date_withdraw", args=[pending_request.pk])
    assert withdraw in page.content.decode()
    response = client.post(withdraw, follow=True)
    assert "Your request for a new target date is withdrawn." in (
        response.content.decode()
    )
    change = TargetDateChange.objects.get(pk=pending_request.pk)
    assert change.status == TargetDateChange.Status.WITHDRAWN
    assert change.history.first().history_user == staff
    assert "withdrawn by the requester" in change.history.first().history_change_reason
    item.refresh_from_db()
    assert item.target_date == item.original_target_date  # nothing moved
    # A new request can be made now.
    services.target_date_request(
        item_id=item.pk,
        actor=staff,
        new_date=timezone.localdate() + dt.timedelta(days=30),
        reason="A shorter delay after all",
    )


def test_only_the_requester_may_withdraw_and_only_before_a_decision(
    client_for, other_staff, reviewer, staff, item, pending_request
):
    withdraw = reverse("oversight:date_withdraw", args=[pending_request.pk])
    page = client_for(other_staff).get(
        reverse("recommendations:item_detail", args=[item.pk])
    )
    assert withdraw not in page.content.decode()
    refused = client_for(other_staff).post(withdraw, follow=True)
    assert "who made this request, can withdraw it" in refused.content.decode()
    assert (
        TargetDateChange.objects.get(pk=pending_request.pk).status
        == TargetDateChange.Status.PENDING
    )
    services.target_date_approve(change_id=pending_request.pk, actor=reviewer, note="")
    late = client_for(staff).post(withdraw, follow=True)
    assert "can no longer be withdrawn" in late.content.decode()
    assert (
        TargetDateChange.objects.get(pk=pending_request.pk).status
        == TargetDateChange.Status.APPROVED
    )


def test_deciding_a_withdrawn_request_says_it_was_withdrawn(
    staff, reviewer, pending_request
):
    services.target_date_withdraw(change_id=pending_request.pk, actor=staff)
    with pytest.raises(ValidationError) as refused:
        services.target_date_approve(
            change_id=pending_request.pk, actor=reviewer, note=""
        )
    [message] = refused.value.messages
    assert message.startswith("Priya Shah withdrew this request on ")
    assert message.endswith(": there is nothing to decide.")


def test_a_pending_request_lapses_when_the_item_is_signed_off(
    client_for, staff, reviewer, item, pending_request
):
    services_args = {"actor": staff, "expected_version": item.version}
    from recommendations import services as item_services

    item_services.progress_update_record(
        item_id=item.pk,
        text="All done",
        status_to=Item.Status.PENDING_SIGN_OFF,
        evidence_link="https://intranet.example.org/e/9",
        **services_args,
    )
    item.refresh_from_db()
    services.closure_sign_off(
        item_id=item.pk, actor=reviewer, expected_version=item.version, note=""
    )
    change = TargetDateChange.objects.get(pk=pending_request.pk)
    assert change.status == TargetDateChange.Status.LAPSED
    record = change.history.first()
    assert record.history_user == reviewer
    assert "lapsed: the item was closed before a decision" in (
        record.history_change_reason
    )
    # Reopened, the old request does not come back to be decided.
    item.refresh_from_db()
    services.closure_reopen(
        item_id=item.pk, actor=reviewer, expected_version=item.version, reason="Error"
    )
    with pytest.raises(ValidationError, match="lapsed when the item was closed"):
        services.target_date_approve(change_id=change.pk, actor=reviewer, note="")


def test_a_pending_request_lapses_when_no_further_action_is_needed(
    reviewer, item, pending_request
):
    from recommendations import services as item_services

    item_services.progress_update_record(
        item_id=item.pk,
        actor=reviewer,
        expected_version=item.version,
        text="Superseded by the national programme",
        status_to=Item.Status.NO_FURTHER_ACTION,
        status_reason="Superseded",
    )
    change = TargetDateChange.objects.get(pk=pending_request.pk)
    assert change.status == TargetDateChange.Status.LAPSED
