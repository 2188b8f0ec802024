"""Check every history seal against the rows it covers."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from recommendations.seals import history_verify


class Command(BaseCommand):
    help = (
        "Recompute each history table's hash chain from its rows and compare it "
        "with every seal (sealhistory); a covered row changed, removed or added "
        "fails the check, naming the table and the rows. Prints each table's newest "
        "hash, to compare with the one logged when it was sealed. Writes nothing."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        broken = []
        for check in history_verify():
            if check.broken is not None:
                broken.append(
                    f"{check.table}: a row after {check.verified_to}, up to "
                    f"{check.broken.last_history_id}, was changed, removed or added "
                    f"since the seal of {check.broken.sealed_at:%Y-%m-%d %H:%M}"
                )
                continue
            self.stdout.write(
                f"{check.table}: {check.sealed_rows} rows in {check.seals} seals "
                f"match; {check.unsealed_rows} newer rows not yet sealed; newest "
                f"hash {check.head or '(none)'}"
            )
        if broken:
            raise CommandError("History changed after sealing. " + "; ".join(broken))
