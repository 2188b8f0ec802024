"""Users in the admin are switched off, never deleted.

A user's name is on the history of everything they changed; deleting them would
rewrite that history (which the database refuses), so the admin offers no delete,
says so, and switching a user off ends their sessions for good.
"""

import logging

from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.urls import reverse

USERS = reverse("admin:auth_user_changelist")
NOTE = "Users are switched off, never deleted: untick Active"


def _user_data(user: User, **changes) -> dict:
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on" if user.is_active else "",
        "groups": [group.pk for group in user.groups.all()],
        "user_permissions": [],
        "date_joined_0": user.date_joined.date().isoformat(),
        "date_joined_1": user.date_joined.time().strftime("%H:%M:%S"),
        "last_login_0": "",
        "last_login_1": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


def test_a_user_with_history_cannot_be_deleted(client_for, administrator, item, staff):
    client = client_for(administrator)
    delete = reverse("admin:auth_user_delete", args=[staff.pk])
    assert client.get(delete).status_code == 403
    assert client.post(delete, {"post": "yes"}).status_code == 403
    listing = client.get(USERS).content.decode()
    assert "delete_selected" not in listing
    client.post(USERS, {"action": "delete_selected", "_selected_action": [staff.pk]})
    change = client.get(reverse("admin:auth_user_change", args=[staff.pk]))
    assert delete not in change.content.decode()
    assert User.objects.filter(pk=staff.pk).exists()


def test_the_admin_says_users_are_switched_off_not_deleted(
    client_for, administrator, staff
):
    client = client_for(administrator)
    assert NOTE in client.get(USERS).content.decode()
    change = client.get(reverse("admin:auth_user_change", args=[staff.pk]))
    assert NOTE in change.content.decode()


def test_switching_a_user_off_in_the_admin_ends_their_sessions(
    client_for, administrator, staff, panel, caplog
):
    caplog.set_level(logging.INFO, logger="tracker.security")
    items = reverse("recommendations:item_list")
    theirs, others = client_for(staff), client_for(panel)
    assert theirs.get(items).status_code == 200
    response = client_for(administrator).post(
        reverse("admin:auth_user_change", args=[staff.pk]),
        _user_data(staff, is_active=""),
    )
    assert response.status_code == 302
    staff.refresh_from_db()
    assert not staff.is_active
    assert theirs.get(items).url.startswith(reverse("login"))
    # Ended, not suspended: switching them back on does not reopen the session.
    staff.is_active = True
    staff.save()
    assert theirs.get(items).url.startswith(reverse("login"))
    assert Session.objects.count() == 2  # the panel member's and the admin's
    assert others.get(items).status_code == 200
    switched_off = [
        record.security["username"]
        for record in caplog.records
        if getattr(record, "security", {}).get("event") == "user_switched_off"
    ]
    assert switched_off == [staff.username]


def test_switching_off_selected_users_ends_their_sessions(
    client_for, administrator, staff, other_staff
):
    items = reverse("recommendations:item_list")
    theirs = client_for(staff)
    client_for(administrator).post(
        USERS,
        {"action": "switch_off", "_selected_action": [staff.pk, other_staff.pk]},
    )
    assert not User.objects.filter(pk__in=[staff.pk, other_staff.pk], is_active=True)
    staff.is_active = True
    staff.save()
    assert theirs.get(items).url.startswith(reverse("login"))
