"""The as-at index's entries carry the columns the counts read, copied from the
history row each names. Existing entries are filled from their rows, one indexed
day per transaction, so no day is rebuilt or lost and no lock is held for long (the
new code that reads the columns runs only after the migration). The second data
version row (report writes, recommendations.figures) is made here, not by the
first report write, so two first writes cannot race for it."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models, transaction

FILL = """
UPDATE recommendations_asatentry SET
    history_type = h.history_type, kind = h.kind, status = h.status,
    owners = h.owners, target_date = h.target_date,
    original_target_date = h.original_target_date,
    report_id = h.report_id, lead_id = h.lead_id
FROM recommendations_historicalitem AS h
WHERE h.history_id = recommendations_asatentry.history_id
    AND recommendations_asatentry.day = %s
"""


def fill(apps, schema_editor) -> None:
    entries = apps.get_model("recommendations", "AsAtEntry")
    days = entries.objects.values_list("day", flat=True).distinct().order_by("day")
    for day in list(days):
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute(FILL, [day])


def reports_counter(apps, schema_editor) -> None:
    versions = apps.get_model("recommendations", "DataVersion")
    for row in (1, 2):  # every write's, and report writes'
        versions.objects.get_or_create(pk=row, defaults={"version": 0})


class Migration(migrations.Migration):
    atomic = False  # one transaction per day filled

    dependencies = [
        ("recommendations", "0016_item_history_by_item_and_time"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="asatentry",
            name="history_type",
            field=models.CharField(db_default="", max_length=1),
        ),
        migrations.AddField(
            model_name="asatentry",
            name="kind",
            field=models.CharField(db_default="", max_length=30),
        ),
        migrations.AddField(
            model_name="asatentry",
            name="lead",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="asatentry",
            name="original_target_date",
            field=models.DateField(null=True),
        ),
        migrations.AddField(
            model_name="asatentry",
            name="owners",
            field=models.CharField(db_default="", max_length=200),
        ),
        migrations.AddField(
            model_name="asatentry",
            name="report",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="recommendations.report",
            ),
        ),
        migrations.AddField(
            model_name="asatentry",
            name="status",
            field=models.CharField(db_default="", max_length=30),
        ),
        migrations.AddField(
            model_name="asatentry",
            name="target_date",
            field=models.DateField(null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(reports_counter, migrations.RunPython.noop),
    ]
