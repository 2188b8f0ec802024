"""Keep the Administrator group's permissions complete after every migrate.

Permissions are created by Django after migrations run, so the grant cannot live in a
migration; this handler is idempotent.
"""

from typing import Any

from django.apps import AppConfig
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_migrate
from django.dispatch import receiver

from . import roles

ADMINISTERED_APPS = ("recommendations", "oversight", "accounts", "auth")


@receiver(post_migrate)
def grant_administrator_permissions(sender: AppConfig, **kwargs: Any) -> None:
    if sender.label not in ADMINISTERED_APPS:
        return
    using = kwargs.get("using", "default")
    group, _ = Group.objects.using(using).get_or_create(name=roles.ADMINISTRATOR)
    wanted = Permission.objects.using(using).filter(
        content_type__app_label__in=ADMINISTERED_APPS
    )
    group.permissions.add(*wanted)
