"""Reminder digests: one email per lead, one per reviewer, at most once a day each."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from recommendations import choicesets, roles
from recommendations.history import save_with_history
from recommendations.models import Item
from recommendations.text import xml_safe

from .models import ReminderLog, TargetDateChange
from .selectors import s55_due, s55_letter_states

User = get_user_model()


@dataclass
class Outcome:
    sent: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def _url(name: str, *args: Any) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def _claim(user: Any, kind: str, today: dt.date, label: str) -> ReminderLog | None:
    """Record the digest as being sent, before sending it; None if another run
    has already claimed or sent it today (the database's unique check decides,
    so two overlapping runs cannot both claim it)."""
    log = ReminderLog(
        recipient=user,
        kind=kind,
        sent_on=today,
        created_at=timezone.now(),
        status=ReminderLog.Status.SENDING,
    )
    try:
        with transaction.atomic():
            save_with_history(log, actor=None, reason=f"sendreminders: {label}")
    except IntegrityError:
        return None
    return log


def _send(
    *,
    user: Any,
    kind: str,
    today: dt.date,
    subject: str,
    template: str,
    context: dict[str, Any],
    item_count: int,
    outcome: Outcome,
) -> None:
    """Claim, send and record one digest; a failure is recorded and reported, not
    raised (and frees the claim, so a later run may try again)."""
    label = f"{user.get_username()} ({choicesets.label(ReminderLog.Kind, kind)})"
    log = _claim(user, kind, today, label)
    if log is None:
        outcome.skipped.append(label)
        return
    error = ""
    try:
        if not user.email:
            raise ValueError("no email address")
        # Stored notes may hold characters no mail (or XML) should carry.
        body = xml_safe(render_to_string(template, {**context, "recipient": user}))
        EmailMessage(subject=xml_safe(subject), body=body, to=[user.email]).send()
    except Exception as exc:  # any failure is recorded and reported per recipient
        error = f"{type(exc).__name__}: {exc}"
    log.status = ReminderLog.Status.FAILED if error else ReminderLog.Status.SENT
    log.item_count = item_count
    log.error = error
    save_with_history(
        log, actor=None, reason=f"sendreminders: {label} {log.get_status_display()}"
    )
    if error:
        outcome.failed.append((label, error))
    else:
        outcome.sent.append(label)


def send_reminders(*, today: dt.date, due_within_days: int) -> Outcome:
    outcome = Outcome()
    horizon = today + dt.timedelta(days=due_within_days)
    items = (
        Item.objects.open()
        .filter(lead__isnull=False, lead__is_active=True, target_date__lte=horizon)
        .select_related("report", "lead")
        .order_by("target_date", "id")
    )
    by_lead: dict[int, list[Item]] = defaultdict(list)
    for item in items:
        by_lead[item.lead_id].append(item)
    for lead_items in by_lead.values():
        lead = lead_items[0].lead
        # Every item here has a target date (the query filters on it).
        overdue = [i for i in lead_items if (i.target_date or today) < today]
        due_soon = [i for i in lead_items if (i.target_date or today) >= today]
        rows = [
            {
                "item": i,
                "days_overdue": i.days_overdue(today),
                "url": _url("recommendations:item_detail", i.pk),
            }
            for i in lead_items
        ]
        _send(
            user=lead,
            kind=ReminderLog.Kind.LEAD_DIGEST,
            today=today,
            subject=f"Inspection items: {len(overdue)} overdue, "
            f"{len(due_soon)} due within {due_within_days} days",
            template="oversight/email/lead_digest.txt",
            context={
                "overdue": [r for r in rows if r["days_overdue"]],
                "due_soon": [r for r in rows if not r["days_overdue"]],
                "due_within_days": due_within_days,
                "today": today,
            },
            item_count=len(lead_items),
            outcome=outcome,
        )

    overdue_count = Item.objects.overdue(today).count()
    pending_sign_off = list(
        Item.objects.filter(status=Item.Status.PENDING_SIGN_OFF)
        .select_related("report")
        .order_by("id")
    )
    pending_dates = list(
        TargetDateChange.objects.filter(status=TargetDateChange.Status.PENDING)
        .select_related("item__report", "requested_by")
        .order_by("requested_at")
    )
    unallocated = list(
        Item.objects.filter(status=Item.Status.AWAITING_ALLOCATION)
        .select_related("report")
        .order_by("id")
    )
    # Section 55 responses overdue or due within 14 days (as the home page lists
    # them), each with how far its letter has come.
    s55 = s55_due(today=today)
    letters = s55_letter_states(reports=[r.report for r in s55.overdue + s55.due_soon])
    s55_overdue, s55_due_soon = (
        [
            {
                "row": r,
                "letter": letters[r.report.pk],
                "days_overdue": -(r.days_left or 0),
                "url": _url("oversight:s55_report", r.report.pk),
            }
            for r in rows
        ]
        for rows in (s55.overdue, s55.due_soon)
    )
    total = (
        overdue_count
        + len(pending_sign_off)
        + len(pending_dates)
        + len(unallocated)
        + len(letters)
    )
    if total == 0:
        return outcome
    reviewers = (
        User.objects.filter(is_active=True, groups__name=roles.REVIEWER)
        .distinct()
        .order_by("username")
    )
    context = {
        "overdue_count": overdue_count,
        "pending_sign_off": pending_sign_off,
        "pending_dates": pending_dates,
        "unallocated": unallocated,
        "s55_overdue": s55_overdue,
        "s55_due_soon": s55_due_soon,
        "review_url": _url("oversight:review"),
        "overdue_url": _url("recommendations:item_list") + "?overdue=true",
        "site_url": settings.SITE_URL,
        "today": today,
    }
    for reviewer in reviewers:
        _send(
            user=reviewer,
            kind=ReminderLog.Kind.REVIEWER_DIGEST,
            today=today,
            subject=f"Inspection items for review: {len(pending_sign_off)} to sign "
            f"off, {len(pending_dates)} date requests, {overdue_count} overdue"
            + (
                f"; section 55 responses: {len(s55_overdue)} overdue, "
                f"{len(s55_due_soon)} due within 14 days"
                if letters
                else ""
            ),
            template="oversight/email/reviewer_digest.txt",
            context=context,
            item_count=total,
            outcome=outcome,
        )
    return outcome
