"""Create the owner and runtime roles and give each its place (run once, as a
PostgreSQL superuser)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections

from recommendations import dbroles


class Command(BaseCommand):
    help = (
        "Create the owner role (owns the schema and runs migrate) and the runtime "
        "role (the application's: reads and writes rows, owns nothing, never "
        "truncates, alters or drops), if missing; give the owner every object in "
        "the schema; grant the runtime role row privileges only (SELECT and INSERT "
        "on history tables); then check it. Run as a superuser, for example with "
        "DATABASE_URL=postgres://postgres@host/tracker. Safe to run again. Sets no "
        "passwords: set them with psql's \\password, which sends only a hash."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--owner", required=True, help="The owner role's name.")
        parser.add_argument(
            "--runtime", required=True, help="The application's role's name."
        )
        parser.add_argument(
            "--database",
            default=DEFAULT_DB_ALIAS,
            help="The database connection to use (default: default).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print the SQL this database needs now, and change nothing.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        connection = connections[options["database"]]
        if connection.vendor != "postgresql":
            raise CommandError("Database roles are for PostgreSQL only.")
        try:
            roles = dbroles.Roles(owner=options["owner"], runtime=options["runtime"])
            statements = dbroles.role_statements(connection, roles=roles)
        except ValueError as error:
            raise CommandError(str(error)) from error
        if options["dry_run"]:
            self.stdout.write("\n".join(f"{statement};" for statement in statements))
            return
        with connection.cursor() as cursor:
            cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            if not cursor.fetchone()[0]:
                raise CommandError(
                    "Run createroles as a superuser (DATABASE_URL naming one); "
                    "--dry-run prints the SQL for one to run."
                )
        dbroles.execute(connection, statements)
        problems = dbroles.runtime_role_problems(connection, roles=roles)
        if problems:
            raise CommandError("; ".join(problems))
        self.stdout.write(
            self.style.SUCCESS(
                f"{roles.owner} owns the schema; {roles.runtime} holds row "
                "privileges only."
            )
        )
        self.stdout.write(
            f"Set passwords with psql: \\password {roles.owner} and \\password "
            f"{roles.runtime}. Then DATABASE_URL names {roles.runtime} and "
            f"MIGRATION_DATABASE_URL names {roles.owner}."
        )
