from django.db import migrations

from recommendations.history_triggers import protect_history_tables


class Migration(migrations.Migration):
    dependencies = [
        ("oversight", "0001_initial"),
        ("recommendations", "0006_history_append_only"),
    ]

    operations = [protect_history_tables("oversight")]
