"""A tamper-evident chain over the history: `sealhistory` seals, `verifyhistory`
checks.

Each history row's hash takes in the previous row's (in history id order, per
table), and a seal records the chain's hash at the newest row it covers, continuing
from its table's previous seal. Changing, removing or slipping in any covered row
changes that seal's hash and every one after it, so `verifyhistory`, recomputing
the chain from the rows, finds it. Nothing is added to writing a history row: the
chain is computed when sealing, from rows written more than SEAL_AFTER ago (a
transaction still open could yet commit a lower id).

Against whoever can rewrite both rows and seals (the database owner, a superuser),
the evidence is the seals' hashes kept outside the database: each new seal is
logged on the `tracker.security` logger, and `verifyhistory` prints each table's
newest hash to compare with the logged ones.
"""

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models, transaction
from django.utils import timezone

from .history import tracked_tables
from .models import HistorySeal

SEAL_AFTER = dt.timedelta(minutes=10)
_CHUNK = 2000

security_logger = logging.getLogger("tracker.security")


def history_models() -> list[type[models.Model]]:
    """Every history model, in table order."""
    history = tracked_tables()[1]
    return sorted(
        (m for m in apps.get_models() if m._meta.db_table.lower() in history),
        key=lambda m: m._meta.db_table,
    )


def _pk(model: type[models.Model]) -> str:
    return model._meta.pk.attname if model._meta.pk else "history_id"


def _plain(value: Any) -> str:
    if isinstance(value, dt.date | dt.time):  # datetimes too
        return value.isoformat()
    return str(value)  # Decimal, UUID


def row_hash(previous: str, values: Sequence[Any]) -> str:
    """One row's link in the chain: the previous hash and the row's values."""
    text = json.dumps(
        list(values), default=_plain, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(f"{previous}\n{text}".encode()).hexdigest()


def _chain(
    model: type[models.Model],
    *,
    columns: list[str],
    start: str,
    after: int,
    upto: int,
) -> tuple[str, int]:
    """The chain's hash over the rows after `after` up to `upto`, and their count."""
    pk = _pk(model)
    rows = (
        model._default_manager.filter(**{f"{pk}__gt": after, f"{pk}__lte": upto})
        .order_by(pk)
        .values_list(*columns)
        .iterator(chunk_size=_CHUNK)
    )
    chain, count = start, 0
    for values in rows:
        chain, count = row_hash(chain, values), count + 1
    return chain, count


def _columns(model: type[models.Model]) -> list[str]:
    return sorted(field.attname for field in model._meta.concrete_fields)


@transaction.atomic
def history_seal(*, now: dt.datetime | None = None) -> list[HistorySeal]:
    """Seal each history table's rows written before SEAL_AFTER ago that no seal
    covers yet, continuing the table's chain."""
    now = now or timezone.now()
    sealed = []
    for model in history_models():
        table = model._meta.db_table
        previous = (
            HistorySeal.objects.filter(history_table=table)
            .order_by("-last_history_id")
            .first()
        )
        after = previous.last_history_id if previous else 0
        pk = _pk(model)
        upto = model._default_manager.filter(
            **{f"{pk}__gt": after, "history_date__lte": now - SEAL_AFTER}
        ).aggregate(upto=models.Max(pk))["upto"]
        if upto is None:
            continue
        columns = _columns(model)
        chain_hash, count = _chain(
            model,
            columns=columns,
            start=previous.chain_hash if previous else "",
            after=after,
            upto=upto,
        )
        # Two sealers at once: the second to continue the same seal is refused by
        # the one-to-one link (a table's first seal, by its unique condition), and
        # the next run seals what it would have. No lock: the application's role
        # may only add seals, and locking a row needs the right to update it.
        seal = HistorySeal.objects.create(
            history_table=table,
            previous=previous,
            last_history_id=upto,
            row_count=count,
            columns=",".join(columns),
            chain_hash=chain_hash,
            sealed_at=now,
        )
        sealed.append(seal)
        security_logger.info(
            "history_sealed",
            extra={
                "security": {
                    "event": "history_sealed",
                    "user": None,
                    "ip": None,
                    "path": None,
                    "table": table,
                    "last_history_id": upto,
                    "rows": count,
                    "chain_hash": chain_hash,
                }
            },
        )
    return sealed


@dataclass(frozen=True)
class TableCheck:
    """One history table's chain, recomputed from its rows."""

    table: str
    seals: int
    sealed_rows: int
    unsealed_rows: int
    head: str  # the newest seal's hash ("" before the first seal)
    verified_to: int  # the last history id whose seal the rows still match
    # The first seal the rows no longer match, or None: a row after verified_to,
    # up to this seal's last, was changed, removed or added.
    broken: HistorySeal | None


def history_verify() -> list[TableCheck]:
    """Every history table's seals checked against the rows they cover."""
    checks = []
    for model in history_models():
        table = model._meta.db_table
        seals = list(
            HistorySeal.objects.filter(history_table=table)
            .select_related("previous")
            .order_by("last_history_id")
        )
        chain, after = "", 0
        previous: HistorySeal | None = None
        broken = None
        for seal in seals:
            recomputed = _chain(
                model,
                columns=seal.columns.split(","),
                start=chain,
                after=after,
                upto=seal.last_history_id,
            )
            if seal.previous_id != (previous.pk if previous else None) or (
                recomputed != (seal.chain_hash, seal.row_count)
            ):
                broken = seal
                break
            chain, after, previous = seal.chain_hash, seal.last_history_id, seal
        newest = seals[-1].last_history_id if seals else 0
        checks.append(
            TableCheck(
                table=table,
                seals=len(seals),
                sealed_rows=sum(seal.row_count for seal in seals),
                unsealed_rows=model._default_manager.filter(
                    **{f"{_pk(model)}__gt": newest}
                ).count(),
                head=seals[-1].chain_hash if seals else "",
                verified_to=after,
                broken=broken,
            )
        )
    return checks
