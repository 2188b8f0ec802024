"""Sign-in pages, the health check and the refusal, failure and unavailable pages."""

import sys

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
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


# Failures that mean "the database cannot answer now" (unreachable, restarting,
# a statement cancelled by its timeout), not a fault in this request.
UNAVAILABLE = (OperationalError, InterfaceError)


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page, or the 503 page while the database cannot answer.

    Rendered from plain templates without the request's context: nothing on the
    way (the database, the session, the navigation) can fail a second time, and
    nothing about the failure is shown.
    """
    error = sys.exc_info()[1]
    if isinstance(error, UNAVAILABLE):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "60"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())


def permission_denied(
    request: HttpRequest, exception: Exception | None = None
) -> HttpResponse:
    security_log("permission_denied", request, method=request.method)
    return render(request, "403.html", status=403)
