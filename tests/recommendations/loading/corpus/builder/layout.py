"""Lays a case's blocks out on A4 pages: wrapped lines, hyphenation, footnotes at the
page foot, running header and footer. The PDF and the pasted text both come from it, so
pasted text breaks its lines where the PDF does."""

import re
from dataclasses import dataclass, field

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .model import (
    FOOTNOTE_REF,
    Box,
    Case,
    Contents,
    Cover,
    Heading,
    ListBlock,
    PageBreak,
    Para,
    Table,
)

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
BODY, BOLD, ITALIC = "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"
for _name in (BODY, BOLD, ITALIC):
    if _name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(_name, f"{FONT_DIR}/{_name}.ttf"))

PAGE_W, PAGE_H = 595.27, 841.89
LEFT, RIGHT = 72.0, 72.0
TEXT_W = PAGE_W - LEFT - RIGHT
TOP_Y = PAGE_H - 82.0  # first baseline sits one leading below this
BOTTOM_Y = 70.0
HEADER_Y = PAGE_H - 42.0
FOOTER_Y = 38.0


@dataclass(frozen=True)
class Style:
    font: str
    size: float
    leading: float
    before: float = 0.0
    after: float = 0.0


STYLES = {
    "body": Style(BODY, 10.5, 14.5, 0, 7),
    "lead": Style(BODY, 10.5, 14.5, 0, 5),
    "grade": Style(BOLD, 11, 15, 0, 7),
    "small": Style(BODY, 9, 12, 0, 6),
    "h1": Style(BOLD, 17, 21, 12, 9),
    "h2": Style(BOLD, 13.5, 17.5, 9, 6),
    "h3": Style(BOLD, 11, 15, 7, 4),
    "box": Style(BODY, 10, 13.5, 0, 5),
    "box_label": Style(BOLD, 10.5, 14, 0, 3),
    "footnote": Style(BODY, 7.5, 9.5),
    "furniture": Style(BODY, 8, 10),
    "contents": Style(BODY, 10.5, 17),
}
LIST_INDENT, BULLET_INDENT = 18.0, 4.0
BOX_PAD = 9.0
SUP_SCALE, SUP_RISE = 0.62, 3.6

# Suffixes before which a long word may be hyphenated when it does not fit a line.
SUFFIXES = (
    "tions", "tion", "ments", "ment",
    "sions", "sion", "ances", "ance", "ences", "ence", "ities", "ity", "ings", "ing",
    "ised", "ises", "ible", "able", "ness", "ively", "ive", "ally", "ical",
)  # fmt: skip


@dataclass
class Run:
    text: str
    font: str
    size: float
    rise: float = 0.0


@dataclass
class Line:
    x: float
    y: float
    runs: list[Run]
    kind: str = "body"
    block_end: bool = False
    marker: str = ""  # a bullet or list number, drawn at marker_x
    marker_x: float = 0.0
    item: str = ""  # the reference of the item whose wording this line carries

    @property
    def plain(self) -> str:
        text = "".join(run.text for run in self.runs).rstrip()
        return f"{self.marker} {text}" if self.marker else text


@dataclass
class Rect:
    x: float
    y: float
    w: float
    h: float


@dataclass
class Page:
    number: int
    cover: bool = False
    lines: list[Line] = field(default_factory=list)
    rects: list[Rect] = field(default_factory=list)
    footnotes: list[int] = field(default_factory=list)
    furniture: list[Line] = field(default_factory=list)


def width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


@dataclass
class Tok:
    base: str  # may hold ~ hyphenation points
    refs: list[int]
    lig: bool


def _auto_hyphen(word: str) -> str:
    if "~" in word or "-" in word or "/" in word:
        return word
    letters = re.sub(r"[^A-Za-z]", "", word)
    if len(letters) < 9:
        return word
    core = word.rstrip(".,;:\u2019\u201d)")
    tail = word[len(core) :]
    for suffix in SUFFIXES:
        if core.endswith(suffix) and len(core) - len(suffix) >= 4:
            cut = len(core) - len(suffix)
            return core[:cut] + "~" + core[cut:] + tail
    return word


