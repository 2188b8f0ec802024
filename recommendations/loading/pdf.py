"""Read a report's PDF into blocks, in a separate, limited process.

pdfplumber (over pdfminer.six) gives every character with its position, size and
font: that is what tells the body text from page furniture (running headers and
footers, page numbers, "© HMICFRS 2023" lines, found by their place at the page's
edge and their repeating on page after page), footnotes (smaller type below the
body) and footnote markers (small raised figures inside a line), and headings
(larger or bold type) from paragraphs (the space between lines). pypdf gives only
the text, so none of that could be told apart.

Safety: the PDF is read by a child process (`python -m
recommendations.loading.pdf`) with a time limit and a memory limit, so a hostile
file can neither hang nor exhaust the server; pdfminer interprets no JavaScript
and opens no embedded files or links. An encrypted PDF, one with no text layer (a
scan) or with too many pages is refused with a message saying what to do; one
only locked against changes (an owner password, no password to open) is read.
"""

import itertools
import json
import os
import re
import statistics
import subprocess
import sys
from collections import Counter
from dataclasses import asdict
from pathlib import Path
from typing import Any

from .document import (
    BULLET,
    NUMBERED,
    Block,
    contents_lines,
    furniture,
    furniture_key,
    is_furniture,
    join_broken,
    join_lines,
    mend,
    rejoin_split_words,
    starts_item,
    words_of,
)

MAX_PAGES = 600
# Under gunicorn's default 30 s worker timeout, so the page says why, not a 502; a
# 600-page report reads in about 25 s here (0.04 s a page).
TIME_LIMIT_SECONDS = 25
MEMORY_LIMIT_BYTES = 1536 * 1024 * 1024
# The body's type size is the commonest; a footnote's is well below it.
SMALL = 0.9
LARGE = 1.12
EDGE = 0.08  # the top and bottom 8% of the page hold running headers and footers

ENCRYPTED = "encrypted"
NO_TEXT = "no_text"
TOO_MANY_PAGES = "too_many_pages"
UNREADABLE = "unreadable"
TOO_SLOW = "too_slow"


class PdfRefused(ValueError):
    """The PDF cannot be read; `reason` is one of the constants above."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def blocks_from_pdf(data: bytes) -> list[Block]:
    """The PDF's blocks, read by a limited child process; PdfRefused if it cannot."""
    root = Path(__file__).resolve().parents[2]
    try:
        done = subprocess.run(
            [sys.executable, "-m", "recommendations.loading.pdf"],
            input=data,
            capture_output=True,
            timeout=TIME_LIMIT_SECONDS,
            cwd=root,
            env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(root)},
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise PdfRefused(TOO_SLOW) from error
    if done.returncode != 0:
        try:
            reason = json.loads(done.stdout)["refused"]
        except (ValueError, KeyError, TypeError):
            reason = UNREADABLE
        raise PdfRefused(reason)
    return [Block(**block) for block in json.loads(done.stdout)]


def _limits() -> None:
    """The child's own limits, set before it reads anything (no preexec_fn: it is
    unsafe in a threaded server)."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    resource.setrlimit(
        resource.RLIMIT_CPU, (TIME_LIMIT_SECONDS, TIME_LIMIT_SECONDS + 5)
    )


# In the child process ----------------------------------------------------------------


def read(data: bytes) -> list[Block]:
    """The PDF's blocks (run in the child process); PdfRefused if it cannot."""
    import io

    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as error:  # pdfplumber wraps pdfminer's errors in its own
        causes = {type(error), type(error.__context__), type(error.__cause__)}
        for arg in error.args:
            causes.add(type(arg))
        if causes & {PDFPasswordIncorrect, PDFEncryptionError}:
            raise PdfRefused(ENCRYPTED) from error
        raise PdfRefused(UNREADABLE) from error
    with pdf:
        # A PDF locked only against changes (an owner password) opens without a
        # password and pdfminer reads it; one that needs a password to open was
        # refused above.
        if len(pdf.pages) > MAX_PAGES:
            raise PdfRefused(TOO_MANY_PAGES)
        pages = [_page_words(page) for page in pdf.pages]
    sizes: Counter[float] = Counter()
    for _height, words in pages:
        for word in words:
            sizes[round(word["size"] * 2) / 2] += len(word["text"])
    if sum(sizes.values()) < 40:
        raise PdfRefused(NO_TEXT)
    body = sizes.most_common(1)[0][0]
    lines_by_page = [_in_columns(words, height, body) for height, words in pages]
    return _blocks(lines_by_page, body)


