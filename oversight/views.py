"""The DCC's review page, the dashboard, and the oversight decisions."""

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from recommendations import access
from recommendations.access import Need
from recommendations.figures import CachedCountPaginator, cached_figure
from recommendations.forms import carry_current
from recommendations.models import Report
from recommendations.requests import SignedInRequest
from recommendations.selectors import latest_proposal
from recommendations.versions import ConflictError, report_change_id
from recommendations.views import as_at_day

from . import documents, selectors, services
from .access import date_change_for_user
from .forms import (
    ChangesForm,
    ClosureDecisionForm,
    DateChangeRequestForm,
    DateDecisionForm,
    HmicfrsOutcomeForm,
    ReopenForm,
    ReviewFilterForm,
    S55ApprovalForm,
    S55Form,
    S55LetterForm,
    S55ResponseForm,
    ScrutinyForm,
)


def _docx_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument."
        "wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _next_url(request: SignedInRequest, default: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


@require_GET
def dashboard(request: SignedInRequest) -> HttpResponse:
    access.require_page(request.user, Need.VIEW)
    day = as_at_day(request)
    today = day or timezone.localdate()
    return render(
        request,
        "oversight/dashboard.html",
        {
            "dashboard": selectors.dashboard(
                today=today, user=request.user, as_at=day is not None
            ),
            "today": today,
            "as_at": day,
            # Every link from a past view stays in that past day.
            "past": {"as_at": f"{day:%Y-%m-%d}"} if day else {},
            "s55": selectors.s55_due(today=timezone.localdate()),
        },
    )


@require_GET
def review(request: SignedInRequest) -> HttpResponse:
    access.require_page(request.user, Need.REVIEW)
    today = timezone.localdate()
    form = ReviewFilterForm(request.GET or None, lead_teams=selectors.lead_teams())
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    report = filters.get("report")
    scope = {
        "owner": filters.get("owner", ""),
        "lead_team": filters.get("lead_team", ""),
        "report_id": report.pk if report else None,
    }
    limit = selectors.REVIEW_QUEUE_LIMIT
    bands = selectors.band_counts(
        selectors.overdue_queryset(today=today, **scope), today
    )
    dates = selectors.awaiting_date_decisions()
    return render(
        request,
        "oversight/review.html",
        {
            "form": form,
            "overdue": selectors.overdue_items(today=today, limit=limit, **scope),
            "overdue_count": sum(n for _label, n in bands),
            "overdue_filters": _overdue_list_filters(scope),
            "bands": bands,
            "sign_off": selectors.awaiting_sign_off(limit=limit),
            "sign_off_count": selectors.awaiting_sign_off_count(),
            "dates": list(dates[:limit]),
            "dates_count": dates.count(),
            "limit": limit,
            "today": today,
            "filtered": bool(filters and any(filters.values())),
        },
    )


def _overdue_list_filters(scope: dict) -> dict[str, str] | None:
    """The item list's filters for the same overdue items, most overdue first.

    None when filtered by lead team, which the item list has no exact filter for.
    """
    if scope["lead_team"]:
        return None
    filters = {"overdue": "true", "sort": "target"}
    if scope["owner"]:
        filters["owner"] = scope["owner"]
    if scope["report_id"]:
        filters["report"] = str(scope["report_id"])
    return filters


