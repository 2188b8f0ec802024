"""SignInFailure and ExternalIdentity moved to the accounts app (accounts 0001).

State only: no table is dropped; accounts now owns the same tables and rows.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("recommendations", "0010_history_indexes_only_where_read"),
        ("accounts", "0001_sign_in_models_from_recommendations"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveConstraint(
                    model_name="externalidentity",
                    name="identity_unique_issuer_subject",
                ),
                migrations.RemoveField(
                    model_name="historicalexternalidentity",
                    name="history_user",
                ),
                migrations.RemoveField(
                    model_name="historicalexternalidentity",
                    name="user",
                ),
                migrations.DeleteModel(
                    name="SignInFailure",
                ),
                migrations.RemoveField(
                    model_name="externalidentity",
                    name="user",
                ),
                migrations.DeleteModel(
                    name="HistoricalExternalIdentity",
                ),
                migrations.DeleteModel(
                    name="ExternalIdentity",
                ),
            ],
            database_operations=[],
        ),
    ]
