"""Sections other apps add to the item page.

Oversight shows its records (closure decisions, target-date ledger) on the item page
without this app importing oversight: oversight registers a panel at start-up.
"""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest

from .models import Item

ItemPanel = Callable[[HttpRequest, Item], dict[str, Any] | None]
_PANELS: list[ItemPanel] = []


def register(panel: ItemPanel) -> ItemPanel:
    """Add a panel: a function returning {"template": ..., **context} or None."""
    if panel not in _PANELS:
        _PANELS.append(panel)
    return panel


def panels_for(request: HttpRequest, item: Item) -> list[dict[str, Any]]:
    return [p for p in (panel(request, item) for panel in _PANELS) if p is not None]
