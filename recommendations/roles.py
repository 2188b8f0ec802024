"""The four roles and what each may do. Pages and services ask through
recommendations.access (one helper per object type), which is built on these.

Roles are Django groups, created by migration 0002. A signed-in user in none of them
(an "outsider") may see nothing.
"""

from django.contrib.auth.models import AbstractUser, AnonymousUser

OFFICE_STAFF = "Office staff"
REVIEWER = "Reviewer"
ADMINISTRATOR = "Administrator"
PANEL_MEMBER = "Panel member"
ALL_ROLES = (OFFICE_STAFF, REVIEWER, ADMINISTRATOR, PANEL_MEMBER)

EDITING_ROLES = frozenset({OFFICE_STAFF, REVIEWER, ADMINISTRATOR})
REVIEWING_ROLES = frozenset({REVIEWER, ADMINISTRATOR})

User = AbstractUser | AnonymousUser


def roles_of(user: User) -> frozenset[str]:
    """The user's role names, read once per request and kept on the user object."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_tracker_roles", None)
    if cached is None:
        if user.is_superuser:
            cached = frozenset(ALL_ROLES)
        else:
            cached = frozenset(user.groups.values_list("name", flat=True))
        # attr-defined: a per-request cache kept on the user object, which
        # declares no such attribute.
        user._tracker_roles = cached  # type: ignore[attr-defined]
    return cached


def can_view(user: User) -> bool:
    return bool(roles_of(user) & set(ALL_ROLES))


def can_edit(user: User) -> bool:
    return bool(roles_of(user) & EDITING_ROLES)


def can_review(user: User) -> bool:
    return bool(roles_of(user) & REVIEWING_ROLES)


def is_administrator(user: User) -> bool:
    return ADMINISTRATOR in roles_of(user)


def role_label(user: User) -> str:
    names = [name for name in ALL_ROLES if name in roles_of(user)]
    return ", ".join(names)
