"""Shared parts of the blind2 builder: items, wording markup, the three renderers
(PDF, pasted text, saved web page) and the checks each case must pass.

Wording markup, used in the case modules and never part of an item's wording:
`^N` is a footnote marker (a superscript in a PDF, a `<sup>` link in a web page,
digits glued to the word in pasted text), `~` a place where a long word may be
hyphenated at a line end, `**…**` a bold run (a run-in label such as
"Area for improvement 1:").
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

OWNER_CODES = {
    "chief_constable",
    "pcc",
    "npcc",
    "apcc",
    "home_office",
    "college_of_policing",
    "iopc",
    "hmicfrs",
    "other",
}
ITEM_KINDS = {"recommendation", "area_for_improvement", "cause_of_concern"}
REPORT_KINDS = {
    "peel",
    "national_thematic",
    "joint",
    "force",
    "pcc_commissioned",
    "home_secretary_commissioned",
    "super_complaint",
    "post_inspection_review",
}
MAX_INPUT_BYTES = 200 * 1024


def clean(src: str) -> str:
    """An item's wording from its marked-up source: markers out, whitespace single."""
    text = re.sub(r"\^\d+", "", src)
    text = text.replace("~", "").replace("**", "")
    return " ".join(text.split())


def letters(text: str) -> str:
    """Letters only, lower case: what the presence check compares."""
    return re.sub(
        r"[^a-z]", "", text.lower().replace("\ufb01", "fi").replace("\ufb02", "fl")
    )


@dataclass
class Item:
    reference: str
    kind: str
    src: str
    owners: list[str] = field(default_factory=list)
    other_owners: list[str] = field(default_factory=list)
    target_date: str | None = None
    cause_of_concern: str = ""
    # An entry of a list under a lead-in: its trailing list punctuation goes.
    listed: bool = False

    @property
    def text(self) -> str:
        text = clean(self.src)
        if self.listed:
            text = re.sub(r"(;|; and|; or|,|, and)$", "", text)
        return text

    def as_json(self) -> dict:
        return {
            "reference": self.reference,
            "kind": self.kind,
            "owners": list(self.owners),
            "other_owners": list(self.other_owners),
            "target_date": self.target_date,
            "cause_of_concern": self.cause_of_concern,
            "text": self.text,
        }


def rec(ref, src, owners, date=None, *, other=(), coc="", listed=False):
    return Item(
        ref, "recommendation", src, list(owners), list(other), date, coc, listed
    )


def afi(ref, src, owners, date=None, *, other=(), listed=False):
    return Item(
        ref, "area_for_improvement", src, list(owners), list(other), date, "", listed
    )


def coc(ref, src, owners, *, other=()):
    return Item(ref, "cause_of_concern", src, list(owners), list(other), None)


@dataclass
class Case:
    slug: str
    title: str
    kind: str
    published_on: str
    input: str
    source: str
    provenance: str
    layouts: list[str]
    items: list[Item]
    data: bytes = b""
    # Text of the input an administrator would read: for the presence check.
    body_text: str = ""
    # Page-furniture strings that must be in the input (headers, footers).
    furniture: list[str] = field(default_factory=list)
    # The whole input's text (a PDF's text layer with ligature glyphs kept).
    full_text: str = ""
    # Regular expressions the full text must match (a ligature, a hyphenation).
    must_contain: list[str] = field(default_factory=list)
    crossing: list[str] = field(default_factory=list)
    must_cross: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "title": self.title,
            "set": "blind2",
            "kind": self.kind,
            "published_on": self.published_on,
            "input": self.input,
            "source": self.source,
            "provenance": self.provenance,
            "layouts": self.layouts,
            "refused": False,
            "items": [item.as_json() for item in self.items],
        }


# --------------------------------------------------------------------------- checks


