"""The cases a member of staff holds now, wherever they are recorded.

A worker whose account is deactivated must hold no case: a child whose worker can no longer
sign in has, in practice, no worker. The workforce records children's allocations; apps above
it record other cases a worker holds (a personal adviser's care leavers, in ``kinfolk.leaving``)
and declare them here from their ``registrations`` module, so that this layer never imports
theirs (docs/adr/0001-layers.md).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import ngettext

from kinfolk.core.registry import Registry
from kinfolk.workforce.models import Allocation, User


@dataclass(frozen=True)
class HeldCases:
    """One kind of case a worker may hold: how to count a worker's open ones, and how to
    say how many (``"3 children's cases"``)."""

    count: Callable[[User], int]
    describe: Callable[[int], str]


#: Each kind of case a worker may hold, by code.
held_cases: Registry[str, HeldCases] = Registry("kind of held case")


def _open_allocations(worker: User) -> int:
    return Allocation.objects.open().filter(worker=worker).count()


def _children_cases(count: int) -> str:
    return ngettext("%(count)d child's case", "%(count)d children's cases", count) % {
        "count": count
    }


held_cases.register("allocation", HeldCases(count=_open_allocations, describe=_children_cases))


def cases_held_by(worker: User) -> list[tuple[int, str]]:
    """How many cases of each kind the worker holds now, with the words for it; kinds the
    worker holds none of are left out."""
    held = []
    for _code, kind in held_cases.items():
        count = kind.count(worker)
        if count:
            held.append((count, kind.describe(count)))
    return held
