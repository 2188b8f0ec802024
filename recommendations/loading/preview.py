"""Turn rows into a draft report, check every row, compare with what is loaded.

A Draft holds what the person gave (strings), so that it can be kept in the
session and corrected row by row; check() turns it into a Preview of typed values,
per-row errors and warnings, and what is new, changed or unchanged.
"""

import datetime as dt
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .. import choicesets
from ..models import Inspectorate, Item, Report
from ..text import clean_text
from . import vocabulary
from .files import FileRefused, Rows

ITEM_COLUMNS = {
    "reference": "reference",
    "ref": "reference",
    "kind": "kind",
    "type": "kind",
    "owners": "owners",
    "owner": "owners",
    "addressed to": "owners",
    "text": "text",
    "wording": "text",
    "target date": "target_date",
    "deadline": "target_date",
    "cause of concern": "cause_of_concern",
    "parent cause of concern": "cause_of_concern",
    "parent": "cause_of_concern",
    "text is summary": "text_is_summary",
    "summary": "text_is_summary",
    "hmicfrs id": "hmicfrs_id",
    "hmicfrs register id": "hmicfrs_id",
    "other owners": "other_owners",
    "other bodies": "other_owners",
}
REPORT_KEYS = {
    "title": "title",
    "report title": "title",
    "kind": "kind",
    "report kind": "kind",
    "published": "published_on",
    "published on": "published_on",
    "publication date": "published_on",
    "inspectorates": "inspectorates",
    "inspectorate": "inspectorates",
    "url": "url",
    "link": "url",
    "link to the published report": "url",
    "summary": "summary",
    "scope": "scope",
    "hmicfrs reference": "hmicfrs_reference",
}
REPORT_FIELDS = [
    "title",
    "kind",
    "published_on",
    "inspectorates",
    "url",
    "summary",
    "scope",
    "hmicfrs_reference",
]
YES = {"yes", "y", "true", "1", "summary"}
NO = {"", "no", "n", "false", "0"}


def _key(value: object) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(value).lower()).strip()


