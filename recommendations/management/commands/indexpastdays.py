"""Build the "as at" index for days that have ended (run nightly from cron)."""

import argparse
import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from recommendations import dates
from recommendations.asat import as_at_index_day, is_kept, prune_index


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
        "Default: yesterday. Then prunes the days the index no longer keeps "
        "(AS_AT_KEEP_DAYS, AS_AT_KEEP_MONTH_ENDS)."
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
            if not is_kept(day, today=today):
                state += " (older than the index keeps: kept until the next run)"
            self.stdout.write(f"{day:%Y-%m-%d}: {state}")
        dropped = prune_index(today=today, spare=days)
        if dropped:
            self.stdout.write(
                f"Pruned {len(dropped)} day{'s' if len(dropped) != 1 else ''} "
                "the index no longer keeps: "
                + ", ".join(f"{day:%Y-%m-%d}" for day in dropped)
            )
