"""Time every page of the quickstart (demo data), one user at a time.

Run against the demo database (`make bench-quickstart` builds a fresh one). Each page
is requested once to warm up, then `--repeat` times through Django's request
handling in this process (all middleware, sessions, templates and queries; no
network). Prints the median and the slowest time for each page and exits 1 when a
page's median is over `--limit` milliseconds.
"""

import datetime as dt
import statistics
import time
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from recommendations.models import Item, Report


def quickstart_pages() -> list[tuple[str, str]]:
    """(path, who) for every page a demo user can open, with each item and report."""
    past = (timezone.localdate() - dt.timedelta(days=90)).isoformat()
    # The signed-in pages a demo user can open; sign-in and the health check are
    # left out (no session work to speak of).
    item = Item.objects.order_by("id").first()
    report = Report.objects.order_by("id").first()
    if item is None or report is None:
        raise CommandError("No demo data: run `manage.py loaddemo` first.")
    pages = [
        (reverse("home"), "dcc"),
        (reverse("home") + f"?as_at={past}", "dcc"),
        (reverse("recommendations:report_list"), "staff"),
        (reverse("recommendations:item_list"), "staff"),
        (
            reverse("recommendations:item_list") + "?status=in_progress&owner=pcc",
            "staff",
        ),
        (reverse("recommendations:item_list") + f"?as_at={past}", "staff"),
        (reverse("recommendations:item_export", args=["csv"]), "staff"),
        (reverse("recommendations:item_export", args=["xlsx"]), "staff"),
        (reverse("recommendations:item_edit", args=[item.pk]), "staff"),
        (reverse("recommendations:item_progress", args=[item.pk]), "staff"),
        (reverse("oversight:date_request", args=[item.pk]), "staff"),
        (reverse("oversight:review"), "dcc"),
        (reverse("oversight:s55_list"), "staff"),
        (reverse("oversight:s55_edit", args=[report.pk]), "staff"),
        (reverse("oversight:scrutiny"), "panel"),
        (
            reverse("oversight:scrutiny_document")
            + f"?meeting={timezone.localdate().isoformat()}&previous={past}",
            "panel",
        ),
        (reverse("oversight:changes") + f"?since={past}", "panel"),
        (reverse("recommendations:loading_start"), "admin"),
        (reverse("accessibility"), "staff"),
        (reverse("admin:index"), "admin"),
        (reverse("admin:recommendations_item_changelist"), "admin"),
        (reverse("admin:recommendations_report_changelist"), "admin"),
        (reverse("admin:recommendations_item_change", args=[item.pk]), "admin"),
    ]
    for report_id in Report.objects.order_by("id").values_list("id", flat=True):
        pages.append(
            (reverse("recommendations:report_detail", args=[report_id]), "staff")
        )
        pages.append((reverse("oversight:s55_report", args=[report_id]), "staff"))
    for item_id in Item.objects.order_by("id").values_list("id", flat=True):
        detail = reverse("recommendations:item_detail", args=[item_id])
        pages.append((detail, "staff"))
        pages.append((f"{detail}?as_at={past}", "staff"))
    return pages


class Command(BaseCommand):
    help = "Time every quickstart page single-user; fail when one is too slow."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--repeat", type=int, default=10)
        parser.add_argument("--limit", type=float, default=100.0, help="ms")

    def handle(self, *args: Any, **options: Any) -> None:
        users = {u.username: u for u in get_user_model().objects.all()}
        clients: dict[str, Client] = {}
        timings = []
        for path, who in quickstart_pages():
            if who not in users:
                raise CommandError(f"No demo user {who!r}: run `manage.py loaddemo`.")
            client = clients.get(who)
            if client is None:
                client = clients[who] = Client(HTTP_HOST="localhost")
                client.force_login(users[who])
            first = client.get(path)
            if first.status_code != 200:
                raise CommandError(f"{path} answered {first.status_code} for {who}")
            samples = []
            for _ in range(options["repeat"]):
                started = time.perf_counter()
                client.get(path)
                samples.append((time.perf_counter() - started) * 1000)
            timings.append((path, statistics.median(samples), max(samples)))
        timings.sort(key=lambda row: -row[1])
        self.stdout.write(f"{'page':70} {'median':>8} {'slowest':>8}  (ms)")
        for path, median, slowest in timings:
            flag = "  OVER" if median > options["limit"] else ""
            self.stdout.write(f"{path[:70]:70} {median:8.1f} {slowest:8.1f}{flag}")
        over = [row for row in timings if row[1] > options["limit"]]
        self.stdout.write(
            f"\n{len(timings)} pages; slowest median {timings[0][1]:.1f} ms "
            f"({timings[0][0]}); {len(over)} over {options['limit']:.0f} ms"
        )
        if over:
            raise CommandError(f"{len(over)} page(s) over {options['limit']:.0f} ms")
