"""Regenerates every case's input and case.json, then checks them.

Run from the repository root:
    .venv/bin/python tests/recommendations/loading/corpus/build.py
"""

import datetime as dt
import html.parser
import json
import re
import sys
import unicodedata
from pathlib import Path

import pdfplumber

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from builder.cases import CASES  # noqa: E402
from builder.html import saved_page  # noqa: E402
from builder.layout import items_across_pages, lay_out  # noqa: E402
from builder.model import Case  # noqa: E402
from builder.pdf import write_pdf  # noqa: E402
from builder.text import pasted_text  # noqa: E402

MAX_BYTES = 200_000
OWNERS = {
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
KINDS = {"recommendation", "area_for_improvement", "cause_of_concern"}
REPORT_KINDS = {
    "peel",
    "national_thematic",
    "joint",
    "force",
    "post_inspection_review",
    "super_complaint",
    "pcc_commissioned",
    "home_secretary_commissioned",
}


def build(case: Case) -> Path:
    folder = HERE / case.slug
    folder.mkdir(exist_ok=True)
    for old in folder.glob("source.*"):
        old.unlink()
    target = folder / case.input_name
    if case.form == "pdf":
        write_pdf(case, lay_out(case), target)
    elif case.form == "html":
        target.write_text(saved_page(case), encoding="utf-8")
    else:
        target.write_text(pasted_text(case, lay_out(case)), encoding="utf-8")
    data = json.dumps(case.as_json(), ensure_ascii=False, indent=2)
    (folder / "case.json").write_text(data + "\n", encoding="utf-8")
    return target


def letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", unicodedata.normalize("NFKC", text).lower())


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "sup"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "sup"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def _without_furniture(case: Case, text: str) -> str:
    """Letters of the text with running headers, footers and footnotes taken out."""
    lines = text.splitlines()
    if case.footer:
        lines = [line for line in lines if not line.strip().startswith(case.footer)]
    body = letters(" ".join(lines))
    for furniture in (case.running_header, *case.footnotes.values()):
        if furniture:
            body = body.replace(letters(furniture), "")
    return body


def _pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(
            p.extract_text(expand_ligatures=False) or "" for p in pdf.pages
        )


def check(case: Case, path: Path) -> list[str]:
    problems = []
    size = path.stat().st_size
    if size > MAX_BYTES:
        problems.append(f"{size} bytes")
    if case.form == "pdf" and case.refusal == "encrypted":
        try:
            with pdfplumber.open(path) as pdf:
                pdf.pages[0].extract_text()
            problems.append("opens without a password")
        except Exception:  # noqa: S110
            pass
        return problems
    if case.form == "pdf" and case.refusal == "no_text_layer":
        with pdfplumber.open(path) as pdf:
            if any((page.extract_text() or "").strip() for page in pdf.pages):
                problems.append("has a text layer")
        return problems
    if case.form == "pdf":
        raw = _pdf_text(path)
        body = _without_furniture(case, raw)
        if case.running_header and case.running_header not in raw:
            problems.append("no running header")
        if case.footer and case.footer not in raw:
            problems.append("no footer")
        if case.ligature_words and "\ufb01" not in raw and "\ufb02" not in raw:
            problems.append("no ligature in the text layer")
        hyphenated = re.findall(r"[a-z]{3,}-\n[a-z]{3,}", raw)
        if case.options.get("expect_hyphenation", True) and not hyphenated:
            problems.append("no line-end hyphenation")
    elif case.form == "html":
        parser = _Text()
        parser.feed(path.read_text(encoding="utf-8"))
        body = letters(" ".join(parser.parts))
    else:
        body = _without_furniture(case, path.read_text(encoding="utf-8"))
    if not case.refused:
        for item in case.items():
            wording = " ".join(item.parts)
            if letters(wording) not in body:
                problems.append(f"item {item.reference} not found in the input")
    return problems


def validate(folder: Path) -> list[str]:
    """The written case.json, read back: well formed and consistent."""
    data = json.loads((folder / "case.json").read_text(encoding="utf-8"))
    problems = []
    if data["kind"] not in REPORT_KINDS:
        problems.append(f"report kind {data['kind']}")
    if data.get("set", "holdout") != "holdout":
        problems.append(f"set {data['set']}")
    if not (folder / data["input"]).exists():
        problems.append("input file missing")
    if data["refused"] != (not data["items"]):
        problems.append("refused must go with no items")
    references = [item["reference"] for item in data["items"]]
    if len(set(references)) != len(references):
        problems.append("references are not unique")
    causes = {
        item["reference"]
        for item in data["items"]
        if item["kind"] == "cause_of_concern"
    }
    for item in data["items"]:
        ref = item["reference"]
        if item["kind"] not in KINDS or not set(item["owners"]) <= OWNERS:
            problems.append(f"{ref}: kind or owner code")
        if ("other" in item["owners"]) != bool(item["other_owners"]):
            problems.append(f"{ref}: other_owners must go with 'other'")
        if item["target_date"] is not None:
            dt.date.fromisoformat(item["target_date"])
        if item["cause_of_concern"] and item["cause_of_concern"] not in causes:
            problems.append(f"{ref}: unknown cause of concern")
        if not item["text"] or "  " in item["text"] or "~" in item["text"]:
            problems.append(f"{ref}: text not normalised")
    return problems


def main() -> int:
    slugs = [case.slug for case in CASES]
    assert len(set(slugs)) == len(slugs), slugs
    total = 0
    failed = False
    for case in CASES:
        path = build(case)
        problems = check(case, path) + validate(path.parent)
        count = 0 if case.refused else len(case.items())
        total += count
        status = "ok" if not problems else "PROBLEM: " + "; ".join(problems)
        across = ""
        if case.form in ("pdf", "txt") and not case.refused:
            crossing = items_across_pages(lay_out(case))
            across = f"  across pages: {','.join(crossing) or '-'}"
        print(f"{case.slug:44} {case.form:4} {count:3} items  {status}{across}")
        failed |= bool(problems)
    print(f"{len(CASES)} cases, {total} items")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
