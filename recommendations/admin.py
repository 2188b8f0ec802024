"""Django admin for administrators: it cannot get round the workflow.

Status, target dates, sign-off, HMICFRS's outcome and the section 55 record change
only through the tracker's own pages and services, so the admin shows them
read-only. What it may edit (an item's published details, its lead and lead team;
a report's details) is saved by the tracker's services: the acting user, a reason,
history, and the version check that refuses a stale form. Nothing is added here
(reports and items are loaded at Load a report), reverted from a history page, or
deleted.
"""

from typing import Any, cast

from django import forms
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import choicesets, dates, services
from .forms import CleanInputMixin, carry_current
from .models import Inspectorate, Item, Owner, ProgressUpdate, Report
from .selectors import lead_choices
from .versions import ConflictError, report_change_id


class ReasonForm(CleanInputMixin, forms.ModelForm):
    change_reason = forms.CharField(
        label=_("Reason for this change"),
        max_length=500,
        help_text=_("Recorded in the history with your name."),
    )


class ChoiceSetFormMixin(forms.ModelForm):
    """Edit a ,code,code, column as a set of checkboxes, the stored codes ticked."""

    choice_sets: dict[str, type[models.TextChoices]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, choices in self.choice_sets.items():
            stored = choicesets.decode(getattr(self.instance, name, ""))
            # A stored code the choices no longer know is shown, ticked, under its
            # own name, never dropped unseen by a save; the service refuses to
            # keep it, so removing it is the administrator's deliberate act.
            unknown = [
                (code, _("%(code)s (not a known code)") % {"code": code})
                for code in stored
                if code not in choices.values
            ]
            self.fields[name] = forms.MultipleChoiceField(
                label=self._meta.model._meta.get_field(name).verbose_name.capitalize(),
                choices=[*choices.choices, *unknown],
                widget=forms.CheckboxSelectMultiple,
            )
            # The model form's initial value is the stored ",a,b," text, which no
            # checkbox matches: the widget is given the codes.
            self.initial[name] = stored

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        for name in self.choice_sets:
            if name in cleaned:
                cleaned[name] = choicesets.encode(cleaned[name])
        return cleaned


class ServiceForm(ChoiceSetFormMixin, ReasonForm):
    """An admin change form saved by the tracker's services, not by the model form.

    The services run as the form is checked, inside the admin's transaction, so a
    refusal (a stale form, a broken rule) is shown on the form and nothing is
    saved. The admin sets `actor` (ServiceAdmin.get_form).
    """

    actor: User | None = None
    saved: models.Model | None = None

    def apply(self, *, actor: User, reason: str) -> models.Model:
        """Make the service calls this form stands for; return what they saved."""
        raise NotImplementedError

    def _post_clean(self) -> None:
        # misc: Django's private hook after cleaning, which the stubs leave out.
        super()._post_clean()  # type: ignore[misc]
        if self.errors or self.actor is None:
            return
        try:
            with transaction.atomic():
                self.saved = self.apply(
                    actor=self.actor, reason=self.cleaned_data["change_reason"]
                )
        except ConflictError as error:
            carry_current(self, **self.current_version_fields())
            self.add_error(None, error)
        except ValidationError as error:
            self.add_error(None, error)

    def current_version_fields(self) -> dict[str, str]:
        """The hidden fields that carry the record's version, as it is now."""
        return {}


class RecordedAdmin(SimpleHistoryAdmin):
    """A tracked model: its history is shown, never reverted; nothing is deleted."""

    def history_form_view(
        self,
        request: HttpRequest,
        object_id: str,
        version_id: str,
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        # simple-history's "revert" saves a past version as it stood: no rule, no
        # service, no version check. The past version can be looked at only.
        if request.method != "GET":
            return HttpResponseNotAllowed(["GET"])
        return super().history_form_view(request, object_id, version_id, extra_context)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Nothing is deleted: a record made in error is corrected, keeping its trail.
        return False

    def get_changelist_instance(self, request: HttpRequest) -> Any:
        # The date drill-down takes year, month and day from the query string and
        # builds dates from them: one out of range (?published_on__year=9999) would
        # overflow. Refused as any bad filter is (the list answers "?e=1").
        if self.date_hierarchy:
            field = str(self.date_hierarchy)
            parts = {
                part: request.GET.get(f"{field}__{part}")
                for part in ("year", "month", "day")
            }
            year = parts["year"]
            if any(value is not None for value in parts.values()) and not (
                year is not None
                and year.isdigit()
                and dates.EARLIEST.year <= int(year) <= dates.LATEST.year
            ):
                raise IncorrectLookupParameters(dates.out_of_range_message())
        return super().get_changelist_instance(request)


class ReadOnlyAdmin(RecordedAdmin):
    """Records written by the tracker's own pages: shown here, never changed."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReasonRequiredAdmin(RecordedAdmin):
    """A record with no rules of its own: saved with the acting user and a reason."""

    def save_model(
        self, request: HttpRequest, obj: Any, form: Any, change: bool
    ) -> None:
        obj._change_reason = form.cleaned_data["change_reason"]
        obj._history_user = request.user
        super().save_model(request, obj, form, change)


class ServiceAdmin(RecordedAdmin):
    """Changes saved by the tracker's services (ServiceForm); nothing added here."""

    form: type[ServiceForm]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def get_form(
        self,
        request: HttpRequest,
        obj: Any = None,
        change: bool = False,
        **kwargs: Any,
    ) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        # The admin builds its forms without the request; the services need the
        # person acting.
        return type(form.__name__, (form,), {"actor": request.user})

    def save_model(
        self, request: HttpRequest, obj: Any, form: Any, change: bool
    ) -> None:
        # Already saved, by the services, while the form was checked.
        if cast(ServiceForm, form).saved is None:
            raise RuntimeError("An admin change form was saved without its service.")


WORKFLOW_NOTE = _(
    "Changed only in the tracker: progress updates, the review page's sign-off "
    "and return, target date requests and their decisions, HMICFRS's outcome and "
    "the section 55 page."
)


# What the report says of an item (services.item_correct_details), and who leads
# it (services.item_update_working_fields, as the tracker's edit page).
ITEM_DETAILS = [
    "reference",
    "kind",
    "text",
    "text_is_summary",
    "owners",
    "other_owners",
    "cause_of_concern",
    "hmicfrs_id",
]
ITEM_WORKING = ["lead", "lead_team"]


class ItemForm(ServiceForm):
    choice_sets = {"owners": Owner}
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    class Meta:
        model = Item
        fields = [*ITEM_DETAILS, *ITEM_WORKING]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial["version"] = self.instance.version
        if "lead" in self.fields:  # the same people the tracker offers
            cast(forms.ModelChoiceField, self.fields["lead"]).queryset = lead_choices()

    def current_version_fields(self) -> dict[str, str]:
        return {"version": str(Item.objects.get(pk=self.instance.pk).version)}

    def apply(self, *, actor: User, reason: str) -> Item:
        """Lead and team through the tracker's edit service, details through the
        correction service: each checks the version and records the reason."""
        data = self.cleaned_data
        changed = set(self.changed_data)
        item = self.instance
        version = data["version"]
        saved: Item | None = None
        if changed & set(ITEM_WORKING):
            saved = services.item_update_working_fields(
                item_id=item.pk,
                actor=actor,
                expected_version=version,
                lead=data["lead"],
                lead_team=data["lead_team"],
                target_date=item.target_date,  # read-only here
                reason=reason,
            )
        if changed & set(ITEM_DETAILS):
            saved = services.item_correct_details(
                item_id=item.pk,
                actor=actor,
                expected_version=saved.version if saved else version,
                reference=data["reference"],
                kind=data["kind"],
                text=data["text"],
                text_is_summary=data["text_is_summary"],
                owners=choicesets.decode(data["owners"]),
                other_owners=data["other_owners"],
                cause_of_concern=data["cause_of_concern"],
                hmicfrs_id=data["hmicfrs_id"],
                reason=reason,
            )
        if saved is None:
            raise ValidationError(_("Nothing was changed."), code="no_change")
        return saved


class ReportForm(ServiceForm):
    choice_sets = {"inspectorates": Inspectorate}
    seen_change = forms.IntegerField(widget=forms.HiddenInput, required=False)

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
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.initial["seen_change"] = report_change_id(self.instance)

    def current_version_fields(self) -> dict[str, str]:
        latest = report_change_id(Report.objects.get(pk=self.instance.pk))
        return {"seen_change": "" if latest is None else str(latest)}

    def apply(self, *, actor: User, reason: str) -> Report:
        """The details through the correction service, which checks the version."""
        data = self.cleaned_data
        return services.report_correct_details(
            report_id=self.instance.pk,
            actor=actor,
            expected_change=data["seen_change"],
            title=data["title"],
            kind=data["kind"],
            inspectorates=choicesets.decode(data["inspectorates"]),
            published_on=data["published_on"],
            url=data["url"],
            summary=data["summary"],
            scope=data["scope"],
            hmicfrs_reference=data["hmicfrs_reference"],
            reason=reason,
        )


@admin.register(Report)
class ReportAdmin(ServiceAdmin):
    form = ReportForm
    list_display = ["title", "kind", "published_on", "scope", "hmicfrs_reference"]
    list_filter = ["kind", "scope"]
    search_fields = ["title", "hmicfrs_reference"]
    date_hierarchy = "published_on"
    S55 = [
        "s55_required",
        "chief_comments_requested_by",
        "chief_comments_received_on",
        "response_published_on",
        "response_url",
    ]
    readonly_fields = S55
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "seen_change",
                    "title",
                    "kind",
                    "inspectorates",
                    "published_on",
                    "url",
                    "summary",
                    "scope",
                    "hmicfrs_reference",
                ]
            },
        ),
        (
            _("Section 55 response"),
            {
                "fields": S55,
                "description": _("Recorded on the report's section 55 page."),
            },
        ),
        (None, {"fields": ["change_reason"]}),
    ]


@admin.register(Item)
class ItemAdmin(ServiceAdmin):
    form = ItemForm
    list_display = ["reference", "kind", "report", "status", "lead", "target_date"]
    list_filter = ["status", "kind", "report__kind"]
    list_select_related = ["report", "lead"]
    search_fields = ["reference", "text", "report__title", "hmicfrs_id"]
    raw_id_fields = ["cause_of_concern", "lead"]
    WORKFLOW = [
        "status",
        "status_reason",
        "original_target_date",
        "target_date",
        "closed_on",
        "hmicfrs_verified_on",
        "s55_response",
    ]
    readonly_fields = ["report", *WORKFLOW]
    fieldsets = [
        (None, {"fields": ["version", "report", *ITEM_DETAILS]}),
        (_("Lead"), {"fields": ITEM_WORKING}),
        (_("Workflow"), {"fields": WORKFLOW, "description": WORKFLOW_NOTE}),
        (None, {"fields": ["change_reason"]}),
    ]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(ReadOnlyAdmin):
    """Read-only: progress updates are append-only, recorded through the tracker."""

    list_display = ["item", "author", "created_at", "status_to"]
    list_select_related = ["item__report", "author"]
    date_hierarchy = "created_at"
