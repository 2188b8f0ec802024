"""The as-at index's entries carry the columns the counts read, copied from the
history row each names; existing entries are filled from their rows (nothing is
rebuilt, no indexed day is lost)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

FILL = """
UPDATE recommendations_asatentry SET
    history_type = h.history_type, kind = h.kind, status = h.status,
    owners = h.owners, target_date = h.target_date,
    original_target_date = h.original_target_date,
    report_id = h.report_id, lead_id = h.lead_id
FROM recommendations_historicalitem AS h
WHERE h.history_id = recommendations_asatentry.history_id
"""


class Migration(migrations.Migration):
    dependencies = [
        ("recommendations", "0016_item_history_by_item_and_time"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="asatentry",
            name="history_type",
            field=models.CharField(default="", max_length=1),
        ),
        migrations.AddField(
            model_name="asatentry",
            name="kind",
            field=models.CharField(default="", max_length=30),
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
            field=models.CharField(default="", max_length=200),
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
            field=models.CharField(default="", max_length=30),
        ),
        migrations.AddField(
            model_name="asatentry",
            name="target_date",
            field=models.DateField(null=True),
        ),
        migrations.RunSQL(FILL, reverse_sql=migrations.RunSQL.noop),
    ]
