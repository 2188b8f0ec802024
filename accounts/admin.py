from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.contrib.auth.models import Group, User
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from recommendations import roles
from recommendations.admin import ReasonForm, ReasonRequiredAdmin
from recommendations.forms import CleanInputMixin

from .logs import security_log
from .models import ExternalIdentity
from .sessions import end_sessions

SWITCH_OFF_NOTE = _(
    "Users are switched off, never deleted: untick Active. Their name stays on "
    "everything they changed, and switching them off ends their sessions."
)


class ExternalIdentityForm(ReasonForm):
    class Meta:
        model = ExternalIdentity
        fields = ["user", "issuer", "subject"]


@admin.register(ExternalIdentity)
class ExternalIdentityAdmin(ReasonRequiredAdmin):
    """Who signs in as whom through the identity provider (matched on subject)."""

    form = ExternalIdentityForm
    list_display = ["user", "subject", "issuer"]
    search_fields = ["user__username", "subject"]
    raw_id_fields = ["user"]


def _switched_off(request: HttpRequest, user: User) -> None:
    end_sessions(user)
    security_log("user_switched_off", request, username=user.get_username())


admin.site.unregister(User)
admin.site.unregister(Group)


class RoleForm(CleanInputMixin, forms.ModelForm):
    class Meta:
        model = Group
        fields = ["name", "permissions"]


class UserForm(CleanInputMixin, UserChangeForm):
    """The user change form, its text cleaned as every form's is."""


class NewUserForm(CleanInputMixin, AdminUserCreationForm):
    """The user creation form, its text cleaned as every form's is."""


@admin.register(Group)
class RoleAdmin(GroupAdmin):
    """The four roles (recommendations.roles): every page checks them by name."""

    form = RoleForm

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # Renamed, a role would be missing from every access check, as if deleted.
        if obj is not None and obj.name in roles.ALL_ROLES:
            return ["name"]
        return []

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # A role deleted here would be missing from every access check.
        return False


@admin.register(User)
class TrackerUserAdmin(UserAdmin):
    """People: switched off, never deleted (history names them)."""

    form = UserForm
    add_form = NewUserForm
    list_display = ["username", "first_name", "last_name", "email", "is_active"]
    readonly_fields = ["last_login", "date_joined"]
    actions = ["switch_off"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (
            _("Permissions"),
            {
                "fields": (
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                ),
                "description": SWITCH_OFF_NOTE,
            },
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> Any:
        # Shown above the list (templates/admin/auth/user/change_list.html).
        context = {"switch_off_note": SWITCH_OFF_NOTE, **(extra_context or {})}
        return super().changelist_view(request, extra_context=context)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Deleting a user would rewrite the history that names them (refused by
        # the database): they are switched off instead.
        return False

    def save_model(
        self, request: HttpRequest, obj: User, form: Any, change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        if change and "is_active" in form.changed_data and not obj.is_active:
            _switched_off(request, obj)

    @admin.action(
        description=_("Switch off the selected users"), permissions=["change"]
    )
    def switch_off(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset.filter(is_active=True):
            user.is_active = False
            user.save(update_fields=["is_active"])
            _switched_off(request, user)
            self.log_change(request, user, [{"changed": {"fields": ["Active"]}}])
