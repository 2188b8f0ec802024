import datetime as dt
from html.parser import HTMLParser

from django.http import QueryDict
from django.urls import reverse
from django.utils.html import escape

from recommendations.models import Item


def test_every_figure_links_to_a_list_with_that_many_items(
    client_for, panel, make_item, staff, today
):
    make_item(
        status=Item.Status.IN_PROGRESS,
        lead=staff,
        target_date=today - dt.timedelta(days=4),
    )
    make_item(
        status=Item.Status.IN_PROGRESS,
        lead=staff,
        target_date=today + dt.timedelta(days=10),
        owner_codes=["pcc", "npcc"],
    )
    make_item(status=Item.Status.CLOSED, target_date=today)
    make_item(owner_codes=["home_office"])
    client = client_for(panel)
    response = client.get(reverse("home"))
    checked = 0
    html = response.content.decode()
    for chart in response.context["dashboard"].charts:
        for figure in chart.figures:
            query = QueryDict(mutable=True)
            for key, value in figure.filters.items():
                query.setlist(key, value if isinstance(value, list) else [value])
            # The page links to exactly this list, and the list counts the same.
            link = f"{reverse('recommendations:item_list')}?{query.urlencode()}"
            assert f'href="{escape(link)}"' in html, link
            listed = client.get(link)
            assert listed.context["page"].paginator.count == figure.count, (
                chart.id,
                figure.label,
            )
            checked += 1
    assert checked == 5 + 3 + 9


def test_counts_due_soon_and_my_items(client_for, staff, make_item, today):
    mine = make_item(
        status=Item.Status.IN_PROGRESS,
        lead=staff,
        target_date=today + dt.timedelta(days=10),
    )
    make_item(status=Item.Status.IN_PROGRESS, target_date=today - dt.timedelta(1))
    make_item(status=Item.Status.IN_PROGRESS, target_date=today + dt.timedelta(90))
    response = client_for(staff).get(reverse("home"))
    assert response.context["dashboard"].total == 3
    assert response.context["dashboard"].overdue_count == 1
    assert [i.pk for i in response.context["dashboard"].due_soon] == [mine.pk]
    assert [i.pk for i in response.context["dashboard"].mine] == [mine.pk]
    query = response.context["dashboard"].due_soon_filters
    listed = client_for(staff).get(reverse("recommendations:item_list"), query)
    assert listed.context["page"].paginator.count == 1


def test_due_soon_window_is_the_setting(client_for, staff, make_item, today, settings):
    near = make_item(
        status=Item.Status.IN_PROGRESS, target_date=today + dt.timedelta(5)
    )
    make_item(status=Item.Status.IN_PROGRESS, target_date=today + dt.timedelta(20))
    settings.DUE_SOON_DAYS = 7
    response = client_for(staff).get(reverse("home"))
    assert [i.pk for i in response.context["dashboard"].due_soon] == [near.pk]
    assert response.context["dashboard"].due_soon_days == 7
    query = response.context["dashboard"].due_soon_filters
    assert query["target_to"] == f"{today + dt.timedelta(7):%Y-%m-%d}"


class _Charts(HTMLParser):
    """Each bar chart on the page: its svg's attributes, its bars, and the caption
    and body rows of the table that follows it."""

    def __init__(self) -> None:
        super().__init__()
        self.charts: list[dict] = []
        self._in = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "svg" and "app-bar-chart" in (attributes.get("class") or ""):
            self.charts.append({"svg": attributes, "bars": 0, "caption": "", "rows": 0})
            self._in = "svg"
        elif not self.charts:
            return
        elif tag == "rect" and self._in == "svg":
            self.charts[-1]["bars"] += 1
        elif tag in {"caption", "tbody"}:
            self._in = tag
        elif tag == "tr" and self._in == "tbody":
            self.charts[-1]["rows"] += 1

    def handle_endtag(self, tag):
        if tag in {"svg", "caption", "tbody"}:
            self._in = ""

    def handle_data(self, data):
        if self._in == "caption":
            self.charts[-1]["caption"] += data


def test_dashboard_charts_have_a_table_equivalent(client_for, panel, item):
    response = client_for(panel).get(reverse("home"))
    parser = _Charts()
    parser.feed(response.content.decode())
    expected = response.context["dashboard"].charts
    assert len(parser.charts) == len(expected) == 3
    for found, chart in zip(parser.charts, expected, strict=True):
        # The picture is hidden from assistive technology; the table says it all.
        assert found["svg"].get("aria-hidden") == "true", chart.id
        assert found["svg"].get("focusable") == "false", chart.id
        assert found["bars"] == len(chart.figures), chart.id
        assert found["caption"].strip() == (
            f"{chart.title} (the chart above, as figures)"
        )
        assert found["rows"] == len(chart.figures), chart.id


def test_the_due_soon_window_is_the_amber_window(client_for, staff, make_item, today):
    """One setting: an item the dashboard lists as due soon is Amber, and one just
    past the window is Green."""
    from django.conf import settings

    window = settings.DUE_SOON_DAYS
    inside = make_item(
        status=Item.Status.IN_PROGRESS, target_date=today + dt.timedelta(window)
    )
    outside = make_item(
        status=Item.Status.IN_PROGRESS, target_date=today + dt.timedelta(window + 1)
    )
    response = client_for(staff).get(reverse("home"))
    assert [i.pk for i in response.context["dashboard"].due_soon] == [inside.pk]
    assert inside.rag(today) == Item.Rag.AMBER
    assert outside.rag(today) == Item.Rag.GREEN
