"""``casework_changed``: sent once per committed transaction, naming only the children that
transaction changed."""

import pytest
from django.db import transaction

from kinfolk.core.events import casework_changed, publish_casework_changed

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sent():
    batches: list[list[int]] = []

    def receiver(sender, child_ids, **kwargs):
        batches.append(child_ids)

    casework_changed.connect(receiver)
    yield batches
    casework_changed.disconnect(receiver)


def test_one_signal_names_every_child_of_a_transaction(sent):
    with transaction.atomic():
        publish_casework_changed(3)
        publish_casework_changed(1)
        publish_casework_changed(3)
    assert sent == [[1, 3]]


def test_children_of_a_rolled_back_transaction_are_forgotten(sent):
    with pytest.raises(RuntimeError), transaction.atomic():
        publish_casework_changed(7)
        raise RuntimeError("the service refused")
    with transaction.atomic():
        publish_casework_changed(8)
    assert sent == [[8]]
