from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from . import roles


def _navigation(request: HttpRequest) -> list[dict[str, Any]]:
    match = request.resolver_match
    current = match.view_name if match else ""
    links = [
        (_("Home"), "home", {"home"}),
        (
            _("Reports"),
            "recommendations:report_list",
            {"recommendations:report_list", "recommendations:report_detail"},
        ),
        (
            _("Items"),
            "recommendations:item_list",
            {
                "recommendations:item_list",
                "recommendations:item_detail",
                "recommendations:item_edit",
                "recommendations:item_progress",
            },
        ),
    ]
    links.append(
        (
            _("Scrutiny"),
            "oversight:scrutiny",
            {
                "oversight:scrutiny",
                "oversight:changes",
                "oversight:s55_list",
                "oversight:s55_report",
                "oversight:s55_edit",
                "oversight:s55_response",
            },
        )
    )
    if roles.can_review(request.user):
        links.append(
            (
                _("Review"),
                "oversight:review",
                {
                    "oversight:review",
                    "oversight:closure_decide",
                    "oversight:date_decide",
                    "oversight:hmicfrs_outcome",
                },
            )
        )
    navigation = [
        {"label": label, "url": reverse(name), "active": current in views}
        for label, name, views in links
    ]
    if roles.is_administrator(request.user):
        loading_views = {
            "recommendations:loading_start",
            "recommendations:loading_preview",
            "recommendations:loading_edit_row",
        }
        navigation.append(
            {
                "label": _("Load a report"),
                "url": reverse("recommendations:loading_start"),
                "active": current in loading_views,
            }
        )
    if roles.is_administrator(request.user) and request.user.is_staff:
        navigation.append(
            {
                "label": _("Administration"),
                "url": reverse("admin:index"),
                "active": False,
            }
        )
    return navigation


def site(request: HttpRequest) -> dict[str, Any]:
    """Service name, navigation and what the user's roles allow, for every page.

    Templates use these to decide which controls to show; every view checks again.
    """
    user = request.user
    context: dict[str, Any] = {
        "service_name": settings.SERVICE_NAME,
        "organisation_name": settings.ORGANISATION_NAME,
        "user_can_view": roles.can_view(user),
        "user_can_edit": roles.can_edit(user),
        "user_can_review": roles.can_review(user),
        "user_is_administrator": roles.is_administrator(user),
        "user_role": roles.role_label(user),
        "oidc_enabled": settings.OIDC_ENABLED,
    }
    if user.is_authenticated:
        context["navigation"] = _navigation(request)
    return context
