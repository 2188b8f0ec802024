"""Every write to reports, items and progress updates goes through these functions.

Each one, in a transaction and in this order: checks access (recommendations.access),
locks what it changes and compares versions (recommendations.versions), checks the
state (recommendations.workflow), writes with history (acting user and reason).
"""

import datetime as dt
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from . import access, choicesets, timeline, workflow
from .access import Need
from .evidence import check_evidence
from .history import create_with_history, save_with_history
from .loading.preview import Draft, check, find_existing, reference_key
from .models import Inspectorate, Item, Owner, ProgressUpdate, Report
from .text import clean_text

# Raised by these services; callers catch it by this name.
from .versions import ConflictError as ConflictError
from .versions import lock_item, lock_report, save_item

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

security_logger = logging.getLogger("tracker.security")


@transaction.atomic
def item_update_working_fields(
    *,
    item_id: int,
    actor: User,
    expected_version: int,
    lead: User | None,
    lead_team: str,
    target_date: dt.date | None,
    reason: str,
    past_date_confirmed: bool = False,
) -> Item:
    """Change lead, lead team or a first target date; allocating a lead starts work."""
    access.require_item(actor, Need.EDIT)
    item = lock_item(item_id=item_id, expected_version=expected_version)
    if item.target_date is not None and target_date != item.target_date:
        raise ValidationError(
            _(
                "The target date is already set. A new target date needs a "
                "request with a reason, approved by a reviewer."
            ),
            code="target_date_set",
        )
    changed = []
    if item.lead_id != (lead.pk if lead else None):
        item.lead = lead
        changed.append("lead")
    if item.lead_team != lead_team:
        item.lead_team = lead_team
        changed.append("lead_team")
    reason = reason.strip()
    if item.target_date is None and target_date is not None:
        today = timezone.localdate()
        workflow.check_first_target_date(
            item, target_date, today=today, past_confirmed=past_date_confirmed
        )
        if target_date < today:
            reason += " " + str(_("(First target date in the past, confirmed.)"))
        item.target_date = target_date
        item.original_target_date = target_date
        changed += ["target_date", "original_target_date"]
    if not changed:
        raise ValidationError(_("Nothing was changed."), code="no_change")
    if item.status == Item.Status.AWAITING_ALLOCATION and item.lead_id is not None:
        item.status = Item.Status.IN_PROGRESS
    elif item.status == Item.Status.IN_PROGRESS and item.lead_id is None:
        item.status = Item.Status.AWAITING_ALLOCATION
    save_item(item, actor=actor, reason=reason)
    return item


def _correction_reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            _("Give the reason for the correction."), code="reason_required"
        )
    return reason


def _required(value: str, *, missing: "StrOrPromise") -> str:
    value = value.strip()
    if not value:
        raise ValidationError(missing, code="required")
    return value


def _known_codes(
    codes: list[str], choices: type[models.TextChoices], *, none: "StrOrPromise"
) -> str:
    """The codes as stored (,a,b,); at least one, each one the choices know."""
    if not codes:
        raise ValidationError(none, code="required")
    unknown = sorted(set(codes) - set(choices.values))
    if unknown:
        raise ValidationError(
            _("Unknown: %(codes)s.") % {"codes": ", ".join(unknown)}, code="unknown"
        )
    return choicesets.encode(codes)


