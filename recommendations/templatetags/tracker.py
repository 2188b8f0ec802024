"""Template filters the whole site uses (a builtin: no {% load %} needed)."""

from typing import Any

from django import template
from django.template.defaultfilters import stringfilter

from recommendations import people

register = template.Library()


@register.filter(is_safe=True)
@stringfilter
def clip(value: str, length: int) -> str:
    """Shorten to at most `length` characters, ending "…" when shortened.

    Like truncatechars, but by plain slicing: truncatechars inspects every
    character for combining marks, which cost a 50-row list several milliseconds.
    """
    length = int(length)
    if len(value) <= length:
        return value
    return value[: max(length - 1, 0)].rstrip() + "…"


@register.filter
def person(user: Any) -> str:
    """A person's name as everywhere else (recommendations.people.display_name)."""
    return people.display_name(user)


@register.filter
def lead_name(lead: Any) -> str:
    """The lead field's value: the lead's name, or "No lead"."""
    return people.lead_name(lead)
