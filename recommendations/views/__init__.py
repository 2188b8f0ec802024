"""HTTP wiring: fetch -> authorise -> validate -> one service call -> redirect."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    StreamingHttpResponse,
)
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django_htmx.http import HttpResponseClientRedirect

from .. import access, dates, exports, panels, selectors, services, workflow
from ..access import Need
from ..figures import CachedCountPaginator, Markers, data_marker, markers
from ..filters import DEFAULT_SORT, SORT_LABELS, SORTS, ItemFilter
from ..forms import ItemEditForm, ProgressUpdateForm
from ..models import Item, Report, annotate_rag
from ..requests import SignedInRequest

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class BadAsAt(ValueError):
    """?as_at= holds something that is not a past day the tracker can show."""


def parse_as_at(request: SignedInRequest) -> dt.date | None:
    """The past day asked for (?as_at=YYYY-MM-DD); None for today; BadAsAt when
    the value is not a real past date within the accepted range."""
    value = request.GET.get("as_at", "")
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError as error:
        raise BadAsAt(value) from error
    if day >= timezone.localdate():
        return None  # today or later: the tracker as it is now
    if not dates.in_range(day):
        raise BadAsAt(value)
    return day


def as_at_day(request: SignedInRequest) -> dt.date | None:
    """The past day a page should show, or None for today; a value that is not a
    real past date is said so on the page, which then shows today."""
    try:
        return parse_as_at(request)
    except BadAsAt as bad:
        messages.error(
            request,
            _(
                "\u201c%(value)s\u201d is not a date the tracker can show: %(range)s "
                "This is the tracker as it is today."
            )
            % {"value": str(bad)[:30], "range": dates.out_of_range_message()},
        )
        return None


@require_GET
def report_list(request: SignedInRequest) -> HttpResponse:
    access.require_page(request.user, Need.VIEW)
    paginator = CachedCountPaginator(
        Report.objects.order_by("-published_on", "title"),
        settings.ITEMS_PER_PAGE,
        count_key=("reports",),
    )
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = selectors.reports_with_counts(
        list(page.object_list), today=timezone.localdate()
    )
    return render(
        request,
        "recommendations/report_list.html",
        {
            "page": page,
            "page_range": paginator.get_elided_page_range(page.number),
        },
    )


@require_GET
def report_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    report = access.report_for_user(request.user, pk, need=Need.VIEW)
    today = timezone.localdate()
    groups = selectors.report_items_by_kind(report=report, today=today)
    return render(
        request,
        "recommendations/report_detail.html",
        {
            "report": report,
            "groups": groups,
            "today": today,
            "panels": panels.report_panels_for(request, report),
        },
    )


@dataclass(frozen=True)
class SortLink:
    sort: str  # the sort a click on the column asks for
    state: str  # its aria-sort state: ascending, descending or none
    label: "StrOrPromise"


def _sort_links(current: str) -> dict[str, SortLink]:
    """For each sortable column: the sort a click asks for and its aria-sort state."""
    key = current.lstrip("-")
    descending = current.startswith("-")
    links = {}
    for name, label in SORT_LABELS.items():
        next_sort = f"-{name}" if name == key and not descending else name
        state = "none"
        if name == key:
            state = "descending" if descending else "ascending"
        links[name] = SortLink(sort=next_sort, state=state, label=label)
    return links


def _filtered_items(
    request: SignedInRequest, *, full_rows: bool = False
) -> tuple[ItemFilter, dt.date, dt.date | None, str]:
    """The item list's filter over today's items or (as_at) a past day's."""
    day = as_at_day(request)
    if day is None:
        today = timezone.localdate()
        base = (
            annotate_rag(Item.objects.select_related("report", "lead"), today)
            if full_rows
            else selectors.item_list_base(today=today)
        )
    else:
        today = day
        # An inner join on the report (history rows' foreign keys are nullable), so
        # the database can walk reports newest first and stop after one page.
        past = selectors.items_as_at(day=day).filter(report__published_on__isnull=False)
        base = annotate_rag(past.select_related("report", "lead"), day)
    item_filter = ItemFilter(request.GET, queryset=base, request=request)
    item_filter.as_of_day = day
    sort = request.GET.get("sort", DEFAULT_SORT)
    if sort.lstrip("-") not in SORTS:
        sort = DEFAULT_SORT
    return item_filter, today, day, sort


