"""One access helper per object type (recommendations.access): pages get 403/404,
services a "forbidden" ValidationError, for the same people."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from recommendations import access, services
from recommendations.access import Need
from recommendations.loading.preview import Draft

CAST = ["panel", "staff", "reviewer", "administrator", "outsider", "inactive"]
ALLOWED = {
    Need.VIEW: {"panel", "staff", "reviewer", "administrator"},
    Need.EDIT: {"staff", "reviewer", "administrator"},
    Need.REVIEW: {"reviewer", "administrator"},
    Need.ADMINISTER: {"administrator"},
}


@pytest.mark.parametrize("need", list(Need))
def test_each_need_allows_exactly_its_roles(request, need):
    allowed = {
        name for name in CAST if access.allows(request.getfixturevalue(name), need)
    }
    assert allowed == ALLOWED[need]
    assert not access.allows(AnonymousUser(), need)


@pytest.mark.parametrize("need", list(Need))
def test_a_page_refuses_everyone_else_with_403(request, item, need):
    for name in set(CAST) - ALLOWED[need]:
        user = request.getfixturevalue(name)
        with pytest.raises(PermissionDenied):
            access.item_for_user(user, item.pk, need=need)
        with pytest.raises(PermissionDenied):
            access.report_for_user(user, item.report_id, need=need)
        with pytest.raises(PermissionDenied):
            access.require_page(user, need)


def test_a_refused_person_learns_nothing_of_what_exists(outsider, db):
    with pytest.raises(PermissionDenied):
        access.item_for_user(outsider, 999999, need=Need.VIEW)


def test_an_allowed_person_gets_the_object_or_404(panel, item):
    found = access.item_for_user(panel, item.pk, need=Need.VIEW)
    assert found == item
    assert found.report.title and found.lead.username  # fetched with the item
    with pytest.raises(Http404):
        access.item_for_user(panel, 999999, need=Need.VIEW)
    with pytest.raises(Http404):
        access.progress_update_for_user(panel, 999999)


@pytest.mark.parametrize(
    ("need", "message"),
    [
        (Need.EDIT, "You do not have permission to change items."),
        (Need.REVIEW, "Only a reviewer can make this decision."),
        (Need.ADMINISTER, "Only an administrator can correct an item's details."),
    ],
)
def test_services_refuse_item_writes_with_the_item_message(request, need, message):
    for name in set(CAST) - ALLOWED[need]:
        with pytest.raises(ValidationError) as error:
            access.require_item(request.getfixturevalue(name), need)
        assert error.value.code == "forbidden"
        assert error.value.messages == [message]


@pytest.mark.parametrize(
    ("need", "message"),
    [
        (Need.EDIT, "You do not have permission to change reports."),
        (Need.ADMINISTER, "Only an administrator can load or correct reports."),
    ],
)
def test_services_refuse_report_writes_with_the_report_message(request, need, message):
    for name in set(CAST) - ALLOWED[need]:
        with pytest.raises(ValidationError) as error:
            access.require_report(request.getfixturevalue(name), need)
        assert error.value.code == "forbidden"
        assert error.value.messages == [message]


def test_allowed_people_pass_the_service_check(staff, reviewer, administrator):
    access.require_item(staff, Need.EDIT)
    access.require_item(reviewer, Need.REVIEW)
    access.require_report(administrator, Need.ADMINISTER)


def _forbidden(call) -> str:
    with pytest.raises(ValidationError) as error:
        call()
    assert error.value.code == "forbidden"
    return error.value.messages[0]


def test_item_services_refuse_a_panel_member(panel, item):
    assert "change items" in _forbidden(
        lambda: services.progress_update_record(
            item_id=item.pk, actor=panel, expected_version=item.version, text="Hi"
        )
    )
    assert "change items" in _forbidden(
        lambda: services.item_update_working_fields(
            item_id=item.pk,
            actor=panel,
            expected_version=item.version,
            lead=None,
            lead_team="",
            target_date=item.target_date,
            reason="Take it",
        )
    )
    assert item.updates.count() == 0


def test_loading_a_report_refuses_a_reviewer(reviewer):
    draft = Draft(source="a.csv", report={}, rows=[])
    assert "administrator" in _forbidden(
        lambda: services.report_import(draft=draft, actor=reviewer)
    )


def test_service_checks_access_before_looking_at_the_item(panel, db):
    # No item 999999: the refusal comes first, so nothing about items leaks.
    assert "change items" in _forbidden(
        lambda: services.progress_update_record(
            item_id=999999, actor=panel, expected_version=1, text="x"
        )
    )
