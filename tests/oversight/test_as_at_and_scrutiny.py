"""The tracker as it stood on past days, and the scrutiny paper built from it.

The history is built step by step, each change dated as if it happened that day
(django-simple-history takes the date from `_history_date`).
"""

import datetime as dt
import functools
import io

import pytest
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from docx import Document

from oversight import selectors
from oversight.models import TargetDateChange
from oversight.selectors import scrutiny as scrutiny_selectors
from recommendations import choicesets
from recommendations import selectors as item_selectors
from recommendations.asat import as_at_index_day, is_day_indexed
from recommendations.history import save_with_history
from recommendations.models import (
    Item,
    Report,
    annotate_rag,
    open_q,
    overdue_q,
    owned_by_q,
)
from recommendations.selectors import added_up, item_states_as_at, items_as_at


def at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


def write(obj, who, day, reason, **changes):
    for name, value in changes.items():
        setattr(obj, name, value)
    obj._history_date = at(day)
    save_with_history(obj, actor=who, reason=reason)
    del obj._history_date
    return obj


D = dt.date


@pytest.fixture
def story(administrator, staff, reviewer):
    """Two reports; items that move through the year 2025."""
    first = write(
        Report(
            title="Child protection",
            kind=Report.Kind.FORCE,
            published_on=D(2024, 12, 1),
        ),
        administrator,
        D(2025, 1, 5),
        "Loaded",
    )
    a = write(
        Item(
            report=first,
            reference="1",
            kind=Item.Kind.RECOMMENDATION,
            text="A",
            owners=choicesets.encode(["chief_constable"]),
            original_target_date=D(2025, 6, 30),
            target_date=D(2025, 6, 30),
        ),
        administrator,
        D(2025, 1, 5),
        "Loaded",
    )
    b = write(
        Item(
            report=first,
            reference="2",
            kind=Item.Kind.RECOMMENDATION,
            text="B",
            owners=choicesets.encode(["pcc"]),
            original_target_date=D(2025, 3, 31),
            target_date=D(2025, 3, 31),
        ),
        administrator,
        D(2025, 1, 5),
        "Loaded",
    )
    write(
        a, staff, D(2025, 2, 1), "Allocated", lead=staff, status=Item.Status.IN_PROGRESS
    )
    write(
        b, staff, D(2025, 2, 1), "Allocated", lead=staff, status=Item.Status.IN_PROGRESS
    )
    # B slips: approved on 10 April to 30 September.
    change = TargetDateChange(
        item=b,
        from_date=D(2025, 3, 31),
        to_date=D(2025, 9, 30),
        reason="Supplier delay",
        requested_by=staff,
        requested_at=at(D(2025, 4, 1)),
        status=TargetDateChange.Status.APPROVED,
        decided_by=reviewer,
        decided_at=at(D(2025, 4, 10)),
    )
    save_with_history(change, actor=reviewer, reason="Test set-up")
    write(b, reviewer, D(2025, 4, 10), "Target date moved", target_date=D(2025, 9, 30))
    # A is proposed in May and signed off on 20 June.
    write(a, staff, D(2025, 5, 15), "Proposed", status=Item.Status.PENDING_SIGN_OFF)
    write(
        a,
        reviewer,
        D(2025, 6, 20),
        "Signed off",
        status=Item.Status.CLOSED,
        closed_on=D(2025, 6, 20),
    )
    # A second report arrives in August with one item.
    second = write(
        Report(
            title="Vetting",
            kind=Report.Kind.NATIONAL_THEMATIC,
            published_on=D(2025, 8, 1),
        ),
        administrator,
        D(2025, 8, 10),
        "Loaded",
    )
    c = write(
        Item(
            report=second,
            reference="1",
            kind=Item.Kind.RECOMMENDATION,
            text="C",
            owners=choicesets.encode(["chief_constable"]),
            original_target_date=D(2025, 10, 31),
            target_date=D(2025, 10, 31),
        ),
        administrator,
        D(2025, 8, 10),
        "Loaded",
    )
    return {"a": a, "b": b, "c": c, "first": first, "second": second}


def _state(day):
    return {row.text: (row.status, row.target_date) for row in items_as_at(day=day)}


