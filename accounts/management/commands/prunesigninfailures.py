"""Delete failed sign-ins older than the throttle window (run daily from cron)."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from accounts.throttle import prune_failures


class Command(BaseCommand):
    help = (
        "Delete the failed sign-ins the throttle no longer counts (older than "
        "SIGNIN_LOCKOUT_MINUTES). Each failure stays in the security log."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = prune_failures()
        self.stdout.write(
            f"Deleted {deleted} failed sign-in(s) older than "
            f"{settings.SIGNIN_LOCKOUT_MINUTES} minutes."
        )
