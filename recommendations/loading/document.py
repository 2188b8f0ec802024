"""A report as the loader reads it: a flat run of headings, paragraphs and list items.

Every way a report arrives (pasted text, its PDF, its saved web page) is first turned
into Blocks here or in `pdf` / `webpage`, and the one parser (`textparse`) reads
items from the blocks, so every route finds the same items in the same layout.

Text from PDFs needs mending before it reads as the report does: ligature glyphs
("ﬁ"), words hyphenated at a line end ("improve-" / "ment"), running headers and
footers, page numbers and tables of contents. The helpers for that live here, so
pasted text (usually copied from a PDF viewer) is mended the same way.
"""

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..text import clean_text


@dataclass
class Block:
    """One heading, paragraph or list item.

    `marker` is "bullet" or "number" for a list item (`number` then holds its
    number), "" otherwise; `level` ranks headings (1 is the largest); `box` marks
    text set apart from the body (a web page's aside, a "Promising practice" box);
    `page` is the PDF page it starts on, 0 when unknown. A row of a table of items
    (a web page's "No. | Recommendation | Owner | Deadline") is an item with `table`
    set, its number cell in `number` and its owner and deadline cells kept.
    """

    kind: str  # "heading", "paragraph" or "item"
    text: str
    level: int = 0
    marker: str = ""
    number: str = ""
    box: bool = False
    page: int = 0
    # A row of a table of items: what its owner and deadline columns say.
    owners: str = ""
    deadline: str = ""
    table: bool = False


LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_LIGATURE = re.compile("[\ufb00-\ufb06]")
# Soft hyphens and zero-width characters that PDFs and web pages carry invisibly.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile("[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")

BULLET = re.compile(
    r"^\s*(?:[\u2022\u25cf\u25aa\u25a0\u2023\u2043\u25e6\u2219\uf0b7\uf0a7*\u2013\u2014-]|o(?=\s))\s+(?P<rest>\S.*)$"
)
NUMBERED = re.compile(
    r"^\s*(?:\((?P<paren>\d{1,3}|[a-z]|[ivx]{1,5})\)\s+|(?P<number>\d{1,3}|[a-z])[.)]"
    r"(?:\s+|(?=[a-z])))(?P<rest>\S.*)$"
)


def starts_item(rest: str, after_lead_in: bool) -> bool:
    """A numbered line's text starts an item: a capital, or any word after a lead-in
    ("Chief constables should: 1. make sure ...")."""
    return bool(re.match(r"[A-Z\u2018\u201c'\"(]", rest)) or (
        after_lead_in and rest[:1].isalpha()
    )


# "Contents ........ 4", "Recommendations 12", "3. Findings .... 17".
TOC_LINE = re.compile(r"^.{2,120}?(?:\s*(?:\.{2,}|\u2026+|\s{2,}|\t)\s*|\s+)\d{1,3}$")
PAGE_NUMBER = re.compile(
    r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$|^\s*\d{1,4}\s*\|\s*page\s*$",
    re.IGNORECASE,
)
# "HMICFRS 2022", "© HMICFRS 2023", "© Crown copyright 2022", "ISBN: 978-1-...".
IMPRINT = re.compile(
    r"^\s*(?:\u00a9\s*)?(?:(?:his|her) majesty's inspectorate[^\n]{0,80}|hmicfrs|"
    r"crown copyright|hmi ?probation|hmcpsi)\s*\(?\d{4}\)?\s*$|^\s*isbn\b|"
    r"^\s*\u00a9\s*\S.{0,60}\d{4}\s*$",
    re.IGNORECASE,
)
# Prefixes whose hyphen is part of the word, so "self-" / "assessment" stays
# "self-assessment" when the line breaks after the hyphen.
HYPHENATED_PREFIXES = {
    "self",
    "non",
    "co",
    "cross",
    "multi",
    "well",
    "long",
    "short",
    "post",
    "pre",
    "anti",
    "ex",
    "inter",
    "sub",
    "over",
    "under",
    "mid",
    "high",
    "low",
    "front",
    "back",
    "end",
    "fast",
    "full",
    "part",
    "wide",
    "one",
    "two",
    "three",
    "four",
    "six",
    "twelve",
    "year",
    "force",
    "risk",
    "evidence",
    "victim",
    "trauma",
    "decision",
    "problem",
    "child",
    "data",
    "out",
    "up",
    "in",
    "on",
    "off",
}
# A line that opens a new ask, so a new paragraph, even straight after another.
NEW_ASK = re.compile(
    r"^(?:(?:by|within|before|in|from) [^,]{3,50}?,? )?(?:the|all|every|each|chief|"
    r"forces?|police|hmicfrs|we recommend|[A-Z]{2,})\b[^.]{0,80}?\b(?:should|must)\b"
    r"(?! also)",
    re.IGNORECASE,
)
CONJUNCTIONS = {"and", "or", "nor", "to", "but"}