@transaction.atomic
def item_correct_details(
    *,
    item_id: int,
    actor: User,
    expected_version: int,
    reference: str,
    kind: str,
    text: str,
    text_is_summary: bool,
    owners: list[str],
    cause_of_concern: Item | None,
    hmicfrs_id: str,
    reason: str,
    other_owners: str = "",
) -> Item:
    """An administrator corrects what the report says of an item, with a reason."""
    access.require_item(actor, Need.ADMINISTER)
    reason = _correction_reason(reason)
    item = lock_item(item_id=item_id, expected_version=expected_version)
    reference = _required(reference, missing=_("Enter the reference."))
    text = _required(text, missing=_("Enter the wording."))
    encoded_owners = _known_codes(
        owners, Owner, none=_("Choose at least one body the item is addressed to.")
    )
    if kind not in Item.Kind.values:
        raise ValidationError(_("Choose the kind of item."), code="kind")
    if cause_of_concern is not None and (
        cause_of_concern.pk == item.pk
        or cause_of_concern.report_id != item.report_id
        or cause_of_concern.kind != Item.Kind.CAUSE_OF_CONCERN
        or kind == Item.Kind.CAUSE_OF_CONCERN
    ):
        raise ValidationError(
            _("Link a cause of concern in the same report, or none."),
            code="cause_of_concern",
        )
    if (
        item.kind == Item.Kind.CAUSE_OF_CONCERN
        and kind != Item.Kind.CAUSE_OF_CONCERN
        and item.recommendations.exists()
    ):
        raise ValidationError(
            _(
                "Recommendations answer this cause of concern: link them elsewhere "
                "before changing its kind."
            ),
            code="cause_has_recommendations",
        )
    taken = Item.objects.filter(report_id=item.report_id, reference=reference)
    if taken.exclude(pk=item.pk).exists():
        raise ValidationError(
            _("Another item in this report has the reference %(reference)s.")
            % {"reference": reference},
            code="duplicate_reference",
        )
    before = (
        item.reference,
        item.kind,
        item.text,
        item.text_is_summary,
        item.owners,
        item.other_owners,
        item.cause_of_concern_id,
        item.hmicfrs_id,
    )
    others = "; ".join(
        n.strip() for n in clean_text(other_owners).split(";") if n.strip()
    )
    if others and Owner.OTHER not in owners:
        raise ValidationError(
            _(
                "Other owners' names go with the owner Other: tick it, or clear "
                "the names."
            ),
            code="other_owners",
        )
    if len(others) > 300:
        raise ValidationError(
            _("The other owners' names must be 300 characters or fewer."),
            code="other_owners",
        )
    item.other_owners = others
    item.reference = reference
    item.kind = kind
    item.text = text
    item.text_is_summary = text_is_summary
    item.owners = encoded_owners
    item.cause_of_concern = cause_of_concern
    item.hmicfrs_id = hmicfrs_id.strip()
    after = (
        item.reference,
        item.kind,
        item.text,
        item.text_is_summary,
        item.owners,
        item.other_owners,
        item.cause_of_concern_id,
        item.hmicfrs_id,
    )
    if after == before:
        raise ValidationError(_("Nothing was changed."), code="no_change")
    save_item(item, actor=actor, reason=reason)
    return item


