"""Two PostgreSQL roles: an owner that migrates, and the application's own role,
which reads and writes rows but owns nothing.

The append-only triggers (history_triggers) stop UPDATE and DELETE on history
tables, but a table's owner may still truncate it, disable or drop its trigger,
replace the trigger's function or drop the table. So the role the application
connects as (DATABASE_URL) owns no object and holds row privileges only: SELECT,
INSERT, UPDATE and DELETE on ordinary tables, SELECT and INSERT on append-only ones,
SELECT on django_migrations; no TRUNCATE, TRIGGER or CREATE anywhere. The owner role
(MIGRATION_DATABASE_URL) owns the schema: `migrate` signs in as it, then grants the
runtime role its privileges again (`grant_runtime`). `createroles`, run once by a
superuser, creates both roles and hands every object in the schema to the owner.
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

from .history import tracked_tables

SCHEMA = "public"
# Plain lower-case identifiers only: role names are written into SQL, where
# statements about roles take no parameters.
_ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
# Migrations write it, as the owner; the application only reads it (the check for
# unapplied migrations, `migrate --check`).
READ_ONLY_TABLES = frozenset({"django_migrations"})
# What the runtime role must never hold, on any table and on append-only ones.
_NEVER_ON_ANY_TABLE = ("TRUNCATE", "TRIGGER", "REFERENCES")
_NEVER_ON_APPEND_ONLY = ("UPDATE", "DELETE", *_NEVER_ON_ANY_TABLE)
_NO_SPECIAL_POWERS = "NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS"


@dataclass(frozen=True)
class Roles:
    owner: str
    runtime: str

    def __post_init__(self) -> None:
        for name in (self.owner, self.runtime):
            if not _ROLE_NAME.fullmatch(name):
                raise ValueError(
                    f"{name!r} is not a plain role name: lower-case letters, digits "
                    "and underscores, at most 63, not starting with a digit."
                )
        if self.owner == self.runtime:
            raise ValueError("The owner and the runtime role must be two roles.")


def quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def append_only_tables() -> frozenset[str]:
    """History tables, and the tables of models declaring `append_only = True`."""
    declared = {
        model._meta.db_table.lower()
        for model in apps.get_models()
        if getattr(model, "append_only", False)
    }
    return tracked_tables()[1] | declared


@dataclass(frozen=True)
class Tables:
    """The application's tables as they exist, and the sequences their ids use."""

    names: list[str]
    sequences: dict[str, str]  # sequence -> its table


def application_tables(connection: BaseDatabaseWrapper) -> Tables:
    """Every installed model's table (many-to-many ones too) that exists."""
    existing = set(connection.introspection.table_names())
    models = connection.introspection.django_table_names(only_existing=True)
    names = sorted({*models, *(READ_ONLY_TABLES & existing)})
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT s.relname, t.relname FROM pg_class s "
            "JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i') "
            "AND d.classid = 'pg_class'::regclass "
            "AND d.refclassid = 'pg_class'::regclass "
            "JOIN pg_class t ON t.oid = d.refobjid "
            "WHERE s.relkind = 'S' AND s.relnamespace = %s::regnamespace",
            [SCHEMA],
        )
        sequences = {
            sequence: table for sequence, table in cursor.fetchall() if table in names
        }
    return Tables(names=names, sequences=sequences)


@contextmanager
def signed_in_as_owner(alias: str = DEFAULT_DB_ALIAS) -> Iterator[Roles | None]:
    """Connect `alias` as MIGRATION_DATABASE_URL's owner role inside the block.

    Yields the two roles, or None, leaving the connection as it is, when no owner
    role is configured or the connection is not to the configured database: the
    test runner's copy is created, and so migrated, by the test runner's own role.
    """
    connection = connections[alias]
    owner = settings.MIGRATION_DATABASE
    if (
        owner is None
        or alias != DEFAULT_DB_ALIAS
        or connection.settings_dict["NAME"] != owner["NAME"]
    ):
        yield None
        return
    saved = dict(connection.settings_dict)
    roles = Roles(owner=owner["USER"], runtime=saved["USER"])
    connection.close()
    connection.settings_dict.update(
        {key: owner.get(key, "") for key in ("USER", "PASSWORD", "HOST", "PORT")},
        OPTIONS=owner.get("OPTIONS", {}),
    )
    try:
        yield roles
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


