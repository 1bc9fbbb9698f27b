"""The cases a member of staff holds now, wherever they are recorded.

A worker whose account is deactivated must hold no case: a child whose worker can no longer
sign in has, in practice, no worker. The workforce records children's allocations; apps above
it record other cases a worker holds (a personal adviser's care leavers, in ``kinfolk.leaving``)
and declare them here from their ``registrations`` module, so that this layer never imports
theirs (docs/adr/0001-layers.md).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet
from django.utils.translation import ngettext

from kinfolk.core.registry import Registry
from kinfolk.people.models import Child
from kinfolk.workforce.models import Allocation, User


@dataclass(frozen=True)
class HeldCases:
    """One kind of case a worker may hold: how to count a worker's open ones, and how to
    say how many (``"3 children's cases"``)."""

    count: Callable[[User], int]
    describe: Callable[[int], str]
    #: How many each of several workers holds, in one query: ``{worker id: count}`` (workers
    #: holding none may be absent), counting only the children of ``visible`` when it is
    #: given. The caseload pages read it (kinfolk.workforce.caseloads).
    count_many: Callable[[list[int], QuerySet | None], dict[int, int]] | None = None


#: Each kind of case a worker may hold, by code.
held_cases: Registry[str, HeldCases] = Registry("kind of held case")


def _open_allocations(worker: User) -> int:
    return Allocation.objects.open().filter(worker=worker).count()


def _children_cases(count: int) -> str:
    return ngettext("%(count)d child's case", "%(count)d children's cases", count) % {
        "count": count
    }


def _open_allocations_of(worker_ids: list[int], visible: QuerySet | None) -> dict[int, int]:
    allocations = Allocation.objects.open().filter(worker_id__in=worker_ids)
    if visible is not None:
        allocations = allocations.filter(child__in=visible)
    return dict(
        allocations.values("worker_id").annotate(n=Count("pk")).values_list("worker_id", "n")
    )


held_cases.register(
    "allocation",
    HeldCases(count=_open_allocations, describe=_children_cases, count_many=_open_allocations_of),
)


def cases_held_by(worker: User) -> list[tuple[int, str]]:
    """How many cases of each kind the worker holds now, with the words for it; kinds the
    worker holds none of are left out."""
    held = []
    for _code, kind in held_cases.items():
        count = kind.count(worker)
        if count:
            held.append((count, kind.describe(count)))
    return held


def caseload_counts(worker_ids: list[int], *, viewer: Any = None) -> dict[int, int]:
    """How many cases of every kind each of these workers holds now, one query per kind.
    With ``viewer``, only the children they may see are counted
    (``Child.objects.visible_to``: a restricted or sealed record is absent from counts)."""
    visible = Child.objects.visible_to(viewer) if viewer is not None else None
    totals = dict.fromkeys(worker_ids, 0)
    for _code, kind in held_cases.items():
        if kind.count_many is not None:
            counted = kind.count_many(worker_ids, visible)
        else:
            counted = {pk: kind.count(User(pk=pk)) for pk in worker_ids}
        for pk, count in counted.items():
            totals[pk] = totals.get(pk, 0) + count
    return totals
