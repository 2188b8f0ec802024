"""Read a report's items from its blocks (pasted text, its PDF or its web page).

What HMICFRS publishes, and so what is read:
- an item heading, numbered or not ("Recommendation 3", "Area for improvement",
  "AFI 2", "Cause of concern 1"), with its wording after it or on the same line;
  bullets under a numbered recommendation are part of it;
- a section heading ("Recommendations", "Areas for improvement", "Summary of
  recommendations") followed by unnumbered paragraphs or list items: each one that
  asks for something is an item; sentences such as "We also identified two areas
  for improvement" are not;
- a cause of concern, then "Recommendations" and a lead-in ("Within three months,
  the force should:") with bullets: each bullet is a recommendation answering the
  cause of concern, with the lead-in's owners and deadline;
- groups by addressee ("Chief constables should:", "To the Home Office") with a
  list under each: each item takes its group's owners;
- "Promising practice", "Innovative practice" and case-study boxes, graded
  headings ("Responding to the public: Requires improvement") and other headings
  end an item and are never part of one.
Failing all that, a numbered list is read as recommendations. Owners and target
dates are proposed from the wording (vocabulary), each with a note saying where
it came from; an item found twice (a report's summary list repeats its chapters)
is kept once.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..models import Item
from . import vocabulary
from .document import Block, blocks_from_text, plain
from .files import FileRefused
from .preview import Draft, DraftRow

REC = Item.Kind.RECOMMENDATION
AFI = Item.Kind.AREA_FOR_IMPROVEMENT
COC = Item.Kind.CAUSE_OF_CONCERN

ITEM_HEADING = re.compile(
    r"^\s*(?P<kind>recommendations?|areas? for improvement|afis?|causes? of concern)"
    r"(?:\s+(?:no\.?\s*)?(?P<number>\d{1,3}[a-z]?)\b)?"
    r"(?P<sep>\s*(?:[:.\-\u2013\u2014]|\(s\))\s*|\s+)?(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
# Section titles that open a list of items of one kind.
SECTION = re.compile(
    r"^(?:(?:our|the|summary of|list of|full list of|all|annex [a-z0-9]+:?|"
    r"appendix [a-z0-9]+:?|[a-z]+\s+)?\s*(?P<kind>recommendations|areas for "
    r"improvement|causes of concern)(?:\s*\(afis?\))?(?:\s+(?:and|&)\s+.{0,40})?"
    r"|(?P<kind2>recommendations|areas for improvement|causes of concern)"
    r"\s+(?:for|to)\s+.{1,80})\s*:?$"
)
# Text set apart from the findings: never an item, never glued to one.
ASIDE = re.compile(
    r"^(?:promising practice|innovative practice|notable practice|good practice|"
    r"effective practice|case study|case studies|example|an example|spotlight|"
    r"what we found|main findings|findings|our findings|summary of findings|"
    r"key findings|background|methodology|about (?:this|the) (?:inspection|report)"
    r"|context|introduction|conclusion|conclusions|foreword|contents)\b"
)
GRADE = re.compile(
    r"(?::|\u2013|\u2014|-)\s*(?:outstanding|good|adequate|requires improvement|"
    r"inadequate|not graded)\s*$|^(?:outstanding|good|adequate|requires improvement|"
    r"inadequate)$"
)
# "Immediately:", "Within three months:": the deadline of the list below.
DEADLINE_HEADING = re.compile(
    r"^(?:immediately|with immediate effect|within [\w -]{3,30}|by [\w /,-]{3,40}|"
    r"before [\w /,-]{3,40}|in the next [\w -]{3,30})\s*:?$"
)
ADDRESS_HEADING = re.compile(
    r"^(?:recommendations?\s+)?(?:to|for|addressed to)\s+(?P<body>.{3,120}?):?$"
)
# A sentence that asks someone to act (an item), as opposed to a finding.
ASKS = re.compile(
    r"\b(?:should|must|shall|needs? to|is to|are to|ought to|we recommend|"
    r"recommend that|will (?:work|review|publish|develop|make|monitor|"
    r"consider|inspect|revisit|report|assess|evaluate|follow|return|carry|set))\b"
)
LEAD_IN_MAX = 400
# A paragraph that reports what inspectors found is a finding, whatever it says
# someone "should" do.
FINDING_TEXT = re.compile(
    r"\bwe (?:found|saw|were told|heard|reviewed|examined|looked at)\b|"
    r"\binspectors (?:found|saw)\b|"
    r"\bour (?:review|analysis|inspection) (?:found|showed)\b"
)
# A paragraph that goes on with the item before it ("This should include ...").
CONTINUES = re.compile(
    r"^(?:this|these|that|those|it|its|they|their|such|in particular|in doing so|"
    r"as part of this|to do this|to achieve this|in addition|additionally|also|and|"
    r"or|including|for example|as a minimum|at a minimum)\b"
)
# A paragraph about the items rather than one of them: "Each recommendation says
# who should act", "We have made 43 recommendations", "Where we set a date ...".
ABOUT_ITEMS = re.compile(
    r"^(?:we (?:have|also|found|make|made|set|identified|expect|will ask|are|were|"
    r"would|will monitor|will review|will revisit|will return|will follow)|each|"
    r"every|these|this section|in this|the following|where we|our|"
    r"some of|all of|most of|many of|one of|two of|the (?:recommendations?|areas? "
    r"for improvement|causes? of concern))\b[^.]*\b(?:recommendations?|areas? for "
    r"improvement|afis?|causes? of concern)\b"
    r"|.*\bthe following (?:actions?|recommendations?|steps)\b(?!.*:$)"
)


@dataclass
class Found:
    kind: str
    number: str
    parts: list[str]
    cause: str = ""
    owners: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    owner_words: str = ""
    deadline: dt.date | None = None
    deadline_words: str = ""
    explicit: bool = False
    page: int = 0
    listed: bool = False  # one of a list's items: its joining "; and" is not wording
    numbered: bool = False  # a numbered list item holding the bullets below it


@dataclass
class Group:
    """A lead-in or an addressee heading: what the items under it inherit."""

    owners: list[str]
    others: list[str]
    words: str
    deadline: dt.date | None
    deadline_words: str
    list_open: bool  # a lead-in ending in a colon: list items and fragments follow


def _asks(text: str) -> bool:
    key = plain(text)
    return bool(ASKS.search(key)) and not ABOUT_ITEMS.match(key.strip())


def _item_heading(block: Block) -> re.Match[str] | None:
    match = ITEM_HEADING.match(block.text)
    if not match:
        return None
    rest = match["rest"].strip()
    singular = not re.search(r"(?:ns|s|afis)$", match["kind"].lower())
    if block.kind == "heading":
        # "Recommendations for chief constables" is a section or group title.
        if not singular and rest and not match["number"]:
            return None
        return match
    if match["number"] and (match["sep"] or not rest):
        return match
    if singular and not rest:
        return match
    if singular and match["sep"] and match["sep"].strip() in {":", ".", "-", "\u2013"}:
        return match
    if singular and rest[:1].isupper() and re.match(r"\s+", match["sep"] or ""):
        # "Area for improvement The force should ..." (heading and text run on)
        return match if _asks(rest) else None
    if not singular and not rest:
        return match
    return None


def _kind(word: str) -> str:
    word = word.lower()
    if word.startswith("rec"):
        return REC
    if word.startswith("cause"):
        return COC
    return AFI


class Reader:
    """Walks the blocks once, keeping what the layout says so far."""

    def __init__(self, published: dt.date | None) -> None:
        self.published = published
        self.items: list[Found] = []
        self.open: Found | None = None  # the item the following text continues
        self.mode = ""  # the kind a section heading opened
        self.mode_level = 0
        self.cause = ""  # the cause of concern recommendations answer
        self.group: Group | None = None
        self.listed_run = False  # the section's items so far came as a list
        self.in_aside = False
        self.numbers: dict[str, int] = {REC: 0, AFI: 0, COC: 0}

    # Items -------------------------------------------------------------------------
    def _reference(self, kind: str, number: str) -> str:
        if number and number[:1].isdigit():
            digits = int(re.match(r"\d+", number)[0])  # type: ignore[index]  # matched
            self.numbers[kind] = max(self.numbers[kind], digits)
        else:
            self.numbers[kind] += 1
            number = str(self.numbers[kind])
        prefixes: dict[str, str] = {REC: "", AFI: "AFI ", COC: "CoC "}
        return prefixes[kind] + number

    def start(
        self,
        kind: str,
        number: str,
        text: str,
        *,
        explicit: bool,
        page: int,
        listed: bool = False,
    ) -> Found:
        item = Found(
            kind=kind,
            number=self._reference(kind, number),
            parts=[text] if text else [],
            explicit=explicit,
            page=page,
            listed=listed,
        )
        if kind == COC:
            self.cause = item.number
            self.group = None
        elif kind == AFI:
            self.cause = ""
        if kind == REC and self.cause:
            item.cause = self.cause
        if self.group is not None and kind != COC:
            item.owners = list(self.group.owners)
            item.others = list(self.group.others)
            item.owner_words = self.group.words
            item.deadline = self.group.deadline
            item.deadline_words = self.group.deadline_words
        self.items.append(item)
        self.open = item
        return item

    def close(self) -> None:
        self.open = None

    # Blocks ------------------------------------------------------------------------
    def read(self, block: Block) -> None:
        text = block.text.strip()
        if not text:
            return
        key = plain(text).strip()
        if block.box:
            # Set apart from the body: a box of practice, a case study, a quote.
            self.close()
            return
        if block.table:
            self._table_row(block)
            return
        short = block.kind == "paragraph" and len(text) < 80
        if (block.kind == "heading" or short) and self._structure(block, key):
            return
        match = _item_heading(block)
        if match is not None:
            self._item_heading(block, match)
            return
        if self.in_aside:
            return
        if block.kind == "item" and block.marker == "number":
            if self.open is not None and self.open.numbered:
                self.close()  # "2." after "1. ...:" and its bullets
            if key.endswith(":") and _asks(key):
                # "1. By 31 March 2025, chief constables should:" with bullets:
                # one numbered recommendation, its bullets part of it.
                self.group = None
                item = self.start(
                    self.mode if self.mode in {REC, AFI} else REC,
                    block.number,
                    text,
                    explicit=True,
                    page=block.page,
                )
                item.numbered = True
                return
        if self._lead_in(block, key):
            return
        if block.kind == "heading":
            return
        self._text(block, text)

    def _structure(self, block: Block, key: str) -> bool:
        """Headings that change the context. True when the block is used up."""
        heading = block.kind == "heading"
        if heading:
            self.listed_run = False  # a list's run ends at a heading
        section = SECTION.match(key)
        if section and (heading or len(key) < 60) and not _item_heading_numbered(key):
            kind = _kind(section["kind"] or section["kind2"])
            self.in_aside = False
            self.close()
            self.mode, self.mode_level = kind, block.level
            if kind != REC or key.rstrip(": ") not in {
                "recommendations",
                "recommendation",
            }:
                # "Other recommendations", "Summary of recommendations": no longer
                # the answers to the cause of concern above.
                self.cause = ""
            body = key[section.end("kind2") :] if section["kind2"] else ""
            self.group = self._group(body) if body else None
            return True
        if ASIDE.match(key) and (heading or re.fullmatch(ASIDE.pattern + r"\W*", key)):
            self.close()
            self.in_aside = True
            self.group = None
            return True
        if GRADE.search(key) and (heading or len(key) < 80):
            self._generic_heading(block)
            return True
        if (
            DEADLINE_HEADING.match(key)
            and (heading or len(key) < 50)
            and not ASKS.search(key)
        ):
            day, words = vocabulary.deadline_from_wording(
                f"{block.text.rstrip(':')}, they should act.", self.published
            )
            if day is not None:
                self.close()
                self.in_aside = False
                owners = self.group.owners if self.group else []
                others = self.group.others if self.group else []
                words_owner = self.group.words if self.group else ""
                self.group = Group(owners, others, words_owner, day, words, True)
                if not self.mode:
                    self.mode, self.mode_level = REC, block.level
                return True
        address = ADDRESS_HEADING.match(key)
        if (
            address
            and (heading or len(key) < 60)
            and not _asks(key)
            and len(_without_bodies(address["body"]).split()) <= 3
        ):
            original = block.text.strip()
            group = self._group(original[address.start("body") : address.end("body")])
            if group is not None:
                self.in_aside = False
                self.close()
                self.group = group
                if not self.mode:
                    self.mode, self.mode_level = REC, block.level
                return True
        if heading and _item_heading(block) is None and not key.endswith(":"):
            bodies = vocabulary.addressees(block.text)
            leftover = _without_bodies(key)
            if bodies.confidence and len(leftover.split()) <= 2 and not _asks(key):
                # A heading that is only a body's name: "Home Office".
                self.in_aside = False
                self.close()
                self.group = Group(
                    bodies.codes, bodies.others, block.text, None, "", False
                )
                if not self.mode:
                    self.mode, self.mode_level = REC, block.level
                return True
            self._generic_heading(block)
            return True
        return False

    def _generic_heading(self, block: Block) -> None:
        self.close()
        self.in_aside = False
        self.group = None
        if self.mode and (block.level <= self.mode_level or block.level == 0):
            self.mode = ""
        # A heading on another subject ends the cause of concern's answers.
        self.cause = ""

    def _group(self, words: str) -> Group | None:
        bodies = vocabulary.addressees(words)
        if not bodies.codes:
            return None
        day, day_words = vocabulary.deadline_from_wording(
            f"{words} should act.", self.published
        )
        return Group(bodies.codes, bodies.others, words, day, day_words, False)

    def _lead_in(self, block: Block, key: str) -> bool:
        """ "Within three months, the force should:" opens a list of items."""
        if not key.endswith(":") or len(key) > LEAD_IN_MAX or block.kind == "item":
            return False
        if not _asks(key) and not (
            self.mode in {REC, AFI} and len(key) < 120 and not ABOUT_ITEMS.match(key)
        ):
            # "The inspectorates:" within a recommendations section still opens a
            # list (and ends the one before); "We found the following:" does not.
            return False
        if self.open is not None and self.open.explicit and self.open.kind != COC:
            # "Recommendation 2 / By 2023, chief constables should:" and bullets:
            # one recommendation.
            return False
        bodies = vocabulary.addressees(block.text)
        day, day_words = vocabulary.deadline_from_wording(
            block.text + " act", self.published
        )
        self.close()
        if not self.mode or self.mode == COC:
            self.mode, self.mode_level = (REC if self.mode != AFI else AFI), block.level
        self.group = Group(
            bodies.codes if bodies.confidence == "addressee" else [],
            bodies.others if bodies.confidence == "addressee" else [],
            block.text,
            day,
            day_words,
            True,
        )
        return True

    def _item_heading(self, block: Block, match: re.Match[str]) -> None:
        kind = _kind(match["kind"])
        rest = match["rest"].strip()
        singular = not re.search(r"(?:ns|s|afis)$", match["kind"].lower())
        self.in_aside = False
        if not singular and not match["number"]:
            self.close()
            self.mode, self.mode_level = kind, block.level
            self.group = None
            if rest:
                self._text(Block(kind="paragraph", text=rest, page=block.page), rest)
            return
        self.close()
        if kind != REC:
            self.group = None
        address = ADDRESS_HEADING.match(plain(rest)) if rest else None
        heading_group = (
            self._group(rest[address.start("body") : address.end("body")])
            if address
            else None
        )
        if heading_group is not None:
            # "Recommendation 3. To the Home Office and the NPCC": owners, not words.
            item = self.start(
                kind, match["number"] or "", "", explicit=True, page=block.page
            )
            item.owners, item.others = heading_group.owners, heading_group.others
            item.owner_words = heading_group.words
            return
        if not match["number"] and rest.endswith(":") and _asks(rest):
            # "Recommendation: Within six months, the force should:" and a list:
            # a lead-in, each item below it a recommendation.
            lead = Block(
                kind="paragraph", text=rest, level=block.level, page=block.page
            )
            if self._lead_in(lead, plain(rest)):
                return
        self.start(kind, match["number"] or "", rest, explicit=True, page=block.page)

    def _table_row(self, block: Block) -> None:
        """A row of a table of items: its number (or "AFI 2"), wording, owner and
        deadline columns."""
        self.close()
        kind, number = self.mode if self.mode in {REC, AFI} else REC, block.number
        label = ITEM_HEADING.match(block.number) if block.number else None
        if label is not None and not label["rest"].strip():
            kind, number = _kind(label["kind"]), label["number"] or ""
        elif number and not re.fullmatch(r"\d{1,3}[a-z]?\.?", number):
            number = ""
        item = self.start(
            kind, number.rstrip("."), block.text, explicit=False, page=block.page
        )
        if block.owners:
            bodies = vocabulary.addressees(
                re.sub(r"\s*(?:[,;/\n]|\band\b)\s*", " and ", block.owners)
                + " should act."
            )
            item.owners, item.others = bodies.codes, bodies.others
            item.owner_words = block.owners
        if block.deadline:
            day, _words = vocabulary.deadline_from_wording(
                f"{block.deadline}, they should act.", self.published
            )
            if day is None:
                day, _words = vocabulary.deadline_from_wording(
                    f"By {block.deadline}, they should act.", self.published
                )
            if day is None:
                try:
                    day = vocabulary.parse_date(block.deadline)
                except vocabulary.DateError:
                    day = None
            if day is not None:
                item.deadline, item.deadline_words = day, block.deadline
        self.close()

    def _text(self, block: Block, text: str) -> None:
        is_list = block.kind == "item"
        open_item = self.open
        continues = bool(CONTINUES.match(plain(text))) or text[:1].islower()
        if open_item is not None and open_item.explicit:
            if not open_item.parts:
                open_item.parts.append(_listed(block))
                return
            last = open_item.parts[-1]
            unfinished = last.rstrip().endswith(
                (":", ";", ",", "-", "\u2013")
            ) or not re.search(r"[.!?]['\u2019\u201d)]?$", last)
            if open_item.kind == COC and not is_list and _asks(text) and not continues:
                # "Cause of concern / The force isn't ... / The force should ...":
                # the ask is its recommendation, not more of the statement.
                self.close()
                self.mode, self.mode_level = REC, block.level
                self.start(REC, "", text, explicit=False, page=block.page)
                return
            if is_list or unfinished or continues or open_item.kind == COC:
                open_item.parts.append(_listed(block))
                return
            # An explanation after the item (a finding): not part of it.
            self.close()
            return
        group = self.group
        if group is not None and group.list_open:
            if is_list or text[:1].islower() or _asks(text):
                self.start(
                    self.mode or REC,
                    block.number if block.marker == "number" else "",
                    text,
                    explicit=False,
                    page=block.page,
                    listed=True,
                )
                return
            # A paragraph after the list: the lead-in's list has ended.
            group.list_open = False
            self.close()
            if not self.mode:
                self.group = None
            return
        if self.mode:
            if open_item is not None and (
                continues or open_item.parts[-1].rstrip().endswith(":")
            ):
                open_item.parts.append(_listed(block))
                return
            if not is_list and (self.listed_run or FINDING_TEXT.search(plain(text))):
                # After a list of items, a paragraph is the findings that follow;
                # so is any paragraph that reports what was found.
                self.close()
                self.mode = "" if self.listed_run else self.mode
                self.listed_run = False
                return
            self.listed_run = is_list and self.mode != COC
            if _asks(text) or (is_list and self.mode != COC):
                self.start(
                    self.mode,
                    block.number if block.marker == "number" else "",
                    text,
                    explicit=False,
                    page=block.page,
                    listed=is_list,
                )
                return
            if self.mode == COC and not ABOUT_ITEMS.match(plain(text).strip()):
                self.start(COC, "", text, explicit=True, page=block.page)
                return
            self.close()
            return


def _item_heading_numbered(key: str) -> bool:
    return bool(
        re.match(
            r"^(?:recommendation|area for improvement|afi|cause of concern)\s+\d", key
        )
    )


def _without_bodies(key: str) -> str:
    rest = key
    for pattern, _code in vocabulary.WORDING_OWNERS:
        rest = re.sub(pattern, " ", rest)
    for pattern, _name in vocabulary.OTHER_BODIES:
        rest = re.sub(pattern, " ", rest)
    return re.sub(r"\b(?:the|and|all|of|to|for)\b|[^\w\s]", " ", rest).strip()


def _listed(block: Block) -> str:
    """A list item's words as part of an item: its bullet is layout, not wording."""
    return block.text