def grant_statements(*, roles: Roles, tables: Tables) -> list[str]:
    """The runtime role's privileges, granted again from nothing: rows only."""
    runtime, owner = quote(roles.runtime), quote(roles.owner)
    append_only = append_only_tables()

    def ordinary(table: str) -> bool:
        return table not in append_only and table not in READ_ONLY_TABLES

    groups = {
        "SELECT, INSERT, UPDATE, DELETE": [t for t in tables.names if ordinary(t)],
        "SELECT, INSERT": [t for t in tables.names if t in append_only],
        "SELECT": [t for t in tables.names if t in READ_ONLY_TABLES],
    }
    statements = [
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {SCHEMA} FROM {runtime}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {SCHEMA} FROM {runtime}",
    ]
    for privileges, group in groups.items():
        if group:
            statements.append(
                f"GRANT {privileges} ON TABLE {', '.join(map(quote, group))} "
                f"TO {runtime}"
            )
    statements.append(
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {SCHEMA} TO {runtime}"
    )
    # Setting an id counter (loaddata does, after loading rows with their ids) is
    # a write like any other to an ordinary table; a history table's counter moves
    # only as rows are added, so its ids cannot be made to skip or collide.
    settable = sorted(seq for seq, table in tables.sequences.items() if ordinary(table))
    if settable:
        statements.append(
            f"GRANT UPDATE ON SEQUENCE {', '.join(map(quote, settable))} TO {runtime}"
        )
    statements += [
        # A table a later migration creates starts with what every table needs and
        # all an append-only one may have; `migrate` then grants the rest. A new
        # history table is never writable, even between the two.
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {SCHEMA} "
        f"GRANT SELECT, INSERT ON TABLES TO {runtime}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {SCHEMA} "
        f"GRANT USAGE, SELECT ON SEQUENCES TO {runtime}",
    ]
    return statements


def _one(cursor: Any, sql: str, params: list[Any]) -> Any:
    cursor.execute(sql, params)
    row = cursor.fetchone()
    return row[0] if row else None


def role_statements(connection: BaseDatabaseWrapper, *, roles: Roles) -> list[str]:
    """What makes this database's roles so: both exist, the owner owns every object
    in the schema, the runtime role owns nothing and holds row privileges only.

    Read from the database as it is now, so running it again changes nothing.
    """
    owner, runtime = quote(roles.owner), quote(roles.runtime)
    statements = []
    with connection.cursor() as cursor:
        database = quote(_one(cursor, "SELECT current_database()", []))
        cursor.execute(
            "SELECT rolname, rolsuper FROM pg_roles WHERE rolname IN (%s, %s)",
            [roles.owner, roles.runtime],
        )
        existing = dict(cursor.fetchall())
        for name, superuser in existing.items():
            if superuser:
                raise ValueError(
                    f"{name} is a superuser, which no table privilege binds: name "
                    "another role."
                )
        for name in (roles.owner, roles.runtime):
            if name not in existing:
                statements.append(f"CREATE ROLE {quote(name)} LOGIN")
        statements.append(f"ALTER ROLE {runtime} {_NO_SPECIAL_POWERS}")
        if _one(
            cursor,
            "SELECT count(*) FROM pg_auth_members m "
            "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles r ON r.oid = m.member "
            "WHERE g.rolname = %s AND r.rolname = %s",
            [roles.owner, roles.runtime],
        ):
            statements.append(f"REVOKE {owner} FROM {runtime}")
        statements += [
            f"GRANT CONNECT ON DATABASE {database} TO {owner}, {runtime}",
            f"REVOKE CREATE ON DATABASE {database} FROM PUBLIC, {runtime}",
            f"REVOKE CREATE ON SCHEMA {SCHEMA} FROM PUBLIC, {runtime}",
            f"GRANT USAGE, CREATE ON SCHEMA {SCHEMA} TO {owner}",
            f"GRANT USAGE ON SCHEMA {SCHEMA} TO {runtime}",
        ]
        if (
            _one(
                cursor,
                "SELECT pg_get_userbyid(datdba) FROM pg_database "
                "WHERE datname = current_database()",
                [],
            )
            == roles.runtime
        ):
            statements.append(f"ALTER DATABASE {database} OWNER TO {owner}")
        # Tables, views and free-standing sequences (a column's sequence follows
        # its table), then functions: everything in the schema but what an
        # extension owns.
        cursor.execute(
            "SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' "
            "WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, c.relname "
            "FROM pg_class c WHERE c.relnamespace = %s::regnamespace "
            "AND c.relkind IN ('r', 'p', 'v', 'm', 'S') "
            "AND pg_get_userbyid(c.relowner) <> %s "
            "AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid "
            "AND d.classid = 'pg_class'::regclass AND (d.deptype = 'e' "
            "OR (c.relkind = 'S' AND d.deptype IN ('a', 'i')))) "
            "ORDER BY c.relname",
            [SCHEMA, roles.owner],
        )
        for kind, name in cursor.fetchall():
            statements.append(f"ALTER {kind} {quote(name)} OWNER TO {owner}")
        cursor.execute(
            "SELECT p.oid::regprocedure::text FROM pg_proc p "
            "WHERE p.pronamespace = %s::regnamespace "
            "AND pg_get_userbyid(p.proowner) <> %s "
            "AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid "
            "AND d.classid = 'pg_proc'::regclass AND d.deptype = 'e') "
            "ORDER BY 1",
            [SCHEMA, roles.owner],
        )
        for (signature,) in cursor.fetchall():
            statements.append(f"ALTER ROUTINE {signature} OWNER TO {owner}")
    return statements + grant_statements(
        roles=roles, tables=application_tables(connection)
    )