def _cell(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean_text(str(value)).strip()


@dataclass
class DraftRow:
    line: int
    reference: str = ""
    kind: str = ""
    owners: str = ""
    text: str = ""
    target_date: str = ""
    cause_of_concern: str = ""
    text_is_summary: str = ""
    hmicfrs_id: str = ""
    notes: list[str] = field(default_factory=list)
    # Names of the bodies outside the owner list ("Ministry of Justice"), kept
    # with the owner "Other".
    other_owners: str = ""


@dataclass
class Draft:
    source: str
    report: dict[str, str]
    rows: list[DraftRow]

    def to_session(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_session(cls, data: dict[str, Any]) -> "Draft":
        return cls(
            source=data["source"],
            report=dict(data["report"]),
            rows=[DraftRow(**row) for row in data["rows"]],
        )


def draft_from_rows(source: str, rows: Rows) -> Draft:
    """Report fields (key, value rows) above a header row that starts "reference"."""
    report: dict[str, str] = {}
    header_at = None
    for index, row in enumerate(rows):
        cells = [_cell(c) for c in row]
        if not any(cells):
            continue
        columns = {ITEM_COLUMNS.get(_key(c)) for c in cells}
        if {"reference", "text"} <= columns:
            header_at = index
            break
        name = REPORT_KEYS.get(_key(cells[0]))
        if name:
            report[name] = cells[1] if len(cells) > 1 else ""
    if header_at is None:
        raise FileRefused(
            _(
                "No items table was found. The items table starts with a header row "
                "naming at least the \u201creference\u201d and \u201ctext\u201d "
                "columns: download the template to see the layout."
            )
        )
    header = [ITEM_COLUMNS.get(_key(c), "") for c in rows[header_at]]
    drafts = []
    for index in range(header_at + 1, len(rows)):
        cells = [_cell(c) for c in rows[index]]
        if not any(cells):
            continue
        # Every column name is one of DraftRow's text fields.
        values: dict[str, Any] = {
            name: cells[i]
            for i, name in enumerate(header)
            if name and i < len(cells) and cells[i]
        }
        drafts.append(DraftRow(line=index + 1, **values))
    if not drafts:
        raise FileRefused(_("The items table has no rows."))
    return Draft(source=source, report=report, rows=drafts)


@dataclass
class CheckedRow:
    draft: DraftRow
    reference: str = ""
    kind: str = ""
    owners: list[str] = field(default_factory=list)
    other_owners: list[str] = field(default_factory=list)
    text: str = ""
    target_date: dt.date | None = None
    cause_of_concern: str = ""
    text_is_summary: bool = False
    hmicfrs_id: str = ""
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    state: str = "new"  # new, changed, unchanged
    changes: list[str] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return str(Item.Kind(self.kind).label) if self.kind else ""

    @property
    def owner_labels(self) -> list[str]:
        labels = choicesets.labels(choicesets.encode(self.owners), vocabulary.Owner)
        other = str(vocabulary.Owner.OTHER.label)
        if not self.other_owners:
            return labels
        return [
            n
            for label in labels
            for n in (self.other_owners if label == other else [label])
        ]


@dataclass
class Preview:
    draft: Draft
    report: dict[str, Any]
    report_errors: dict[str, str]
    rows: list[CheckedRow]
    existing: Report | None

    @property
    def has_errors(self) -> bool:
        return bool(self.report_errors) or any(row.errors for row in self.rows)

    @property
    def error_rows(self) -> list[CheckedRow]:
        return [row for row in self.rows if row.errors]

    def count(self, state: str) -> int:
        return sum(1 for row in self.rows if row.state == state)


def _check_report(raw: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    title = raw.get("title", "").strip()
    if not title:
        errors["title"] = _("Enter the report's title.")
    elif len(title) > 300:
        errors["title"] = _("The title must be 300 characters or fewer.")
    values["title"] = title
    kind = vocabulary.report_kind(raw.get("kind", ""))
    if not kind:
        errors["kind"] = (
            _("Unknown report kind \u201c%s\u201d.") % raw["kind"]
            if raw.get("kind")
            else _("Enter the report's kind, for example PEEL or thematic.")
        )
    values["kind"] = kind or ""
    values["kind_label"] = str(Report.Kind(kind).label) if kind else ""
    try:
        published = vocabulary.parse_date(raw.get("published_on"))
        if published is None:
            errors["published_on"] = _("Enter the publication date.")
        elif published > timezone.localdate():
            errors["published_on"] = _("The publication date cannot be in the future.")
    except vocabulary.DateError as error:
        published = None
        errors["published_on"] = _("Publication date: %s.") % error
    values["published_on"] = published
    found, unknown = vocabulary.codes(
        raw.get("inspectorates", "") or "HMICFRS", vocabulary.INSPECTORATES
    )
    if unknown:
        errors["inspectorates"] = _("Unknown inspectorate: %s.") % ", ".join(unknown)
    values["inspectorates"] = found or [Inspectorate.HMICFRS]
    url = raw.get("url", "").strip()
    if url:
        try:
            URLValidator(schemes=["https", "http"])(url)
        except ValidationError:
            errors["url"] = _("The link to the report is not a web address.")
    values["url"] = url
    values["summary"] = raw.get("summary", "").strip()
    scope_value = vocabulary.scope(raw.get("scope", "") or "this force")
    if not scope_value:
        errors["scope"] = _(
            "Scope must be \u201cthis force\u201d or \u201cnational\u201d."
        )
    values["scope"] = scope_value or Report.Scope.THIS_FORCE
    values["scope_label"] = str(Report.Scope(values["scope"]).label)
    values["hmicfrs_reference"] = raw.get("hmicfrs_reference", "").strip()[:100]
    return values, errors


def title_key(title: str) -> str:
    """A title as matching sees it: case, accents, punctuation and hyphens aside,
    and "&" as "and", so "Stop-and-search: a review" and "Stop and Search - A
    Review" match."""
    plain = unicodedata.normalize("NFKD", title).casefold().replace("&", " and ")
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return " ".join(re.findall(r"[^\W_]+", plain))


def find_existing(report: dict[str, Any]) -> Report | None:
    """The report already loaded: same HMICFRS reference, or the same title (by
    title_key) and publication date."""
    if report.get("hmicfrs_reference"):
        match = Report.objects.filter(
            hmicfrs_reference=report["hmicfrs_reference"]
        ).first()
        if match:
            return match
    if report.get("title") and report.get("published_on"):
        key = title_key(report["title"])
        same_day = Report.objects.filter(published_on=report["published_on"])
        return next(
            (
                match
                for match in same_day.order_by("pk")
                if title_key(match.title) == key
            ),
            None,
        )
    return None


def _check_row(row: DraftRow, published: dt.date | None) -> CheckedRow:
    checked = CheckedRow(draft=row)
    checked.reference = row.reference.strip()[:30]
    if not checked.reference:
        checked.errors.append(_("Enter the item's reference."))
    kind = vocabulary.item_kind(row.kind or "recommendation")
    if kind is None:
        checked.errors.append(_("Unknown kind \u201c%s\u201d.") % row.kind)
    checked.kind = kind or ""
    checked.text = row.text.strip()
    if not checked.text:
        checked.errors.append(_("Enter the item's text."))
    elif len(checked.text) < 15:
        checked.warnings.append(_("The text is very short: is it complete?"))
    owners, unknown = vocabulary.codes(row.owners, vocabulary.OWNERS)
    others = [name.strip() for name in row.other_owners.split(";") if name.strip()]
    # A body outside the owner list ("Ministry of Justice") is Other, its name kept.
    for name in list(unknown):
        body = vocabulary.other_body(name)
        if body:
            unknown.remove(name)
            others.append(body)
    if others and vocabulary.Owner.OTHER not in owners:
        owners.append(vocabulary.Owner.OTHER)
    if unknown:
        checked.errors.append(_("Unknown owner: %s.") % ", ".join(unknown))
    elif not owners:
        checked.errors.append(_("Enter at least one owner."))
    checked.owners = list(dict.fromkeys(owners))
    checked.other_owners = list(dict.fromkeys(others))
    if len("; ".join(checked.other_owners)) > 300:
        checked.errors.append(
            _("The other owners' names must be 300 characters or fewer.")
        )
    try:
        checked.target_date = vocabulary.parse_date(row.target_date)
    except vocabulary.DateError as error:
        checked.errors.append(_("Target date: %s.") % error)
    if checked.target_date is None and not checked.errors:
        checked.warnings.append(_("No target date."))
    if checked.target_date and published and checked.target_date < published:
        # The first target date becomes the item's permanent original.
        checked.errors.append(_("The target date is before the report was published."))
    checked.cause_of_concern = row.cause_of_concern.strip()
    summary = row.text_is_summary.strip().lower()
    if summary not in YES | NO:
        checked.errors.append(_("\u201cText is summary\u201d must be yes or no."))
    checked.text_is_summary = summary in YES
    checked.hmicfrs_id = row.hmicfrs_id.strip()[:30]
    checked.warnings.extend(row.notes)
    return checked


def _compare(row: CheckedRow, item: Item, parents: dict[int, str]) -> None:
    changes = []
    if item.kind != row.kind:
        changes.append(_("kind"))
    if item.text != row.text:
        changes.append(_("text"))
    if (
        sorted(item.owner_codes) != sorted(row.owners)
        or "; ".join(row.other_owners) != item.other_owners
    ):
        changes.append(_("owners"))
    if item.text_is_summary != row.text_is_summary:
        changes.append(_("summary flag"))
    if parents.get(item.cause_of_concern_id or 0, "") != row.cause_of_concern:
        changes.append(_("cause of concern"))
    if row.hmicfrs_id and item.hmicfrs_id != row.hmicfrs_id:
        changes.append(_("HMICFRS ID"))
    if row.target_date and item.target_date is None:
        changes.append(_("target date"))
    elif row.target_date and row.target_date not in (
        item.target_date,
        item.original_target_date,
    ):
        # A set target date moves only through the date ledger (a request with a
        # reason, decided by a reviewer): a re-import reports it, never writes it.
        row.warnings.append(
            _(
                "The file's target date (%(file)s) differs from the tracker's "
                "(%(tracker)s). A loaded item's target date changes only through a "
                "date request approved by a reviewer, so loading leaves it as it is."
            )
            % {
                "file": date_format(row.target_date, "j F Y"),
                "tracker": date_format(item.target_date, "j F Y")
                if item.target_date
                else "",
            }
        )
    row.state = "changed" if changes else "unchanged"
    row.changes = [str(c) for c in changes]


def check(draft: Draft) -> Preview:
    """Check the draft against the rules and against what is already loaded."""
    report, report_errors = _check_report(draft.report)
    existing = find_existing(report) if not report_errors else None
    published = report.get("published_on")
    if existing is not None and published != existing.published_on:
        # Matched by HMICFRS reference: the tracker's date is the one its items'
        # first target dates are checked against, and the difference is shown.
        report_errors["published_on"] = _(
            "The file gives the publication date as %(file)s; the tracker has "
            "%(tracker)s for this report (HMICFRS reference %(ref)s). Correct "
            "whichever is wrong, then load again."
        ) % {
            "file": date_format(published, "j F Y") if published else "",
            "tracker": date_format(existing.published_on, "j F Y"),
            "ref": existing.hmicfrs_reference,
        }
        published = existing.published_on
    rows = [_check_row(row, published) for row in draft.rows]
    existing_items: dict[str, Item] = {}
    parents: dict[int, str] = {}
    if existing is not None:
        existing_items = {i.reference: i for i in existing.items.all()}
        parents = {
            i.pk: i.reference
            for i in existing_items.values()
            if i.kind == Item.Kind.CAUSE_OF_CONCERN
        }
    # Causes of concern that loaded recommendations point at.
    answered = {
        i.cause_of_concern_id for i in existing_items.values() if i.cause_of_concern_id
    }
    seen: dict[str, int] = {}
    causes = {
        row.reference
        for row in rows
        if row.kind == Item.Kind.CAUSE_OF_CONCERN and row.reference
    } | set(parents.values())
    for row in rows:
        if row.reference:
            if row.reference in seen:
                row.errors.append(
                    _("Reference %(ref)s is used twice (also row %(line)s).")
                    % {"ref": row.reference, "line": seen[row.reference]}
                )
            else:
                seen[row.reference] = row.draft.line
        if row.cause_of_concern:
            if row.kind == Item.Kind.CAUSE_OF_CONCERN:
                row.errors.append(_("A cause of concern cannot have a parent."))
            elif row.cause_of_concern not in causes:
                row.errors.append(
                    _("Unknown cause of concern \u201c%s\u201d.") % row.cause_of_concern
                )
        loaded = existing_items.get(row.reference)
        if (
            loaded is not None
            and loaded.kind == Item.Kind.CAUSE_OF_CONCERN
            and row.kind != Item.Kind.CAUSE_OF_CONCERN
            and loaded.pk in answered
        ):
            row.errors.append(
                _(
                    "Recommendations answer this cause of concern, so it cannot "
                    "become another kind of item."
                )
            )
        if loaded is not None and not row.errors:
            _compare(row, loaded, parents)
    linked = {row.cause_of_concern for row in rows if row.cause_of_concern}
    for row in rows:
        unlinked = row.reference not in linked and row.state == "new"
        if row.kind == Item.Kind.CAUSE_OF_CONCERN and unlinked:
            row.warnings.append(
                _("No recommendation is linked to this cause of concern.")
            )
    return Preview(
        draft=draft,
        report=report,
        report_errors=report_errors,
        rows=rows,
        existing=existing,
    )
