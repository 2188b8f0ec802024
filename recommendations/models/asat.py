"""Derived data, rebuilt or recounted from the records: the "as at" day index
(recommendations.asat writes it) and the data version (recommendations.figures)."""

from django.conf import settings
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
    # Copied from that history row: what the counts and the item list's filters
    # read (selectors.item_states_as_at), so a past day's totals are counted over
    # these narrow rows instead of joining a million history rows. Derived like
    # the rest: the same values as the row history_id names. Defaults in the
    # database, so an earlier release's INSERT (without these) still works.
    history_type = models.CharField(max_length=1, db_default="")
    kind = models.CharField(max_length=30, db_default="")
    status = models.CharField(max_length=30, db_default="")
    owners = models.CharField(max_length=200, db_default="")
    target_date = models.DateField(null=True)
    original_target_date = models.DateField(null=True)
    report = models.ForeignKey(
        "recommendations.Report",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        null=True,
        related_name="+",
    )
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        null=True,
        related_name="+",
    )

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


class DataVersion(models.Model):
    """One row counting the writes to items and reports, bumped inside each writing
    transaction (recommendations.figures).

    The newest history ids alone cannot say when the data changed: ids are given out
    when rows are written, not when transactions commit, so a slow transaction can
    commit an older id after a quick one committed a newer. Bumping this row takes
    its lock until commit, so writers commit in the order they bump, and a reader
    that sees a count sees every write it counts.
    """

    version = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"Data version {self.version}"
