"""The section 55 clock: which reports need the PCC's response, and by when."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet

from recommendations.models import (
    S55_PERIOD_DAYS,
    Item,
    Report,
)


def s55_reports(queryset: QuerySet[Report] | None = None) -> QuerySet[Report]:
    """Reports that need a section 55 response, newest first."""
    return (
        (queryset if queryset is not None else Report.objects.all())
        .filter(s55_required=True)
        .exclude(kind=Report.Kind.SUPER_COMPLAINT)
        .order_by("-published_on", "title")
    )


@dataclass(frozen=True)
class S55Row:
    """A report that needs the PCC's response, with its deadline and standing."""

    report: Report
    deadline: dt.date | None
    days_left: int | None
    published: dt.date | None
    late: bool


@dataclass(frozen=True)
class S55Due:
    overdue: list[S55Row]
    due_soon: list[S55Row]


def s55_rows(*, today: dt.date, reports: Iterable[Report]) -> list[S55Row]:
    """Each of `reports` (from s55_reports) with its deadline and standing."""
    rows = []
    for report in reports:
        deadline = report.s55_deadline
        published = report.response_published_on
        rows.append(
            S55Row(
                report=report,
                deadline=deadline,
                days_left=(deadline - today).days if deadline else None,
                published=published,
                late=bool(deadline and (published or today) > deadline),
            )
        )
    return rows


def s55_due(*, today: dt.date, within: int = 14) -> S55Due:
    """Responses not yet published: overdue ones, and those due within `within` days."""
    latest_publication = today + dt.timedelta(days=within - (S55_PERIOD_DAYS - 1))
    waiting = Report.objects.filter(
        response_published_on__isnull=True, published_on__lte=latest_publication
    )
    rows = s55_rows(today=today, reports=s55_reports(waiting))
    return S55Due(
        overdue=[r for r in rows if r.days_left is not None and r.days_left < 0],
        due_soon=[
            r for r in rows if r.days_left is not None and 0 <= r.days_left <= within
        ],
    )


def s55_recommendations(*, report: Report) -> list[Item]:
    return list(
        Item.objects.filter(report=report, kind=Item.Kind.RECOMMENDATION).order_by("id")
    )
