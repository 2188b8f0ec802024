"""Throttle repeated failed sign-ins, per account and per network address."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .logs import client_address, security_log
from .models import SignInFailure


def _window_start() -> dt.datetime:
    return timezone.now() - dt.timedelta(minutes=settings.SIGNIN_LOCKOUT_MINUTES)


def prune_failures() -> int:
    """Delete failures older than the throttle window (the only span it counts);
    return how many. Each failure is also in the security log, which keeps it."""
    deleted, _ = SignInFailure.objects.filter(at__lt=_window_start()).delete()
    return deleted


def is_throttled(username: str, address: str | None) -> bool:
    recent = SignInFailure.objects.filter(at__gte=_window_start())
    if recent.filter(username=username.lower()).count() >= (
        settings.SIGNIN_MAX_FAILURES_PER_ACCOUNT
    ):
        return True
    return bool(
        address
        and recent.filter(ip_address=address).count()
        >= settings.SIGNIN_MAX_FAILURES_PER_ADDRESS
    )


@receiver(user_login_failed)
def record_failure(
    sender: Any, credentials: dict, request: HttpRequest | None = None, **kwargs: Any
) -> None:
    username = str(credentials.get("username", ""))[:150].lower()
    address = client_address(request) if request is not None else None
    # A failures log, not business data: written directly, never changed.
    SignInFailure.objects.create(
        username=username, ip_address=address, at=timezone.now()
    )
    security_log("sign_in_failed", request, username=username)


class ThrottledAuthenticationForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Enter a correct username and password. Both are case-sensitive."
        ),
        "inactive": _("This account has been switched off."),
        "throttled": _(
            "Too many failed attempts to sign in. Wait %(minutes)s minutes and "
            "try again, or ask an administrator to reset your password."
        ),
    }

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        address = client_address(self.request) if self.request else None
        if is_throttled(username, address):
            security_log("sign_in_throttled", self.request, username=username)
            raise ValidationError(
                self.error_messages["throttled"],
                code="throttled",
                params={"minutes": settings.SIGNIN_LOCKOUT_MINUTES},
            )
        return super().clean()
