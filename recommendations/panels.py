"""Sections other apps add to the item page and the report page.

Oversight shows its records (closure decisions, target-date ledger) on the item page,
and the section 55 clock on the report page, without this app importing oversight:
oversight registers its panels at start-up.
"""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest

from .models import Item, Report

ItemPanel = Callable[[HttpRequest, Item], dict[str, Any] | None]
ReportPanel = Callable[[HttpRequest, Report], dict[str, Any] | None]
_PANELS: list[ItemPanel] = []
_REPORT_PANELS: list[ReportPanel] = []


def register(panel: ItemPanel) -> ItemPanel:
    """Add a panel: a function returning {"template": ..., **context} or None."""
    if panel not in _PANELS:
        _PANELS.append(panel)
    return panel


def panels_for(request: HttpRequest, item: Item) -> list[dict[str, Any]]:
    return [p for p in (panel(request, item) for panel in _PANELS) if p is not None]


def register_report_panel(panel: ReportPanel) -> ReportPanel:
    """Add a report page panel: returning {"template": ..., **context} or None."""
    if panel not in _REPORT_PANELS:
        _REPORT_PANELS.append(panel)
    return panel


def report_panels_for(request: HttpRequest, report: Report) -> list[dict[str, Any]]:
    return [
        p for p in (panel(request, report) for panel in _REPORT_PANELS) if p is not None
    ]
