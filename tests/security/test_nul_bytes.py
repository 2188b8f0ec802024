"""A NUL byte in a request (which no text field can hold, and PostgreSQL refuses
outright) gets a clear 400 on every URL, never a server error."""

import pytest
from django.test import Client
from django.urls import reverse


@pytest.fixture
def admin_client_quiet(administrator):
    client = Client(raise_request_exception=False)
    client.force_login(administrator)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/admin/recommendations/item/?status__exact=%00",
        "/admin/recommendations/item/?q=%00",
        "/admin/recommendations/report/?kind__exact=a%00b",
        "/items/?q=%00",
        "/items/?status=%00",
        "/items/?lead=%00",
        "/items/?sort=%00",
        "/reports/?page=%00",
        "/oversight/review/?team=%00",
        "/oversight/scrutiny/?meeting=%00",
    ],
)
def test_a_nul_byte_in_the_query_gets_a_400(admin_client_quiet, url):
    response = admin_client_quiet.get(url)
    assert response.status_code == 400, url
    assert "problem with that request" in response.content.decode()


@pytest.mark.django_db
def test_a_nul_byte_in_a_form_gets_a_400_and_saves_nothing(admin_client_quiet, item):
    response = admin_client_quiet.post(
        reverse("recommendations:item_progress", args=[item.pk]),
        {"version": item.version, "text": "Before\x00after"},
    )
    assert response.status_code == 400
    assert not item.updates.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/sign-in/", "/items/", "/healthz"])
def test_a_nul_byte_in_a_cookie_is_no_session_not_a_server_error(path):
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "abcdefgh12345678\x00zz"
    client.cookies["csrftoken"] = "a\x00b"
    response = client.get(path)
    assert response.status_code in (200, 302)
    if path == "/items/":
        assert "/sign-in/" in response["Location"]
