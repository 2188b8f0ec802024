"""Throttle repeated failed sign-ins, per account and per network address.

Every password sign-in (the tracker's page, and so the admin's: accounts.admin_site)
goes through ThrottledAuthenticationForm. Counting and recording an attempt is one
step (begin_attempt): the attempt's account and address rows are locked, the
failures in the window counted, and the attempt recorded as a failure before the
password is checked; a right password then forgets it. So guesses sent at the same
moment are counted one after another, and no more than the limit are ever checked.
"""

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.db import transaction
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .logs import client_address, security_log
from .models import SignInFailure, SignInLock


def _window_start() -> dt.datetime:
    return timezone.now() - dt.timedelta(minutes=settings.SIGNIN_LOCKOUT_MINUTES)


def prune_failures() -> int:
    """Delete failures older than the throttle window (the only span it counts),
    and the locks of names and addresses not tried since; return how many failures.
    Each failure is also in the security log, which keeps it."""
    start = _window_start()
    deleted, _ = SignInFailure.objects.filter(at__lt=start).delete()
    SignInLock.objects.filter(touched_at__lt=start).delete()
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


def _lock(key: str, now: dt.datetime) -> None:
    """Create or lock the row for `key`, until the transaction ends, in one
    statement (INSERT ... ON CONFLICT DO UPDATE), whether or not it existed."""
    SignInLock.objects.bulk_create(
        [SignInLock(key=key, touched_at=now)],
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["touched_at"],
    )


@transaction.atomic
def begin_attempt(username: str, address: str | None) -> SignInFailure | None:
    """Count and record a password attempt in one step; None when throttled.

    Recorded as a failure until the password proves right (forget_attempt), so
    an attempt made meanwhile counts it.
    """
    username = username[:150].lower()
    now = timezone.now()
    keys = [f"account:{username}"] + ([f"address:{address}"] if address else [])
    for key in sorted(keys):  # always in one order, so two attempts never deadlock
        _lock(key, now)
    if is_throttled(username, address):
        return None
    return SignInFailure.objects.create(username=username, ip_address=address, at=now)


def forget_attempt(attempt: SignInFailure) -> None:
    """The password was right: the attempt was no failure, and is not counted."""
    # A failures log, not business data: written directly, never changed.
    attempt.delete()


@receiver(user_login_failed)
def log_failure(
    sender: Any, credentials: dict, request: HttpRequest | None = None, **kwargs: Any
) -> None:
    # Counted by begin_attempt, before the password was checked; logged here.
    username = str(credentials.get("username", ""))[:150].lower()
    security_log("sign_in_failed", request, username=username)


class ThrottledAuthenticationForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Enter a correct username and password. Both are case-sensitive."
        ),
        "inactive": _("This account has been switched off."),
    }

    def throttled_message(self) -> str:
        minutes = settings.SIGNIN_LOCKOUT_MINUTES
        return ngettext(
            "Too many failed attempts to sign in. Wait %(minutes)d minute and "
            "try again, or ask an administrator to reset your password.",
            "Too many failed attempts to sign in. Wait %(minutes)d minutes and "
            "try again, or ask an administrator to reset your password.",
            minutes,
        ) % {"minutes": minutes}

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        if not (username and self.cleaned_data.get("password")):
            return super().clean()  # a field left empty: no password is checked
        address = client_address(self.request) if self.request else None
        attempt = begin_attempt(username, address)
        if attempt is None:
            security_log("sign_in_throttled", self.request, username=username)
            raise ValidationError(self.throttled_message(), code="throttled")
        try:
            return super().clean()
        finally:
            if self.user_cache is not None:  # a backend accepted the password
                forget_attempt(attempt)


class ThrottledPasswordChangeForm(PasswordChangeForm):
    """Changing one's password checks the old one: counted by the same throttle
    as signing in, so it is no second way to guess a password."""

    def clean_old_password(self) -> str:
        old = self.cleaned_data.get("old_password", "")
        username = self.user.get_username()
        attempt = begin_attempt(username, None)
        if attempt is None:
            security_log("sign_in_throttled", None, username=username)
            raise ValidationError(
                ThrottledAuthenticationForm().throttled_message(), code="throttled"
            )
        if not self.user.check_password(old):
            security_log("sign_in_failed", None, username=username)
            raise ValidationError(
                self.error_messages["password_incorrect"], code="password_incorrect"
            )
        forget_attempt(attempt)
        return old
