"""factory-boy factories for child in need episodes, assessments, plans and visits. All data
is synthetic.

A record of an episode takes the episode of its child: pass ``child`` (and ``episode`` when it
is one already made); an episode passed alone does not set the child.
"""

import datetime as dt

import factory

from kinfolk.casework.choices import AuthorisationCheck, PlanKind, VisitKind
from kinfolk.casework.models import Assessment, ChildInNeedEpisode, Plan, Visit
from kinfolk.casework.services import start_assessment, submit_assessment
from kinfolk.core.codes import ReferralSource
from kinfolk.people.models import Child
from kinfolk.people.tests.factories import ChildFactory
from kinfolk.workforce.models import User


class ChildInNeedEpisodeFactory(factory.django.DjangoModelFactory):
    """An open episode from a referral."""

    class Meta:
        model = ChildInNeedEpisode

    child = factory.SubFactory(ChildFactory)
    referral_on = dt.date(2025, 1, 6)
    referral_source = ReferralSource.INDIVIDUAL_FAMILY


class EpisodeRecordFactory(factory.django.DjangoModelFactory):
    """A record of a child's child in need episode: of the child passed, in an episode of that
    child (a new one unless one is passed)."""

    class Meta:
        abstract = True

    child = factory.SubFactory(ChildFactory)
    episode = factory.SubFactory(ChildInNeedEpisodeFactory, child=factory.SelfAttribute("..child"))


class AssessmentFactory(EpisodeRecordFactory):
    """An assessment started on the day of the referral, not yet authorised."""

    class Meta:
        model = Assessment

    started_on = factory.SelfAttribute("episode.referral_on")


class PlanFactory(EpisodeRecordFactory):
    """An open child in need plan from the day of the referral."""

    class Meta:
        model = Plan

    kind = PlanKind.CHILD_IN_NEED
    start_on = factory.SelfAttribute("episode.referral_on")


class VisitFactory(factory.django.DjangoModelFactory):
    """A child in need visit at which the child was seen, outside any episode."""

    class Meta:
        model = Visit

    child = factory.SubFactory(ChildFactory)
    visited_on = dt.date(2025, 1, 13)
    kind = VisitKind.CHILD_IN_NEED
    is_child_seen = True


#: Every check of the manager's authorisation checklist (docs/domain.md finding 42).
AUTHORISATION_CHECKS = list(AuthorisationCheck.values)


def complete_content(**changes: object) -> dict[str, object]:
    """A draft with every section a submission needs. Synthetic text."""
    content: dict[str, object] = {
        "reason": "Referral from school: Lily arrives hungry and tired.",
        "lived_experience": "Lily gets herself up and ready; mornings are chaotic.",
        "child_views": "Lily says she likes her nan's house best.",
        "child_views_on": dt.date(2025, 3, 10),
        "child_views_method": "Seen alone at school with the three houses tool",
        "is_child_seen": True,
        "is_child_seen_alone": True,
        "relevant_history": "Two earlier contacts from school in 2024, no further action.",
        "parenting_capacity": "Mother loves Lily; low mood limits routines.",
        "risks": [
            {"text": "Missed meals", "source": "School", "verification": "verified"},
        ],
        "protective_factors": [
            {"text": "Grandmother nearby", "source": "Mother", "verification": "self_report"},
        ],
        "identity_needs": "Lily is proud of her Irish heritage.",
        "analysis": "Neglect of routines rather than of care; support should help.",
        "recommendation": "A child in need plan with family support.",
        "factors": ["1B"],
    }
    content.update(changes)
    return content


def submitted_assessment(
    child: Child,
    started_on: dt.date,
    *,
    assessment: Assessment | None = None,
    author: User | None = None,
) -> Assessment:
    """An assessment with every section written, submitted to a manager."""
    if assessment is None:
        assessment = start_assessment(child=child, started_on=started_on, actor=author)
    return submit_assessment(
        assessment=assessment,
        content=complete_content(child_views_on=started_on),
        submitted_on=started_on,
        actor=author,
    )
