"""history.create_with_history: new rows in bulk, never without their history."""

import pytest

from recommendations.figures import data_marker
from recommendations.history import create_with_history
from recommendations.models import Item


@pytest.mark.django_db(transaction=True)  # the version moves once per transaction
def test_each_new_row_gets_its_history_row_and_the_data_version_moves(
    administrator, make_item
):
    report = make_item().report
    before = data_marker()
    items = [
        Item(
            report=report,
            reference=f"R{n}",
            kind="recommendation",
            text=f"Text {n}",
            owners=",pcc,",
        )
        for n in range(3)
    ]
    created = create_with_history(items, actor=administrator, reason="Imported")
    assert all(item.pk for item in created)
    for item in created:
        [row] = item.history.all()
        assert (row.history_type, row.history_user, row.history_change_reason) == (
            "+",
            administrator,
            "Imported",
        )
    assert data_marker()[0] > before[0]


@pytest.mark.django_db
def test_a_bulk_write_needs_a_reason(administrator, make_item):
    report = make_item().report
    with pytest.raises(ValueError, match="reason"):
        create_with_history(
            [
                Item(
                    report=report,
                    reference="X",
                    kind="recommendation",
                    text="T",
                    owners=",pcc,",
                )
            ],
            actor=administrator,
            reason=" ",
        )
    assert not Item.objects.filter(reference="X").exists()
