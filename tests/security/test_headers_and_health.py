from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD

ITEMS = reverse("recommendations:item_list")


def test_hsts_on_secure_requests(client_for, panel, settings):
    assert settings.SECURE_HSTS_SECONDS >= 31536000
    response = client_for(panel).get(ITEMS, secure=True)
    hsts = response["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts
    assert "includeSubDomains" in hsts


def test_plain_http_is_redirected_to_https_in_production(client, settings, db):
    # The test settings switch the redirect off; production leaves it on.
    from django.middleware.security import SecurityMiddleware

    settings.SECURE_SSL_REDIRECT = True
    middleware = SecurityMiddleware(lambda request: None)
    from django.test import RequestFactory

    response = middleware.process_request(RequestFactory().get("/items/"))
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_session_and_csrf_cookies_are_secure_and_httponly(staff, settings):
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE
    client = Client()
    client.get(reverse("login"))
    csrf = client.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"]
    client.post(reverse("login"), {"username": staff.username, "password": PASSWORD})
    session = client.cookies["sessionid"]
    assert session["secure"] and session["httponly"]
    assert session["samesite"] == "Lax"


def test_content_security_policy_frame_and_referrer_headers(client_for, panel):
    response = client_for(panel).get(ITEMS)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_every_script_tag_carries_the_nonce(client_for, panel):
    import re

    response = client_for(panel).get(ITEMS)
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])[1]
    for tag in re.findall(r"<script[^>]*>", response.content.decode()):
        assert f'nonce="{nonce}"' in tag or 'src="/static/' in tag, tag


def test_signed_in_pages_are_never_stored(client_for, panel, item):
    for url in (ITEMS, reverse("recommendations:item_detail", args=[item.pk])):
        assert client_for(panel).get(url)["Cache-Control"] == "no-store"


def test_health_says_ok_and_nothing_else(client, db):
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.content == b"ok"
    assert (
        "no-cache" in response["Cache-Control"]
        or "max-age=0" in response["Cache-Control"]
    )


def test_health_says_unavailable_when_the_database_is_not(client, db, settings):
    from django.db import connection

    real = connection.cursor

    def broken(*args, **kwargs):
        raise get_user_model().DoesNotExist("database unreachable at db.internal:5432")

    connection.cursor = broken
    try:
        response = client.get(reverse("health"))
    finally:
        connection.cursor = real
    assert response.status_code == 503
    assert response.content == b"unavailable"  # no hostnames, no error text