def tokens(
    text: str, ligature_words: tuple[str, ...], hyphenate: bool = True
) -> list[Tok]:
    result = []
    for word in text.split():
        refs = [int(n) for n in FOOTNOTE_REF.findall(word)]
        base = FOOTNOTE_REF.sub("", word)
        base = _auto_hyphen(base) if hyphenate else base.replace("~", "")
        key = re.sub(r"[^a-z]", "", base.lower())
        lig = any(w in key for w in ligature_words) and ("fi" in key or "fl" in key)
        result.append(Tok(base, refs, lig))
    return result


def show(text: str, lig: bool) -> str:
    text = text.replace("~", "")
    if lig:
        text = text.replace("fi", "\ufb01").replace("fl", "\ufb02")
    return text


Piece = tuple[str, list[int]]  # shown text, footnote refs after it


def _piece_width(piece: Piece, style: Style) -> float:
    shown, refs = piece
    w = width(shown, style.font, style.size)
    if refs:
        w += width(",".join(map(str, refs)), style.font, style.size * SUP_SCALE)
    return w


def wrap(toks: list[Tok], style: Style, max_w: float) -> list[list[Piece]]:
    """Greedy line filling; a word that does not fit is split at a ~ point (adding a
    hyphen) or after a real hyphen, if the head fits."""
    space = width(" ", style.font, style.size)
    lines: list[list[Piece]] = []
    cur: list[Piece] = []
    cur_w = 0.0
    for tok in toks:
        piece = (show(tok.base, tok.lig), tok.refs)
        w = _piece_width(piece, style)
        gap = space if cur else 0.0
        if cur_w + gap + w <= max_w:
            cur.append(piece)
            cur_w += gap + w
            continue
        split = _split(tok, style, max_w - cur_w - gap) if cur else None
        if split:
            head, tail = split
            cur.append(head)
            lines.append(cur)
            cur, cur_w = [tail], _piece_width(tail, style)
        else:
            if cur:
                lines.append(cur)
            cur, cur_w = [piece], w
    if cur:
        lines.append(cur)
    return lines


def _split(tok: Tok, style: Style, avail: float) -> tuple[Piece, Piece] | None:
    base = tok.base
    best = None
    for i, ch in enumerate(base):
        if ch == "~":
            head, tail = base[:i] + "-", base[i + 1 :]
        elif ch == "-" and 0 < i < len(base) - 1:
            head, tail = base[: i + 1], base[i + 1 :]
        else:
            continue
        head_core = re.sub(r"[^A-Za-z]", "", head)
        tail_core = re.sub(r"[^A-Za-z]", "", tail)
        if len(head_core) < 3 or len(tail_core) < 3:
            continue
        head_piece: Piece = (show(head, tok.lig), [])
        if _piece_width(head_piece, style) <= avail:
            best = (head_piece, (show(tail, tok.lig), tok.refs))
    return best


def runs_for(pieces: list[Piece], style: Style) -> list[Run]:
    runs: list[Run] = []
    for n, (shown, refs) in enumerate(pieces):
        last = n == len(pieces) - 1
        if refs:
            runs.append(Run(shown, style.font, style.size))
            sup = ",".join(map(str, refs))
            runs.append(Run(sup, style.font, style.size * SUP_SCALE, SUP_RISE))
            if not last:
                runs.append(Run(" ", style.font, style.size))
        else:
            runs.append(Run(shown + ("" if last else " "), style.font, style.size))
    return runs