@pytest.fixture(params=["searched", "indexed", "from an earlier day", "many changes"])
def as_at_read(request, monkeypatch):
    """Each past day read every way: searched in the history; indexed first; from
    the latest indexed day before it plus the changes since (the changes named in
    the query, or, past NAMED_CHANGES, found by subqueries)."""
    if request.param != "searched":
        # Days on which nothing and something had happened.
        for day in (D(2025, 1, 4), D(2025, 2, 1), D(2025, 5, 1)):
            if request.param != "indexed":
                assert as_at_index_day(day=day)
    if request.param == "many changes":
        monkeypatch.setattr(item_selectors, "NAMED_CHANGES", 0)
    return request.param


def _state_read(day, how):
    if how == "indexed" and day < timezone.localdate() and not is_day_indexed(day):
        assert as_at_index_day(day=day)
    return _state(day)


def test_items_as_at_follow_the_history(story, as_at_read):
    _state = functools.partial(_state_read, how=as_at_read)
    assert _state(D(2025, 1, 4)) == {}
    assert _state(D(2025, 1, 5)) == {
        "A": ("awaiting_allocation", D(2025, 6, 30)),
        "B": ("awaiting_allocation", D(2025, 3, 31)),
    }
    assert _state(D(2025, 4, 9))["B"] == ("in_progress", D(2025, 3, 31))
    assert _state(D(2025, 4, 10))["B"] == ("in_progress", D(2025, 9, 30))
    assert _state(D(2025, 6, 1))["A"] == ("pending_sign_off", D(2025, 6, 30))
    assert _state(D(2025, 7, 1)) == {
        "A": ("closed", D(2025, 6, 30)),
        "B": ("in_progress", D(2025, 9, 30)),
    }
    assert set(_state(D(2025, 8, 10))) == {"A", "B", "C"}


def test_item_list_as_at_shows_past_status_and_rag(client_for, panel, story):
    response = client_for(panel).get(
        reverse("recommendations:item_list"), {"as_at": "2025-04-05"}
    )
    html = response.content.decode()
    assert "Past view" in html
    rows = {r.text: r for r in response.context["page"].object_list}
    assert set(rows) == {"A", "B"}
    # On 5 April, B was past its then target of 31 March: Red. A was Green.
    assert rows["B"].rag_value == "red"
    assert rows["A"].rag_value == "green"
    overdue = client_for(panel).get(
        reverse("recommendations:item_list"), {"as_at": "2025-04-05", "overdue": "true"}
    )
    assert [r.text for r in overdue.context["page"].object_list] == ["B"]


def test_item_detail_as_at_is_read_only_and_past(client_for, staff, story):
    b = story["b"]
    response = client_for(staff).get(
        reverse("recommendations:item_detail", args=[b.pk]), {"as_at": "2025-04-05"}
    )
    html = response.content.decode()
    assert response.context["item"].target_date == D(2025, 3, 31)
    assert "Past view" in html
    assert "Record progress" not in html
    assert all(entry.when < at(D(2025, 4, 6)) for entry in response.context["history"])
    before_loading = client_for(staff).get(
        reverse("recommendations:item_detail", args=[b.pk]), {"as_at": "2025-01-01"}
    )
    assert before_loading.status_code == 404


def test_dashboard_as_at_counts_what_was_true_then(client_for, panel, story):
    response = client_for(panel).get(reverse("home"), {"as_at": "2025-06-01"})
    dashboard = response.context["dashboard"]
    assert dashboard.total == 2
    charts = {c.id: {f.label: f.count for f in c.figures} for c in dashboard.charts}
    assert charts["status"]["Pending sign-off"] == 1
    assert charts["status"]["In progress"] == 1
    assert dashboard.overdue_count == 0  # B moved to 30 September


