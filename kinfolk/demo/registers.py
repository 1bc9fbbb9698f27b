"""The demo authority's registers beside the casework (docs/registers.md): a year of young
carers (some still waiting for their needs assessment), children missing education, children
educated at home (two of them on a child protection plan, with the council's consent) and
homeless 16- and 17-year-olds, recorded through the registers' services once the journey is
loaded. The journey format has no events for them.

The children are taken in the order of their IDs, one in so many of those of the right age, so
that the same journey gives the same registers; the dates come from a random generator of its
own. All names and words are synthetic.
"""

import datetime as dt
import random
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef

from kinfolk.casework.choices import PlanKind
from kinfolk.casework.models import Plan
from kinfolk.people.models import Child
from kinfolk.registers import services
from kinfolk.workforce.choices import Role
from kinfolk.workforce.models import User

T = TypeVar("T")

#: One child in so many of the right age is on each register.
EVERY = {"young_carer": 45, "missing": 55, "home": 35, "homeless": 30}
CARES_FOR = ("Mother", "Father", "Younger brother", "Grandmother")
NEEDS = ("illness", "disability", "mental_health", "substance_misuse")
REASONS = (
    "Moved out of the area; new school not known",
    "Not on any school roll since the family arrived",
    "Removed from roll after long absence",
)


def _age(child: Child, on: dt.date) -> int:
    born = child.date_of_birth
    assert born is not None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _of_age(as_of: dt.date, low: int, high: int) -> list[Child]:
    children = Child.objects.filter(
        date_of_birth__isnull=False, date_of_death__isnull=True
    ).order_by("la_child_id")
    return [child for child in children if low <= _age(child, as_of) <= high]


def _each(children: list[Child], every: int) -> list[Child]:
    return children[::every]


def _safely(step: Callable[..., T], **kwargs: Any) -> T | None:
    """Record one step through its service; a step the service refuses (a date the child's own
    history does not allow) is left out."""
    try:
        with transaction.atomic():
            return step(**kwargs)
    except ValidationError:
        return None


def record_demo_registers(as_of: dt.date, *, seed: str) -> dict[str, int]:
    """Record the demo's registers as of ``as_of``; return how many of each."""
    chooser = random.Random(f"{seed}:registers")
    manager = User.objects.filter(role=Role.TEAM_MANAGER, is_active=True).order_by("pk").first()
    worker = User.objects.filter(role=Role.SOCIAL_WORKER, is_active=True).order_by("pk").first()
    made = {"young_carers": 0, "missing_education": 0, "home_education": 0, "homeless": 0}

    def day_in_year(low: int = 10, high: int = 360) -> dt.date:
        return as_of - dt.timedelta(days=chooser.randint(low, high))

    for turn, child in enumerate(_each(_of_age(as_of, 8, 17), EVERY["young_carer"])):
        registered_on = day_in_year()
        carer = _safely(
            services.register_young_carer,
            child=child,
            registered_on=registered_on,
            cares_for=CARES_FOR[turn % len(CARES_FOR)],
            need=NEEDS[turn % len(NEEDS)],
            assessment_requested_on=registered_on,
        )
        if carer is None:
            continue
        made["young_carers"] += 1
        completed_on = registered_on + dt.timedelta(days=chooser.randint(20, 120))
        if turn % 3 == 0 or completed_on > as_of:
            continue  # still on the waiting list
        _safely(
            services.record_young_carer_assessment,
            young_carer=carer,
            completed_on=completed_on,
            outcome="support",
            young_carer_views="I want some time for myself after school.",
        )
        _safely(
            services.add_young_carer_support,
            young_carer=carer,
            what="Young carers' group on Tuesdays",
            provided_by="Young carers service (synthetic)",
            start_on=completed_on,
        )
        _safely(
            services.record_school_told,
            young_carer=carer,
            told_on=completed_on,
            told_who="Head of year (synthetic)",
        )

    for turn, child in enumerate(_each(_of_age(as_of, 5, 15), EVERY["missing"])):
        reported_on = day_in_year()
        missing = _safely(
            services.report_missing_education,
            child=child,
            reported_on=reported_on,
            reported_by="Education welfare service",
            reason=REASONS[turn % len(REASONS)],
        )
        if missing is None:
            continue
        made["missing_education"] += 1
        resolved_on = reported_on + dt.timedelta(days=chooser.randint(10, 90))
        if turn % 3 != 0 and resolved_on <= as_of:
            _safely(
                services.resolve_missing_education,
                missing=missing,
                resolved_on=resolved_on,
                outcome="On roll at a new school in the area",
            )

    on_plans = list(
        Child.objects.filter(
            Exists(
                Plan.objects.filter(
                    child=OuterRef("pk"), kind=PlanKind.CHILD_PROTECTION, end_on__isnull=True
                )
            ),
            date_of_birth__isnull=False,
        ).order_by("la_child_id")
    )
    on_plans = [child for child in on_plans if 5 <= _age(child, as_of) <= 15][:2]
    at_home = on_plans + _each(_of_age(as_of, 5, 15), EVERY["home"])
    for turn, child in enumerate(at_home):
        started_on = day_in_year(20, 300)
        if child in on_plans and manager is not None:
            _safely(
                services.record_home_education_consent,
                child=child,
                requested_on=started_on - dt.timedelta(days=14),
                decided_on=started_on - dt.timedelta(days=7),
                decision="granted",
                reason="The plan's actions are met at home; the school nurse visits monthly.",
                decided_by=manager,
            )
        home = _safely(
            services.start_home_education,
            child=child,
            started_on=started_on,
            notice_on=started_on - dt.timedelta(days=7),
            next_review_on=started_on + dt.timedelta(days=90 + turn % 60),
            notice="Letter from the parents (synthetic)",
        )
        if home is not None:
            made["home_education"] += 1

    if worker is not None:
        for turn, child in enumerate(_each(_of_age(as_of, 16, 17), EVERY["homeless"])):
            presented = _safely(
                services.record_homeless_presentation,
                child=child,
                presented_on=day_in_year(10, 200),
                presented_by="Housing options team",
                is_from_housing=True,
            )
            if presented is None:
                continue
            made["homeless"] += 1
            on = presented.presented_on
            _safely(
                services.record_joint_assessment,
                presentation=presented,
                started_on=on,
                completed_on=on + dt.timedelta(days=7),
                housing_officer="Housing officer (synthetic)",
            )
            _safely(
                services.record_rights_explained,
                presentation=presented,
                explained_on=on,
                explained_by=worker,
            )
            if turn % 4 == 3:
                continue  # the decision still to make
            _safely(
                services.record_homeless_decision,
                presentation=presented,
                decided_on=on + dt.timedelta(days=8),
                decision=("part7", "home", "part7")[turn % 3],
                young_person_view="I want somewhere near college.",
                outcome="Moved in the same week",
            )
    return made
