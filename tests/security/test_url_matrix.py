"""Every URL of the application, as every kind of visitor, with GET and POST.

The URLs are read from the URL configuration, so a new page cannot be forgotten:
a URL name missing from EXPECTED fails the test until someone says who may use it.
"""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from oversight import services as oversight_services
from recommendations import services

VISITORS = [
    "anonymous",
    "inactive",
    "outsider",
    "panel",
    "staff",
    "reviewer",
    "administrator",
]
READERS = {"panel", "staff", "reviewer", "administrator"}
EDITORS = {"staff", "reviewer", "administrator"}
REVIEWERS = {"reviewer", "administrator"}
ADMINS = {"administrator"}
PUBLIC = set(VISITORS)

# URL name -> (who may GET it, who may POST to it). Everyone else is sent to sign in
# (not signed in, or switched off) or refused (403). None: the method is not allowed.
EXPECTED: dict[str, tuple[set[str] | None, set[str] | None]] = {
    "login": (PUBLIC, PUBLIC),
    "logout": (None, PUBLIC),
    "accessibility": (PUBLIC, None),
    "health": (PUBLIC, None),
    "oidc_start": (PUBLIC, None),  # 404 while single sign-on is off
    "oidc_callback": (PUBLIC, None),
    "home": (READERS, None),
    "recommendations:report_list": (READERS, None),
    "recommendations:report_detail": (READERS, None),
    "recommendations:item_list": (READERS, None),
    "recommendations:item_export": (READERS, None),
    "recommendations:item_detail": (READERS, None),
    "recommendations:item_edit": (EDITORS, EDITORS),
    "recommendations:item_progress": (EDITORS, EDITORS),
    "recommendations:evidence_download": (READERS, None),
    "recommendations:loading_start": (ADMINS, None),
    "recommendations:loading_upload": (None, ADMINS),
    "recommendations:loading_paste": (None, ADMINS),
    "recommendations:loading_preview": (ADMINS, None),
    "recommendations:loading_edit_row": (ADMINS, ADMINS),
    "recommendations:loading_add_row": (ADMINS, ADMINS),
    "recommendations:loading_split_row": (ADMINS, ADMINS),
    "recommendations:loading_merge_row": (ADMINS, ADMINS),
    "recommendations:loading_delete_row": (ADMINS, ADMINS),
    "recommendations:loading_confirm": (None, ADMINS),
    "recommendations:loading_cancel": (None, ADMINS),
    "recommendations:loading_template": (ADMINS, None),
    "oversight:review": (REVIEWERS, None),
    "oversight:closure_decide": (REVIEWERS, REVIEWERS),
    "oversight:closure_reopen": (REVIEWERS, REVIEWERS),
    "oversight:hmicfrs_outcome": (REVIEWERS, REVIEWERS),
    "oversight:date_request": (EDITORS, EDITORS),
    "oversight:date_decide": (REVIEWERS, REVIEWERS),
    "oversight:date_withdraw": (None, EDITORS),
    "oversight:s55_list": (READERS, None),
    "oversight:s55_report": (READERS, None),
    "oversight:s55_edit": (EDITORS, EDITORS),
    "oversight:s55_response": (EDITORS, EDITORS),
    "oversight:s55_letter": (EDITORS, EDITORS),
    "oversight:s55_approve": (REVIEWERS, REVIEWERS),
    "oversight:s55_document": (READERS, None),
    "oversight:scrutiny": (READERS, None),
    "oversight:scrutiny_document": (READERS, None),
    "oversight:changes": (READERS, None),
}


def _names(resolver: URLResolver, prefix: str = "") -> list[tuple[str, URLPattern]]:
    found = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            if entry.namespace == "admin":
                continue  # Django's admin: tested below, as its own site
            found += _names(entry, namespace)
        elif entry.name:
            found.append((prefix + entry.name, entry))
    return found


def test_every_url_name_has_an_expectation():
    names = {name for name, _ in _names(get_resolver())}
    assert names - set(EXPECTED) == set(), "say who may use these new pages"
    assert set(EXPECTED) - names == set()


@pytest.fixture
def objects(item, staff, reviewer, other_staff, administrator, db):
    update = services.progress_update_record(
        item_id=item.pk,
        actor=staff,
        expected_version=item.version,
        text="Evidence",
        evidence_file=SimpleUploadedFile("e.pdf", b"%PDF-1.4 test"),
    )
    change = oversight_services.target_date_request(
        item_id=item.pk,
        actor=other_staff,
        new_date=dt.date.today() + dt.timedelta(days=300),
        reason="r",
    )
    return {"item": item, "update": update, "change": change}


