"""Turn rows into a draft report, check every row, compare with what is loaded.

A Draft holds what the person gave (strings), so that it can be kept in the
session and corrected row by row; check() turns it into a Preview of typed values,
per-row errors and warnings, and what is new, changed or unchanged.
"""

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields, replace
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
from .files import FileRefused, Row, Rows, Table

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


def reference_key(reference: str) -> str:
    """A reference as duplicates are found: "AFI 1", "afi 1", "AFI 1 " and
    "AFI  1" are the same reference."""
    return " ".join(reference.split()).casefold()


def clean_reference(reference: str) -> str:
    """A reference as it is kept: outer spaces dropped, inner runs of spaces one."""
    return " ".join(reference.split())[:30]


# A reference that names its kind ("AFI 3", "Cause of concern 1", "R4", "Rec 4").
_REFERENCE_KINDS = [
    (
        re.compile(r"(?:afi|areas? for improvement)\s*[-.:#]?\s*\d[\w.]*"),
        Item.Kind.AREA_FOR_IMPROVEMENT,
    ),
    (
        re.compile(r"(?:coc|causes? of concern)\s*[-.:#]?\s*\d[\w.]*"),
        Item.Kind.CAUSE_OF_CONCERN,
    ),
    (
        re.compile(r"(?:r|rec|recs|recommendations?)\s*[-.:#]?\s*\d[\w.]*"),
        Item.Kind.RECOMMENDATION,
    ),
]
# A bare number ("4", "4a", "4.1") is how reports number recommendations.
_NUMBER_REFERENCE = re.compile(r"\d+(?:\.\d+)*[a-z]?")


def kind_from_reference(reference: str) -> tuple[str, bool] | None:
    """The kind a reference gives, and whether it names it (True) or is a bare
    number, which reports use for recommendations (False); None if it says
    nothing."""
    key = reference_key(reference)
    for pattern, kind in _REFERENCE_KINDS:
        if pattern.fullmatch(key):
            return str(kind), True
    if _NUMBER_REFERENCE.fullmatch(key):
        return str(Item.Kind.RECOMMENDATION), False
    return None


@dataclass
class DraftRow:
    """One proposed item, as the person gave it (text), and where it came from.

    `sheet` is the workbook sheet's name, "" for a CSV file, None for items read
    from text; `line` the row number as the spreadsheet shows it (or the item's
    number in the text). Rows split off another have `part` 2, 3...; rows the
    person added have `added` 1, 2... `id` stays the row's while others are
    added, split, merged or deleted, so a page naming it always means this row.
    """

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
    # The PDF page an item read from a report's PDF starts on (0: none).
    page: int = 0
    sheet: str | None = None
    part: int = 0
    added: int = 0
    id: int = -1

    @property
    def place(self) -> str:
        """Where the person finds the row: "Items sheet, row 4", "Row 4" (CSV),
        "Item 4" (text), "Added row 1"; a split-off part says so."""
        if self.added:
            where = _("Added row %(number)s") % {"number": self.added}
        elif self.sheet is None and self.page:
            where = _("Item %(number)s (page %(page)s)") % {
                "number": self.line,
                "page": self.page,
            }
        elif self.sheet is None:
            where = _("Item %(number)s") % {"number": self.line}
        elif self.sheet:
            where = _("%(sheet)s sheet, row %(line)s") % {
                "sheet": self.sheet,
                "line": self.line,
            }
        else:
            where = _("Row %(line)s") % {"line": self.line}
        if self.part > 1:
            where = _("%(where)s, part %(part)s") % {"where": where, "part": self.part}
        return where


_ROW_FIELDS = {f.name for f in fields(DraftRow)}
_SPREADSHEETS = (".csv", ".xlsx")


