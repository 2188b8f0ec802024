"""Grant the runtime role its row privileges again, as the owner role."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from recommendations import dbroles


class Command(BaseCommand):
    help = (
        "As MIGRATION_DATABASE_URL's owner role, grant DATABASE_URL's role row "
        "privileges on every application table again (SELECT and INSERT only on "
        "history tables; never TRUNCATE), then check it owns nothing and can change "
        "no schema. `migrate` does this after migrating; safe to run again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print the SQL, and change nothing.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with dbroles.signed_in_as_owner() as roles:
            if roles is None:
                raise CommandError(
                    "Set MIGRATION_DATABASE_URL to the owner role's URL (README, "
                    "Production): the grants are the owner's to give."
                )
            if options["dry_run"]:
                statements = dbroles.grant_statements(
                    roles=roles, tables=dbroles.application_tables(connection)
                )
                self.stdout.write("\n".join(f"{sql};" for sql in statements))
                return
            dbroles.grant_runtime(connection, roles=roles)
            problems = dbroles.runtime_role_problems(connection, roles=roles)
        if problems:
            raise CommandError("; ".join(problems))
        self.stdout.write(
            self.style.SUCCESS(f"{roles.runtime} holds row privileges only.")
        )
