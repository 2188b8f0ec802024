"""The application's database role cannot wipe the audit trail (PostgreSQL only).

The append-only triggers refuse UPDATE and DELETE on history rows, but a table's
owner may truncate the table, switch off or drop its trigger, replace the trigger's
function or drop the table. In production the application connects as a role that
owns nothing (recommendations.dbroles; README, Production).

A scratch database is set up as the README says, the way an existing deployment
moves to two roles: migrated part-way by the application's role (which then owns
everything), `createroles` run by a superuser, the rest migrated by `migrate` as
the owner role, the demo data loaded by the application's role. Each attack is then
made as the application's role and refused, and made as the owner, where it works
(rolled back): a refusal is the role's doing, not a mistyped statement.

Skipped, visibly, when the tests run on SQLite.
"""

import json
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from django.db import connection
from psycopg import sql

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="PostgreSQL-only behaviour: set DATABASE_URL=postgres://... to run",
    ),
]

ROOT = Path(__file__).resolve().parents[2]
HISTORY = "recommendations_historicalitem"
TRIGGER = f"{HISTORY}_append_only"
REWRITE = (
    f"WITH changed AS (UPDATE {HISTORY} SET history_change_reason = 'rewritten' "
    "RETURNING 1) SELECT count(*) > 0 FROM changed"
)

# The five ways an owner could wipe or rewrite the trail, each with a query that
# answers "did it work?" once the attack has run.
ATTACKS = {
    "truncate": (f"TRUNCATE {HISTORY}", f"SELECT count(*) = 0 FROM {HISTORY}"),
    "disable the trigger": (
        f"ALTER TABLE {HISTORY} DISABLE TRIGGER {TRIGGER}",
        REWRITE,
    ),
    "drop the trigger": (
        f"DROP TRIGGER {TRIGGER} ON {HISTORY}",
        f"WITH gone AS (DELETE FROM {HISTORY} RETURNING 1) "
        "SELECT count(*) > 0 FROM gone",
    ),
    "replace the function": (
        "CREATE OR REPLACE FUNCTION tracker_history_is_append_only() RETURNS trigger "
        "AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql",
        REWRITE,
    ),
    "drop the table": (
        f"DROP TABLE {HISTORY}",
        f"SELECT to_regclass('{HISTORY}') IS NULL",
    ),
}
# Other ways past the trigger or round the grants: refused to the runtime role too.
OTHER_ATTEMPTS = {
    "rewrite a history row": f"UPDATE {HISTORY} SET history_change_reason = 'x'",
    "delete a history row": f"DELETE FROM {HISTORY}",
    "rewrite a seal": "UPDATE recommendations_historyseal SET chain_hash = ''",
    "skip triggers for the session": "SET session_replication_role = replica",
    "add a trigger": (
        f"CREATE TRIGGER swallow BEFORE INSERT ON {HISTORY} FOR EACH ROW "
        "EXECUTE FUNCTION suppress_redundant_updates_trigger()"
    ),
    "create a table": "CREATE TABLE shadow (id integer)",
    "create a schema": "CREATE SCHEMA shadow",
    "take the table": f"ALTER TABLE {HISTORY} OWNER TO CURRENT_USER",
    "skip history ids": (
        f"SELECT setval(pg_get_serial_sequence('{HISTORY}', 'history_id'), 1000000)"
    ),
    "record a migration": (
        "INSERT INTO django_migrations (app, name, applied) VALUES ('x', 'y', now())"
    ),
    "truncate an ordinary table": "TRUNCATE django_session",
}


@dataclass(frozen=True)
class Deployment:
    database: str
    owner: str
    runtime: str
    passwords: dict[str, str]

    def url(self, role: str) -> str:
        server = connection.settings_dict
        password = self.passwords.get(role, server.get("PASSWORD") or "")
        return (
            f"postgres://{role}:{password}@{server.get('HOST') or '127.0.0.1'}:"
            f"{server.get('PORT') or 5432}/{self.database}"
        )

    def connect(self, role: str) -> psycopg.Connection:
        return psycopg.connect(self.url(role))

    def manage(
        self, *args: str, role: str, owner: str | None = None, check: bool = True
    ) -> subprocess.CompletedProcess:
        """manage.py as production runs it: DATABASE_URL names `role`, and
        MIGRATION_DATABASE_URL names `owner` if given."""
        env = {
            **{k: v for k, v in os.environ.items() if "DATABASE_URL" not in k},
            "DATABASE_URL": self.url(role),
            "CONN_MAX_AGE": "0",
            # For the page requests below: plain HTTP, static files uncollected.
            "DEBUG": "1",
            "ALLOWED_HOSTS": "testserver",
        }
        if owner:
            env["MIGRATION_DATABASE_URL"] = self.url(owner)
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if check:
            assert result.returncode == 0, result.stdout + result.stderr
        return result


