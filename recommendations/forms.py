"""Input validation for every form; the GOV.UK classes are applied in one place."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import workflow
from .evidence import ALLOWED_EXTENSIONS, check_evidence
from .models import Item
from .selectors import lead_choices

WIDGET_CLASSES = {
    "text": "govuk-input",
    "url": "govuk-input",
    "email": "govuk-input",
    "number": "govuk-input govuk-input--width-5",
    "password": "govuk-input",
    "date": "govuk-input govuk-input--width-10",
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "clearablefile": "govuk-file-upload",
    "file": "govuk-file-upload",
    "checkboxselectmultiple": "govuk-checkboxes__input",
    "radioselect": "govuk-radios__input",
    "checkbox": "govuk-checkboxes__input",
}
ERROR_CLASSES = {
    "govuk-input": "govuk-input--error",
    "govuk-textarea": "govuk-textarea--error",
    "govuk-select": "govuk-select--error",
    "govuk-file-upload": "govuk-file-upload--error",
}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class GovukFormMixin:
    """Give every widget its GOV.UK Frontend class, and its error class when invalid."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for bound in self:  # type: ignore[attr-defined]
            css = WIDGET_CLASSES.get(bound.widget_type, "")
            bound.field.widget.attrs.setdefault("class", css)

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        for name in self.errors:  # type: ignore[attr-defined]
            if name not in self.fields:  # type: ignore[attr-defined]
                continue
            widget = self.fields[name].widget  # type: ignore[attr-defined]
            css = widget.attrs.get("class", "")
            extra = ERROR_CLASSES.get(css.split(" ")[0], "")
            if extra and extra not in css:
                widget.attrs["class"] = f"{css} {extra}"


class VersionedForm(GovukFormMixin, forms.Form):
    """A form about one item, carrying the version the user saw."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ItemEditForm(VersionedForm):
    lead = forms.ModelChoiceField(
        label=_("Lead"),
        queryset=lead_choices(),
        required=False,
        empty_label=_("No lead (awaiting allocation)"),
        help_text=_(
            "Allocating a lead moves an item awaiting allocation into progress."
        ),
    )
    lead_team = forms.CharField(label=_("Lead team"), max_length=120, required=False)
    target_date = forms.DateField(
        label=_("Target date"),
        required=False,
        widget=DateInput,
        help_text=_("Set once here; later changes need a reviewer's approval."),
    )
    reason = forms.CharField(
        label=_("Reason for the change"),
        max_length=500,
        help_text=_("Recorded in the item's history."),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Enter the reason for the change.")},
    )

    def __init__(self, *args: Any, item: Item, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = lead_choices()
        self.fields["lead"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )
        if item.target_date is not None:
            del self.fields["target_date"]


class ProgressUpdateForm(VersionedForm):
    text = forms.CharField(
        label=_("Update"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10000,
        help_text=_("What has been done, by whom, and what happens next."),
        error_messages={"required": _("Enter the update.")},
    )
    status_to = forms.ChoiceField(
        label=_("Status"),
        required=False,
        widget=forms.RadioSelect,
    )
    status_reason = forms.CharField(
        label=_("Why no further action is needed"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Required when the item needs no further action, for example "
            "because a later inspection superseded it."
        ),
    )
    evidence_file = forms.FileField(
        label=_("Evidence file (optional)"),
        required=False,
        help_text=_("%(types)s. Required, or a link, to propose sign-off.")
        % {"types": ", ".join(ext.upper() for ext in ALLOWED_EXTENSIONS)},
    )
    evidence_link = forms.URLField(
        label=_("Evidence link (optional)"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_(
            "For example a page on the force intranet or a published document."
        ),
    )

    def __init__(self, *args: Any, item: Item, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.item = item
        self.user = user
        keep = (
            "",
            _("Leave as %(status)s") % {"status": item.get_status_display().lower()},
        )
        # Any status is a valid value; the workflow decides whether the move is
        # allowed (and a stale form is left to the service's conflict check).
        # Only the moves open to this user are offered.
        self.fields["status_to"].choices = [keep, *Item.Status.choices]
        self.fields["status_to"].widget.choices = [keep] + [
            (move.to, Item.Status(move.to).label)
            for move in workflow.allowed_moves(item, user)
        ]

    def clean_evidence_file(self) -> Any:
        upload = self.cleaned_data.get("evidence_file")
        if upload:
            check_evidence(upload)
        return upload

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        status_to = cleaned.get("status_to")
        # A stale form is judged by the service, which names who changed the item.
        current = cleaned.get("version") == self.item.version
        if status_to and current and not self.has_error("evidence_file"):
            try:
                workflow.check_move(
                    self.item,
                    self.user,
                    status_to,
                    has_evidence=bool(
                        cleaned.get("evidence_file") or cleaned.get("evidence_link")
                    ),
                    reason=cleaned.get("status_reason", ""),
                )
            except ValidationError as error:
                field = {
                    "move_needs_evidence": "evidence_file",
                    "move_needs_reason": "status_reason",
                }.get(error.code or "", "status_to")
                self.add_error(field, error)
        return cleaned