def _page_words(page: Any) -> tuple[float, list[dict[str, Any]]]:
    """A page's words, each with its place, size and font.

    From the characters of the page's layout (pdfplumber's `page.layout`, from
    pdfminer) rather than pdfplumber's own `chars`, which turns every glyph's
    attributes into a dictionary first: four times slower, for nothing used here.
    """
    from pdfminer.layout import LTChar, LTContainer

    layout = page.layout
    top_of_page = float(layout.y1)

    def walk(item: Any) -> Any:
        if isinstance(item, LTChar):
            yield item
        elif isinstance(item, LTContainer):
            for child in item:
                yield from walk(child)

    # Characters in rows by their baseline (within a point), top row first.
    rows: list[list[Any]] = []
    for char in sorted(walk(layout), key=lambda c: -c.y0):
        if rows and abs(rows[-1][0].y0 - char.y0) <= 1.0:
            rows[-1].append(char)
        else:
            rows.append([char])
    words: list[dict[str, Any]] = []
    for row in rows:
        word: dict[str, Any] | None = None
        for char in sorted(row, key=lambda c: c.x0):
            text = char.get_text()
            if not text.strip():
                word = None
                continue
            same = (
                word is not None
                and char.x0 - word["x1"] <= WORD_GAP
                and abs(char.size - word["size"]) < 0.01
                and char.fontname == word["fontname"]
            )
            if word is not None and same:
                word["text"] += text
                word["x1"] = max(word["x1"], char.x1)
                word["top"] = min(word["top"], top_of_page - char.y1)
                word["bottom"] = max(word["bottom"], top_of_page - char.y0)
                continue
            word = {
                "text": text,
                "x0": char.x0,
                "x1": char.x1,
                "top": top_of_page - char.y1,
                "bottom": top_of_page - char.y0,
                "size": char.size,
                "fontname": char.fontname,
            }
            words.append(word)
    return float(page.height), words


# Characters further apart than this (points) are two words.
WORD_GAP = 1.5


def _in_columns(
    words: list[dict[str, Any]], height: float, body: float
) -> list[dict[str, Any]]:
    """A page's lines in reading order: where the page is set in two columns (all
    of it, or runs of rows between full-width text), each run is read down its
    left column, then its right one; a row across both (a title, an opening
    paragraph) stays where it stands."""
    rows = _rows(words)
    whole_page = _page_gutter(words)
    gutter = whole_page if whole_page is not None else _gutter(rows)
    if gutter is None:
        return _lines(words, height, body)
    ordered: list[dict[str, Any]] = []
    run: list[list[dict[str, Any]]] = []

    def flush_run() -> None:
        two_sided = sum(
            1
            for row in run
            if any(w["x1"] <= gutter for w in row)
            and any(w["x0"] >= gutter for w in row)
        )
        flat = [w for row in run for w in row]
        # A page in columns throughout may have no row with both (baselines
        # differ between the columns); a run below an opening needs three.
        if whole_page is not None or two_sided >= 3:
            ordered.extend(_lines([w for w in flat if w["x1"] <= gutter], height, body))
            ordered.extend(_lines([w for w in flat if w["x0"] >= gutter], height, body))
        elif flat:
            ordered.extend(_lines(flat, height, body))
        run.clear()

    for row in rows:
        if any(w["x0"] < gutter < w["x1"] for w in row):
            flush_run()
            ordered.extend(_lines(row, height, body))
        else:
            run.append(row)
    flush_run()
    return ordered


# Half the least gap (points) between two columns of text.
GUTTER = 5.0


def _page_gutter(words: list[dict[str, Any]]) -> float | None:
    """The gutter of a page set in two columns throughout: an x near the middle
    that (almost) no word comes near, with a good share of the words each side."""
    if len(words) < 40:
        return None
    left_edge = min(w["x0"] for w in words)
    width = max(w["x1"] for w in words) - left_edge
    best: tuple[int, float] | None = None
    for step in range(30, 71, 2):
        x = left_edge + width * step / 100
        near = sum(1 for w in words if w["x0"] < x + GUTTER and w["x1"] > x - GUTTER)
        left = sum(1 for w in words if w["x1"] <= x)
        if near > len(words) * 0.03 or not (
            len(words) * 0.25 <= left <= len(words) * 0.75
        ):
            continue
        if best is None or near < best[0]:
            best = (near, x)
    return best[1] if best else None