def _superuser() -> psycopg.Connection:
    server = connection.settings_dict
    return psycopg.connect(
        host=server.get("HOST") or "127.0.0.1",
        port=server.get("PORT") or 5432,
        user=server.get("USER") or "postgres",
        password=server.get("PASSWORD") or None,
        dbname="postgres",
        autocommit=True,
    )


@pytest.fixture(scope="module")
def deployment() -> Iterator[Deployment]:
    # Roles belong to the whole server: names of their own, dropped afterwards.
    suffix = secrets.token_hex(4)
    owner, runtime = f"tracker_owner_{suffix}", f"tracker_app_{suffix}"
    deployment = Deployment(
        database=f"tracker_roles_{suffix}",
        owner=owner,
        runtime=runtime,
        passwords={role: secrets.token_urlsafe(24) for role in (owner, runtime)},
    )
    superuser = connection.settings_dict.get("USER") or "postgres"
    admin = _superuser()
    try:
        # Before: one role, which owns the database and everything in it.
        admin.execute(
            sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                sql.Identifier(deployment.runtime),
                sql.Literal(deployment.passwords[deployment.runtime]),
            )
        )
        admin.execute(
            sql.SQL("CREATE DATABASE {} OWNER {}").format(
                sql.Identifier(deployment.database), sql.Identifier(deployment.runtime)
            )
        )
        deployment.manage(
            "migrate", "recommendations", "0011", "-v0", role=deployment.runtime
        )
        # README, Production: createroles as a superuser, then the owner's password.
        deployment.manage(
            "createroles",
            "--owner",
            deployment.owner,
            "--runtime",
            deployment.runtime,
            role=superuser,
        )
        admin.execute(
            sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                sql.Identifier(deployment.owner),
                sql.Literal(deployment.passwords[deployment.owner]),
            )
        )
        migrated = deployment.manage(
            "migrate", role=deployment.runtime, owner=deployment.owner
        )
        assert "Applying oversight.0002_history_append_only... OK" in migrated.stdout
        assert f"Migrated as {deployment.owner}" in migrated.stdout
        deployment.manage("loaddemo", "--quiet-users", role=deployment.runtime)
        yield deployment
    finally:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(deployment.database)
            )
        )
        for role in (deployment.owner, deployment.runtime):
            admin.execute(
                sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role))
            )
        admin.close()


def _trail(deployment: Deployment) -> tuple[int, str]:
    """The history table's row count and its trigger's state ('O': enabled)."""
    with deployment.connect(deployment.owner) as owner:
        count = owner.execute(f"SELECT count(*) FROM {HISTORY}").fetchone()
        enabled = owner.execute(
            "SELECT tgenabled FROM pg_trigger WHERE tgname = %s", [TRIGGER]
        ).fetchone()
    assert count and enabled
    return count[0], enabled[0]


