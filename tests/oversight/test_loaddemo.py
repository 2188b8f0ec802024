from django.core.management import call_command

from recommendations import roles
from recommendations.models import Item, ProgressUpdate, Report


def test_demo_creates_one_user_per_role_and_loads_reports_with_history(db):
    call_command("loaddemo", "--quiet-users")
    from django.contrib.auth.models import User

    for name in roles.ALL_ROLES:
        assert User.objects.filter(groups__name=name).exists(), name
    assert Report.objects.count() >= 3
    assert Item.objects.filter(status=Item.Status.CLOSED).exists()
    assert ProgressUpdate.objects.exists()
    # Every loaded row has history naming who acted and why; the latest record of
    # each item holds its current state.
    for model in (Report, ProgressUpdate):
        for obj in model.objects.all():
            record = obj.history.get()
            assert record.history_user is not None
            assert record.history_change_reason == "Demo data (fixtures/demo.json)"
    for item in Item.objects.all():
        records = list(item.history.order_by("history_date", "history_id"))
        assert records[0].history_type == "+"
        assert all(
            r.history_user is not None and r.history_change_reason for r in records
        )
        latest = records[-1]
        for field in ("status", "lead_id", "target_date", "original_target_date"):
            assert getattr(latest, field) == getattr(item, field), (item.pk, field)


def test_demo_history_is_dated_as_the_story_happened(db):
    call_command("loaddemo", "--quiet-users")
    import datetime as dt

    from recommendations.selectors import items_as_at

    rec1 = Item.objects.get(report__title__startswith="Safe to share?", reference="1")
    early = items_as_at(day=dt.date(2021, 1, 10)).get(id=rec1.pk)
    assert early.status == Item.Status.AWAITING_ALLOCATION
    later = items_as_at(day=dt.date(2022, 1, 1)).get(id=rec1.pk)
    assert later.status == Item.Status.IN_PROGRESS
    assert str(later.target_date) == "2022-06-30"
    # Nothing loaded yet in 2014 except Core Business (published September 2014).
    assert items_as_at(day=dt.date(2014, 12, 31)).count() == 1


def test_demo_has_overdue_items(db):
    call_command("loaddemo", "--quiet-users")
    from django.utils import timezone

    assert Item.objects.overdue(timezone.localdate()).exists()


def test_seed_report_keeps_the_exact_wording_of_recommendation_1(db):
    call_command("loaddemo", "--quiet-users")
    rec1 = Item.objects.get(report__title__startswith="Safe to share?", reference="1")
    assert rec1.text.startswith(
        "As an interim measure, where officers only have concerns or doubts about a "
        "victim's immigration status"
    )
    assert not rec1.text_is_summary
    rec2 = Item.objects.get(report__title__startswith="Safe to share?", reference="2")
    assert rec2.text_is_summary


def test_running_again_changes_nothing(db):
    call_command("loaddemo", "--quiet-users")
    item = Item.objects.get(report__title__startswith="Safe to share?", reference="1")
    item.lead_team = "Changed by a user"
    item.save()
    counts = (Report.objects.count(), Item.objects.count(), Item.history.count())
    call_command("loaddemo", "--quiet-users")
    item.refresh_from_db()
    assert item.lead_team == "Changed by a user"
    assert (
        Report.objects.count(),
        Item.objects.count(),
        Item.history.count(),
    ) == counts


def test_demo_fills_every_status_and_the_review_page(client_for, reviewer):
    call_command("loaddemo", "--quiet-users")
    from django.urls import reverse

    from oversight.models import ClosureDecision, TargetDateChange

    statuses = set(Item.objects.values_list("status", flat=True))
    assert statuses == set(Item.Status.values)
    response = client_for(reviewer).get(reverse("oversight:review"))
    assert response.context["overdue"]
    assert response.context["sign_off"]
    assert response.context["dates"]
    for model in (ClosureDecision, TargetDateChange):
        assert model.objects.exists()
        for obj in model.objects.all():
            assert obj.history.get().history_change_reason.startswith("Demo data")