def _numbered_list(blocks: list[Block], published: dt.date | None) -> list[Found]:
    """Failing any heading: every numbered list item is a recommendation."""
    reader = Reader(published)
    found: list[Found] = []
    current: Found | None = None
    for block in blocks:
        if block.kind == "item" and block.marker == "number":
            current = reader.start(
                REC, block.number, block.text, explicit=False, page=block.page
            )
            found.append(current)
        elif (
            current is not None
            and block.kind == "paragraph"
            and block.text[:1].islower()
        ):
            current.parts.append(block.text)
        else:
            current = None
    return found


def items_from_blocks(blocks: list[Block], published: dt.date | None) -> list[Found]:
    """Every item the blocks hold, in order, each found once."""
    reader = Reader(published)
    for block in blocks:
        reader.read(block)
    found = [item for item in reader.items if _wording(item)]
    if not found:
        found = [item for item in _numbered_list(blocks, published) if _wording(item)]
    return _once(found)


def _wording(item: Found) -> str:
    text = " ".join(part.strip() for part in item.parts if part.strip())
    text = re.sub(r"\s+", " ", text).strip()
    if item.listed:
        # "make sure it has enough call handlers; and": the list's joints go.
        text = re.sub(r"\s*(?:[;,]|[;,]?\s+(?:and|or))\s*$", "", text)
    return text


