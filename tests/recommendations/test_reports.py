import datetime as dt

from django.urls import reverse

from recommendations.models import Item


def test_report_list_counts_open_overdue_closed_and_no_further_action(
    client_for, panel, report, make_item, today
):
    make_item(status=Item.Status.IN_PROGRESS, target_date=today - dt.timedelta(1))
    make_item(status=Item.Status.IN_PROGRESS, target_date=today + dt.timedelta(9))
    make_item(status=Item.Status.CLOSED, target_date=today - dt.timedelta(1))
    make_item(status=Item.Status.NO_FURTHER_ACTION, status_reason="Superseded")
    response = client_for(panel).get(reverse("recommendations:report_list"))
    [listed] = [r for r in response.context["page"].object_list if r.pk == report.pk]
    counts = (
        listed.open_count,
        listed.overdue_count,
        listed.closed_count,
        listed.no_further_action_count,
    )
    # No further action is its own state, as on the dashboard, not "closed".
    assert counts == (2, 1, 1, 1)
    html = response.content.decode()
    assert f"?report={report.pk}&amp;status=no_further_action" in html


def test_report_list_is_newest_first(client_for, panel, report, administrator):
    from recommendations.history import save_with_history
    from recommendations.models import Report

    newer = Report(
        title="PEEL 2025",
        kind=Report.Kind.PEEL,
        published_on=dt.date(2025, 4, 1),
    )
    save_with_history(newer, actor=administrator, reason="Test set-up")
    response = client_for(panel).get(reverse("recommendations:report_list"))
    titles = [r.title for r in response.context["page"].object_list]
    assert titles == ["PEEL 2025", report.title]


def test_report_list_is_paginated(client_for, panel, report, administrator, settings):
    from recommendations.history import save_with_history
    from recommendations.models import Report

    settings.ITEMS_PER_PAGE = 2
    for year in (2020, 2021):
        save_with_history(
            Report(title=f"PEEL {year}", kind="peel", published_on=dt.date(year, 1, 1)),
            actor=administrator,
            reason="Test set-up",
        )
    client = client_for(panel)
    first = client.get(reverse("recommendations:report_list"))
    second = client.get(reverse("recommendations:report_list"), {"page": 2})
    assert first.context["page"].paginator.count == 3
    assert len(first.context["page"].object_list) == 2
    assert [r.title for r in second.context["page"].object_list] == ["PEEL 2020"]


def test_report_detail_groups_items_by_kind(client_for, panel, report, make_item):
    make_item(kind=Item.Kind.CAUSE_OF_CONCERN, reference="CoC 1")
    make_item(kind=Item.Kind.RECOMMENDATION, reference="1")
    make_item(kind=Item.Kind.AREA_FOR_IMPROVEMENT, reference="AFI 1")
    response = client_for(panel).get(
        reverse("recommendations:report_detail", args=[report.pk])
    )
    groups = [
        (str(label), [i.reference for i in items])
        for label, items in response.context["groups"]
    ]
    assert groups == [
        ("Causes of concern", ["CoC 1"]),
        ("Recommendations", ["1"]),
        ("Areas for improvement", ["AFI 1"]),
    ]
    html = response.content.decode()
    assert "Causes of concern (1)" in html and "Areas for improvement (1)" in html
    assert "Cause of concerns" not in html and "Area for improvements" not in html


def test_reports_are_refused_to_outsiders(client_for, outsider, report):
    client = client_for(outsider)
    assert client.get(reverse("recommendations:report_list")).status_code == 403
    url = reverse("recommendations:report_detail", args=[report.pk])
    assert client.get(url).status_code == 403
