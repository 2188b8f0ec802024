"""Input validation for every form; the GOV.UK classes are applied in one place."""

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from . import dates, people, workflow
from .evidence import ALLOWED_EXTENSIONS, check_evidence
from .figures import cached_figure
from .loading import fetch
from .loading.document import blocks_from_text
from .loading.files import FileRefused, read_upload
from .loading.preview import Draft, clean_reference, draft_from_rows, reference_key
from .loading.sources import read_document
from .loading.textparse import draft_from_blocks
from .models import Inspectorate, Item, Owner, Report
from .selectors import lead_choices
from .text import clean_text
from .versions import ConflictError

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


# The mixin goes before forms.Form; to the type checker it is a form itself.
if TYPE_CHECKING:
    _FormBase = forms.BaseForm
else:
    _FormBase = object


class CleanInputMixin(_FormBase):
    """Every text a person enters is cleaned before any rule reads it: line breaks
    as newlines, other control characters removed (recommendations.text); every
    date is within the range the tracker accepts (recommendations.dates)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # each form's own copies
            if isinstance(field, forms.DateField | forms.DateTimeField):
                # A field validator: runs before any clean_<field> does arithmetic.
                field.validators.append(dates.validate)

    def _clean_fields(self) -> None:
        super()._clean_fields()  # type: ignore[misc]  # private hook, not in stubs
        for name, value in list(self.cleaned_data.items()):
            if not isinstance(value, str):
                continue
            cleaned = clean_text(value)
            if cleaned != value:
                self.cleaned_data[name] = cleaned
                if self.fields[name].required and not cleaned.strip():
                    self.add_error(name, self.fields[name].error_messages["required"])


class GovukFormMixin(CleanInputMixin):
    """Give every widget its GOV.UK Frontend class, and its error class when invalid."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for bound in self:
            css = WIDGET_CLASSES.get(bound.widget_type, "")
            bound.field.widget.attrs.setdefault("class", css)

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            widget = self.fields[name].widget
            css = widget.attrs.get("class", "")
            extra = ERROR_CLASSES.get(css.split(" ")[0], "")
            if extra and extra not in css:
                widget.attrs["class"] = f"{css} {extra}"


def carry_current(form: forms.BaseForm, **fields: str) -> None:
    """After a conflict, keep the person's input but carry the record's version as
    it is now (hidden fields), so saving again is a deliberate second save, not a
    certain second failure. Used by every form a stale save refuses."""
    data = form.data.copy() if isinstance(form.data, QueryDict) else dict(form.data)
    for name, value in fields.items():
        data[name] = value
    form.data = data


class VersionedForm(GovukFormMixin, forms.Form):
    """A form about one item, carrying the version the user saw.

    Told of a conflict (someone changed the item since the form was opened), it is
    shown again with the person's input kept, what changed beside it (`conflict`,
    templates/includes/_conflict.html), and the item's current version, so that
    saving again is a deliberate second save, not a certain second failure.
    """

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    conflict: ConflictError | None = None

    def add_error(self, field: str | None, error: Any) -> None:
        if isinstance(error, ConflictError):
            carry_current(self, version=str(error.current_version))
            self.conflict = error
        super().add_error(field, error)


class PersonChoiceField(forms.ModelChoiceField):
    """People by full name, or by username where they have none."""

    def label_from_instance(self, obj: Any) -> str:
        return people.display_name(obj)


