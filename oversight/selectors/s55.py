"""The section 55 clock: which reports need the PCC's response, and by when; and
the response letter: its text, what it still lacks, and whether it is approved."""

import datetime as dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from recommendations.models import (
    S55_PERIOD_DAYS,
    Item,
    Report,
)
from recommendations.people import display_name

from ..models import S55Letter


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


class S55Stage(models.TextChoices):
    BEING_WRITTEN = "being_written", gettext_lazy("Being written")
    AWAITING_APPROVAL = "awaiting_approval", gettext_lazy("Awaiting approval")
    APPROVED = "approved", gettext_lazy("Approved: the final letter is ready")
    PUBLISHED = "published", gettext_lazy("Published")


@dataclass(frozen=True)
class S55LetterState:
    """The PCC's response letter for one report, as the tracker holds it now.

    What the letter prints (the report's facts, the comments, every recommendation
    with its response) is read here once: the draft and the final DOCX are built
    from it, and its `digest` is what an approval approves.
    """

    report: Report
    letter: S55Letter | None
    recommendations: list[Item]

    @property
    def pcc_comments(self) -> str:
        return self.letter.pcc_comments if self.letter else ""

    @property
    def chief_comments(self) -> str:
        return self.letter.chief_comments if self.letter else ""

    @property
    def pcc_reply(self) -> str:
        return self.letter.pcc_reply if self.letter else ""

    @property
    def version(self) -> int:
        """The letter's version for a form; 0 while nothing is written."""
        return self.letter.version if self.letter else 0

    @cached_property
    def digest(self) -> str:
        """A fingerprint of everything the letter prints: what an approval holds for."""
        report = self.report
        deadline = report.s55_deadline
        received = report.chief_comments_received_on
        text = [
            report.title,
            report.published_on.isoformat(),
            deadline.isoformat() if deadline else None,
            received.isoformat() if received else None,
            self.pcc_comments,
            self.chief_comments,
            self.pcc_reply,
            [
                [
                    item.pk,
                    item.reference,
                    item.text,
                    item.text_is_summary,
                    item.s55_response,
                ]
                for item in self.recommendations
            ],
        ]
        encoded = json.dumps(text, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(encoded.encode()).hexdigest()

    @property
    def unanswered(self) -> list[Item]:
        return [item for item in self.recommendations if not item.s55_response.strip()]

    @property
    def missing(self) -> list[str]:
        """Each part the text still lacks before it can be approved, named.

        The PCC's response to the chief's comments is not among them: s.55(5)(c)
        asks for "any response" the PCC has, so the final letter leaves it out when
        none is written.
        """
        missing = []
        if not self.pcc_comments.strip():
            missing.append(_("the Police and Crime Commissioner's comments"))
        if not self.chief_comments.strip():
            missing.append(_("the Chief Constable's comments"))
        missing += [
            _("the response to recommendation %(ref)s") % {"ref": item.reference}
            for item in self.unanswered
        ]
        return missing

    @property
    def approved(self) -> bool:
        """Approved, and the text is still the text approved."""
        letter = self.letter
        return bool(
            letter and letter.approved_at and letter.approved_digest == self.digest
        )

    @property
    def approval_outdated(self) -> bool:
        """Approved once, but the text has changed since (outside the s.55 pages)."""
        return bool(self.letter and self.letter.approved_at and not self.approved)

    @property
    def approval_label(self) -> str:
        return self.letter.approval_label if self.letter else ""

    @property
    def final_refusals(self) -> list[str]:
        """Everything that stands between the text and the final letter, named."""
        refusals = self.missing
        if self.approval_outdated:
            refusals.append(
                _(
                    "approval of the text again (it changed after %(approval)s "
                    "approved it)"
                )
                % {"approval": self.approval_label}
            )
        elif not self.approved:
            refusals.append(_("approval of the text by a reviewer"))
        return refusals

    @property
    def can_be_final(self) -> bool:
        return not self.final_refusals

    @property
    def stage(self) -> S55Stage:
        if self.report.response_published_on:
            return S55Stage.PUBLISHED
        if self.missing:
            return S55Stage.BEING_WRITTEN
        if self.approved:
            return S55Stage.APPROVED
        return S55Stage.AWAITING_APPROVAL


def s55_letter_states(*, reports: Sequence[Report]) -> dict[int, S55LetterState]:
    """Each report's letter state, by report id: two queries for any number."""
    ids = [report.pk for report in reports]
    if not ids:
        return {}
    letters = {
        letter.report_id: letter
        for letter in S55Letter.objects.filter(report_id__in=ids).select_related(
            "approved_by"
        )
    }
    recommendations: dict[int, list[Item]] = defaultdict(list)
    for item in Item.objects.filter(
        report_id__in=ids, kind=Item.Kind.RECOMMENDATION
    ).order_by("id"):
        recommendations[item.report_id].append(item)
    return {
        report.pk: S55LetterState(
            report=report,
            letter=letters.get(report.pk),
            recommendations=recommendations[report.pk],
        )
        for report in reports
    }


def s55_letter_state(*, report: Report) -> S55LetterState:
    """The report's letter as it stands (the facts are read from `report` as given)."""
    return s55_letter_states(reports=[report])[report.pk]


@dataclass(frozen=True)
class S55LetterChange:
    """One change to the letter, from its history: when, who, why, which parts."""

    when: dt.datetime
    who: str
    reason: str
    parts: list[str]


_PARTS = {
    "pcc_comments": gettext_lazy("the PCC's comments"),
    "chief_comments": gettext_lazy("the Chief Constable's comments"),
    "pcc_reply": gettext_lazy("the PCC's response to them"),
    "approved_at": gettext_lazy("the approval"),
}


def _parts_changed(record: object, previous: object | None) -> list[str]:
    if previous is None:  # the first save: the parts it was written with
        return [str(label) for field, label in _PARTS.items() if getattr(record, field)]
    return [
        str(label)
        for field, label in _PARTS.items()
        if getattr(record, field) != getattr(previous, field)
    ]


def s55_letter_history(*, letter: S55Letter | None) -> list[S55LetterChange]:
    """The letter's changes, newest first, each naming the parts it changed."""
    if letter is None:
        return []
    changes = []
    previous = None
    for record in letter.history.select_related("history_user").order_by(
        "history_date", "history_id"
    ):
        changes.append(
            S55LetterChange(
                when=record.history_date,
                who=display_name(record.history_user),
                reason=record.history_change_reason or "",
                parts=_parts_changed(record, previous),
            )
        )
        previous = record
    return changes[::-1]
