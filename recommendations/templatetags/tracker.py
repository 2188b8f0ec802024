"""Template filters the whole site uses (a builtin: no {% load %} needed)."""

from html import escape
from typing import Any

from django import template
from django.template.defaultfilters import stringfilter
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

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
