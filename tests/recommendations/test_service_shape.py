"""Every service has the house shape: keyword-only typed arguments (no **fields),
a transaction, and a one-line docstring stating its rule."""

import inspect

import pytest
from django.db import transaction

from oversight import services as oversight_services
from recommendations import services as recommendation_services


def _services():
    for module in (recommendation_services, oversight_services):
        for name, value in vars(module).items():
            if (
                inspect.isfunction(value)
                and value.__module__ == module.__name__
                and not name.startswith("_")
            ):
                yield pytest.param(value, id=f"{module.__name__}.{name}")


@pytest.mark.parametrize("service", list(_services()))
def test_service_has_the_house_shape(service):
    signature = inspect.signature(service)
    for parameter in signature.parameters.values():
        assert parameter.kind == parameter.KEYWORD_ONLY, parameter.name
        assert parameter.annotation is not parameter.empty, parameter.name
    assert signature.return_annotation is not signature.empty
    cells = [cell.cell_contents for cell in service.__closure__ or ()]
    assert any(isinstance(cell, transaction.Atomic) for cell in cells)
    doc = inspect.getdoc(service) or ""
    assert doc and "\n" not in doc.split("\n\n")[0]


def test_the_services_are_the_ones_named():
    names = {param.id.rsplit(".", 1)[-1] for param in _services()}
    assert {
        "progress_update_record",
        "closure_sign_off",
        "closure_return",
        "closure_record_hmicfrs_verified",
        "closure_record_hmicfrs_not_accepted",
    } <= names
    # One service per decision: the item's side is not a public service of its own.
    assert not {n for n in names if n.startswith("item_") and "hmicfrs" in n}
    assert "item_sign_off" not in names