@pytest.mark.parametrize("attack", [*ATTACKS, *OTHER_ATTEMPTS])
def test_each_attack_on_the_audit_trail_is_refused_to_the_application(
    deployment, attack
):
    before = _trail(deployment)
    assert before[0] > 0 and before[1] == "O"
    statement = ATTACKS[attack][0] if attack in ATTACKS else OTHER_ATTEMPTS[attack]
    with (
        deployment.connect(deployment.runtime) as runtime,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        runtime.execute(statement)
    assert _trail(deployment) == before


@pytest.mark.parametrize("attack", ATTACKS)
def test_each_attack_works_for_the_owner_so_the_refusal_is_the_role(deployment, attack):
    statement, worked = ATTACKS[attack]
    with deployment.connect(deployment.owner) as owner:
        owner.execute(statement)
        assert owner.execute(worked).fetchone() == (True,)
        owner.rollback()
    assert _trail(deployment)[1] == "O"


# Signs in through the sign-in page (a failure first), reads pages, records a
# progress update through its form, then seals and verifies the history: sessions,
# the sign-in log, a service's locked write, history, the data version and the
# seals, all as the application's role.
APPLICATION = """
import datetime as dt
import json
from django.test import Client
from django.utils import timezone
from oversight.management.commands.loaddemo import DEMO_PASSWORD
from recommendations.models import Item
from recommendations.seals import history_seal, history_verify
client = Client()
page = client.post("/sign-in/", {"username": "staff", "password": "not it"})
assert page.status_code == 200, page.status_code
signed_in = client.post("/sign-in/", {"username": "staff", "password": DEMO_PASSWORD})
assert signed_in.status_code == 302, signed_in.status_code
assert client.get("/items/").status_code == 200
item = Item.objects.filter(status="in_progress").order_by("pk").first()
saved = client.post(
    f"/items/{item.pk}/progress/",
    {"version": item.version, "text": "Recorded by the application's role."},
)
assert saved.status_code == 302, saved.content.decode()[:2000]
assert client.get(f"/items/{item.pk}/").status_code == 200
sealed = history_seal(now=timezone.now() + dt.timedelta(hours=1))
assert sealed and all(check.broken is None for check in history_verify())
print(json.dumps({"item": item.pk}))
"""


def test_the_application_works_as_its_own_role(deployment):
    result = deployment.manage("shell", "-c", APPLICATION, role=deployment.runtime)
    item = json.loads(result.stdout.strip().splitlines()[-1])["item"]
    with deployment.connect(deployment.runtime) as runtime:
        note = runtime.execute(
            "SELECT h.history_type, h.history_change_reason, u.username "
            "FROM recommendations_historicalprogressupdate h "
            "JOIN auth_user u ON u.id = h.history_user_id "
            "WHERE h.item_id = %s AND h.text = %s",
            [item, "Recorded by the application's role."],
        ).fetchall()
        failures = runtime.execute(
            "SELECT count(*) FROM recommendations_signinfailure WHERE username = %s",
            ["staff"],
        ).fetchone()
    assert note == [("+", "Progress recorded", "staff")]
    assert failures == (1,)


def test_the_application_cannot_migrate(deployment):
    applied = "SELECT count(*) FROM django_migrations"
    with deployment.connect(deployment.runtime) as runtime:
        before = runtime.execute(applied).fetchone()
    # Without the owner's URL, undoing a migration (dropping its table) is refused.
    result = deployment.manage(
        "migrate", "recommendations", "0011", role=deployment.runtime, check=False
    )
    assert result.returncode != 0
    assert "must be owner of table recommendations_" in result.stderr
    with deployment.connect(deployment.runtime) as runtime:
        assert runtime.execute(applied).fetchone() == before


def test_a_table_a_later_migration_creates_is_append_only_until_granted(deployment):
    with deployment.connect(deployment.owner) as owner:
        owner.execute(
            "CREATE TABLE later (id bigint GENERATED BY DEFAULT AS IDENTITY, note text)"
        )
    try:
        with deployment.connect(deployment.runtime) as runtime:
            runtime.execute("INSERT INTO later (note) VALUES ('added')")
            assert runtime.execute("SELECT note FROM later").fetchall() == [("added",)]
            runtime.commit()
            for statement in ("UPDATE later SET note = 'x'", "TRUNCATE later"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    runtime.execute(statement)
                runtime.rollback()
    finally:
        with deployment.connect(deployment.owner) as owner:
            owner.execute("DROP TABLE later")


def test_grants_are_given_again_and_checked(deployment):
    roles = {"role": deployment.runtime, "owner": deployment.owner}
    granted = deployment.manage("grantruntime", **roles)
    assert f"{deployment.runtime} holds row privileges only" in granted.stdout
    # Run again, createroles finds nothing left to create or hand over.
    again = deployment.manage(
        "createroles",
        "--owner",
        deployment.owner,
        "--runtime",
        deployment.runtime,
        "--dry-run",
        role=connection.settings_dict.get("USER") or "postgres",
    )
    assert "CREATE ROLE" not in again.stdout
    assert "OWNER TO" not in again.stdout
    # The check after granting fails when the runtime role could act as the owner.
    with _superuser() as admin:
        admin.execute(
            sql.SQL("GRANT {} TO {}").format(
                sql.Identifier(deployment.owner), sql.Identifier(deployment.runtime)
            )
        )
        try:
            refused = deployment.manage("grantruntime", check=False, **roles)
        finally:
            admin.execute(
                sql.SQL("REVOKE {} FROM {}").format(
                    sql.Identifier(deployment.owner),
                    sql.Identifier(deployment.runtime),
                )
            )
    assert refused.returncode != 0
    assert f"is a member of the owner role {deployment.owner}" in refused.stderr
