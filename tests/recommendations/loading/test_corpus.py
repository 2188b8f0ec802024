"""The loader against the corpus of report layouts (tests/.../corpus, scored by
parse_check.py; `make parse-check` prints the table): at least 90% of the items
right first time, none merged into another, every unreadable input refused."""

import json
from pathlib import Path

import pytest

from . import parse_check

CASES = [
    *parse_check.cases(),
    *parse_check.cases(parse_check.REVIEW),
    *parse_check.cases(parse_check.BLIND2),
]


@pytest.fixture(scope="module")
def scores():
    return [parse_check.score(case) for case in CASES]


def test_the_corpus_covers_every_input_form():
    inputs = {
        Path(json.loads((case / "case.json").read_text())["input"]).suffix
        for case in CASES
    }
    assert {".pdf", ".html", ".txt"} <= inputs


def test_at_least_nine_in_ten_items_are_right_first_time(scores):
    items = [s for s in scores if not s.refused_expected]
    total = sum(s.expected for s in items)
    right = sum(s.right for s in items)
    assert total >= 100, "the corpus is too small to measure"
    assert right / total >= 0.9, parse_check.report(scores)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_no_item_is_merged_into_another_and_refusals_refuse(case):
    result = parse_check.score(case)
    assert result.merged == 0, result.problems
    if result.refused_expected:
        assert result.refused, result.problems
