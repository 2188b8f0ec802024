"""Every error page (400, 403, 404, 500, and 503 while the database is down) is
rendered safely, says nothing about the failure, and carries the same security
headers as every other page."""

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

SECRET = "hunter2"


def _assert_safe(response, status: int) -> None:
    assert response.status_code == status
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    body = response.content.decode()
    assert SECRET not in body and "Traceback" not in body
    assert "db.internal" not in body


@pytest.fixture
def quiet_client(staff):
    """A signed-in client that shows what a browser gets, not the exception."""
    client = Client(raise_request_exception=False)
    client.force_login(staff)
    return client


@pytest.mark.django_db
def test_a_foreign_host_gets_a_400_page_not_a_500(settings):
    settings.ALLOWED_HOSTS = ["tracker.example.org"]
    response = Client(raise_request_exception=False).get(
        "/items/", HTTP_HOST="evil.example"
    )
    _assert_safe(response, 400)
    assert "problem with that request" in response.content.decode()


@pytest.mark.django_db
def test_a_foreign_host_for_a_signed_in_user_gets_a_400_page(quiet_client, settings):
    settings.ALLOWED_HOSTS = ["tracker.example.org"]
    response = quiet_client.get("/items/", HTTP_HOST="evil.example")
    _assert_safe(response, 400)


@pytest.mark.django_db
def test_a_missing_page_gets_a_404_page(quiet_client):
    _assert_safe(quiet_client.get("/no-such-page/"), 404)
    _assert_safe(Client().get("/no-such-page/"), 404)


@pytest.mark.django_db
def test_a_refused_page_gets_a_403_page(client_for, panel):
    _assert_safe(client_for(panel).get(reverse("recommendations:loading_start")), 403)


@pytest.mark.django_db
@pytest.mark.urls("tests.error_urls")
def test_a_failing_view_gets_a_500_page_that_says_nothing_of_the_failure(
    quiet_client,
):
    response = quiet_client.get("/fails/")
    _assert_safe(response, 500)
    assert "Nothing you entered has been saved" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_pages_answer_503_while_the_database_is_unreachable(quiet_client):
    real = connection.settings_dict
    broken = dict(real)
    # The test database on SQLite lives in memory: keep its connection aside
    # (closing it would lose it) and let the next query open the broken one.
    kept = connection.connection if connection.vendor == "sqlite" else None
    if kept is not None:
        connection.connection = None
        broken["NAME"] = "/nonexistent-directory/tracker.sqlite3"
    else:
        connection.close()
        broken["HOST"], broken["PORT"] = "127.0.0.1", "1"  # nothing listens there
    connection.settings_dict = broken
    try:
        responses = [
            quiet_client.get(reverse("recommendations:item_list")),
            quiet_client.get(reverse("home")),
            quiet_client.post(reverse("recommendations:item_progress", args=[1])),
        ]
    finally:
        connection.connection = None
        connection.settings_dict = real
        if kept is not None:
            connection.connection = kept
        else:
            connection.close()
    for response in responses:
        _assert_safe(response, 503)
        assert "Service unavailable" in response.content.decode()
        assert response["Retry-After"]
