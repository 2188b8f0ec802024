from typing import Any

from django.conf import settings
from django.http import HttpRequest

from . import navigation, roles


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
        context["navigation"] = navigation.navigation_for(request)
    return context