def check_case(case: Case) -> list[str]:
    """Problems with a case: the case.json rules of the corpus README, and every
    item's wording present in the input's text."""
    problems = []
    if case.kind not in REPORT_KINDS:
        problems.append(f"report kind {case.kind!r}")
    dt.date.fromisoformat(case.published_on)
    if case.source not in {"real", "mixed", "constructed"}:
        problems.append(f"source {case.source!r}")
    if len(case.data) >= MAX_INPUT_BYTES:
        problems.append(f"input is {len(case.data)} bytes")
    refs = [item.reference for item in case.items]
    if len(refs) != len(set(refs)):
        problems.append(f"duplicate references in {refs}")
    cocs = {item.reference for item in case.items if item.kind == "cause_of_concern"}
    body = letters(case.body_text)
    for item in case.items:
        where = f"{item.reference}: "
        if item.kind not in ITEM_KINDS:
            problems.append(where + f"kind {item.kind!r}")
        if not set(item.owners) <= OWNER_CODES:
            problems.append(where + f"owners {item.owners}")
        if len(set(item.owners)) != len(item.owners):
            problems.append(where + "owner repeated")
        if ("other" in item.owners) != bool(item.other_owners):
            problems.append(where + "other_owners must be given exactly when 'other'")
        if item.target_date is not None:
            dt.date.fromisoformat(item.target_date)
        if item.kind == "cause_of_concern" and item.target_date is not None:
            problems.append(where + "a cause of concern has no date")
        if item.cause_of_concern:
            if item.kind != "recommendation":
                problems.append(where + "only recommendations answer a cause")
            if item.cause_of_concern not in cocs:
                problems.append(where + f"no {item.cause_of_concern}")
        if item.kind == "cause_of_concern":
            answers = [i for i in case.items if i.cause_of_concern == item.reference]
            owners = {o for i in answers for o in i.owners}
            if not answers or set(item.owners) != owners:
                problems.append(where + "owners must be those of its recommendations")
        if re.search(r"[\^~*]", item.text) or "  " in item.text:
            problems.append(where + "markup left in the wording")
        if letters(item.text) not in body:
            problems.append(where + "wording not found in the input")
    for piece in case.furniture:
        if piece not in case.full_text:
            problems.append(f"page furniture {piece!r} not in the input")
    for mark in case.must_contain:
        if not re.search(mark, case.full_text):
            problems.append(f"the input lacks {mark!r}")
    for ref in case.must_cross:
        if ref not in case.crossing:
            problems.append(f"{ref} should cross a page break but does not")
    return problems


def check_written(folder: Path) -> list[str]:
    """The case.json rules again, on the file as written: it reads back, the kinds
    and codes are valid, references unique, dates ISO, causes exist, other_owners
    present exactly when "other" is an owner, the input exists and is small."""
    problems = []
    data = json.loads((folder / "case.json").read_text(encoding="utf-8"))
    keys = ["title", "set", "kind", "published_on", "input", "source"]
    keys += ["provenance", "layouts", "refused", "items"]
    if list(data) != keys:
        problems.append(f"keys {list(data)}")
    if data["set"] != "blind2" or data["refused"] is not False:
        problems.append("set or refused")
    if data["kind"] not in REPORT_KINDS:
        problems.append(f"kind {data['kind']}")
    dt.date.fromisoformat(data["published_on"])
    source = folder / data["input"]
    if not source.exists() or source.stat().st_size >= MAX_INPUT_BYTES:
        problems.append("input missing or too large")
    refs = [i["reference"] for i in data["items"]]
    if len(set(refs)) != len(refs):
        problems.append("references not unique")
    cocs = {i["reference"] for i in data["items"] if i["kind"] == "cause_of_concern"}
    for i in data["items"]:
        if set(i) != {
            "reference",
            "kind",
            "owners",
            "other_owners",
            "target_date",
            "cause_of_concern",
            "text",
        }:
            problems.append(f"{i['reference']}: keys")
        if i["kind"] not in ITEM_KINDS or not set(i["owners"]) <= OWNER_CODES:
            problems.append(f"{i['reference']}: kind or owners")
        if ("other" in i["owners"]) != bool(i["other_owners"]):
            problems.append(f"{i['reference']}: other_owners")
        if i["target_date"] is not None:
            dt.date.fromisoformat(i["target_date"])
        if i["cause_of_concern"] and i["cause_of_concern"] not in cocs:
            problems.append(f"{i['reference']}: cause {i['cause_of_concern']}")
    return problems


