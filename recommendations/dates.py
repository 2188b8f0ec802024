"""The range of dates the tracker accepts, wherever a date arrives.

A typed 9999 or 0202 is a mistake, not a plan, and dates near the calendar's ends
overflow the arithmetic every clock does (a day after, 56 days after). Forms, the
item list's filters, imports, commands and "as at" all refuse dates outside
EARLIEST..LATEST with the same message.
"""

import argparse
import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _

EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2099, 12, 31)


def in_range(day: dt.date) -> bool:
    if isinstance(day, dt.datetime):
        day = day.date()
    return EARLIEST <= day <= LATEST


def out_of_range_message() -> str:
    return _("Enter a date between %(earliest)s and %(latest)s.") % {
        "earliest": date_format(EARLIEST, "j F Y"),
        "latest": date_format(LATEST, "j F Y"),
    }


def validate(day: dt.date) -> None:
    """A form field validator: the one message for a date out of range."""
    if not in_range(day):
        raise ValidationError(out_of_range_message(), code="date_out_of_range")


def argument(value: str) -> dt.date:
    """An argparse type: an ISO date within the accepted range."""
    try:
        day = dt.date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date (YYYY-MM-DD)."
        ) from error
    if not in_range(day):
        raise argparse.ArgumentTypeError(out_of_range_message())
    return day
