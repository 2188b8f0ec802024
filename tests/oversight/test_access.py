"""Oversight's services refuse, through the one access helper, whom its pages do."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from oversight import access, services
from oversight.models import TargetDateChange
from recommendations.access import Need


def _forbidden(call) -> str:
    with pytest.raises(ValidationError) as error:
        call()
    assert error.value.code == "forbidden"
    return error.value.messages[0]


@pytest.fixture
def change(item, staff, today):
    return services.target_date_request(
        item_id=item.pk,
        actor=staff,
        new_date=today + dt.timedelta(days=200),
        reason="Supplier delay",
    )


@pytest.mark.parametrize("role", ["staff", "panel", "outsider", "inactive"])
def test_only_reviewers_reach_a_date_request_page(request, change, role):
    with pytest.raises(PermissionDenied):
        access.date_change_for_user(request.getfixturevalue(role), change.pk)


def test_a_reviewer_gets_the_date_request(reviewer, change):
    assert access.date_change_for_user(reviewer, change.pk) == change


@pytest.mark.parametrize("role", ["panel", "outsider"])
def test_asking_for_a_new_date_refuses_non_editors(request, item, today, role):
    message = _forbidden(
        lambda: services.target_date_request(
            item_id=item.pk,
            actor=request.getfixturevalue(role),
            new_date=today + dt.timedelta(days=100),
            reason="Later",
        )
    )
    assert message == "You do not have permission to change items."
    assert not TargetDateChange.objects.exists()


@pytest.mark.parametrize("role", ["staff", "panel"])
@pytest.mark.parametrize("verdict", ["target_date_approve", "target_date_reject"])
def test_deciding_a_new_date_refuses_non_reviewers(request, change, role, verdict):
    message = _forbidden(
        lambda: getattr(services, verdict)(
            change_id=change.pk,
            actor=request.getfixturevalue(role),
            note="A reason",
        )
    )
    assert message == "Only a reviewer can make this decision."
    change.refresh_from_db()
    assert change.status == TargetDateChange.Status.PENDING


def test_section_55_writes_refuse_a_panel_member(panel, item):
    assert "change reports" in _forbidden(
        lambda: services.report_record_s55(
            report_id=item.report_id,
            actor=panel,
            expected_change=0,
            s55_required=True,
            chief_comments_requested_by=None,
            chief_comments_received_on=None,
            response_published_on=None,
            response_url="",
            reason="",
        )
    )
    assert "change items" in _forbidden(
        lambda: services.item_record_s55_response(
            item_id=item.pk, actor=panel, expected_version=item.version, response="x"
        )
    )


def test_the_date_helper_uses_the_shared_needs(reviewer, staff):
    access.require_date_change(reviewer, Need.REVIEW)
    access.require_date_change(staff, Need.EDIT)
