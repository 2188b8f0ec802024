"""On PostgreSQL, history tables accept inserts only: the audit trail cannot be
rewritten through the application's database account. Installed by migrations
(recommendations 0006, oversight 0002); a no-op on SQLite."""

from typing import Any

FUNCTION = """
CREATE OR REPLACE FUNCTION tracker_history_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION USING
        MESSAGE = 'history is append-only: ' || TG_OP || ' on ' || TG_TABLE_NAME
            || ' refused',
        ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


def protect_history_tables(app_label: str) -> Any:
    """A RunPython operation adding the trigger to every history table of an app."""

    def forwards(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(FUNCTION)
        for model in apps.get_app_config(app_label).get_models():
            if not model.__name__.startswith("Historical"):
                continue
            table = model._meta.db_table
            schema_editor.execute(
                f'DROP TRIGGER IF EXISTS "{table}_append_only" ON "{table}"'
            )
            schema_editor.execute(
                f'CREATE TRIGGER "{table}_append_only" BEFORE UPDATE OR DELETE ON '
                f'"{table}" FOR EACH ROW EXECUTE FUNCTION '
                "tracker_history_is_append_only()"
            )

    def backwards(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        for model in apps.get_app_config(app_label).get_models():
            if model.__name__.startswith("Historical"):
                table = model._meta.db_table
                schema_editor.execute(
                    f'DROP TRIGGER IF EXISTS "{table}_append_only" ON "{table}"'
                )

    from django.db import migrations

    return migrations.RunPython(forwards, backwards)
