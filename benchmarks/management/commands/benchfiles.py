"""One download measurement (benchmarks.files), printed as one line of JSON."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from benchmarks import files


class Command(BaseCommand):
    help = "Measure one export or its reference over the benchmark database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=["csv", "xlsx", "copy", "openpyxl"])

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(json.dumps(files.measure(options["kind"])))
