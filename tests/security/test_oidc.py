"""Single sign-on against a stand-in OpenID Connect provider started by the tests."""

import logging
import socket
import urllib.parse
import urllib.request

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from accounts import oidc
from accounts.models import ExternalIdentity
from recommendations.history import save_with_history

from .oidc_provider import Provider, _new_key

NOT_ANSWERING = (
    "Your organisation&#x27;s sign-in service is not answering. Try again later, or "
    "sign in with your password."
)


@pytest.fixture
def provider(settings):
    with Provider() as running:
        settings.OIDC_ENABLED = True
        settings.OIDC_ISSUER = running.issuer
        settings.OIDC_CLIENT_ID = running.client_id
        settings.OIDC_CLIENT_SECRET = running.client_secret
        cache.clear()
        yield running
    cache.clear()


@pytest.fixture
def linked(provider, staff, administrator):
    identity = ExternalIdentity(user=staff, issuer=provider.issuer, subject="sub-0001")
    save_with_history(identity, actor=administrator, reason="Linked to Entra ID")
    return identity


def _authorize(
    client: Client, secure: bool = False, **start_params
) -> tuple[str, dict[str, str]]:
    """Start sign-in and let the provider answer: the callback's path and query."""
    start = client.get(reverse("oidc_start"), start_params, secure=secure)
    assert start.status_code == 302
    authorize = start["Location"]
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlparse(authorize).query))
    assert query["code_challenge_method"] == "S256"
    assert len(query["code_challenge"]) == 43
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        opener.open(authorize)
    except urllib.error.HTTPError as redirect:
        callback = redirect.headers["Location"]
    parsed = urllib.parse.urlparse(callback)
    return parsed.path, dict(urllib.parse.parse_qsl(parsed.query))


def _follow_provider(client: Client, secure: bool = False, **start_params) -> object:
    """Start sign-in, let the provider answer, return our callback's response."""
    path, query = _authorize(client, secure=secure, **start_params)
    return client.get(path, query, secure=secure)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _signed_in_as(client: Client):
    from django.contrib.auth import get_user_model

    user_id = client.session.get("_auth_user_id")
    return get_user_model().objects.get(pk=user_id) if user_id else None


def _events(caplog, event: str) -> list[dict]:
    return [
        record.security
        for record in caplog.records
        if record.name == "tracker.security" and record.security["event"] == event
    ]


