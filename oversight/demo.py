"""The demo data's history: what the tracker would have recorded as the story
happened, so that the "as at" views and the scrutiny paper show real change.

The fixtures hold each record's final state and the dated events (progress updates,
decisions, date changes); this module writes the item and report history those
events imply, dated when they happened, attributed to whoever acted.
"""

import datetime as dt
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone

from recommendations.models import Item, ProgressUpdate, Report

from .models import ClosureDecision, TargetDateChange

DEMO_REASON = "Demo data (fixtures/demo.json)"


def _at(day: dt.date, hour: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def loaded_at(report: Report) -> dt.datetime:
    """When the demo administrator loaded the report: 14 days after publication."""
    return _at(report.published_on + dt.timedelta(days=14))


def history_date(instance: Any) -> dt.datetime | None:
    """The date each fixture row's own history record carries."""
    if isinstance(instance, Report):
        return loaded_at(instance)
    if isinstance(instance, ProgressUpdate):
        return instance.created_at
    if isinstance(instance, ClosureDecision):
        return instance.decided_at
    if isinstance(instance, TargetDateChange):
        return instance.decided_at or instance.requested_at
    return None


TRACKED = [f.attname for f in Item.history.model.tracked_fields]


def write_item_histories(admin: User) -> int:
    """Write each demo item's history from its events; returns the rows written."""
    historical = Item.history.model
    written = 0
    for item in Item.objects.select_related("report").order_by("id"):
        final = {name: getattr(item, name) for name in TRACKED}
        events: list[tuple[dt.datetime, Any, str, dict]] = []
        for update in ProgressUpdate.objects.filter(item=item).exclude(status_to=""):
            change: dict[str, Any] = {"status": update.status_to}
            if update.status_to == Item.Status.CLOSED:
                change["closed_on"] = item.closed_on or update.created_at.date()
            if update.status_from == Item.Status.CLOSED:
                change["closed_on"] = None
            events.append(
                (
                    update.created_at,
                    update.author,
                    f"Status moved to {update.get_status_to_display().lower()}",
                    change,
                )
            )
        for date_change in TargetDateChange.objects.filter(
            item=item, status=TargetDateChange.Status.APPROVED
        ).select_related("decided_by"):
            events.append(
                (
                    # Approved, so decided: decided_at is set.
                    date_change.decided_at or date_change.requested_at,
                    date_change.decided_by,
                    f"Target date moved to {date_change.to_date:%-d %B %Y}: "
                    f"{date_change.reason}",
                    {"target_date": date_change.to_date},
                )
            )
        for decision in ClosureDecision.objects.filter(
            item=item, kind=ClosureDecision.Kind.HMICFRS_VERIFIED
        ):
            events.append(
                (
                    decision.decided_at,
                    decision.decided_by,
                    "Closure verified by HMICFRS",
                    {"hmicfrs_verified_on": decision.effective_on},
                )
            )
        events.sort(key=lambda event: event[0])
        start = loaded_at(item.report)
        records: list[tuple[dt.datetime, Any, str, dict[str, Any], str]] = [
            (start, admin, "Imported from the published report", {}, "+")
        ]
        if final["lead_id"] is not None:
            # Leads are allocated within a month, and before their first move.
            allocated = start + dt.timedelta(days=30)
            if events:
                allocated = min(allocated, events[0][0] - dt.timedelta(days=1))
            records.append(
                (
                    max(allocated, start + dt.timedelta(hours=1)),
                    admin,
                    "Lead allocated",
                    {
                        "lead_id": final["lead_id"],
                        "lead_team": final["lead_team"],
                        "status": Item.Status.IN_PROGRESS,
                    },
                    "~",
                )
            )
        records += [(when, who, why, change, "~") for when, who, why, change in events]
        if final["target_date"] != _target_after(records, item.original_target_date):
            # Revised before the date ledger existed: recorded on the day it slipped.
            slipped = (
                _at(item.original_target_date) if item.original_target_date else start
            )
            records.append(
                (
                    max(slipped, records[1][0] if len(records) > 1 else start),
                    admin,
                    "Target date revised at the force board",
                    {"target_date": final["target_date"]},
                    "~",
                )
            )
        records.sort(key=lambda record: record[0])
        # Every item starts as loaded: unallocated, at its original date.
        state = {
            **final,
            "status": Item.Status.AWAITING_ALLOCATION,
            "status_reason": "",
            "lead_id": None,
            "lead_team": "",
            "target_date": item.original_target_date,
            "closed_on": None,
            "hmicfrs_verified_on": None,
            "s55_response": "",
        }
        previous_time = None
        for when, who, reason, change, kind in records:
            state.update(change)
            historical.objects.create(
                **state,
                history_date=when,
                history_type=kind,
                history_user=who,
                history_change_reason=reason,
            )
            previous_time = when
            written += 1
        if state != final:
            # Whatever the events do not explain (a reason, a response) arrives last.
            historical.objects.create(
                **final,
                history_date=(previous_time or start) + dt.timedelta(hours=1),
                history_type="~",
                history_user=admin,
                history_change_reason=DEMO_REASON,
            )
            written += 1
    return written


def _target_after(records: list, original: dt.date | None) -> dt.date | None:
    target = original
    for _when, _who, _reason, change, _kind in sorted(records, key=lambda r: r[0]):
        target = change.get("target_date", target)
    return target
