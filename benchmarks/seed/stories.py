"""Each row of the data set and its history, told as the application would have
recorded it (created, allocated, dates moved, updates, ...)."""

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone

from oversight.models import TargetDateChange
from recommendations import choicesets, roles
from recommendations.models import Item, ProgressUpdate, Report

from .bulk import HISTORY_COLUMNS, ITEM_FIELDS, insert_rows
from .vocabulary import (
    BENCH_PASSWORD,
    DEEP_HISTORY_ROWS,
    FORCES,
    KIND_WEIGHTS,
    OWNER_SETS,
    START,
    STATUS_WEIGHTS,
    TEAMS,
    TOPICS,
    VERBS,
    Scale,
)

User = get_user_model()


def weighted(rng: random.Random, weights: list[tuple[Any, int]]) -> Any:
    return rng.choices([w[0] for w in weights], [w[1] for w in weights])[0]


def aware(day: dt.date, seconds: int) -> dt.datetime:
    moment = dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=seconds)
    return timezone.make_aware(moment, dt.UTC)


def users(count: int) -> dict[str, list]:
    password = make_password(BENCH_PASSWORD)
    groups = {name: Group.objects.get(name=name) for name in roles.ALL_ROLES}
    leads = User.objects.bulk_create(
        User(
            username=f"lead{n}",
            first_name=f"Lead{n}",
            last_name=_surname(n),
            password=password,
        )
        for n in range(count)
    )
    groups[roles.OFFICE_STAFF].user_set.add(*leads)
    staff = User.objects.create(username="bench-staff", password=password)
    staff.groups.add(groups[roles.OFFICE_STAFF])
    dcc = User.objects.create(
        username="bench-dcc", first_name="Deputy", last_name="Chief", password=password
    )
    dcc.groups.add(groups[roles.REVIEWER])
    User.objects.create(
        username="bench-admin",
        password=password,
        is_staff=True,
        is_superuser=True,
    )
    return {"leads": leads}


def _surname(n: int) -> str:
    names = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans"]
    return names[n % len(names)]


def reports(rng: random.Random, count: int, today: dt.date) -> list[dict]:
    span = (today - START).days
    kinds = [
        (Report.Kind.PEEL, 30),
        (Report.Kind.FORCE, 25),
        (Report.Kind.NATIONAL_THEMATIC, 20),
        (Report.Kind.JOINT, 10),
        (Report.Kind.POST_INSPECTION_REVIEW, 8),
        (Report.Kind.SUPER_COMPLAINT, 2),
        (Report.Kind.OTHER, 5),
    ]
    reports = []
    for n in range(1, count + 1):
        kind = weighted(rng, kinds)
        published = START + dt.timedelta(days=rng.randrange(span))
        force = rng.choice(FORCES)
        topic = rng.choice(TOPICS)
        reports.append(
            {
                "id": n,
                "title": f"{force}: {topic} ({kind.label}, report {n})",
                "kind": kind,
                "published_on": published,
                "scope": Report.Scope.NATIONAL
                if kind == Report.Kind.NATIONAL_THEMATIC
                else Report.Scope.THIS_FORCE,
                "created": aware(published, 9 * 3600),
                "responded": published + dt.timedelta(days=rng.randrange(30, 70))
                if published < today - dt.timedelta(days=70)
                else None,
            }
        )
    columns = [
        "id", "title", "kind", "inspectorates", "published_on", "url", "summary",
        "scope", "hmicfrs_reference", "s55_required", "response_published_on",
        "response_url",
    ]  # fmt: skip

    def row(r: dict) -> tuple:
        return (
            r["id"], r["title"], r["kind"], ",hmicfrs,", r["published_on"], "", "",
            r["scope"], f"HMI-{r['id']:06d}", r["kind"] != Report.Kind.SUPER_COMPLAINT,
            r["responded"], "",
        )  # fmt: skip

    insert_rows(
        Report,
        [*columns, "created_at", "updated_at"],
        ((*row(r), r["created"], r["created"]) for r in reports),
    )
    insert_rows(
        Report.history.model,
        [*columns, "history_id", *HISTORY_COLUMNS],
        (
            (*row(r), r["id"], r["created"], "Loaded from HMICFRS", "+", None)
            for r in reports
        ),
    )
    return reports


def items(
    rng: random.Random,
    scale: Scale,
    reports: list[dict],
    leads: list[int],
    today: dt.date,
) -> Iterator[dict]:
    per_report, extra = divmod(scale.items, len(reports))
    item_id = 0
    for index, report in enumerate(reports):
        counters = {kind: 0 for kind in Item.Kind}
        for _n in range(per_report + (1 if index < extra else 0)):
            item_id += 1
            kind = weighted(rng, KIND_WEIGHTS)
            counters[kind] += 1
            prefix = {
                Item.Kind.RECOMMENDATION: "",
                Item.Kind.AREA_FOR_IMPROVEMENT: "AFI ",
                Item.Kind.CAUSE_OF_CONCERN: "CoC ",
            }[kind]
            status = weighted(rng, STATUS_WEIGHTS)
            published = report["published_on"]
            original = published + dt.timedelta(days=rng.randrange(90, 720))
            target = original
            if rng.random() < 0.3:
                target = original + dt.timedelta(days=rng.randrange(30, 365))
            created = report["created"] + dt.timedelta(minutes=_n)
            closed_on = None
            if status == Item.Status.CLOSED:
                closed_on = min(target, today - dt.timedelta(days=1))
            yield {
                "id": item_id,
                "report_id": report["id"],
                "reference": f"{prefix}{counters[kind]}",
                "kind": kind,
                "text": (
                    f"By {original:%B %Y}, the force {rng.choice(VERBS)} its "
                    f"{rng.choice(TOPICS)} arrangements meet the standard set by "
                    f"authorised professional practice, and that supervisors check "
                    f"this regularly (item {item_id})."
                ),
                "text_is_summary": False,
                "owners": choicesets.encode(rng.choice(OWNER_SETS)),
                "other_owners": "",
                "cause_of_concern_id": None,
                "hmicfrs_id": "",
                "lead_id": None
                if status == Item.Status.AWAITING_ALLOCATION
                else rng.choice(leads),
                "lead_team": ""
                if status == Item.Status.AWAITING_ALLOCATION
                else rng.choice(TEAMS),
                "status": status,
                "status_reason": "Superseded by a later inspection"
                if status == Item.Status.NO_FURTHER_ACTION
                else "",
                "original_target_date": original,
                "target_date": target,
                "closed_on": closed_on,
                "hmicfrs_verified_on": None,
                "s55_response": "",
                "version": 1,
                "created_at": created,
                "updated_at": created,
                "history": scale.history_per_item,
            }


