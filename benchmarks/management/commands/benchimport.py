"""Measure how long loading a large spreadsheet takes, from upload to saved.

Rule: everything runs inside one transaction that is rolled back, so the database is
left exactly as it was. The spreadsheet is synthetic ("Benchmark item N").
"""

import datetime as dt
import io
import re
import time
from typing import TYPE_CHECKING, Any, cast

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from recommendations import roles
from recommendations.models import Item

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

OWNERS = ["Chief Constable", "PCC", "Home Office; NPCC", "College of Policing", "IOPC"]


def benchmark_workbook(items: int) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    report = cast("Worksheet", workbook.active)  # a new workbook has one worksheet
    report.title = "Report"
    for row in (
        ("title", f"Benchmark report {time.time_ns()}"),
        ("kind", "thematic"),
        ("published on", "02/11/2022"),
        ("inspectorates", "HMICFRS"),
        ("scope", "national"),
    ):
        report.append(list(row))
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
    causes = max(items // 50, 1)
    for n in range(1, causes + 1):
        sheet.append(
            [
                f"CoC {n}",
                "cause of concern",
                "Chief Constable",
                f"Benchmark cause of concern {n}: synthetic text.",
                None,
                "",
                "no",
            ]
        )
    for n in range(1, items - causes + 1):
        sheet.append(
            [
                str(n),
                "recommendation" if n % 5 else "area for improvement",
                OWNERS[n % len(OWNERS)],
                f"Benchmark item {n}: by 31 March 2024 the force should do thing {n}.",
                dt.date(2024, 3, 31) + dt.timedelta(days=n % 400),
                f"CoC {1 + n % causes}" if n % 5 else "",
                "no",
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class Command(BaseCommand):
    help = (
        "Time loading an N-item spreadsheet through the loading pages (upload, "
        "preview, confirm), inside a transaction that is rolled back."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--items", type=int, default=5000)
        parser.add_argument("--repeat", type=int, default=3)

    def handle(self, *args: Any, **options: Any) -> None:
        data = benchmark_workbook(options["items"])
        host = (settings.ALLOWED_HOSTS or ["localhost"])[0].lstrip(".")
        if host == "*":
            host = "localhost"
        self.stdout.write(
            f"{options['items']} items, {len(data) / 1024:.0f} KiB workbook, "
            f"{connection.vendor} database"
        )
        timings = []
        for run in range(options["repeat"]):
            with transaction.atomic():
                User = get_user_model()
                user = User.objects.create_user(username=f"bench-{time.time_ns()}")
                user.groups.add(Group.objects.get(name=roles.ADMINISTRATOR))
                client = Client(SERVER_NAME=host)
                client.force_login(user)
                upload = SimpleUploadedFile("benchmark.xlsx", data)
                start = time.perf_counter()
                response = client.post(
                    reverse("recommendations:loading_upload"),
                    {"file": upload},
                    secure=True,
                )
                uploaded = time.perf_counter()
                response = client.get(
                    reverse("recommendations:loading_preview"), secure=True
                )
                found = re.search(rb'name="token" value="([^"]+)"', response.content)
                token = found.group(1).decode() if found else ""
                previewed = time.perf_counter()
                response = client.post(
                    reverse("recommendations:loading_confirm"),
                    {"token": token, "add_new": "on"},
                    secure=True,
                )
                saved = time.perf_counter()
                count = Item.objects.filter(
                    report__title__startswith="Benchmark"
                ).count()
                transaction.set_rollback(True)
            if response.status_code != 302 or count != options["items"]:
                self.stderr.write(
                    f"Run {run + 1} did not save {options['items']} items."
                )
                return
            timings.append(
                (
                    uploaded - start,
                    previewed - uploaded,
                    saved - previewed,
                    saved - start,
                )
            )
            self.stdout.write(
                f"run {run + 1}: upload+parse {timings[-1][0]:.2f}s, "
                f"preview {timings[-1][1]:.2f}s, confirm+save {timings[-1][2]:.2f}s, "
                f"total {timings[-1][3]:.2f}s"
            )
        best = min(t[3] for t in timings)
        self.stdout.write(f"best of {len(timings)}: {best:.2f}s from upload to saved")