class ItemEditForm(VersionedForm):
    lead = PersonChoiceField(
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

    past_date_confirmed = forms.BooleanField(
        label=_("The target date is in the past on purpose"),
        required=False,
        help_text=_(
            "For an item loaded after its first target date had passed. Say why in "
            "the reason: the history keeps both."
        ),
    )

    def __init__(self, *args: Any, item: Item, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(PersonChoiceField, self.fields["lead"]).queryset = lead_choices()
        if item.target_date is not None:
            del self.fields["target_date"]
            del self.fields["past_date_confirmed"]


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
        status_to = cast(forms.ChoiceField, self.fields["status_to"])
        status_to.choices = [keep, *Item.Status.choices]
        status_to.widget.choices = [keep] + [
            (move.to, Item.Status(move.to).label)
            for move in workflow.allowed_moves(item, user)
        ]

    def clean_evidence_file(self) -> Any:
        upload = self.cleaned_data.get("evidence_file")
        if upload:
            check_evidence(upload)
        return upload

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
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


def _bounded_read(upload: Any, setting: str) -> bytes:
    """An upload's bytes, or FileRefused without reading them if it is too large
    (Django has already spooled a large one to a temporary file)."""
    from django.conf import settings
    from django.template.defaultfilters import filesizeformat

    limit = getattr(settings, setting)
    if upload.size is not None and upload.size > limit:
        raise FileRefused(
            _("The file must be smaller than %(limit)s.")
            % {"limit": filesizeformat(limit)}
        )
    return bytes(upload.read(limit + 1))


class ImportUploadForm(GovukFormMixin, forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_("A .xlsx or .csv (UTF-8) file laid out like the template."),
        error_messages={"required": _("Select a spreadsheet to upload.")},
    )

    def clean_file(self) -> Draft:
        upload = self.cleaned_data["file"]
        try:
            # Refused by its size before it is read into memory.
            read = read_upload(
                upload.name or "", _bounded_read(upload, "IMPORT_MAX_BYTES")
            )
            return draft_from_rows(read.name, read.rows)
        except FileRefused as error:
            raise ValidationError(str(error), code="refused") from error


class ImportTextForm(GovukFormMixin, forms.Form):
    """A report from its own words: its PDF, its saved web page, or pasted text.

    The report's details are entered (the title may come from the web page); the
    items are read from the one source given, by the same parser whatever it is.
    """

    document = forms.FileField(
        label=_("The report's PDF or saved web page"),
        required=False,
        help_text=_(
            "The PDF as published, or the report's web page saved from the "
            "browser (File, Save page as, .html)."
        ),
    )
    title = forms.CharField(
        label=_("Report title"),
        max_length=300,
        required=False,
        help_text=_("Left blank, the title is taken from the saved web page."),
    )
    kind = forms.ChoiceField(label=_("Kind of report"), choices=Report.Kind.choices)
    published_on = forms.DateField(
        label=_("Publication date"),
        widget=DateInput,
        help_text=_("\u201cWithin six months\u201d is counted from this date."),
        error_messages={
            "required": _("Enter the publication date."),
            "invalid": _("Enter a real date."),
        },
    )
    inspectorates = forms.MultipleChoiceField(
        label=_("Inspectorates"),
        choices=Inspectorate.choices,
        initial=[Inspectorate.HMICFRS],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one inspectorate.")},
    )
    scope = forms.ChoiceField(
        label=_("Scope"),
        choices=Report.Scope.choices,
        initial=Report.Scope.THIS_FORCE,
        widget=forms.RadioSelect,
    )
    url = forms.URLField(
        label=_("Link to the published report"),
        required=False,
        max_length=500,
        assume_scheme="https",
    )
    hmicfrs_reference = forms.CharField(
        label=_("HMICFRS reference"), required=False, max_length=100
    )
    read_link = forms.BooleanField(
        label=_("Read the report from this link"),
        required=False,
        help_text=_(
            "The tracker downloads the report's PDF or web page from the "
            "inspectorate's site."
        ),
    )
    text = forms.CharField(
        label=_("Or paste the report's recommendations"),
        widget=forms.Textarea(attrs={"rows": 14}),
        required=False,
        max_length=500_000,
        help_text=_(
            "Copy the section with its headings (\u201cRecommendation 1\u201d, "
            "\u201cAreas for improvement\u201d, \u201cCause of concern\u201d) or "
            "as a numbered list. You can check and correct every item before "
            "loading."
        ),
    )

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        if not fetch.enabled():
            del self.fields["read_link"]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if self.errors:
            return cleaned
        upload = cleaned.get("document")
        text = cleaned.get("text", "").strip()
        link = bool(cleaned.get("read_link")) and fetch.enabled()
        given = sum([bool(upload), bool(text), link])
        if given > 1:
            self.add_error(
                "text",
                _(
                    "Give one of the report's file, its link or its pasted text, "
                    "not more than one."
                ),
            )
            return cleaned
        if not given:
            self.add_error(
                "document",
                _("Choose the report's PDF or web page, or paste its recommendations."),
            )
            return cleaned
        if link and not cleaned.get("url"):
            self.add_error("url", _("Enter the link to the published report."))
            return cleaned
        published = cleaned["published_on"]
        field = "document"
        try:
            if upload:
                document = read_document(
                    upload.name or "",
                    _bounded_read(upload, "IMPORT_DOCUMENT_MAX_BYTES"),
                )
                blocks, source = document.blocks, upload.name or document.kind
                title = cleaned["title"] or document.title
            elif link:
                field = "url"
                fetched = fetch.fetch_report(cleaned["url"], actor=self.user)
                document = read_document(fetched.name, fetched.data)
                blocks, source = document.blocks, fetched.url
                title = cleaned["title"] or document.title
            else:
                blocks, source, title, field = (
                    blocks_from_text(text),
                    str(_("pasted text")),
                    cleaned["title"],
                    "text",
                )
        except FileRefused as error:
            self.add_error(field, str(error))
            return cleaned
        if not title.strip():
            self.add_error("title", _("Enter the report's title."))
            return cleaned
        report = {
            "title": title.strip()[:300],
            "kind": cleaned["kind"],
            "published_on": published.isoformat(),
            "inspectorates": "; ".join(cleaned["inspectorates"]),
            "scope": cleaned["scope"],
            "url": cleaned.get("url", ""),
            "hmicfrs_reference": cleaned.get("hmicfrs_reference", ""),
            "summary": "",
        }
        try:
            cleaned["draft"] = draft_from_blocks(
                blocks, report=report, published=published, source=source
            )
        except FileRefused as error:
            self.add_error(field, str(error))
        return cleaned


class RowStampMixin(forms.Form):
    """Carries the stamp of the row as the page showed it (`seen`): a page opened
    before the row changed (in another tab: split, merged, edited) changes
    nothing, and says so; saving again after reading it is deliberate."""

    seen = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, stamp: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.stamp = stamp
        self.initial.setdefault("seen", stamp)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.stamp and cleaned.get("seen") != self.stamp:
            carry_current(self, seen=self.stamp)
            raise ValidationError(
                _(
                    "This row changed since this page was opened (perhaps in "
                    "another tab): check the row as it is now, shown below, and "
                    "save again if your change still stands."
                ),
                code="stale",
            )
        return cleaned


class ImportRowForm(RowStampMixin, GovukFormMixin, forms.Form):
    """Correct one proposed item before loading."""

    reference = forms.CharField(label=_("Reference"), max_length=30, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=Item.Kind.choices)
    owners = forms.MultipleChoiceField(
        label=_("Owners"),
        choices=Owner.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    other_owners = forms.CharField(
        label=_("Other owners' names"),
        max_length=300,
        required=False,
        help_text=_(
            "For the owner Other: the bodies' names, separated by semicolons, for "
            "example Ministry of Justice; NHS England."
        ),
    )
    text = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    target_date = forms.DateField(
        label=_("Target date"), required=False, widget=DateInput
    )
    cause_of_concern = forms.CharField(
        label=_("Cause of concern (its reference)"), max_length=30, required=False
    )
    text_is_summary = forms.BooleanField(
        label=_("The text is a summary, not the exact wording"), required=False
    )
    hmicfrs_id = forms.CharField(
        label=_("HMICFRS register ID"), max_length=30, required=False
    )


class ImportConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)
    add_new = forms.BooleanField(
        label=_("Add the new items"), required=False, initial=True
    )
    update_changed = forms.BooleanField(
        label=_("Update the changed items"), required=False
    )


class ImportSplitForm(RowStampMixin, GovukFormMixin, forms.Form):
    """Split one proposed item into two before loading."""

    first_text = forms.CharField(
        label=_("Wording of the first item"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Enter the first item's wording.")},
    )
    second_reference = forms.CharField(
        label=_("Reference of the second item"),
        max_length=30,
        help_text=_("Unique in the report, for example 3b."),
        error_messages={"required": _("Enter the second item's reference.")},
    )
    second_text = forms.CharField(
        label=_("Wording of the second item"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Enter the second item's wording.")},
    )

    def __init__(self, *args: Any, taken: set[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.taken = taken

    def clean_second_reference(self) -> str:
        reference = clean_reference(self.cleaned_data["second_reference"])
        if reference_key(reference) in self.taken:
            raise ValidationError(
                _("Reference %(reference)s is already used: choose another."),
                code="duplicate",
                params={"reference": reference},
            )
        return reference


class ImportMergeForm(forms.Form):
    """Merge a proposed item with the one after it: `following` names the row the
    page showed, so a page opened before the rows changed merges nothing."""

    following = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, following: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.expected = following

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("following") != self.expected:
            raise ValidationError(
                _(
                    "The rows changed since this page was opened (perhaps in "
                    "another tab): check the two rows below again."
                ),
                code="stale",
            )
        return cleaned


class ImportDeleteForm(forms.Form):
    """Delete a proposed item: the confirmation page sends `confirm`."""

    confirm = forms.BooleanField(widget=forms.HiddenInput, required=False, initial=True)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("confirm"):
            raise ValidationError(
                _("Confirm that the row is to be deleted."), code="unconfirmed"
            )
        return cleaned


# Past this many reports, a report select offers the most recent ones (and the one
# chosen); the item search finds any report by title. A national tracker holds
# thousands of reports: a select of all of them is unusable and heavy to send.
REPORT_CHOICES_LIMIT = 100


def limit_report_choices(field: forms.ModelChoiceField, chosen: Any) -> None:
    """Offer only the most recent reports (and `chosen`) when there are too many.

    Validation still accepts any report: only the rendered options are limited.
    """
    recent = cached_figure(
        "recent-reports",
        REPORT_CHOICES_LIMIT,
        lambda: list(
            Report.objects.order_by("-published_on", "title").values_list(
                "pk", "title"
            )[: REPORT_CHOICES_LIMIT + 1]
        ),
    )
    if len(recent) <= REPORT_CHOICES_LIMIT:
        return
    choices = recent[:REPORT_CHOICES_LIMIT]
    chosen = str(chosen or "")
    if chosen.isdigit() and int(chosen) not in {pk for pk, _title in choices}:
        choices = [
            *Report.objects.filter(pk=int(chosen)).values_list("pk", "title"),
            *choices,
        ]
    field.widget.choices = [("", field.empty_label), *choices]
    field.help_text = _(
        "The %(count)s most recently published reports. To find an older report, "
        "search the item list by its title."
    ) % {"count": REPORT_CHOICES_LIMIT}
