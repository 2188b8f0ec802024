"""Input validation for oversight decisions and requests."""

from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from recommendations.forms import (
    DateInput,
    GovukFormMixin,
    VersionedForm,
    limit_report_choices,
)
from recommendations.models import Owner, Report


class ClosureDecisionForm(VersionedForm):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("sign_off", _("Sign off as closed")),
            ("return", _("Return to the lead")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose to sign off or return the item.")},
    )
    note = forms.CharField(
        label=_("Note or reason"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when returning the item: say what is missing."),
    )
    # Set by the confirmation page: a sign-off is asked to be confirmed first.
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("decision") == "return" and not cleaned.get("note", "").strip():
            self.add_error("note", _("Give the reason for returning the item."))
        return cleaned


class ReopenForm(VersionedForm):
    reason = forms.CharField(
        label=_("Why the item is reopened"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "For example: signed off in error, the evidence was for another item. "
            "Kept in the item's history with your name."
        ),
        error_messages={"required": _("Give the reason for reopening the item.")},
    )


class HmicfrsOutcomeForm(VersionedForm):
    outcome = forms.ChoiceField(
        label=_("What did HMICFRS decide?"),
        choices=[
            ("verified", _("HMICFRS verified the closure")),
            (
                "not_accepted",
                _("HMICFRS did not accept the closure (reopens the item)"),
            ),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what HMICFRS decided.")},
    )
    outcome_on = forms.DateField(
        label=_("Date of HMICFRS's decision"),
        widget=DateInput,
        error_messages={
            "required": _("Enter the date of HMICFRS's decision."),
            "invalid": _("Enter a real date."),
        },
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For example: authorised for closure after the 2024 re-inspection."
        ),
        error_messages={
            "required": _("Say what HMICFRS decided and on what evidence.")
        },
    )

    def clean_outcome_on(self) -> Any:
        value = self.cleaned_data["outcome_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return value


class DateChangeRequestForm(GovukFormMixin, forms.Form):
    new_date = forms.DateField(
        label=_("New target date"),
        widget=DateInput,
        error_messages={
            "required": _("Enter the new target date."),
            "invalid": _("Enter a real date."),
        },
    )
    reason = forms.CharField(
        label=_("Why the date needs to move"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A reviewer reads this before deciding; it stays in the ledger."),
        error_messages={"required": _("Give the reason for the new date.")},
    )

    def clean_new_date(self) -> Any:
        value = self.cleaned_data["new_date"]
        if value < timezone.localdate():
            raise forms.ValidationError(
                _("The new target date must be today or in the future.")
            )
        return value


class DateDecisionForm(GovukFormMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose to approve or reject the request.")},
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when rejecting."),
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("decision") == "reject" and not cleaned.get("note", "").strip():
            self.add_error("note", _("Give the reason for rejecting the request."))
        return cleaned


class ReviewFilterForm(GovukFormMixin, forms.Form):
    owner = forms.ChoiceField(
        label=_("Owner"),
        required=False,
        choices=[("", _("Any owner")), *Owner.choices],
        widget=forms.Select,
    )
    lead_team = forms.ChoiceField(
        label=_("Lead team"), required=False, widget=forms.Select
    )
    report = forms.ModelChoiceField(
        label=_("Report"),
        required=False,
        queryset=Report.objects.only("id", "title").order_by("title"),
        empty_label=_("Any report"),
        widget=forms.Select,
    )

    def __init__(self, *args: Any, lead_teams: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["lead_team"]).choices = [
            ("", _("Any team"))
        ] + [(team, team) for team in lead_teams]
        limit_report_choices(
            cast(forms.ModelChoiceField, self.fields["report"]), self.data.get("report")
        )


class S55Form(GovukFormMixin, forms.Form):
    # The report's latest change when the form was opened: a stale form is refused
    # (recommendations.versions.lock_report), never saved over a newer record.
    change = forms.IntegerField(widget=forms.HiddenInput)
    s55_required = forms.BooleanField(
        label=_("This report needs a section 55 response from the PCC"),
        required=False,
        help_text=_(
            "Untick for a national report whose findings a force report already "
            "carries: only the force report needs the response."
        ),
    )
    chief_comments_requested_by = forms.DateField(
        label=_("Chief constable's comments requested by"),
        required=False,
        widget=DateInput,
    )
    chief_comments_received_on = forms.DateField(
        label=_("Chief constable's comments received on"),
        required=False,
        widget=DateInput,
    )
    response_published_on = forms.DateField(
        label=_("Response published on"),
        required=False,
        widget=DateInput,
        help_text=_(
            "Only once the final letter exists: every part written and the text "
            "approved."
        ),
    )
    response_url = forms.URLField(
        label=_("Link to the published response"),
        required=False,
        max_length=500,
        assume_scheme="https",
    )
    reason = forms.CharField(
        label=_("Reason for the change"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Enter the reason for the change.")},
    )


class S55ResponseForm(VersionedForm):
    response = forms.CharField(
        label=_("Response"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "What action has been taken or will be taken, or why none will be "
            "taken (s.55(5B) Police Act 1996)."
        ),
        error_messages={
            "required": _(
                "Write the response: the action taken or to be taken, or why none "
                "will be."
            )
        },
    )


class S55LetterForm(GovukFormMixin, forms.Form):
    # 0 while nothing is written: the service creates the letter on first save.
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    pcc_comments = forms.CharField(
        label=_("The Police and Crime Commissioner's comments"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("The PCC's own comments on the report (s.55(5)(a))."),
    )
    chief_comments = forms.CharField(
        label=_("The Chief Constable's comments"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "As the Chief Constable submitted them (s.55(4) and (5)(b)). If none "
            "were submitted by the date set, say so here."
        ),
    )
    pcc_reply = forms.CharField(
        label=_("The Commissioner's response to the Chief Constable's comments"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Optional (s.55(5)(c)): if left blank, the final letter leaves this "
            "section out."
        ),
    )
    reason = forms.CharField(
        label=_("Reason for the change"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Kept in the letter's history. Changing an approved text withdraws its "
            "approval."
        ),
        error_messages={"required": _("Enter the reason for the change.")},
    )


class S55ApprovalForm(GovukFormMixin, forms.Form):
    # What the approver read: the letter's version (0 while nothing is written)
    # and the fingerprint of the whole text (S55LetterState.digest).
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    digest = forms.CharField(widget=forms.HiddenInput, max_length=64)


class ScrutinyForm(GovukFormMixin, forms.Form):
    meeting = forms.DateField(
        label=_("Meeting date"),
        widget=DateInput,
        error_messages={
            "required": _("Enter the meeting date."),
            "invalid": _("Enter a real date."),
        },
    )
    previous = forms.DateField(
        label=_("Previous meeting date"),
        widget=DateInput,
        error_messages={
            "required": _("Enter the previous meeting's date."),
            "invalid": _("Enter a real date."),
        },
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        meeting, previous = cleaned.get("meeting"), cleaned.get("previous")
        if meeting and previous and previous >= meeting:
            self.add_error(
                "previous", _("The previous meeting must be before the meeting.")
            )
        return cleaned


class ChangesForm(GovukFormMixin, forms.Form):
    since = forms.DateField(
        label=_("Changes since the end of"),
        widget=DateInput,
        error_messages={
            "required": _("Enter a date."),
            "invalid": _("Enter a real date."),
        },
    )

    def clean_since(self) -> Any:
        value = self.cleaned_data["since"]
        if value >= timezone.localdate():
            raise forms.ValidationError(_("The date must be in the past."))
        return value
