"""Sign-in pages, the health check and the refusal page."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .logs import security_log
from .throttle import ThrottledAuthenticationForm


class SignInView(auth_views.LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True
    authentication_form = ThrottledAuthenticationForm


@login_not_required
@never_cache
@require_GET
def health(request: HttpRequest) -> HttpResponse:
    """For the load balancer: 200 when the database answers, 503 when not.

    Says nothing else: no versions, no hostnames, no error text.
    """
    try:
        with connection.cursor() as cursor:  # read-only: SELECT 1
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return HttpResponse("unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


def permission_denied(
    request: HttpRequest, exception: Exception | None = None
) -> HttpResponse:
    security_log("permission_denied", request, method=request.method)
    return render(request, "403.html", status=403)
