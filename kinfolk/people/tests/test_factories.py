"""Each test factory makes records its model accepts: two of them (so that unique fields
differ), each passing ``full_clean`` (fields, choices, uniqueness and constraints), and the
records each relates to all belong to the same child. A factory that drifts from its model
fails here. All data is synthetic."""

import datetime as dt

import pytest
from django.db import models

from kinfolk.care.tests.factories import (
    CareEpisodeFactory,
    CarePlanFactory,
    HealthAssessmentFactory,
    LookedAfterReviewFactory,
    MissingEpisodeFactory,
    OutcomeRecordFactory,
    PeriodOfCareFactory,
    PlacementFactory,
    UASCPeriodFactory,
)
from kinfolk.casework.tests.factories import (
    AssessmentFactory,
    ChildInNeedEpisodeFactory,
    PlanFactory,
    VisitFactory,
)
from kinfolk.core.tests.factories import AuthorityFactory, PostcodeFactory
from kinfolk.frontdoor.tests.factories import ContactFactory, EarlyHelpEpisodeFactory
from kinfolk.leaving.tests.factories import CareLeaverContactFactory
from kinfolk.people.models import Child
from kinfolk.people.tests.factories import ChildFactory
from kinfolk.permanence.tests.factories import AdoptionDecisionFactory, AdoptionMatchFactory
from kinfolk.protection.tests.factories import (
    ConferenceFactory,
    Section47EnquiryFactory,
    StrategyDiscussionFactory,
)
from kinfolk.workforce.tests.factories import AllocationFactory, TeamFactory, WorkerFactory

pytestmark = pytest.mark.django_db

FACTORIES = [
    ChildFactory,
    TeamFactory,
    WorkerFactory,
    AllocationFactory,
    AuthorityFactory,
    PostcodeFactory,
    ContactFactory,
    EarlyHelpEpisodeFactory,
    ChildInNeedEpisodeFactory,
    AssessmentFactory,
    PlanFactory,
    VisitFactory,
    StrategyDiscussionFactory,
    Section47EnquiryFactory,
    ConferenceFactory,
    PeriodOfCareFactory,
    PlacementFactory,
    CareEpisodeFactory,
    CarePlanFactory,
    LookedAfterReviewFactory,
    HealthAssessmentFactory,
    OutcomeRecordFactory,
    UASCPeriodFactory,
    MissingEpisodeFactory,
    CareLeaverContactFactory,
    AdoptionDecisionFactory,
    AdoptionMatchFactory,
]

CASES = [
    *(pytest.param(factory, {}, id=factory.__name__) for factory in FACTORIES),
    # An episode given only an end, and a decision given only a reversal, take a reason.
    pytest.param(
        CareEpisodeFactory, {"end_on": dt.date(2025, 2, 3)}, id="CareEpisodeFactory-ended"
    ),
    pytest.param(
        AdoptionDecisionFactory,
        {"reversed_on": dt.date(2025, 2, 3)},
        id="AdoptionDecisionFactory-reversed",
    ),
]


def _children(record: models.Model) -> set[int]:
    """The children of the record and of every record it refers to, however indirectly."""
    if isinstance(record, Child):
        return {record.pk}
    children = set()
    for field in record._meta.concrete_fields:
        if field.is_relation:
            related = getattr(record, field.name)
            if related is not None:
                children |= _children(related)
    return children


@pytest.mark.parametrize(("factory", "values"), CASES)
def test_a_factory_makes_valid_records_of_one_child(factory, values):
    records = [factory(**values), factory(**values)]
    assert records[0].pk != records[1].pk
    for record in records:
        record.full_clean()
        assert len(_children(record)) <= 1, _children(record)


def test_a_record_made_for_a_child_is_all_that_childs():
    child = ChildFactory(la_child_id="C1")
    match = AdoptionMatchFactory(child=child)
    assert match.decision.child == match.decision.period.child == child
    conference = ConferenceFactory(child=child)
    assert conference.episode.child == child