def mend(text: str) -> str:
    """Control characters, ligatures, invisible characters and odd spaces mended."""
    text = clean_text(text)
    text = _LIGATURE.sub(lambda m: LIGATURES[m[0]], text)
    text = _INVISIBLE.sub("", text)
    # Compatibility forms PDFs use for quotes and dashes are kept: only spaces.
    return _SPACES.sub(" ", text)


QUOTES = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")


def plain(text: str) -> str:
    """A line as matching sees it: curly quotes straight, dashes as hyphens, lower."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(QUOTES)
    return re.sub("[\u2010-\u2015]", "-", text).lower()


def join_lines(lines: Sequence[str], vocabulary: set[str] | None = None) -> str:
    """Lines of one paragraph as one line: a word hyphenated at a line end is
    joined ("improve-" / "ment"), a real hyphen kept ("short-" / "and long-term",
    "self-" / "assessment", or a hyphenated word the document spells elsewhere)."""
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        m = re.search(r"(\w+)-$", out)
        first = re.match(r"([a-z]\w*)", line)
        if m and first:
            head, tail = m[1], first[1]
            if tail in CONJUNCTIONS:
                out = f"{out} {line}"
            elif vocabulary is not None and (head + tail).lower() in vocabulary:
                out = out[:-1] + line
            elif (
                vocabulary is not None and f"{head}-{tail}".lower() in vocabulary
            ) or head.lower() in HYPHENATED_PREFIXES:
                out = out + line
            else:
                out = out[:-1] + line
            continue
        out = f"{out} {line}"
    return re.sub(r"\s+", " ", out).strip()


def words_of(texts: Iterable[str]) -> set[str]:
    """Every word (hyphenated words whole) the document uses, lower case."""
    found: set[str] = set()
    for text in texts:
        found.update(w.lower() for w in re.findall(r"\w+(?:-\w+)*", text))
    return found


def furniture(lines_by_page: Sequence[Sequence[str]]) -> set[str]:
    """Lines that repeat on several pages (running headers and footers), as keys."""
    if len(lines_by_page) < 2:
        return set()
    seen: Counter[str] = Counter()
    for lines in lines_by_page:
        seen.update({furniture_key(line) for line in lines if line.strip()})
    needed = 2 if len(lines_by_page) < 6 else max(3, len(lines_by_page) // 4)
    return {key for key, count in seen.items() if count >= needed and key}


def furniture_key(line: str) -> str:
    """A line with its numbers and spacing taken out, so "Page 3" matches "Page 4"."""
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", plain(line))).strip()


def is_furniture(line: str) -> bool:
    """A page number or an imprint line such as "© HMICFRS 2023"."""
    return bool(PAGE_NUMBER.match(line) or IMPRINT.match(line))


def contents_lines(lines: Sequence[str]) -> set[int]:
    """Indexes of the lines that belong to a run of table-of-contents entries."""
    marked: set[int] = set()
    run: list[int] = []
    for index, line in enumerate([*lines, ""]):
        text = line.strip()
        dotted = bool(re.search(r"(?:\.{3,}|\u2026{2,}|(?:\. ){3,})\s*\d{1,3}$", text))
        if dotted or (run and TOC_LINE.match(text) and not text.endswith(".")):
            run.append(index)
            continue
        if len(run) >= 3 or any(
            re.search(r"(?:\.{3,}|\u2026{2,})", lines[i]) for i in run
        ):
            marked.update(run)
        run = []
    return marked


def blocks_from_text(text: str) -> list[Block]:
    """Blocks from pasted text: blank lines, bullets, numbers and short lines without
    a full stop (headings) separate them; page furniture is dropped."""
    lines = [mend(line).rstrip() for line in text.splitlines()]
    toc = contents_lines(lines)
    repeated = _repeated_lines(lines)
    notes, lines = _footnotes(lines)
    kept: list[str] = []
    for index, line in enumerate(lines):
        dropped = index in toc or index in notes or is_furniture(line)
        if dropped or (line.strip() and furniture_key(line) in repeated):
            kept.append("")
        else:
            kept.append(line)
    vocabulary = words_of(kept)
    lengths = sorted(len(line.strip()) for line in kept if len(line.strip()) > 40)
    width = lengths[int(len(lengths) * 0.9)] if lengths else 80
    blocks: list[Block] = []
    current: list[str] = []
    current_block: Block | None = None

    def flush() -> None:
        nonlocal current, current_block
        if current_block is not None and current:
            current_block.text = join_lines(current, vocabulary)
            if current_block.text:
                blocks.append(current_block)
        current, current_block = [], None

    previous = ""
    for index, line in enumerate(kept):
        stripped = line.strip()
        if not stripped:
            flush()
            previous = ""
            continue
        following = next((n.strip() for n in kept[index + 1 :] if n.strip()), "")
        bullet = BULLET.match(stripped)
        numbered = NUMBERED.match(stripped)
        ends_sentence = bool(re.search(r"[.!?:;]['\u2019\u201d)]?$", previous))
        numbered_heading = bool(
            numbered
            and _heading_line(numbered["rest"], previous, following)
            and len(numbered["rest"].split()) <= 8
            and not re.search(r"\b(?:should|must|will)\b", numbered["rest"], re.I)
        )
        if bullet and not re.match(r"^\s*-\d", stripped):
            flush()
            current_block = Block(kind="item", text="", marker="bullet")
            current = [bullet["rest"]]
        elif (
            numbered
            and starts_item(
                numbered["rest"],
                previous.endswith(":")
                or (current_block is not None and current_block.marker == "number")
                or (
                    current_block is None
                    and bool(blocks)
                    and blocks[-1].marker == "number"
                ),
            )
            and not numbered_heading
            and (
                not previous
                or ends_sentence
                or current_block is None
                or current_block.kind == "item"
            )
        ):
            flush()
            current_block = Block(
                kind="item",
                text="",
                marker="number",
                number=numbered["paren"] or numbered["number"],
            )
            current = [numbered["rest"]]
        elif numbered_heading or _heading_line(stripped, previous, following):
            # "Responding to the public", "2. Assessing risk and vulnerability".
            flush()
            blocks.append(Block(kind="heading", text=join_lines([stripped]), level=3))
            previous = ""
            continue
        elif (
            current
            and previous
            and ends_sentence
            and stripped[:1].isupper()
            and (
                len(previous) < 0.7 * width
                or NEW_ASK.match(f"{stripped} {following}")
                or HEADINGISH.match(stripped)
            )
        ):
            # A short line ending a sentence ended the paragraph; so does a line
            # that opens a new ask ("The force should ...").
            flush()
            current_block = Block(kind="paragraph", text="")
            current = [stripped]
        else:
            if current_block is None:
                current_block = Block(kind="paragraph", text="")
            current.append(stripped)
        previous = stripped
    flush()
    return rejoin_split_words(join_broken(blocks))


def _repeated_lines(lines: Sequence[str]) -> set[str]:
    """Short lines pasted again and again (a running header copied with each page):
    three times, or twice for a long line that ends no sentence."""
    counts = Counter(
        furniture_key(line) for line in lines if 0 < len(line.strip()) < 120
    )
    return {
        key
        for key, count in counts.items()
        if (
            count >= 3
            or (count == 2 and len(key) > 30 and not re.search(r"[.:;,]$", key))
        )
        and not re.fullmatch(r"[#\W]*", key)
        and not _is_item_word(key)
    }


# "guidance7 and", "list8 promptly": a footnote's number glued to the word it notes.
_MARKER = re.compile(
    r"(?<=[A-Za-z)\u2019'\u201d.,;:])(?<!\d[.,])([1-9]\d{0,2})(?=[\s,.;:)]|$)"
)
_NOTE_LINE = re.compile(r"^\s*([1-9]\d{0,2})\s+(?=[A-Z\u2018\u201c'\"(])")


def _footnotes(lines: list[str]) -> tuple[set[int], list[str]]:
    """Footnotes pasted with the text: the lines of each note (a line starting with
    its number, to the next blank or furniture line) and, in the text, the markers,
    when both are there; (the note lines' indexes, the lines without markers)."""
    markers = {m[1] for line in lines for m in _MARKER.finditer(line)}
    notes: set[int] = set()
    found: set[str] = set()
    index = 0
    while index < len(lines):
        m = _NOTE_LINE.match(lines[index])
        if m and m[1] in markers and not HEADINGISH.match(lines[index]):
            found.add(m[1])
            notes.add(index)
            follow = index + 1
            while (
                follow < len(lines)
                and follow - index <= 3
                and lines[follow].strip()
                and not is_furniture(lines[follow])
                and not _NOTE_LINE.match(lines[follow])
                and not HEADINGISH.match(lines[follow])
            ):
                notes.add(follow)
                follow += 1
            index = follow
            continue
        index += 1
    if not found:
        return set(), lines
    # A note can fall on a page the paste left out: a marker numbered just after
    # the notes found is one too ("accreditation19." after notes 14 to 18).
    numbers = sorted(int(n) for n in found)
    found |= {
        marker for marker in markers if numbers[0] <= int(marker) <= numbers[-1] + 3
    }
    cleaned = [
        _MARKER.sub(lambda m: "" if m[1] in found else m[0], line)
        if i not in notes
        else line
        for i, line in enumerate(lines)
    ]
    return notes, cleaned


HEADINGISH = re.compile(
    r"^\s*(?:recommendations?|areas? for improvement|afi|causes? of concern)\b",
    re.IGNORECASE,
)


def _is_item_word(key: str) -> bool:
    """Headings that rightly repeat: "Recommendation #", "Area for improvement"."""
    return bool(
        re.match(
            r"^(?:recommendations?|areas? for improvement|afi|causes? of concern|"
            r"promising practice|innovative practice|case study|"
            r"(?:to|for) .{0,60}|.{0,60} should:?)\b",
            key,
        )
    )


def _heading_line(line: str, previous: str, following: str) -> bool:
    """A line standing on its own as a heading: short, no closing full stop, not
    the continuation of a sentence nor continued by the next line."""
    if len(line) > 90 or re.search(r"[.,;!?]['\u2019\u201d)]?$", line):
        return False
    if re.search(r"[.!?] [A-Z]", line) or following[:1].islower():
        return False
    if previous and not re.search(r"[.!?:]['\u2019\u201d)]?$", previous):
        return False
    if not re.match(r"[A-Z0-9\u2018\u201c'\"]", line):
        return False
    if line.endswith(":"):
        return len(line) < 60 and not re.search(r"\b(?:should|must|will)\b", line, re.I)
    # "The force should work with the" / "Home Office to ...": a sentence broken
    # before a capital, not a heading.
    if re.search(r"\b(?:should|must|needs? to|will)\b", line, re.IGNORECASE):
        return False
    if re.search(
        r"\b(?:the|a|an|and|or|of|to|with|for|in|on|by|that|its|their)$", line
    ):
        return False
    words = line.split()
    return len(words) <= 12


_TOKEN = re.compile(r"[A-Za-z]+")


def rejoin_split_words(blocks: list[Block]) -> list[Block]:
    """Mend words a PDF's spacing split ("in formation", "ef fi cient"): two
    neighbouring pieces are joined where the document spells the whole word
    elsewhere and one of the pieces is never a word of its own there."""
    words: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    triples: Counter[tuple[str, str, str]] = Counter()
    for block in blocks:
        tokens = [t.lower() for t in _TOKEN.findall(block.text)]
        words.update(tokens)
        pairs.update(itertools.pairwise(tokens))
        triples.update(zip(tokens, tokens[1:], tokens[2:], strict=False))
    split = {
        (a, b)
        for (a, b), count in pairs.items()
        if words[a + b] and (words[a] == count or words[b] == count)
    }
    for (a, b, c), count in triples.items():
        # "ef fi cient": a ligature set apart from both halves of its word.
        if words[a + b + c] and count in (words[a], words[b], words[c]):
            split |= {(a, b), (a + b, c)}
    if not split:
        return blocks

    for block in blocks:
        block.text = _rejoin(block.text, split)
    return blocks


def _rejoin(text: str, split: set[tuple[str, str]]) -> str:
    pieces = re.split(r"([A-Za-z]+)", text)  # words at odd indexes
    out = [pieces[0]]
    index = 1
    while index < len(pieces):
        word = pieces[index]
        # Join while the next piece is a word after a single space, and the pair
        # (or the word so far with it: "ef" "fi" "cient") is a split one.
        while (
            index + 2 < len(pieces)
            and pieces[index + 1] == " "
            and (
                (word.lower(), pieces[index + 2].lower()) in split
                or (pieces[index].lower(), pieces[index + 2].lower()) in split
            )
        ):
            word += pieces[index + 2]
            index += 2
        out.append(word)
        if index + 1 < len(pieces):
            out.append(pieces[index + 1])
        index += 2
    return "".join(out)


# "6.1 Cause of concern: ...", "2.34 The force should ...": a paragraph's number.
PARAGRAPH_NUMBER = re.compile(r"^\d{1,2}\.\d{1,3}(?:\.\d{1,3})?\.?\s+(?=\S)")


def join_broken(blocks: list[Block]) -> list[Block]:
    """Join a paragraph cut by a page break: it does not end a sentence and the next
    one starts in lower case. Paragraph numbers ("6.1") are not text."""
    out: list[Block] = []
    for block in blocks:
        if block.kind != "item" or block.marker != "number":
            block.text = PARAGRAPH_NUMBER.sub("", block.text)
        last = out[-1] if out else None
        if (
            last is not None
            and last.kind in {"paragraph", "item"}
            and block.kind == "paragraph"
            and not re.search(r"[.!?:;]['\u2019\u201d)]?$", last.text)
            and re.match(r"[a-z(]", block.text)
        ):
            last.text = join_lines([last.text, block.text])
            continue
        out.append(block)
    return out
