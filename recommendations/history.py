"""Writing tracked models so that every change leaves history with a user and reason.

django-simple-history records on `save()` only; queryset updates, bulk writes and
raw SQL leave no trace. Services write tracked rows through `save_with_history`.
"""

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.backends.signals import connection_created
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from django.utils import timezone
from simple_history import manager as simple_history_manager
from simple_history.models import HistoricalRecords
from simple_history.signals import post_create_historical_record


def save_with_history(
    obj: models.Model,
    *,
    actor: User | None,
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


def create_with_history[M: models.Model](
    objs: list[M], *, actor: User | None, reason: str
) -> list[M]:
    """New rows of one tracked model, each with its "+" history row (the acting user
    and the reason), in two bulk statements rather than two per row.

    The rows and their history are written together, as save() would write them
    one by one: nothing is stored without its history. Where the database cannot
    return the new rows' ids from a bulk insert, each row is saved instead.
    """
    if not reason.strip():
        raise ValueError("A change to a tracked record needs a reason.")
    if not objs:
        return objs
    model = type(objs[0])
    from django.db import connections, router

    database = router.db_for_write(model)

    if not connections[database].features.can_return_rows_from_bulk_insert:
        for obj in objs:
            save_with_history(obj, actor=actor, reason=reason)
        return objs
    table = model._meta.db_table.lower()
    history = model.history.model  # type: ignore[attr-defined]  # simple-history
    with _recorded_write(table):
        # The plain queryset's bulk_create, past TrackedQuerySet's refusal: the
        # history rows are written just below.
        created: list[M] = models.QuerySet(model, using=database).bulk_create(
            objs,  # type: ignore[arg-type]  # the stubs lose M through QuerySet(model)
            batch_size=BULK_BATCH,
        )
    when = timezone.now()
    fields = [field.attname for field in history.tracked_fields]
    history_rows = [
        history(
            **{name: getattr(obj, name) for name in fields},
            history_date=when,
            history_type="+",
            history_user=actor,
            history_change_reason=reason,
        )
        for obj in created
    ]
    history.objects.using(database).bulk_create(history_rows, batch_size=BULK_BATCH)
    # What a save's history row announces (the data version's bump: once is enough).
    post_create_historical_record.send(
        sender=history,
        instance=created[0],
        history_instance=history_rows[0],
        history_date=when,
        history_user=actor,
        history_change_reason=reason,
        using=database,
    )
    return created


BULK_BATCH = 500


# Fixture loading saves rows "raw", which django-simple-history skips. The receiver
# below records those rows too, attributed to whoever `attributed_to` names.
@dataclass(frozen=True)
class FixtureAttribution:
    actor: User | None = None
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
    actor: User | None,
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


# ---------------------------------------------------------------------------
# The guard: tracked rows are written by save() (which records history) or not at
# all. django-simple-history records on save() only, so a queryset update(), a bulk
# write, a raw statement or save_without_historical_record() would change a tracked
# row and leave no trace; the cached figures (recommendations.figures) would also go
# stale, since they key on the newest history row. Every such write is refused at run
# time, at two levels:
# - tracked models' querysets refuse update(), bulk_create() and bulk_update();
# - every database connection refuses INSERT and UPDATE statements on a tracked
#   table unless they come from a tracked row's own save(), DELETE on a tracked
#   table unless Django's deletion (which records the row's history) issues it, and
#   any UPDATE or DELETE on a history table (the trail is append-only; PostgreSQL's
#   triggers, recommendations.history_triggers, refuse it again for other clients).
# Bulk loaders that write history rows themselves (the benchmark's seed) say so with
# `unrecorded_writes(reason)`.
# ---------------------------------------------------------------------------


class UnrecordedWriteError(RuntimeError):
    """A write that would change a tracked row without recording its history."""


# The reason unrecorded writes are allowed in this context, or "".
_unrecorded_reason: ContextVar[str] = ContextVar("unrecorded_reason", default="")
# The tracked tables whose row is being saved, or deleted by Django, right now.
_recording: ContextVar[frozenset[str]] = ContextVar("recording", default=frozenset())
# Rows Django is deleting (pre_delete seen, post_delete not yet): pks per table.
_deleting: ContextVar[dict[str, frozenset[Any]] | None] = ContextVar(
    "deleting", default=None
)


@contextmanager
def unrecorded_writes(reason: str) -> Iterator[None]:
    """Allow writes that leave no history inside this block; `reason` says why."""
    if not reason.strip():
        raise ValueError("Say why these writes may leave no history.")
    token = _unrecorded_reason.set(reason)
    try:
        yield
    finally:
        _unrecorded_reason.reset(token)


@contextmanager
def _recorded_write(table: str) -> Iterator[None]:
    token = _recording.set(_recording.get() | {table})
    try:
        yield
    finally:
        _recording.reset(token)


def _refuse(what: str) -> None:
    if not _unrecorded_reason.get():
        raise UnrecordedWriteError(
            f"{what} would change tracked rows without recording history: save "
            "each row through a service (save_with_history), or wrap a bulk load "
            "that writes its own history in unrecorded_writes(reason)."
        )


class TrackedQuerySet(models.QuerySet):
    """A tracked model's queryset: no write that skips save() and its history."""

    def update(self, **kwargs: Any) -> int:
        _refuse(f"{self.model.__name__}.objects.update()")
        return super().update(**kwargs)

    def bulk_create(self, objs: Any, *args: Any, **kwargs: Any) -> list:
        _refuse(f"{self.model.__name__}.objects.bulk_create()")
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs: Any, fields: Any, *args: Any, **kwargs: Any) -> int:
        _refuse(f"{self.model.__name__}.objects.bulk_update()")
        return super().bulk_update(objs, fields, *args, **kwargs)


