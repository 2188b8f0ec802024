"""The site's navigation: a registry each app adds its sections to at start-up.

The header lists every section the signed-in user may open, in order. Apps register
their own sections (oversight adds Home, Scrutiny and Review), so this app names
none of another app's URLs (apps depend one way: oversight -> recommendations).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise

from .access import Need, allows


@dataclass(frozen=True)
class Section:
    label: str | Promise
    url_name: str
    # The views (namespaced URL names) under this section: it shows as current.
    views: frozenset[str]
    order: int
    # What the user needs for the section to be listed (its views check again).
    need: Need = Need.VIEW
    also: Callable[[Any], bool] | None = None

    def visible(self, user: Any) -> bool:
        return allows(user, self.need) and (self.also is None or self.also(user))


_SECTIONS: dict[str, Section] = {}


def register(section: Section) -> None:
    """Add a section (registering the same URL name again replaces it)."""
    _SECTIONS[section.url_name] = section


def navigation_for(request: HttpRequest) -> list[dict[str, Any]]:
    """The sections `request.user` may open, each with its URL and current state."""
    match = request.resolver_match
    current = match.view_name if match else ""
    return [
        {
            "label": section.label,
            "url": reverse(section.url_name),
            "active": current in section.views,
        }
        for section in sorted(_SECTIONS.values(), key=lambda s: s.order)
        if section.visible(request.user)
    ]


def register_own_sections() -> None:
    """This app's sections: reports, items, loading and the admin site."""
    from django.utils.translation import gettext_lazy as _

    register(
        Section(
            _("Reports"),
            "recommendations:report_list",
            frozenset({"recommendations:report_list", "recommendations:report_detail"}),
            order=10,
        )
    )
    register(
        Section(
            _("Items"),
            "recommendations:item_list",
            frozenset(
                {
                    "recommendations:item_list",
                    "recommendations:item_detail",
                    "recommendations:item_edit",
                    "recommendations:item_progress",
                }
            ),
            order=20,
        )
    )
    register(
        Section(
            _("Load a report"),
            "recommendations:loading_start",
            frozenset(
                {
                    "recommendations:loading_start",
                    "recommendations:loading_preview",
                    "recommendations:loading_edit_row",
                }
            ),
            order=50,
            need=Need.ADMINISTER,
        )
    )
    register(
        Section(
            _("Administration"),
            "admin:index",
            frozenset(),
            order=60,
            need=Need.ADMINISTER,
            # The admin site also needs Django's staff flag.
            also=lambda user: user.is_staff,
        )
    )
