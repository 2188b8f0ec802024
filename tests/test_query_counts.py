"""Every list and detail page makes the same number of queries however many rows
there are: measured on a small tracker, then again after it has grown tenfold.

Figures are cached between requests (recommendations.figures); the cache is cleared
before each measured request so that both compute everything afresh.
"""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from oversight.models import TargetDateChange
from recommendations import choicesets
from recommendations.history import save_with_history
from recommendations.models import Item, ProgressUpdate, Report

PAST = 30  # days ago that the as-at pages look at

FIRST_ITEM = "first-item"
FIRST_REPORT = "first-report"
S55_REPORT = "s55-report"

PAGES = [
    ("dashboard", "home", None, {}),
    ("dashboard as at", "home", None, {"as_at": PAST}),
    ("report list", "recommendations:report_list", None, {}),
    ("report detail", "recommendations:report_detail", FIRST_REPORT, {}),
    ("item list", "recommendations:item_list", None, {}),
    (
        "item list filtered",
        "recommendations:item_list",
        None,
        {"status": "in_progress", "owner": "chief_constable"},
    ),
    ("item list as at", "recommendations:item_list", None, {"as_at": PAST}),
    ("item detail", "recommendations:item_detail", FIRST_ITEM, {}),
    ("item detail as at", "recommendations:item_detail", FIRST_ITEM, {"as_at": PAST}),
    ("review", "oversight:review", None, {}),
    ("s.55 list", "oversight:s55_list", None, {}),
    ("s.55 report", "oversight:s55_report", S55_REPORT, {}),
    ("scrutiny paper", "oversight:scrutiny", None, {}),
    ("changes since", "oversight:changes", None, {"since": PAST}),
    ("admin item list", "admin:recommendations_item_changelist", None, {}),
    ("admin report list", "admin:recommendations_report_changelist", None, {}),
]


class Tracker:
    """Reports with items, each with history before and after PAST days ago,
    progress updates, overdue items, items awaiting sign-off and date requests."""

    def __init__(self, actor, lead):
        self.actor = actor
        self.lead = lead
        self.reports = 0
        self.first_item = None
        self.first_report = None
        self.s55_report = None

    def grow(self, reports: int) -> None:
        today = timezone.localdate()
        before = timezone.now() - dt.timedelta(days=PAST + 10)
        for _ in range(reports):
            self.reports += 1
            report = Report(
                title=f"Report {self.reports}",
                kind=Report.Kind.PEEL,
                published_on=today - dt.timedelta(days=PAST + 20 + self.reports),
            )
            report._history_date = before
            save_with_history(report, actor=self.actor, reason="Loaded")
            self.first_report = self.first_report or report
            self.s55_report = self.s55_report or report
            for n, status in enumerate(
                [
                    Item.Status.IN_PROGRESS,
                    Item.Status.IN_PROGRESS,
                    Item.Status.PENDING_SIGN_OFF,
                    Item.Status.CLOSED,
                ]
            ):
                item = Item(
                    report=report,
                    reference=str(n + 1),
                    kind=Item.Kind.RECOMMENDATION,
                    text="A recommendation",
                    owners=choicesets.encode(["chief_constable", "pcc"]),
                    lead=self.lead,
                    lead_team=f"Team {n}",
                    status=status,
                    original_target_date=today - dt.timedelta(days=5 - n * 40),
                    target_date=today - dt.timedelta(days=5 - n * 40),
                )
                item._history_date = before
                save_with_history(item, actor=self.actor, reason="Loaded")
                item.lead_team = f"Team {n} (renamed)"
                save_with_history(item, actor=self.actor, reason="Renamed")
                self.first_item = self.first_item or item
                ProgressUpdate.objects.create(
                    item=item,
                    author=self.lead,
                    created_at=timezone.now(),
                    text="Progress",
                    status_to=status if status == Item.Status.PENDING_SIGN_OFF else "",
                )
                if n == 0:
                    TargetDateChange.objects.create(
                        item=item,
                        from_date=item.target_date,
                        to_date=today + dt.timedelta(days=90),
                        reason="Slipped",
                        requested_by=self.lead,
                        requested_at=timezone.now(),
                    )


@pytest.fixture
def tracker(administrator, staff):
    tracker = Tracker(administrator, staff)
    tracker.grow(2)
    return tracker


def _url(tracker: Tracker, name: str, target: str | None, params: dict) -> str:
    args = []
    if target == FIRST_ITEM:
        args = [tracker.first_item.pk]
    elif target in (FIRST_REPORT, S55_REPORT):
        args = [tracker.first_report.pk]
    query = {
        key: (timezone.localdate() - dt.timedelta(days=value)).isoformat()
        if key in ("as_at", "since")
        else value
        for key, value in params.items()
    }
    url = reverse(name, args=args)
    if query:
        from urllib.parse import urlencode

        url += "?" + urlencode(query)
    return url


@pytest.mark.parametrize(
    ("name", "target", "params"),
    [page[1:] for page in PAGES],
    ids=[page[0] for page in PAGES],
)
def test_queries_do_not_grow_with_the_rows(
    client_for, administrator, tracker, name, target, params,
    django_assert_max_num_queries,
):  # fmt: skip
    client = client_for(administrator)
    url = _url(tracker, name, target, params)
    assert client.get(url).status_code == 200  # warm the session
    cache.clear()
    with CaptureQueriesContext(connection) as small:
        response = client.get(url)
    assert response.status_code == 200
    tracker.grow(10)
    cache.clear()
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
