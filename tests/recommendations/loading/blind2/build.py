"""Regenerates the blind2 cases (inputs and case.json) and checks each one.

    .venv/bin/python tests/recommendations/loading/blind2/build.py

A second blind test set for the report loader: built without reading the loader
or its tests and without running it. Each case is described once, in
cases_pdf.py, cases_html.py or cases_text.py; the input is rendered from the same
wording the expected items are taken from. The checks are those of the corpus
README: codes, unique references, ISO dates, causes that exist, other_owners
exactly with "other", inputs under 200 KB, every item's wording present in the
input's text (letters compared, page furniture and footnotes left out).
"""

import sys
from pathlib import Path

import cases_html
import cases_pdf
import cases_text
from kit import check_case, check_written, write_case

ROOT = Path(__file__).resolve().parent


def main() -> int:
    failed = False
    total = 0
    for make in cases_pdf.CASES + cases_html.CASES + cases_text.CASES:
        case = make()
        write_case(case, ROOT)
        problems = check_case(case) + check_written(ROOT / case.slug)
        kinds = {}
        for item in case.items:
            kinds[item.kind] = kinds.get(item.kind, 0) + 1
        total += len(case.items)
        counts = ", ".join(f"{n} {k}" for k, n in kinds.items())
        crossing = (
            f"; across pages: {', '.join(case.crossing)}" if case.crossing else ""
        )
        status = "ok" if not problems else "FAILED"
        print(f"{status:6} {case.slug}: {counts}; {len(case.data)} bytes{crossing}")
        for problem in problems:
            print(f"       - {problem}")
        failed = failed or bool(problems)
    print(f"{total} items")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
