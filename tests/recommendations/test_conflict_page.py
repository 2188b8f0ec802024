"""After "someone changed this item since you opened it", the form comes back with
the person's input, what changed beside it, and the current version: saving again
is a deliberate second save, not a certain second failure."""

import re

from django.urls import reverse

from recommendations import services


def _hidden_version(html: str) -> int:
    return int(re.search(r'name="version" value="(\d+)"', html)[1])


def test_a_stale_edit_keeps_the_input_shows_the_change_and_carries_the_new_version(
    client_for, staff, other_staff, item
):
    opened_at = item.version
    # Someone else changes the lead team after the form was opened.
    services.item_update_working_fields(
        item_id=item.pk,
        actor=other_staff,
        expected_version=opened_at,
        lead=item.lead,
        lead_team="Crime and Justice",
        target_date=item.target_date,
        reason="Moved to the new directorate",
    )
    client = client_for(staff)
    url = reverse("recommendations:item_edit", args=[item.pk])
    stale = client.post(
        url,
        {
            "version": opened_at,
            "lead": staff.pk,
            "lead_team": "Public Protection Unit",
            "reason": "Renamed team",
        },
    )
    assert stale.status_code == 400
    html = stale.content.decode()
    assert "was changed by Tom Evans" in html
    assert "Changed since you opened this page" in html
    assert "Moved to the new directorate" in html
    # Before and now, beside the person's own input, which is kept.
    assert re.search(
        r"Lead team</th><td[^>]*>Public Protection</td><td[^>]*>Crime and Justice", html
    )
    assert 'value="Public Protection Unit"' in html
    assert "Renamed team</textarea>" in html
    item.refresh_from_db()
    assert _hidden_version(html) == item.version
    assert item.lead_team == "Crime and Justice"

    # Saving again, deliberately, now works.
    again = client.post(
        url,
        {
            "version": _hidden_version(html),
            "lead": staff.pk,
            "lead_team": "Public Protection Unit",
            "reason": "Renamed team",
        },
    )
    assert again.status_code == 302
    item.refresh_from_db()
    assert item.lead_team == "Public Protection Unit"


def test_a_stale_progress_update_comes_back_with_the_current_version(
    client_for, staff, other_staff, item
):
    opened_at = item.version
    services.item_update_working_fields(
        item_id=item.pk,
        actor=other_staff,
        expected_version=opened_at,
        lead=other_staff,
        lead_team=item.lead_team,
        target_date=item.target_date,
        reason="Tom takes it",
    )
    client = client_for(staff)
    url = reverse("recommendations:item_progress", args=[item.pk])
    data = {
        "version": opened_at,
        "text": "Met the team",
        "status_to": "pending_sign_off",
        "evidence_link": "https://intranet.example.org/e/1",
    }
    stale = client.post(url, data)
    html = stale.content.decode()
    assert stale.status_code == 400
    assert "Changed since you opened this page" in html
    assert "Priya Shah" in html and "Tom Evans" in html  # the lead, before and now
    assert "Met the team</textarea>" in html
    item.refresh_from_db()
    assert _hidden_version(html) == item.version
    assert client.post(url, {**data, "version": item.version}).status_code == 302
