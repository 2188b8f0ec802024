"""Security events as structured (JSON) log lines: who, what, from where."""

import ipaddress
import json
import logging
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver
from django.http import HttpRequest

logger = logging.getLogger("tracker.security")


def client_address(request: HttpRequest | None) -> str | None:
    """The client's IP address, or None when there is no valid one (the throttle
    stores it in an address column: anything else would fail the sign-in)."""
    if request is None:
        return None
    address = request.META.get("REMOTE_ADDR") or ""
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            # The proxy appends the address it saw; the last entry is the one it
            # vouches for.
            address = forwarded.split(",")[-1].strip()
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def security_log(event: str, request: HttpRequest | None = None, **fields: Any) -> None:
    user = getattr(request, "user", None) if request is not None else None
    record = {
        "event": event,
        "user": user.get_username()
        if user is not None and user.is_authenticated
        else None,
        "ip": client_address(request),
        "path": request.path if request is not None else None,
        **fields,
    }
    logger.info(event, extra={"security": record})


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for the log collector."""

    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        payload.update(getattr(record, "security", {}))
        if record.exc_info:
            payload["exception"] = self.formatException(record.exc_info)
        return json.dumps(payload, default=str)


@receiver(user_logged_in)
def log_sign_in(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    security_log("sign_in", request, username=user.get_username())


@receiver(user_logged_out)
def log_sign_out(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    security_log("sign_out", request, username=user.get_username() if user else None)
