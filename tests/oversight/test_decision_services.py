"""Each decision oversight makes is its own typed service, setting only the fields
its rule names; a progress update can make none of them."""

import pytest
from django.core.exceptions import ValidationError

from oversight import services
from oversight.models import ClosureDecision
from recommendations import services as rec_services
from recommendations import workflow
from recommendations.models import Item

Status = Item.Status


def _sign_off(item, reviewer):
    services.closure_sign_off(
        item_id=item.pk, actor=reviewer, expected_version=item.version, note=""
    )
    item.refresh_from_db()
    return item


def test_sign_off_closes_today_and_records_the_decision(pending_item, reviewer, today):
    decision = services.closure_sign_off(
        item_id=pending_item.pk,
        actor=reviewer,
        expected_version=pending_item.version,
        note="  Evidence is convincing. ",
    )
    pending_item.refresh_from_db()
    assert pending_item.status == Status.CLOSED
    assert pending_item.closed_on == today
    assert pending_item.hmicfrs_verified_on is None
    assert decision.note == "Evidence is convincing."
    assert decision.timeline_entry.status_from == Status.PENDING_SIGN_OFF
    assert (
        decision.timeline_entry.text == "Signed off as closed. Evidence is convincing."
    )
    assert pending_item.history.first().history_change_reason == (
        "Signed off as closed. Evidence is convincing."
    )


def test_return_moves_back_to_in_progress_only(pending_item, reviewer):
    decision = services.closure_return(
        item_id=pending_item.pk,
        actor=reviewer,
        expected_version=pending_item.version,
        reason="Minutes missing",
    )
    entry = decision.timeline_entry
    pending_item.refresh_from_db()
    assert pending_item.status == Status.IN_PROGRESS
    assert pending_item.closed_on is None
    assert (entry.status_from, entry.status_to) == (
        Status.PENDING_SIGN_OFF,
        Status.IN_PROGRESS,
    )
    assert entry.text == "Returned to the lead: Minutes missing"


def test_hmicfrs_verification_sets_its_date_and_leaves_the_item_closed(
    pending_item, reviewer, today
):
    item = _sign_off(pending_item, reviewer)
    decision = services.closure_record_hmicfrs_verified(
        item_id=item.pk,
        actor=reviewer,
        expected_version=item.version,
        verified_on=today,
        note="Authorised",
    )
    item.refresh_from_db()
    assert item.status == Status.CLOSED
    assert item.closed_on == today
    assert item.hmicfrs_verified_on == today
    assert decision.kind == ClosureDecision.Kind.HMICFRS_VERIFIED
    # No move: the timeline entry records the verdict, not a status change.
    assert (decision.timeline_entry.status_from, decision.timeline_entry.status_to) == (
        "",
        "",
    )
    with pytest.raises(ValidationError) as error:
        services.closure_record_hmicfrs_verified(
            item_id=item.pk,
            actor=reviewer,
            expected_version=item.version,
            verified_on=today,
            note="Again",
        )
    assert error.value.code == "already_verified"


def test_hmicfrs_not_accepting_reopens_and_clears_both_dates(
    pending_item, reviewer, today
):
    item = _sign_off(pending_item, reviewer)
    services.closure_record_hmicfrs_verified(
        item_id=item.pk,
        actor=reviewer,
        expected_version=item.version,
        verified_on=today,
        note="Authorised",
    )
    item.refresh_from_db()
    decision = services.closure_record_hmicfrs_not_accepted(
        item_id=item.pk,
        actor=reviewer,
        expected_version=item.version,
        decided_on=today,
        note="Not embedded",
    )
    item.refresh_from_db()
    assert item.status == Status.IN_PROGRESS
    assert item.closed_on is None
    assert item.hmicfrs_verified_on is None
    assert decision.kind == ClosureDecision.Kind.HMICFRS_NOT_ACCEPTED
    assert decision.timeline_entry.status_to == Status.IN_PROGRESS


@pytest.mark.parametrize("decision", workflow.DECISIONS)
def test_a_decision_is_refused_from_any_other_status(item, decision):
    for status in set(Status.values) - {decision.from_status}:
        with pytest.raises(ValidationError) as error:
            workflow.check_decision(Item(status=status), decision)
        assert error.value.code == "wrong_state"
    workflow.check_decision(Item(status=decision.from_status), decision)


def test_no_progress_update_can_make_a_decision(reviewer, administrator):
    for user in (reviewer, administrator):
        for decision in workflow.DECISIONS:
            if decision.to == decision.from_status:
                continue
            targets = {
                move.to
                for move in workflow.allowed_moves(
                    Item(status=decision.from_status, lead_id=1), user
                )
            }
            if decision is workflow.RETURN:
                # A lead may withdraw their own proposal: the same move, not a decision.
                assert Status.IN_PROGRESS in targets
            else:
                assert decision.to not in targets


def test_a_closed_item_cannot_be_reopened_by_a_progress_update(
    pending_item, reviewer, other_staff
):
    item = _sign_off(pending_item, reviewer)
    with pytest.raises(ValidationError) as error:
        rec_services.progress_update_record(
            item_id=item.pk,
            actor=reviewer,
            expected_version=item.version,
            text="Reopen",
            status_to=Status.IN_PROGRESS,
            status_reason="Because",
        )
    assert error.value.code == "move_not_allowed"
