"""The duty of the local authority designated officer: considering an allegation against an
adult who works with children (docs/allegations.md)."""

from collections.abc import Iterator
from typing import Any

from django.db.models import CharField, QuerySet, Value
from django.db.models.functions import Cast, Concat

from kinfolk.allegations.models import Allegation
from kinfolk.core import timescales
from kinfolk.duties.facts import ChildCasework
from kinfolk.duties.rules.base import DutyFact, Rule


class LadoInitialConsiderationOneWorkingDay(Rule):
    """lado-initial-1wd: the LADO considers an allegation within 1 working day of receiving
    it, for each child it concerns.

    Source: Working Together 2023 (LADO arrangements) and local procedures.
    """

    code = "lado-initial-1wd"
    title = "Consider the allegation"
    timescale = timescales.LADO_INITIAL_CONSIDERATION
    ends_at_age = None
    ends_with_death = False
    #: Only the allegation's readers learn of it: the work lists show the duty to them alone
    #: (kinfolk.duties.querysets).
    is_restricted = True

    def visible_keys(self, reader: Any) -> QuerySet:
        return (
            Allegation.objects.visible_to(reader)
            .annotate(duty_key=Concat(Value("allegation:"), Cast("pk", CharField())))
            .values("duty_key")
        )

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        for allegation in casework.allegations:
            yield self.fact(
                casework,
                f"allegation:{allegation.pk}",
                allegation.received_on,
                self.due_after(allegation.received_on),
                allegation.considered_on,
                None,
            )