def _ordering(sort: str, day: dt.date | None) -> tuple[str, ...]:
    ordering = SORTS[sort.lstrip("-")]
    if day is not None:
        # History rows carry the time of the change, not an updated_at column.
        ordering = tuple("history_date" if f == "updated_at" else f for f in ordering)
    if sort.startswith("-"):
        ordering = tuple(
            f.removeprefix("-") if f.startswith("-") else f"-{f}" for f in ordering
        )
    return ordering


@require_GET
def item_export(request: SignedInRequest, extension: str) -> HttpResponseBase:
    """Every item the list's filters match (not only one page), as CSV or XLSX.

    Made as it is sent, in constant memory (recommendations.exports).
    """
    access.require_page(request.user, Need.VIEW)
    if extension not in {"csv", "xlsx"}:
        raise Http404
    # A download is not a page that can say what it ignored: a bad "as at" date or
    # filter refuses it, rather than giving today's or every item.
    try:
        parse_as_at(request)
    except BadAsAt:
        return HttpResponseBadRequest(
            dates.out_of_range_message(), content_type="text/plain; charset=utf-8"
        )
    item_filter, today, day, sort = _filtered_items(request, full_rows=True)
    if item_filter.is_bound and not item_filter.form.is_valid():
        problems = [
            f"{item_filter.form[name].label}: {' '.join(str(e) for e in errors)}"
            for name, errors in item_filter.form.errors.items()
            if name in item_filter.form.fields
        ]
        return HttpResponseBadRequest(
            "\n".join(problems) or _("Check the filters."),
            content_type="text/plain; charset=utf-8",
        )
    queryset = exports.with_last_update(
        item_filter.qs.order_by(*_ordering(sort, day)),
        until=selectors.day_cutoff(day) if day else None,
    )
    rows = exports.rows(exports.fetched(exports.export_values(queryset)), today)
    filename = f"inspection-items-{today:%Y-%m-%d}.{extension}"
    response: HttpResponseBase
    if extension == "csv":
        response = StreamingHttpResponse(
            exports.csv_chunks(rows), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    else:
        response = FileResponse(
            exports.xlsx_file(rows),
            as_attachment=True,
            filename=filename,
            content_type=exports.XLSX_CONTENT_TYPE,
        )
    return response


def _results_marker(current: Markers, day: dt.date | None) -> tuple[Any, ...]:
    """What the results fragment depends on. Today's rows: any write (the data
    marker). A past day's rows are history rows, which never change: only the
    reports' titles they show can (the report marker), so a write today leaves a
    past day's pages rendered. (Keying today's rows on the rows themselves cost a
    query of the page on every request, more than the re-renders it saved.)"""
    if day is not None and day < timezone.localdate():
        return ("past", current.reports)
    return current.data


def _past_day_counter(
    request: SignedInRequest, day: dt.date | None, queryset: QuerySet
) -> Callable[[], int] | None:
    """For a past day, the list's total counted over the as-at index's rows
    (selectors.item_states_as_at), which the filters read as they read the history
    rows, except the text search; None: count the list itself."""
    if day is None or request.GET.get("q", "").strip():
        return None

    def count() -> int:
        parts = selectors.item_states_as_at(day=day)
        if parts is None:
            return queryset.count()
        total = 0
        for part in parts:
            counted = ItemFilter(
                request.GET,
                queryset=annotate_rag(
                    part.filter(report__published_on__isnull=False), day
                ),
                request=request,
            )
            counted.as_of_day = day
            total += counted.qs.count()
        return total

    return count


@require_GET
def item_list(request: SignedInRequest) -> HttpResponse:
    access.require_page(request.user, Need.VIEW)
    item_filter, today, day, sort = _filtered_items(request)
    queryset = item_filter.qs.order_by(*_ordering(sort, day))
    # The total is the same for every page and sort: cached while nothing changes.
    filters = sorted(
        (k, v) for k, v in request.GET.lists() if k not in {"page", "sort"}
    )
    current = markers()
    paginator = CachedCountPaginator(
        queryset,
        settings.ITEMS_PER_PAGE,
        count_key=("items", filters, today),
        marker=current.data,
        counter=_past_day_counter(request, day, queryset),
    )
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "filter": item_filter,
        "page": page,
        "page_range": paginator.get_elided_page_range(page.number),
        "sort_links": _sort_links(sort),
        # Key the template's cached fragments: the results (_results_marker), the
        # filter panel (reports and leads to choose from) on reports' changes.
        "results_marker": _results_marker(current, day),
        "report_marker": current.reports,
        "today": today,
        "as_at": day,
        "active_filters": [
            (item_filter.form[name].label, value)
            for name, value in item_filter.form.cleaned_data.items()
            if value not in (None, "", [], False)
        ]
        if item_filter.is_bound and item_filter.form.is_valid()
        else [],
    }
    template = "recommendations/item_list.html"
    if request.htmx and not request.htmx.history_restore_request:
        if item_filter.form.errors:
            # The filter panel shows what is wrong: htmx loads the whole page.
            return HttpResponseClientRedirect(request.get_full_path())
        template += "#results"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_GET
