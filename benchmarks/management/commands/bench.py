"""The national-scale benchmark: seed, serve with gunicorn, load with wrk, report.

For each scale (items), the database is recreated and seeded (`benchseed`), the
application is served by gunicorn with production settings and persistent
connections, and every page is loaded at 1, 4 and 16 concurrent clients. The list
pages are measured at every scale; the other pages at the national scale (100,000
items, a million history rows). Django admin's item change list, filtered the same
way, is the reference each page is compared with.
"""

import datetime as dt
import json
import os
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.utils import timezone

from benchmarks import load
from benchmarks.history_cost import history_write_cost
from recommendations import asat

NATIONAL = 100_000
FILTER = "status=in_progress&owner=chief_constable"
ADMIN_LIST = "/admin/recommendations/item/"
ADMIN_FILTER = "status__exact=in_progress&owners__contains=,chief_constable,"


def past_day(today: dt.date) -> dt.date:
    """The day the "as at" pages show: six months ago."""
    return today - dt.timedelta(days=180)


def pages(today: dt.date) -> list[tuple[str, str, str, bool]]:
    """(name, path, who, list page?) for every page measured."""
    past = past_day(today)
    return [
        ("Item list, filtered", f"/items/?{FILTER}", "staff", True),
        ("Item list, default", "/items/", "staff", True),
        ("Admin change list, filtered", f"{ADMIN_LIST}?{ADMIN_FILTER}", "admin", True),
        ("Item detail, 200 history rows", "/items/1/", "staff", False),
        ("DCC review", "/oversight/review/", "dcc", False),
        ("Dashboard", "/", "staff", False),
        ("Item list as at 6 months ago", f"/items/?as_at={past}", "staff", False),
        ("Dashboard as at 6 months ago", f"/?as_at={past}", "staff", False),
    ]