def test_scrutiny_paper_counts_match_hand_computed_ones(story, today):
    paper = selectors.scrutiny_paper(
        meeting=D(2025, 9, 1), previous=D(2025, 3, 1), today=today
    )
    by_status = {label: (before, now) for label, before, now in paper.by_status}
    # 1 March: A and B in progress. 1 September: A closed, B and C... C awaiting.
    assert by_status["In progress"] == (2, 1)
    assert by_status["Closed"] == (0, 1)
    assert by_status["Awaiting allocation"] == (0, 1)
    by_rag = {label: (before, now) for label, before, now in paper.by_rag}
    # 1 March: A due 30 June (Green), B due 31 March (Amber: within 30 days).
    # 1 September: B due 30 September, revised (Amber); C due 31 October (Green).
    assert by_rag["Green"] == (1, 1)
    assert by_rag["Amber"] == (1, 1)
    assert by_rag["Red"] == (0, 0)
    assert [(r.label, r.when) for r in paper.closed] == [
        ("Recommendation 1", D(2025, 6, 20))
    ]
    assert paper.overdue == []
    assert [
        (c.from_date, c.to_date, c.reason, c.approver) for c in paper.date_changes
    ] == [(D(2025, 3, 31), D(2025, 9, 30), "Supplier delay", "Sam Okafor")]
    assert [(r.title, r.items) for r in paper.reports] == [("Vetting", 1)]


def test_scrutiny_overdue_lists_lead_days_and_latest_update(story, today):
    paper = selectors.scrutiny_paper(
        meeting=D(2025, 11, 15), previous=D(2025, 9, 1), today=today
    )
    overdue = {row.label + row.report: row for row in paper.overdue}
    assert overdue["Recommendation 2Child protection"].days_overdue == 46
    assert overdue["Recommendation 2Child protection"].lead == "Priya Shah"
    assert overdue["Recommendation 1Vetting"].lead == "No lead"


def test_scrutiny_lists_are_bounded_and_give_their_full_count(
    client_for, panel, story, today, monkeypatch
):
    """At national scale the paper shows the most overdue and says how many in all
    (and where they all are), rather than a page of every one."""
    monkeypatch.setattr(scrutiny_selectors, "PAPER_ROWS", 1)
    meeting, previous = D(2025, 11, 15), D(2025, 9, 1)
    paper = selectors.scrutiny_paper(meeting=meeting, previous=previous, today=today)
    assert paper.overdue_total == 2
    assert [(row.label, row.report) for row in paper.overdue] == [
        ("Recommendation 2", "Child protection")  # the most overdue (30 September)
    ]
    query = {"meeting": meeting.isoformat(), "previous": previous.isoformat()}
    page = client_for(panel).get(reverse("oversight:scrutiny"), query).content.decode()
    assert "Overdue at 15 November 2025 (2)" in page
    assert "/items/?overdue=on&amp;as_at=2025-11-15" in page
    assert "All 2 overdue items" in page
    docx = client_for(panel).get(reverse("oversight:scrutiny_document"), query)
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "2 in all; the 1 most overdue are listed." in text


def test_scrutiny_page_and_docx(client_for, panel, story):
    client = client_for(panel)
    query = {"meeting": "2025-09-01", "previous": "2025-03-01"}
    page = client.get(reverse("oversight:scrutiny"), query)
    assert page.status_code == 200
    assert "Supplier delay" in page.content.decode()
    response = client.get(reverse("oversight:scrutiny_document"), query)
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    status_table = document.tables[0]
    cells = [[c.text for c in row.cells] for row in status_table.rows]
    assert cells[0] == ["Status", "1 Mar 2025", "1 Sep 2025"]
    assert ["Closed", "0", "1"] in cells
    texts = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    assert [
        "Recommendation 2 (Child protection)",
        "31 Mar 2025",
        "30 Sep 2025",
        "Supplier delay",
        "Sam Okafor",
    ] in texts


def test_scrutiny_form_refuses_dates_the_wrong_way_round(client_for, panel, db):
    response = client_for(panel).get(
        reverse("oversight:scrutiny"),
        {"meeting": "2025-03-01", "previous": "2025-09-01"},
    )
    assert response.status_code == 400
    assert "must be before the meeting" in response.content.decode()


