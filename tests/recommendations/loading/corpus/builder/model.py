"""A case: its document as blocks, and the items a careful administrator records."""

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

REC = "recommendation"
AFI = "area_for_improvement"
COC = "cause_of_concern"

# Inline markup in block text (never in the expected wording):
#   ~     where a long word may be hyphenated at a line end (PDF and pasted text)
#   ^N    a footnote marker N after a word (superscript in the PDF, <sup> in HTML)
FOOTNOTE_REF = re.compile(r"\^(\d+)")
LIST_TAIL = re.compile(r"\s*(?:;\s*(?:and|or)|;|,\s*(?:and|or)|,)\s*$")


def expected_text(text: str, *, list_entry: bool = False) -> str:
    """The wording as an administrator records it: markup gone, spaces normalised."""
    plain = FOOTNOTE_REF.sub("", text).replace("~", "")
    plain = " ".join(plain.split())
    if list_entry:
        plain = LIST_TAIL.sub("", plain)
    return plain


def add_months(start: dt.date, months: int) -> dt.date:
    """Same day of the month N months on, clamped to the month's last day."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(start.day, last))


@dataclass
class Item:
    reference: str
    kind: str
    owners: list[str]
    target_date: str | None = None
    cause_of_concern: str = ""
    other_owners: list[str] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "reference": self.reference,
            "kind": self.kind,
            "owners": self.owners,
            "other_owners": self.other_owners,
            "target_date": self.target_date,
            "cause_of_concern": self.cause_of_concern,
            "text": " ".join(self.parts),
        }


# Blocks -------------------------------------------------------------------------------


@dataclass
class Heading:
    level: int  # 1 = chapter, 2 = section, 3 = sub-section
    text: str
    in_contents: bool = True


@dataclass
class Para:
    text: str
    item: Item | None = None
    style: str = "body"  # body | lead | grade | small
    wrap: str = ""  # saved page only: the class of a <div> drawn around the paragraph


@dataclass
class ListBlock:
    entries: list[tuple[str, Item | None]]
    ordered: bool = False
    start: int = 1
    glyph: str = ""  # this list's bullet, if not the case's (PDF and pasted text)
    wrap: str = ""  # saved page only: the class of a <div> drawn around the list


@dataclass
class Box:
    """A shaded box (promising or innovative practice, good practice): never an item."""

    label: str
    title: str
    paras: list[str]
    css: str = "promising-practice"
    tag: str = ""  # the saved page's element for the box; the case's default if empty


@dataclass
class Table:
    """A table on a saved web page (only there). A row may carry an item; its wording
    is the row's cell in column `item_column`, the other cells are not part of it."""

    columns: list[str]
    rows: list[tuple[list[str], Item | None]]
    item_column: int = 1
    caption: str = ""


@dataclass
class PageBreak:
    pass


@dataclass
class Contents:
    """A table of contents with dotted leaders; page numbers come from the layout."""

    title: str = "Contents"
    extra: list[tuple[int, str, int]] = field(default_factory=list)


@dataclass
class Cover:
    lines: list[tuple[str, float]]  # (text, font size)


Block = Heading | Para | ListBlock | Table | Box | PageBreak | Contents | Cover


@dataclass
class Case:
    slug: str
    title: str
    kind: str
    published_on: dt.date
    source: str
    provenance: str
    layouts: list[str]
    form: str  # pdf | html | txt
    blocks: list[Block]
    footnotes: dict[int, str] = field(default_factory=dict)
    running_header: str = ""
    footer: str = ""
    ligature_words: tuple[str, ...] = ()
    refused: bool = False
    refusal: str = ""  # encrypted | no_text_layer | no_items
    options: dict = field(default_factory=dict)
    set_name: str = ""  # "holdout" for held-out cases: case.json "set", only if given

    @property
    def input_name(self) -> str:
        return {"pdf": "source.pdf", "html": "source.html", "txt": "source.txt"}[
            self.form
        ]

    def months(self, n: int) -> str:
        return add_months(self.published_on, n).isoformat()

    def items(self) -> list[Item]:
        """Items in order of appearance, their wording gathered from the blocks."""
        seen: list[Item] = []
        for item in self._walk():
            item.parts.clear()
        for block in self.blocks:
            if isinstance(block, Para) and block.item:
                block.item.parts.append(expected_text(block.text))
                if block.item not in seen:
                    seen.append(block.item)
            elif isinstance(block, ListBlock):
                for text, item in block.entries:
                    if item:
                        item.parts.append(expected_text(text, list_entry=True))
                        if item not in seen:
                            seen.append(item)
            elif isinstance(block, Table):
                for cells, item in block.rows:
                    if item:
                        item.parts.append(expected_text(cells[block.item_column]))
                        if item not in seen:
                            seen.append(item)
        references = [item.reference for item in seen]
        assert len(set(references)) == len(references), (self.slug, references)
        return seen

    def _walk(self):
        for block in self.blocks:
            if isinstance(block, Para) and block.item:
                yield block.item
            elif isinstance(block, ListBlock):
                yield from (item for _, item in block.entries if item)
            elif isinstance(block, Table):
                yield from (item for _, item in block.rows if item)

    def as_json(self) -> dict:
        items = [] if self.refused else [item.as_json() for item in self.items()]
        return {
            "title": self.title,
            **({"set": self.set_name} if self.set_name else {}),
            "kind": self.kind,
            "published_on": self.published_on.isoformat(),
            "input": self.input_name,
            "source": self.source,
            "provenance": self.provenance,
            "layouts": self.layouts,
            "refused": self.refused,
            **({"refusal": self.refusal} if self.refused else {}),
            "items": items,
        }


# Item helpers for the case modules --------------------------------------------------


def rec(ref, *owners, date=None, coc="", other=()) -> Item:
    return Item(ref, REC, list(owners), date, coc, list(other))


def afi(ref, *owners, date=None, other=()) -> Item:
    return Item(ref, AFI, list(owners), date, "", list(other))


def cause(ref, *owners, other=()) -> Item:
    return Item(ref, COC, list(owners), None, "", list(other))
