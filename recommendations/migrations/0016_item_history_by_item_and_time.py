"""Each item's history rows by time: one index on (id, history_date, history_id).

"As at" a day that has not been indexed (recommendations.asat) finds each item's
latest history row before the day's end: with this index that is one index probe
per item, where the index on id alone read and sorted all of the item's rows. The
index on id alone is then redundant (this one starts with id) and is dropped, so a
history write maintains as many indexes as before.

Django does not know this index (the history model is generated), so a later
migration that alters a field of this table on SQLite (which rebuilds the table)
must make it again.
"""

from django.db import migrations, models

INDEX = "item_history_by_item_time"
TABLE = "recommendations_historicalitem"


class Migration(migrations.Migration):
    dependencies = [
        ("recommendations", "0015_item_other_owners"),
    ]

    # The field first: on SQLite, altering a field rebuilds the table, which would
    # drop an index made before it.
    operations = [
        migrations.AlterField(
            model_name="historicalitem",
            name="id",
            field=models.BigIntegerField(
                auto_created=True, blank=True, verbose_name="ID"
            ),
        ),
        migrations.RunSQL(
            f"CREATE INDEX {INDEX} ON {TABLE} (id, history_date DESC, history_id DESC)",
            reverse_sql=f"DROP INDEX IF EXISTS {INDEX}",
        ),
    ]
