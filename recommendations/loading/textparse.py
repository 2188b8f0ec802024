"""Split the pasted text of a report's recommendations section into draft items.

Recognised headings (any case, with or without a number, colon or full stop):
"Recommendation 3", "Area for improvement 2" / "AFI 2", "Cause of concern" /
"Cause of concern 1". Failing headings, a numbered list ("1.", "2)") under the
pasted text is read as recommendations. Recommendations that follow a cause of
concern (before the next cause or area for improvement) are proposed as its
recommendations. For each item the owners and the target date are proposed from
the wording, with a note saying where they came from.
"""

import datetime as dt
import re

from django.utils.translation import gettext as _

from ..models import Item
from ..text import clean_text
from . import vocabulary
from .files import FileRefused
from .preview import Draft, DraftRow

HEADING = re.compile(
    r"^\s*(?P<kind>recommendations?|areas? for improvement|afi|causes? of concern)"
    r"(?:\s+(?P<number>\d+))?\s*[:.\-\u2013\u2014]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
NUMBERED = re.compile(r"^\s*(?P<number>\d{1,3})[.)]\s+(?P<rest>\S.*)$")


def _kind(word: str) -> str:
    word = word.lower()
    if word.startswith("rec"):
        return Item.Kind.RECOMMENDATION
    if word.startswith("cause"):
        return Item.Kind.CAUSE_OF_CONCERN
    return Item.Kind.AREA_FOR_IMPROVEMENT


def _clean(lines: list[str]) -> str:
    text = " ".join(line.strip() for line in lines if line.strip())
    # Text copied from PDFs hyphenates across lines and doubles spaces.
    text = re.sub(r"(\w)- (\w)", r"\1\2", text)
    return re.sub(r"\s+", " ", text).strip()


def _blocks(text: str) -> list[tuple[str, str, list[str]]]:
    """(kind, number, lines) for every heading found; empty if none."""
    blocks: list[tuple[str, str, list[str]]] = []
    for line in text.splitlines():
        match = HEADING.match(line)
        # A heading is short, or is followed straight away by the wording.
        if match and (match["number"] or len(line.strip()) < 60 or match["rest"]):
            plural_title = match["kind"].lower().endswith(("s", "ns")) and not (
                match["number"] or match["rest"]
            )
            if plural_title and _kind(match["kind"]) != Item.Kind.CAUSE_OF_CONCERN:
                # A section title such as "Recommendations": not an item.
                continue
            blocks.append(
                (_kind(match["kind"]), match["number"] or "", [match["rest"]])
            )
        elif blocks:
            blocks[-1][2].append(line)
    return blocks


def _numbered(text: str) -> list[tuple[str, str, list[str]]]:
    blocks: list[tuple[str, str, list[str]]] = []
    for line in text.splitlines():
        match = NUMBERED.match(line)
        if match:
            blocks.append((Item.Kind.RECOMMENDATION, match["number"], [match["rest"]]))
        elif blocks:
            blocks[-1][2].append(line)
    return blocks


def draft_from_text(
    text: str, *, report: dict[str, str], published: dt.date | None
) -> Draft:
    """A draft of the items found in `text`; FileRefused if none are recognisable."""
    text = clean_text(text)
    blocks = _blocks(text) or _numbered(text)
    blocks = [b for b in blocks if _clean(b[2])]
    if not blocks:
        raise FileRefused(
            _(
                "No recommendations, areas for improvement or causes of concern "
                "were recognised. Paste the section with its headings, for example "
                "\u201cRecommendation 1\u201d, or a numbered list."
            )
        )
    counters = {kind: 0 for kind in Item.Kind.values}
    rows: list[DraftRow] = []
    current_cause = ""
    for index, (kind, number, lines) in enumerate(blocks, start=1):
        counters[kind] += 1
        n = number or str(counters[kind])
        references: dict[str, str] = {
            Item.Kind.RECOMMENDATION: n,
            Item.Kind.AREA_FOR_IMPROVEMENT: f"AFI {n}",
            Item.Kind.CAUSE_OF_CONCERN: f"CoC {n}",
        }
        reference = references[kind]
        wording = _clean(lines)
        notes = []
        owners, confidence = vocabulary.owners_from_wording(wording)
        if confidence == "guess":
            notes.append(
                _("Owner guessed from \u201cpolice\u201d in the wording: check it.")
            )
        elif confidence == "mention":
            notes.append(
                _("Owners taken from bodies the wording mentions: check them.")
            )
        elif not owners:
            notes.append(_("No owner found in the wording."))
        deadline, words = vocabulary.deadline_from_wording(wording, published)
        if deadline:
            notes.append(
                _("Target date from \u201c%(words)s\u201d.") % {"words": words.strip()}
            )
        if kind == Item.Kind.CAUSE_OF_CONCERN:
            current_cause = reference
        elif kind == Item.Kind.AREA_FOR_IMPROVEMENT:
            current_cause = ""
        rows.append(
            DraftRow(
                line=index,
                reference=reference,
                kind=str(kind),
                owners="; ".join(owners),
                text=wording,
                target_date=deadline.isoformat() if deadline else "",
                cause_of_concern=current_cause
                if kind == Item.Kind.RECOMMENDATION
                else "",
                notes=notes,
            )
        )
    return Draft(source=_("pasted text"), report=report, rows=rows)
