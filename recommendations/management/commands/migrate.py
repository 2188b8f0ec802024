"""Django's migrate, run as the owner role when MIGRATION_DATABASE_URL is set."""

from typing import Any

from django.core.management.base import CommandError
from django.core.management.commands import migrate
from django.db import connections

from recommendations import dbroles


class Command(migrate.Command):
    help = (
        migrate.Command.help
        + " With MIGRATION_DATABASE_URL set, connects as that owner role, and "
        "afterwards grants DATABASE_URL's role its row privileges again and checks "
        "it can change no schema (grantruntime)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        alias = options["database"]
        with dbroles.signed_in_as_owner(alias) as roles:
            super().handle(*args, **options)
            if roles is None or options["plan"]:
                return
            connection = connections[alias]
            dbroles.grant_runtime(connection, roles=roles)
            problems = dbroles.runtime_role_problems(connection, roles=roles)
            if problems:
                raise CommandError(
                    "Migrated, but the runtime role is not safe: "
                    + "; ".join(problems)
                    + ". Run createroles as a superuser."
                )
            if self.verbosity >= 1:
                self.stdout.write(
                    f"Migrated as {roles.owner}; {roles.runtime} holds row "
                    "privileges only."
                )
