"""Sign-in, sign-out, roles, headers and settings that every page relies on."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from config.settings import env_bool, env_int
from recommendations import roles
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parent.parent


def test_the_four_roles_exist_as_groups(db):
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ALL_ROLES)


def test_sign_in_page_is_open_and_signing_in_works(client, staff):
    assert client.get(reverse("login")).status_code == 200
    response = client.post(
        reverse("login"), {"username": staff.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("recommendations:item_list")).status_code == 200


def test_wrong_password_is_refused_with_a_message(client, staff):
    response = client.post(
        reverse("login"), {"username": staff.username, "password": "wrong"}
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


def test_inactive_user_cannot_sign_in(client, inactive):
    response = client.post(
        reverse("login"), {"username": inactive.username, "password": PASSWORD}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_sign_out_is_a_post_and_ends_the_session(client_for, staff):
    client = client_for(staff)
    assert client.get(reverse("logout")).status_code == 405
    client.post(reverse("logout"))
    response = client.get(reverse("recommendations:item_list"))
    assert response.status_code == 302


def test_home_page_needs_a_role(client, client_for, outsider, panel, item):
    assert client.get(reverse("home")).status_code == 302
    assert client_for(outsider).get(reverse("home")).status_code == 403
    response = client_for(panel).get(reverse("home"))
    assert response.status_code == 200
    assert response.context["dashboard"].total == 1


def test_signed_in_pages_are_not_cached_and_carry_a_csp(client_for, panel, item):
    response = client_for(panel).get(reverse("recommendations:item_list"))
    assert response["Cache-Control"] == "no-store"
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self' 'nonce-" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


def test_inline_script_carries_the_csp_nonce(client_for, panel, item):
    response = client_for(panel).get(reverse("recommendations:item_list"))
    csp = response["Content-Security-Policy"]
    nonce = csp.split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}">' in response.content.decode()


def _run_settings(env: dict[str, str], code: str) -> subprocess.CompletedProcess:
    dropped = {"SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in dropped}
    clean.update(env)
    clean["DJANGO_SETTINGS_MODULE"] = "config.settings"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


def test_missing_secret_key_with_debug_off_stops_start_up():
    result = _run_settings({"DEBUG": "0"}, "import django; django.setup()")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def _installed_apps(env: dict[str, str]) -> list[str]:
    result = _run_settings(
        {"SECRET_KEY": "x" * 60, "DEBUG": "0", **env},
        "from config import settings; print(','.join(settings.INSTALLED_APPS))",
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().split(",")


def test_production_settings_do_not_install_the_benchmarks_app():
    apps = _installed_apps({"BENCHMARK": ""})
    assert "recommendations" in apps
    assert "benchmarks" not in apps


def test_the_benchmark_installs_its_app():
    assert "benchmarks" in _installed_apps({"BENCHMARK": "1"})


@pytest.mark.parametrize(
    ("variable", "value"),
    [("DEBUG", "ture"), ("SECURE_COOKIES", "flase"), ("CONN_MAX_AGE", "60s")],
)
def test_a_mistyped_variable_stops_start_up_naming_it(variable, value):
    result = _run_settings(
        {"SECRET_KEY": "x" * 60, variable: value}, "import django; django.setup()"
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"{variable}={value!r} is not a" in result.stderr


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        *[("1", True), ("true", True), (" Yes ", True), ("ON", True)],
        *[("0", False), ("False", False), ("no", False), ("off", False)],
    ],
)
def test_yes_no_variables_take_the_usual_words(monkeypatch, value, expected):
    monkeypatch.setenv("TRACKER_TEST_FLAG", value)
    assert env_bool("TRACKER_TEST_FLAG", not expected) is expected


@pytest.mark.parametrize("default", [True, False])
def test_an_unset_or_empty_yes_no_variable_takes_the_default(monkeypatch, default):
    monkeypatch.delenv("TRACKER_TEST_FLAG", raising=False)
    assert env_bool("TRACKER_TEST_FLAG", default) is default
    monkeypatch.setenv("TRACKER_TEST_FLAG", "")
    assert env_bool("TRACKER_TEST_FLAG", default) is default


@pytest.mark.parametrize("value", ["ture", "2", "y", "enabled", "1 0"])
def test_any_other_yes_no_value_is_refused_with_the_allowed_words(monkeypatch, value):
    monkeypatch.setenv("TRACKER_TEST_FLAG", value)
    with pytest.raises(ImproperlyConfigured) as refused:
        env_bool("TRACKER_TEST_FLAG", False)
    message = str(refused.value)
    assert f"TRACKER_TEST_FLAG={value!r}" in message
    assert "1, true, yes, on or 0, false, no, off" in message


def test_whole_number_variables_are_read(monkeypatch):
    monkeypatch.setenv("TRACKER_TEST_NUMBER", " 600 ")
    assert env_int("TRACKER_TEST_NUMBER", 5) == 600
    monkeypatch.setenv("TRACKER_TEST_NUMBER", "")
    assert env_int("TRACKER_TEST_NUMBER", 5) == 5


@pytest.mark.parametrize("value", ["ten", "1.5", "1e3", "1_000", "60s", "-1"])
def test_any_other_whole_number_is_refused(monkeypatch, value):
    monkeypatch.setenv("TRACKER_TEST_NUMBER", value)
    with pytest.raises(ImproperlyConfigured, match=r"TRACKER_TEST_NUMBER=.* is not a"):
        env_int("TRACKER_TEST_NUMBER", 5)


def test_a_whole_number_below_its_minimum_is_refused(monkeypatch):
    monkeypatch.setenv("TRACKER_TEST_NUMBER", "0")
    assert env_int("TRACKER_TEST_NUMBER", 5) == 0
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        env_int("TRACKER_TEST_NUMBER", 5, minimum=1)


def test_database_url_selects_postgresql():
    result = _run_settings(
        {
            "SECRET_KEY": "x" * 60,
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/tracker",
        },
        "from django.conf import settings; "
        "print(settings.DATABASES['default']['ENGINE'])",
    )
    assert result.stdout.strip() == "django.db.backends.postgresql"


def _cache_settings(env: dict[str, str]) -> list[str]:
    result = _run_settings(
        {"SECRET_KEY": "x" * 60, **env},
        "from django.conf import settings; c = settings.CACHES['default']; "
        "print(c['BACKEND'], c['LOCATION'], c['KEY_PREFIX'])",
    )
    return result.stdout.split()


def test_cache_url_names_a_shared_redis_cache_kept_apart_per_database():
    one = _cache_settings(
        {"CACHE_URL": "redis://127.0.0.1:6379/2", "DATABASE_URL": "sqlite:///one.db"}
    )
    other = _cache_settings(
        {"CACHE_URL": "redis://127.0.0.1:6379/2", "DATABASE_URL": "sqlite:///two.db"}
    )
    assert one[:2] == ["config.cache.ForgivingRedisCache", "redis://127.0.0.1:6379/2"]
    # Two deployments sharing a Redis keep apart unless they serve one database.
    assert one[2].startswith("tracker-") and other[2].startswith("tracker-")
    assert one[2] != other[2]
    named = _cache_settings(
        {"CACHE_URL": "redis://127.0.0.1:6379/2", "CACHE_KEY_PREFIX": "force-a"}
    )
    assert named[2] == "force-a"


def test_an_unknown_cache_url_stops_start_up_naming_what_is_known():
    result = _run_settings(
        {"SECRET_KEY": "x" * 60, "CACHE_URL": "memcached://127.0.0.1:11211"},
        "import django; django.setup()",
    )
    assert result.returncode != 0
    assert "redis://host:port/db" in result.stderr


def test_postgresql_connections_run_without_jit_unless_told():
    code = (
        "from django.conf import settings; "
        "print(settings.DATABASES['default'].get('OPTIONS', {}).get('options'))"
    )
    url = "postgres://postgres@127.0.0.1:5432/tracker"
    result = _run_settings({"SECRET_KEY": "x" * 60, "DATABASE_URL": url}, code)
    assert result.stdout.strip() == "-c jit=off"
    pooled = _run_settings(
        {"SECRET_KEY": "x" * 60, "DATABASE_URL": url, "DATABASE_JIT_OFF": "0"}, code
    )
    assert pooled.stdout.strip() == "None"


@pytest.mark.parametrize(
    ("migration_url", "refusal"),
    [
        ("postgres://owner@127.0.0.1:5432/other", "must name the same PostgreSQL"),
        ("postgres://app@127.0.0.1:5432/tracker", "different ones"),
        ("postgres://127.0.0.1:5432/tracker", "each name their user"),
    ],
)
def test_migration_database_url_must_name_another_role_on_the_same_database(
    migration_url, refusal
):
    result = _run_settings(
        {
            "SECRET_KEY": "x" * 60,
            "DATABASE_URL": "postgres://app@127.0.0.1:5432/tracker",
            "MIGRATION_DATABASE_URL": migration_url,
        },
        "import django; django.setup()",
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert refusal in result.stderr


def test_migration_database_url_names_the_owner_role():
    result = _run_settings(
        {
            "SECRET_KEY": "x" * 60,
            "DATABASE_URL": "postgres://app@127.0.0.1:5432/tracker",
            "MIGRATION_DATABASE_URL": "postgres://owner:pw@127.0.0.1:5432/tracker",
        },
        "from django.conf import settings; "
        "print(settings.MIGRATION_DATABASE['USER'], "
        "settings.DATABASES['default']['USER'])",
    )
    assert result.stdout.split() == ["owner", "app"], result.stderr


def test_deploy_check_is_clean_under_production_settings(tmp_path):
    result = _run_settings(
        {
            "SECRET_KEY": "k3Y-" + "x1Z9" * 15,
            "DEBUG": "0",
            "ALLOWED_HOSTS": "tracker.example.org",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        },
        "import sys; from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', "
        "'--fail-level', 'WARNING'])",
    )
    assert result.returncode == 0, result.stdout + result.stderr
