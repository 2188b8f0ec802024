"""The item list's filters; every filter is a query-string parameter, so any view of
the list can be bookmarked and shared."""

import datetime as dt
from typing import Any, cast

import django_filters
from django import forms
from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .forms import WIDGET_CLASSES, CleanInputMixin, DateInput, limit_report_choices
from .models import Item, Owner, Report, overdue_q, owned_by_q
from .selectors import lead_choices, lead_options


class FilterForm(CleanInputMixin, forms.Form):
    """The filters' form: text cleaned and dates in range, as in every form."""


SORTS = {
    "report": ("-report__published_on", "report__title", "id"),
    "reference": ("report__title", "reference"),
    "status": ("status", "id"),
    "target": ("target_date", "id"),
    "lead": ("lead__first_name", "lead__last_name", "id"),
    "updated": ("updated_at", "id"),
}
SORT_LABELS = {
    "report": _("Report"),
    "reference": _("Reference"),
    "status": _("Status"),
    "target": _("Target date"),
    "lead": _("Lead"),
    "updated": _("Last changed"),
}
DEFAULT_SORT = "report"
# The lead filter's options are kept this long: a new lead appears in the list up to
# a minute after being given a role (the filter accepts them at once).
LEAD_OPTIONS_SECONDS = 60


class ItemFilter(django_filters.FilterSet):
    # The past day the list shows (as_at), set by the view; None for today.
    as_of_day: dt.date | None = None

    q = django_filters.CharFilter(
        label=_("Search"), method="filter_search", max_length=200
    )
    report = django_filters.ModelChoiceFilter(
        label=_("Report"),
        queryset=Report.objects.only("id", "title").order_by("title"),
        empty_label=_("All reports"),
        widget=forms.Select,
    )
    # distinct=False: each filter is on the item's own columns (no multi-valued join),
    # and DISTINCT would make the database sort every matching row.
    kind = django_filters.MultipleChoiceFilter(
        distinct=False,
        label=_("Kind"),
        choices=Item.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    owner = django_filters.MultipleChoiceFilter(
        distinct=False,
        label=_("Owner"),
        choices=Owner.choices,
        method="filter_owner",
        widget=forms.CheckboxSelectMultiple,
    )
    status = django_filters.MultipleChoiceFilter(
        distinct=False,
        label=_("Status"),
        choices=Item.Status.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    rag = django_filters.MultipleChoiceFilter(
        distinct=False,
        label=_("RAG"),
        choices=Item.Rag.choices,
        method="filter_rag",
        widget=forms.CheckboxSelectMultiple,
    )
    lead = django_filters.ModelChoiceFilter(
        label=_("Lead"),
        queryset=lead_choices(),
        empty_label=_("Anyone"),
        null_label=_("No lead (awaiting allocation)"),
        null_value="none",
        widget=forms.Select,
    )
    overdue = django_filters.BooleanFilter(
        label=_("Overdue only"),
        method="filter_overdue",
        widget=forms.CheckboxInput,
    )
    target_from = django_filters.DateFilter(
        label=_("Target date from"),
        field_name="target_date",
        lookup_expr="gte",
        widget=DateInput,
    )
    target_to = django_filters.DateFilter(
        label=_("Target date to"),
        field_name="target_date",
        lookup_expr="lte",
        widget=DateInput,
    )

    class Meta:
        model = Item
        fields: list[str] = []
        form = FilterForm

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lead = cast(django_filters.ModelChoiceFilter, self.filters["lead"])
        lead.queryset = lead_choices()
        form = self.form
        # Rendered from plain values: a model per user costs more than the page.
        lead_rows = cache.get_or_set("lead-options", lead_options, LEAD_OPTIONS_SECONDS)
        form.fields["lead"].widget.choices = [
            ("", _("Anyone")),
            ("none", _("No lead (awaiting allocation)")),
            *(lead_rows or []),
        ]
        limit_report_choices(
            cast(forms.ModelChoiceField, form.fields["report"]),
            (self.data or {}).get("report"),
        )
        for name, field in form.fields.items():
            widget_type = type(field.widget).__name__.lower().removesuffix("input")
            css = {
                "checkboxselectmultiple": WIDGET_CLASSES["checkboxselectmultiple"],
                "checkbox": WIDGET_CLASSES["checkbox"],
                "select": WIDGET_CLASSES["select"],
                "date": WIDGET_CLASSES["date"],
                "text": WIDGET_CLASSES["text"],
            }.get(widget_type)
            if css:
                field.widget.attrs.setdefault("class", css)
            if name == "q":
                field.widget.attrs["type"] = "search"

    def filter_search(self, queryset: QuerySet[Item], name: str, value: str):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(text__icontains=value)
            | Q(reference__iexact=value)
            | Q(report__title__icontains=value)
            | Q(lead_team__icontains=value)
            | Q(hmicfrs_id__iexact=value)
        )

    def filter_owner(self, queryset: QuerySet[Item], name: str, value: list[str]):
        return queryset.filter(owned_by_q(*value)) if value else queryset

    def filter_rag(self, queryset: QuerySet[Item], name: str, value: list[str]):
        # The base queryset carries the rag_value annotation (selectors.item_list_base).
        # misc: the stubs' plugin knows model fields only, not this annotation.
        return queryset.filter(rag_value__in=value) if value else queryset  # type: ignore[misc]

    def filter_overdue(self, queryset: QuerySet[Item], name: str, value: bool | None):
        if not value:
            return queryset
        # The list may show the tracker as it stood on a past day (as_at).
        today = self.as_of_day or timezone.localdate()
        return queryset.filter(overdue_q(today))
