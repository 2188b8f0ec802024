"""The request htmx sends for a form on a page, built from the page's own markup.

A test finds the form by its hx-* attributes, changes what a person would change,
and sends what htmx would: the form's fields serialised as a browser does (ticked
boxes only, the chosen option, the submit button pressed), to the hx-get or hx-post
URL, with htmx's request headers (HX-Request, HX-Target, HX-Current-URL).
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any


@dataclass
class Form:
    attrs: dict[str, str]
    fields: list[tuple[str, str]] = field(default_factory=list)

    @property
    def method(self) -> str:
        return "post" if "hx-post" in self.attrs else "get"

    @property
    def url(self) -> str:
        return self.attrs.get("hx-post") or self.attrs["hx-get"]

    def data(self, submitter: tuple[str, str] | None = None, **changes: Any) -> dict:
        """The fields as sent; `changes` replaces fields' values (lists for boxes)."""
        values: dict[str, list[str]] = {}
        for name, value in self.fields:
            values.setdefault(name, []).append(value)
        for name, value in changes.items():
            values[name] = value if isinstance(value, list) else [value]
        if submitter:
            values[submitter[0]] = [submitter[1]]
        return values

    def headers(self, current_url: str) -> dict[str, str]:
        headers = {"HX-Request": "true", "HX-Current-URL": current_url}
        target = self.attrs.get("hx-target", "")
        if target.startswith("#"):
            headers["HX-Target"] = target[1:]
        return headers


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[Form] = []
        self._select: tuple[str, list[tuple[str, bool]]] | None = None
        self._textarea: list[str] | None = None
        self._textarea_name = ""
        self._in_form = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "form":
            self.forms.append(Form(a))
            self._in_form = True
        if not self._in_form or ("name" not in a and tag != "option"):
            return
        form = self.forms[-1]
        if tag == "input" and a.get("type") not in {"submit", "button", "file"}:
            box = a.get("type") in {"checkbox", "radio"}
            if box and "checked" not in a:
                return
            form.fields.append((a["name"], a.get("value", "on" if box else "")))
        elif tag == "select":
            self._select = (a["name"], [])
        elif tag == "option" and self._select is not None:
            self._select[1].append((a.get("value", ""), "selected" in a))
        elif tag == "textarea":
            self._textarea, self._textarea_name = [], a["name"]

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._in_form = False
        elif tag == "select" and self._select is not None:
            name, options = self._select
            chosen = [value for value, selected in options if selected] or [
                options[0][0]
            ]
            self.forms[-1].fields.append((name, chosen[0]))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.forms[-1].fields.append((self._textarea_name, "".join(self._textarea)))
            self._textarea = None


def find_form(html: str, **attrs: str) -> Form:
    """The first form on the page with these attributes (hx_get= for hx-get)."""
    parser = _Parser()
    parser.feed(html)
    wanted = {key.replace("_", "-"): value for key, value in attrs.items()}
    for form in parser.forms:
        if all(form.attrs.get(key) == value for key, value in wanted.items()):
            return form
    raise AssertionError(f"No form with {wanted}")
