"""Single sign-on against a stand-in OpenID Connect provider started by the tests."""

import urllib.parse
import urllib.request

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from accounts.models import ExternalIdentity
from recommendations.history import save_with_history

from .oidc_provider import Provider, _new_key


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
