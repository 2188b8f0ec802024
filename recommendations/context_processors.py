from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest

from . import navigation, roles
from .access import Need, allows


def site(request: HttpRequest) -> dict[str, Any]:
    """Service name, navigation and what the user's roles allow, for every page.

    Templates use these to decide which controls to show; every view checks again.
    """
    # A request refused before sign-in is read (a foreign Host header) has no user.
    user = getattr(request, "user", None) or AnonymousUser()
    context: dict[str, Any] = {
        "service_name": settings.SERVICE_NAME,
        "organisation_name": settings.ORGANISATION_NAME,
        "user_can_view": allows(user, Need.VIEW),
        "user_can_edit": allows(user, Need.EDIT),
        "user_can_review": allows(user, Need.REVIEW),
        "user_is_administrator": allows(user, Need.ADMINISTER),
        "user_role": roles.role_label(user),
        "oidc_enabled": settings.OIDC_ENABLED,
    }
    if user.is_authenticated:
        context["navigation"] = navigation.navigation_for(request)
    return context
