"""Far-past and far-future dates get a clear error wherever a date arrives, never a
server error from a clock's arithmetic overflowing."""

import datetime as dt
import inspect

import pytest
from django import forms
from django.contrib import admin
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from django.urls import reverse

import oversight.forms
import recommendations.forms
from recommendations import dates
from recommendations.filters import ItemFilter
from recommendations.forms import CleanInputMixin
from recommendations.loading.vocabulary import DateError, parse_date

FAR = ["9999-12-31", "0001-01-01", "1899-12-31", "2100-01-01"]


def _forms_with_dates() -> list[type[forms.BaseForm]]:
    found = []
    for module in (recommendations.forms, oversight.forms):
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and any(
                isinstance(field, forms.DateField) for field in cls.base_fields.values()
            ):
                found.append(cls)
    return found


def test_every_form_with_a_date_checks_its_range():
    found = _forms_with_dates()
    assert len(found) >= 7  # the inventory found the forms it should
    for cls in found:
        assert issubclass(cls, CleanInputMixin), cls.__name__
    assert issubclass(ItemFilter._meta.form, CleanInputMixin)


@pytest.mark.django_db
def test_every_admin_form_with_a_date_checks_its_range(administrator):
    request = RequestFactory().get("/admin/")
    request.user = administrator
    for model, model_admin in admin.site._registry.items():
        if not model_admin.has_change_permission(request):
            continue
        form = model_admin.get_form(request)
        if any(isinstance(f, forms.DateField) for f in form.base_fields.values()):
            assert issubclass(form, CleanInputMixin), model.__name__


@pytest.mark.parametrize("value", FAR)
def test_a_form_refuses_a_date_out_of_range_with_one_message(value):
    form = oversight.forms.ChangesForm({"since": value})
    assert not form.is_valid()
    assert form.errors["since"] == [dates.out_of_range_message()]


@pytest.mark.django_db
def test_the_scrutiny_paper_for_year_9999_is_a_form_error(client_for, panel):
    client = client_for(panel)
    query = {"meeting": "9999-12-31", "previous": "9999-12-30"}
    page = client.get(reverse("oversight:scrutiny"), query)
    assert page.status_code == 400
    assert dates.out_of_range_message() in page.content.decode()
    document = client.get(reverse("oversight:scrutiny_document"), query)
    assert document.status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("value", FAR)
def test_far_dates_in_query_strings_answer(client_for, panel, item, value):
    client = client_for(panel)
    listing = client.get(
        reverse("recommendations:item_list"),
        {"target_from": value, "target_to": value},
    )
    assert listing.status_code == 200
    assert client.get(reverse("oversight:changes"), {"since": value}).status_code in {
        200,
        400,
    }
    as_at = client.get(
        reverse("recommendations:item_detail", args=[item.pk]), {"as_at": value}
    )
    assert as_at.status_code == 200
    listing_as_at = client.get(reverse("recommendations:item_list"), {"as_at": value})
    assert listing_as_at.status_code == 200


@pytest.mark.django_db
def test_a_first_target_date_in_year_9999_is_refused(client_for, staff, make_item):
    item = make_item(lead=staff, status="in_progress")
    response = client_for(staff).post(
        reverse("recommendations:item_edit", args=[item.pk]),
        {
            "version": item.version,
            "lead": item.lead_id or "",
            "lead_team": item.lead_team,
            "target_date": "9999-12-31",
            "reason": "Typo",
        },
    )
    assert response.status_code == 400
    assert dates.out_of_range_message() in response.content.decode()
    item.refresh_from_db()
    assert item.target_date is None and item.original_target_date is None


@pytest.mark.django_db
def test_a_date_request_for_year_2200_is_refused(client_for, staff, item):
    response = client_for(staff).post(
        reverse("oversight:date_request", args=[item.pk]),
        {"new_date": "2200-01-01", "reason": "Much more time"},
    )
    assert response.status_code == 400
    assert dates.out_of_range_message() in response.content.decode()
    assert not item.target_date_changes.exists()


def test_an_imported_date_out_of_range_is_an_error_for_its_row():
    assert parse_date("31/12/2099") == dt.date(2099, 12, 31)
    for value in ["31/12/9999", "1 January 1066", dt.date(2150, 1, 1)]:
        with pytest.raises(DateError):
            parse_date(value)


@pytest.mark.django_db
def test_commands_refuse_dates_out_of_range():
    with pytest.raises(CommandError):
        call_command("sendreminders", "--date", "9999-12-31")
    with pytest.raises(CommandError):
        call_command("indexpastdays", "--day", "0001-01-01")


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["1899-12-31", "0202-03-31", "2021-02-30", "soon"])
def test_an_as_at_date_that_cannot_be_shown_is_said_so(client_for, panel, item, value):
    client = client_for(panel)
    for url in (
        reverse("recommendations:item_list"),
        reverse("recommendations:item_detail", args=[item.pk]),
        reverse("home"),
    ):
        page = client.get(url, {"as_at": value})
        assert page.status_code == 200
        html = page.content.decode()
        assert "is not a date the tracker can show" in html, url
        assert "as it is today" in html
    export = client.get(
        reverse("recommendations:item_export", args=["csv"]), {"as_at": value}
    )
    assert export.status_code == 400


@pytest.mark.django_db
def test_an_export_with_a_filter_it_cannot_apply_is_refused_not_everything(
    client_for, panel, item
):
    client = client_for(panel)
    export = client.get(
        reverse("recommendations:item_export", args=["csv"]),
        {"target_from": "9999-12-31"},
    )
    assert export.status_code == 400
    assert "Target date from" in export.content.decode()
    page = client.get(
        reverse("recommendations:item_list"), {"target_from": "9999-12-31"}
    )
    assert dates.out_of_range_message() in page.content.decode()
