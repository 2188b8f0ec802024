"""Every aria-describedby on every form page points at an element the page has: the
hints and errors the form-field include writes carry the ids Django's widgets name."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.described: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        for token in (attributes.get("aria-describedby") or "").split():
            self.described.append((attributes.get("name") or tag, token))


def _missing(html: str) -> list[tuple[str, str]]:
    parser = _References()
    parser.feed(html)
    assert parser.described, "the page describes no field: nothing was checked"
    return [(name, ref) for name, ref in parser.described if ref not in parser.ids]


@pytest.mark.parametrize(
    ("url_name", "post"),
    [
        ("recommendations:item_progress", {}),
        ("recommendations:item_progress", {"version": "1", "status_to": "closed"}),
        ("recommendations:item_edit", {"version": "1"}),
        ("oversight:date_request", {"new_date": "not a date"}),
    ],
)
def test_every_described_field_points_at_its_hint_or_error(
    client_for, staff, item, url_name, post
):
    url = reverse(url_name, args=[item.pk])
    client = client_for(staff)
    response = client.post(url, post) if post else client.get(url)
    assert response.status_code in {200, 400}
    assert _missing(response.content.decode()) == []


def test_the_item_lists_filters_point_at_their_hints_and_errors(client_for, staff):
    url = reverse("recommendations:item_list")
    response = client_for(staff).get(url, {"target_from": "not a date"})
    assert "govuk-error-message" in response.content.decode()
    assert _missing(response.content.decode()) == []
