import datetime as dt
import json
import logging

import pytest
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import SignInFailure, SignInLock
from tests.conftest import PASSWORD

LOGIN = reverse("login")
ITEMS = reverse("recommendations:item_list")
ADMIN_LOGIN = reverse("admin:login")
ADMIN_INDEX = reverse("admin:index")


def _sign_in(client, username, password, address="192.0.2.10"):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_repeated_failures_lock_the_account_with_a_clear_message(staff, settings):
    settings.SIGNIN_MAX_FAILURES_PER_ACCOUNT = 3
    client = Client()
    for _ in range(3):
        assert _sign_in(client, staff.username, "wrong").status_code == 200
    response = _sign_in(client, staff.username, PASSWORD)
    assert response.status_code == 200
    assert "Too many failed attempts to sign in" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get(ITEMS).url.startswith(LOGIN)
    # From another address too: the account is what is locked.
    other = Client()
    response = _sign_in(other, staff.username, PASSWORD, address="198.51.100.7")
    assert response.status_code == 200
    assert "Too many failed attempts to sign in" in response.content.decode()
    assert "_auth_user_id" not in other.session
    assert other.get(ITEMS).url.startswith(LOGIN)


def _count_password_checks(monkeypatch) -> list[str]:
    """The usernames whose password is checked, in order."""
    checked: list[str] = []
    original = ModelBackend.authenticate

    def counting(self, request, username=None, password=None, **kwargs):
        checked.append(username)
        return original(self, request, username=username, password=password, **kwargs)

    monkeypatch.setattr(ModelBackend, "authenticate", counting)
    return checked


def test_the_admin_signs_in_only_through_the_trackers_page_and_throttle(
    administrator, settings, monkeypatch
):
    checked = _count_password_checks(monkeypatch)
    client = Client()
    # The admin's own sign-in address checks no password and opens no session.
    for _ in range(22):
        response = client.post(
            ADMIN_LOGIN, {"username": administrator.username, "password": "wrong"}
        )
        assert response.status_code == 302
        assert response.url.startswith(LOGIN)
    assert checked == []
    # Guesses at the tracker's page are counted, whichever page sent them there.
    for _ in range(22):
        _sign_in(client, administrator.username, "wrong")
    assert len(checked) == settings.SIGNIN_MAX_FAILURES_PER_ACCOUNT
    response = client.post(
        ADMIN_LOGIN, {"username": administrator.username, "password": PASSWORD}
    )
    assert "_auth_user_id" not in client.session
    response = _sign_in(client, administrator.username, PASSWORD)
    assert "Too many failed attempts to sign in" in response.content.decode()
    assert "_auth_user_id" not in client.session
    admin_page = client.get(ADMIN_INDEX, follow=True)
    assert admin_page.redirect_chain[-1][0].startswith(LOGIN)
    loading = client.get(reverse("recommendations:loading_start"))
    assert loading.url.startswith(LOGIN)
    assert len(checked) == settings.SIGNIN_MAX_FAILURES_PER_ACCOUNT


def test_the_admin_sends_people_to_the_trackers_sign_in_and_back(administrator):
    client = Client()
    response = client.get(ADMIN_LOGIN, {"next": "/admin/recommendations/item/"})
    assert response.status_code == 302
    assert response.url == f"{LOGIN}?next=/admin/recommendations/item/"
    response = client.get(f"{ADMIN_LOGIN}?next=https://evil.example/")
    assert response.url == f"{LOGIN}?next=/admin/"
    page = client.get(response.url)
    assert 'name="next" value="/admin/"' in page.content.decode()
    response = client.post(
        LOGIN,
        {"username": administrator.username, "password": PASSWORD, "next": "/admin/"},
    )
    assert response.url == ADMIN_INDEX
    assert client.get(ADMIN_INDEX).status_code == 200
    # Signed in already: the admin's sign-in address goes straight on.
    assert client.get(ADMIN_LOGIN).url == ADMIN_INDEX


def test_someone_signed_in_without_the_admin_is_refused_not_looped(client_for, staff):
    client = client_for(staff)
    response = client.get(ADMIN_INDEX)
    assert response.status_code == 302
    assert client.get(response.url).status_code == 403


