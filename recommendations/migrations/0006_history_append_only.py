from django.db import migrations

from recommendations.history_triggers import protect_history_tables


class Migration(migrations.Migration):
    dependencies = [
        ("recommendations", "0005_sign_in_failures_and_identities"),
    ]

    operations = [protect_history_tables("recommendations")]
