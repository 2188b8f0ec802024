"""Operations shared by migrations.

`rows_checked_first` makes a migration that adds database checks say which rows
break them, by id and value, before the database refuses the whole upgrade with a
bare constraint error: an office mends those rows and runs the upgrade again.
"""

from typing import Any

from django.db import migrations, models


class RowsBreakNewCheck(Exception):
    """Existing rows would break a check this upgrade adds; nothing was changed."""


def rows_checked_first(app_label: str, operations: list[Any]) -> list[Any]:
    """`operations`, preceded by a step that refuses to go on while any row breaks
    one of the CheckConstraints they add (and says which rows and why)."""
    checks = [
        (op.model_name, op.constraint)
        for op in operations
        if isinstance(op, migrations.AddConstraint)
        and isinstance(op.constraint, models.CheckConstraint)
    ]

    def forwards(apps: Any, schema_editor: Any) -> None:
        problems = []
        for model_name, constraint in checks:
            model = apps.get_model(app_label, model_name)
            fields = sorted(_fields(constraint.condition))
            for row in (
                model._base_manager.using(schema_editor.connection.alias)
                .exclude(constraint.condition)
                .values("pk", *fields)[:20]
            ):
                values = ", ".join(f"{name}={row[name]!r}" for name in fields)
                problems.append(
                    f"{model._meta.db_table} id {row['pk']}: {values} "
                    f"(check {constraint.name})"
                )
        if problems:
            raise RowsBreakNewCheck(
                "These rows hold values this release no longer accepts; correct "
                "them, then run the upgrade again (nothing was changed):\n  "
                + "\n  ".join(problems)
            )

    return [migrations.RunPython(forwards, migrations.RunPython.noop), *operations]


def _fields(condition: Any) -> set[str]:
    found: set[str] = set()
    for child in condition.children:
        if isinstance(child, models.Q):
            found |= _fields(child)
        else:
            found.add(child[0].split("__")[0])
    return found