def test_an_attempt_is_counted_before_its_password_is_checked(staff, monkeypatch):
    counted_during_check = []
    original = ModelBackend.authenticate

    def check(self, request, username=None, password=None, **kwargs):
        counted_during_check.append(
            SignInFailure.objects.filter(username=username).count()
        )
        return original(self, request, username=username, password=password, **kwargs)

    monkeypatch.setattr(ModelBackend, "authenticate", check)
    for _ in range(3):
        _sign_in(Client(), staff.username, "wrong")
    assert counted_during_check == [1, 2, 3]
    assert SignInFailure.objects.filter(username=staff.username).count() == 3


def test_a_right_password_is_not_counted_as_a_failure(staff, settings):
    settings.SIGNIN_MAX_FAILURES_PER_ACCOUNT = 5
    for _ in range(4):
        _sign_in(Client(), staff.username, "wrong")
    client = Client()
    assert _sign_in(client, staff.username, PASSWORD).status_code == 302
    assert SignInFailure.objects.filter(username=staff.username).count() == 4
    assert _sign_in(Client(), staff.username, PASSWORD).status_code == 302


def test_the_lock_lifts_after_the_window(staff, settings):
    settings.SIGNIN_MAX_FAILURES_PER_ACCOUNT = 2
    for _ in range(2):
        _sign_in(Client(), staff.username, "wrong")
    SignInFailure.objects.filter(username=staff.username).update(
        at=timezone.now() - dt.timedelta(minutes=settings.SIGNIN_LOCKOUT_MINUTES + 1)
    )
    client = Client()
    assert _sign_in(client, staff.username, PASSWORD).status_code == 302


def test_failures_past_the_window_are_pruned_by_the_daily_command(staff, settings):
    import io

    from django.core.management import call_command

    for _ in range(3):
        _sign_in(Client(), staff.username, "wrong")
    old = timezone.now() - dt.timedelta(minutes=settings.SIGNIN_LOCKOUT_MINUTES + 1)
    SignInFailure.objects.filter(pk__in=SignInFailure.objects.values("pk")[:2]).update(
        at=old
    )
    _sign_in(Client(), "someone-else", "wrong", address="203.0.113.50")
    SignInLock.objects.filter(key__endswith="203.0.113.50").update(touched_at=old)
    SignInLock.objects.filter(key="account:someone-else").update(touched_at=old)
    out = io.StringIO()
    call_command("prunesigninfailures", stdout=out)
    assert "Deleted 2 failed sign-ins" in out.getvalue()
    assert SignInFailure.objects.count() == 2
    assert all(failure.at > old for failure in SignInFailure.objects.all())
    # The locks of names and addresses not tried in the window go too.
    assert set(SignInLock.objects.values_list("key", flat=True)) == {
        f"account:{staff.username}",
        "address:192.0.2.10",
    }


def test_repeated_failures_from_one_address_lock_that_address(staff, panel, settings):
    settings.SIGNIN_MAX_FAILURES_PER_ADDRESS = 4
    for n in range(4):
        _sign_in(Client(), f"guess{n}", "wrong", address="203.0.113.9")
    client = Client()
    response = _sign_in(client, panel.username, PASSWORD, address="203.0.113.9")
    assert "Too many failed attempts" in response.content.decode()
    elsewhere = Client()
    assert _sign_in(elsewhere, panel.username, PASSWORD).status_code == 302


def test_password_validators_refuse_weak_passwords(staff):
    for weak in ("short1", "password1234", "123456789012", "priya@example.org"):
        with pytest.raises(ValidationError):
            validate_password(weak, user=staff)
    validate_password("correct-horse-battery-staple-7", user=staff)


def test_sessions_end_after_inactivity(client_for, panel, settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    client = client_for(panel)
    assert client.get(ITEMS).status_code == 200
    Session.objects.all().update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    response = client.get(ITEMS)
    assert response.status_code == 302
    assert response.url.startswith(LOGIN)


def test_a_request_renews_the_session_at_most_once_a_minute(
    client_for, panel, settings
):
    client = client_for(panel)
    client.get(ITEMS)
    session = Session.objects.get()
    # Nearly expired, but renewed under a minute ago: the row is left alone.
    soon = timezone.now() + dt.timedelta(seconds=30)
    Session.objects.all().update(expire_date=soon)
    client.get(ITEMS)
    assert Session.objects.get().expire_date == soon
    # Renewed over a minute ago: the next request renews the idle timeout.
    data = session.get_decoded()
    data["_renewed_at"] -= settings.SESSION_RENEW_AFTER_SECONDS
    Session.objects.all().update(session_data=SessionStore().encode(data))
    started = timezone.now()
    assert client.get(ITEMS).status_code == 200
    renewed = Session.objects.get().expire_date
    assert renewed >= started + dt.timedelta(seconds=settings.SESSION_COOKIE_AGE - 1)


def test_session_idle_time_comes_from_the_environment():
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {**os.environ, "SECRET_KEY": "x" * 50, "SESSION_IDLE_SECONDS": "600"}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from config import settings; print(settings.SESSION_COOKIE_AGE)",
        ],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "600"


