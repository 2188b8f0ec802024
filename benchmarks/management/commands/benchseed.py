"""Create the benchmark database afresh and fill it with a national data set.

Refuses any database whose name does not contain "bench": it drops and recreates
the database it is pointed at.
"""

import time
from pathlib import Path
from typing import Any

import psycopg
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.utils import timezone

from benchmarks.seed import Scale, seed


def recreate_database() -> None:
    """Drop and create the (benchmark) database the default connection names."""
    settings_dict = connection.settings_dict
    name = str(settings_dict["NAME"])
    if "bench" not in Path(name).name:
        raise CommandError(
            f"Refusing to recreate {name!r}: the benchmark only writes to a database "
            "whose name contains 'bench' (set DATABASE_URL, see `make bench`)."
        )
    connection.close()
    if connection.vendor == "postgresql":
        params = connection.get_connection_params()
        params["dbname"] = "postgres"
        with psycopg.connect(**params, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
    else:
        Path(name).unlink(missing_ok=True)


class Command(BaseCommand):
    help = "Recreate the benchmark database and seed a national-scale data set."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--items", type=int, default=Scale.items)
        parser.add_argument(
            "--lean",
            action="store_true",
            help="One history row per item and no progress updates (list-only runs).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["items"] < 1:
            raise CommandError("--items must be at least 1.")
        scale = Scale.for_items(options["items"], rich=not options["lean"])
        recreate_database()
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        self.stdout.write(
            f"Seeding {scale.items:,} items into {connection.settings_dict['NAME']}"
        )
        counts = seed(scale, today=timezone.localdate(), stdout=self.stdout)
        self.stdout.write(
            f"Seeded {counts['items']:,} items, {counts['history']:,} history rows in "
            f"{time.perf_counter() - started:.0f} s"
        )
