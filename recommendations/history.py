"""Writing tracked models so that every change leaves history with a user and reason.

django-simple-history records on `save()` only; queryset updates, bulk writes and
raw SQL leave no trace. Services write tracked rows through `save_with_history`.
"""

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import models
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone
from simple_history import manager as simple_history_manager
from simple_history.models import HistoricalRecords


def save_with_history(
    obj: models.Model,
    *,
    actor: AbstractBaseUser | None,
    reason: str,
    update_fields: list[str] | None = None,
) -> None:
    if not reason.strip():
        raise ValueError("A change to a tracked record needs a reason.")
    # attr-defined: django-simple-history reads these two attributes when the model
    # saves; models declare no such fields.
    obj._history_user = actor  # type: ignore[attr-defined]
    obj._change_reason = reason  # type: ignore[attr-defined]
    obj.save(update_fields=update_fields)


# Fixture loading saves rows "raw", which django-simple-history skips. The receiver
# below records those rows too, attributed to whoever `attributed_to` names.
@dataclass(frozen=True)
class FixtureAttribution:
    actor: AbstractBaseUser | None = None
    reason: str = "Loaded from fixture data"
    # When the history should say each row was written (default: now), and which
    # models' rows are recorded by the caller instead (None: record nothing).
    when: Callable[[models.Model], dt.datetime | None] | None = None
    skip: frozenset[str] = frozenset()


_fixture_actor: ContextVar[FixtureAttribution] = ContextVar(
    "fixture_actor",
    default=FixtureAttribution(),  # noqa: B039 (frozen)
)


@contextmanager
def attributed_to(
    actor: AbstractBaseUser | None,
    reason: str,
    *,
    when: Callable[[models.Model], dt.datetime | None] | None = None,
    skip: frozenset[str] = frozenset(),
) -> Iterator[None]:
    """Attribute rows loaded from fixtures inside this block to `actor`, `reason`."""
    token = _fixture_actor.set(FixtureAttribution(actor, reason, when, skip))
    try:
        yield
    finally:
        _fixture_actor.reset(token)


@receiver(post_save)
def record_fixture_rows(
    sender: type[models.Model], instance: models.Model, raw: bool = False, **kwargs: Any
) -> None:
    if not raw:
        return
    manager = getattr(sender, "history", None)
    if manager is None or not hasattr(sender, "_meta") or sender._meta.abstract:
        return
    if not hasattr(manager, "model") or not hasattr(manager.model, "history_type"):
        return
    attribution = _fixture_actor.get()
    if sender._meta.label_lower in attribution.skip:
        return
    created = kwargs.get("created", True)
    when = attribution.when(instance) if attribution.when else None
    manager.model.objects.using(kwargs.get("using") or "default").create(
        **{
            field.attname: getattr(instance, field.attname)
            for field in manager.model.tracked_fields
        },
        history_date=when or timezone.now(),
        history_type="+" if created else "~",
        history_user=attribution.actor,
        history_change_reason=attribution.reason,
    )


class HistoryManager(simple_history_manager.HistoryManager):
    """simple-history's manager, its class built once.

    simple-history builds a new manager class (inspecting every queryset method)
    each time `instance.history` is read, which it does on every save: about a
    quarter of what recording history cost a save (docs/performance.md).
    """

    _built: dict[tuple, type] = {}

    @classmethod
    def from_queryset(cls, queryset_class: type, class_name: str | None = None) -> Any:
        key = (cls, queryset_class, class_name)
        if key not in cls._built:
            cls._built[key] = super().from_queryset(queryset_class, class_name)
        return cls._built[key]


def tracked(**options: Any) -> HistoricalRecords:
    """History for a model: every save recorded with the acting user and a reason."""
    return HistoricalRecords(
        history_change_reason_field=models.TextField(null=True),
        history_manager=HistoryManager,
        **options,
    )
