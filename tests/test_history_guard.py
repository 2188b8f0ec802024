"""django-simple-history records on save() only. This guard fails when app code uses
a write that would bypass it on any model."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# (benchmarks/ is left out: it writes a synthetic data set, history rows included,
# in bulk to a database of its own.)
APPS = ["recommendations", "oversight"]
BYPASSES = re.compile(
    r"\.(bulk_create|bulk_update|raw)\(|(objects|\))\.update\(|\.delete\(\)|"
    r"cursor\(\)|update_or_create\("
)
# Writes on models that are not history-tracked, or not writes at all.
ALLOWED = [
    re.compile(r"params\.update\("),
    re.compile(r"values\.update\("),
    re.compile(r"context\.update\("),
    re.compile(r"evidence_file\.delete\("),
    re.compile(r"# read-only"),
    re.compile(r"# untracked: "),
]


def _app_sources():
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            yield path


def test_app_code_has_no_history_bypassing_writes():
    offenders = []
    for path in _app_sources():
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if BYPASSES.search(line) and not any(a.search(line) for a in ALLOWED):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_guard_catches_a_queryset_update():
    assert BYPASSES.search('Item.objects.filter(pk=1).update(status="closed")')
    assert BYPASSES.search("Item.objects.bulk_create(items)")
    assert BYPASSES.search("Item.objects.update(status='closed')")
    assert not BYPASSES.search("months.update(other)")
