"""Reports, their items and the progress recorded against them.

One module per idea: reports (and the shared choices), items (with their queries
and RAG), progress (updates and evidence storage), asat (the derived day index),
seals (the hash chain over the history).
"""

from .asat import AsAtDay, AsAtEntry, DataVersion
from .items import (
    Item,
    ItemDisplayMixin,
    ItemQuerySet,
    annotate_rag,
    open_q,
    overdue_q,
    owned_by_q,
)
from .progress import EvidenceStorage, ProgressUpdate, evidence_storage
from .reports import S55_PERIOD_DAYS, Inspectorate, Owner, Report
from .seals import HistorySeal

__all__ = [
    "S55_PERIOD_DAYS",
    "AsAtDay",
    "AsAtEntry",
    "DataVersion",
    "EvidenceStorage",
    "HistorySeal",
    "Inspectorate",
    "Item",
    "ItemDisplayMixin",
    "ItemQuerySet",
    "Owner",
    "ProgressUpdate",
    "Report",
    "annotate_rag",
    "evidence_storage",
    "open_q",
    "overdue_q",
    "owned_by_q",
]