TrackedManager = models.Manager.from_queryset(TrackedQuerySet)


class RecordedModel(models.Model):
    """Base of every tracked model: its own saves are the writes the guard allows."""

    objects = TrackedManager()

    class Meta:
        abstract = True

    def _refuse_unrecorded_save(self) -> None:
        # simple-history skips recording when the attribute exists at all, and
        # records nothing while SIMPLE_HISTORY_ENABLED is off.
        if hasattr(self, "skip_history_when_saving"):
            _refuse(f"{type(self).__name__}.save_without_historical_record()")
        if not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
            _refuse(f"Saving {type(self).__name__} with SIMPLE_HISTORY_ENABLED off")

    def _do_update(self, *args: Any, **kwargs: Any) -> Any:
        self._refuse_unrecorded_save()
        with _recorded_write(self._meta.db_table.lower()):
            return super()._do_update(*args, **kwargs)

    def _do_insert(self, *args: Any, **kwargs: Any) -> Any:
        self._refuse_unrecorded_save()
        with _recorded_write(self._meta.db_table.lower()):
            # misc: Model._do_insert is private, so the stubs do not declare it.
            return super()._do_insert(*args, **kwargs)  # type: ignore[misc]


def _announce_deletion(
    sender: type[models.Model], instance: Any, **kwargs: Any
) -> None:
    # Django's deletion sends pre_delete for every row, runs the DELETEs, then sends
    # post_delete, on which simple-history records each deleted row. Only the rows
    # announced here may be deleted, and each only once.
    table = sender._meta.db_table.lower()
    announced = dict(_deleting.get() or {})
    announced[table] = announced.get(table, frozenset()) | {instance.pk}
    _deleting.set(announced)


def _deletion_recorded(
    sender: type[models.Model], instance: Any, **kwargs: Any
) -> None:
    table = sender._meta.db_table.lower()
    announced = dict(_deleting.get() or {})
    remaining = announced.get(table, frozenset()) - {instance.pk}
    if remaining:
        announced[table] = remaining
    else:
        announced.pop(table, None)
    _deleting.set(announced or None)


def _flat(params: Any, many: bool) -> list[Any]:
    if params is None:
        return []
    if isinstance(params, dict):
        return list(params.values())
    if many:
        return [value for row in params for value in _flat(row, False)]
    return list(params)


# The SQL the guard reads: comments, string literals and row-locking clauses (a
# SELECT ... FOR UPDATE reads) removed, identifiers unquoted, lower case.
_COMMENTS = re.compile(r"/\*.*?\*/|--[^\n]*", re.DOTALL)
_LITERALS = re.compile(r"'(?:[^']|'')*'")
_ROW_LOCKS = re.compile(r"\bfor\s+(?:no\s+key\s+)?update\b")
_UNQUOTE = str.maketrans({'"': " ", "`": " ", "[": " ", "]": " "})
_WRITE_VERBS = re.compile(
    r"\b(insert|update|delete|replace|merge|truncate|copy|upsert)\b"
)
# Schema changes (migrations) name tables without writing rows.
_SCHEMA = re.compile(
    r"^\s*(?:create|alter|drop|comment|grant|revoke|analyze|vacuum|pragma|reindex)\b"
)
# SQL that builds its statement at run time, which no reading can check.
_DYNAMIC = re.compile(r"\bdo\s*(?:\$|'|e')|\bexecute\b")
# A cheap first look: only statements with one of these words are read closely.
_MAY_WRITE = re.compile(
    r"insert|update|delete|replace|merge|truncate|copy|upsert|execute|\bdo\b"
)


def _sql_text(sql: Any, context: Any) -> str:
    if isinstance(sql, str):
        return sql
    if isinstance(sql, bytes | bytearray | memoryview):
        return bytes(sql).decode("utf-8", errors="replace")
    as_string = getattr(sql, "as_string", None)  # psycopg's sql.SQL / Composed
    if as_string is not None:
        return as_string(context["connection"].connection)
    return str(sql)


