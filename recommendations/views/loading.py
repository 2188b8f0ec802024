"""Loading a report: upload or paste, preview, correct, confirm. Administrators only.

The draft lives in the session until it is confirmed or cancelled; nothing reaches
the database before `services.report_import`, which checks everything again. In
the preview a row can be corrected, split in two, merged with the next, deleted,
or a row added; each changes the draft, and so the confirmation token.
"""

import hashlib
import json
from dataclasses import asdict
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import access, services
from ..access import Need
from ..forms import (
    ImportConfirmForm,
    ImportDeleteForm,
    ImportMergeForm,
    ImportRowForm,
    ImportSplitForm,
    ImportTextForm,
    ImportUploadForm,
    carry_current,
)
from ..loading.preview import (
    CheckedRow,
    Draft,
    DraftRow,
    Preview,
    check,
    clean_reference,
    next_reference,
    propose_split,
)
from ..loading.template_files import template_csv, template_xlsx
from ..models import Item
from ..requests import SignedInRequest

SESSION_KEY = "report_import"


def _draft(request: SignedInRequest) -> Draft | None:
    data = request.session.get(SESSION_KEY)
    return Draft.from_session(data) if data else None


def _store(request: SignedInRequest, draft: Draft) -> None:
    request.session[SESSION_KEY] = draft.to_session()


def row_stamp(row: DraftRow) -> str:
    """Changes whenever the row does: a page showing the row carries it."""
    encoded = json.dumps(asdict(row), sort_keys=True, default=str)
    return hashlib.sha256(encoded.encode()).hexdigest()[:16]


def _token(draft: Draft) -> str:
    """Changes whenever the draft does, so a stale confirmation is refused."""
    encoded = json.dumps(draft.to_session(), sort_keys=True, default=str)
    return hashlib.sha256(encoded.encode()).hexdigest()[:32]


def _start_page(
    request: SignedInRequest,
    upload_form: ImportUploadForm | None = None,
    text_form: ImportTextForm | None = None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "recommendations/loading/start.html",
        {
            "upload_form": upload_form or ImportUploadForm(),
            "text_form": text_form or ImportTextForm(),
            "has_draft": _draft(request) is not None,
        },
        status=status,
    )


@require_GET
def start(request: SignedInRequest) -> HttpResponse:
    access.require_page(request.user, Need.ADMINISTER)
    return _start_page(request)


@require_POST
def upload(request: SignedInRequest) -> HttpResponse:
    access.require_page(request.user, Need.ADMINISTER)
    form = ImportUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _start_page(request, upload_form=form, status=400)
    _store(request, form.cleaned_data["file"])
    return redirect("recommendations:loading_preview")


@require_POST
def paste(request: SignedInRequest) -> HttpResponse:
    access.require_page(request.user, Need.ADMINISTER)
    form = ImportTextForm(request.POST, request.FILES, user=request.user)
    if not form.is_valid():
        return _start_page(request, text_form=form, status=400)
    _store(request, form.cleaned_data["draft"])
    return redirect("recommendations:loading_preview")


# Rows per page of the preview: a 5,000-row upload is 50 pages, not one 4 MB page.
ROWS_PER_PAGE = 100
# The preview's filters: every row, rows with errors, rows with something to check.
SHOWN = ("all", "errors", "warnings")
# The error summary lists this many errors; the filter finds the rest.
SUMMARY_ERRORS = 50


def _shown(preview: Preview, show: str) -> list[CheckedRow]:
    if show == "errors":
        return preview.error_rows
    if show == "warnings":
        return preview.warning_rows
    return preview.rows


def _preview_url(draft: Draft, row_id: int | None = None) -> str:
    """The preview page (of every row) that shows row `row_id`, at that row."""
    url = reverse("recommendations:loading_preview")
    index = draft.position(row_id) if row_id is not None else None
    if index is None:
        return url
    page = index // ROWS_PER_PAGE + 1
    return f"{url}{f'?page={page}' if page > 1 else ''}#row-{row_id}"


