"""Loading a large spreadsheet, from upload to saved, beside its reference.

The reference is what the loading pages replace: the same rows inserted one by one
through the services' single-save path (save_with_history: each item with its
history row, actor and reason), in one transaction. Everything runs inside
transactions that are rolled back, so the database is left exactly as it was. The
spreadsheet is synthetic ("Benchmark item N").
"""

import datetime as dt
import io
import re
import time
from typing import TYPE_CHECKING, Any, cast

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from benchmarks import load
from recommendations import choicesets, roles
from recommendations.history import save_with_history
from recommendations.models import Item, Report

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

OWNERS = ["Chief Constable", "PCC", "Home Office; NPCC", "College of Policing", "IOPC"]
OWNER_CODES = [
    ["chief_constable"],
    ["pcc"],
    ["home_office", "npcc"],
    ["college_of_policing"],
    ["iopc"],
]
PUBLISHED = dt.date(2022, 11, 2)


def _rows(items: int) -> tuple[int, list[dict[str, Any]]]:
    """The spreadsheet's items as values: causes of concern first, then the rest."""
    causes = max(items // 50, 1)
    rows: list[dict[str, Any]] = [
        {
            "reference": f"CoC {n}",
            "kind": Item.Kind.CAUSE_OF_CONCERN,
            "owners": 0,
            "text": f"Benchmark cause of concern {n}: synthetic text.",
            "target": None,
            "cause": None,
        }
        for n in range(1, causes + 1)
    ]
    rows += [
        {
            "reference": str(n),
            "kind": (
                Item.Kind.RECOMMENDATION if n % 5 else Item.Kind.AREA_FOR_IMPROVEMENT
            ),
            "owners": n % len(OWNERS),
            "text": (
                f"Benchmark item {n}: by 31 March 2024 the force should do thing {n}."
            ),
            "target": dt.date(2024, 3, 31) + dt.timedelta(days=n % 400),
            "cause": f"CoC {1 + n % causes}" if n % 5 else None,
        }
        for n in range(1, items - causes + 1)
    ]
    return causes, rows


def benchmark_workbook(items: int) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    report = cast("Worksheet", workbook.active)  # a new workbook has one worksheet
    report.title = "Report"
    for fields in (
        ("title", f"Benchmark report {time.time_ns()}"),
        ("kind", "thematic"),
        ("published on", f"{PUBLISHED:%d/%m/%Y}"),
        ("inspectorates", "HMICFRS"),
        ("scope", "national"),
    ):
        report.append(list(fields))
    sheet = workbook.create_sheet("Items")
    sheet.append(
        [
            "reference",
            "kind",
            "owners",
            "text",
            "target date",
            "cause of concern",
            "text is summary",
        ]
    )
    for row in _rows(items)[1]:
        sheet.append(
            [
                row["reference"],
                choicesets.label(Item.Kind, row["kind"]).lower(),
                OWNERS[row["owners"]],
                row["text"],
                row["target"],
                row["cause"] or "",
                "no",
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _administrator() -> Any:
    user = get_user_model().objects.create_user(username=f"bench-{time.time_ns()}")
    user.groups.add(Group.objects.get(name=roles.ADMINISTRATOR))
    return user


def through_the_pages(data: bytes, items: int) -> dict[str, Any]:
    """Upload, preview (every page, largest recorded) and confirm; rolled back."""
    with transaction.atomic():
        client = load.signed_in_client(_administrator())
        upload = SimpleUploadedFile("benchmark.xlsx", data)
        start = time.perf_counter()
        response = client.post(
            reverse("recommendations:loading_upload"), {"file": upload}, secure=True
        )
        uploaded = time.perf_counter()
        preview = reverse("recommendations:loading_preview")
        response = client.get(preview, secure=True)
        found = re.search(rb'name="token" value="([^"]+)"', response.content)
        token = found.group(1).decode() if found else ""
        previewed = time.perf_counter()
        first_page_bytes = len(response.content)
        response = client.post(
            reverse("recommendations:loading_confirm"),
            {"token": token, "add_new": "on"},
            secure=True,
        )
        saved = time.perf_counter()
        count = Item.objects.filter(report__title__startswith="Benchmark").count()
        transaction.set_rollback(True)
    if response.status_code != 302 or count != items:
        raise RuntimeError(f"The import did not save {items} items ({count} saved).")
    return {
        "upload_seconds": uploaded - start,
        "preview_seconds": previewed - uploaded,
        "confirm_seconds": saved - previewed,
        "seconds": saved - start,
        "first_page_bytes": first_page_bytes,
    }


def preview_page_sizes(data: bytes, items: int) -> dict[int, int]:
    """The size of the preview's first, middle and last pages (every row, 100 rows
    a page: the rows are alike, so the pages are); rolled back."""
    pages = -(-items // 100)
    with transaction.atomic():
        client = load.signed_in_client(_administrator())
        client.post(
            reverse("recommendations:loading_upload"),
            {"file": SimpleUploadedFile("benchmark.xlsx", data)},
            secure=True,
        )
        preview = reverse("recommendations:loading_preview")
        sizes = {
            page: len(client.get(f"{preview}?page={page}", secure=True).content)
            for page in sorted({1, (pages + 1) // 2, pages})
        }
        transaction.set_rollback(True)
    return sizes


def through_the_services(items: int) -> dict[str, Any]:
    """The reference: the same rows saved one by one with history; rolled back."""
    _, rows = _rows(items)
    with transaction.atomic():
        actor = _administrator()
        start = time.perf_counter()
        report = Report(
            title=f"Benchmark report {time.time_ns()}",
            kind=Report.Kind.NATIONAL_THEMATIC,
            published_on=PUBLISHED,
            inspectorates=choicesets.encode(["hmicfrs"]),
            scope=Report.Scope.NATIONAL,
        )
        save_with_history(report, actor=actor, reason="Loaded from benchmark.xlsx")
        causes: dict[str, Item] = {}
        for row in rows:
            item = Item(
                report=report,
                reference=row["reference"],
                kind=row["kind"],
                owners=choicesets.encode(OWNER_CODES[row["owners"]]),
                text=row["text"],
                original_target_date=row["target"],
                target_date=row["target"],
                cause_of_concern=causes.get(row["cause"] or ""),
            )
            save_with_history(item, actor=actor, reason="Loaded from benchmark.xlsx")
            if row["kind"] == Item.Kind.CAUSE_OF_CONCERN:
                causes[row["reference"]] = item
        seconds = time.perf_counter() - start
        count = Item.objects.filter(report=report).count()
        transaction.set_rollback(True)
    if count != items:
        raise RuntimeError(f"The service loop saved {count} of {items} items.")
    return {"seconds": seconds}


def import_targets(*, items: int, repeat: int) -> dict[str, Any]:
    """Best of `repeat` for the pages and for the reference, and the page sizes."""
    data = benchmark_workbook(items)
    pages = [through_the_pages(data, items) for _ in range(repeat)]
    services = [through_the_services(items) for _ in range(repeat)]
    best = min(pages, key=lambda run: run["seconds"])
    return {
        "items": items,
        "workbook_bytes": len(data),
        "pages": best,
        "services_seconds": min(run["seconds"] for run in services),
        "preview_page_bytes": preview_page_sizes(data, items),
    }
