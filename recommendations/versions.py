"""Optimistic concurrency: the one version check every service uses.

A form carries the item's version. The service locks the row, compares, and on a
match writes with the version incremented; a stale form is told who changed the
item and when, and nothing is written.

A report has no version column: its latest history row stands for it (every write
to a tracked row adds one, recommendations.history), so a report form carries the
id of the change it was opened after.
"""

from collections.abc import Sequence
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from . import people
from .history import save_with_history
from .models import Item, Report
from .selectors import HistoryEntry, item_history


class ConflictError(ValidationError):
    """The record changed after the form was opened; nothing was written.

    For an item, carries its current version and the changes made since the
    version the form was opened at, so the form can be shown again with the
    person's input, what changed beside it, and the new version
    (recommendations.forms).
    """

    current_version: int = 0
    changes: "Sequence[HistoryEntry]" = ()


def _changed_by(latest: Any) -> dict[str, str]:
    """Who made a change, and when, as the conflict messages name them."""
    return {
        "who": people.display_name(latest.history_user if latest else None),
        "when": date_format(timezone.localtime(latest.history_date), "j F Y \\a\\t H:i")
        if latest
        else "",
    }


def changed_by(record: Any) -> dict[str, str]:
    """Who made a tracked record's latest change, and when: for "changed by X on T"."""
    return _changed_by(record.history.select_related("history_user").first())


def item_conflict(item: Item, expected_version: int | None = None) -> ConflictError:
    """The error for a form opened before the item's latest change."""
    error = ConflictError(
        _(
            "This item was changed by %(who)s on %(when)s since you opened it. "
            "Nothing has been saved. Review the current details and try again."
        )
        % changed_by(item),
        code="stale",
    )
    error.current_version = item.version
    error.changes = [
        entry
        for entry in item_history(item_id=item.pk)
        if expected_version is not None and entry.version > expected_version
    ]
    return error


def _latest_report_change(report: Report) -> Any:
    # By id, not date: rows loaded with their story's past dates (oversight.demo)
    # are still older changes than any made since.
    return report.history.select_related("history_user").order_by("-history_id").first()


def report_change_id(report: Report) -> int | None:
    """The report's latest change, which a report form carries as its version."""
    latest = _latest_report_change(report)
    return latest.history_id if latest else None


def lock_report(*, report_id: int, expected_change: int | None) -> Report:
    """Lock the report row; refuse if it changed after `expected_change`."""
    report = Report.objects.select_for_update().get(pk=report_id)
    latest = _latest_report_change(report)
    if (latest.history_id if latest else None) != expected_change:
        raise ConflictError(
            _(
                "This report was changed by %(who)s on %(when)s since you opened "
                "it. Nothing has been saved. Review the current details and try "
                "again."
            )
            % _changed_by(latest),
            code="stale",
        )
    return report


def lock_item(*, item_id: int, expected_version: int | None) -> Item:
    """Lock the item row; refuse if it changed since `expected_version` was read.

    `None` locks without comparing: for writes that overwrite nothing of the item
    (a note on its timeline, a request about it).
    """
    item = Item.objects.select_for_update().get(pk=item_id)
    if expected_version is not None and item.version != expected_version:
        raise item_conflict(item, expected_version)
    return item


def save_item(item: Item, *, actor: User | None, reason: str) -> None:
    """Write a locked item with its version incremented, so open forms go stale."""
    item.version += 1
    save_with_history(item, actor=actor, reason=reason)
