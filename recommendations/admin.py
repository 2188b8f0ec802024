"""Django admin for administrators. Every save asks for a reason, kept in history."""

from typing import Any

from django import forms
from django.contrib import admin
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import choicesets
from .forms import CleanInputMixin
from .models import Inspectorate, Item, Owner, ProgressUpdate, Report


class ReasonForm(CleanInputMixin, forms.ModelForm):
    change_reason = forms.CharField(
        label=_("Reason for this change"),
        max_length=500,
        help_text=_("Recorded in the history with your name."),
    )


class ChoiceSetFormMixin(forms.ModelForm):
    """Edit a ,code,code, column as a set of checkboxes."""

    choice_sets: dict[str, type[models.TextChoices]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, choices in self.choice_sets.items():
            self.fields[name] = forms.MultipleChoiceField(
                label=self._meta.model._meta.get_field(name).verbose_name.capitalize(),
                choices=choices.choices,
                widget=forms.CheckboxSelectMultiple,
                initial=choicesets.decode(getattr(self.instance, name, "")),
            )

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        for name in self.choice_sets:
            if name in cleaned:
                cleaned[name] = choicesets.encode(cleaned[name])
        return cleaned

    def _post_clean(self) -> None:
        for name in self.choice_sets:
            if name in self.cleaned_data:
                setattr(self.instance, name, self.cleaned_data[name])
        # misc: Django's private hook after cleaning, which the stubs leave out.
        super()._post_clean()  # type: ignore[misc]


class ReportForm(ChoiceSetFormMixin, ReasonForm):
    choice_sets = {"inspectorates": Inspectorate}

    class Meta:
        model = Report
        fields = [
            "title",
            "kind",
            "inspectorates",
            "published_on",
            "url",
            "summary",
            "scope",
            "hmicfrs_reference",
            "s55_required",
            "chief_comments_requested_by",
            "chief_comments_received_on",
            "response_published_on",
            "response_url",
        ]


class ItemForm(ChoiceSetFormMixin, ReasonForm):
    choice_sets = {"owners": Owner}

    class Meta:
        model = Item
        fields = [
            "report",
            "reference",
            "kind",
            "text",
            "text_is_summary",
            "owners",
            "cause_of_concern",
            "hmicfrs_id",
            "lead",
            "lead_team",
            "status",
            "status_reason",
            "original_target_date",
            "target_date",
            "closed_on",
            "hmicfrs_verified_on",
            "s55_response",
        ]


class ReasonRequiredAdmin(SimpleHistoryAdmin):
    """Admin saves are writes like any other: acting user and reason in history."""

    def save_model(
        self, request: HttpRequest, obj: Any, form: Any, change: bool
    ) -> None:
        obj._change_reason = form.cleaned_data["change_reason"]
        obj._history_user = request.user
        if isinstance(obj, Item) and change:
            obj.version += 1
        super().save_model(request, obj, form, change)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Nothing is deleted: a report loaded in error is corrected, keeping its trail.
        return False


@admin.register(Report)
class ReportAdmin(ReasonRequiredAdmin):
    form = ReportForm
    list_display = ["title", "kind", "published_on", "scope", "hmicfrs_reference"]
    list_filter = ["kind", "scope"]
    search_fields = ["title", "hmicfrs_reference"]
    date_hierarchy = "published_on"


@admin.register(Item)
class ItemAdmin(ReasonRequiredAdmin):
    form = ItemForm
    list_display = ["reference", "kind", "report", "status", "lead", "target_date"]
    list_filter = ["status", "kind", "report__kind"]
    list_select_related = ["report", "lead"]
    search_fields = ["reference", "text", "report__title", "hmicfrs_id"]
    raw_id_fields = ["report", "cause_of_concern", "lead"]
    readonly_fields = ["version"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(SimpleHistoryAdmin):
    """Read-only: progress updates are append-only, recorded through the tracker."""

    list_display = ["item", "author", "created_at", "status_to"]
    list_select_related = ["item__report", "author"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
