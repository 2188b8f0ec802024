import pytest

from recommendations import services
from recommendations.models import Item


@pytest.fixture
def pending_item(item, staff):
    """`item`, proposed for closure by `staff` with an evidence link."""
    services.progress_update_record(
        item_id=item.pk,
        actor=staff,
        expected_version=item.version,
        text="All done: training delivered and audited.",
        status_to=Item.Status.PENDING_SIGN_OFF,
        evidence_link="https://intranet.example.org/evidence/42",
    )
    item.refresh_from_db()
    return item
