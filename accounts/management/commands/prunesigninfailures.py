"""Delete failed sign-ins older than the throttle window (run daily from cron)."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from accounts.throttle import prune_failures


class Command(BaseCommand):
    help = (
        "Delete the failed sign-ins the throttle no longer counts (older than "
        "SIGNIN_LOCKOUT_MINUTES). Each failure stays in the security log."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = prune_failures()
        minutes = settings.SIGNIN_LOCKOUT_MINUTES
        self.stdout.write(
            ngettext(
                "Deleted %(n)d failed sign-in older than %(minutes)d minutes.",
                "Deleted %(n)d failed sign-ins older than %(minutes)d minutes.",
                deleted,
            )
            % {"n": deleted, "minutes": minutes}
        )