def _once(found: list[Found]) -> list[Found]:
    """An item repeated word for word (a summary list and its chapter): kept once."""
    seen: dict[tuple[str, str, tuple[str, ...]], Found] = {}
    out: list[Found] = []
    for item in found:
        # The same words asked of another body (a joint report asks chief
        # constables and PCCs alike) are another item.
        key = (
            item.kind,
            re.sub(r"\W+", " ", plain(_wording(item))).strip(),
            tuple(sorted(item.owners + item.others)),
        )
        if key in seen:
            continue
        seen[key] = item
        out.append(item)
    return out


def draft_from_blocks(
    blocks: list[Block],
    *,
    report: dict[str, str],
    published: dt.date | None,
    source: str,
) -> Draft:
    """A draft of the items the blocks hold; FileRefused if none are recognisable."""
    found = items_from_blocks(blocks, published)
    if not found:
        raise FileRefused(
            _(
                "No recommendations, areas for improvement or causes of concern "
                "were recognised. Give the report's recommendations section with "
                "its headings, for example \u201cRecommendation 1\u201d or "
                "\u201cAreas for improvement\u201d, or a numbered list."
            )
        )
    rows = [_row(index, item, published) for index, item in enumerate(found, start=1)]
    _causes_owned_by_their_recommendations(rows)
    return Draft(source=source, report=report, rows=rows)