def test_changes_since_shows_before_and_after(client_for, panel, story):
    rows = selectors.changes_since(since=D(2025, 3, 1), today=D(2026, 1, 1))
    by_text = {row.item.text: row for row in rows}
    a_changes = {c.field: (c.before, c.after) for c in by_text["A"].changes}
    assert a_changes == {"Status": ("In progress", "Closed")}
    b_changes = {c.field: (c.before, c.after) for c in by_text["B"].changes}
    assert b_changes == {"Target date": ("31 Mar 2025", "30 Sep 2025")}
    assert by_text["C"].new is True
    page = client_for(panel).get(reverse("oversight:changes"), {"since": "2025-03-01"})
    assert page.status_code == 200
    assert "Loaded since" in page.content.decode()


def test_as_at_views_write_nothing(client_for, staff, story):
    """Reads do not write: viewing a past day leaves the index as it was."""
    from recommendations.models import AsAtDay, AsAtEntry

    client = client_for(staff)
    for url in (
        reverse("recommendations:item_list"),
        reverse("recommendations:item_detail", args=[story["a"].pk]),
        reverse("home"),
    ):
        assert client.get(url, {"as_at": "2025-04-05"}).status_code == 200
    assert (
        client.get(
            reverse("oversight:scrutiny"),
            {"meeting": "2025-07-01", "previous": "2025-04-05"},
        ).status_code
        == 200
    )
    assert not AsAtDay.objects.exists()
    assert not AsAtEntry.objects.exists()


def test_indexpastdays_indexes_yesterday_by_default_and_only_once(story):
    from django.core.management import CommandError, call_command

    from recommendations.models import AsAtDay, AsAtEntry

    out = io.StringIO()
    call_command("indexpastdays", stdout=out)
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    assert f"{yesterday:%Y-%m-%d}: indexed" in out.getvalue()
    assert AsAtEntry.objects.filter(day=yesterday).count() == 3
    call_command("indexpastdays", day=[yesterday], stdout=out)
    assert f"{yesterday:%Y-%m-%d}: already indexed" in out.getvalue()
    assert AsAtEntry.objects.filter(day=yesterday).count() == 3
    with pytest.raises(CommandError, match="has not ended"):
        call_command("indexpastdays", day=[timezone.localdate()])
    with pytest.raises(CommandError, match="not a date"):
        call_command("indexpastdays", "--day", "2025-02-30")
    assert list(AsAtDay.objects.values_list("day", flat=True)) == [yesterday]


def test_the_index_keeps_recent_days_and_month_ends_and_prunes_the_rest(
    story, settings
):
    """The index is bounded: recent days and recent month ends only, and a pruned
    day's views give the same answer by searching the history."""
    from django.core.management import call_command

    from recommendations import asat
    from recommendations.models import AsAtDay, AsAtEntry
    from recommendations.selectors import items_as_at

    settings.AS_AT_KEEP_DAYS = 10
    settings.AS_AT_KEEP_MONTH_ENDS = 3
    today = timezone.localdate()
    days = [today - dt.timedelta(days=n) for n in range(1, 200)]
    before = {day: sorted(row.history_id for row in items_as_at(day=day))
              for day in days[::17]}  # fmt: skip
    for day in days:
        asat.as_at_index_day(day=day)
    assert AsAtDay.objects.count() == len(days)

    dropped = asat.prune_index(today=today)
    kept = set(AsAtDay.objects.values_list("day", flat=True))
    assert kept == {day for day in days if asat.is_kept(day, today=today)}
    assert set(dropped) == set(days) - kept
    older = kept - set(days[:10])
    assert set(days[:10]) <= kept
    assert all((day + dt.timedelta(days=1)).day == 1 for day in older)
    assert 2 <= len(older) <= 3 and len(kept) <= 10 + 3
    # Un-indexed first; the entries go on the next run.
    assert AsAtEntry.objects.exclude(day__in=kept).exists()
    out = io.StringIO()
    call_command("indexpastdays", stdout=out)
    assert not AsAtEntry.objects.exclude(day__in=kept).exists()
    assert AsAtEntry.objects.count() == 3 * len(kept)
    # Same answers for every day, pruned or not.
    for day, rows in before.items():
        assert sorted(row.history_id for row in items_as_at(day=day)) == rows

    # A day indexed on demand is kept until the next run, then pruned.
    old = days[-1]
    call_command("indexpastdays", day=[old], stdout=out)
    assert "kept until the next run" in out.getvalue()
    assert asat.is_day_indexed(old)
    call_command("indexpastdays", stdout=out)
    assert not asat.is_day_indexed(old)


