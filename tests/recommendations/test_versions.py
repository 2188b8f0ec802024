"""The one version check (recommendations.versions), which every item write uses."""

import pytest

from recommendations.history import save_with_history
from recommendations.versions import ConflictError, lock_item, save_item


def test_a_current_version_locks_the_item(item):
    assert lock_item(item_id=item.pk, expected_version=item.version) == item


def test_a_stale_version_names_who_changed_the_item(item, other_staff):
    stale = item.version
    locked = lock_item(item_id=item.pk, expected_version=stale)
    locked.lead_team = "Tom's team"
    save_item(locked, actor=other_staff, reason="Renamed")
    with pytest.raises(ConflictError) as error:
        lock_item(item_id=item.pk, expected_version=stale)
    assert error.value.code == "stale"
    assert "This item was changed by Tom Evans on " in error.value.messages[0]
    assert "Nothing has been saved." in error.value.messages[0]


def test_no_expected_version_locks_without_comparing(item):
    assert lock_item(item_id=item.pk, expected_version=None).pk == item.pk


def test_saving_increments_the_version_with_history(item, staff):
    before = item.version
    save_item(item, actor=staff, reason="Checked")
    item.refresh_from_db()
    assert item.version == before + 1
    assert item.history.first().history_user == staff


def test_a_change_by_no_one_is_by_the_system(item):
    stale = item.version
    item.version += 1
    save_with_history(item, actor=None, reason="Command")
    with pytest.raises(ConflictError) as error:
        lock_item(item_id=item.pk, expected_version=stale)
    assert "changed by the system on" in error.value.messages[0]
