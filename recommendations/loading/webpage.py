"""Read a report's saved web page into blocks, from its markup.

Headings are <h1>-<h6>, paragraphs <p> (and text directly in a <div>), list items
<li> (numbered from an <ol>'s start), table cells one block each. Only the page's
main content is read when it marks one (<main>, <article>, role="main"):
navigation, cookie banners, headers, footers, forms, scripts and styles are
skipped. An <aside> or a box whose class says practice, case study or example is
marked `box`, so its text is never an item nor glued to one; other boxes (a
coloured "Area for improvement" panel) are read like the body.

The standard library's HTMLParser reads the markup as text: nothing is fetched,
run or resolved (no scripts, entities from outside, or linked files).
"""

import re
from collections import Counter
from html.parser import HTMLParser

from .document import Block, join_broken, mend

SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "form",
    "button",
    "select",
    "textarea",
    "iframe",
    "object",
    "head",
    "title",
    "figure",
    "figcaption",
}
SKIP_LANDMARK = {"header", "footer"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "aside",
    "blockquote",
    "li",
    "ul",
    "ol",
    "td",
    "th",
    "tr",
    "table",
    "dd",
    "dt",
    "dl",
    "details",
    "summary",
    *HEADINGS,
}
VOID = {
    "br",
    "hr",
    "img",
    "input",
    "meta",
    "link",
    "wbr",
    "area",
    "base",
    "col",
    "source",
}
SKIPPED_CLASS = re.compile(
    r"cookie|banner|breadcrumb|skip-link|share|social|related|sidebar|menu|"
    r"navigation|site-header|site-footer|print-link|feedback|newsletter|search|"
    r"footnote|endnote",
    re.IGNORECASE,
)
ASIDE_CLASS = re.compile(
    r"practice|case-?study|example|spotlight|quote|testimon", re.IGNORECASE
)


class _Frame:
    __slots__ = ("aside", "kind", "level", "marker", "number", "skipped", "tag")

    def __init__(self, tag: str, skipped: bool, aside: bool) -> None:
        self.tag, self.skipped, self.aside = tag, skipped, aside
        self.kind, self.level, self.marker, self.number = "", 0, "", ""


