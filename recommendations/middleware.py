import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


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
