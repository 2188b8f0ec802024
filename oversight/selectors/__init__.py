"""Oversight's reads, one module per page family. Each returns typed results
(dataclasses or querysets) and writes nothing."""

from .dashboard import Chart, Dashboard, Figure, dashboard
from .item_panel import DateLedger, closure_decisions, date_ledger
from .review import (
    AGEING_BANDS,
    REVIEW_QUEUE_LIMIT,
    ageing_band,
    awaiting_date_decisions,
    awaiting_sign_off,
    awaiting_sign_off_count,
    band_counts,
    lead_teams,
    overdue_items,
    overdue_queryset,
)
from .s55 import S55Due, S55Row, s55_due, s55_recommendations, s55_reports, s55_rows
from .scrutiny import (
    ChangedItem,
    ClosedItem,
    CountRow,
    DateChange,
    FieldChange,
    LoadedReport,
    OverdueItem,
    ScrutinyPaper,
    changes_since,
    scrutiny_paper,
)

__all__ = [
    "AGEING_BANDS",
    "REVIEW_QUEUE_LIMIT",
    "ChangedItem",
    "Chart",
    "ClosedItem",
    "CountRow",
    "Dashboard",
    "DateChange",
    "DateLedger",
    "FieldChange",
    "Figure",
    "LoadedReport",
    "OverdueItem",
    "S55Due",
    "S55Row",
    "ScrutinyPaper",
    "ageing_band",
    "awaiting_date_decisions",
    "awaiting_sign_off",
    "awaiting_sign_off_count",
    "band_counts",
    "changes_since",
    "closure_decisions",
    "dashboard",
    "date_ledger",
    "lead_teams",
    "overdue_items",
    "overdue_queryset",
    "s55_due",
    "s55_recommendations",
    "s55_reports",
    "s55_rows",
    "scrutiny_paper",
]
