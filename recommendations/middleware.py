import time
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest, HttpResponse


class NulInQuery(SuspiciousOperation):
    """A NUL byte in the path or query string: no field holds one (PostgreSQL
    refuses it outright), so no view should have to cope with it."""


class RefuseNulMiddleware:
    """Answer 400 (logged as suspicious) to a NUL byte in the path or query string,
    and drop any cookie holding one (a session id with a NUL is no session: the
    visitor is simply not signed in, rather than every page failing for them).

    Forms refuse a NUL in what is posted with an error beside the field, keeping
    the rest of the input (Django's CharField), so posts are left to them.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        for name, value in list(request.COOKIES.items()):
            if "\x00" in name or "\x00" in value:
                del request.COOKIES[name]
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise NulInQuery("NUL byte in the path or query string")
        return self.get_response(request)


class NoStoreMiddleware:
    """Signed-in pages hold OFFICIAL data: no browser or proxy may keep a copy."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.user.is_authenticated and "Cache-Control" not in response:
            response["Cache-Control"] = "no-store"
        return response


class SessionRenewalMiddleware:
    """Renew a signed-in session's idle timeout, writing it at most once a minute.

    Django's SESSION_SAVE_EVERY_REQUEST writes the session row on every request;
    this marks it changed only when its last renewal is SESSION_RENEW_AFTER_SECONDS
    old, so a session still ends SESSION_COOKIE_AGE (at most a minute more) after
    the last request.
    """

    KEY = "_renewed_at"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.user.is_authenticated:
            now = int(time.time())
            renewed = request.session.get(self.KEY, 0)
            if now - renewed >= settings.SESSION_RENEW_AFTER_SECONDS:
                request.session[self.KEY] = now
        return response
