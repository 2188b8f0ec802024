import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from oversight import services
from oversight.models import ReminderLog
from recommendations.models import Item


@pytest.fixture
def scenario(make_item, staff, other_staff, today):
    make_item(
        text="overdue",
        lead=staff,
        status=Item.Status.IN_PROGRESS,
        target_date=today - dt.timedelta(days=3),
    )
    make_item(
        text="due in 14",
        lead=staff,
        status=Item.Status.IN_PROGRESS,
        target_date=today + dt.timedelta(days=14),
    )
    make_item(
        text="due in 15",
        lead=staff,
        status=Item.Status.IN_PROGRESS,
        target_date=today + dt.timedelta(days=15),
    )
    make_item(
        text="tom's",
        lead=other_staff,
        status=Item.Status.IN_PROGRESS,
        target_date=today + dt.timedelta(days=1),
    )
    make_item(text="nobody's")  # awaiting allocation


def _by_recipient():
    return {message.to[0]: message for message in mail.outbox}


def test_one_digest_per_lead_and_per_reviewer(scenario, reviewer, staff, other_staff):
    call_command("sendreminders")
    messages = _by_recipient()
    assert set(messages) == {staff.email, other_staff.email, reviewer.email}
    priya = messages[staff.email].body
    assert "overdue" in priya and "3 days overdue" in priya
    assert '"due in 14"' in priya
    assert '"due in 15"' not in priya  # beyond the 14 days: not yet
    assert "tom's" not in priya
    review = messages[reviewer.email].body
    assert "1 open item past the target date" in review
    assert "AWAITING ALLOCATION" in review
    assert "nobody's" in review


def test_running_twice_on_one_day_sends_nothing_twice(scenario, reviewer):
    call_command("sendreminders")
    first = len(mail.outbox)
    call_command("sendreminders")
    assert len(mail.outbox) == first
    assert ReminderLog.objects.filter(status="sent").count() == first


def test_next_day_sends_again(scenario, reviewer, today):
    call_command("sendreminders", "--date", today.isoformat())
    first = len(mail.outbox)
    call_command("sendreminders", "--date", (today + dt.timedelta(days=1)).isoformat())
    assert len(mail.outbox) == 2 * first


def test_due_within_is_configurable(scenario, staff, settings):
    call_command("sendreminders", due_within=15)
    assert '"due in 15"' in _by_recipient()[staff.email].body


def test_a_failure_for_one_recipient_does_not_stop_the_others(
    scenario, reviewer, staff, other_staff, capsys
):
    staff.email = ""
    staff.save()
    with pytest.raises(CommandError, match="1 digest"):
        call_command("sendreminders")
    assert set(_by_recipient()) == {other_staff.email, reviewer.email}
    failed = ReminderLog.objects.get(recipient=staff)
    assert failed.status == ReminderLog.Status.FAILED
    assert "no email address" in failed.error
    assert "FAILED" in capsys.readouterr().err
    # Once fixed, the failed digest is sent on the next run the same day.
    staff.email = "priya@example.org"
    staff.save()
    call_command("sendreminders")
    assert staff.email in _by_recipient()


def test_smtp_failure_is_reported_per_recipient(scenario, reviewer, settings):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},
        }
    }
    with pytest.raises(CommandError):
        call_command("sendreminders")
    assert ReminderLog.objects.filter(status="failed").count() == 3


def test_reviewer_digest_lists_sign_off_and_date_requests(
    pending_item, reviewer, staff, make_item, today
):
    other = make_item(
        lead=staff,
        status=Item.Status.IN_PROGRESS,
        target_date=today + dt.timedelta(days=60),
    )
    services.target_date_request(
        item_id=other.pk,
        actor=staff,
        new_date=today + dt.timedelta(days=100),
        reason="r",
    )
    call_command("sendreminders")
    body = _by_recipient()[reviewer.email].body
    assert "1 awaiting sign-off" in body
    assert "1 target date request awaiting a decision" in body


def test_inactive_leads_get_nothing(scenario, staff, reviewer):
    staff.is_active = False
    staff.save()
    call_command("sendreminders")
    assert staff.email not in _by_recipient()


@pytest.mark.django_db(transaction=True)
def test_two_overlapping_runs_send_each_digest_once(request, tmp_path):
    """Two sendreminders processes started together: each digest goes out once,
    because a run claims it in the database before sending."""
    import os
    import subprocess
    import sys

    from django.conf import settings as django_settings
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("two processes share a database only on PostgreSQL here")
    request.getfixturevalue("scenario")
    reviewer = request.getfixturevalue("reviewer")
    staff = request.getfixturevalue("staff")
    other_staff = request.getfixturevalue("other_staff")
    db = connection.settings_dict
    sent_file = tmp_path / "sent.txt"
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/"
        f"{db['NAME']}",
        "EMAIL_BACKEND": "tests.slow_mail.EmailBackend",
        "SLOW_MAIL_FILE": str(sent_file),
        "CONN_MAX_AGE": "0",
    }
    runs = [
        subprocess.Popen(
            [sys.executable, "manage.py", "sendreminders"],
            cwd=django_settings.BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    recipients = [line.split("\t")[0] for line in sent_file.read_text().splitlines()]
    expected = {staff.email, other_staff.email, reviewer.email}
    assert sorted(recipients) == sorted(expected), outputs
    assert ReminderLog.objects.filter(status="sent").count() == len(expected)
    assert not ReminderLog.objects.filter(status="sending").exists()
    skipped = sum(out.count("skipped") for out, _ in outputs)
    assert skipped == len(expected)


def test_the_reviewer_digest_names_s55_responses_overdue_and_due_within_14_days(
    administrator, reviewer, today
):
    from recommendations.history import save_with_history
    from recommendations.models import Report

    def report(title, days_ago, **fields):
        save_with_history(
            Report(
                title=title,
                kind=Report.Kind.FORCE,
                published_on=today - dt.timedelta(days=days_ago),
                **fields,
            ),
            actor=administrator,
            reason="Test set-up",
        )

    report("Custody inspection", 58)  # due 3 days ago
    report("Vetting inspection", 41)  # due in 14 days
    report("Crime data integrity", 40)  # due in 15 days: not yet
    report("Answered", 60, response_published_on=today - dt.timedelta(days=10))
    call_command("sendreminders")
    # Nothing else is waiting for review: the digest goes for the s.55 clock alone.
    message = _by_recipient()[reviewer.email]
    assert "section 55 responses: 1 overdue, 1 due within 14 days" in message.subject
    body = message.body
    assert "SECTION 55 RESPONSES OVERDUE" in body
    assert "- Custody inspection: due" in body
    assert "3 days overdue. The letter: Being written" in body
    assert "SECTION 55 RESPONSES DUE WITHIN 14 DAYS" in body
    assert "- Vetting inspection: due" in body and "(14 days left)" in body
    assert "Crime data integrity" not in body
    assert "Answered" not in body
    assert "the Police and Crime Commissioner's comments" in body
