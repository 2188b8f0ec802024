"""The derived "as at" day index (recommendations.asat writes it)."""

from django.db import models


class AsAtDay(models.Model):
    """A past day whose item states have been indexed (AsAtEntry rows written)."""

    day = models.DateField(primary_key=True)
    built_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Items as at {self.day:%Y-%m-%d}"


class AsAtEntry(models.Model):
    """Which history row held an item's state at the end of a past day.

    Derived from the append-only item history and rebuildable from it at any time
    (delete the rows and they are written again on the next "as at" view). The
    "as at" views read through it instead of searching every history row for each
    item on every request; see selectors.items_as_at and docs/performance.md.
    """

    day = models.DateField()
    item_id = models.IntegerField()
    history_id = models.IntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "item_id"], name="as_at_one_per_item"
            )
        ]
        indexes = [
            models.Index(fields=["day", "history_id"], name="as_at_day_history"),
        ]

    def __str__(self) -> str:
        return f"Item {self.item_id} as at {self.day:%Y-%m-%d}: row {self.history_id}"
