"""Seal the history written since the last seal (run from cron)."""

from typing import Any

from django.core.management.base import BaseCommand

from recommendations.seals import SEAL_AFTER, history_seal


class Command(BaseCommand):
    help = (
        "Seal each history table's rows written more than "
        f"{int(SEAL_AFTER.total_seconds() // 60)} minutes ago that no seal covers: "
        "a hash chained through every row, continuing the table's previous seal, "
        "so that verifyhistory finds any covered row changed, removed or added. "
        "Each new seal's hash is logged on tracker.security, outside the database. "
        "Run hourly or nightly from cron, as the application's role."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        seals = history_seal()
        for seal in seals:
            self.stdout.write(
                f"{seal.history_table}: {seal.row_count} rows sealed, to row "
                f"{seal.last_history_id}: {seal.chain_hash}"
            )
        if not seals:
            self.stdout.write("Nothing new to seal.")
