"""factory-boy factories for adoption decisions and matches. All data is synthetic.

A decision takes the period of its child, and a match the decision of its child: pass
``child`` (and ``period`` or ``decision`` when it is one already made).
"""

import factory

from kinfolk.care.tests.factories import PeriodOfCareFactory
from kinfolk.core.codes import AdoptersLegalStatus, AdoptersSex, ReasonNoLongerPlacedForAdoption
from kinfolk.people.tests.factories import ChildFactory
from kinfolk.permanence.models import AdoptionDecision, AdoptionMatch


class AdoptionDecisionFactory(factory.django.DjangoModelFactory):
    """A decision, made on the first day of the period, that the child should be placed for
    adoption. A decision given a reversal date is reversed for any other reason (RD4) unless
    it is given its reason."""

    class Meta:
        model = AdoptionDecision

    child = factory.SubFactory(ChildFactory)
    period = factory.SubFactory(PeriodOfCareFactory, child=factory.SelfAttribute("..child"))
    decided_on = factory.SelfAttribute("period.start_on")
    reversal_reason = factory.Maybe("reversed_on", ReasonNoLongerPlacedForAdoption.RD4, "")


class AdoptionMatchFactory(factory.django.DjangoModelFactory):
    """A match, on the day of the decision, with a married couple who were not the child's
    foster carers."""

    class Meta:
        model = AdoptionMatch

    child = factory.SubFactory(ChildFactory)
    decision = factory.SubFactory(AdoptionDecisionFactory, child=factory.SelfAttribute("..child"))
    matched_on = factory.SelfAttribute("decision.decided_on")
    number_of_adopters = 2
    adopters_sex = AdoptersSex.MF
    adopters_legal_status = AdoptersLegalStatus.L11
    is_former_foster_carers = False