@functools.cache
def tracked_tables() -> tuple[frozenset[str], frozenset[str]]:
    """(tables of tracked models, their history tables), from the app registry."""
    from django.apps import apps

    main, history = set(), set()
    for model in apps.get_models():
        name = getattr(model._meta, "simple_history_manager_attribute", None)
        if name is None:
            continue
        if not issubclass(model, RecordedModel):
            raise ImproperlyConfigured(
                f"{model.__name__} is tracked but does not extend RecordedModel, so "
                "writes that skip its history would not be refused."
            )
        main.add(model._meta.db_table.lower())
        history.add(getattr(model, name).model._meta.db_table.lower())
    return frozenset(main), frozenset(history)


def install_guard() -> None:
    """Check every tracked model is guarded and follow Django's deletion of each.

    The deletion receivers are connected per tracked model, so every other model
    keeps Django's fast bulk delete (sessions, for example).
    """
    from django.apps import apps

    tracked_tables()
    for model in apps.get_models():
        if issubclass(model, RecordedModel):
            pre_delete.connect(_announce_deletion, sender=model, weak=False)
            post_delete.connect(_deletion_recorded, sender=model, weak=False)


def refuse_unrecorded_sql(
    execute: Callable[..., Any], sql: Any, params: Any, many: bool, context: Any
) -> Any:
    """A connection's execute wrapper: refuse SQL that writes tracked rows unseen.

    A statement that writes a tracked table is let through only when it is that
    row's own save() (INSERT or UPDATE) or Django's deletion of rows it announced
    (DELETE); a history table takes INSERTs only; SQL that builds its statement at
    run time (DO blocks, EXECUTE) is refused. This reads every statement Django's
    cursors execute; code that reaches the database driver beneath Django
    (`cursor.cursor`, COPY) is outside it, and on PostgreSQL the history tables'
    triggers refuse rewrites whatever the path.
    """
    if _unrecorded_reason.get():
        return execute(sql, params, many, context)
    text = _sql_text(sql, context).lower()
    if _MAY_WRITE.search(text):
        # Each pass only when its characters are there: this runs on every write.
        if "/*" in text or "--" in text:
            text = _COMMENTS.sub(" ", text)
        if "'" in text:
            text = _LITERALS.sub("''", text)
        text = text.translate(_UNQUOTE)
        if "for" in text:
            text = _ROW_LOCKS.sub(" ", text)
        if not _SCHEMA.match(text):
            if _DYNAMIC.search(text):
                _refuse("SQL that builds its statement at run time")
            if _WRITE_VERBS.search(text):
                _check_write(text, _flat(params, many))
    return execute(sql, params, many, context)


# Where a statement writes (read from the normalised text, so comments, quoting and
# brackets cannot hide a target): INSERT/REPLACE/MERGE INTO t, UPDATE [OR x] t,
# DELETE FROM t, TRUNCATE [TABLE] t, u, COPY t, each optionally schema-qualified.
_TARGETS = re.compile(
    r"\b(insert|replace|merge|update|delete|truncate|copy)\b"
    r"(?:\s+or\s+\w+)?(?:\s+(?:into|from|table))?(?:\s+only)?"
    r"\s*((?:\w+\s*\.\s*)?\w+(?:\s*,\s*(?:\w+\s*\.\s*)?\w+)*)"
)


def _targets(text: str) -> list[tuple[str, str]]:
    found = []
    for verb, tables in _TARGETS.findall(text):
        for table in tables.split(",") if verb == "truncate" else [tables]:
            found.append((verb, table.split(".")[-1].strip()))
    return found


def _check_write(text: str, params: list[Any]) -> None:
    if "u&" in text:
        _refuse("a write naming its table in escaped Unicode")
    main, history = tracked_tables()
    for verb, table in _targets(text):
        if table in history and verb != "insert":
            _refuse(f"{verb.upper()} on the history table {table}")
        elif table not in main:
            continue
        elif verb == "delete":
            announced = (_deleting.get() or {}).get(table, frozenset())
            if not params or not set(params) <= announced:
                _refuse(f"DELETE on {table} outside Django's deletion")
        elif verb not in {"insert", "update"}:
            _refuse(f"{verb.upper()} on {table}")
        elif table not in _recording.get():
            _refuse(f"{verb.upper()} on {table} outside a save()")


@receiver(connection_created)
def _guard_connection(sender: Any, connection: Any, **kwargs: Any) -> None:
    # First, so that a temporary wrapper (connection.execute_wrapper) leaving the
    # list never takes the guard with it.
    if refuse_unrecorded_sql not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, refuse_unrecorded_sql)
