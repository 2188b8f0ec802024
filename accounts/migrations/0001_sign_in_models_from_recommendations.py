"""SignInFailure and ExternalIdentity (and its history) move here from recommendations.

State only: the tables, their rows, their history rows and (on PostgreSQL) the
history table's append-only trigger stay exactly as they were; only the models'
app changes. The content types move too, so permissions granted on them and admin
log entries keep pointing at the same models.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

MOVED = ["signinfailure", "externalidentity", "historicalexternalidentity"]


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.using(schema_editor.connection.alias).filter(
        app_label="recommendations", model__in=MOVED
    ).update(app_label="accounts")


def return_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.using(schema_editor.connection.alias).filter(
        app_label="accounts", model__in=MOVED
    ).update(app_label="recommendations")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("contenttypes", "0002_remove_content_type_name"),
        ("recommendations", "0010_history_indexes_only_where_read"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SignInFailure",
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
                        ("username", models.CharField(db_index=True, max_length=150)),
                        (
                            "ip_address",
                            models.GenericIPAddressField(
                                blank=True, db_index=True, null=True
                            ),
                        ),
                        ("at", models.DateTimeField(db_index=True)),
                    ],
                    options={
                        "db_table": "recommendations_signinfailure",
                        "ordering": ["-at"],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalExternalIdentity",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True,
                                blank=True,
                                db_index=True,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "issuer",
                            models.CharField(max_length=300, verbose_name="issuer"),
                        ),
                        (
                            "subject",
                            models.CharField(
                                max_length=255, verbose_name="subject identifier"
                            ),
                        ),
                        ("history_change_reason", models.TextField(null=True)),
                        (
                            "history_id",
                            models.AutoField(primary_key=True, serialize=False),
                        ),
                        ("history_date", models.DateTimeField(db_index=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[
                                    ("+", "Created"),
                                    ("~", "Changed"),
                                    ("-", "Deleted"),
                                ],
                                max_length=1,
                            ),
                        ),
                        (
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical external identity",
                        "verbose_name_plural": "historical external identities",
                        "db_table": "recommendations_historicalexternalidentity",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="ExternalIdentity",
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
                        (
                            "issuer",
                            models.CharField(max_length=300, verbose_name="issuer"),
                        ),
                        (
                            "subject",
                            models.CharField(
                                max_length=255, verbose_name="subject identifier"
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="identities",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name_plural": "external identities",
                        "db_table": "recommendations_externalidentity",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("issuer", "subject"),
                                name="identity_unique_issuer_subject",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, return_content_types),
    ]