def execute(connection: BaseDatabaseWrapper, statements: list[str]) -> None:
    """Run the statements in one transaction: all of them take effect, or none."""
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def grant_runtime(connection: BaseDatabaseWrapper, *, roles: Roles) -> None:
    """Grant the runtime role its row privileges again, as the tables now are."""
    execute(
        connection, grant_statements(roles=roles, tables=application_tables(connection))
    )


def runtime_role_problems(
    connection: BaseDatabaseWrapper, *, roles: Roles
) -> list[str]:
    """Every way the runtime role could reach past rows to the schema: none is
    allowed (the attacks in tests/security/test_database_roles.py)."""
    runtime = roles.runtime
    problems = []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rolsuper, rolcreatedb, rolcreaterole, rolreplication, "
            "rolbypassrls FROM pg_roles WHERE rolname = %s",
            [runtime],
        )
        row = cursor.fetchone()
        if row is None:
            return [f"the runtime role {runtime} does not exist"]
        for power, held in zip(_NO_SPECIAL_POWERS.split(), row, strict=True):
            if held:
                problems.append(f"{runtime} has {power.removeprefix('NO')}")
        if _one(
            cursor,
            "SELECT pg_has_role(%s, oid, 'MEMBER') FROM pg_roles WHERE rolname = %s",
            [runtime, roles.owner],
        ):
            problems.append(f"{runtime} is a member of the owner role {roles.owner}")
        owned = _one(
            cursor,
            "SELECT (SELECT count(*) FROM pg_class WHERE relpersistence <> 't' "
            "AND pg_get_userbyid(relowner) = %s) "
            "+ (SELECT count(*) FROM pg_proc WHERE pg_get_userbyid(proowner) = %s) "
            "+ (SELECT count(*) FROM pg_namespace "
            "WHERE pg_get_userbyid(nspowner) = %s) "
            "+ (SELECT count(*) FROM pg_database WHERE datname = current_database() "
            "AND pg_get_userbyid(datdba) = %s)",
            [runtime] * 4,
        )
        if owned:
            problems.append(f"{runtime} owns {owned} objects in this database")
        if _one(
            cursor,
            "SELECT has_database_privilege(%s, current_database(), 'CREATE') "
            "OR has_schema_privilege(%s, %s, 'CREATE')",
            [runtime, runtime, SCHEMA],
        ):
            problems.append(f"{runtime} may create objects (no DDL is allowed)")
        tables = application_tables(connection)
        append_only = append_only_tables()
        refused = [
            (name, privilege)
            for name in tables.names
            for privilege in (
                _NEVER_ON_APPEND_ONLY if name in append_only else _NEVER_ON_ANY_TABLE
            )
        ] + [
            (sequence, "UPDATE")
            for sequence, table in tables.sequences.items()
            if table in append_only
        ]
        # has_table_privilege reads a sequence's privileges too.
        cursor.execute(
            "SELECT name, privilege "
            "FROM unnest(%s::text[], %s::text[]) AS refused(name, privilege) "
            "WHERE has_table_privilege(%s, quote_ident(name), privilege) "
            "ORDER BY 1, 2",
            [[n for n, _ in refused], [p for _, p in refused], runtime],
        )
        problems += [
            f"{runtime} has {privilege} on {name}"
            for name, privilege in cursor.fetchall()
        ]
    return sorted(set(problems))
