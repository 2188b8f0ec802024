"""The cast of users (one per role, plus an outsider and an inactive user) and the
small set of records most tests start from."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from recommendations import choicesets, roles
from recommendations.history import save_with_history
from recommendations.models import Item, Report

PASSWORD = "a-long-test-password-1234"


@pytest.fixture(autouse=True)
def _test_settings(settings: Any, tmp_path: Any) -> None:
    # The test client talks plain HTTP, and static files are not collected for tests.
    settings.SECURE_SSL_REDIRECT = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    settings.EVIDENCE_ROOT = tmp_path / "evidence"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Each test starts with no cached figures: the database is rolled back between
    # tests, so (on SQLite) a later test can reuse the same history row ids.
    cache.clear()


def _make_user(username: str, first: str, last: str, role: str | None) -> User:
    user = User.objects.create_user(
        username=username,
        password=PASSWORD,
        first_name=first,
        last_name=last,
        email=f"{username}@example.org",
    )
    if role:
        # get_or_create: transactional tests flush the groups the migration made.
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


@pytest.fixture
def staff(db: Any) -> User:
    return _make_user("priya", "Priya", "Shah", roles.OFFICE_STAFF)


@pytest.fixture
def other_staff(db: Any) -> User:
    return _make_user("tom", "Tom", "Evans", roles.OFFICE_STAFF)


@pytest.fixture
def reviewer(db: Any) -> User:
    return _make_user("dcc", "Sam", "Okafor", roles.REVIEWER)


@pytest.fixture
def administrator(db: Any) -> User:
    user = _make_user("admin", "Alex", "Morgan", roles.ADMINISTRATOR)
    user.is_staff = True
    user.save()
    return user


@pytest.fixture
def panel(db: Any) -> User:
    return _make_user("panel", "Jo", "Bennett", roles.PANEL_MEMBER)


@pytest.fixture
def outsider(db: Any) -> User:
    """Signed in, but in no role."""
    return _make_user("outsider", "Olly", "Side", None)


@pytest.fixture
def inactive(db: Any) -> User:
    user = _make_user("gone", "Gwen", "Gone", roles.OFFICE_STAFF)
    user.is_active = False
    user.save()
    return user


@pytest.fixture
def client_for() -> Callable[[User], Client]:
    def make(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def today() -> dt.date:
    return timezone.localdate()


@pytest.fixture
def report(db: Any, administrator: User) -> Report:
    report = Report(
        title="Safe to share?",
        kind=Report.Kind.SUPER_COMPLAINT,
        inspectorates=choicesets.encode(["hmicfrs", "college_of_policing", "iopc"]),
        published_on=dt.date(2020, 12, 17),
        scope=Report.Scope.NATIONAL,
    )
    save_with_history(report, actor=administrator, reason="Test set-up")
    return report


@pytest.fixture
def make_item(db: Any, report: Report, administrator: User) -> Callable[..., Item]:
    counter = {"n": 0}

    def make(**fields: Any) -> Item:
        counter["n"] += 1
        values: dict[str, Any] = {
            "report": report,
            "reference": str(counter["n"]),
            "kind": Item.Kind.RECOMMENDATION,
            "text": f"Recommendation text {counter['n']}",
            "owners": choicesets.encode(["chief_constable"]),
        }
        owners = fields.pop("owner_codes", None)
        if owners is not None:
            values["owners"] = choicesets.encode(owners)
        values.update(fields)
        item = Item(**values)
        save_with_history(item, actor=administrator, reason="Test set-up")
        return item

    return make


@pytest.fixture
def item(make_item: Callable[..., Item], staff: User, today: dt.date) -> Item:
    """An item in progress, led by `staff`, due in 60 days."""
    return make_item(
        lead=staff,
        lead_team="Public Protection",
        status=Item.Status.IN_PROGRESS,
        original_target_date=today + dt.timedelta(days=60),
        target_date=today + dt.timedelta(days=60),
    )


@pytest.fixture(autouse=True, scope="session")
def _flush_between_transactional_tests() -> Any:
    """Let Django's flush empty the test database between transactional tests.

    Emptying every table (history included) is a reset of the test database, not a
    change to tracked rows; outside tests the history guard refuses it.
    """
    from django.db.backends.base.operations import BaseDatabaseOperations

    from recommendations.history import unrecorded_writes

    original = BaseDatabaseOperations.execute_sql_flush

    def execute_sql_flush(self: Any, sql_list: Any) -> Any:
        with unrecorded_writes("Test database emptied between transactional tests"):
            return original(self, sql_list)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(BaseDatabaseOperations, "execute_sql_flush", execute_sql_flush)
        yield
