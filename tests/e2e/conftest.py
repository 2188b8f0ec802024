"""Browser journeys: Playwright driving the system Chromium against the live server.

Skipped, with the reason printed, where Chromium is not installed; `.ci/run`
installs it, so CI always runs them. Run them alone with `make e2e`.
"""

import datetime as dt
import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from recommendations.models import Item
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR") or ROOT / "var" / "screenshots")

# Playwright's synchronous API runs an event loop in this thread; the test body's
# own database calls are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    if os.path.exists(CHROMIUM):
        return
    skip = pytest.mark.skip(
        reason=f"Chromium not found at {CHROMIUM}: browser journeys skipped "
        "(install it with `apt-get install chromium`)."
    )
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def live_server(request: Any, django_db_setup: Any) -> Iterator[Any]:
    """pytest-django's live server, built while the settings allow plain HTTP.

    The server's middleware reads SECURE_SSL_REDIRECT once, when it starts, so the
    setting must be off before then; the browser talks http://localhost. It depends
    on django_db_setup so that it stops before the test database is dropped.
    """
    from django.test.utils import override_settings
    from pytest_django.live_server_helper import LiveServer

    addr = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    # Only while the server builds its middleware; each test sets the cookie
    # flags it needs through the settings fixture.
    with override_settings(SECURE_SSL_REDIRECT=False):
        server = LiveServer(addr)
    yield server
    server.stop()


@pytest.fixture
def open_page(browser: Any, live_server: Any, settings: Any) -> Iterator[Callable]:
    """A new browser context (its own cookies), optionally signed in."""
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    contexts = []

    def open_page(user: Any = None, *, js: bool = True) -> Any:
        context = browser.new_context(
            base_url=live_server.url,
            java_script_enabled=js,
            # Only so that axe-core can be injected; the CSP itself is tested
            # elsewhere (tests/test_site.py).
            bypass_csp=True,
            viewport={"width": 1280, "height": 900},
        )
        context.set_default_timeout(15000)
        contexts.append(context)
        page = context.new_page()
        page.js_enabled = js
        if user is not None:
            sign_in(page, user.username)
        return page

    yield open_page
    for context in contexts:
        context.close()


def sign_in(page: Any, username: str) -> None:
    page.goto("/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/sign-in/" not in url)


def assert_accessible(page: Any, where: str = "") -> None:
    """No WCAG 2.2 A or AA violations that axe-core can find on this page state."""
    if not page.js_enabled:
        return
    page.add_script_tag(content=AXE.read_text())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS,
    )
    problems = [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]
    assert problems == [], f"{where or page.url}: {json.dumps(problems, indent=1)}"


def screenshot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def journey_items(make_item: Callable, staff: Any, other_staff: Any) -> dict:
    today = dt.date.today()
    return {
        "late": make_item(
            text="Stop sharing information on domestic abuse victims with "
            "Immigration Enforcement.",
            owner_codes=["chief_constable"],
            lead=staff,
            lead_team="Public Protection",
            status=Item.Status.IN_PROGRESS,
            original_target_date=today - dt.timedelta(days=10),
            target_date=today - dt.timedelta(days=10),
        ),
        "late_pcc": make_item(
            text="Publish the commissioner's plan for migrant victims.",
            owner_codes=["pcc"],
            lead=other_staff,
            status=Item.Status.IN_PROGRESS,
            original_target_date=today - dt.timedelta(days=5),
            target_date=today - dt.timedelta(days=5),
        ),
        "green": make_item(
            text="Establish safe reporting pathways for migrant victims.",
            owner_codes=["chief_constable"],
            lead=staff,
            status=Item.Status.IN_PROGRESS,
            original_target_date=today + dt.timedelta(days=90),
            target_date=today + dt.timedelta(days=90),
        ),
    }