class Flow:
    """Places lines top to bottom, page by page, keeping footnotes on their page."""

    def __init__(self, case: Case, page_numbers: dict[int, int] | None = None):
        self.case = case
        self.pages: list[Page] = []
        self.page_numbers = page_numbers or {}
        self.heading_pages: dict[int, int] = {}
        self.new_page()

    # pages --------------------------------------------------------------------------
    def new_page(self, cover: bool = False) -> None:
        first = self.case.options.get("first_page", 1)  # an extract starts later
        self.page = Page(len(self.pages) + first, cover=cover)
        self.pages.append(self.page)
        self.y = TOP_Y
        self.at_top = True

    def footnote_height(self, numbers: list[int]) -> float:
        if not numbers:
            return 0.0
        style = STYLES["footnote"]
        total = 16.0
        for n in numbers:
            text = self.case.footnotes[n]
            total += len(wrap(tokens(text, ()), style, TEXT_W - 12)) * style.leading
        return total

    def limit(self, extra_refs: list[int]) -> float:
        numbers = self.page.footnotes + [
            n for n in extra_refs if n not in self.page.footnotes
        ]
        return BOTTOM_Y + self.footnote_height(numbers)

    def need(self, height: float) -> None:
        if self.y - height < self.limit([]) and not self.at_top:
            self.new_page()

    def place(self, line: Line, leading: float, refs: list[int]) -> None:
        if self.y - leading < self.limit(refs) and not self.at_top:
            self.new_page()
        self.y -= leading
        line.y = self.y
        self.page.lines.append(line)
        for n in refs:
            if n not in self.page.footnotes:
                self.page.footnotes.append(n)
        self.at_top = False

    def space(self, points: float) -> None:
        if not self.at_top:
            self.y -= points

    # blocks -------------------------------------------------------------------------
    def paragraph(
        self,
        text: str,
        style: Style,
        x: float,
        w: float,
        kind: str,
        first_prefix: tuple[str, float] | None = None,
        item: str = "",
    ) -> list[Line]:
        placed = []
        toks = tokens(
            text,
            self.case.ligature_words,
            hyphenate=not kind.startswith(("h", "box_", "cover")),
        )
        for n, pieces in enumerate(wrap(toks, style, w)):
            runs = runs_for(pieces, style)
            refs = [r for _, rs in pieces for r in rs]
            line = Line(x, 0, runs, kind, item=item)
            if n == 0 and first_prefix:
                line.marker, line.marker_x = first_prefix
            self.place(line, style.leading, refs)
            placed.append(line)
        if placed:
            placed[-1].block_end = True
        return placed

    def heading(self, block: Heading) -> None:
        style = STYLES[f"h{block.level}"]
        self.space(style.before)
        lines = wrap(tokens(block.text, ()), style, TEXT_W)
        # Keep a heading with what follows it, including a sub-heading under it.
        follow = 2 * STYLES["body"].leading + (
            STYLES["h2"].leading + 20 if block.level < 3 else 0
        )
        self.need(len(lines) * style.leading + style.after + follow)
        if block.in_contents:
            self.heading_pages[id(block)] = self.page.number
        self.paragraph(block.text, style, LEFT, TEXT_W, f"h{block.level}")
        self.y -= style.after

    def para(self, block: Para) -> None:
        style = STYLES[block.style]
        if block.style in ("grade", "lead"):  # kept with what follows
            self.need(style.leading + STYLES["h3"].leading + 3 * STYLES["body"].leading)
        else:
            self.need(style.leading)
        item = block.item.reference if block.item else ""
        self.paragraph(block.text, style, LEFT, TEXT_W, block.style, item=item)
        self.y -= style.after

    def listing(self, block: ListBlock) -> None:
        style = STYLES["body"]
        glyph = block.glyph or self.case.options.get("bullet", "\u2022")
        number = self.case.options.get("number_format", "{n}.")
        for n, (text, item) in enumerate(block.entries):
            marker = number.format(n=block.start + n) if block.ordered else glyph
            self.paragraph(
                text,
                style,
                LEFT + LIST_INDENT,
                TEXT_W - LIST_INDENT,
                "list",
                first_prefix=(marker, self._marker_x(marker, block, style)),
                item=item.reference if item else "",
            )
            self.y -= 4
        self.y -= style.after - 4

    def _marker_x(self, marker: str, block: ListBlock, style: Style) -> float:
        """Bullets and numbers start at the indent; with the case option
        "numbers_right", list numbers end just before the text instead, so that
        "10." does not run into it."""
        if block.ordered and self.case.options.get("numbers_right"):
            return LEFT + LIST_INDENT - 4 - width(marker, style.font, style.size)
        return LEFT + BULLET_INDENT

    def box(self, block: Box) -> None:
        label, body = STYLES["box_label"], STYLES["box"]
        inner = TEXT_W - 2 * BOX_PAD
        height = 2 * BOX_PAD
        height += len(wrap(tokens(block.label, ()), label, inner)) * label.leading + 2
        height += len(wrap(tokens(block.title, ()), label, inner)) * label.leading
        for text in block.paras:
            toks = tokens(text, self.case.ligature_words)
            height += len(wrap(toks, body, inner)) * body.leading + body.after
        self.space(6)
        self.need(height)
        top = self.y
        self.y -= BOX_PAD
        self.paragraph(block.label, label, LEFT + BOX_PAD, inner, "box_label")
        self.y -= 2
        self.paragraph(block.title, label, LEFT + BOX_PAD, inner, "box_title")
        for text in block.paras:
            self.paragraph(text, body, LEFT + BOX_PAD, inner, "box")
            self.y -= body.after
        self.y -= BOX_PAD - body.after
        self.page.rects.append(Rect(LEFT, self.y, TEXT_W, top - self.y))
        self.y -= 12

    def contents(self, block: Contents) -> None:
        style = STYLES["contents"]
        self.paragraph(block.title, STYLES["h1"], LEFT, TEXT_W, "h1")
        self.y -= STYLES["h1"].after
        entries = block.extra or [
            (b.level, b.text, self.page_numbers.get(id(b), 0))
            for b in self.case.blocks
            if isinstance(b, Heading) and b.in_contents and b.level <= 2
        ]
        dot_w = width(".", style.font, style.size)
        for level, text, number in entries:
            x = LEFT + (level - 1) * 16
            label = text
            num = str(number)
            room = (LEFT + TEXT_W) - x - width(label + " ", style.font, style.size)
            room -= width(" " + num, style.font, style.size)
            dots = "." * max(3, int(room / dot_w))
            runs = [Run(f"{label} {dots} {num}", style.font, style.size)]
            self.place(Line(x, 0, runs, "contents"), style.leading, [])
        self.page.lines[-1].block_end = True

    def cover(self, block: Cover) -> None:
        self.page.cover = True
        self.y = PAGE_H - 250
        for text, size in block.lines:
            style = Style(BOLD if size >= 14 else BODY, size, size * 1.3, 0, size * 0.8)
            self.paragraph(text, style, LEFT, TEXT_W, "cover")
            self.y -= style.after

    def run(self) -> list[Page]:
        for block in self.case.blocks:
            if isinstance(block, Cover):
                self.cover(block)
            elif isinstance(block, PageBreak):
                self.new_page()
            elif isinstance(block, Contents):
                self.contents(block)
            elif isinstance(block, Heading):
                self.heading(block)
            elif isinstance(block, Para):
                self.para(block)
            elif isinstance(block, ListBlock):
                self.listing(block)
            elif isinstance(block, Box):
                self.box(block)
            elif isinstance(block, Table):
                raise NotImplementedError("tables are drawn on saved web pages only")
        self.furnish()
        return self.pages

    def furnish(self) -> None:
        furniture = STYLES["furniture"]
        for page in self.pages:
            if page.cover:
                continue
            if self.case.running_header:
                page.furniture.append(
                    Line(
                        LEFT,
                        HEADER_Y,
                        [Run(self.case.running_header, BODY, furniture.size)],
                        "header",
                    )
                )
            number = str(page.number)
            page.furniture.append(
                Line(
                    LEFT,
                    FOOTER_Y,
                    [Run(self.case.footer, BODY, furniture.size)],
                    "footer",
                )
            )
            page.furniture.append(
                Line(
                    LEFT + TEXT_W - width(number, BODY, 9),
                    FOOTER_Y,
                    [Run(number, BODY, 9)],
                    "page_number",
                )
            )


def footnote_lines(case: Case, page: Page) -> list[Line]:
    style = STYLES["footnote"]
    lines: list[Line] = []
    y = BOTTOM_Y + Flow(case).footnote_height(page.footnotes) - 16
    for n in page.footnotes:
        toks = tokens(case.footnotes[n], ())
        for i, pieces in enumerate(wrap(toks, style, TEXT_W - 12)):
            runs = runs_for(pieces, style)
            if i == 0:
                runs.insert(0, Run(f"{n} ", style.font, style.size))
            lines.append(Line(LEFT if i == 0 else LEFT + 12, y, runs, "footnote"))
            y -= style.leading
    return lines


def lay_out(case: Case) -> list[Page]:
    first = Flow(case)
    first.run()
    return Flow(case, first.heading_pages).run()


def items_across_pages(pages: list[Page]) -> list[str]:
    """References of items whose wording starts on one page and ends on another."""
    first: dict[str, int] = {}
    crossing = []
    for page in pages:
        for line in page.lines:
            if line.item:
                first.setdefault(line.item, page.number)
                if first[line.item] != page.number and line.item not in crossing:
                    crossing.append(line.item)
    return crossing
