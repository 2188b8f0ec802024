"""The national-scale benchmark: seed, serve with gunicorn, load with wrk, report.

For each scale (items), the database is recreated and seeded (`benchseed`), the
application is served by gunicorn with production settings and persistent
connections, and every page is loaded at 1, 4 and 16 concurrent clients. The list
pages are measured at every scale; the rest at the national scale (100,000 items, a
million history rows): the other pages, the downloads beside their physical limits
(benchmarks.files), loading a spreadsheet beside the services (benchmarks.importing),
the lists under a steady write load (benchmarks.writes), and all of it again with
the cache in Redis, shared by every worker. Each target is a ratio against a
reference measured in the same run; `targets()` puts them in one table.
"""

import datetime as dt
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.utils import timezone

from benchmarks import files, load, writes
from benchmarks.history_cost import history_write_cost
from recommendations import asat
from recommendations.models import Report

NATIONAL = 100_000
FILTER = "status=in_progress&owner=chief_constable"
ADMIN_LIST = "/admin/recommendations/item/"
ADMIN_FILTER = "status__exact=in_progress&owners__contains=,chief_constable,"
LIST = "Item list, default"
FILTERED = "Item list, filtered"
ADMIN = "Admin change list, filtered"
AS_AT = "Item list as at 6 months ago"
AS_AT_NOT_INDEXED = "Item list as at a day not indexed"
IMPORT_ITEMS = 5000
README_START = "<!-- bench:start (make bench writes this section) -->"
README_END = "<!-- bench:end -->"


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    who: str
    # "list": measured at every scale; "page": at the national scale; "first":
    # only its first request (a download), at the national scale.
    kind: str


def past_day(today: dt.date) -> dt.date:
    """The day the "as at" pages show: six months ago (indexed by the benchmark)."""
    return today - dt.timedelta(days=180)


def unindexed_day(today: dt.date) -> dt.date:
    """A past day that is not indexed: read from an indexed day before it."""
    return today - dt.timedelta(days=170)