class Command(BaseCommand):
    help = "Seed national-scale data, serve it with gunicorn and load it with wrk."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scales",
            default="10000,100000,1000000",
            help="Item counts to seed and measure, comma-separated.",
        )
        parser.add_argument("--seconds", type=int, default=10)
        parser.add_argument("--clients", default="1,4,16")
        parser.add_argument(
            "--workers",
            type=int,
            default=(os.cpu_count() or 2) * 2 + 1,
            help="gunicorn sync workers (default 2 x cores + 1).",
        )
        parser.add_argument("--output", default="var/bench-results.json")
        parser.add_argument(
            "--markdown",
            metavar="RESULTS_JSON",
            help="Print an earlier run's results as Markdown tables and stop.",
        )
        parser.add_argument(
            "--reuse",
            action="store_true",
            help="Measure the data already seeded (one scale) instead of reseeding.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["markdown"]:
            saved = json.loads(Path(options["markdown"]).read_text())
            self.stdout.write(markdown(saved))
            return
        if connection.vendor != "postgresql":
            raise CommandError(
                "The benchmark runs on PostgreSQL: set DATABASE_URL to a database "
                "whose name contains 'bench' (see `make bench`)."
            )
        scales = [int(s) for s in options["scales"].split(",") if s]
        clients = [int(c) for c in options["clients"].split(",") if c]
        database_url = os.environ["DATABASE_URL"]
        today = timezone.localdate()
        results: dict[str, Any] = {
            # Filled in after seeding: the server version is read from the
            # benchmark database, which benchseed creates on a fresh machine.
            "machine": "",
            "seconds": options["seconds"],
            "workers": options["workers"],
            "scales": {},
        }
        for scale in scales:
            self.stdout.write(self.style.MIGRATE_HEADING(f"== {scale:,} items"))
            if not options["reuse"]:
                call_command(
                    "benchseed", items=scale, lean=scale > NATIONAL, stdout=self.stdout
                )
            full = scale == NATIONAL or len(scales) == 1
            index_seconds = None
            if full:
                # The "as at" pages read a day's index, which the nightly
                # `indexpastdays` (or an administrator) builds: timed on its own.
                started = time.perf_counter()
                call_command("indexpastdays", day=[past_day(today)], stdout=self.stdout)
                index_seconds = time.perf_counter() - started
            cookies = {
                who: load.session_cookie(f"bench-{who}")
                for who in ("staff", "dcc", "admin")
            }
            measured = []
            first: dict[str, float] = {}
            connection.close()
            with load.gunicorn(
                database_url=database_url, workers=options["workers"]
            ) as base:
                for name, path, who, is_list in pages(today):
                    if not (is_list or full):
                        continue
                    first[name] = self._check(base, path, cookies[who], name)
                    for n in clients if full else [c for c in clients if c > 1]:
                        # Warm-up, discarded: enough connections to reach every
                        # worker, so none computes its cached figures mid-run.
                        load.wrk(
                            base=base,
                            path=path,
                            cookie=cookies[who],
                            clients=max(n, options["workers"] * 2),
                            seconds=2,
                            page=name,
                        )
                        result = load.wrk(
                            base=base,
                            path=path,
                            cookie=cookies[who],
                            clients=n,
                            seconds=options["seconds"],
                            page=name,
                        )
                        measured.append(result)
                        self.stdout.write(f"  {result.line()}")
            entry: dict[str, Any] = {
                "pages": [vars(r) for r in measured],
                "first_request_ms": first,
            }
            if full:
                entry["history_write"] = history_write_cost(saves=300)
                entry["as_at_index_seconds"] = index_seconds
                entry["as_at_index_size"] = asat.index_size()
            results["scales"][str(scale)] = entry
        results["machine"] = machine()
        self._print_summary(results)
        output = Path(settings.BASE_DIR) / options["output"]
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(json.dumps(results, indent=2))
        self.stdout.write(f"\nResults written to {output}")

    def _check(self, base: str, path: str, cookie: str, name: str) -> float:
        """Request the page once (it must answer 200); return how long it took."""
        started = time.perf_counter()
        status, body = load.fetch(base, path, cookie)
        cold = (time.perf_counter() - started) * 1000
        if status != 200:
            raise CommandError(f"{name}: {path} answered {status}, not 200")
        self.stdout.write(
            f"  {name:34} first request {cold:6.1f} ms, {len(body):,} bytes"
        )
        return cold

    def _print_summary(self, results: dict[str, Any]) -> None:
        write = self.stdout.write
        write(self.style.MIGRATE_HEADING("\n== Summary"))
        write(f"Machine: {results['machine']}")
        for scale, entry in results["scales"].items():
            write(f"\n{int(scale):,} items")
            write(
                f"  {'page':34} {'clients':>7} {'req/s':>7} {'p50':>6} {'p95':>6}"
                f" {'p99':>6} {'vs admin':>8}   (latencies in ms)"
            )
            admin = {
                r["clients"]: r["requests_per_second"]
                for r in entry["pages"]
                if r["page"].startswith("Admin")
            }
            for r in entry["pages"]:
                ratio = (
                    r["requests_per_second"] / admin[r["clients"]]
                    if admin.get(r["clients"])
                    else 0
                )
                write(
                    f"  {r['page']:34} {r['clients']:>7}"
                    f" {r['requests_per_second']:7.1f} {r['p50_ms']:6.1f}"
                    f" {r['p95_ms']:6.1f} {r['p99_ms']:6.1f}"
                    f" {ratio:7.2f}x"
                    + (f"  ({r['errors']} errors)" if r["errors"] else "")
                )
            if "history_write" in entry:
                h = entry["history_write"]
                write(
                    f"  Saving an item: {h['without_ms']:.2f} ms without history, "
                    f"{h['with_ms']:.2f} ms with history ({h['ratio']:.2f}x)"
                )
            if entry.get("as_at_index_seconds") is not None:
                write(
                    "  Indexing one past day for the as-at views: "
                    f"{entry['as_at_index_seconds']:.2f} s"
                )
            if entry.get("as_at_index_size"):
                write(f"  {index_cost_line(entry['as_at_index_size'])}")


def markdown(results: dict[str, Any]) -> str:
    """The results as Markdown tables (for the README)."""
    lines = [f"Machine: {results['machine']}; gunicorn {results['workers']} workers, "
             f"{results['seconds']} s per measurement.", ""]  # fmt: skip
    for scale, entry in results["scales"].items():
        lines += [
            f"**{int(scale):,} items**",
            "",
            "| page | clients | req/s | p50 ms | p95 ms | p99 ms | vs admin |",
            "|---|--:|--:|--:|--:|--:|--:|",
        ]
        admin = {
            r["clients"]: r["requests_per_second"]
            for r in entry["pages"]
            if r["page"].startswith("Admin")
        }
        for r in entry["pages"]:
            ratio = r["requests_per_second"] / admin[r["clients"]]
            lines.append(
                f"| {r['page']} | {r['clients']} | {r['requests_per_second']:.0f}"
                f" | {r['p50_ms']:.0f} | {r['p95_ms']:.0f} | {r['p99_ms']:.0f}"
                f" | {ratio:.2f}x |"
            )
        lines.append("")
        if "history_write" in entry:
            h = entry["history_write"]
            lines += [
                f"Saving an item: {h['without_ms']:.2f} ms without history, "
                f"{h['with_ms']:.2f} ms with it ({h['ratio']:.2f}x).",
                "",
            ]
        if entry.get("as_at_index_seconds") is not None:
            lines += [
                "Indexing one past day for the as-at views (`indexpastdays`): "
                f"{entry['as_at_index_seconds']:.2f} s.",
                "",
            ]
        if entry.get("as_at_index_size"):
            lines += [index_cost_line(entry["as_at_index_size"]) + ".", ""]
    return "\n".join(lines)


def machine() -> str:
    cores = os.cpu_count()
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
    return f"{cores} cores ({model}){memory}, PostgreSQL {pg}"


def index_cost_line(size: dict[str, Any]) -> str:
    """What one indexed day costs and the most the pruned index can hold."""
    days = max(size["days"], 1)
    per_day_rows = size["rows"] / days
    line = f"As-at index: {per_day_rows:,.0f} rows per indexed day"
    if size["bytes"] is not None:
        per_day_mb = size["bytes"] / days / 1e6
        bound = per_day_mb * size["kept_days_at_most"]
        line += (
            f", {per_day_mb:.1f} MB per day; kept at most "
            f"{size['kept_days_at_most']} days, so at most {bound:,.0f} MB"
        )
    return line