def write_case(case: Case, root: Path) -> None:
    folder = root / case.slug
    folder.mkdir(parents=True, exist_ok=True)
    (folder / case.input).write_bytes(case.data)
    (folder / "case.json").write_text(
        json.dumps(case.as_json(), ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )


def crossing_items(items: list[Item], pages: list[str]) -> list[str]:
    """References of the items whose wording starts on one page and ends on a later
    one, given each page's body text."""
    starts, joined = [], ""
    for page in pages:
        starts.append(len(joined))
        joined += letters(page)
    found = []
    for item in items:
        at = joined.find(letters(item.text))
        if at < 0:
            continue
        end = at + len(letters(item.text)) - 1
        first = max(i for i, s in enumerate(starts) if s <= at)
        last = max(i for i, s in enumerate(starts) if s <= end)
        if last > first:
            found.append(item.reference)
    return found


# ------------------------------------------------------------------- inline markup


def runs_of(src: str, *, bold: bool = False) -> list[tuple[str, str]]:
    """Split marked-up text into (style, text) runs: style "r", "b" or "sup"."""
    runs: list[tuple[str, str]] = []
    state = "b" if bold else "r"
    for piece in re.split(r"(\*\*|\^\d+)", src):
        if piece == "**":
            state = "r" if state == "b" else "b"
        elif piece.startswith("^") and piece[1:].isdigit():
            runs.append(("sup", piece[1:]))
        elif piece:
            runs.append((state, piece))
    return runs


def auto_points(plain: str) -> list[int]:
    """Where a long lower-case word may break when no "~" is given: before a
    consonant that is followed by a vowel ("infor-mation", "arrange-ments"), at
    least four letters from either end."""
    core = plain.rstrip(".,;:\u2019\u201d)")
    if len(core) < 10 or not core.isalpha() or not core.islower() or "~" in plain:
        return []
    vowels = set("aeiouy")
    return [
        i
        for i in range(4, len(core) - 3)
        if core[i] not in vowels
        and core[i + 1] in vowels
        and core[i - 1 : i + 1] not in {"qu", "ck"}
        and core[i] != "x"
    ]


def ligate(text: str) -> str:
    return text.replace("fi", "\ufb01").replace("fl", "\ufb02")


# ---------------------------------------------------------------------------- PDF

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
PAGE_W, PAGE_H = 595.27, 841.89


def _register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "B2Sans" in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont("B2Sans", str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(
        TTFont("B2Sans-Bold", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    )
    pdfmetrics.registerFont(
        TTFont("B2Sans-Italic", str(FONT_DIR / "DejaVuSans-Oblique.ttf"))
    )


STYLES = {
    # name: (font, size, leading, space before, space after)
    "title": ("B2Sans-Bold", 24, 30, 0, 14),
    "subtitle": ("B2Sans", 14, 19, 0, 10),
    "h1": ("B2Sans-Bold", 17, 22, 6, 10),
    "h2": ("B2Sans-Bold", 13, 17, 10, 6),
    "h3": ("B2Sans-Bold", 11, 14, 8, 4),
    "p": ("B2Sans", 10.5, 14, 0, 7),
    "small": ("B2Sans", 9, 12, 0, 5),
    "cell": ("B2Sans", 9, 11.5, 0, 0),
    "cellhead": ("B2Sans-Bold", 9, 11.5, 0, 0),
}


@dataclass
class _Word:
    runs: list[tuple[str, str]]  # (style, text) with "~" hyphen points kept

    def plain(self) -> str:
        return "".join(t for s, t in self.runs)


class PdfBuilder:
    """A small page-layout engine on the reportlab canvas: headings, wrapped and
    hyphenated paragraphs, lists, tables, practice boxes, one or two columns, a
    running header and footer, and footnotes at the foot of the page where their
    marker falls."""

    def __init__(
        self,
        *,
        title: str,
        header: str,
        footer_left: str,
        footer_right: str = "{page}",
        notes: dict[str, str] | None = None,
        ligatures: bool = True,
        cover: bool = True,
        margin: float = 62,
    ):
        from reportlab.pdfgen import canvas

        _register_fonts()
        self.buffer = io.BytesIO()
        self.canvas = canvas.Canvas(self.buffer, pagesize=(PAGE_W, PAGE_H), invariant=1)
        self.canvas.setTitle(title)
        self.canvas.setAuthor("HMICFRS")
        self.header, self.footer_left, self.footer_right = (
            header,
            footer_left,
            footer_right,
        )
        self.notes_text = notes or {}
        self.ligatures = ligatures
        self.cover = cover
        self.margin = margin
        self.page = 1
        self.page_notes: list[str] = []
        self.columns = False
        self.pages_frames: list[list[tuple[float, float, float, float]]] = [[]]
        self.closed = False
        self.auto_hyphens = True
        self._start_frames(PAGE_H - 70)

    # ----------------------------------------------------------- frames and pages

    @property
    def base_bottom(self) -> float:
        return 58.0

    def _notes_height(self, notes: list[str]) -> float:
        if not notes:
            return 0.0
        return 10 + 10.5 * sum(
            len(self._wrap_plain(self.notes_text[n], 8)) for n in notes
        )

    def _bottom(self, notes: list[str] | None = None) -> float:
        notes = self.page_notes if notes is None else notes
        reserve = 34.0 if self.columns else 0.0
        return self.base_bottom + max(self._notes_height(notes), reserve)

    def _start_frames(self, top: float) -> None:
        left, right = self.margin, PAGE_W - self.margin
        if self.columns:
            gap = 18
            width = (right - left - gap) / 2
            self.frames = [(left, width), (left + width + gap, width)]
        else:
            self.frames = [(left, right - left)]
        self.frame_index = 0
        self.frame_top = top
        self.y = top
        self.closed = False

    @property
    def x(self) -> float:
        return self.frames[self.frame_index][0]

    @property
    def width(self) -> float:
        return self.frames[self.frame_index][1]

    def _close_frame(self, bottom: float | None = None) -> None:
        if self.closed:
            return
        x, w = self.frames[self.frame_index]
        low = self._bottom() if bottom is None else bottom
        # pdfplumber coordinates: top measured from the top of the page.
        self.pages_frames[-1].append(
            (x - 4, PAGE_H - self.frame_top - 4, x + w + 4, PAGE_H - low + 2)
        )
        self.closed = True

    def _next_frame(self) -> None:
        self._close_frame()
        if self.frame_index + 1 < len(self.frames):
            self.frame_index += 1
            self.y = self.frame_top
            self.closed = False
        else:
            self.new_page()

    def new_page(self) -> None:
        self._close_frame()
        self._furniture()
        self.canvas.showPage()
        self.page += 1
        self.page_notes = []
        self.pages_frames.append([])
        self._start_frames(PAGE_H - 70)

    def _furniture(self) -> None:
        c = self.canvas
        if self.cover and self.page == 1:
            return
        c.setFont("B2Sans", 8.5)
        c.setFillGray(0.3)
        c.drawString(self.margin, PAGE_H - 40, self.header)
        c.setLineWidth(0.4)
        c.line(self.margin, PAGE_H - 46, PAGE_W - self.margin, PAGE_H - 46)
        c.drawString(self.margin, 30, self.footer_left)
        c.drawRightString(
            PAGE_W - self.margin, 30, self.footer_right.format(page=self.page)
        )
        c.setFillGray(0)
        if self.page_notes:
            y = self.base_bottom + self._notes_height(self.page_notes) - 4
            c.line(self.margin, y, self.margin + 120, y)
            y -= 10
            c.setFont("B2Sans", 8)
            for note in self.page_notes:
                lines = self._wrap_plain(self.notes_text[note], 8)
                for i, line in enumerate(lines):
                    if i == 0:
                        c.setFont("B2Sans", 6)
                        c.drawString(self.margin, y + 3, note)
                        c.setFont("B2Sans", 8)
                    c.drawString(self.margin + 8, y, line)
                    y -= 10.5

    def start_columns(self) -> None:
        """Two columns from here to the end of the page and on every later page."""
        self._close_frame(bottom=self.y - 2)
        self.columns = True
        self._start_frames(self.y - 4)

    def finish(self) -> bytes:
        self._close_frame()
        self._furniture()
        self.canvas.showPage()
        self.canvas.save()
        return self.buffer.getvalue()

    # ------------------------------------------------------------------ wrapping

    def _width(self, style: str, text: str, size: float) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        font = {
            "r": "B2Sans",
            "b": "B2Sans-Bold",
            "i": "B2Sans-Italic",
            "sup": "B2Sans",
        }[style]
        if style == "sup":
            size = size * 0.62
        return stringWidth(text.replace("~", ""), font, size)

    def _wrap_plain(self, text: str, size: float) -> list[str]:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        width = PAGE_W - 2 * self.margin - 8
        lines, line = [], ""
        for word in text.split():
            trial = f"{line} {word}".strip()
            if stringWidth(trial, "B2Sans", size) > width and line:
                lines.append(line)
                line = word
            else:
                line = trial
        return [*lines, line] if line else lines

    def _words(self, src: str, base: str) -> list[_Word]:
        words: list[_Word] = []
        current: list[tuple[str, str]] = []
        for style, text in runs_of(src, bold=base == "b"):
            if style == "sup":
                current.append(("sup", text))
                continue
            if style == "r" and base == "i":
                style = "i"
            parts = re.split(r"(\s+)", text)
            for part in parts:
                if not part:
                    continue
                if part.isspace():
                    if current:
                        words.append(_Word(current))
                        current = []
                else:
                    current.append((style, part))
        if current:
            words.append(_Word(current))
        return words

    def _word_width(self, word: _Word, size: float) -> float:
        return sum(self._width(s, t, size) for s, t in word.runs)

    def _split_word(self, word: _Word, size: float, room: float):
        """The longest head of `word` (ending at a "~" point, with a hyphen added,
        or at a real hyphen) that fits in `room`, and the rest; or None."""
        plain = word.plain()
        points = [m.start() for m in re.finditer("~", plain)]
        points += [m.end() for m in re.finditer(r"(?<=[a-z])-(?=[a-z])", plain)]
        if any(s == "sup" for s, _ in word.runs) or not self.auto_hyphens:
            auto = []
        else:
            auto = auto_points(plain)
        for point in sorted(points + auto, reverse=True):
            head, tail = self._cut(word, point)
            if plain[point - 1] != "-":
                head.runs.append((head.runs[-1][0], "-"))
            if self._word_width(head, size) <= room:
                return head, tail
        return None

    @staticmethod
    def _cut(word: _Word, point: int) -> tuple[_Word, _Word]:
        head, tail, seen = [], [], 0
        for style, text in word.runs:
            if seen + len(text) <= point:
                head.append((style, text))
            elif seen >= point:
                tail.append((style, text))
            else:
                head.append((style, text[: point - seen]))
                tail.append((style, text[point - seen :]))
            seen += len(text)
        tail = [(s, t.lstrip("~")) for s, t in tail if t.lstrip("~")]
        return _Word(head), _Word(tail)

    def _lines(
        self, words: list[_Word], size: float, width: float
    ) -> list[list[_Word]]:
        space = self._width("r", " ", size)
        lines: list[list[_Word]] = []
        line: list[_Word] = []
        used = 0.0
        queue = list(words)
        while queue:
            word = queue.pop(0)
            w = self._word_width(word, size)
            need = w + (space if line else 0)
            if used + need <= width:
                line.append(word)
                used += need
                continue
            split = self._split_word(word, size, width - used - (space if line else 0))
            if split and line:
                head, tail = split
                line.append(head)
                queue.insert(0, tail)
            elif line:
                queue.insert(0, word)
            else:
                line.append(word)  # longer than a line: let it run over
            lines.append(line)
            line, used = [], 0.0
        if line:
            lines.append(line)
        return lines

    # ------------------------------------------------------------------- drawing

    def _draw_line(self, line: list[_Word], x: float, y: float, size: float) -> None:
        c = self.canvas
        fonts = {"r": "B2Sans", "b": "B2Sans-Bold", "i": "B2Sans-Italic"}
        # Join runs of one style across words so that the text layer has spaces.
        segments: list[tuple[str, str]] = []
        for n, word in enumerate(line):
            for k, (style, text) in enumerate(word.runs):
                text = text.replace("~", "")
                if n and k == 0:
                    text = " " + text
                if segments and segments[-1][0] == style:
                    segments[-1] = (style, segments[-1][1] + text)
                else:
                    segments.append((style, text))
        for style, text in segments:
            if style == "sup":
                lead = text.startswith(" ")
                if lead:
                    x += self._width("r", " ", size)
                c.setFont("B2Sans", size * 0.62)
                c.drawString(x, y + size * 0.38, text.strip())
                x += self._width("sup", text.strip(), size)
                continue
            shown = ligate(text) if self.ligatures else text
            c.setFont(fonts[style], size)
            c.drawString(x, y, shown)
            x += self._width(style, text, size)

    def _notes_in(self, line: list[_Word]) -> list[str]:
        return [t for w in line for s, t in w.runs if s == "sup"]

    def _place(self, lines, size, leading, indent=0.0, marker=None, bar=False):
        for i, line in enumerate(lines):
            new_notes = [n for n in self._notes_in(line) if n not in self.page_notes]
            if self.y - leading < self._bottom(self.page_notes + new_notes):
                self._next_frame()
                new_notes = [
                    n for n in self._notes_in(line) if n not in self.page_notes
                ]
            self.page_notes.extend(new_notes)
            self.y -= leading
            x = self.x + indent
            if marker and i == 0:
                self.canvas.setFont("B2Sans", size)
                self.canvas.drawString(self.x + indent - 18, self.y, marker)
            if bar:
                self.canvas.setFillGray(0.55)
                self.canvas.rect(self.x, self.y - 3.5, 2.5, leading, stroke=0, fill=1)
                self.canvas.setFillGray(0)
            self._draw_line(line, x, self.y, size)

    def _room(self) -> float:
        return self.y - self._bottom()

    # ------------------------------------------------------------------- blocks

    def block(self, kind: str, content, **options) -> None:
        if kind == "break":
            self.new_page()
            return
        if kind == "columns":
            self.start_columns()
            return
        if kind == "spacer":
            self.y -= content
            return
        if kind in {"bullets", "lettered", "numbered"}:
            self.list_block(kind, content, **options)
            return
        if kind == "table":
            self.table(**content)
            return
        if kind == "box":
            self.box(content, **options)
            return
        font, size, leading, before, after = STYLES[kind]
        base = {"B2Sans-Bold": "b", "B2Sans-Italic": "i"}.get(font, "r")
        self.auto_hyphens = kind in {"p", "small"}
        lines = self._lines(self._words(content, base), size, self.width)
        self.auto_hyphens = True
        if kind.startswith("h") and self.y != self.frame_top:
            self.y -= before
            if self._room() < leading * len(lines) + 3 * 14:
                self._next_frame()
        self._place(lines, size, leading)
        self.y -= after

    def list_block(self, kind, entries, indent=20.0):
        _, size, leading, _, after = STYLES["p"]
        for n, entry in enumerate(entries, start=1):
            if isinstance(entry, tuple):
                marker, text = entry
            else:
                marker = {"bullets": "\u2022", "numbered": f"{n}."}.get(
                    kind, f"({chr(96 + n)})"
                )
                text = entry
            lines = self._lines(self._words(text, "r"), size, self.width - indent)
            self._place(lines, size, leading, indent=indent, marker=marker)
            self.y -= 4
        self.y -= after - 4

    def box(self, paragraphs, title=None):
        _, size, leading, _, after = STYLES["p"]
        self.y -= 4
        if title:
            lines = self._lines(self._words(title, "b"), size, self.width - 12)
            if self._room() < leading * 3:
                self._next_frame()
            self._place(lines, size, leading, indent=10, bar=True)
        for text in paragraphs:
            lines = self._lines(self._words(text, "r"), size, self.width - 12)
            self._place(lines, size, leading, indent=10, bar=True)
        self.y -= after + 4

    def table(self, widths, header, rows):
        _, size, leading, _, _ = STYLES["cell"]
        total = sum(widths)
        widths = [w * self.width / total for w in widths]
        pad = 4

        def layout(row, base):
            return [
                self._lines(self._words(text, base), size, w - 2 * pad)
                for text, w in zip(row, widths, strict=True)
            ]

        def draw(cells, bold):
            height = max(len(c) for c in cells) * leading + 2 * pad
            if self.y - height < self._bottom():
                return False
            top = self.y
            x = self.x
            c = self.canvas
            if bold:
                c.setFillGray(0.88)
                c.rect(self.x, top - height, sum(widths), height, stroke=0, fill=1)
                c.setFillGray(0)
            for lines, w in zip(cells, widths, strict=True):
                y = top - pad
                for line in lines:
                    y -= leading
                    self._draw_line(line, x + pad, y + 2.5, size)
                x += w
            c.setLineWidth(0.5)
            c.rect(self.x, top - height, sum(widths), height, stroke=1, fill=0)
            x = self.x
            for w in widths[:-1]:
                x += w
                c.line(x, top, x, top - height)
            self.y -= height
            return True

        head = layout(header, "b")
        if self._room() < 80:
            self._next_frame()
        draw(head, True)
        for row in rows:
            cells = layout(row, "r")
            if not draw(cells, False):
                self._next_frame()
                draw(head, True)
                draw(cells, False)
        self.y -= 10


def build_pdf(blocks, **options) -> tuple[bytes, list[str]]:
    """The PDF of `blocks` and, per page, the text of its body frames (header,
    footer and footnotes left out), read back with pdfplumber."""
    import pdfplumber

    builder = PdfBuilder(**options)
    for block in blocks:
        kind, content, *rest = block
        builder.block(kind, content, **(rest[0] if rest else {}))
    data = builder.finish()
    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page, frames in zip(pdf.pages, builder.pages_frames, strict=True):
            parts = []
            for x0, top, x1, bottom in frames:
                if bottom - top < 2:
                    continue
                crop = page.crop((max(x0, 0), max(top, 0), min(x1, PAGE_W), bottom))
                parts.append(crop.extract_text() or "")
            pages.append("\n".join(parts))
    return data, pages


def page_texts(data: bytes) -> list[str]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def build_pdf_tuned(make_blocks, accept, *, pads=range(0, 420, 6), **options):
    """Build with the first padding (points of space before some block, put where
    `make_blocks(pad)` puts it) for which `accept(data, pages)` holds: used to
    place an item across a page break with a footnote on its first page."""
    for pad in pads:
        data, pages = build_pdf(make_blocks(pad), **options)
        if accept(data, pages):
            return data, pages
    raise ValueError("no padding gives the layout asked for")


def crosses_with_note(item, note: str):
    """An `accept` for build_pdf_tuned: `item` crosses a page break, and the page
    it starts on carries footnote `note` at its foot."""

    def accept(data, pages) -> bool:
        if item.reference not in crossing_items([item], pages):
            return False
        target = letters(item.text)[:40]
        full = page_texts(data)
        for body, whole in zip(pages, full, strict=True):
            if target in letters(body):
                return re.search(rf"(?m)^{note} \S", whole) is not None
        return False

    return accept


def pdf_full_text(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(
            page.extract_text(expand_ligatures=False) or "" for page in pdf.pages
        )


# -------------------------------------------------------------------- pasted text


class TextBuilder:
    """Text as copied out of a PDF viewer: hard line breaks at the page's line
    width, a running header at the top of each page, footnotes and the page
    number at its foot, list markers as the viewer gives them, ligature glyphs
    kept, no blank lines."""

    def __init__(
        self,
        *,
        header: str,
        first_page: int,
        notes: dict[str, str],
        width: int = 92,
        lines_per_page: int = 44,
        ligatures: bool = True,
        page_label: str = "{page}",
        first_page_lines: int | None = None,
        start_header: bool = True,
    ):
        self.header, self.notes, self.width = header, notes, width
        self.lines_per_page, self.ligatures = lines_per_page, ligatures
        self.page_label = page_label
        self.page = first_page
        self.out: list[str] = []
        self.page_lines: list[str] = []
        self.page_notes: list[str] = []
        self.capacity = first_page_lines or lines_per_page
        self.pages_body: list[list[str]] = [[]]
        self.furniture: list[str] = [header]
        if start_header:
            self.out.append(header)

    def _room(self, notes) -> int:
        return self.capacity - sum(len(self._note_lines(n)) for n in notes)

    def _note_lines(self, n: str) -> list[str]:
        return self._wrap_plain(f"{n} {self.notes[n]}")

    def _wrap_plain(self, text: str) -> list[str]:
        lines, line = [], ""
        for word in text.split():
            if len(line) + 1 + len(word) > self.width and line:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        return [*lines, line] if line else lines

    def _end_page(self) -> None:
        for n in self.page_notes:
            note_lines = self._note_lines(n)
            self.out.extend(note_lines)
            self.furniture.extend(note_lines)
        label = self.page_label.format(page=self.page)
        self.out.append(label)
        self.furniture.append(label)
        self.page += 1
        self.page_lines, self.page_notes = [], []
        self.capacity = self.lines_per_page
        self.out.append(self.header)
        self.pages_body.append([])

    def line(self, text: str, notes: list[str] | None = None) -> None:
        notes = [n for n in (notes or []) if n not in self.page_notes]
        if len(self.page_lines) + 1 > self._room(self.page_notes + notes):
            self._end_page()
        self.page_notes.extend(notes)
        self.page_lines.append(text)
        self.pages_body[-1].append(text)
        self.out.append(text)

    def paragraph(self, src: str, first: str = "", indent: str = "") -> None:
        """Wrap `src`; `first` is put before the first line (a list marker)."""
        words = []
        for piece in re.split(r"\s+", src.strip()):
            piece = piece.replace("**", "")
            words.append(piece)
        lines: list[tuple[str, list[str]]] = []
        line, notes = first, []
        limit = self.width
        queue = list(words)
        while queue:
            word = queue.pop(0)
            found = re.findall(r"\^(\d+)", word)
            shown = re.sub(r"\^(\d+)", r"\1", word)
            plain = shown.replace("~", "")
            sep = " " if line and not line[-1].isspace() else ""
            if len(line) + len(sep) + len(plain) <= limit:
                line += sep + plain
                notes += found
                continue
            split = self._split(shown, limit - len(line) - len(sep))
            if split and line.strip() and not found:
                head, tail = split
                line += sep + head
                queue.insert(0, tail)
            elif line.strip():
                queue.insert(0, word)
            else:
                line += sep + plain
                notes += found
            lines.append((line, notes))
            line, notes = indent, []
        if line.strip():
            lines.append((line, notes))
        for text, ns in lines:
            self.line(ligate(text) if self.ligatures else text, ns)

    @staticmethod
    def _split(word: str, room: int):
        points = [m.start() for m in re.finditer("~", word)]
        points += [m.end() for m in re.finditer(r"(?<=[a-z])-(?=[a-z])", word)]
        points += auto_points(word)
        for point in sorted(points, reverse=True):
            head = word[:point].replace("~", "")
            tail = word[point:].lstrip("~").replace("~", "")
            if not head.endswith("-"):
                head += "-"
            if len(head) <= room:
                return head, tail
        return None

    def finish(self, *, close_page: bool = False) -> str:
        if close_page:
            self._end_page()
            self.out.pop()  # no header after the last page
        return "\n".join(self.out) + "\n"


def text_body(text: str, furniture: list[str]) -> str:
    """Pasted text without its running headers, page numbers and footnotes, for
    the presence check: lines equal to a furniture line are taken out."""
    drop = set(furniture)
    return "\n".join(line for line in text.splitlines() if line not in drop)


# ---------------------------------------------------------------------- web pages


def inline_html(src: str, *, entities: bool = False, note_prefix: str = "fn") -> str:
    """Marked-up wording as HTML: footnote markers as `<sup>` links, bold runs as
    `<strong>`, optional curly quotes as named entities."""
    out = []
    for style, text in runs_of(src):
        if style == "sup":
            out.append(
                f'<sup><a href="#{note_prefix}{text}" id="{note_prefix}ref{text}"'
                f' class="footnote-link">{text}</a></sup>'
            )
            continue
        shown = html.escape(re.sub(r"\s+", " ", text.replace("~", "")), quote=False)
        if entities:
            shown = (
                shown.replace("\u2019", "&rsquo;")
                .replace("\u2018", "&lsquo;")
                .replace("\u201c", "&ldquo;")
                .replace("\u201d", "&rdquo;")
                .replace("\u2013", "&ndash;")
            )
        out.append(f"<strong>{shown}</strong>" if style == "b" else shown)
    return "".join(out)


def html_body(page: str) -> str:
    """A saved page's visible text, for the presence check."""
    page = re.sub(r"(?is)<(script|style|noscript)\b.*?</\1>", " ", page)
    page = re.sub(r"(?s)<!--.*?-->", " ", page)
    page = re.sub(r"(?s)<[^>]+>", " ", page)
    return html.unescape(page)
