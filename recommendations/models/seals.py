"""Seals over the history: a hash chained through every row of a history table, so
that a row changed, removed or slipped in after sealing is found
(recommendations.seals)."""

from typing import ClassVar

from django.db import models


class HistorySeal(models.Model):
    """The chain's hash at the newest row it covers, in one history table.

    Each row's hash takes in the one before it, and each seal continues from its
    table's previous seal, so changing any covered row changes every hash after it.
    """

    history_table = models.CharField(max_length=100)
    previous = models.OneToOneField(
        "self", null=True, on_delete=models.PROTECT, related_name="next"
    )
    last_history_id = models.BigIntegerField()
    row_count = models.PositiveIntegerField()  # the rows this seal added
    # The columns hashed, so a column a later migration adds leaves old seals true.
    columns = models.TextField()
    chain_hash = models.CharField(max_length=64)
    sealed_at = models.DateTimeField()
    # A log: written once, never changed (recommendations.dbroles grants so).
    append_only: ClassVar[bool] = True

    class Meta:
        constraints = [
            # One chain per table: one first seal, and each seal followed by one.
            models.UniqueConstraint(
                fields=["history_table"],
                condition=models.Q(previous=None),
                name="seal_one_first_per_table",
            ),
        ]
        indexes = [
            models.Index(
                fields=["history_table", "last_history_id"], name="seal_table_last"
            )
        ]

    def __str__(self) -> str:
        return f"{self.history_table} to row {self.last_history_id}: {self.chain_hash}"
