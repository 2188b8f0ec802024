"""Template filters the whole site uses (a builtin: no {% load %} needed)."""

import datetime as dt
import functools
from collections.abc import Iterable
from html import escape
from typing import Any

from django import template
from django.template.defaultfilters import stringfilter
from django.template.loader import render_to_string
from django.urls import reverse
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
@functools.cache
def status_tag(status: str) -> SafeString:
    """An item status as a GOV.UK tag (one string per status, built once)."""
    colour = STATUS_TAG_COLOURS.get(status, "grey")
    return format_html(
        '<strong class="govuk-tag govuk-tag--{}">{}</strong>',
        colour,
        Item.Status(status).label if status in Item.Status.values else status,
    )


@register.filter
@functools.cache
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


@register.simple_tag
def item_list_rows(items: Iterable[Any], as_at: dt.date | None = None) -> SafeString:
    """The item list's table rows, built in Python.

    The list is the page people open most; through the template engine its 50 rows
    cost half the page's time, built here they cost a tenth of that. Every value
    is escaped; the markup matches the table head in item_list.html.
    """
    query = f"?as_at={as_at:%Y-%m-%d}" if as_at else ""
    base = reverse("recommendations:item_detail", args=[0]).removesuffix("0/")
    rows = []
    for item in items:
        report = item.report
        lead = item.lead
        lead_name = (lead.get_full_name() or lead.username) if lead else "None"
        target = item.target_date
        rows.append(
            '<tr class="govuk-table__row app-table-small">'
            '<td class="govuk-table__cell app-item-cell">'
            f'<a class="govuk-link govuk-!-font-weight-bold" href="{base}{item.id}/'
            f'{query}">{escape(item.get_kind_display())} {escape(item.reference)}</a>'
            f'<br><span class="app-secondary-text">{escape(clip(report.title, 70))}'
            f" ({report.published_on:%Y})</span></td>"
            f'<td class="govuk-table__cell">{escape(clip(item.text, 160))}</td>'
            f'<td class="govuk-table__cell">{escape(", ".join(item.owner_labels))}</td>'
            f'<td class="govuk-table__cell">{escape(lead_name)}</td>'
            f'<td class="govuk-table__cell">{status_tag(item.status)}</td>'
            f'<td class="govuk-table__cell">{rag_tag(item.rag_value)}</td>'
            '<td class="govuk-table__cell app-nowrap">'
            f"{f'{target:%-d %b %Y}' if target else 'Not set'}</td></tr>"
        )
    return mark_safe("".join(rows))  # noqa: S308 (every value above is escaped)


@register.simple_tag
def history_rows(entries: Iterable[Any]) -> SafeString:
    """The item page's history table rows, built in Python (as item_list_rows).

    An item with a long history (hundreds of changes) showed it through the
    template engine at over half the page's time.
    """
    rows = []
    for entry in entries:
        changes = []
        for change in entry.changes:
            new = escape(clip(change.new, 200))
            if entry.kind == "created":
                shown = new
            else:
                shown = (
                    f'{escape(clip(change.old, 200))} <span aria-hidden="true">→</span>'
                    f'<span class="govuk-visually-hidden"> changed to</span> {new}'
                )
            changes.append(f"<li><strong>{escape(change.label)}</strong>: {shown}</li>")
        created = (
            '<p class="govuk-body-s govuk-!-margin-bottom-1">Created</p>'
            if entry.kind == "created"
            else ""
        )
        rows.append(
            '<tr class="govuk-table__row">'
            '<td class="govuk-table__cell app-nowrap govuk-body-s">'
            f'<time datetime="{entry.when_iso}">{entry.when_label}</time></td>'
            f'<td class="govuk-table__cell govuk-body-s">{escape(entry.who)}</td>'
            '<td class="govuk-table__cell govuk-body-s">'
            f"{escape(entry.reason or 'No reason recorded')}</td>"
            f'<td class="govuk-table__cell">{created}'
            f'<ul class="govuk-list app-history-change">{"".join(changes)}</ul></td>'
            "</tr>"
        )
    return mark_safe("".join(rows))  # noqa: S308 (every value above is escaped)


PYTHON_FIELDS = {"checkboxselectmultiple", "checkbox", "text", "select", "date"}


@register.simple_tag
def govuk_field(field: Any, small: bool = False, label_class: str = "") -> SafeString:
    """includes/_field.html built in Python, for the item list's filter panel.

    The same markup (a test holds them together) for text, select, date and
    checkbox fields; other widgets go through the include. Through the template
    engine the filter panel's ten fields were a quarter of the list page's time.
    """
    widget_type = field.widget_type
    if widget_type not in {
        "checkboxselectmultiple",
        "checkbox",
        "text",
        "select",
        "date",
    }:
        context = {"field": field, "small": small, "label_class": label_class}
        return mark_safe(render_to_string("includes/_field.html", context))  # noqa: S308
    auto_id = field.auto_id
    errors = "".join(
        f'<p id="{auto_id}-error" class="govuk-error-message">'
        f'<span class="govuk-visually-hidden">Error:</span> {escape(str(error))}</p>'
        for error in field.errors
    )
    group = f"govuk-form-group{' govuk-form-group--error' if field.errors else ''}"
    label = escape(str(field.label))
    help_text = escape(str(field.help_text)) if field.help_text else ""
    hint = f'<div id="{auto_id}-hint" class="govuk-hint">{help_text}</div>'
    hint = hint if help_text else ""
    boxes = f"govuk-checkboxes{' govuk-checkboxes--small' if small else ''}"
    if widget_type == "checkboxselectmultiple":
        described = " ".join(
            part
            for part in (
                f"{auto_id}-hint" if help_text else "",
                f"{auto_id}-error" if field.errors else "",
            )
            if part
        )
        choices = "".join(
            '<div class="govuk-checkboxes__item">'
            f"{choice.tag()}"
            f'<label class="govuk-label govuk-checkboxes__label" '
            f'for="{choice.id_for_label}">{escape(str(choice.choice_label))}</label>'
            "</div>"
            for choice in field
        )
        return mark_safe(  # noqa: S308 (every value above is escaped)
            f'<div class="{group}"><fieldset class="govuk-fieldset"'
            + (f' aria-describedby="{described}"' if described else "")
            + f'><legend class="govuk-fieldset__legend '
            f'{label_class or "govuk-fieldset__legend--s"}">{label}</legend>'
            + hint
            + errors
            + f'<div class="{boxes}" data-module="govuk-checkboxes">{choices}</div>'
            "</fieldset></div>"
        )
    if widget_type == "checkbox":
        return mark_safe(  # noqa: S308 (every value above is escaped)
            f'<div class="{group}">{errors}'
            f'<div class="{boxes}" data-module="govuk-checkboxes">'
            '<div class="govuk-checkboxes__item">'
            f'{field}<label class="govuk-label govuk-checkboxes__label"'
            f' for="{auto_id}">{label}</label>'
            + (
                f'<div id="{auto_id}-hint" class="govuk-hint govuk-checkboxes__hint">'
                f"{help_text}</div>"
                if help_text
                else ""
            )
            + "</div></div></div>"
        )
    return mark_safe(  # noqa: S308 (every value above is escaped)
        f'<div class="{group}"><label class="govuk-label '
        f'{label_class or "govuk-label--s"}" for="{auto_id}">{label}</label>'
        + f"{hint}{errors}{field}</div>"
    )
