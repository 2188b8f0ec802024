"""Form widgets that render in Python what Django renders through templates.

Django renders every <option> of a select through its own template (and builds a
dictionary of attributes for each first). The item list's lead and report filters
carry hundreds of options, so that route cost more than the rest of the page; these
render the same markup directly. The classes keep Django's names so that
`BoundField.widget_type` (and with
it the form-field include and GOV.UK classes) is unchanged.
"""

from html import escape
from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe


class Select(forms.Select):
    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        chosen = {str(v) for v in self.format_value(value)}

        def options(choices: Any) -> str:
            parts = []
            for option_value, label in choices:
                if isinstance(label, list | tuple):
                    parts.append(
                        f'<optgroup label="{escape(str(option_value))}">'
                        f"{options(label)}</optgroup>"
                    )
                    continue
                text = "" if option_value is None else str(option_value)
                selected = " selected" if text in chosen else ""
                label = escape(str(label))
                parts.append(
                    f'<option value="{escape(text)}"{selected}>{label}</option>'
                )
            return "".join(parts)

        final_attrs = self.build_attrs(self.attrs, attrs)
        return mark_safe(  # noqa: S308 (every value above is escaped)
            f'<select name="{escape(name)}"{flatatt(final_attrs)}>'
            f"{options(self.choices)}</select>"
        )


class CheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Each checkbox's <input> (BoundWidget.tag) rendered directly, as Select above."""

    def _render(self, template_name: str, context: dict, renderer: Any = None) -> Any:
        if template_name != self.option_template_name:
            return super()._render(template_name, context, renderer)
        widget = context["widget"]
        value = widget["value"]
        return format_html(
            '<input type="{}" name="{}"{}{}>',
            widget["type"],
            widget["name"],
            format_html(' value="{}"', str(value)) if value is not None else "",
            flatatt(widget["attrs"]),
        )
