"""How a person is named on pages, in messages, in history and in papers.

One rule: the full name, else the username. A change written by no one (a command,
a migration) is by "the system". An item without a lead is a field's value, not a
person, and reads "No lead".
"""

from typing import Any

from django.utils.translation import gettext as _


def full_name(*, first_name: str, last_name: str, username: str) -> str:
    """As `User.get_full_name()` or the username, from plain values (`.values()`)."""
    return f"{first_name} {last_name}".strip() or username


def display_name(user: Any) -> str:
    """The person's name; "the system" when no one is named (history rows)."""
    if user is None:
        return _("the system")
    get_full_name = getattr(user, "get_full_name", None)
    name = get_full_name() if get_full_name is not None else ""
    return name or user.get_username()


def lead_name(lead: Any) -> str:
    """The lead field's value: the lead's name, or "No lead"."""
    return display_name(lead) if lead is not None else _("No lead")
