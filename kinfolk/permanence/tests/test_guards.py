"""The adoption guards: each holds for a child in a state the step can be recorded in, and
otherwise refuses with the sentence the page shows and the service raises."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from kinfolk.permanence import services
from kinfolk.permanence.tests.care_history import DECIDED, MATCHED, baby, in_care, with_orders

pytestmark = pytest.mark.django_db

D = dt.date
MATCH = {
    "matched_on": MATCHED,
    "panel_on": D(2025, 9, 4),
    "number_of_adopters": 2,
    "adopters_sex": "MF",
    "adopters_legal_status": "L11",
    "is_former_foster_carers": False,
}


@pytest.fixture
def noah():
    return with_orders(in_care(baby()))


def test_a_decision_is_reversed_while_it_is_open(noah):
    assert services.OPEN_DECISION_TO_REVERSE.refusal(noah) == (
        "Noah Price has no open decision to be placed for adoption: there is nothing to reverse"
    )
    services.record_adoption_decision(child=noah, decided_on=DECIDED)
    assert services.OPEN_DECISION_TO_REVERSE.refusal(noah) == ""


def test_a_match_follows_an_open_decision(noah):
    with pytest.raises(ValidationError) as error:
        services.OPEN_DECISION_TO_MATCH.check(noah)
    assert error.value.message_dict == {
        "matched_on": [
            "Noah Price has no open decision that they should be placed for adoption: record "
            "the decision first"
        ]
    }
    services.record_adoption_decision(child=noah, decided_on=DECIDED)
    assert services.OPEN_DECISION_TO_MATCH.refusal(noah) == ""


def test_an_open_decision_has_one_match(noah):
    services.record_adoption_decision(child=noah, decided_on=DECIDED)
    assert services.NOT_YET_MATCHED.refusal(noah) == ""
    services.record_adoption_match(child=noah, **MATCH)
    assert services.NOT_YET_MATCHED.refusal(noah) == (
        "Noah Price was already matched with adopters on 15 September 2025"
    )
    services.reverse_adoption_decision(child=noah, reversed_on=D(2025, 10, 1), reason="RD1")
    assert services.NOT_YET_MATCHED.refusal(noah) == ""