def item_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    item = access.item_for_user(request.user, pk, need=Need.VIEW)
    day = as_at_day(request)
    if day is not None:
        return _item_detail_as_at(request, item, day)
    today = timezone.localdate()
    context = {
        "item": item,
        "rag": item.rag(today),
        "days_overdue": item.days_overdue(today),
        "updates": selectors.item_timeline(item_id=item.pk),
        # Read only when the page's cached history fragment is missing.
        "history": SimpleLazyObject(lambda: selectors.item_history(item_id=item.pk)),
        "data_marker": data_marker(),
        "linked_recommendations": item.recommendations.order_by("id"),
        "can_edit": access.allows(request.user, Need.EDIT),
        "moves": workflow.allowed_moves(item, request.user),
        "panels": panels.panels_for(request, item),
    }
    return render(request, "recommendations/item_detail.html", context)


def _item_detail_as_at(
    request: SignedInRequest, item: Item, day: dt.date
) -> HttpResponse:
    """The item as it stood at the end of `day`: read-only, from its history."""
    past = selectors.item_as_at(item_id=item.pk, day=day)
    if past is None:
        raise Http404("The item had not been loaded by then.")
    cutoff = selectors.day_cutoff(day)
    context = {
        "item": past,
        "as_at": day,
        "rag": past.rag(day),
        "days_overdue": past.days_overdue(day),
        "updates": selectors.item_timeline(item_id=item.pk, until=cutoff),
        "history": SimpleLazyObject(
            lambda: selectors.item_history(item_id=item.pk, until=cutoff)
        ),
        "data_marker": data_marker(),
        "linked_recommendations": Item.objects.filter(
            cause_of_concern_id=item.pk
        ).order_by("id"),
        "can_edit": False,
        "moves": [],
        "panels": [],
    }
    return render(request, "recommendations/item_detail.html", context)


@require_http_methods(["GET", "POST"])
def item_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    item = access.item_for_user(request.user, pk, need=Need.EDIT)
    form = ItemEditForm(
        request.POST or None,
        item=item,
        initial={
            "version": item.version,
            "lead": item.lead_id,
            "lead_team": item.lead_team,
            "target_date": item.target_date,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.item_update_working_fields(
                item_id=item.pk,
                actor=request.user,
                expected_version=data["version"],
                lead=data["lead"],
                lead_team=data["lead_team"].strip(),
                target_date=data.get("target_date", item.target_date),
                reason=data["reason"],
                past_date_confirmed=data.get("past_date_confirmed", False),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The item has been updated."))
            return redirect("recommendations:item_detail", pk=item.pk)
    return render(
        request,
        "recommendations/item_edit.html",
        {"item": item, "form": form},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def item_progress(request: SignedInRequest, pk: int) -> HttpResponse:
    item = access.item_for_user(request.user, pk, need=Need.EDIT)
    initial: dict[str, Any] = {"version": item.version}
    if request.GET.get("status") in {
        m.to for m in workflow.allowed_moves(item, request.user)
    }:
        initial["status_to"] = request.GET["status"]
    form = ProgressUpdateForm(
        request.POST or None,
        request.FILES or None,
        item=item,
        user=request.user,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.progress_update_record(
                item_id=item.pk,
                actor=request.user,
                expected_version=data["version"],
                text=data["text"],
                status_to=data["status_to"],
                status_reason=data["status_reason"],
                evidence_file=data["evidence_file"],
                evidence_link=data["evidence_link"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your update has been recorded."))
            return redirect("recommendations:item_detail", pk=item.pk)
    return render(
        request,
        "recommendations/item_progress.html",
        {"item": item, "form": form},
        status=400 if form.errors else 200,
    )


@require_GET
def evidence_download(request: SignedInRequest, pk: int) -> FileResponse:
    update = access.progress_update_for_user(request.user, pk, need=Need.VIEW)
    if not update.evidence_file:
        raise Http404
    try:
        handle = update.evidence_file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=update.evidence_name
        or (update.evidence_file.name or "evidence").rsplit("/", 1)[-1],
        content_type=update.evidence_content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_not_required
@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement UK public-sector bodies must publish."""
    return render(request, "accessibility.html")