@dataclass
class Draft:
    source: str
    report: dict[str, str]
    rows: list[DraftRow]
    # The id the next new row gets: ids are never reused, so a page opened for a
    # row deleted since cannot act on a row added after it.
    next_id: int = 0

    def __post_init__(self) -> None:
        # Rows made without an id (by the text reader, or stored before rows had
        # ids) are numbered in order, after any that have one.
        taken: set[int] = set()
        unnumbered = []
        for row in self.rows:
            if row.id < 0 or row.id in taken:
                unnumbered.append(row)
            else:
                taken.add(row.id)
        self.next_id = max(self.next_id, max(taken, default=-1) + 1)
        for row in unnumbered:
            row.id = self._new_id()

    def to_session(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_session(cls, data: dict[str, Any]) -> "Draft":
        rows = []
        for stored in data["rows"]:
            values = {k: v for k, v in stored.items() if k in _ROW_FIELDS}
            if "sheet" not in stored and data["source"].lower().endswith(_SPREADSHEETS):
                values["sheet"] = ""  # stored before rows named their sheet
            rows.append(DraftRow(**values))
        return cls(
            source=data["source"],
            report=dict(data["report"]),
            rows=rows,
            next_id=data.get("next_id", 0),
        )

    def position(self, row_id: int) -> int | None:
        return next((i for i, row in enumerate(self.rows) if row.id == row_id), None)

    def row(self, row_id: int) -> DraftRow | None:
        index = self.position(row_id)
        return None if index is None else self.rows[index]

    def following(self, row_id: int) -> DraftRow | None:
        """The row after `row_id`, the one a merge joins it with."""
        index = self.position(row_id)
        if index is None or index + 1 >= len(self.rows):
            return None
        return self.rows[index + 1]

    def references(self, *, besides: int | None = None) -> set[str]:
        """Every row's reference (as reference_key), but row `besides`'s."""
        return {reference_key(r.reference) for r in self.rows if r.id != besides}

    def _new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def add_row(self, row: DraftRow) -> DraftRow:
        """Add a row the person made, at the end."""
        row.id = self._new_id()
        row.added = max((r.added for r in self.rows), default=0) + 1
        row.line, row.part = 0, 0
        self.rows.append(row)
        return row

    def split_row(
        self, row_id: int, *, first_text: str, second_reference: str, second_text: str
    ) -> DraftRow:
        """Split a row in two: it keeps the first wording; a new row after it has
        the second wording and reference, and the same kind, owners, dates and
        cause of concern. Returns the new row."""
        index = self.position(row_id)
        if index is None:
            raise KeyError(row_id)
        row = self.rows[index]
        siblings = [
            r.part
            for r in self.rows
            if (r.sheet, r.line, r.added) == (row.sheet, row.line, row.added)
        ]
        # Every other field as the row has it (a field added later too).
        second = replace(
            row,
            part=max([*siblings, 1]) + 1,
            reference=second_reference,
            text=second_text,
            hmicfrs_id="",  # the register's ID is the first item's
            notes=list(row.notes),
            id=self._new_id(),
        )
        row.text = first_text
        self.rows.insert(index + 1, second)
        return second

    def merge_with_following(self, row_id: int) -> DraftRow:
        """Join a row's wording with the next row's, keep the first row's other
        fields, and drop the next row. Returns the dropped row."""
        index = self.position(row_id)
        if index is None or index + 1 >= len(self.rows):
            raise KeyError(row_id)
        row, following = self.rows[index], self.rows[index + 1]
        row.text = " ".join(
            part for part in (row.text.strip(), following.text.strip()) if part
        )
        del self.rows[index + 1]
        return following

    def delete_row(self, row_id: int) -> DraftRow:
        index = self.position(row_id)
        if index is None:
            raise KeyError(row_id)
        return self.rows.pop(index)


def _header_at(rows: list[Row]) -> int | None:
    for index, row in enumerate(rows):
        columns = {ITEM_COLUMNS.get(_key(_cell(c))) for c in row if c != ""}
        if {"reference", "text"} <= columns:
            return index
    return None


def _report_details(rows: list[Row]) -> dict[str, str]:
    """Report fields from (key, value) rows."""
    report: dict[str, str] = {}
    for row in rows:
        cells = [_cell(c) for c in row[:2]]
        name = REPORT_KEYS.get(_key(cells[0])) if cells else None
        if name:
            report[name] = cells[1] if len(cells) > 1 else ""
    return report


def _named(names: Sequence[str]) -> str:
    return ", ".join(f"\u201c{name}\u201d" for name in names)


def draft_from_rows(source: str, rows: Rows) -> Draft:
    """A draft from a file's rows: the items table is the one under a header row
    naming at least "reference" and "text" (on the "Items" sheet, or whichever
    sheet has one); the report's details are (key, value) rows above it or on
    another sheet (the "Report" sheet, or the one with most report keys)."""
    sheet_names = rows.sheets if isinstance(rows, Table) else ()
    by_sheet: dict[str, list[Row]] = {}
    for number, row in enumerate(rows, start=1):
        located = row if isinstance(row, Row) else Row(row, line=number)
        by_sheet.setdefault(located.sheet, []).append(located)
    # The "Items" sheet first; otherwise the sheets in order.
    order = sorted(by_sheet, key=lambda name: _key(name) != "items")
    found = next(
        (
            (name, at)
            for name in order
            if (at := _header_at(by_sheet[name])) is not None
        ),
        None,
    )
    if found is None:
        if sheet_names:
            raise FileRefused(
                _(
                    "No items table was found. It is expected on a sheet named "
                    "\u201cItems\u201d (or any sheet), under a header row naming "
                    "at least the \u201creference\u201d and \u201ctext\u201d "
                    "columns. The workbook has the sheets %(sheets)s: download the "
                    "template to see the layout."
                )
                % {"sheets": _named(sheet_names)}
            )
        raise FileRefused(
            _(
                "No items table was found. The items table starts with a header row "
                "naming at least the \u201creference\u201d and \u201ctext\u201d "
                "columns: download the template to see the layout."
            )
        )
    items_sheet, header_at = found
    items = by_sheet[items_sheet]
    report: dict[str, str] = {}
    others = {
        name: _report_details(sheet_rows)
        for name, sheet_rows in by_sheet.items()
        if name != items_sheet
    }
    named = [name for name in others if _key(name) == "report"]
    best = named[0] if named else max(others, key=lambda n: len(others[n]), default="")
    if best and (named or len(others[best]) >= 2):
        report.update(others[best])
    report.update(_report_details(items[:header_at]))
    if sheet_names and not report:
        raise FileRefused(
            _(
                "No report details were found. They are expected on a sheet named "
                "\u201cReport\u201d, one per row (title, kind, published on...), "
                "or above the items table. The workbook has the sheets "
                "%(sheets)s: download the template to see the layout."
            )
            % {"sheets": _named(sheet_names)}
        )
    header = [ITEM_COLUMNS.get(_key(_cell(c)), "") for c in items[header_at]]
    kind_column = header.index("kind") if "kind" in header else None
    drafts = []
    for row in items[header_at + 1 :]:
        cells = [_cell(c) for c in row]
        if not any(cells):
            continue
        # Every column name is one of DraftRow's text fields.
        values: dict[str, Any] = {
            name: cells[i]
            for i, name in enumerate(header)
            if name and i < len(cells) and cells[i]
        }
        notes = []
        kind = _kind_from_reference(values, merged=kind_column in row.merged)
        if kind:
            values["kind"] = kind
            notes.append(
                _("Kind taken from the reference %(reference)s.")
                % {"reference": values["reference"]}
            )
        drafts.append(DraftRow(line=row.line, sheet=row.sheet, notes=notes, **values))
    if not drafts:
        raise FileRefused(_("The items table has no rows."))
    return Draft(source=source, report=report, rows=drafts)


def _kind_from_reference(values: dict[str, Any], *, merged: bool) -> str:
    """The kind to take from the row's reference instead of its kind cell, or "".

    With no kind given, any reference that says one; where the kind cell is part
    of a range merged over several rows (a label over a group), a reference that
    names another kind ("AFI 3" under "Recommendations").
    """
    inferred = kind_from_reference(values.get("reference", ""))
    if inferred is None:
        return ""
    kind, named = inferred
    given = values.get("kind", "")
    if given and not (merged and named):
        return ""
    return kind if vocabulary.item_kind(given) != kind else ""


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

    @property
    def warning_rows(self) -> list[CheckedRow]:
        return [row for row in self.rows if row.warnings]

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


# Signs that one row holds several items: bullets (at line starts, or "•"),
# lettered or numbered lists ("(a)", "i."), and "... and should ...".
_BULLETS = re.compile(
    r"[\u2022\u25aa\u25e6\u2023\u2043]"
    r"|(?m:^[ \t]*[-\u2013\u2014*][ \t]+\S)"
    r"|(?:^|[\s:;,])\((?:a|b|i|ii)\)\s"
    r"|(?:^|\n|[:;])[ \t]*(?:i|ii)\.\s"
)
_AND_SHOULD = re.compile(r"\band\s+should\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u201c\"'(])")


def _addressees(text: str) -> list[tuple[int, frozenset[str]]]:
    """Each sentence's start and the bodies it is addressed to (before its
    "should"), for sentences that name an addressee."""
    found = []
    start = 0
    for sentence in [*_SENTENCE_END.split(text)]:
        start = text.index(sentence, start)
        owners, confidence = vocabulary.owners_from_wording(sentence)
        if owners and confidence == "addressee":
            found.append((start, frozenset(owners)))
        start += len(sentence)
    return found


def several_items(text: str) -> str:
    """Why the text looks like more than one item, or ""."""
    if _BULLETS.search(text):
        return _(
            "The text has bullet points or a lettered list: if they are separate "
            "items, split the row."
        )
    if _SENTENCE_END.search(text):
        bodies = {owners for _start, owners in _addressees(text)}
        if len(bodies) > 1:
            return _(
                "The text's sentences are addressed to different bodies: if they "
                "are separate items, split the row."
            )
    if _AND_SHOULD.search(text):
        return _(
            "The text says \u201cand should\u201d: if it asks for two things to "
            "be tracked apart, split the row."
        )
    return ""


def _sentence(text: str) -> str:
    text = text.strip().rstrip(",;:")
    return text if not text or text[-1] in ".!?" else f"{text}."


def propose_split(text: str) -> tuple[str, str]:
    """The two wordings a split proposes: at the first bullet (after a lead-in
    ending in ":" and its first bullet), where the addressee changes, at "and
    should" (the second part keeping the subject), or after the first sentence."""
    text = text.strip()
    bullets = [m.start() for m in _BULLETS.finditer(text) if text[: m.start()].strip()]
    if bullets:
        at = bullets[0]
        if text[:at].rstrip().endswith(":") and len(bullets) > 1:
            at = bullets[1]
        return text[:at].strip(), text[at:].strip()
    addressed = _addressees(text)
    if len({owners for _start, owners in addressed}) > 1:
        first = addressed[0][1]
        at = next(start for start, owners in addressed if owners != first)
        return text[:at].strip(), text[at:].strip()
    if m := _AND_SHOULD.search(text):
        before = text[: m.start()]
        subject = re.split(r"\s+should\s+", before, maxsplit=1, flags=re.I)
        rest = text[m.end() :].strip()
        second = f"{subject[0].strip()} should {rest}" if len(subject) > 1 else rest
        return _sentence(before), second[:1].upper() + second[1:]
    parts = _SENTENCE_END.split(text, maxsplit=1)
    if len(parts) > 1:
        return parts[0].strip(), parts[1].strip()
    return text, ""


def next_reference(reference: str, taken: set[str]) -> str:
    """A reference for a row split off `reference`: "3" gives "3b" (then "3c"),
    "AFI 2b" gives "AFI 2c"; none of `taken` (reference_key)."""
    base = clean_reference(reference)
    letter = "b"
    if re.search(r"\d[a-y]$", base):
        base, letter = base[:-1], chr(ord(base[-1]) + 1)
    while letter <= "z":
        candidate = f"{base}{letter}"
        if reference_key(candidate) not in taken:
            return candidate
        letter = chr(ord(letter) + 1)
    return ""


def _check_row(row: DraftRow, published: dt.date | None) -> CheckedRow:
    checked = CheckedRow(draft=row)
    checked.reference = clean_reference(row.reference)
    if not checked.reference:
        checked.errors.append(_("Enter the item's reference."))
    kind = vocabulary.item_kind(row.kind or "recommendation")
    if kind is None:
        checked.errors.append(_("Unknown kind \u201c%s\u201d.") % row.kind)
    elif not row.kind:
        checked.warnings.append(_("No kind is given: it is read as a recommendation."))
    checked.kind = kind or ""
    checked.text = row.text.strip()
    if not checked.text:
        checked.errors.append(_("Enter the item's text."))
    elif len(checked.text) < 15:
        checked.warnings.append(_("The text is very short: is it complete?"))
    elif several := several_items(checked.text):
        checked.warnings.append(several)
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
        read = vocabulary.read_date(row.target_date, month_alone=True)
    except vocabulary.DateError as error:
        checked.errors.append(_("Target date: %s.") % error)
    else:
        checked.target_date = read.day
        if read.note:
            checked.warnings.append(read.note)
    if checked.target_date is None and not checked.errors:
        checked.warnings.append(_("No target date."))
    if checked.target_date and published and checked.target_date < published:
        # The first target date becomes the item's permanent original.
        checked.errors.append(_("The target date is before the report was published."))
    checked.cause_of_concern = clean_reference(row.cause_of_concern)
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
    parent = parents.get(item.cause_of_concern_id or 0, "")
    if reference_key(parent) != reference_key(row.cause_of_concern):
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
    if not draft.rows:
        # Every row deleted in the preview: a report with no items is not loaded.
        report_errors["rows"] = _(
            "There are no items to load: add a row, or upload the file again."
        )
    rows = [_check_row(row, published) for row in draft.rows]
    existing_items: dict[str, Item] = {}
    parents: dict[int, str] = {}
    if existing is not None:
        for loaded_item in existing.items.all():
            existing_items.setdefault(reference_key(loaded_item.reference), loaded_item)
        parents = {
            i.pk: i.reference
            for i in existing_items.values()
            if i.kind == Item.Kind.CAUSE_OF_CONCERN
        }
    # Causes of concern that loaded recommendations point at.
    answered = {
        i.cause_of_concern_id for i in existing_items.values() if i.cause_of_concern_id
    }
    seen: dict[str, str] = {}
    causes = {
        reference_key(row.reference)
        for row in rows
        if row.kind == Item.Kind.CAUSE_OF_CONCERN and row.reference
    } | {reference_key(reference) for reference in parents.values()}
    for row in rows:
        key = reference_key(row.reference)
        if key:
            if key in seen:
                row.errors.append(
                    _("Reference %(ref)s is used twice (also %(place)s).")
                    % {"ref": row.reference, "place": seen[key]}
                )
            else:
                seen[key] = row.draft.place
        if row.cause_of_concern:
            if row.kind == Item.Kind.CAUSE_OF_CONCERN:
                row.errors.append(_("A cause of concern cannot have a parent."))
            elif reference_key(row.cause_of_concern) not in causes:
                row.errors.append(
                    _("Unknown cause of concern \u201c%s\u201d.") % row.cause_of_concern
                )
        loaded = existing_items.get(key)
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
    linked = {
        reference_key(row.cause_of_concern) for row in rows if row.cause_of_concern
    }
    for row in rows:
        unlinked = reference_key(row.reference) not in linked and row.state == "new"
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
