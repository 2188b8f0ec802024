"""Template filters the whole site uses (a builtin: no {% load %} needed)."""

from django import template
from django.template.defaultfilters import stringfilter
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from recommendations.models import Item

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


# Tags are filters rather than included templates: a list page shows two per row,
# and an include costs a list of 50 rows several milliseconds.
STATUS_TAG_COLOURS = {
    "awaiting_allocation": "grey",
    "in_progress": "blue",
    "pending_sign_off": "purple",
    "closed": "green",
}
RAG_TAGS = {
    "red": ("red", "Red"),
    "amber": ("orange", "Amber"),
    "green": ("green", "Green"),
}


@register.filter
def status_tag(status: str) -> SafeString:
    """An item status as a GOV.UK tag."""
    colour = STATUS_TAG_COLOURS.get(status, "grey")
    return format_html(
        '<strong class="govuk-tag govuk-tag--{}">{}</strong>',
        colour,
        Item.Status(status).label if status in Item.Status.values else status,
    )


@register.filter
def rag_tag(rag: str) -> SafeString:
    """A RAG rating as a GOV.UK tag; closed items (rag "") show a dash."""
    if rag not in RAG_TAGS:
        return mark_safe(
            '<span class="govuk-visually-hidden">No RAG</span>'
            '<span aria-hidden="true">&ndash;</span>'
        )
    colour, label = RAG_TAGS[rag]
    return format_html(
        '<strong class="govuk-tag govuk-tag--{}">{}</strong>', colour, label
    )
