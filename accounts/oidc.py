"""Single sign-on with the force's identity provider over OpenID Connect.

Optional and off by default (OIDC_ENABLED). The authorisation code flow with PKCE
(S256), a state and a nonce; the ID token's signature is checked against the
provider's published keys, with its issuer, audience and expiry. Users are matched
on (issuer, subject): the provider's stable identifier, never the email address.
Nobody is created on the fly, and switched-off accounts are refused.
"""

import base64
import hashlib
import json
import secrets
import urllib.parse
import urllib.request
from typing import Any

import jwt
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .logs import security_log
from .models import ExternalIdentity

SESSION_KEY = "oidc_flow"
TIMEOUT = 10


class SignInRefused(Exception):
    """The provider's answer cannot sign anyone in; the message is for the log."""


def _fetch_json(url: str, data: dict[str, str] | None = None) -> dict[str, Any]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(  # noqa: S310 - the configured issuer's URLs
        url, data=body, headers={"Accept": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
        return json.loads(response.read().decode())


def discovery() -> dict[str, Any]:
    key = f"oidc-discovery:{settings.OIDC_ISSUER}"
    document = cache.get(key)
    if document is None:
        document = _fetch_json(
            settings.OIDC_ISSUER.rstrip("/") + "/.well-known/openid-configuration"
        )
        if document.get("issuer") != settings.OIDC_ISSUER:
            raise SignInRefused("discovery document names another issuer")
        cache.set(key, document, 3600)
    return document


def _challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _redirect_uri(request: HttpRequest) -> str:
    return request.build_absolute_uri(reverse("oidc_callback"))


def _require_enabled() -> None:
    if not settings.OIDC_ENABLED:
        raise Http404


@login_not_required
@require_GET
def start(request: HttpRequest) -> HttpResponse:
    """Send the browser to the provider, remembering state, nonce and verifier."""
    _require_enabled()
    flow = {
        "state": secrets.token_urlsafe(32),
        "nonce": secrets.token_urlsafe(32),
        "verifier": secrets.token_urlsafe(64),
        "next": request.GET.get("next", ""),
    }
    request.session[SESSION_KEY] = flow
    params = {
        "response_type": "code",
        "client_id": settings.OIDC_CLIENT_ID,
        "redirect_uri": _redirect_uri(request),
        "scope": settings.OIDC_SCOPES,
        "state": flow["state"],
        "nonce": flow["nonce"],
        "code_challenge": _challenge(flow["verifier"]),
        "code_challenge_method": "S256",
    }
    endpoint = discovery()["authorization_endpoint"]
    return redirect(f"{endpoint}?{urllib.parse.urlencode(params)}")


def _verified_claims(request: HttpRequest, flow: dict[str, str]) -> dict[str, Any]:
    if not secrets.compare_digest(request.GET.get("state", ""), flow["state"]):
        raise SignInRefused("state does not match")
    if "error" in request.GET:
        raise SignInRefused(f"provider said {request.GET['error'][:100]}")
    code = request.GET.get("code", "")
    if not code:
        raise SignInRefused("no code")
    document = discovery()
    try:
        tokens = _fetch_json(
            document["token_endpoint"],
            {
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": _redirect_uri(request),
                "client_id": settings.OIDC_CLIENT_ID,
                "client_secret": settings.OIDC_CLIENT_SECRET,
                "code_verifier": flow["verifier"],
            },
        )
    except OSError as error:
        raise SignInRefused(f"token request failed: {error}") from error
    id_token = tokens.get("id_token")
    if not id_token:
        raise SignInRefused("no ID token")
    try:
        key = jwt.PyJWKClient(
            document["jwks_uri"], timeout=TIMEOUT
        ).get_signing_key_from_jwt(id_token)
        claims = jwt.decode(
            id_token,
            key.key,
            algorithms=["RS256", "PS256", "ES256"],
            audience=settings.OIDC_CLIENT_ID,
            issuer=settings.OIDC_ISSUER,
            options={"require": ["exp", "iat", "sub", "iss", "aud"]},
        )
    except jwt.PyJWTError as error:
        raise SignInRefused(f"ID token refused: {error}") from error
    if not secrets.compare_digest(str(claims.get("nonce", "")), flow["nonce"]):
        raise SignInRefused("nonce does not match")
    return claims


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
    next_url = flow.get("next") or ""
    from django.utils.http import url_has_allowed_host_and_scheme

    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse(settings.LOGIN_REDIRECT_URL)
    return redirect(next_url)