@require_GET
def preview(request: SignedInRequest) -> HttpResponse:
    access.require_page(request.user, Need.ADMINISTER)
    draft = _draft(request)
    if draft is None:
        return redirect("recommendations:loading_start")
    checked = check(draft)
    show = request.GET.get("show", "all")
    if show not in SHOWN:
        show = "all"
    paginator = Paginator(_shown(checked, show), ROWS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    # Each error links to the page of "rows with errors" that shows its row.
    summary: list[dict[str, str]] = []
    base = reverse("recommendations:loading_preview")
    for index, row in enumerate(checked.error_rows):
        if len(summary) >= SUMMARY_ERRORS:
            break
        number = index // ROWS_PER_PAGE + 1
        href = f"{base}?show=errors&page={number}#row-{row.draft.id}"
        for error in row.errors[: SUMMARY_ERRORS - len(summary)]:
            summary.append({"href": href, "place": row.draft.place, "error": error})
    form = ImportConfirmForm(initial={"token": _token(draft)})
    return render(
        request,
        "recommendations/loading/preview.html",
        {
            "preview": checked,
            "form": form,
            "page": page,
            "page_range": paginator.get_elided_page_range(page.number),
            "show": show,
            "summary": summary,
            "summary_rows": len({item["href"] for item in summary}),
            "last_id": draft.rows[-1].id if draft.rows else None,
            "counts": {
                "new": checked.count("new"),
                "changed": checked.count("changed"),
                "unchanged": checked.count("unchanged"),
                "all": len(checked.rows),
                "errors": len(checked.error_rows),
                "warnings": len(checked.warning_rows),
            },
        },
    )


def _posted(request: SignedInRequest) -> QueryDict | None:
    """The form data of a POST, even an empty one (which binds, and fails)."""
    return request.POST if request.method == "POST" else None


def _draft_row(request: SignedInRequest, row_id: int) -> tuple[Draft, DraftRow]:
    draft = _draft(request)
    row = draft.row(row_id) if draft is not None else None
    if draft is None or row is None:
        raise Http404
    return draft, row


def _checked(draft: Draft, row_id: int) -> CheckedRow:
    return check(draft).rows[draft.position(row_id) or 0]


def _saved_message(
    request: SignedInRequest, draft: Draft, row: DraftRow, done: str
) -> None:
    """Say what was done to the row; a row that still has problems is said to."""
    still = _checked(draft, row.id).errors
    if still:
        messages.warning(
            request,
            ngettext(
                "%(done)s, but it still has a problem: %(errors)s",
                "%(done)s, but it still has problems: %(errors)s",
                len(still),
            )
            % {"done": done, "errors": " ".join(still)},
        )
    else:
        messages.success(request, f"{done}.")


def _apply(row: DraftRow, data: dict[str, Any]) -> None:
    row.reference = clean_reference(data["reference"])
    row.kind = data["kind"]
    row.owners = "; ".join(data["owners"])
    row.other_owners = data["other_owners"].strip()
    row.text = data["text"].strip()
    row.target_date = data["target_date"].isoformat() if data["target_date"] else ""
    row.cause_of_concern = clean_reference(data["cause_of_concern"])
    row.text_is_summary = "yes" if data["text_is_summary"] else "no"
    row.hmicfrs_id = data["hmicfrs_id"].strip()
    # A corrected row's proposals have been read by a person.
    row.notes = []


@require_http_methods(["GET", "POST"])
def edit_row(request: SignedInRequest, row_id: int) -> HttpResponse:
    access.require_page(request.user, Need.ADMINISTER)
    draft, row = _draft_row(request, row_id)
    checked = _checked(draft, row_id)
    initial: dict[str, Any] = {
        "reference": row.reference,
        "kind": checked.kind or row.kind,
        "owners": checked.owners,
        "other_owners": "; ".join(checked.other_owners),
        "text": row.text,
        "target_date": checked.target_date,
        "cause_of_concern": row.cause_of_concern,
        "text_is_summary": checked.text_is_summary,
        "hmicfrs_id": row.hmicfrs_id,
    }
    form = ImportRowForm(_posted(request), initial=initial, stamp=row_stamp(row))
    if request.method == "POST" and form.is_valid():
        _apply(row, form.cleaned_data)
        _store(request, draft)
        # Saved as edited; only a row that now passes the checks is "corrected":
        # no green banner beside errors for the same row.
        still = _checked(draft, row_id).errors
        if still:
            messages.warning(
                request,
                ngettext(
                    "%(place)s has been saved as edited, but still has a problem: "
                    "%(errors)s",
                    "%(place)s has been saved as edited, but still has problems: "
                    "%(errors)s",
                    len(still),
                )
                % {"place": row.place, "errors": " ".join(still)},
            )
        else:
            messages.success(
                request, _("%(place)s has been corrected.") % {"place": row.place}
            )
        return redirect(_preview_url(draft, row_id))
    return render(
        request,
        "recommendations/loading/edit_row.html",
        {
            "form": form,
            "row": checked,
            "draft": draft,
            "back_url": _preview_url(draft, row_id),
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def add_row(request: SignedInRequest) -> HttpResponse:
    access.require_page(request.user, Need.ADMINISTER)
    draft = _draft(request)
    if draft is None:
        raise Http404
    form = ImportRowForm(_posted(request), initial={"kind": Item.Kind.RECOMMENDATION})
    if request.method == "POST" and form.is_valid():
        row = draft.add_row(DraftRow(line=0))
        _apply(row, form.cleaned_data)
        _store(request, draft)
        _saved_message(
            request,
            draft,
            row,
            _("A row has been added as %(place)s (reference %(reference)s)")
            % {"place": row.place, "reference": row.reference or _("none")},
        )
        return redirect(_preview_url(draft, row.id))
    return render(
        request,
        "recommendations/loading/edit_row.html",
        {
            "form": form,
            "row": None,
            "draft": draft,
            "back_url": _preview_url(draft),
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def split_row(request: SignedInRequest, row_id: int) -> HttpResponse:
    access.require_page(request.user, Need.ADMINISTER)
    draft, row = _draft_row(request, row_id)
    first, second = propose_split(row.text)
    taken = draft.references()
    form = ImportSplitForm(
        _posted(request),
        taken=taken,
        stamp=row_stamp(row),
        initial={
            "first_text": first,
            "second_reference": next_reference(row.reference, taken),
            "second_text": second,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        added = draft.split_row(
            row_id,
            first_text=data["first_text"].strip(),
            second_reference=data["second_reference"],
            second_text=data["second_text"].strip(),
        )
        _store(request, draft)
        messages.success(
            request,
            _(
                "%(place)s has been split in two: %(first)s, and %(second)s as "
                "%(added)s."
            )
            % {
                "place": row.place,
                "first": row.reference or _("(no reference)"),
                "second": added.reference,
                "added": added.place,
            },
        )
        return redirect(_preview_url(draft, row_id))
    return render(
        request,
        "recommendations/loading/split_row.html",
        {
            "form": form,
            "row": _checked(draft, row_id),
            "draft": draft,
            "back_url": _preview_url(draft, row_id),
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def merge_row(request: SignedInRequest, row_id: int) -> HttpResponse:
    access.require_page(request.user, Need.ADMINISTER)
    draft, row = _draft_row(request, row_id)
    following = draft.following(row_id)
    if following is None:
        raise Http404
    form = ImportMergeForm(
        _posted(request),
        following=following.id,
        initial={"following": following.id},
    )
    if request.method == "POST" and form.is_valid():
        draft.merge_with_following(row_id)
        _store(request, draft)
        _saved_message(
            request,
            draft,
            row,
            _("%(first)s and %(second)s have been merged into one row, %(reference)s")
            % {
                "first": row.place,
                "second": following.place,
                "reference": row.reference or _("(no reference)"),
            },
        )
        return redirect(_preview_url(draft, row_id))
    if form.errors:
        # A second press merges the row this page now shows, deliberately.
        carry_current(form, following=str(following.id))
    checked = check(draft)
    position = draft.position(row_id) or 0
    return render(
        request,
        "recommendations/loading/merge_row.html",
        {
            "form": form,
            "row": checked.rows[position],
            "following": checked.rows[position + 1],
            "merged_text": " ".join(
                part for part in (row.text.strip(), following.text.strip()) if part
            ),
            "draft": draft,
            "back_url": _preview_url(draft, row_id),
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def delete_row(request: SignedInRequest, row_id: int) -> HttpResponse:
    access.require_page(request.user, Need.ADMINISTER)
    draft, row = _draft_row(request, row_id)
    form = ImportDeleteForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        index = draft.position(row_id) or 0
        draft.delete_row(row_id)
        _store(request, draft)
        messages.success(
            request,
            _("%(place)s (reference %(reference)s) has been deleted.")
            % {"place": row.place, "reference": row.reference or _("none")},
        )
        # Back to where the row was: the row now in its place, if any.
        neighbour = draft.rows[min(index, len(draft.rows) - 1)] if draft.rows else None
        return redirect(_preview_url(draft, neighbour.id if neighbour else None))
    return render(
        request,
        "recommendations/loading/delete_row.html",
        {
            "form": form,
            "row": _checked(draft, row_id),
            "draft": draft,
            "back_url": _preview_url(draft, row_id),
        },
        status=400 if form.errors else 200,
    )


@require_POST
def confirm(request: SignedInRequest) -> HttpResponse:
    access.require_page(request.user, Need.ADMINISTER)
    draft = _draft(request)
    if draft is None:
        messages.error(request, _("There is nothing to load: start again."))
        return redirect("recommendations:loading_start")
    form = ImportConfirmForm(request.POST)
    problem = ""
    if not form.is_valid() or form.cleaned_data["token"] != _token(draft):
        problem = _(
            "The preview changed since you opened it (perhaps in another tab). "
            "Check it again before loading."
        )
    else:
        try:
            result = services.report_import(
                draft=draft,
                actor=request.user,
                add_new=form.cleaned_data["add_new"],
                update_changed=form.cleaned_data["update_changed"],
            )
        except ValidationError as error:
            problem = " ".join(error.messages[:10])
        else:
            del request.session[SESSION_KEY]
            messages.success(
                request,
                ngettext(
                    "%(title)s: %(added)d item added, %(updated)d updated, "
                    "%(unchanged)d unchanged, %(skipped)d not loaded.",
                    "%(title)s: %(added)d items added, %(updated)d updated, "
                    "%(unchanged)d unchanged, %(skipped)d not loaded.",
                    result.added,
                )
                % {
                    "title": result.report.title,
                    "added": result.added,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                    "skipped": result.skipped,
                },
            )
            return redirect("recommendations:report_detail", pk=result.report.pk)
    messages.error(request, problem)
    return redirect("recommendations:loading_preview")


@require_POST
def cancel(request: SignedInRequest) -> HttpResponse:
    access.require_page(request.user, Need.ADMINISTER)
    request.session.pop(SESSION_KEY, None)
    messages.success(request, _("The upload has been discarded; nothing was loaded."))
    return redirect("recommendations:loading_start")


@require_GET
def template(request: SignedInRequest, extension: str) -> HttpResponse:
    access.require_page(request.user, Need.ADMINISTER)
    if extension == "csv":
        content, content_type = template_csv(), "text/csv; charset=utf-8"
    elif extension == "xlsx":
        content = template_xlsx()
        content_type = (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    else:
        raise Http404
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="report-template.{extension}"'
    )
    return response