def test_changes_since_names_a_lead_and_the_lack_of_one(administrator, staff, report):
    item = write(
        Item(
            report=report,
            reference="9",
            kind=Item.Kind.RECOMMENDATION,
            text="Unallocated",
            owners=choicesets.encode(["pcc"]),
        ),
        administrator,
        D(2025, 1, 5),
        "Loaded",
    )
    write(item, administrator, D(2025, 4, 1), "Allocated", lead=staff)
    rows = selectors.changes_since(since=D(2025, 3, 1), today=D(2026, 1, 1))
    changes = {c.field: (c.before, c.after) for c in rows[0].changes}
    assert changes["Lead"] == ("No lead", "Priya Shah")


STORY_DAYS = [
    D(2025, 1, 4),
    D(2025, 1, 5),
    D(2025, 4, 9),
    D(2025, 6, 1),
    D(2025, 8, 10),
]


def _counts(items, day):
    return {
        "status": dict(items.values_list("status").annotate(n=Count("id")).order_by()),
        "rag": dict(
            annotate_rag(items.filter(open_q()), day)
            .values_list("rag_value")
            .annotate(n=Count("id"))
            .order_by()
        ),
        "pcc": items.filter(owned_by_q("pcc")).count(),
        "overdue": items.filter(overdue_q(day)).count(),
    }


@pytest.mark.parametrize("day", STORY_DAYS)
def test_counts_over_the_index_are_the_historys_counts(story, as_at_read, day):
    """The past day's totals counted over the index's copied columns (each way a
    day can be read) equal the totals counted over the history rows."""
    if as_at_read == "indexed":
        as_at_index_day(day=day)
    parts = item_states_as_at(day=day)
    if as_at_read == "searched":
        assert parts is None  # nothing indexed: the history is counted
        return
    assert parts is not None
    counted = added_up([_counts(part, day) for part in parts])
    assert counted == _counts(items_as_at(day=day), day)


LIST_QUERIES = [
    {},
    {"status": "in_progress"},
    {"owner": "pcc"},
    {"rag": "amber"},
    {"overdue": "on"},
    {"lead": "none"},
    {"kind": "recommendation", "target_to": "2025-07-01"},
]


@pytest.mark.parametrize("query", LIST_QUERIES, ids=str)
def test_a_past_days_list_total_is_the_rows_it_lists(
    client_for, panel, story, as_at_read, query, settings
):
    settings.ITEMS_PER_PAGE = 100
    client = client_for(panel)
    for day in STORY_DAYS:
        if as_at_read == "indexed" and not is_day_indexed(day):
            as_at_index_day(day=day)
        page = client.get(
            reverse("recommendations:item_list"), {**query, "as_at": day.isoformat()}
        ).context["page"]
        # The rows themselves, not the page: a page's slice follows the total.
        listed = len(page.paginator.object_list)
        assert page.paginator.count == listed, (day, query)
        assert listed == len(page.object_list)


def test_the_cached_paper_shows_a_new_progress_note_at_once(
    client_for, panel, staff, story, today
):
    """The paper is computed once per change; a progress note moves no item, so the
    notes' own marker keys it too."""
    from recommendations import services

    client = client_for(panel)
    query = {"meeting": today.isoformat(), "previous": "2025-09-01"}

    def docx_text():
        response = client.get(reverse("oversight:scrutiny_document"), query)
        document = Document(io.BytesIO(response.content))
        return "\n".join(
            cell.text for t in document.tables for row in t.rows for cell in row.cells
        )

    assert (
        "Supplier has delivered"
        not in client.get(reverse("oversight:scrutiny"), query).content.decode()
    )
    assert "Supplier has delivered" not in docx_text()
    b = story["b"]
    b.refresh_from_db()
    services.progress_update_record(
        item_id=b.pk,
        actor=staff,
        expected_version=b.version,
        text="Supplier has delivered",
    )
    page = client.get(reverse("oversight:scrutiny"), query).content.decode()
    assert "Supplier has delivered" in page
    assert "Supplier has delivered" in docx_text()