@transaction.atomic
def report_correct_details(
    *,
    report_id: int,
    actor: User,
    expected_change: int | None,
    title: str,
    kind: str,
    inspectorates: list[str],
    published_on: dt.date,
    url: str,
    summary: str,
    scope: str,
    hmicfrs_reference: str,
    reason: str,
) -> Report:
    """An administrator corrects a loaded report's details, with a reason."""
    access.require_report(actor, Need.ADMINISTER)
    reason = _correction_reason(reason)
    report = lock_report(report_id=report_id, expected_change=expected_change)
    title = _required(title, missing=_("Enter the title."))
    encoded_inspectorates = _known_codes(
        inspectorates, Inspectorate, none=_("Choose at least one inspectorate.")
    )
    if kind not in Report.Kind.values or scope not in Report.Scope.values:
        raise ValidationError(_("Choose the kind and scope."), code="kind")
    if published_on > timezone.localdate():
        raise ValidationError(
            _("The publication date cannot be in the future."), code="future"
        )
    # The same test loading uses to recognise a report loaded again.
    if find_existing({"title": title, "published_on": published_on}) not in (
        None,
        report,
    ):
        raise ValidationError(
            _("Another report has this title and publication date."),
            code="duplicate_report",
        )
    # A first target date is the item's permanent original, never before the
    # report was published: a later publication date would break that.
    earliest = (
        report.items.exclude(original_target_date=None)
        .order_by("original_target_date")
        .values_list("original_target_date", flat=True)
        .first()
    )
    if earliest is not None and earliest < published_on:
        raise ValidationError(
            _(
                "An item's first target date (%(date)s) is before this publication "
                "date, and first target dates cannot be before publication."
            )
            % {"date": date_format(earliest, "j F Y")},
            code="after_first_target",
        )
    # The section 55 record's own rule (no step before publication) holds from
    # this side too: its dates are corrected on its page first.
    s55_dates = (
        report.chief_comments_requested_by,
        report.chief_comments_received_on,
        report.response_published_on,
    )
    if any(day is not None and day < published_on for day in s55_dates):
        raise ValidationError(
            _(
                "The section 55 record has dates before this publication date. "
                "Correct them on the section 55 page first."
            ),
            code="before_publication",
        )
    before = (
        report.title,
        report.kind,
        report.inspectorates,
        report.published_on,
        report.url,
        report.summary,
        report.scope,
        report.hmicfrs_reference,
    )
    report.title = title
    report.kind = kind
    report.inspectorates = encoded_inspectorates
    report.published_on = published_on
    report.url = url.strip()
    report.summary = summary.strip()
    report.scope = scope
    report.hmicfrs_reference = hmicfrs_reference.strip()
    after = (
        report.title,
        report.kind,
        report.inspectorates,
        report.published_on,
        report.url,
        report.summary,
        report.scope,
        report.hmicfrs_reference,
    )
    if after == before:
        raise ValidationError(_("Nothing was changed."), code="no_change")
    save_with_history(report, actor=actor, reason=reason)
    return report


@transaction.atomic
def progress_update_record(
    *,
    item_id: int,
    actor: User,
    expected_version: int,
    text: str,
    status_to: str = "",
    status_reason: str = "",
    evidence_file: UploadedFile | None = None,
    evidence_link: str = "",
) -> ProgressUpdate:
    """Append a progress update; a status move must be one the workflow allows."""
    access.require_item(actor, Need.EDIT)
    if not text.strip():
        raise ValidationError(_("Enter the update."), code="required")
    checked = check_evidence(evidence_file) if evidence_file else None
    # A note alone overwrites nothing, so only a status move must be current.
    item = lock_item(
        item_id=item_id, expected_version=expected_version if status_to else None
    )
    if status_to == item.status:
        status_to = ""
    status_from = ""
    if status_to:
        workflow.check_move(
            item,
            actor,
            status_to,
            has_evidence=bool(checked or evidence_link),
            reason=status_reason,
        )
        status_from = timeline.move(
            item,
            to=status_to,
            reason=status_reason if status_to == Item.Status.NO_FURTHER_ACTION else "",
            actor=actor,
        )
        save_item(
            item,
            actor=actor,
            reason=str(_("Progress update: status moved to %(status)s"))
            % {"status": item.get_status_display().lower()},
        )
    return timeline.append_entry(
        item=item,
        actor=actor,
        text=text,
        status_from=status_from,
        evidence_file=evidence_file,
        checked=checked,
        evidence_link=evidence_link,
    )


@dataclass
class ImportResult:
    report: Report
    created_report: bool
    added: int
    updated: int
    unchanged: int
    skipped: int


