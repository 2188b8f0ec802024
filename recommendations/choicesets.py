"""Sets of choices stored in one text column, e.g. an item's owners.

Stored as ",code,code," so that "owned by X" is `owners__contains=",x,"` on every
database, history rows show readable codes, and one column is one history field.
Also what every choice column shares: a database check that refuses an unknown code,
and a label that shows an unknown one as it is rather than failing.
"""

from collections.abc import Iterable

from django.db.models import CheckConstraint, Q, TextChoices


def encode(codes: Iterable[str]) -> str:
    unique = sorted({code for code in codes if code})
    return f",{','.join(unique)}," if unique else ""


def decode(value: str | None) -> list[str]:
    if not value:
        return []
    return [code for code in value.split(",") if code]


def contains(code: str) -> str:
    """The fragment to look for with `__contains` to find rows holding `code`."""
    return f",{code},"


def labels(value: str | None, choices: type[TextChoices]) -> list[str]:
    """The labels of the codes in `value`, in the choices' order, in the active
    language (looked up on every call: nothing translated is kept)."""
    names = dict(choices.choices)
    order = {code: index for index, code in enumerate(names)}
    codes = sorted(decode(value), key=lambda code: order.get(code, len(order)))
    return [str(names.get(code, code)) for code in codes]


def label(choices: type[TextChoices], code: str) -> str:
    """The label of one code in the active language, or the code itself when the
    choices do not know it (a row restored from elsewhere must not break a page)."""
    return str(dict(choices.choices).get(code, code))


def known(
    field: str, choices: type[TextChoices], *, name: str, blank: bool = False
) -> CheckConstraint:
    """A database check that `field` holds one of `choices` (or "" when `blank`).

    Only on the live table: history rows keep what was stored at the time.
    """
    values = list(choices.values) + ([""] if blank else [])
    return CheckConstraint(condition=Q(**{f"{field}__in": values}), name=name)
