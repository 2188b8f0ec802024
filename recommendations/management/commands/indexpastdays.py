"""Build the "as at" index for days that have ended (run nightly from cron)."""

import argparse
import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from recommendations import dates
from recommendations.asat import as_at_index_day


def _day(value: str) -> dt.date:
    try:
        return dates.argument(value)
    except argparse.ArgumentTypeError as error:
        raise CommandError(str(error)) from error


class Command(BaseCommand):
    help = (
        "Index each item's state at the end of past days, so the 'as at' views of "
        "those days read an index instead of searching the whole history. Only days "
        "that have ended can be indexed; a day already indexed is left as it is. "
        "Default: yesterday."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--day",
            action="append",
            type=_day,
            default=[],
            help="A day to index (YYYY-MM-DD); repeat for several.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        days = options["day"] or [today - dt.timedelta(days=1)]
        for day in sorted(set(days)):
            if day >= today:
                raise CommandError(
                    f"{day:%Y-%m-%d} has not ended: it cannot be indexed."
                )
            built = as_at_index_day(day=day)
            state = "indexed" if built else "already indexed"
            self.stdout.write(f"{day:%Y-%m-%d}: {state}")
