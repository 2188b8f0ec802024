from django.urls import reverse

from recommendations.models import Item


def _form_data(item: Item, **changes):
    data = {
        "version": item.version,
        "report": item.report_id,
        "reference": item.reference,
        "kind": item.kind,
        "text": item.text,
        "owners": ["chief_constable", "pcc"],
        "cause_of_concern": "",
        "hmicfrs_id": "",
        "lead": item.lead_id or "",
        "lead_team": item.lead_team,
        "status": item.status,
        "status_reason": "",
        "original_target_date": item.original_target_date or "",
        "target_date": item.target_date or "",
        "change_reason": "Corrected the owners from the published report",
    }
    data.update(changes)
    return data


def test_admin_change_records_user_and_reason(client_for, administrator, item):
    url = reverse("admin:recommendations_item_change", args=[item.pk])
    response = client_for(administrator).post(url, _form_data(item))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.owner_codes == ["chief_constable", "pcc"]
    assert item.version == 2
    record = item.history.first()
    assert record.history_user == administrator
    assert (
        record.history_change_reason == "Corrected the owners from the published report"
    )


def test_admin_change_without_a_reason_saves_nothing(client_for, administrator, item):
    url = reverse("admin:recommendations_item_change", args=[item.pk])
    response = client_for(administrator).post(url, _form_data(item, change_reason=""))
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.owner_codes == ["chief_constable"]
    assert item.history.count() == 1


def test_admin_site_is_closed_to_other_roles(client_for, staff, reviewer, panel, item):
    url = reverse("admin:recommendations_item_changelist")
    for user in (staff, reviewer, panel):
        response = client_for(user).get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response.url


def test_admin_can_see_item_history(client_for, administrator, item):
    url = reverse("admin:recommendations_item_history", args=[item.pk])
    response = client_for(administrator).get(url)
    assert response.status_code == 200
    assert "Test set-up" in response.content.decode()


def test_progress_updates_are_read_only_in_admin(client_for, administrator):
    url = reverse("admin:recommendations_progressupdate_add")
    assert client_for(administrator).get(url).status_code == 403
