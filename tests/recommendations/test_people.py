"""One rule names a person everywhere: full name, else username; no one is "the
system"; an item without a lead reads "No lead"."""

from django.contrib.auth.models import User

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