def _causes_owned_by_their_recommendations(rows: list[DraftRow]) -> None:
    """A cause of concern is owned by whoever its recommendations ask to act."""
    for cause in rows:
        if cause.kind != COC:
            continue
        answers = [r for r in rows if r.cause_of_concern == cause.reference]
        codes = list(
            dict.fromkeys(c for r in answers for c in r.owners.split("; ") if c)
        )
        others = list(
            dict.fromkeys(o for r in answers for o in r.other_owners.split("; ") if o)
        )
        if codes:
            cause.owners, cause.other_owners = "; ".join(codes), "; ".join(others)
            cause.notes = [
                n for n in cause.notes if not n.startswith(("Owner", "No owner"))
            ]
            cause.notes.append(_("Owners taken from its recommendations."))


def _without_findings(wording: str) -> tuple[str, str]:
    """(the item's sentences, the finding run on after them): after the first
    sentence, one that neither asks nor goes on with the item ("This should
    include") starts the findings that follow it in the report."""
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z\u2018\u201c])", wording)
    for index, sentence in enumerate(sentences[1:], start=1):
        key = plain(sentence)
        if not (_asks(sentence) or CONTINUES.match(key)) or FINDING_TEXT.search(key):
            return " ".join(sentences[:index]), " ".join(sentences[index:])
    return wording, ""


