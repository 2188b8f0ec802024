"""The data version: a counter every item or report write bumps (figures.py)."""

from django.db import migrations, models


def first_row(apps, schema_editor):
    DataVersion = apps.get_model("recommendations", "DataVersion")
    DataVersion.objects.using(schema_editor.connection.alias).get_or_create(
        pk=1, defaults={"version": 0}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("recommendations", "0011_sign_in_models_moved_to_accounts"),
    ]

    operations = [
        migrations.CreateModel(
            name="DataVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                ("version", models.BigIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(first_row, migrations.RunPython.noop),
    ]