@require_http_methods(["GET", "POST"])
def closure_decide(request: SignedInRequest, pk: int) -> HttpResponse:
    item = access.item_for_user(request.user, pk, need=Need.REVIEW)
    form = ClosureDecisionForm(request.POST or None, initial={"version": item.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["decision"] == "sign_off" and not data["confirmed"]:
            # One more look before an item closes: a sign-off is undone only by a
            # reviewer reopening it, with a reason, in the history for good.
            return render(
                request,
                "oversight/closure_confirm.html",
                {
                    "item": item,
                    "form": form,
                    "proposal": latest_proposal(item=item),
                    "next": _next_url(request, ""),
                    "cancel": _next_url(
                        request, reverse("recommendations:item_detail", args=[item.pk])
                    ),
                    "today": timezone.localdate(),
                },
            )
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
            "proposal": latest_proposal(item=item),
            "next": _next_url(request, ""),
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def closure_reopen(request: SignedInRequest, pk: int) -> HttpResponse:
    item = access.item_for_user(request.user, pk, need=Need.REVIEW)
    form = ReopenForm(request.POST or None, initial={"version": item.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.closure_reopen(
                item_id=item.pk,
                actor=request.user,
                expected_version=form.cleaned_data["version"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The item has been reopened."))
            return redirect("recommendations:item_detail", pk=item.pk)
    return render(
        request,
        "oversight/closure_reopen.html",
        {"item": item, "form": form},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def hmicfrs_outcome(request: SignedInRequest, pk: int) -> HttpResponse:
    item = access.item_for_user(request.user, pk, need=Need.REVIEW)
    form = HmicfrsOutcomeForm(request.POST or None, initial={"version": item.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["outcome"] == "verified":
                services.closure_record_hmicfrs_verified(
                    item_id=item.pk,
                    actor=request.user,
                    expected_version=data["version"],
                    verified_on=data["outcome_on"],
                    note=data["note"],
                )
            else:
                services.closure_record_hmicfrs_not_accepted(
                    item_id=item.pk,
                    actor=request.user,
                    expected_version=data["version"],
                    decided_on=data["outcome_on"],
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
def date_request(request: SignedInRequest, pk: int) -> HttpResponse:
    item = access.item_for_user(request.user, pk, need=Need.EDIT)
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


@require_http_methods(["POST"])
def date_withdraw(request: SignedInRequest, pk: int) -> HttpResponse:
    change = date_change_for_user(request.user, pk, need=Need.EDIT)
    try:
        services.target_date_withdraw(change_id=change.pk, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Your request for a new target date is withdrawn."))
    return redirect("recommendations:item_detail", pk=change.item_id)


@require_http_methods(["GET", "POST"])
def date_decide(request: SignedInRequest, pk: int) -> HttpResponse:
    change = date_change_for_user(request.user, pk, need=Need.REVIEW)
    form = DateDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        try:
            decide = (
                services.target_date_approve if approve else services.target_date_reject
            )
            decide(
                change_id=change.pk, actor=request.user, note=form.cleaned_data["note"]
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


@require_GET
def s55_list(request: SignedInRequest) -> HttpResponse:
    access.require_page(request.user, Need.VIEW)
    today = timezone.localdate()
    paginator = CachedCountPaginator(
        selectors.s55_reports(), settings.ITEMS_PER_PAGE, count_key=("s55",)
    )
    page = paginator.get_page(request.GET.get("page"))
    reports = list(page.object_list)
    letters = selectors.s55_letter_states(reports=reports)
    return render(
        request,
        "oversight/s55_list.html",
        {
            # Each report's clock, with its letter.
            "rows": [
                (row, letters[row.report.pk])
                for row in selectors.s55_rows(today=today, reports=reports)
            ],
            "page": page,
            "page_range": paginator.get_elided_page_range(page.number),
            "today": today,
        },
    )


@require_GET
def s55_report(request: SignedInRequest, pk: int) -> HttpResponse:
    report = access.report_for_user(request.user, pk, need=Need.VIEW)
    today = timezone.localdate()
    state = selectors.s55_letter_state(report=report)
    return render(
        request,
        "oversight/s55_report.html",
        {
            "report": report,
            "today": today,
            "row": selectors.s55_rows(
                today=today,
                reports=selectors.s55_reports(Report.objects.filter(pk=report.pk)),
            )[:1],
            "state": state,
            "letter_history": selectors.s55_letter_history(letter=state.letter),
            "can_edit": access.allows(request.user, Need.EDIT),
            "can_approve": access.allows(request.user, Need.REVIEW),
        },
    )


@require_http_methods(["GET", "POST"])
def s55_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    report = access.report_for_user(request.user, pk, need=Need.EDIT)
    form = S55Form(
        request.POST or None,
        initial={
            "change": report_change_id(report),
            "s55_required": report.s55_required,
            "chief_comments_requested_by": report.chief_comments_requested_by,
            "chief_comments_received_on": report.chief_comments_received_on,
            "response_published_on": report.response_published_on,
            "response_url": report.response_url,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.report_record_s55(
                report_id=report.pk,
                actor=request.user,
                expected_change=data.pop("change"),
                **data,
            )
        except ConflictError as error:
            carry_current(form, change=str(report_change_id(report)))
            form.add_error(None, error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The section 55 record has been updated."))
            return redirect("oversight:s55_report", pk=report.pk)
    return render(
        request,
        "oversight/s55_edit.html",
        {"report": report, "form": form},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def s55_response(request: SignedInRequest, pk: int) -> HttpResponse:
    item = access.item_for_user(request.user, pk, need=Need.EDIT)
    form = S55ResponseForm(
        request.POST or None,
        initial={"version": item.version, "response": item.s55_response},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.item_record_s55_response(
                item_id=item.pk,
                actor=request.user,
                expected_version=form.cleaned_data["version"],
                response=form.cleaned_data["response"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The response has been saved."))
            return redirect("oversight:s55_report", pk=item.report_id)
    return render(
        request,
        "oversight/s55_response.html",
        {"item": item, "form": form},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def s55_letter(request: SignedInRequest, pk: int) -> HttpResponse:
    """The letter's comments: the PCC's, the Chief Constable's, the PCC's reply."""
    report = access.report_for_user(request.user, pk, need=Need.EDIT)
    state = selectors.s55_letter_state(report=report)
    form = S55LetterForm(
        request.POST or None,
        initial={
            "version": state.version,
            "pcc_comments": state.pcc_comments,
            "chief_comments": state.chief_comments,
            "pcc_reply": state.pcc_reply,
        },
    )
    conflict = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.s55_letter_record_text(
                report_id=report.pk,
                actor=request.user,
                expected_version=data["version"],
                pcc_comments=data["pcc_comments"],
                chief_comments=data["chief_comments"],
                pcc_reply=data["pcc_reply"],
                reason=data["reason"],
            )
        except ConflictError as error:
            # Keep what this person wrote, show what is saved now, and let a
            # second save (made knowing both) replace it.
            conflict = True
            form = S55LetterForm({**request.POST.dict(), "version": state.version})
            form.is_valid()
            form.add_error(None, error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The letter's comments have been saved."))
            return redirect("oversight:s55_report", pk=report.pk)
    return render(
        request,
        "oversight/s55_letter.html",
        {"report": report, "state": state, "form": form, "conflict": conflict},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def s55_approve(request: SignedInRequest, pk: int) -> HttpResponse:
    """A reviewer reads the letter's whole text and approves it for the final letter."""
    report = access.report_for_user(request.user, pk, need=Need.REVIEW)
    state = selectors.s55_letter_state(report=report)
    form = S55ApprovalForm(
        request.POST or None,
        initial={"version": state.version, "digest": state.digest},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.s55_letter_approve(
                report_id=report.pk,
                actor=request.user,
                expected_version=form.cleaned_data["version"],
                expected_digest=form.cleaned_data["digest"],
            )
        except ValidationError as error:
            # The page shows the text as it is now: approving again approves that.
            form = S55ApprovalForm({"version": state.version, "digest": state.digest})
            form.is_valid()
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The text is approved: the final letter can now be downloaded."),
            )
            return redirect("oversight:s55_report", pk=report.pk)
    return render(
        request,
        "oversight/s55_approve.html",
        {"report": report, "state": state, "form": form},
        status=400 if form.errors else 200,
    )


@require_GET
def s55_document(request: SignedInRequest, pk: int) -> HttpResponse:
    """The letter as DOCX: a draft at any time, final only when nothing is missing."""
    report = access.report_for_user(request.user, pk, need=Need.VIEW)
    state = selectors.s55_letter_state(report=report)
    final = request.GET.get("final") == "1"
    if final and not state.can_be_final:
        messages.error(
            request,
            _("The final letter cannot be produced yet. Still needed: %(what)s.")
            % {"what": "; ".join(state.final_refusals)},
        )
        return redirect("oversight:s55_report", pk=report.pk)
    content = documents.s55_response(
        state=state, final=final, organisation=settings.ORGANISATION_NAME
    )
    name = "response" if final else "draft-response"
    return _docx_response(content, f"s55-{name}-{report.pk}.docx")


def _scrutiny_form(request: SignedInRequest) -> ScrutinyForm:
    today = timezone.localdate()
    data = request.GET if "meeting" in request.GET else None
    return ScrutinyForm(
        data,
        initial={"meeting": today, "previous": today - dt.timedelta(days=91)},
    )


@require_GET
def scrutiny(request: SignedInRequest) -> HttpResponse:
    """The panel paper: print-ready here, DOCX from scrutiny_document."""
    access.require_page(request.user, Need.VIEW)
    form = _scrutiny_form(request)
    paper = None
    if form.is_bound and form.is_valid():
        paper = selectors.cached_scrutiny_paper(
            meeting=form.cleaned_data["meeting"],
            previous=form.cleaned_data["previous"],
            today=timezone.localdate(),
        )
    return render(
        request,
        "oversight/scrutiny.html",
        {"form": form, "paper": paper},
        status=400 if form.errors else 200,
    )


@require_GET
def scrutiny_document(request: SignedInRequest) -> HttpResponse:
    access.require_page(request.user, Need.VIEW)
    form = _scrutiny_form(request)
    if not (form.is_bound and form.is_valid()):
        return redirect("oversight:scrutiny")
    meeting, previous = form.cleaned_data["meeting"], form.cleaned_data["previous"]
    today = timezone.localdate()
    # The file too is made once per change, as its paper is (a DOCX takes longer
    # to write than the paper takes to count).
    content = cached_figure(
        "scrutiny-docx",
        (
            meeting,
            previous,
            today,
            selectors.notes_marker(),
            settings.ORGANISATION_NAME,
        ),
        lambda: documents.scrutiny_paper(
            selectors.cached_scrutiny_paper(
                meeting=meeting, previous=previous, today=today
            ),
            settings.ORGANISATION_NAME,
        ),
    )
    return _docx_response(content, f"scrutiny-paper-{meeting:%Y-%m-%d}.docx")


@require_GET
def changes(request: SignedInRequest) -> HttpResponse:
    access.require_page(request.user, Need.VIEW)
    form = ChangesForm(request.GET if "since" in request.GET else None)
    rows = None
    if form.is_bound and form.is_valid():
        rows = selectors.changes_since(
            since=form.cleaned_data["since"], today=timezone.localdate()
        )
    return render(
        request,
        "oversight/changes.html",
        {"form": form, "rows": rows},
        status=400 if form.errors else 200,
    )