def _rows(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Words in rows by their baseline, top row first."""
    rows: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: w["bottom"]):
        if rows and abs(rows[-1][0]["bottom"] - word["bottom"]) <= 2:
            rows[-1].append(word)
        else:
            rows.append([word])
    return rows


def _gutter(rows: list[list[dict[str, Any]]]) -> float | None:
    """The x of the space between two columns, or None for one column: the x near
    the middle with the most rows that have words on both sides of it and none
    across it (at least five such rows)."""
    words = [w for row in rows for w in row]
    if len(words) < 40:
        return None
    left_edge = min(w["x0"] for w in words)
    width = max(w["x1"] for w in words) - left_edge
    best: tuple[int, float] | None = None
    for step in range(30, 71, 2):
        x = left_edge + width * step / 100
        # A gutter is a wide gap at the same place row after row; a space
        # between two words that happens to fall at x is not one.
        split = sum(
            1
            for row in rows
            if not any(w["x0"] < x + GUTTER and w["x1"] > x - GUTTER for w in row)
            and any(w["x1"] <= x for w in row)
            and any(w["x0"] >= x for w in row)
        )
        if split >= 5 and (best is None or split > best[0]):
            best = (split, x)
    return best[1] if best else None


def _lines(
    words: list[dict[str, Any]], height: float, body: float
) -> list[dict[str, Any]]:
    """A page's lines of body text, footnote markers and footnotes taken out."""
    normal = [w for w in words if w["size"] >= body * SMALL]
    small = [w for w in words if w["size"] < body * SMALL]
    lines: list[dict[str, Any]] = []
    for word in sorted(normal, key=lambda w: (round(w["bottom"]), w["x0"])):
        line = next(
            (
                line
                for line in lines
                if abs(line["bottom"] - word["bottom"]) <= max(2.0, body * 0.25)
            ),
            None,
        )
        if line is None:
            lines.append(
                {"bottom": word["bottom"], "top": word["top"], "words": [word]}
            )
        else:
            line["words"].append(word)
            line["top"] = min(line["top"], word["top"])
    last_body = max((line["bottom"] for line in lines), default=0.0)
    for word in small:
        inside = any(
            line["top"] - 2 <= (word["top"] + word["bottom"]) / 2 <= line["bottom"] + 1
            for line in lines
        )
        if inside and re.fullmatch(r"[\d,*\u2020\u2021\u00a7ivx]+", word["text"]):
            continue  # a footnote marker
        if word["top"] >= last_body - 1 and word["top"] > height * 0.5:
            continue  # a footnote, or small print below the body
        line = next(
            (
                line
                for line in lines
                if abs(line["bottom"] - word["bottom"]) <= max(1.5, word["size"] * 0.25)
            ),
            None,
        )
        if line is None:
            lines.append(
                {"bottom": word["bottom"], "top": word["top"], "words": [word]}
            )
        else:
            line["words"].append(word)
    out = []
    for line in sorted(lines, key=lambda line: line["top"]):
        ordered = sorted(line["words"], key=lambda w: w["x0"])
        text = mend(" ".join(w["text"] for w in ordered)).strip()
        if not text:
            continue
        size = statistics.median(w["size"] for w in ordered)
        bold = all(
            re.search(r"bold|black|heavy|semibold", w["fontname"], re.I)
            for w in ordered
        )
        out.append(
            {
                "text": text,
                "top": line["top"],
                "bottom": line["bottom"],
                "x0": ordered[0]["x0"],
                "size": size,
                "bold": bold,
                # A list's bare number set apart from its text ("1   By 31 March").
                "listed": len(ordered) > 1
                and bool(re.fullmatch(r"\d{1,2}", ordered[0]["text"]))
                and ordered[1]["x0"] - ordered[0]["x1"] > size * 0.6,
                "edge": line["top"] < height * EDGE
                or line["bottom"] > height * (1 - EDGE),
            }
        )
    return out


def _blocks(lines_by_page: list[list[dict[str, Any]]], body: float) -> list[Block]:
    repeated = furniture([[line["text"] for line in page] for page in lines_by_page])
    kept_pages: list[list[dict[str, Any]]] = []
    for page in lines_by_page:
        toc = contents_lines([line["text"] for line in page])
        kept = [
            line
            for index, line in enumerate(page)
            if index not in toc
            and not is_furniture(line["text"])
            and not (line["edge"] and furniture_key(line["text"]) in repeated)
            and not (line["edge"] and re.fullmatch(r"[\d\s|]+", line["text"]))
        ]
        kept_pages.append(kept)
    vocabulary = words_of(line["text"] for page in kept_pages for line in page)
    heading_sizes = sorted(
        {
            round(line["size"])
            for page in kept_pages
            for line in page
            if line["size"] >= body * LARGE
        },
        reverse=True,
    )
    gaps = [
        b["top"] - a["bottom"]
        for page in kept_pages
        for a, b in itertools.pairwise(page)
        if abs(a["size"] - body) < 0.5
        and abs(b["size"] - body) < 0.5
        and b["top"] > a["bottom"]
    ]
    gap = statistics.median(gaps) if gaps else body * 0.3
    blocks: list[Block] = []
    for number, page in enumerate(kept_pages, start=1):
        current: list[str] = []
        block: Block | None = None
        previous: dict[str, Any] | None = None

        def flush() -> None:
            nonlocal current, block
            if block is not None and current:
                block.text = join_lines(current, vocabulary)
                if block.text:
                    blocks.append(block)
            current, block = [], None

        for line in page:
            text = line["text"]
            heading = _is_heading(line, body, previous)
            if heading:
                level = (
                    heading_sizes.index(round(line["size"])) + 1
                    if round(line["size"]) in heading_sizes
                    else len(heading_sizes) + 1
                )
                if (
                    block is not None
                    and block.kind == "heading"
                    and block.level == level
                    and previous is not None
                    and line["top"] - previous["bottom"] < gap * 1.8 + 2
                ):
                    current.append(text)  # a heading wrapped onto two lines
                else:
                    flush()
                    block = Block(kind="heading", text="", level=level, page=number)
                    current = [text]
                previous = line
                continue
            bullet = BULLET.match(text)
            numbered = NUMBERED.match(text)
            if numbered is None and line["listed"]:
                numbered = NUMBERED.match(re.sub(r"^(\d{1,2})\s+", r"\1. ", text))
            new_paragraph = (
                block is None
                or block.kind == "heading"
                or previous is None
                or line["top"] - previous["bottom"] > gap * 1.6 + 1.5
            )
            if bullet:
                flush()
                block = Block(kind="item", text="", marker="bullet", page=number)
                current = [bullet["rest"]]
            elif (
                numbered
                and (new_paragraph or (block is not None and block.kind == "item"))
                and starts_item(
                    numbered["rest"],
                    (previous is not None and previous["text"].endswith(":"))
                    or (block is not None and block.marker == "number"),
                )
            ):
                flush()
                block = Block(
                    kind="item",
                    text="",
                    marker="number",
                    number=numbered["paren"] or numbered["number"],
                    page=number,
                )
                current = [numbered["rest"]]
            elif new_paragraph and not (
                block is not None
                and block.kind == "item"
                and previous is not None
                and line["x0"] > previous["x0"] - 1
                and line["top"] - previous["bottom"] <= gap * 1.6 + 1.5
            ):
                flush()
                block = Block(kind="paragraph", text="", page=number)
                current = [text]
            else:
                current.append(text)
            previous = line
        flush()
    return rejoin_split_words(join_broken(blocks))


def _is_heading(
    line: dict[str, Any], body: float, previous: dict[str, Any] | None
) -> bool:
    text = line["text"]
    if len(text) > 160 or BULLET.match(text):
        return False
    if line["size"] >= body * LARGE:
        return True
    return bool(line["bold"] and len(text) < 120 and not re.search(r"[.;,]$", text))


def main() -> int:
    """Read a PDF from standard input; write its blocks, or the refusal, as JSON."""
    _limits()
    data = sys.stdin.buffer.read()
    try:
        blocks = read(data)
    except PdfRefused as refused:
        sys.stdout.write(json.dumps({"refused": refused.reason}))
        return 2
    except MemoryError:
        sys.stdout.write(json.dumps({"refused": TOO_SLOW}))
        return 2
    except Exception:  # any other failure of a hostile or broken file
        sys.stdout.write(json.dumps({"refused": UNREADABLE}))
        return 2
    sys.stdout.write(json.dumps([asdict(block) for block in blocks]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
