"""Every service that changes an item refuses a stale form through the one version
check (recommendations.versions), naming who changed the item; nothing is written."""

import datetime as dt

import pytest

from oversight import services
from recommendations import services as rec_services
from recommendations.models import Item, ProgressUpdate
from recommendations.versions import ConflictError


def _closed(item, reviewer):
    services.closure_sign_off(
        item_id=item.pk, actor=reviewer, expected_version=item.version, note=""
    )
    item.refresh_from_db()
    return item


CALLS = {
    "working fields": lambda item, actor, version, today: (
        rec_services.item_update_working_fields(
            item_id=item.pk,
            actor=actor,
            expected_version=version,
            lead=None,
            lead_team="Someone else",
            target_date=item.target_date,
            reason="Take it",
        )
    ),
    "progress update with a move": lambda item, actor, version, today: (
        rec_services.progress_update_record(
            item_id=item.pk,
            actor=actor,
            expected_version=version,
            text="Back to work",
            status_to=Item.Status.IN_PROGRESS,
        )
    ),
    "sign-off": lambda item, actor, version, today: services.closure_sign_off(
        item_id=item.pk, actor=actor, expected_version=version, note=""
    ),
    "return": lambda item, actor, version, today: services.closure_return(
        item_id=item.pk, actor=actor, expected_version=version, reason="Not yet"
    ),
    "s.55 response": lambda item, actor, version, today: (
        services.item_record_s55_response(
            item_id=item.pk, actor=actor, expected_version=version, response="Done"
        )
    ),
}
CLOSED_CALLS = {
    "HMICFRS verified": lambda item, actor, version, today: (
        services.closure_record_hmicfrs_verified(
            item_id=item.pk,
            actor=actor,
            expected_version=version,
            verified_on=today,
            note="Authorised",
        )
    ),
    "HMICFRS not accepted": lambda item, actor, version, today: (
        services.closure_record_hmicfrs_not_accepted(
            item_id=item.pk,
            actor=actor,
            expected_version=version,
            decided_on=today,
            note="Not embedded",
        )
    ),
}


def _touch(item, other_staff):
    """Someone else changes the item after the form was opened."""
    rec_services.progress_update_record(
        item_id=item.pk,
        actor=other_staff,
        expected_version=item.version,
        text="Tom's note",
    )
    locked = Item.objects.get(pk=item.pk)
    rec_services.item_update_working_fields(
        item_id=item.pk,
        actor=other_staff,
        expected_version=locked.version,
        lead=locked.lead,
        lead_team="Tom's team",
        target_date=locked.target_date,
        reason="Renamed",
    )


def _assert_refused(call, item, reviewer, stale, today):
    updates = ProgressUpdate.objects.count()
    before = Item.objects.get(pk=item.pk)
    with pytest.raises(ConflictError) as error:
        call(item, reviewer, stale, today)
    assert "This item was changed by Tom Evans" in error.value.messages[0]
    after = Item.objects.get(pk=item.pk)
    assert (after.version, after.status) == (before.version, before.status)
    assert ProgressUpdate.objects.count() == updates


@pytest.mark.parametrize("name", CALLS)
def test_a_stale_form_is_refused(name, pending_item, reviewer, other_staff, today):
    stale = pending_item.version
    _touch(pending_item, other_staff)
    _assert_refused(CALLS[name], pending_item, reviewer, stale, today)


@pytest.mark.parametrize("name", CLOSED_CALLS)
def test_a_stale_hmicfrs_form_is_refused(
    name, pending_item, reviewer, other_staff, today
):
    item = _closed(pending_item, reviewer)
    stale = item.version
    _touch(item, other_staff)
    _assert_refused(CLOSED_CALLS[name], item, reviewer, stale, today)


def test_a_note_alone_is_never_stale(item, other_staff, staff):
    stale = item.version
    _touch(item, other_staff)
    rec_services.progress_update_record(
        item_id=item.pk, actor=staff, expected_version=stale, text="Just a note"
    )
    assert ProgressUpdate.objects.filter(text="Just a note").exists()


def test_a_target_date_decision_bumps_the_version(item, staff, reviewer, today):
    change = services.target_date_request(
        item_id=item.pk,
        actor=staff,
        new_date=today + dt.timedelta(days=300),
        reason="Delay",
    )
    services.target_date_approve(change_id=change.pk, actor=reviewer, note="")
    with pytest.raises(ConflictError):
        services.item_record_s55_response(
            item_id=item.pk,
            actor=staff,
            expected_version=item.version,
            response="Stale",
        )
