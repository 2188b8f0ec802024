"""One rule names a person everywhere: full name, else username; no one is "the
system"; an item without a lead reads "No lead"."""

from django.contrib.auth.models import User
from django.template import Context, Template
from django.urls import reverse

from recommendations import people, selectors
from recommendations.history import save_with_history


def test_a_person_is_named_by_full_name_else_username(staff):
    assert people.display_name(staff) == "Priya Shah"
    assert people.display_name(User(username="nameless")) == "nameless"
    assert (
        people.full_name(first_name="", last_name="", username="nameless") == "nameless"
    )


def test_no_one_is_the_system():
    assert people.display_name(None) == "the system"


def test_an_item_without_a_lead_reads_no_lead(staff):
    assert people.lead_name(None) == "No lead"
    assert people.lead_name(staff) == "Priya Shah"


def test_history_written_by_no_one_names_the_system(item):
    item.lead_team = "Renamed by a command"
    item.version += 1
    save_with_history(item, actor=None, reason="Command run")
    latest = selectors.item_history(item_id=item.pk)[0]
    assert latest.who == "the system"
    assert selectors.item_history(item_id=item.pk)[-1].who == "Alex Morgan"


def test_lead_options_use_the_same_name(staff, reviewer):
    options = dict(selectors.lead_options())
    assert options[staff.pk] == people.display_name(staff)


def test_templates_name_people_and_the_lack_of_a_lead_by_the_same_rule(
    client_for, staff, make_item
):
    rendered = Template("{{ who|person }}|{{ nobody|person }}|{{ nobody|lead_name }}")
    assert rendered.render(Context({"who": staff, "nobody": None})) == (
        f"{people.display_name(staff)}|the system|No lead"
    )
    # An unallocated item reads the same on the list and on its own page.
    item = make_item()
    assert item.lead is None
    for url in (
        reverse("recommendations:item_list"),
        reverse("recommendations:item_detail", args=[item.pk]),
    ):
        assert "No lead" in client_for(staff).get(url).content.decode(), url
