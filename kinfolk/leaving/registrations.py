"""What care leavers' casework adds to the shared registries (kinfolk.core.registry).

The leaving care services write chronology entries of the kinds the casework and the
workforce declare (plans, visits, allocations); the leaving care duties are done on the
child's leaving care page. A personal adviser's care leavers are cases they hold: their account
is not deactivated while they hold any.
"""

from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kinfolk.core.registry import DutyPage, register_duty_pages
from kinfolk.leaving.models import PersonalAdviserAllocation
from kinfolk.workforce.holdings import HeldCases, held_cases
from kinfolk.workforce.models import User

register_duty_pages(
    DutyPage("leaving:child-leaving", _("Leaving care")),
    "pathway-plan-3m",
    "pathway-plan-review-6m",
    "care-leaver-contact-2m",
)


def _open_adviser_allocations(worker: User) -> int:
    return PersonalAdviserAllocation.objects.filter(adviser=worker, end_on__isnull=True).count()


def _care_leavers(count: int) -> str:
    return ngettext(
        "%(count)d care leaver as their personal adviser",
        "%(count)d care leavers as their personal adviser",
        count,
    ) % {"count": count}


def _open_adviser_allocations_of(worker_ids: list[int], visible: QuerySet | None) -> dict[int, int]:
    allocations = PersonalAdviserAllocation.objects.filter(
        adviser_id__in=worker_ids, end_on__isnull=True
    )
    if visible is not None:
        allocations = allocations.filter(child__in=visible)
    return dict(
        allocations.values("adviser_id").annotate(n=Count("pk")).values_list("adviser_id", "n")
    )


held_cases.register(
    "personal-adviser",
    HeldCases(
        count=_open_adviser_allocations,
        describe=_care_leavers,
        count_many=_open_adviser_allocations_of,
    ),
)