def _row(index: int, item: Found, published: dt.date | None) -> DraftRow:
    wording = _wording(item)
    notes: list[str] = []
    if item.explicit and item.kind != COC and not item.numbered:
        wording, finding = _without_findings(wording)
        if finding:
            notes.append(
                _(
                    "Text after the item read as findings and left out: "
                    "\u201c%(words)s\u201d."
                )
                % {"words": finding[:120] + ("\u2026" if len(finding) > 120 else "")}
            )
    own = vocabulary.addressees(wording)
    owners, others = own.codes, own.others
    if own.confidence != "addressee" and item.owners:
        owners, others = item.owners, item.others
        notes.append(
            _("Owners taken from \u201c%(words)s\u201d.")
            % {"words": item.owner_words.strip().rstrip(":")}
        )
    elif own.confidence == "guess":
        notes.append(
            _("Owner guessed from \u201cpolice\u201d in the wording: check it.")
        )
    elif own.confidence == "mention":
        notes.append(_("Owners taken from bodies the wording mentions: check them."))
    elif not owners:
        notes.append(_("No owner found in the wording."))
    deadline, words = vocabulary.deadline_from_wording(wording, published)
    if deadline:
        notes.append(
            _("Target date from \u201c%(words)s\u201d.") % {"words": words.strip()}
        )
    elif item.deadline:
        deadline = item.deadline
        notes.append(
            _("Target date from \u201c%(words)s\u201d in the lead-in.")
            % {"words": item.deadline_words.strip()}
        )
    return DraftRow(
        line=index,
        reference=item.number,
        kind=str(item.kind),
        owners="; ".join(owners),
        other_owners="; ".join(others),
        text=wording,
        target_date=deadline.isoformat() if deadline else "",
        cause_of_concern=item.cause if item.kind == REC else "",
        notes=notes,
        page=item.page,
    )


def draft_from_text(
    text: str, *, report: dict[str, str], published: dt.date | None
) -> Draft:
    """A draft of the items found in pasted text; FileRefused if none are found."""
    return draft_from_blocks(
        blocks_from_text(text),
        report=report,
        published=published,
        source=_("pasted text"),
    )