def test_signing_out_ends_the_session(client_for, panel):
    client = client_for(panel)
    key = client.session.session_key
    client.post(reverse("logout"))
    assert not Session.objects.filter(session_key=key).exists()
    assert client.get(ITEMS).status_code == 302


def test_deactivating_a_user_ends_their_sessions(client_for, staff):
    client = client_for(staff)
    assert client.get(ITEMS).status_code == 200
    staff.is_active = False
    staff.save()
    response = client.get(ITEMS)
    assert response.status_code == 302
    assert response.url.startswith(LOGIN)


def _events(caplog) -> list[dict]:
    return [
        record.security
        for record in caplog.records
        if record.name == "tracker.security"
    ]


def test_sign_ins_failures_and_refusals_are_logged(caplog, staff, client_for, panel):
    caplog.set_level(logging.INFO, logger="tracker.security")
    _sign_in(Client(), staff.username, "wrong", address="192.0.2.44")
    _sign_in(Client(), staff.username, PASSWORD, address="192.0.2.45")
    client_for(panel).get(reverse("recommendations:loading_start"))
    events = _events(caplog)
    kinds = [e["event"] for e in events]
    assert "sign_in_failed" in kinds
    assert "sign_in" in kinds
    failed = next(e for e in events if e["event"] == "sign_in_failed")
    assert failed["username"] == staff.username
    assert failed["ip"] == "192.0.2.44"
    refused = next(e for e in events if e["event"] == "permission_denied")
    assert refused["user"] == panel.username
    assert refused["path"] == reverse("recommendations:loading_start")
    assert "wrong" not in json.dumps(events)  # passwords never reach the log


def test_security_log_lines_are_json(staff):
    from accounts.logs import JsonFormatter

    record = logging.LogRecord(
        "tracker.security", logging.INFO, __file__, 1, "sign_in", None, None
    )
    record.security = {"event": "sign_in", "user": "priya", "ip": "192.0.2.1"}
    line = json.loads(JsonFormatter().format(record))
    assert line["event"] == "sign_in" and line["ip"] == "192.0.2.1"


def test_imports_are_logged(caplog, client_for, administrator):
    from django.core.files.uploadedfile import SimpleUploadedFile

    caplog.set_level(logging.INFO, logger="tracker.security")
    client = client_for(administrator)
    client.post(
        reverse("recommendations:loading_upload"),
        {
            "file": SimpleUploadedFile(
                "r.csv",
                b"title,R\nkind,PEEL\npublished on,01/01/2024\n\n"
                b"reference,owners,text\n1,PCC,Some recommendation text\n",
            )
        },
    )
    html = client.get(reverse("recommendations:loading_preview")).content.decode()
    token = html.split('name="token" value="')[1].split('"')[0]
    client.post(
        reverse("recommendations:loading_confirm"), {"token": token, "add_new": "on"}
    )
    imported = [e for e in _events(caplog) if e["event"] == "report_imported"]
    assert imported and imported[0]["added"] == 1


def test_the_lockout_message_counts_minutes_in_words(settings):
    from accounts.throttle import ThrottledAuthenticationForm

    settings.SIGNIN_LOCKOUT_MINUTES = 1
    assert "Wait 1 minute and" in ThrottledAuthenticationForm().throttled_message()
    settings.SIGNIN_LOCKOUT_MINUTES = 15
    assert "Wait 15 minutes and" in ThrottledAuthenticationForm().throttled_message()


@pytest.mark.parametrize("forwarded", ["not-an-address", "192.0.2.1, evil", "  "])
def test_a_forwarded_address_that_is_no_address_does_not_break_signing_in(
    staff, settings, forwarded
):
    from accounts.logs import client_address

    settings.TRUST_X_FORWARDED_FOR = True
    client = Client(HTTP_X_FORWARDED_FOR=forwarded)
    response = client.post(
        reverse("login"), {"username": staff.username, "password": "wrong"}
    )
    assert response.status_code == 200
    failure = SignInFailure.objects.get()
    assert failure.ip_address is None
    from django.test import RequestFactory

    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert client_address(request) == "198.51.100.7"
