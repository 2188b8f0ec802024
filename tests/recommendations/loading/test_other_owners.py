"""Bodies outside the owner list (Ministry of Justice, CPS, NHS England, local
authorities) load as the owner Other with their names kept, never as a guessed
Chief Constable and never refused."""

import pytest
from django.urls import reverse

from recommendations import services
from recommendations.loading.files import read_upload
from recommendations.loading.preview import check, draft_from_rows
from recommendations.models import Item

from .conftest import GOOD_ROWS, make_csv

ROW = [
    "3",
    "recommendation",
    "Home Office; Ministry of Justice",
    "The Home Office and the Ministry of Justice should review the law.",
    "",
    "",
    "no",
]


def _preview(rows):
    data = make_csv(rows)
    return check(draft_from_rows("test.csv", read_upload("test.csv", data).rows))


@pytest.mark.django_db
def test_a_known_outside_body_is_other_with_its_name(administrator, client_for):
    preview = _preview([*GOOD_ROWS, ROW])
    row = next(r for r in preview.rows if r.reference == "3")
    assert not row.errors
    assert sorted(row.owners) == ["home_office", "other"]
    assert row.other_owners == ["Ministry of Justice"]
    services.report_import(draft=preview.draft, actor=administrator)
    item = Item.objects.get(reference="3")
    assert item.other_owners == "Ministry of Justice"
    assert item.owner_labels == ["Home Office", "Ministry of Justice"]
    page = client_for(administrator).get(
        reverse("recommendations:item_detail", args=[item.pk])
    )
    assert "Home Office, Ministry of Justice" in page.content.decode()
    # History keeps the names too.
    assert item.history.latest().other_owners == "Ministry of Justice"


@pytest.mark.django_db
def test_an_unknown_name_is_still_refused_not_guessed():
    bad = [*ROW[:2], "Cheif Constable", *ROW[3:]]
    row = next(r for r in _preview([*GOOD_ROWS, bad]).rows if r.reference == "3")
    assert any("Unknown owner: Cheif Constable" in e for e in row.errors)


@pytest.mark.django_db
def test_correcting_other_owners_without_other_is_refused(administrator):
    services.report_import(draft=_preview([*GOOD_ROWS, ROW]).draft, actor=administrator)
    item = Item.objects.get(reference="3")
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="go with the owner Other"):
        services.item_correct_details(
            item_id=item.pk,
            actor=administrator,
            expected_version=item.version,
            reference="3",
            kind=item.kind,
            text=item.text,
            text_is_summary=False,
            owners=["home_office"],
            other_owners="Ministry of Justice",
            cause_of_concern=None,
            hmicfrs_id="",
            reason="Correcting the owners",
        )
