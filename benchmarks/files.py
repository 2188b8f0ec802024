"""The downloads at national scale, each beside the physical limit for its file.

- CSV: the export as a signed-in panel member downloads it (the whole request,
  through Django's middleware, read to the last byte), against PostgreSQL's own
  `COPY (SELECT ...) TO STDOUT WITH CSV` of the very query the export reads (same
  rows, same columns, same last-update lookup), read to the last byte.
- XLSX: the export the same way, against a bare openpyxl write-only loop writing
  the same values (fetched beforehand, not timed) to a temporary file.

Each measurement runs in a process of its own (`manage.py benchfiles`), so that its
peak memory is its own: the figure is how far the process's peak resident memory
grew during the download, after a small download of the same kind has loaded
every module it needs.
"""

import resource
import tempfile
import time
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from benchmarks import load
from recommendations import exports
from recommendations.models import Item
from recommendations.models.items import annotate_rag


def _peak_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _download(client: Client, extension: str, query: str) -> dict[str, Any]:
    """One export through the whole request, read to the end as a browser would."""
    url = reverse("recommendations:item_export", args=[extension]) + query
    before = _peak_kib()
    started = time.perf_counter()
    response = client.get(url, secure=True)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    first_byte = None
    size = 0
    # attr-defined: a download is a streaming response (the stubs type a page).
    for chunk in response.streaming_content:  # type: ignore[attr-defined]
        if first_byte is None:
            first_byte = time.perf_counter() - started
        size += len(chunk)
    response.close()
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "first_byte_seconds": first_byte or seconds,
        "bytes": size,
        "peak_growth_mb": max(_peak_kib() - before, 0) / 1024,
    }


def _export_queryset() -> Any:
    """The query the export runs for the unfiltered list (recommendations.views)."""
    today = timezone.localdate()
    items = annotate_rag(Item.objects.select_related("report", "lead"), today)
    ordered = items.order_by("-report__published_on", "report__title", "id")
    return exports.export_values(exports.with_last_update(ordered))


def copy_reference() -> dict[str, Any]:
    """PostgreSQL's COPY of the export's own query to CSV, read to the last byte."""
    sql, params = _export_queryset().query.sql_with_params()
    # attr-defined: PostgreSQL's operations only (mogrify), not in the stubs.
    statement = connection.ops.compose_sql(  # type: ignore[attr-defined]
        f"COPY ({sql}) TO STDOUT WITH CSV", params
    )
    size = rows = 0
    started = time.perf_counter()
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for data in copy:  # read-only
            size += len(data)
            rows += bytes(data).count(b"\n")
    return {"seconds": time.perf_counter() - started, "bytes": size, "rows": rows}


def openpyxl_reference() -> dict[str, Any]:
    """A bare openpyxl write-only loop over the export's values, to a file."""
    from openpyxl import Workbook

    values = list(
        exports.rows(
            exports.fetched(_export_queryset()),
            timezone.localdate(),
        )
    )
    started = time.perf_counter()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Items")
    sheet.append(exports.HEADER)
    for row in values:
        sheet.append(row)
    with tempfile.TemporaryFile() as file:
        workbook.save(file)
        size = file.tell()
    return {
        "seconds": time.perf_counter() - started,
        "bytes": size,
        "rows": len(values),
    }


def measure(kind: str) -> dict[str, Any]:
    """One measurement, in this process: "csv", "xlsx", "copy" or "openpyxl"."""
    if kind == "copy":
        return copy_reference()
    if kind == "openpyxl":
        return openpyxl_reference()
    client = load.signed_in_client(get_user_model().objects.get(username="bench-staff"))
    # A small download first: every module the export uses is loaded, so the
    # measured growth is the download's own.
    _download(client, kind, "?status=closed&owner=iopc&target_date_from=2099-01-01")
    result = _download(client, kind, "")
    result["rows"] = Item.objects.count()
    return result


def file_targets(*, database_url: str) -> dict[str, Any]:
    """Every download measurement and its reference, measured one after the other."""
    return {
        kind: load.json_command(database_url, "benchfiles", kind)
        for kind in ("copy", "csv", "openpyxl", "xlsx")
    }
