"""Every write path (pages, admin, import, management commands) leaves history with
the acting user and a reason. The paths are run one after another, then every row
of every history table is inspected."""

import datetime as dt

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from recommendations.models import Item
from recommendations.versions import report_change_id

CSV = (
    b"title,Loaded report\nkind,PEEL\npublished on,01/01/2024\n\n"
    b"reference,owners,text\n1,PCC,A loaded recommendation text\n"
)


def _history_models():
    return [m for m in apps.get_models() if m.__name__.startswith("Historical")]


def test_every_write_path_records_who_and_why(
    client_for, staff, reviewer, administrator, item, tmp_path, today
):
    staff_client = client_for(staff)
    dcc = client_for(reviewer)
    admin = client_for(administrator)
    # Pages: edit, progress with a status move, a date request and decision.
    staff_client.post(
        reverse("recommendations:item_edit", args=[item.pk]),
        {"version": 1, "lead": staff.pk, "lead_team": "New team", "reason": "Renamed"},
    )
    item.refresh_from_db()
    staff_client.post(
        reverse("oversight:date_request", args=[item.pk]),
        {"new_date": (today + dt.timedelta(days=400)).isoformat(), "reason": "Slip"},
    )
    from oversight.models import TargetDateChange

    change = TargetDateChange.objects.get()
    dcc.post(
        reverse("oversight:date_decide", args=[change.pk]), {"decision": "approve"}
    )
    item.refresh_from_db()
    staff_client.post(
        reverse("recommendations:item_progress", args=[item.pk]),
        {
            "version": item.version,
            "text": "Done",
            "status_to": "pending_sign_off",
            "evidence_link": "https://example.org/e",
        },
    )
    item.refresh_from_db()
    dcc.post(
        reverse("oversight:closure_decide", args=[item.pk]),
        {
            "version": item.version,
            "decision": "sign_off",
            "note": "Good",
            "confirmed": "on",
        },
    )
    item.refresh_from_db()
    dcc.post(
        reverse("oversight:hmicfrs_outcome", args=[item.pk]),
        {
            "version": item.version,
            "outcome": "verified",
            "outcome_on": today.isoformat(),
            "note": "Authorised for closure",
        },
    )
    item.refresh_from_db()
    staff_client.post(
        reverse("oversight:s55_response", args=[item.pk]),
        {"version": item.version, "response": "Action taken"},
    )
    staff_client.post(
        reverse("oversight:s55_edit", args=[item.report_id]),
        {
            "change": report_change_id(item.report),
            "s55_required": "on",
            "reason": "Dates",
        },
    )
    # Admin.
    item.refresh_from_db()
    admin.post(
        reverse("admin:recommendations_item_change", args=[item.pk]),
        {
            "version": item.version,
            "report": item.report_id,
            "reference": item.reference,
            "kind": item.kind,
            "text": item.text,
            "owners": ["chief_constable"],
            "status": item.status,
            "lead": staff.pk,
            "lead_team": "Admin fixed",
            "original_target_date": item.original_target_date,
            "target_date": item.target_date,
            "closed_on": item.closed_on,
            "hmicfrs_verified_on": item.hmicfrs_verified_on,
            "s55_response": item.s55_response,
            "change_reason": "Typo in team",
        },
    )
    # Loading through the pages, and from the command line.
    admin.post(
        reverse("recommendations:loading_upload"),
        {"file": SimpleUploadedFile("page.csv", CSV)},
    )
    html = admin.get(reverse("recommendations:loading_preview")).content.decode()
    token = html.split('name="token" value="')[1].split('"')[0]
    admin.post(
        reverse("recommendations:loading_confirm"), {"token": token, "add_new": "on"}
    )
    path = tmp_path / "command.csv"
    path.write_bytes(CSV.replace(b"Loaded report", b"Command report"))
    call_command("importreport", str(path), "--actor", administrator.username)
    call_command("sendreminders")

    assert Item.objects.get(pk=item.pk).lead_team == "Admin fixed"
    seen_reasons = set()
    for model in _history_models():
        for record in model.objects.all():
            assert record.history_change_reason, (model.__name__, record.pk)
            seen_reasons.add(record.history_change_reason.split(":")[0])
            if not record.history_change_reason.startswith("sendreminders"):
                assert record.history_user_id is not None, (
                    model.__name__,
                    record.history_change_reason,
                )
    # Each path was exercised and recorded.
    for expected in (
        "Renamed",
        "Target date change requested",
        "Signed off as closed.",
        "Section 55 response recorded",
        "Dates",
        "Typo in team",
        "Imported from page.csv",
        "Imported from command.csv",
        "sendreminders",
    ):
        assert any(reason.startswith(expected) for reason in seen_reasons), expected
