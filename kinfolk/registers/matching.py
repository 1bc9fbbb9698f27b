"""Children on the registers matched against the open cases (docs/domain.md finding 15): a
child on the children not in school register who has an open child in need episode, a child
protection plan or a period of care is flagged to both teams, on the register, on the child's
Summary page and in the allocated worker's and team's work."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from kinfolk.care.models import PeriodOfCare
from kinfolk.casework.choices import PlanKind
from kinfolk.casework.models import ChildInNeedEpisode, Plan
from kinfolk.protection.models import Section47Enquiry
from kinfolk.registers.models import HomeEducation, MissingEducation


@dataclass
class OpenCase:
    """What is open for one child: each kind of case in casework words."""

    kinds: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def __str__(self) -> str:
        return ", ".join(self.kinds)


def open_cases(child_ids: Iterable[int]) -> dict[int, OpenCase]:
    """The open cases of these children, by child: three queries however many children."""
    ids = list(set(child_ids))
    found: dict[int, OpenCase] = {pk: OpenCase() for pk in ids}
    if not ids:
        return found
    for child_id in (
        ChildInNeedEpisode.objects.filter(child_id__in=ids, closed_on__isnull=True, is_nfa=False)
        .values_list("child_id", flat=True)
        .distinct()
    ):
        found[child_id].kinds.append(_("open child in need case"))
    for child_id in (
        Plan.objects.filter(child_id__in=ids, kind=PlanKind.CHILD_PROTECTION, end_on__isnull=True)
        .values_list("child_id", flat=True)
        .distinct()
    ):
        found[child_id].kinds.append(_("child protection plan"))
    for child_id in (
        PeriodOfCare.objects.filter(child_id__in=ids, end_on__isnull=True)
        .values_list("child_id", flat=True)
        .distinct()
    ):
        found[child_id].kinds.append(_("looked after"))
    return found


def needs_consent(child_id: int) -> bool:
    """Whether the council's consent is needed before the child is educated at home: the child
    is the subject of an open section 47 enquiry or is on a child protection plan (Children's
    Wellbeing and Schools Act 2026, s38; docs/registers.md)."""
    return (
        Section47Enquiry.objects.filter(child_id=child_id, ended_on__isnull=True).exists()
        or Plan.objects.filter(
            child_id=child_id, kind=PlanKind.CHILD_PROTECTION, end_on__isnull=True
        ).exists()
    )


def open_missing(on: dt.date | None = None) -> QuerySet[MissingEducation]:
    """Children missing education, not yet resolved."""
    return MissingEducation.objects.filter(resolved_on__isnull=True)


def current_home_education() -> QuerySet[HomeEducation]:
    """Children educated at home now."""
    return HomeEducation.objects.filter(ended_on__isnull=True)


def not_in_school_ids(children: QuerySet) -> set[int]:
    """Which of these children are on the children not in school register now. Two queries
    (one when it is a subquery)."""
    missing = open_missing().filter(child__in=children).values_list("child_id", flat=True)
    home = current_home_education().filter(child__in=children).values_list("child_id", flat=True)
    return set(missing) | set(home)


def flagged_children(children: QuerySet) -> QuerySet:
    """These children, kept where they are on the children not in school register and have an
    open case: the work item "on the children not in school register"."""
    on_register = Q(pk__in=open_missing().values("child_id")) | Q(
        pk__in=current_home_education().values("child_id")
    )
    open_case = (
        Q(
            pk__in=ChildInNeedEpisode.objects.filter(closed_on__isnull=True, is_nfa=False).values(
                "child_id"
            )
        )
        | Q(
            pk__in=Plan.objects.filter(kind=PlanKind.CHILD_PROTECTION, end_on__isnull=True).values(
                "child_id"
            )
        )
        | Q(pk__in=PeriodOfCare.objects.filter(end_on__isnull=True).values("child_id"))
    )
    return children.filter(on_register).filter(open_case)
