"""Create one demo user per role and load the demo reports, once.

Rule: demo data is loaded only into a database that holds no reports, so running the
command again (as `make run` does on every start) never overwrites real work.
"""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from oversight.demo import DEMO_REASON, history_date, write_item_histories
from recommendations import roles
from recommendations.history import attributed_to
from recommendations.models import Report

DEMO_PASSWORD = "demo-tracker-2026"  # noqa: S105 (published demo sign-in)
DEMO_USERS = [
    # username, first name, last name, role, job title
    ("admin", "Alex", "Morgan", roles.ADMINISTRATOR, "OPCC systems administrator"),
    ("dcc", "Sam", "Okafor", roles.REVIEWER, "Deputy Chief Constable"),
    ("staff", "Priya", "Shah", roles.OFFICE_STAFF, "OPCC governance officer"),
    ("staff2", "Tom", "Evans", roles.OFFICE_STAFF, "Force improvement lead"),
    ("panel", "Jo", "Bennett", roles.PANEL_MEMBER, "Joint Audit and Scrutiny Panel"),
]
FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "demo.json"


class Command(BaseCommand):
    help = (
        "Create one demo user per role (if missing) and load fixtures/demo.json "
        "into a database with no reports; an existing database is left unchanged."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--quiet-users",
            action="store_true",
            help="Do not print the demo sign-in details.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        User = get_user_model()
        with transaction.atomic():
            for username, first, last, role, _title in DEMO_USERS:
                user, created = User.objects.get_or_create(
                    username=username,
                    defaults={
                        "first_name": first,
                        "last_name": last,
                        "email": f"{username}@example.org",
                        "is_staff": role == roles.ADMINISTRATOR,
                    },
                )
                if created:
                    user.set_password(DEMO_PASSWORD)
                    user.save(update_fields=["password"])
                    user.groups.add(Group.objects.get(name=role))
            if Report.objects.exists():
                self.stdout.write("Reports already exist: demo data left unchanged.")
            else:
                loader = User.objects.get(username="admin")
                # Items' history is written from the story's events, dated as they
                # happened; every other row's history is dated by the row itself.
                with attributed_to(
                    loader,
                    DEMO_REASON,
                    when=history_date,
                    skip=frozenset({"recommendations.item"}),
                ):
                    call_command("loaddata", str(FIXTURE), verbosity=0)
                write_item_histories(loader)
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Loaded {Report.objects.count()} demo reports "
                        f"from {FIXTURE.relative_to(settings.BASE_DIR)}."
                    )
                )
        if not options["quiet_users"]:
            self.stdout.write(f"\nDemo sign-ins (password for each: {DEMO_PASSWORD})")
            for username, first, last, role, title in DEMO_USERS:
                self.stdout.write(f"  {username:<8} {role:<14} {first} {last}, {title}")
            self.stdout.write("")