def _url(name: str, pattern: URLPattern, objects: dict) -> str:
    converters = pattern.pattern.converters
    kwargs = {}
    for key in converters:
        if name.endswith("loading_template") or name.endswith("item_export"):
            kwargs[key] = "csv"
        elif name.endswith("_row"):  # the first row of the draft waiting
            kwargs[key] = 0
        elif name.endswith("evidence_download"):
            kwargs[key] = objects["update"].pk
        elif name.endswith(("date_decide", "date_withdraw")):
            kwargs[key] = objects["change"].pk
        elif "report" in name or name.endswith(
            ("s55_edit", "s55_document", "s55_letter", "s55_approve")
        ):
            kwargs[key] = objects["item"].report_id
        else:
            kwargs[key] = objects["item"].pk
    return reverse(name, kwargs=kwargs)


# Single sign-on is off unless configured: its pages do not exist for anyone.
OFF_BY_DEFAULT = {"oidc_start", "oidc_callback"}


def _outcome(response) -> str:
    location = response.get("Location", "")
    if response.status_code in (301, 302) and "/sign-in/" in location:
        return "sign-in"
    if response.status_code == 404:
        return "not-found"
    if response.status_code == 403:
        return "refused"
    if response.status_code == 405:
        return "not-allowed"
    if response.status_code >= 500:
        return "error"
    return "served"


@pytest.fixture
def clients(request, objects):
    built = {"anonymous": Client()}
    for role in VISITORS[1:]:
        client = Client()
        client.force_login(request.getfixturevalue(role))
        built[role] = client
    # The administrator has an upload waiting, so its preview pages exist; two rows,
    # so that the first has a next one to merge with. A POST without the page's
    # fields (split, merge, delete, add) changes nothing.
    built["administrator"].post(
        reverse("recommendations:loading_upload"),
        {
            "file": SimpleUploadedFile(
                "r.csv",
                b"title,R\nkind,PEEL\npublished on,01/01/2024\n\n"
                b"reference,owners,text\n1,PCC,Some recommendation text\n"
                b"2,PCC,Another recommendation text\n",
            )
        },
    )
    return built


def test_each_visitor_gets_the_expected_answer_everywhere(clients, objects):
    problems = []
    # Signing out last, so that it does not sign the other checks out.
    patterns = sorted(_names(get_resolver()), key=lambda entry: entry[0] == "logout")
    for name, pattern in patterns:
        url = _url(name, pattern, objects)
        get_allowed, post_allowed = EXPECTED[name]
        for method, allowed in (("GET", get_allowed), ("POST", post_allowed)):
            for visitor in VISITORS:
                client = clients[visitor]
                response = client.get(url) if method == "GET" else client.post(url, {})
                got = _outcome(response)
                if allowed is None:
                    # Not a method this page takes: refused before anything else,
                    # or after the sign-in check.
                    wanted = {"not-allowed", "sign-in"}
                elif name == "logout":
                    wanted = {"sign-in"}  # signing out ends on the sign-in page
                elif visitor in allowed:
                    wanted = {"not-found"} if name in OFF_BY_DEFAULT else {"served"}
                elif visitor in {"anonymous", "inactive"}:
                    wanted = {"sign-in"}
                else:
                    wanted = {"refused"}
                if got not in wanted:
                    problems.append(
                        f"{method} {url} as {visitor}: {got}, wanted {wanted}"
                    )
    assert problems == []


def test_an_object_cannot_be_reached_by_guessing_its_id(clients, objects):
    for visitor in ("outsider", "inactive", "anonymous"):
        response = clients[visitor].get(
            reverse("recommendations:evidence_download", args=[objects["update"].pk])
        )
        assert response.status_code in (302, 403)
        assert b"%PDF" not in response.content


def test_admin_site_is_for_administrators_only(clients):
    url = reverse("admin:recommendations_item_changelist")
    for visitor in VISITORS:
        response = clients[visitor].get(url)
        if visitor == "administrator":
            assert response.status_code == 200
        elif visitor in {"anonymous", "inactive"}:
            assert response.status_code == 302
            assert response["Location"].startswith("/sign-in/")
        else:
            assert response.status_code == 302
            assert "/admin/login/" in response["Location"]