def _closed_port() -> int:
    """A loopback port nothing listens on (it was free a moment ago)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_linked_user_signs_in_through_the_provider(provider, linked, staff):
    client = Client()
    response = _follow_provider(client, next="/reports/")
    assert response.status_code == 302
    assert response["Location"] == "/reports/"
    assert _signed_in_as(client) == staff
    token_request = provider.token_requests[-1]
    assert token_request["grant_type"] == "authorization_code"
    assert len(token_request["code_verifier"]) >= 43


@pytest.mark.parametrize(
    "off_site",
    [
        "https://evil.example/",
        "//evil.example/reports/",
        "http://testserver.evil/",
        "https://testserver@evil.example/",
        "/\\evil.example/",
        "javascript:alert(1)",
    ],
)
def test_an_off_site_next_is_not_followed(provider, linked, staff, off_site):
    client = Client()
    response = _follow_provider(client, next=off_site)
    assert response.status_code == 302
    assert response["Location"] == reverse("recommendations:item_list")
    assert _signed_in_as(client) == staff


@pytest.mark.parametrize(
    "on_site", ["/reports/?status=open", "http://testserver/reports/"]
)
def test_an_on_site_next_is_followed(provider, linked, staff, on_site):
    client = Client()
    response = _follow_provider(client, next=on_site)
    assert response.status_code == 302
    assert response["Location"] == on_site
    assert _signed_in_as(client) == staff


@pytest.mark.parametrize(
    ("next_url", "followed"),
    [("https://testserver/reports/", True), ("http://testserver/reports/", False)],
)
def test_over_https_only_an_https_next_is_followed(
    provider, linked, staff, next_url, followed
):
    client = Client()
    response = _follow_provider(client, secure=True, next=next_url)
    expected = next_url if followed else reverse("recommendations:item_list")
    assert response["Location"] == expected
    assert _signed_in_as(client) == staff


def test_no_next_goes_to_the_item_list(provider, linked, staff):
    client = Client()
    response = _follow_provider(client)
    assert response["Location"] == reverse("recommendations:item_list")
    assert _signed_in_as(client) == staff


def test_users_are_matched_on_subject_not_email(provider, linked, staff, other_staff):
    # The provider says the email is Tom's, but the subject is Priya's.
    provider.email = other_staff.email
    client = Client()
    _follow_provider(client)
    assert _signed_in_as(client) == staff


def test_an_unknown_subject_is_refused_and_nobody_is_created(provider, linked):
    from django.contrib.auth import get_user_model

    provider.subject = "sub-9999"
    before = get_user_model().objects.count()
    client = Client()
    response = _follow_provider(client)
    assert response.status_code == 302
    assert _signed_in_as(client) is None
    assert get_user_model().objects.count() == before


def test_a_switched_off_user_is_refused(provider, linked, staff):
    staff.is_active = False
    staff.save()
    client = Client()
    _follow_provider(client)
    assert _signed_in_as(client) is None


def test_a_token_signed_with_another_key_is_refused(provider, linked):
    provider.signing_key = _new_key()
    client = Client()
    _follow_provider(client)
    assert _signed_in_as(client) is None


def test_a_replayed_nonce_is_refused(provider, linked):
    provider.nonce_override = "someone-elses-nonce"
    client = Client()
    _follow_provider(client)
    assert _signed_in_as(client) is None


def test_a_forged_state_is_refused(provider, linked):
    client = Client()
    client.get(reverse("oidc_start"))
    response = client.get(reverse("oidc_callback"), {"code": "x", "state": "forged"})
    assert response.status_code == 302
    assert _signed_in_as(client) is None
    assert provider.token_requests == []  # refused before asking for tokens


def test_pkce_is_checked_by_the_provider(provider, linked):
    # Swap the verifier kept in the session: the provider refuses the code.
    client = Client()
    start = client.get(reverse("oidc_start"))
    session = client.session
    flow = session["oidc_flow"]
    flow["verifier"] = "x" * 64
    session["oidc_flow"] = flow
    session.save()
    authorize = start["Location"]
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        opener.open(authorize)
    except urllib.error.HTTPError as redirect:
        parsed = urllib.parse.urlparse(redirect.headers["Location"])
    client.get(parsed.path, dict(urllib.parse.parse_qsl(parsed.query)))
    assert _signed_in_as(client) is None


def test_single_sign_on_is_off_by_default(client, db):
    assert client.get(reverse("oidc_start")).status_code == 404
    assert "organisation account" not in client.get(reverse("login")).content.decode()


def test_sign_in_page_offers_single_sign_on_when_on(provider, client):
    assert (
        "Sign in with your organisation account"
        in client.get(reverse("login")).content.decode()
    )


# The provider's clock: a little fast or slow is allowed (OIDC_CLOCK_SKEW_SECONDS).


@pytest.mark.parametrize(
    "offset",
    [
        5,  # a few seconds fast: issued "in the future" by our clock
        45,  # further ahead, still within the minute allowed
        -330,  # slow: by our clock the five-minute token expired half a minute ago
    ],
)
def test_a_provider_clock_a_little_out_is_allowed(provider, linked, staff, offset):
    provider.clock_offset = offset
    client = Client()
    _follow_provider(client)
    assert _signed_in_as(client) == staff


@pytest.mark.parametrize("offset", [120, -420])
def test_a_provider_clock_beyond_the_leeway_is_refused(
    provider, linked, caplog, offset
):
    caplog.set_level(logging.INFO, logger="tracker.security")
    provider.clock_offset = offset
    client = Client()
    _follow_provider(client)
    assert _signed_in_as(client) is None
    (refused,) = _events(caplog, "sso_refused")
    assert "ID token refused" in refused["reason"]


def test_the_leeway_is_the_setting(provider, linked, settings):
    settings.OIDC_CLOCK_SKEW_SECONDS = 0
    provider.clock_offset = 5
    client = Client()
    _follow_provider(client)
    assert _signed_in_as(client) is None


def test_the_leeway_comes_from_the_environment():
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {**os.environ, "SECRET_KEY": "x" * 50, "OIDC_CLOCK_SKEW_SECONDS": "15"}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from config import settings; print(settings.OIDC_CLOCK_SKEW_SECONDS)",
        ],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "15"


# Discovery and keys: fetched once, not per sign-in; the keys again for a new kid.


def test_discovery_and_keys_are_fetched_once_for_many_sign_ins(provider, linked):
    for _ in range(3):
        client = Client()
        _follow_provider(client)
        assert _signed_in_as(client) is not None
    assert provider.fetched.count("/.well-known/openid-configuration") == 1
    assert provider.fetched.count("/jwks") == 1


def test_rotated_keys_are_fetched_again_once(provider, linked, staff):
    _follow_provider(Client())
    provider.rotate_key("k2")
    client = Client()
    _follow_provider(client)
    assert _signed_in_as(client) == staff
    assert provider.fetched.count("/jwks") == 2
    # The new set is what is cached now.
    _follow_provider(Client())
    assert provider.fetched.count("/jwks") == 2


def test_a_token_naming_an_unpublished_key_is_refused(provider, linked):
    _follow_provider(Client())
    provider.signing_key = _new_key("k9")
    client = Client()
    _follow_provider(client)
    assert _signed_in_as(client) is None
    assert provider.fetched.count("/jwks") == 2  # one fetch again, no more


# A provider that does not answer: back to the sign-in page, with a message, never
# a server error, and a line in the security log.


def _assert_sent_back_with_the_message(client, response, caplog, next_url=""):
    assert response.status_code == 302
    expected = reverse("login")
    if next_url:
        expected += "?" + urllib.parse.urlencode({"next": next_url})
    assert response["Location"] == expected
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert NOT_ANSWERING in page.content.decode()
    assert _signed_in_as(client) is None
    (logged,) = _events(caplog, "sso_provider_unavailable")
    assert logged["reason"]


@pytest.fixture
def unreachable(settings):
    settings.OIDC_ENABLED = True
    settings.OIDC_ISSUER = f"http://127.0.0.1:{_closed_port()}"
    settings.OIDC_CLIENT_ID = "tracker"
    cache.clear()


def test_an_unreachable_provider_sends_people_back_with_a_message(
    unreachable, caplog, db
):
    caplog.set_level(logging.INFO, logger="tracker.security")
    client = Client(raise_request_exception=False)
    response = client.get(reverse("oidc_start"), {"next": "/reports/"})
    _assert_sent_back_with_the_message(client, response, caplog, next_url="/reports/")


def test_an_off_site_next_is_not_kept_when_the_provider_is_unreachable(
    unreachable, caplog, db
):
    caplog.set_level(logging.INFO, logger="tracker.security")
    client = Client(raise_request_exception=False)
    response = client.get(reverse("oidc_start"), {"next": "https://evil.example/"})
    _assert_sent_back_with_the_message(client, response, caplog)


def test_a_provider_that_never_answers_times_out_with_a_message(
    settings, caplog, db, monkeypatch
):
    caplog.set_level(logging.INFO, logger="tracker.security")
    monkeypatch.setattr(oidc, "TIMEOUT", 0.5)
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        settings.OIDC_ENABLED = True
        settings.OIDC_ISSUER = f"http://127.0.0.1:{silent.getsockname()[1]}"
        settings.OIDC_CLIENT_ID = "tracker"
        client = Client(raise_request_exception=False)
        response = client.get(reverse("oidc_start"))
    _assert_sent_back_with_the_message(client, response, caplog)


@pytest.mark.parametrize("how", ["status", "json"])
def test_a_broken_discovery_document_sends_people_back_with_a_message(
    provider, caplog, db, how
):
    caplog.set_level(logging.INFO, logger="tracker.security")
    provider.failing["/.well-known/openid-configuration"] = how
    client = Client(raise_request_exception=False)
    response = client.get(reverse("oidc_start"))
    _assert_sent_back_with_the_message(client, response, caplog)


@pytest.mark.parametrize("path", ["/token", "/jwks"])
@pytest.mark.parametrize("how", ["status", "json"])
def test_a_failing_token_or_key_address_sends_people_back_with_a_message(
    provider, linked, caplog, path, how
):
    caplog.set_level(logging.INFO, logger="tracker.security")
    provider.failing[path] = how
    client = Client(raise_request_exception=False)
    response = _follow_provider(client, next="/reports/")
    _assert_sent_back_with_the_message(client, response, caplog, next_url="/reports/")
    assert not _events(caplog, "sso_refused")


def test_a_provider_gone_before_the_callback_sends_people_back_with_a_message(
    provider, linked, caplog
):
    caplog.set_level(logging.INFO, logger="tracker.security")
    client = Client(raise_request_exception=False)
    path, query = _authorize(client)
    provider.server.shutdown()
    provider.server.server_close()  # the token address now refuses connections
    response = client.get(path, query)
    _assert_sent_back_with_the_message(client, response, caplog)


def test_a_state_that_is_not_ascii_is_refused_not_a_server_error(provider, linked):
    client = Client(raise_request_exception=False)
    client.get(reverse("oidc_start"))
    response = client.get(reverse("oidc_callback"), {"code": "x", "state": "ünïcode"})
    assert response.status_code == 302
    assert _signed_in_as(client) is None


def test_a_provider_that_did_not_answer_is_not_asked_again_for_a_while(
    provider, caplog, db
):
    """While it is down, each sign-in is told at once, not after the time-out."""
    caplog.set_level(logging.INFO, logger="tracker.security")
    provider.failing["/.well-known/openid-configuration"] = "status"
    client = Client(raise_request_exception=False)
    _assert_sent_back_with_the_message(
        client, client.get(reverse("oidc_start")), caplog
    )
    asked = provider.fetched.count("/.well-known/openid-configuration")
    assert asked == 1
    again = client.get(reverse("oidc_start"))
    assert again.status_code == 302 and "/sign-in/" in again["Location"]
    assert provider.fetched.count("/.well-known/openid-configuration") == asked
    # Once the pause is over (the cache entry gone) and the provider answers again.
    provider.failing.clear()
    cache.delete(oidc._down_key())
    back = client.get(reverse("oidc_start"))
    assert back["Location"].startswith(provider.issuer)