def item_history(
    rng: random.Random, items: list[dict], scale: Scale, leads: list[int]
) -> int:
    """History rows for every item: created, then changes, ending as the item is.

    Item 1 gets DEEP_HISTORY_ROWS rows (the detail page's long-history case), every
    other item `history_per_item`. Sets each item's updated_at and version to match.
    """
    written = 0
    next_id = 0

    def rows() -> Iterator[tuple]:
        nonlocal written, next_id
        for item in items:
            count = item["history"]
            if item["id"] == 1 and scale.history_per_item > 1:
                count = DEEP_HISTORY_ROWS
            state = {f: item[f] for f in ITEM_FIELDS}
            states = []
            for step in range(count):
                version = {**state}
                if step < count - 1:
                    # Earlier states: not yet allocated, then moving along.
                    if step == 0:
                        version.update(
                            status=Item.Status.AWAITING_ALLOCATION,
                            lead_id=None,
                            lead_team="",
                            status_reason="",
                            closed_on=None,
                            target_date=item["original_target_date"],
                        )
                    else:
                        version.update(
                            status=Item.Status.IN_PROGRESS,
                            status_reason="",
                            closed_on=None,
                            lead_id=version["lead_id"] or rng.choice(leads),
                            lead_team=version["lead_team"] or rng.choice(TEAMS),
                            target_date=item["original_target_date"]
                            + dt.timedelta(days=step * 7),
                        )
                states.append(version)
            moment = item["created_at"]
            for step, version in enumerate(states):
                next_id += 1
                written += 1
                yield (
                    item["id"],
                    *(version[f] for f in ITEM_FIELDS),
                    step + 1,
                    next_id,
                    moment,
                    "Loaded from HMICFRS" if step == 0 else "Progress reviewed",
                    "+" if step == 0 else "~",
                    None if step == 0 else (version["lead_id"] or leads[0]),
                )
                moment += dt.timedelta(days=rng.randrange(5, 40), seconds=step)
            item["updated_at"] = moment - dt.timedelta(seconds=1)
            item["version"] = len(states)

    insert_rows(
        Item.history.model,
        ["id", *ITEM_FIELDS, "version", "history_id", *HISTORY_COLUMNS],
        rows(),
    )
    return written


def updates(
    rng: random.Random, items: list[dict], scale: Scale, leads: list[int]
) -> int:
    if not scale.updates_per_item:
        return 0
    columns = [
        "id", "item_id", "author_id", "created_at", "text", "status_from",
        "status_to", "evidence_file", "evidence_name", "evidence_content_type",
        "evidence_size", "evidence_link",
    ]  # fmt: skip
    updates: list[tuple] = []
    for item in items:
        for n in range(scale.updates_per_item):
            updates.append(
                (
                    len(updates) + 1,
                    item["id"],
                    item["lead_id"] or rng.choice(leads),
                    item["created_at"] + dt.timedelta(days=20 * (n + 1)),
                    f"Update {n + 1}: the working group met and reviewed the plan; "
                    f"the next step is agreed with the lead ({item['lead_team']}).",
                    "",
                    "",
                    "",
                    "",
                    "",
                    None,
                    "",
                )
            )
    insert_rows(ProgressUpdate, columns, updates)
    insert_rows(
        ProgressUpdate.history.model,
        [*columns, "history_id", *HISTORY_COLUMNS],
        (
            (*row, row[0], row[3], "Progress update recorded", "+", row[2])
            for row in updates
        ),
    )
    return len(updates)


def date_requests(
    rng: random.Random, items: list[dict], leads: list[int], today: dt.date
) -> int:
    """Pending target-date requests on about 1% of open items."""
    open_values = Item.Status.open_values()
    chosen = [
        i
        for i in items
        if i["status"] in open_values and i["target_date"] and rng.random() < 0.01
    ]
    columns = [
        "id", "item_id", "from_date", "to_date", "reason", "requested_by_id",
        "requested_at", "status", "decided_by_id", "decided_at", "decision_note",
    ]  # fmt: skip
    rows = [
        (
            n,
            item["id"],
            item["target_date"],
            item["target_date"] + dt.timedelta(days=90),
            "The supplier moved the go-live date.",
            item["lead_id"] or rng.choice(leads),
            aware(today - dt.timedelta(days=rng.randrange(1, 30)), 10 * 3600),
            TargetDateChange.Status.PENDING,
            None,
            None,
            "",
        )
        for n, item in enumerate(chosen, start=1)
    ]
    insert_rows(TargetDateChange, columns, rows)
    insert_rows(
        TargetDateChange.history.model,
        [*columns, "history_id", *HISTORY_COLUMNS],
        (
            (*row, row[0], row[6], "Target date change requested", "+", row[5])
            for row in rows
        ),
    )
    return len(rows)