@transaction.atomic
def report_import(
    *,
    draft: Draft,
    actor: User,
    add_new: bool = True,
    update_changed: bool = False,
) -> ImportResult:
    """Create a report and its items, or extend a loaded one, in one transaction.

    The draft is checked again here, so a preview that went stale (someone loaded
    the same report meanwhile) cannot save duplicates. Any error saves nothing.
    """
    access.require_report(actor, Need.ADMINISTER)
    preview = check(draft)
    if preview.has_errors:
        messages = list(preview.report_errors.values()) + [
            f"{row.draft.place}: {error}"
            for row in preview.error_rows
            for error in row.errors
        ]
        raise ValidationError(messages, code="invalid_rows")
    reason = str(_("Imported from %(source)s")) % {"source": draft.source}
    values = preview.report
    report = preview.existing
    created_report = report is None
    if report is None:
        report = Report(
            title=values["title"],
            kind=values["kind"],
            inspectorates=choicesets.encode(values["inspectorates"]),
            published_on=values["published_on"],
            url=values["url"],
            summary=values["summary"],
            scope=values["scope"],
            hmicfrs_reference=values["hmicfrs_reference"],
            s55_required=values["kind"] != Report.Kind.SUPER_COMPLAINT,
        )
        try:
            with transaction.atomic():
                save_with_history(report, actor=actor, reason=reason)
        except IntegrityError as error:
            raise ValidationError(
                _("This report was loaded by someone else a moment ago."),
                code="duplicate_report",
            ) from error
    else:
        report = Report.objects.select_for_update().get(pk=report.pk)
    # By reference_key, as check() matched them: "afi 1" is the loaded "AFI 1".
    existing: dict[str, Item] = {}
    for loaded in report.items.select_for_update():
        existing.setdefault(reference_key(loaded.reference), loaded)
    # Causes of concern first, so their recommendations can point at them.
    rows = sorted(preview.rows, key=lambda row: row.kind != Item.Kind.CAUSE_OF_CONCERN)
    added = updated = unchanged = skipped = 0
    new_items: list[Item] = []

    def add_new_items() -> None:
        # New items in bulk, each with its history row (history.create_with_history).
        for item in create_with_history(new_items, actor=actor, reason=reason):
            existing[reference_key(item.reference)] = item
        new_items.clear()

    for row in rows:
        if (
            row.kind != Item.Kind.CAUSE_OF_CONCERN
            and new_items
            and (new_items[-1].kind == Item.Kind.CAUSE_OF_CONCERN)
        ):
            add_new_items()  # the causes of concern, before what points at them
        parent = (
            existing.get(reference_key(row.cause_of_concern))
            if row.cause_of_concern
            else None
        )
        if row.state == "unchanged":
            unchanged += 1
            continue
        if row.state == "changed":
            if not update_changed:
                skipped += 1
                continue
            item = existing[reference_key(row.reference)]
            item.kind = row.kind
            item.text = row.text
            item.owners = choicesets.encode(row.owners)
            item.other_owners = "; ".join(row.other_owners)
            item.text_is_summary = row.text_is_summary
            item.cause_of_concern = parent
            if row.hmicfrs_id:
                item.hmicfrs_id = row.hmicfrs_id
            if row.target_date and item.target_date is None:
                item.target_date = item.original_target_date = row.target_date
            save_item(
                item,
                actor=actor,
                reason=str(_("Updated from %(source)s: %(changes)s"))
                % {"source": draft.source, "changes": ", ".join(row.changes)},
            )
            updated += 1
            continue
        if not created_report and not add_new:
            skipped += 1
            continue
        new_items.append(
            Item(
                report=report,
                reference=row.reference,
                kind=row.kind,
                text=row.text,
                text_is_summary=row.text_is_summary,
                owners=choicesets.encode(row.owners),
                other_owners="; ".join(row.other_owners),
                cause_of_concern=parent,
                hmicfrs_id=row.hmicfrs_id,
                original_target_date=row.target_date,
                target_date=row.target_date,
            )
        )
        added += 1
    add_new_items()
    # The security log is a logger (formatted by accounts.logs); no request here.
    security_logger.info(
        "report_imported",
        extra={
            "security": {
                "event": "report_imported",
                "user": None,
                "ip": None,
                "path": None,
                "actor": actor.get_username(),
                "source": draft.source,
                "report": report.pk,
                "added": added,
                "updated": updated,
            }
        },
    )
    return ImportResult(
        report=report,
        created_report=created_report,
        added=added,
        updated=updated,
        unchanged=unchanged,
        skipped=skipped,
    )
