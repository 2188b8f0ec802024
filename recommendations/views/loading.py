"""Loading a report: upload or paste, preview, correct, confirm. Administrators only.

The draft lives in the session until it is confirmed or cancelled; nothing reaches
the database before `services.report_import`, which checks everything again.
"""

import hashlib
import json
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import access, services
from ..access import Need
from ..forms import ImportConfirmForm, ImportRowForm, ImportTextForm, ImportUploadForm
from ..loading.preview import Draft, check
from ..loading.template_files import template_csv, template_xlsx
from ..requests import SignedInRequest

SESSION_KEY = "report_import"


def _draft(request: SignedInRequest) -> Draft | None:
    data = request.session.get(SESSION_KEY)
    return Draft.from_session(data) if data else None


def _store(request: SignedInRequest, draft: Draft) -> None:
    request.session[SESSION_KEY] = draft.to_session()


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


@require_GET
def preview(request: SignedInRequest) -> HttpResponse:
    access.require_page(request.user, Need.ADMINISTER)
    draft = _draft(request)
    if draft is None:
        return redirect("recommendations:loading_start")
    checked = check(draft)
    form = ImportConfirmForm(initial={"token": _token(draft)})
    return render(
        request,
        "recommendations/loading/preview.html",
        {
            "preview": checked,
            "form": form,
            "counts": {
                state: checked.count(state) for state in ("new", "changed", "unchanged")
            },
        },
    )


@require_http_methods(["GET", "POST"])
def edit_row(request: SignedInRequest, index: int) -> HttpResponse:
    access.require_page(request.user, Need.ADMINISTER)
    draft = _draft(request)
    if draft is None or not 0 <= index < len(draft.rows):
        raise Http404
    row = draft.rows[index]
    checked = check(draft).rows[index]
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
    form = ImportRowForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        row.reference = data["reference"].strip()
        row.kind = data["kind"]
        row.owners = "; ".join(data["owners"])
        row.other_owners = data["other_owners"].strip()
        row.text = data["text"].strip()
        row.target_date = data["target_date"].isoformat() if data["target_date"] else ""
        row.cause_of_concern = data["cause_of_concern"].strip()
        row.text_is_summary = "yes" if data["text_is_summary"] else "no"
        row.hmicfrs_id = data["hmicfrs_id"].strip()
        # A corrected row's proposals have been read by a person.
        row.notes = []
        _store(request, draft)
        # Saved as edited; only a row that now passes the checks is "corrected":
        # no green banner beside errors for the same row.
        still = check(draft).rows[index].errors
        if still:
            messages.warning(
                request,
                ngettext(
                    "Row %(line)s has been saved as edited, but still has a "
                    "problem: %(errors)s",
                    "Row %(line)s has been saved as edited, but still has "
                    "problems: %(errors)s",
                    len(still),
                )
                % {"line": row.line, "errors": " ".join(still)},
            )
        else:
            messages.success(
                request, _("Row %(line)s has been corrected.") % {"line": row.line}
            )
        return redirect(reverse("recommendations:loading_preview") + f"#row-{index}")
    return render(
        request,
        "recommendations/loading/edit_row.html",
        {"form": form, "row": checked, "index": index, "draft": draft},
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
