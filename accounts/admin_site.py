"""The admin site, signed into through the tracker's own sign-in page.

One sign-in path for the tracker and its admin: the same form, the same throttle
(accounts.throttle), the same single sign-on and the same security log. The admin's
own sign-in page checks no password; it sends people to the tracker's.
"""

from typing import Any, cast

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import LoginView, redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
)
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache


class TrackerAdminSite(admin.AdminSite):
    site_header = "Track inspection recommendations: administration"
    site_title = "Inspection tracker admin"

    def password_change(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> TemplateResponse:
        """Django's page, its old-password check counted by the sign-in throttle."""
        from django.contrib.auth.views import PasswordChangeView

        from .throttle import ThrottledPasswordChangeForm

        defaults = {
            "form_class": ThrottledPasswordChangeForm,
            "success_url": reverse("admin:password_change_done", current_app=self.name),
            "extra_context": {**self.each_context(request), **(extra_context or {})},
        }
        request.current_app = self.name
        # As Django's own: the view answers with a TemplateResponse (or a redirect).
        return cast(TemplateResponse, PasswordChangeView.as_view(**defaults)(request))

    @method_decorator(never_cache)
    @login_not_required
    def login(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        """To the tracker's sign-in page, and from there back to the admin."""
        # Only an on-site address is passed on (LoginView's own check).
        next_url = LoginView().get_redirect_url(request) or reverse(
            "admin:index", current_app=self.name
        )
        if self.has_permission(request):
            return HttpResponseRedirect(next_url)
        if request.user.is_authenticated:
            # Signed in, but not to administer: the tracker's refusal, not a second
            # sign-in form (which would only send them round again).
            raise PermissionDenied
        return redirect_to_login(next_url, settings.LOGIN_URL)
