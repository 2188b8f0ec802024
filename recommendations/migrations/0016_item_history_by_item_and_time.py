"""Each item's history rows by time: one index on (id, history_date, history_id).

"As at" a day that has not been indexed (recommendations.asat) finds each item's
latest history row before the day's end: with this index that is one index probe
per item, where the index on id alone read and sorted all of the item's rows. The
index on id alone is then redundant (this one starts with id) and is dropped, so a
history write maintains as many indexes as before.

On PostgreSQL the index is built CONCURRENTLY, before the old one goes, so item
writes are not blocked while a million history rows are indexed. On SQLite,
altering a field rebuilds the table, dropping any index made before it, so there
it is made after. Django does not know this index (the history model is
generated): a later migration that alters a field of this table on SQLite must make
it again (tests/test_upgrade.py checks it is there).
"""

from django.db import migrations, models

INDEX = "item_history_by_item_time"
TABLE = "recommendations_historicalitem"
COLUMNS = "(id, history_date DESC, history_id DESC)"


def _create(schema_editor, *, concurrently: bool) -> None:
    how = "CONCURRENTLY " if concurrently else ""
    schema_editor.execute(
        f"CREATE INDEX {how}IF NOT EXISTS {INDEX} ON {TABLE} {COLUMNS}"
    )


def create_on_postgresql(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        _create(schema_editor, concurrently=True)


def create_elsewhere(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        _create(schema_editor, concurrently=False)


def drop(apps, schema_editor) -> None:
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    # CREATE INDEX CONCURRENTLY cannot run inside a transaction.
    atomic = False

    dependencies = [
        ("recommendations", "0015_item_other_owners"),
    ]

    operations = [
        migrations.RunPython(create_on_postgresql, drop),
        migrations.AlterField(
            model_name="historicalitem",
            name="id",
            field=models.BigIntegerField(
                auto_created=True, blank=True, verbose_name="ID"
            ),
        ),
        migrations.RunPython(create_elsewhere, migrations.RunPython.noop),
    ]
