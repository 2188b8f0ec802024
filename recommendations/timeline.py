"""An item's timeline: the entries that record its moves and its progress.

The building blocks the services share, never called outside a service's
transaction: the item must already be locked (recommendations.versions) and the move
checked (recommendations.workflow).
"""

from collections.abc import Callable

from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import workflow
from .evidence import CheckedEvidence
from .history import save_with_history
from .models import Item, ProgressUpdate
from .versions import save_item


def record_decision(
    item: Item, *, actor: User, decision: workflow.Decision, text: str
) -> ProgressUpdate:
    """Move a locked, checked item as decided, save it, add the move to its timeline.

    For oversight's decision services (oversight.services), each of which sets the
    fields its rule names on the item first.
    """
    status_from = move(item, to=decision.to, reason="", actor=actor)
    save_item(item, actor=actor, reason=text)
    return append_entry(item=item, actor=actor, text=text, status_from=status_from)


# What other apps do, in the same transaction, when an item stops being open
# (signed off, or no further action): oversight lapses its pending date requests.
# Registered at start-up, as panels are, so this app imports none of them.
WhenClosed = Callable[..., None]  # called as hook(item=..., actor=...)
_WHEN_CLOSED: list[WhenClosed] = []


def register_when_closed(hook: WhenClosed) -> WhenClosed:
    if hook not in _WHEN_CLOSED:
        _WHEN_CLOSED.append(hook)
    return hook


def move(item: Item, *, to: str, reason: str, actor: User) -> str:
    """Set a checked status on a locked item; the status it left, or "" if none."""
    if to == item.status:
        return ""
    status_from = item.status
    item.status = to
    # Only "no further action" keeps a reason on the item; any other move clears it.
    item.status_reason = reason.strip()
    open_values = Item.Status.open_values()
    if status_from in open_values and to not in open_values:
        for hook in _WHEN_CLOSED:
            hook(item=item, actor=actor)
    return status_from


def append_entry(
    *,
    item: Item,
    actor: User,
    text: str,
    status_from: str,
    evidence_file: UploadedFile | None = None,
    checked: CheckedEvidence | None = None,
    evidence_link: str = "",
) -> ProgressUpdate:
    """Add an entry to the item's timeline; a move when `status_from` is set."""
    update = ProgressUpdate(
        item=item,
        author=actor,
        created_at=timezone.now(),
        text=text.strip(),
        status_from=status_from,
        status_to=item.status if status_from else "",
        evidence_link=evidence_link.strip(),
    )
    if checked is not None and evidence_file is not None:
        update.evidence_name = checked.name
        update.evidence_content_type = checked.content_type
        update.evidence_size = checked.size
        # The stored name is generated; the original name is kept only as text so
        # that no user-chosen path reaches the file system.
        extension = checked.name.rsplit(".", 1)[-1].lower()
        update.evidence_file.save(f"evidence.{extension}", evidence_file, save=False)
    try:
        save_with_history(update, actor=actor, reason=str(_("Progress recorded")))
    except Exception:
        # Nothing else is written after the update row, so a failure here is the
        # only way the transaction rolls back with a file already on disk.
        if update.evidence_file:
            update.evidence_file.delete(save=False)
        raise
    return update
