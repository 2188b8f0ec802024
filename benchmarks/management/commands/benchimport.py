"""Measure how long loading a large spreadsheet takes, from upload to saved, beside
the same rows saved one by one through the services (benchmarks.importing)."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import connection

from benchmarks.importing import import_targets


class Command(BaseCommand):
    help = (
        "Time loading an N-item spreadsheet through the loading pages (upload, "
        "preview, confirm) and the same rows through the services, rolled back."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--items", type=int, default=5000)
        parser.add_argument("--repeat", type=int, default=3)
        parser.add_argument(
            "--json", action="store_true", help="Print the figures as one JSON line."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        result = import_targets(items=options["items"], repeat=options["repeat"])
        if options["json"]:
            self.stdout.write(json.dumps(result))
            return
        pages = result["pages"]
        sizes = result["preview_page_bytes"]
        self.stdout.write(
            f"{result['items']} items, {result['workbook_bytes'] / 1024:.0f} KiB "
            f"workbook, {connection.vendor} database, best of {options['repeat']}"
        )
        self.stdout.write(
            f"Loading pages: upload+parse {pages['upload_seconds']:.2f} s, preview "
            f"{pages['preview_seconds']:.2f} s, confirm+save "
            f"{pages['confirm_seconds']:.2f} s: {pages['seconds']:.2f} s from upload "
            "to saved"
        )
        self.stdout.write(
            f"The same rows saved one by one through the services: "
            f"{result['services_seconds']:.2f} s "
            f"(pages / services = {pages['seconds'] / result['services_seconds']:.2f}x)"
        )
        self.stdout.write(
            "Preview pages: "
            + ", ".join(f"page {n} {size / 1024:.0f} KB" for n, size in sizes.items())
        )
