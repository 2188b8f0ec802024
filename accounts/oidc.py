"""Single sign-on with the force's identity provider over OpenID Connect.

Optional and off by default (OIDC_ENABLED). The protocol is Authlib's: its OAuth 2
client builds the authorisation request (the code flow with PKCE S256, a state and a
nonce) and exchanges the code for tokens; joserfc, Authlib's JOSE library, checks
the ID token's signature against the provider's published keys; Authlib's OpenID
Connect rules check its issuer, audience, expiry, nonce and authorised party,
allowing OIDC_CLOCK_SKEW_SECONDS for a provider whose clock is a little fast or slow.

The discovery document and the keys are cached; the keys are fetched again, once,
when a token names a key the cached set lacks (the provider rotated its keys). A
provider that does not answer, or answers with something unusable, sends the person
back to the sign-in page with a message: never a server error.

Users are matched on (issuer, subject): the provider's stable identifier, never the
email address. Nobody is created on the fly, and switched-off accounts are refused.
"""

import secrets
from typing import Any
from urllib.parse import urlencode

import requests
from authlib.integrations.requests_client import OAuth2Session, OAuthError
from authlib.oidc.core import CodeIDToken
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from joserfc import jwt
from joserfc.errors import InvalidKeyIdError, JoseError
from joserfc.jwk import KeySet
from joserfc.jws import JWSRegistry

from .logs import security_log
from .models import ExternalIdentity

SESSION_KEY = "oidc_flow"
# Seconds to wait for the provider to connect, and then for each read.
TIMEOUT = 10
# How long the discovery document and the keys are kept (keys the cached set lacks
# are fetched at once, whatever their age).
CACHE_SECONDS = 3600
ALGORITHMS = ["RS256", "PS256", "ES256"]
ENDPOINTS = ("authorization_endpoint", "token_endpoint", "jwks_uri")


class SignInRefused(Exception):
    """The provider's answer cannot sign anyone in; the message is for the log."""


class ProviderUnavailable(Exception):
    """The provider did not answer, or not usably; the message is for the log."""


# A provider that did not answer is not asked again for this long: while it is
# down, each sign-in is told so at once instead of waiting out the time-out.
DOWN_SECONDS = 30


def _down_key() -> str:
    return f"oidc-down:{settings.OIDC_ISSUER}"


def _get_json(url: str) -> dict[str, Any]:
    if cache.get(_down_key()):
        raise ProviderUnavailable(
            f"{url}: not asked (no usable answer in the last {DOWN_SECONDS} s)"
        )
    try:
        response = requests.get(
            url, headers={"Accept": "application/json"}, timeout=TIMEOUT
        )
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as error:
        cache.set(_down_key(), True, DOWN_SECONDS)
        raise ProviderUnavailable(f"{url}: {error}") from error
    if not isinstance(document, dict):
        raise ProviderUnavailable(f"{url}: not a JSON object")
    return document


def discovery() -> dict[str, Any]:
    """The provider's discovery document: fetched, checked, then cached."""
    key = f"oidc-discovery:{settings.OIDC_ISSUER}"
    document = cache.get(key)
    if document is None:
        document = _get_json(
            settings.OIDC_ISSUER.rstrip("/") + "/.well-known/openid-configuration"
        )
        if document.get("issuer") != settings.OIDC_ISSUER:
            raise ProviderUnavailable("discovery document names another issuer")
        missing = [
            name for name in ENDPOINTS if not isinstance(document.get(name), str)
        ]
        if missing:
            raise ProviderUnavailable(f"discovery document lacks {', '.join(missing)}")
        cache.set(key, document, CACHE_SECONDS)
    return document


def _import_keys(published: Any) -> KeySet:
    try:
        return KeySet.import_key_set(published)
    except (JoseError, KeyError, TypeError, ValueError) as error:
        raise ProviderUnavailable(f"published keys unusable: {error!r}") from error


def _key_set(jwks_uri: str, *, refresh: bool = False) -> KeySet:
    """The provider's published keys, from the cache unless `refresh`."""
    key = f"oidc-jwks:{jwks_uri}"
    published = None if refresh else cache.get(key)
    if published is not None:
        return _import_keys(published)
    published = _get_json(jwks_uri)
    keys = _import_keys(published)  # only a usable set is cached
    cache.set(key, published, CACHE_SECONDS)
    return keys


def _redirect_uri(request: HttpRequest) -> str:
    return request.build_absolute_uri(reverse("oidc_callback"))


def _client(request: HttpRequest) -> OAuth2Session:
    """Authlib's OAuth 2 client for one sign-in, from the settings."""
    secret = settings.OIDC_CLIENT_SECRET
    return OAuth2Session(
        client_id=settings.OIDC_CLIENT_ID,
        client_secret=secret or None,
        # A confidential client sends its secret in the form body; a public one
        # (no secret) relies on PKCE alone.
        token_endpoint_auth_method="client_secret_post" if secret else "none",
        scope=settings.OIDC_SCOPES,
        redirect_uri=_redirect_uri(request),
        code_challenge_method="S256",
        default_timeout=TIMEOUT,
    )


def _require_enabled() -> None:
    if not settings.OIDC_ENABLED:
        raise Http404


def _allowed_next(request: HttpRequest, next_url: str) -> str:
    """`next_url` if it stays on this site (over HTTPS if this request is), or ''."""
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return ""


