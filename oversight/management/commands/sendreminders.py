"""Email each lead a digest of overdue and soon-due items, and each reviewer theirs.

Rule: at most one digest of each kind per person per day. Each digest is claimed in
the database (ReminderLog, status "sending") before it is sent and marked sent or
failed after, so a second run the same day, even one overlapping this one, sends
nothing twice. A failure for one recipient is recorded and reported (and may be
tried again by a later run), and the others still get theirs.
"""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from oversight.reminders import send_reminders
from recommendations import dates


class Command(BaseCommand):
    help = (
        "Send each lead one digest of their overdue items and those due soon, and "
        "each reviewer one digest of what awaits them; never twice in one day."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--due-within",
            type=int,
            default=settings.REMINDER_DUE_WITHIN_DAYS,
            help="Include items due within this many days (default %(default)s).",
        )
        parser.add_argument(
            "--date",
            type=dates.argument,
            default=None,
            help="Run as if today were this date (YYYY-MM-DD).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["due_within"] < 0:
            raise CommandError("--due-within must be 0 or more days.")
        today = options["date"] or timezone.localdate()
        outcome = send_reminders(today=today, due_within_days=options["due_within"])
        for label in outcome.sent:
            self.stdout.write(f"sent     {label}")
        for label in outcome.skipped:
            self.stdout.write(f"skipped  {label} (already sent, or being sent, today)")
        for label, error in outcome.failed:
            self.stderr.write(f"FAILED   {label}: {error}")
        self.stdout.write(
            f"{len(outcome.sent)} sent, {len(outcome.skipped)} already sent, "
            f"{len(outcome.failed)} failed."
        )
        if outcome.failed:
            failed = len(outcome.failed)
            raise CommandError(
                f"{failed} {'digest' if failed == 1 else 'digests'} could not be sent."
            )
