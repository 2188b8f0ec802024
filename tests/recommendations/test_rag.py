import datetime as dt

import pytest

from recommendations.models import Item

TODAY = dt.date(2026, 11, 25)
Status = Item.Status


def _item(status=Status.IN_PROGRESS, target=None, original=None) -> Item:
    return Item(status=status, target_date=target, original_target_date=original)


@pytest.mark.parametrize(
    ("status", "target", "original", "expected"),
    [
        # Red: open and past its current target date.
        (Status.IN_PROGRESS, TODAY - dt.timedelta(days=1), None, "red"),
        (Status.PENDING_SIGN_OFF, TODAY - dt.timedelta(days=400), None, "red"),
        (Status.AWAITING_ALLOCATION, TODAY - dt.timedelta(days=1), None, "red"),
        # Due today is not yet overdue.
        (Status.IN_PROGRESS, TODAY, TODAY, "amber"),
        # Amber: due within 30 days.
        (Status.IN_PROGRESS, TODAY + dt.timedelta(days=30), None, "amber"),
        # Green just beyond the window.
        (Status.IN_PROGRESS, TODAY + dt.timedelta(days=31), None, "green"),
        # Amber: target date revised, however far away.
        (
            Status.IN_PROGRESS,
            TODAY + dt.timedelta(days=300),
            TODAY + dt.timedelta(days=100),
            "amber",
        ),
        # Amber: no target date at all.
        (Status.AWAITING_ALLOCATION, None, None, "amber"),
        # Closed and no-further-action items show no RAG, even when late.
        (Status.CLOSED, TODAY - dt.timedelta(days=10), None, ""),
        (Status.NO_FURTHER_ACTION, TODAY - dt.timedelta(days=10), None, ""),
    ],
)
def test_rag_follows_the_rules(status, target, original, expected):
    assert _item(status, target, original).rag(TODAY) == expected


@pytest.mark.django_db
def test_database_rag_agrees_with_python_rag(make_item):
    cases = [
        (Status.IN_PROGRESS, TODAY - dt.timedelta(days=1), None),
        (Status.IN_PROGRESS, TODAY, None),
        (Status.IN_PROGRESS, TODAY + dt.timedelta(days=30), None),
        (Status.IN_PROGRESS, TODAY + dt.timedelta(days=31), None),
        (
            Status.IN_PROGRESS,
            TODAY + dt.timedelta(days=300),
            TODAY + dt.timedelta(days=100),
        ),
        (
            Status.IN_PROGRESS,
            TODAY + dt.timedelta(days=100),
            TODAY + dt.timedelta(days=300),
        ),
        (Status.AWAITING_ALLOCATION, None, None),
        (Status.CLOSED, TODAY - dt.timedelta(days=5), None),
        (Status.NO_FURTHER_ACTION, None, None),
    ]
    for status, target, original in cases:
        make_item(
            status=status,
            target_date=target,
            original_target_date=original,
            status_reason="Superseded" if status == Status.NO_FURTHER_ACTION else "",
        )
    for item in Item.objects.with_rag(TODAY):
        assert item.rag_value == item.rag(TODAY), item


def test_days_overdue_counts_from_the_current_target_date():
    item = _item(target=TODAY - dt.timedelta(days=45), original=TODAY)
    assert item.days_overdue(TODAY) == 45
    assert _item(target=TODAY).days_overdue(TODAY) == 0
    assert _item(Status.CLOSED, TODAY - dt.timedelta(days=9)).days_overdue(TODAY) == 0