def _to_sign_in(request: HttpRequest, next_url: str) -> HttpResponse:
    """The sign-in page, keeping an on-site `next` for a password sign-in."""
    url = reverse("login")
    next_url = _allowed_next(request, next_url)
    return redirect(f"{url}?{urlencode({'next': next_url})}" if next_url else url)


def _provider_unavailable(
    request: HttpRequest, error: ProviderUnavailable, next_url: str
) -> HttpResponse:
    security_log("sso_provider_unavailable", request, reason=str(error)[:300])
    messages.error(
        request,
        _(
            "Your organisation's sign-in service is not answering. Try again later, "
            "or sign in with your password."
        ),
    )
    return _to_sign_in(request, next_url)


@login_not_required
@require_GET
def start(request: HttpRequest) -> HttpResponse:
    """Send the browser to the provider, remembering state, nonce and verifier."""
    _require_enabled()
    next_url = request.GET.get("next", "")
    try:
        document = discovery()
    except ProviderUnavailable as error:
        return _provider_unavailable(request, error, next_url)
    flow = {
        "state": secrets.token_urlsafe(32),
        "nonce": secrets.token_urlsafe(32),
        "verifier": secrets.token_urlsafe(64),
        "next": next_url,
    }
    with _client(request) as client:
        authorization_url = client.create_authorization_url(
            document["authorization_endpoint"],
            state=flow["state"],
            code_verifier=flow["verifier"],
            nonce=flow["nonce"],
        )[0]
    request.session[SESSION_KEY] = flow
    return redirect(authorization_url)


def _id_token_claims(
    id_token: str, *, jwks_uri: str, nonce: str, access_token: str | None
) -> dict[str, Any]:
    # Header fields outside the JOSE registry are ignored rather than refused, as
    # Authlib's own OpenID Connect client does: providers add their own.
    registry = JWSRegistry(algorithms=ALGORITHMS, strict_check_header=False)
    try:
        try:
            token = jwt.decode(id_token, _key_set(jwks_uri), registry=registry)
        except InvalidKeyIdError:
            # A key the cached set lacks: the provider may have rotated its keys.
            token = jwt.decode(
                id_token, _key_set(jwks_uri, refresh=True), registry=registry
            )
        claims = CodeIDToken(
            token.claims,
            token.header,
            options={
                "iss": {"essential": True, "value": settings.OIDC_ISSUER},
                "aud": {"essential": True, "value": settings.OIDC_CLIENT_ID},
                "sub": {"essential": True},
            },
            params={
                "nonce": nonce,
                "client_id": settings.OIDC_CLIENT_ID,
                "access_token": access_token,
            },
        )
        claims.validate(leeway=settings.OIDC_CLOCK_SKEW_SECONDS)
    except (JoseError, ValueError) as error:
        raise SignInRefused(f"ID token refused: {error!r}") from error
    return dict(claims)


def _verified_claims(request: HttpRequest, flow: dict[str, str]) -> dict[str, Any]:
    state = request.GET.get("state", "").encode()
    if not secrets.compare_digest(state, flow["state"].encode()):
        raise SignInRefused("state does not match")
    if "error" in request.GET:
        raise SignInRefused(f"provider said {request.GET['error'][:100]}")
    code = request.GET.get("code", "")
    if not code:
        raise SignInRefused("no code")
    document = discovery()
    try:
        with _client(request) as client:
            tokens = client.fetch_token(
                document["token_endpoint"],
                grant_type="authorization_code",
                code=code,
                code_verifier=flow["verifier"],
            )
    except OAuthError as error:
        raise SignInRefused(f"token request refused: {error}") from error
    except (requests.RequestException, ValueError) as error:
        raise ProviderUnavailable(f"token request failed: {error}") from error
    id_token = tokens.get("id_token")
    if not id_token or not isinstance(id_token, str):
        raise SignInRefused("no ID token")
    access_token = tokens.get("access_token")
    return _id_token_claims(
        id_token,
        jwks_uri=document["jwks_uri"],
        nonce=flow["nonce"],
        access_token=access_token if isinstance(access_token, str) else None,
    )


@login_not_required
@require_GET
def callback(request: HttpRequest) -> HttpResponse:
    """Check the provider's answer and sign the matching, active user in."""
    _require_enabled()
    flow = request.session.pop(SESSION_KEY, None)
    refusal = _("Sign-in with your organisation's account did not work. Try again.")
    if not flow:
        messages.error(request, refusal)
        return redirect("login")
    try:
        claims = _verified_claims(request, flow)
    except ProviderUnavailable as error:
        return _provider_unavailable(request, error, flow.get("next", ""))
    except SignInRefused as error:
        security_log("sso_refused", request, reason=str(error))
        messages.error(request, refusal)
        return redirect("login")
    identity = (
        ExternalIdentity.objects.filter(
            issuer=settings.OIDC_ISSUER, subject=str(claims["sub"])
        )
        .select_related("user")
        .first()
    )
    if identity is None:
        security_log("sso_unknown_subject", request, subject=str(claims["sub"]))
        messages.error(
            request,
            _(
                "Your organisation account is not set up for this service. Ask an "
                "administrator to give you access."
            ),
        )
        return redirect("login")
    if not identity.user.is_active:
        security_log(
            "sso_inactive_user", request, username=identity.user.get_username()
        )
        messages.error(request, _("This account has been switched off."))
        return redirect("login")
    login(request, identity.user, backend="django.contrib.auth.backends.ModelBackend")
    next_url = _allowed_next(request, flow.get("next", ""))
    return redirect(next_url or reverse(settings.LOGIN_REDIRECT_URL))
