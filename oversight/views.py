"""The DCC's review page, the dashboard, and the oversight decisions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from recommendations import roles
from recommendations.models import Item

from . import selectors, services
from .forms import (
    ClosureDecisionForm,
    DateChangeRequestForm,
    DateDecisionForm,
    HmicfrsOutcomeForm,
    ReviewFilterForm,
)
from .models import TargetDateChange


def _require_reviewer(request: HttpRequest) -> None:
    if not roles.can_review(request.user):
        raise PermissionDenied


def _item_for_decision(request: HttpRequest, pk: int) -> Item:
    _require_reviewer(request)
    return get_object_or_404(Item.objects.select_related("report", "lead"), pk=pk)


def _next_url(request: HttpRequest, default: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    if not roles.can_view(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    context = selectors.dashboard(today=today, user=request.user)
    context["today"] = today
    return render(request, "oversight/dashboard.html", context)


@require_GET
def review(request: HttpRequest) -> HttpResponse:
    _require_reviewer(request)
    today = timezone.localdate()
    form = ReviewFilterForm(request.GET or None, lead_teams=selectors.lead_teams())
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    report = filters.get("report")
    overdue = selectors.overdue_items(
        today=today,
        owner=filters.get("owner", ""),
        lead_team=filters.get("lead_team", ""),
        report_id=report.pk if report else None,
    )
    sign_off = selectors.awaiting_sign_off()
    dates = list(selectors.awaiting_date_decisions())
    return render(
        request,
        "oversight/review.html",
        {
            "form": form,
            "overdue": overdue,
            "bands": selectors.band_counts(overdue),
            "sign_off": sign_off,
            "dates": dates,
            "today": today,
            "filtered": bool(filters and any(filters.values())),
        },
    )


@require_http_methods(["GET", "POST"])
def closure_decide(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item_for_decision(request, pk)
    form = ClosureDecisionForm(request.POST or None, initial={"version": item.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == "sign_off":
                services.closure_sign_off(
                    item_id=item.pk,
                    actor=request.user,
                    expected_version=data["version"],
                    note=data["note"],
                )
                message = _("%(item)s has been signed off as closed.")
            else:
                services.closure_return(
                    item_id=item.pk,
                    actor=request.user,
                    expected_version=data["version"],
                    reason=data["note"],
                )
                message = _("%(item)s has been returned to its lead.")
        except ValidationError as error:
            form.add_error(None, error)
        else:
            label = f"{item.get_kind_display()} {item.reference} ({item.report.title})"
            messages.success(request, message % {"item": label})
            return redirect(
                _next_url(
                    request, reverse("recommendations:item_detail", args=[item.pk])
                )
            )
    return render(
        request,
        "oversight/closure_decide.html",
        {
            "item": item,
            "form": form,
            "proposal": services.latest_proposal(item),
            "next": _next_url(request, ""),
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def hmicfrs_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item_for_decision(request, pk)
    form = HmicfrsOutcomeForm(request.POST or None, initial={"version": item.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.closure_record_hmicfrs_outcome(
                item_id=item.pk,
                actor=request.user,
                expected_version=data["version"],
                accepted=data["outcome"] == "verified",
                outcome_on=data["outcome_on"],
                note=data["note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("HMICFRS's decision has been recorded."))
            return redirect("recommendations:item_detail", pk=item.pk)
    return render(
        request,
        "oversight/hmicfrs_outcome.html",
        {"item": item, "form": form},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def date_request(request: HttpRequest, pk: int) -> HttpResponse:
    if not roles.can_edit(request.user):
        raise PermissionDenied
    item = get_object_or_404(Item.objects.select_related("report"), pk=pk)
    form = DateChangeRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.target_date_request(
                item_id=item.pk,
                actor=request.user,
                new_date=form.cleaned_data["new_date"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Your request has been sent to a reviewer for a decision."),
            )
            return redirect("recommendations:item_detail", pk=item.pk)
    return render(
        request,
        "oversight/date_request.html",
        {"item": item, "form": form},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def date_decide(request: HttpRequest, pk: int) -> HttpResponse:
    _require_reviewer(request)
    change = get_object_or_404(
        TargetDateChange.objects.select_related("item__report", "requested_by"), pk=pk
    )
    form = DateDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        try:
            services.target_date_decide(
                change_id=change.pk,
                actor=request.user,
                approve=approve,
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The new target date has been approved.")
                if approve
                else _("The request has been rejected."),
            )
            return redirect(
                _next_url(
                    request,
                    reverse("recommendations:item_detail", args=[change.item_id]),
                )
            )
    return render(
        request,
        "oversight/date_decide.html",
        {
            "change": change,
            "item": change.item,
            "form": form,
            "next": _next_url(request, ""),
        },
        status=400 if form.errors else 200,
    )
