"""A lock row per account name and address, so that attempts at the same moment
are counted one after another (accounts.throttle.begin_attempt)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_sign_in_models_from_recommendations"),
    ]

    operations = [
        migrations.CreateModel(
            name="SignInLock",
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
                ("key", models.CharField(max_length=200, unique=True)),
                ("touched_at", models.DateTimeField(db_index=True)),
            ],
        ),
    ]
