"""The header's navigation: each role sees the sections it may open, the current one
marked, and the lower app names none of the higher app's pages."""

import ast
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent
HIGHER = ("oversight", "accounts")


def _sections(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [
        (str(link["label"]), link["active"]) for link in response.context["navigation"]
    ]


@pytest.mark.parametrize(
    ("who", "labels"),
    [
        ("panel", ["Home", "Reports", "Items", "Scrutiny"]),
        ("staff", ["Home", "Reports", "Items", "Scrutiny"]),
        ("reviewer", ["Home", "Reports", "Items", "Scrutiny", "Review"]),
    ],
)
def test_each_role_sees_the_sections_it_may_open(request, client_for, who, labels):
    client = client_for(request.getfixturevalue(who))
    assert [label for label, _ in _sections(client, reverse("home"))] == labels


def test_an_administrator_also_sees_loading_and_the_admin_site(
    client_for, administrator
):
    assert administrator.is_staff
    labels = [
        label for label, _ in _sections(client_for(administrator), reverse("home"))
    ]
    assert labels == [
        "Home",
        "Reports",
        "Items",
        "Scrutiny",
        "Review",
        "Load a report",
        "Administration",
    ]


def test_the_current_section_is_marked(client_for, reviewer, item):
    client = client_for(reviewer)
    cases = {
        reverse("recommendations:item_detail", args=[item.pk]): "Items",
        reverse("oversight:review"): "Review",
        reverse("oversight:s55_list"): "Scrutiny",
        reverse("recommendations:report_list"): "Reports",
        reverse("home"): "Home",
    }
    for url, expected in cases.items():
        active = [label for label, current in _sections(client, url) if current]
        assert active == [expected], url


def test_recommendations_names_no_oversight_page_or_module():
    """Apps depend one way: oversight and accounts may import recommendations, not
    the reverse."""
    offenders = []
    for path in (ROOT / "recommendations").rglob("*.py"):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                HIGHER
            ):
                offenders.append(f"{path.name}: from {node.module} import")
            if isinstance(node, ast.Import) and any(
                alias.name.startswith(HIGHER) for alias in node.names
            ):
                offenders.append(f"{path.name}: import {node.names[0].name}")
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and node.value.startswith("oversight:")
            ):
                offenders.append(f"{path.name}: {node.value!r}")
    assert offenders == []
