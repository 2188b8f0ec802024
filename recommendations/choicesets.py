"""Sets of choices stored in one text column, e.g. an item's owners.

Stored as ",code,code," so that "owned by X" is `owners__contains=",x,"` on every
database, history rows show readable codes, and one column is one history field.
"""

from collections.abc import Iterable

from django.db.models import TextChoices


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
