import pytest
from django.urls import reverse

from oversight import services
from oversight.models import ClosureDecision
from recommendations.models import Item, ProgressUpdate


def _url(item):
    return reverse("oversight:closure_decide", args=[item.pk])


def _post(client, item, **data):
    # "confirmed": the confirmation page's answer (tests below post without it).
    payload = {
        "version": item.version,
        "decision": "sign_off",
        "note": "",
        "confirmed": "on",
    }
    payload.update(data)
    return client.post(_url(item), payload)


def test_reviewer_signs_off_with_a_note(
    client_for, reviewer, staff, pending_item, today
):
    response = _post(client_for(reviewer), pending_item, note="Evidence is convincing.")
    assert response.status_code == 302
    item = Item.objects.get(pk=pending_item.pk)
    assert item.status == Item.Status.CLOSED
    assert item.closed_on == today
    decision = ClosureDecision.objects.get(item=item)
    assert decision.kind == ClosureDecision.Kind.SIGNED_OFF
    assert decision.decided_by == reviewer
    assert decision.proposed_by == staff
    assert decision.note == "Evidence is convincing."
    assert "https://intranet.example.org/evidence/42" in decision.evidence
    # The decision is on the timeline and in the item's history, with who and why.
    assert decision.timeline_entry.status_to == Item.Status.CLOSED
    record = item.history.first()
    assert record.history_user == reviewer
    assert record.history_change_reason.startswith("Signed off as closed.")
    assert decision.history.get().history_user == reviewer


def test_reviewer_returns_with_a_reason(client_for, reviewer, pending_item):
    response = _post(
        client_for(reviewer),
        pending_item,
        decision="return",
        note="The audit results are missing.",
    )
    assert response.status_code == 302
    item = Item.objects.get(pk=pending_item.pk)
    assert item.status == Item.Status.IN_PROGRESS
    decision = ClosureDecision.objects.get(item=item)
    assert decision.kind == ClosureDecision.Kind.RETURNED
    assert decision.note == "The audit results are missing."
    assert (
        "The audit results are missing." in item.history.first().history_change_reason
    )


def test_returning_without_a_reason_saves_nothing(client_for, reviewer, pending_item):
    response = _post(client_for(reviewer), pending_item, decision="return", note=" ")
    assert response.status_code == 400
    assert "Give the reason for returning the item" in response.content.decode()
    pending_item.refresh_from_db()
    assert pending_item.status == Item.Status.PENDING_SIGN_OFF
    assert not ClosureDecision.objects.exists()


def test_a_reviewer_cannot_sign_off_their_own_proposal(client_for, reviewer, item):
    from recommendations import services as rec_services

    rec_services.progress_update_record(
        item_id=item.pk,
        actor=reviewer,
        expected_version=item.version,
        text="Done",
        status_to=Item.Status.PENDING_SIGN_OFF,
        evidence_link="https://example.org/e",
    )
    item.refresh_from_db()
    response = _post(client_for(reviewer), item)
    assert response.status_code == 400
    assert "another reviewer must sign it off" in response.content.decode()
    item.refresh_from_db()
    assert item.status == Item.Status.PENDING_SIGN_OFF


def test_stale_decision_gets_the_conflict_message(
    client_for, reviewer, staff, pending_item
):
    stale = pending_item.version
    # The lead withdraws the proposal meanwhile.
    from recommendations import services as rec_services

    rec_services.progress_update_record(
        item_id=pending_item.pk,
        actor=staff,
        expected_version=stale,
        text="Withdrawn: one more audit to attach.",
        status_to=Item.Status.IN_PROGRESS,
    )
    response = _post(client_for(reviewer), pending_item, version=stale)
    assert response.status_code == 400
    assert "This item was changed by Priya Shah" in response.content.decode()
    assert not ClosureDecision.objects.exists()


def test_an_item_not_pending_sign_off_cannot_be_decided(client_for, reviewer, item):
    response = _post(client_for(reviewer), item)
    assert response.status_code == 400
    assert "cannot be made" in response.content.decode()
    item.refresh_from_db()
    assert item.status == Item.Status.IN_PROGRESS


@pytest.mark.parametrize("role", ["staff", "panel", "outsider"])
def test_only_reviewers_decide(request, client_for, pending_item, role):
    client = client_for(request.getfixturevalue(role))
    assert client.get(_url(pending_item)).status_code == 403
    assert _post(client, pending_item).status_code == 403
    pending_item.refresh_from_db()
    assert pending_item.status == Item.Status.PENDING_SIGN_OFF


def test_anonymous_is_sent_to_sign_in(client, pending_item):
    response = _post(client, pending_item)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_service_refuses_staff_even_if_called_directly(staff, pending_item):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.closure_sign_off(
            item_id=pending_item.pk,
            actor=staff,
            expected_version=pending_item.version,
            note="",
        )


def test_decision_from_the_review_page_returns_there(
    client_for, reviewer, pending_item
):
    review = reverse("oversight:review")
    response = _post(client_for(reviewer), pending_item, next=review)
    assert response.status_code == 302
    assert response.url == review


def test_next_to_another_site_is_ignored(client_for, reviewer, pending_item):
    response = _post(client_for(reviewer), pending_item, next="https://evil.example/")
    assert response.url == reverse(
        "recommendations:item_detail", args=[pending_item.pk]
    )


def test_decision_page_shows_the_proposal_and_its_evidence(
    client_for, reviewer, pending_item
):
    html = client_for(reviewer).get(_url(pending_item)).content.decode()
    assert "All done: training delivered and audited." in html
    assert "https://intranet.example.org/evidence/42" in html


def test_returned_item_can_be_proposed_again_and_signed_off(
    client_for, reviewer, staff, pending_item
):
    _post(client_for(reviewer), pending_item, decision="return", note="Need minutes")
    pending_item.refresh_from_db()
    from recommendations import services as rec_services

    rec_services.progress_update_record(
        item_id=pending_item.pk,
        actor=staff,
        expected_version=pending_item.version,
        text="Minutes attached",
        status_to=Item.Status.PENDING_SIGN_OFF,
        evidence_link="https://example.org/minutes",
    )
    pending_item.refresh_from_db()
    assert _post(client_for(reviewer), pending_item).status_code == 302
    kinds = list(
        ClosureDecision.objects.order_by("decided_at").values_list("kind", flat=True)
    )
    assert kinds == ["returned", "signed_off"]
    signed = ClosureDecision.objects.get(kind="signed_off")
    assert "https://example.org/minutes" in signed.evidence
    statuses = list(
        ProgressUpdate.objects.filter(item=pending_item)
        .order_by("created_at", "id")
        .values_list("status_to", flat=True)
    )
    assert statuses == ["pending_sign_off", "in_progress", "pending_sign_off", "closed"]