def pages(today: dt.date, s55_report: int | None) -> list[Page]:
    """Every page measured."""
    past = past_day(today)
    meeting = f"meeting={today}&previous={today - dt.timedelta(days=91)}"
    measured = [
        Page(FILTERED, f"/items/?{FILTER}", "staff", "list"),
        Page(LIST, "/items/", "staff", "list"),
        Page(ADMIN, f"{ADMIN_LIST}?{ADMIN_FILTER}", "admin", "list"),
        Page("Item detail, 200 history rows", "/items/1/", "staff", "page"),
        Page("DCC review", "/oversight/review/", "dcc", "page"),
        Page("Dashboard", "/", "staff", "page"),
        Page(AS_AT, f"/items/?as_at={past}", "staff", "page"),
        Page(
            AS_AT_NOT_INDEXED, f"/items/?as_at={unindexed_day(today)}", "staff", "page"
        ),
        Page("Dashboard as at 6 months ago", f"/?as_at={past}", "staff", "page"),
        Page("Scrutiny paper", f"/oversight/scrutiny/?{meeting}", "staff", "first"),
        Page(
            "Scrutiny paper DOCX",
            f"/oversight/scrutiny/paper.docx?{meeting}",
            "staff",
            "first",
        ),
    ]
    if s55_report is not None:
        measured += [
            Page("s.55 letter", f"/oversight/s55/{s55_report}/", "staff", "first"),
            Page(
                "s.55 letter DOCX",
                f"/oversight/s55/{s55_report}/response.docx",
                "staff",
                "first",
            ),
        ]
    return measured


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
        parser.add_argument(
            "--cache-url",
            default=os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/15"),
            help="The Redis the shared-cache pass uses (its database is emptied).",
        )
        parser.add_argument("--output", default="var/bench-results.json")
        parser.add_argument(
            "--markdown",
            metavar="RESULTS_JSON",
            help="Print an earlier run's results as Markdown tables and stop.",
        )
        parser.add_argument(
            "--readme",
            metavar="RESULTS_JSON",
            help="Write an earlier run's results into README.md's performance "
            "section and stop.",
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
        if options["readme"]:
            saved = json.loads(Path(options["readme"]).read_text())
            write_readme(Path(settings.BASE_DIR) / "README.md", markdown(saved))
            self.stdout.write("README.md's performance section rewritten.")
            return
        if connection.vendor != "postgresql":
            raise CommandError(
                "The benchmark runs on PostgreSQL: set DATABASE_URL to a database "
                "whose name contains 'bench' (see `make bench`)."
            )
        started = time.monotonic()
        scales = [int(s) for s in options["scales"].split(",") if s]
        self.clients = [int(c) for c in options["clients"].split(",") if c]
        self.seconds = options["seconds"]
        self.workers = options["workers"]
        self.database_url = os.environ["DATABASE_URL"]
        today = timezone.localdate()
        results: dict[str, Any] = {
            # Filled in after seeding: the server version is read from the
            # benchmark database, which benchseed creates on a fresh machine.
            "machine": "",
            "seconds": self.seconds,
            "workers": self.workers,
            "scales": {},
        }
        for scale in scales:
            self.stdout.write(self.style.MIGRATE_HEADING(f"== {scale:,} items"))
            if not options["reuse"]:
                call_command(
                    "benchseed", items=scale, lean=scale > NATIONAL, stdout=self.stdout
                )
            full = scale == NATIONAL or len(scales) == 1
            entry: dict[str, Any] = {}
            if full:
                entry.update(self._before_serving(today))
            cookies = {
                who: load.session_cookie(f"bench-{who}")
                for who in ("staff", "dcc", "admin")
            }
            s55 = (
                Report.objects.filter(s55_required=True)
                .exclude(kind=Report.Kind.SUPER_COMPLAINT)
                .order_by("-published_on", "id")
                .values_list("id", flat=True)
                .first()
            )
            measured = [
                page for page in pages(today, s55) if page.kind == "list" or full
            ]
            connection.close()
            entry["local"] = self._serve(measured, cookies, cache_url="", full=full)
            if full:
                entry["redis"] = self._redis_pass(
                    measured, cookies, options["cache_url"]
                )
                entry["history_write"] = history_write_cost(saves=300)
                entry["as_at_index_size"] = asat.index_size()
            results["scales"][str(scale)] = entry
        results["machine"] = machine()
        results["minutes"] = (time.monotonic() - started) / 60
        self.stdout.write(self.style.MIGRATE_HEADING("\n== Summary"))
        self.stdout.write(markdown(results))
        output = Path(settings.BASE_DIR) / options["output"]
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(json.dumps(results, indent=2))
        self.stdout.write(f"\nResults written to {output}")

    # -- Measurements ----------------------------------------------------------

    def _before_serving(self, today: dt.date) -> dict[str, Any]:
        """The as-at index, the downloads and loading, each on its own."""
        entry: dict[str, Any] = {}
        # The "as at" pages read a day's index, which the nightly `indexpastdays`
        # (or an administrator) builds: timed on its own.
        started = time.perf_counter()
        call_command("indexpastdays", day=[past_day(today)], stdout=self.stdout)
        entry["as_at_index_seconds"] = time.perf_counter() - started
        self.stdout.write("  Downloads beside their references ...")
        entry["files"] = files.file_targets(database_url=self.database_url)
        for kind, figure in entry["files"].items():
            self.stdout.write(f"    {kind:9} {figure['seconds']:6.2f} s")
        self.stdout.write(f"  Loading {IMPORT_ITEMS:,} rows beside the services ...")
        entry["import"] = self._import()
        self.stdout.write(
            f"    pages {entry['import']['pages']['seconds']:.2f} s, services "
            f"{entry['import']['services_seconds']:.2f} s"
        )
        return entry

    def _import(self) -> dict[str, Any]:
        """benchimport in a process with the production settings the pages use."""
        return load.json_command(
            self.database_url,
            "benchimport",
            "--items",
            str(IMPORT_ITEMS),
            "--repeat",
            "2",
            "--json",
        )

    def _serve(
        self,
        measured: list[Page],
        cookies: dict[str, str],
        *,
        cache_url: str,
        full: bool,
        clients: list[int] | None = None,
    ) -> dict[str, Any]:
        """Serve, take each page's first request, load it with wrk; and, at the
        national scale, the filtered list under a steady write load."""
        results: list[load.Result] = []
        first: dict[str, float] = {}
        with load.gunicorn(
            database_url=self.database_url, workers=self.workers, cache_url=cache_url
        ) as base:
            # Every worker renders a page once (templates compiled, settings read),
            # so that each first request below is about the data, not the process.
            load.wrk(
                base=base,
                path="/reports/",
                cookie=cookies["staff"],
                clients=self.workers * 2,
                seconds=2,
                page="warm-up",
            )
            for page in measured:
                first[page.name] = self._check(
                    base, page.path, cookies[page.who], page.name
                )
            for page in measured:
                if page.kind == "first":
                    continue
                levels = clients or (
                    self.clients if full else [c for c in self.clients if c > 1]
                )
                for n in levels:
                    results.append(self._wrk(base, page, cookies, n))
            under_writes = None
            if full:
                under_writes = self._under_writes(base, measured, cookies)
        return {
            "pages": [vars(r) for r in results],
            "first_request_ms": first,
            "under_writes": under_writes,
        }

    def _wrk(
        self, base: str, page: Page, cookies: dict[str, str], clients: int
    ) -> load.Result:
        # Warm-up, discarded: enough connections to reach every worker, so none
        # computes its cached figures mid-run.
        load.wrk(
            base=base,
            path=page.path,
            cookie=cookies[page.who],
            clients=max(clients, self.workers * 2),
            seconds=2,
            page=page.name,
        )
        result = load.wrk(
            base=base,
            path=page.path,
            cookie=cookies[page.who],
            clients=clients,
            seconds=self.seconds,
            page=page.name,
        )
        self.stdout.write(f"  {result.line()}")
        return result

    def _under_writes(
        self, base: str, measured: list[Page], cookies: dict[str, str]
    ) -> dict[str, Any]:
        """The filtered list at 16 clients, read only and then with a write a
        second (each write moves the data marker), one after the other."""
        page = next(p for p in measured if p.name == FILTERED)
        read_only = self._wrk(base, page, cookies, 16)
        with writes.one_write_a_second() as counts:
            loaded = load.wrk(
                base=base,
                path=page.path,
                cookie=cookies[page.who],
                clients=16,
                seconds=self.seconds,
                page=page.name + ", one write a second",
            )
        self.stdout.write(f"  {loaded.line()}  ({counts['writes']} writes)")
        return {
            "read_only": vars(read_only),
            "with_writes": vars(loaded),
            "writes": counts["writes"],
            "write_errors": counts["errors"],
        }

    def _redis_pass(
        self, measured: list[Page], cookies: dict[str, str], cache_url: str
    ) -> dict[str, Any] | None:
        """The lists and the dashboard again with the cache in Redis."""
        try:
            import redis

            redis.Redis.from_url(cache_url, socket_timeout=5).flushdb()
        except Exception as error:  # said, and the pass skipped
            message = f"  Redis at {cache_url} not reachable ({error}): skipped"
            self.stdout.write(self.style.WARNING(message))
            return None
        self.stdout.write(f"  With the cache in Redis ({cache_url}):")
        shared = [p for p in measured if p.name in {FILTERED, LIST, ADMIN, "Dashboard"}]
        return self._serve(
            shared, cookies, cache_url=cache_url, full=True, clients=[16]
        )

    def _check(self, base: str, path: str, cookie: str, name: str) -> float:
        """Request the page once (it must answer 200); return how long it took."""
        started = time.perf_counter()
        status, body = load.fetch(base, path, cookie)
        cold = (time.perf_counter() - started) * 1000
        if status != 200:
            raise CommandError(f"{name}: {path} answered {status}, not 200")
        self.stdout.write(
            f"  {name:34} first request {cold:7.1f} ms, {len(body):,} bytes"
        )
        return cold


# -- Reporting -------------------------------------------------------------------


def _page(entry: dict[str, Any], name: str, clients: int) -> dict[str, Any] | None:
    return next(
        (r for r in entry["pages"] if r["page"] == name and r["clients"] == clients),
        None,
    )


def targets(entry: dict[str, Any]) -> list[tuple[str, str, str, str, str]]:
    """(target, figure, reference, ratio, met?) for each target of the national
    scale, every figure beside the reference measured in the same run."""
    rows: list[tuple[str, str, str, str, str]] = []

    def add(target: str, figure: str, reference: str, ratio: str, met: bool) -> None:
        rows.append((target, figure, reference, ratio, "yes" if met else "**no**"))

    local = entry["local"]
    f = entry.get("files")
    if f:
        csv_, copy, xlsx, bare = f["csv"], f["copy"], f["xlsx"], f["openpyxl"]
        ratio = csv_["seconds"] / copy["seconds"]
        add(f"CSV export, {csv_['rows']:,} items: at most 3x PostgreSQL's COPY",
            f"{csv_['seconds']:.2f} s", f"COPY {copy['seconds']:.2f} s",
            f"{ratio:.2f}x", ratio <= 3)  # fmt: skip
        add("CSV: first byte in under 1 s", f"{csv_['first_byte_seconds']:.2f} s",
            "1 s", "", csv_["first_byte_seconds"] < 1)  # fmt: skip
        add("CSV: peak memory grows by under 100 MB",
            f"{csv_['peak_growth_mb']:.1f} MB", "100 MB", "",
            csv_["peak_growth_mb"] < 100)  # fmt: skip
        ratio = xlsx["seconds"] / bare["seconds"]
        add(f"XLSX export, {xlsx['rows']:,} items: at most 1.5x bare openpyxl "
            "write-only", f"{xlsx['seconds']:.1f} s",
            f"openpyxl {bare['seconds']:.1f} s", f"{ratio:.2f}x",
            ratio <= 1.5)  # fmt: skip
        add("XLSX: peak memory grows by under 100 MB",
            f"{xlsx['peak_growth_mb']:.1f} MB", "100 MB", "",
            xlsx["peak_growth_mb"] < 100)  # fmt: skip
    imported = entry.get("import")
    if imported:
        pages = imported["pages"]
        ratio = pages["seconds"] / imported["services_seconds"]
        add(f"Import {imported['items']:,} rows, upload to saved: under 2x the "
            "services in a loop", f"{pages['seconds']:.2f} s",
            f"services {imported['services_seconds']:.2f} s", f"{ratio:.2f}x",
            ratio < 2)  # fmt: skip
        largest = max(imported["preview_page_bytes"].values())
        add("Import preview: each page under 300 KB", f"{largest / 1000:.0f} KB",
            "300 KB", "", largest < 300_000)  # fmt: skip
    firsts = local["first_request_ms"]
    list_first = firsts.get(LIST)
    if list_first:
        for name, limit in (
            ("Scrutiny paper", 2),
            ("Scrutiny paper DOCX", 2),
            ("s.55 letter", 2),
            ("s.55 letter DOCX", 2),
            (AS_AT, 3),
            (AS_AT_NOT_INDEXED, 3),
        ):
            if name in firsts:
                ratio = firsts[name] / list_first
                add(f"{name}, first request: under {limit}x the item list's",
                    f"{firsts[name]:.0f} ms", f"list {list_first:.0f} ms",
                    f"{ratio:.2f}x", ratio < limit)  # fmt: skip
    for name in (AS_AT, AS_AT_NOT_INDEXED):
        mine, current = _page(local, name, 1), _page(local, LIST, 1)
        if mine and current:
            ratio = mine["p50_ms"] / current["p50_ms"]
            add(f"{name}, 1 client: p50 within 3x the item list's",
                f"{mine['p50_ms']:.0f} ms", f"list {current['p50_ms']:.0f} ms",
                f"{ratio:.2f}x", ratio <= 3)  # fmt: skip
    for cache, label in (("local", "per-process cache"), ("redis", "Redis cache")):
        run = entry.get(cache)
        if not run or not run.get("under_writes"):
            continue
        under = run["under_writes"]
        ratio = under["with_writes"]["p95_ms"] / under["read_only"]["p95_ms"]
        add(f"Filtered list, 16 clients, a write a second ({label}): p95 within 1.5x "
            "of read-only", f"{under['with_writes']['p95_ms']:.0f} ms",
            f"read-only {under['read_only']['p95_ms']:.0f} ms", f"{ratio:.2f}x",
            ratio <= 1.5)  # fmt: skip
        for name in (FILTERED, LIST):
            mine, admin = _page(run, name, 16), _page(run, ADMIN, 16)
            if mine and admin:
                ratio = mine["requests_per_second"] / admin["requests_per_second"]
                add(f"{name}, 16 clients ({label}): at least 3x the admin change "
                    "list's throughput", f"{mine['requests_per_second']:.0f} req/s",
                    f"admin {admin['requests_per_second']:.0f} req/s",
                    f"{ratio:.2f}x", ratio >= 3)  # fmt: skip
    return rows


def markdown(results: dict[str, Any]) -> str:
    """The results as Markdown: the targets, then each scale's pages."""
    minutes = results.get("minutes")
    lines = [f"Machine: {results['machine']}; gunicorn {results['workers']} workers, "
             f"{results['seconds']} s per measurement"
             + (f"; the whole run took {minutes:.0f} minutes." if minutes else "."),
             ""]  # fmt: skip
    national = results["scales"].get(str(NATIONAL))
    if national and "local" in national:
        lines += [
            f"**Targets at {NATIONAL:,} items** (each beside its reference, "
            "measured in the same run)",
            "",
            "| target | figure | reference | ratio | met |",
            "|---|--:|--:|--:|:-:|",
        ]
        lines += [f"| {' | '.join(row)} |" for row in targets(national)]
        lines.append("")
    for scale, entry in results["scales"].items():
        for cache, label in (("local", ""), ("redis", ", cache in Redis")):
            run = entry.get(cache)
            if not run:
                continue
            lines += _pages_table(int(scale), run, label)
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


def _pages_table(scale: int, run: dict[str, Any], label: str) -> list[str]:
    lines = [
        f"**{scale:,} items{label}**",
        "",
        "| page | clients | req/s | p50 ms | p95 ms | p99 ms | vs admin | first ms |",
        "|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    admin = {
        r["clients"]: r["requests_per_second"]
        for r in run["pages"]
        if r["page"] == ADMIN
    }
    firsts = run["first_request_ms"]
    shown = set()
    for r in run["pages"]:
        ratio = (
            r["requests_per_second"] / admin[r["clients"]]
            if admin.get(r["clients"])
            else 0
        )
        first = f"{firsts[r['page']]:.0f}" if r["page"] not in shown else ""
        shown.add(r["page"])
        lines.append(
            f"| {r['page']} | {r['clients']} | {r['requests_per_second']:.0f}"
            f" | {r['p50_ms']:.0f} | {r['p95_ms']:.0f} | {r['p99_ms']:.0f}"
            f" | {ratio:.2f}x | {first} |"
            + (f" ({r['errors']} errors)" if r["errors"] else "")
        )
    for name, ms in firsts.items():
        if name not in shown:
            lines.append(f"| {name} | first request only | | | | | | {ms:.0f} |")
    under = run.get("under_writes")
    if under:
        w = under["with_writes"]
        lines.append(
            f"| {w['page']} ({under['writes']} writes) | {w['clients']} "
            f"| {w['requests_per_second']:.0f} | {w['p50_ms']:.0f} "
            f"| {w['p95_ms']:.0f} | {w['p99_ms']:.0f} | | |"
        )
    lines.append("")
    return lines


def write_readme(readme: Path, section: str) -> None:
    """Replace the README's generated performance section with `section`."""
    text = readme.read_text()
    if README_START not in text or README_END not in text:
        raise CommandError(f"README.md has no {README_START} ... {README_END} block.")
    head, rest = text.split(README_START, 1)
    _, tail = rest.split(README_END, 1)
    readme.write_text(f"{head}{README_START}\n{section}\n{README_END}{tail}")


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
