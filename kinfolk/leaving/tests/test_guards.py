"""The leaving-care guards: each holds for a young person in a state the step can be recorded
in, and otherwise refuses with the sentence the page shows and the service raises."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kinfolk.leaving.services import (
    HAS_PATHWAY_PLAN,
    HAS_SUPPORT_TO_25,
    IS_CARE_LEAVER,
    IS_STAYING_PUT,
    MAY_ASK_FOR_SUPPORT_TO_25,
    MAY_HAVE_PATHWAY_PLAN,
    NOT_STAYING_PUT,
    WAS_FORMER_RELEVANT,
    record_pathway_plan,
    request_support_to_25,
    standing_of,
    start_staying_put,
)

pytestmark = pytest.mark.django_db

D = dt.date
NEVER_LOOKED_AFTER = (
    "Lily Smith is not a care leaver. Not a care leaver: has never been looked after."
)


def explanation(child) -> str:
    return standing_of(child, timezone.localdate()).explanation


def test_a_care_leaver_may_have_an_adviser_and_contacts(care_leaver, child):
    assert IS_CARE_LEAVER.refusal(care_leaver) == ""
    assert IS_CARE_LEAVER.refusal(child) == NEVER_LOOKED_AFTER


def test_a_pathway_plan_is_for_a_care_leaver_or_a_young_person_looked_after_at_16(eligible, child):
    assert MAY_HAVE_PATHWAY_PLAN.refusal(eligible) == ""
    assert MAY_HAVE_PATHWAY_PLAN.refusal(child) == NEVER_LOOKED_AFTER


def test_staying_put_is_for_a_former_relevant_young_person(care_leaver, child):
    assert WAS_FORMER_RELEVANT.refusal(care_leaver) == ""
    assert WAS_FORMER_RELEVANT.refusal(child) == NEVER_LOOKED_AFTER


def test_support_to_25_is_for_a_former_relevant_young_person_aged_21_to_24(aged_22, care_leaver):
    assert MAY_ASK_FOR_SUPPORT_TO_25.refusal(aged_22) == ""
    assert MAY_ASK_FOR_SUPPORT_TO_25.refusal(care_leaver) == (
        "Support to 25 is for a former relevant young person aged 21 to 24. "
        f"{explanation(care_leaver)}"
    )


def test_one_staying_put_arrangement_at_a_time(looked_after_at_18):
    assert NOT_STAYING_PUT.refusal(looked_after_at_18) == ""
    assert IS_STAYING_PUT.refusal(looked_after_at_18) == "Kai Moreno is not staying put"
    with pytest.raises(ValidationError) as error:
        IS_STAYING_PUT.check(looked_after_at_18)
    assert error.value.message_dict == {"end_on": ["Kai Moreno is not staying put"]}
    start_staying_put(
        child=looked_after_at_18, start_on=D(2026, 6, 10), is_in_full_time_education=False
    )
    assert IS_STAYING_PUT.refusal(looked_after_at_18) == ""
    with pytest.raises(ValidationError) as error:
        NOT_STAYING_PUT.check(looked_after_at_18)
    assert error.value.message_dict == {
        "start_on": [
            "Kai Moreno already has a staying put arrangement from 10 June 2026: end it first"
        ]
    }


def test_only_support_to_25_that_goes_on_can_end(aged_22):
    assert HAS_SUPPORT_TO_25.refusal(aged_22) == "Owen Price has no support to 25 to end"
    request_support_to_25(child=aged_22, requested_on=D(2026, 1, 5))
    assert HAS_SUPPORT_TO_25.refusal(aged_22) == ""


def test_a_pathway_plan_is_audited_once_it_is_recorded(care_leaver):
    assert HAS_PATHWAY_PLAN.refusal(care_leaver) == "Jade Okafor has no pathway plan to audit."
    record_pathway_plan(child=care_leaver, made_on=D(2025, 4, 1), is_imported=True)
    assert HAS_PATHWAY_PLAN.refusal(care_leaver) == ""
