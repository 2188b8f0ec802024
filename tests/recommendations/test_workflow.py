import pytest
from django.core.exceptions import ValidationError

from recommendations import workflow
from recommendations.models import Item

Status = Item.Status


def _targets(item, user):
    return {move.to for move in workflow.allowed_moves(item, user)}


def test_staff_moves(staff):
    assert _targets(Item(status=Status.AWAITING_ALLOCATION), staff) == {
        Status.IN_PROGRESS
    }
    assert _targets(Item(status=Status.IN_PROGRESS), staff) == {Status.PENDING_SIGN_OFF}
    assert _targets(Item(status=Status.PENDING_SIGN_OFF), staff) == {Status.IN_PROGRESS}
    assert _targets(Item(status=Status.CLOSED), staff) == set()
    assert _targets(Item(status=Status.NO_FURTHER_ACTION), staff) == set()


def test_reviewers_may_also_mark_no_further_action_and_reopen(reviewer):
    assert Status.NO_FURTHER_ACTION in _targets(
        Item(status=Status.IN_PROGRESS), reviewer
    )
    assert _targets(Item(status=Status.NO_FURTHER_ACTION), reviewer) == {
        Status.IN_PROGRESS
    }


def test_nobody_closes_an_item_through_a_progress_update(reviewer, administrator):
    for user in (reviewer, administrator):
        for status in Status.values:
            assert Status.CLOSED not in _targets(Item(status=status), user)


def test_panel_members_have_no_moves(panel):
    assert _targets(Item(status=Status.IN_PROGRESS), panel) == set()


def test_moving_into_progress_needs_a_lead(staff):
    with pytest.raises(ValidationError) as error:
        workflow.check_move(
            Item(status=Status.AWAITING_ALLOCATION),
            staff,
            Status.IN_PROGRESS,
            has_evidence=False,
            reason="",
        )
    assert error.value.code == "move_needs_lead"


def test_refusals_carry_distinct_codes(staff):
    item = Item(status=Status.IN_PROGRESS)
    codes = {}
    for target in (Status.CLOSED, Status.NO_FURTHER_ACTION, Status.PENDING_SIGN_OFF):
        with pytest.raises(ValidationError) as error:
            workflow.check_move(item, staff, target, has_evidence=False, reason="")
        codes[target] = error.value.code
    assert codes == {
        Status.CLOSED: "move_not_allowed",
        Status.NO_FURTHER_ACTION: "move_needs_reviewer",
        Status.PENDING_SIGN_OFF: "move_needs_evidence",
    }