class _Reader(HTMLParser):
    def __init__(self, has_main: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.stack: list[_Frame] = []
        # Kept as the stack changes, so no event reads the whole stack: a page
        # nested thousands deep is read in time linear in its size.
        self.contexts: list[_Frame] = []  # the open headings and list items
        self.open_tags: Counter[str] = Counter()
        self.skipping = 0
        self.asides = 0
        self.text: list[str] = []
        self.lists: list[list[int]] = []  # per open list: [ordered, next number]
        self.title = ""
        self.in_title = False
        self.has_main = has_main
        self.in_main = 0
        # Inside a table: its rows of cells, read whole before deciding what it is.
        self.table: list[list[str]] | None = None
        self.table_depth = 0
        self.table_box = False
        self.cell: list[str] | None = None

    def _context(self) -> _Frame | None:
        """The innermost heading or list item, whose kind the text takes."""
        return self.contexts[-1] if self.contexts else None

    def _push(self, frame: _Frame) -> None:
        self.stack.append(frame)
        self.open_tags[frame.tag] += 1
        self.skipping += frame.skipped
        self.asides += frame.aside
        if frame.kind:
            self.contexts.append(frame)

    def _pop(self) -> _Frame:
        frame = self.stack.pop()
        self.open_tags[frame.tag] -= 1
        self.skipping -= frame.skipped
        self.asides -= frame.aside
        if frame.kind:
            self.contexts.pop()
        return frame

    def _in_item(self) -> bool:
        frame = self._context()
        return frame is not None and frame.kind == "item"

    def flush(self) -> None:
        text = re.sub(r"\s+", " ", mend("".join(self.text))).strip()
        self.text = []
        if not text or self.skipping:
            return
        if self.table is not None:
            if self.cell is not None:
                self.cell.append(text)
            return
        if self.has_main and not self.in_main:
            return
        frame = self._context()
        self.blocks.append(
            Block(
                kind=frame.kind if frame else "paragraph",
                text=text,
                level=frame.level if frame else 0,
                marker=frame.marker if frame else "",
                number=frame.number if frame else "",
                box=bool(self.asides),
            )
        )

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "title":
            self.in_title = True
        if tag in VOID:
            if tag in {"br", "hr"}:
                self.text.append(" ")
            return
        if tag in BLOCKS:
            # One list item is one block, however many paragraphs it holds; a
            # list inside it starts its own items.
            if self._in_item() and tag not in {"ul", "ol", "li", *HEADINGS}:
                self.text.append(" ")
            else:
                self.flush()
        marks = " ".join([values.get("class", ""), values.get("id", "")])
        skipped = (
            tag in SKIP
            or (tag in SKIP_LANDMARK and not self.in_main)
            or "hidden" in values
            or values.get("aria-hidden") == "true"
            or values.get("role")
            in {"navigation", "banner", "contentinfo", "search", "doc-endnotes"}
            or bool(SKIPPED_CLASS.search(marks))
        )
        aside = tag == "aside" or bool(ASIDE_CLASS.search(marks))
        if len(self.stack) >= MAX_DEPTH:
            return  # deeper than any real page: its tags are read as text only
        frame = _Frame(tag, skipped, aside)
        if tag in HEADINGS:
            frame.kind, frame.level = "heading", int(tag[1])
        elif tag in {"ul", "ol"}:
            self.lists.append([tag == "ol", _number(values.get("start", ""), 1)])
        elif tag == "li":
            frame.kind = "item"
            ordered, number = self.lists[-1] if self.lists else [False, 0]
            if ordered:
                number = _number(values.get("value", ""), number)
                frame.marker, frame.number = "number", str(number)
                self.lists[-1][1] = number + 1
            else:
                frame.marker = "bullet"
        self._push(frame)
        self._table_start(tag)
        if tag in {"main", "article"} or values.get("role") == "main":
            self.in_main += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if not self.open_tags[tag]:
            return
        if tag in {"td", "th", "table"} and self.table is not None:
            self._table_end(tag)
        if tag in BLOCKS:
            if self._in_item() and tag not in {"ul", "ol", "li", *HEADINGS}:
                self.text.append(" ")
            else:
                self.flush()
        while self.stack:
            frame = self.stack[-1]
            if frame.kind:
                self.flush()
            self._pop()
            if frame.tag in {"main", "article"}:
                self.in_main = max(0, self.in_main - 1)
            if frame.tag in {"ul", "ol"} and self.lists:
                self.lists.pop()
            if frame.tag == tag:
                break

    def _table_start(self, tag: str) -> None:
        if tag == "table":
            if self.table_depth == 0 and not self.skipping:
                self.table = []
                self.table_box = bool(self.asides)
            self.table_depth += 1
        elif self.table is not None and self.table_depth == 1:
            if tag == "tr":
                self.table.append([])
            elif tag in {"td", "th"}:
                if not self.table:
                    self.table.append([])
                self.cell = []

    def _table_end(self, tag: str) -> None:
        assert self.table is not None  # noqa: S101 - called only inside a table
        if tag in {"td", "th"} and self.table_depth == 1 and self.cell is not None:
            self.flush()
            self.table[-1].append(" ".join(self.cell))
            self.cell = None
        elif tag == "table":
            self.flush()
            self.table_depth -= 1
            if self.table_depth == 0:
                rows, self.table = self.table, None
                if not self.has_main or self.in_main:
                    self.blocks.extend(table_blocks(rows, box=self.table_box))

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if self.open_tags["sup"] and re.fullmatch(
            r"\s*[\d,*\u2020\u2021\u00a7\[\]]+\s*", data
        ):
            return  # a footnote marker
        self.text.append(data)


# A table of items is told by its header row: which column holds what.
COLUMNS = {
    "number": re.compile(r"^(?:no\.?|number|ref\.?|reference|#|item|rec\.? no\.?)$"),
    "text": re.compile(
        r"recommend|area for improvement|afi|cause of concern|wording|action"
    ),
    "owners": re.compile(
        r"owner|lead|responsib|addressed|who|organisation|organization|body|for$"
    ),
    "deadline": re.compile(r"deadline|target|timescale|by when|due|date|when"),
}


MAX_DEPTH = 1000


def _number(value: str, default: int) -> int:
    """A list's start or an item's value: plain digits only ("²" is not one)."""
    value = value.strip()
    return int(value) if re.fullmatch(r"[0-9]{1,6}", value) else default


def table_blocks(rows: list[list[str]], *, box: bool) -> list[Block]:
    """A table's blocks: a table of items (its header row names a recommendation
    column) gives one item per row with its owner and deadline cells; any other
    table, each cell as a paragraph."""
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    columns: dict[str, int] = {}
    if len(rows) >= 2:
        for index, cell in enumerate(rows[0]):
            key = cell.strip().lower()
            for name, pattern in COLUMNS.items():
                if name not in columns and pattern.search(key):
                    if name == "number" and not pattern.match(key):
                        continue
                    columns[name] = index
                    break
    if "text" not in columns:
        return [
            Block(kind="paragraph", text=cell, box=box)
            for row in rows
            for cell in row
            if cell.strip()
        ]

    def column(row: list[str], name: str) -> str:
        index = columns.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    return [
        Block(
            kind="item",
            text=column(row, "text"),
            marker="number" if column(row, "number") else "bullet",
            number=column(row, "number"),
            owners=column(row, "owners"),
            deadline=column(row, "deadline"),
            table=True,
            box=box,
        )
        for row in rows[1:]
        if column(row, "text")
    ]


def read(data: bytes) -> tuple[list[Block], str]:
    """The page's blocks and its title."""
    text = _decode(data)
    # Whether the page marks its main content, scripts and comments aside.
    markup = re.sub(
        r"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->",
        "",
        text,
        flags=re.IGNORECASE | re.DOTALL,
    )
    finder = _Reader(
        has_main=bool(
            re.search(r"<(?:main|article)\b|role=[\"']?main", markup, re.IGNORECASE)
        )
    )
    finder.feed(text)
    finder.close()
    finder.flush()
    title = re.sub(r"\s+", " ", finder.title).strip()
    title = re.split(
        r"\s+[-|\u2013]\s+(?:hmicfrs|his majesty|gov\.uk)", title, flags=re.I
    )[0]
    headings = [b.text for b in finder.blocks if b.kind == "heading" and b.level == 1]
    return join_broken(finder.blocks), headings[0] if headings else title


def _decode(data: bytes) -> str:
    head = data[:2048].decode("ascii", "replace")
    match = re.search(r"charset=[\"']?([\w-]+)", head, re.IGNORECASE)
    for encoding in [match[1] if match else "", "utf-8", "cp1252"]:
        if not encoding:
            continue
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", "replace")
