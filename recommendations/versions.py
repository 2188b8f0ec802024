"""Optimistic concurrency for items: the one version check every service uses.

A form carries the item's version. The service locks the row, compares, and on a
match writes with the version incremented; a stale form is told who changed the
item and when, and nothing is written.
"""

from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from . import people
from .history import save_with_history
from .models import Item
from .selectors import HistoryEntry, item_history


class ConflictError(ValidationError):
    """The item changed after the form was opened; nothing was written.

    Carries the item's current version and the changes made since the version the
    form was opened at, so the form can be shown again with the person's input,
    what changed beside it, and the new version (recommendations.forms).
    """

    current_version: int = 0
    changes: "list[HistoryEntry]"


def changed_by(record: Any) -> dict[str, str]:
    """Who made a tracked record's latest change, and when: for "changed by X on T"."""
    latest = record.history.select_related("history_user").first()
    who = people.display_name(latest.history_user if latest else None)
    when = (
        date_format(timezone.localtime(latest.history_date), "j F Y \\a\\t H:i")
        if latest
        else ""
    )
    return {"who": who, "when": when}


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
