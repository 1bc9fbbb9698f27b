"""What a worker holds for a child, handed to the next worker when the case changes hands
(docs/caseloads.md "Handover"; docs/domain.md finding 12: tasks are lost when the social
worker changes).

The workforce allocates children's cases but cannot read plans, assessments or duties, which
apps above it record. Each of those apps declares what a worker may hold for a child, from its
``registrations`` module::

    register_handover(
        "plan-actions",
        items=open_plan_actions,     # (child, old_worker) -> [HandoverItem, ...]
        move=reassign_plan_actions,  # (child, old_worker, new_worker) -> how many moved
    )

``items`` lists what the old worker holds for the child, for the manager to read before they
reallocate. ``move`` gives it all to the new worker; it runs inside the allocation's
transaction, so that the allocation and the handover are saved together or not at all. It is
``None`` for what follows the allocation by itself (the child's duties are the work of
whoever holds the case).
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kinfolk.core.registry import Registry


@dataclass(frozen=True)
class HandoverItem:
    """One thing the old worker holds for the child."""

    kind: str  # "Plan action", "Supervision action", "Duty", "Draft assessment"
    description: str
    due_on: dt.date | None
    url: str | None


@dataclass(frozen=True)
class Handover:
    """One kind of thing a worker holds for a child: how to list it and how to move it."""

    items: Callable[[Any, Any], list[HandoverItem]]
    move: Callable[[Any, Any, Any], int] | None


#: What a worker may hold for a child, by name.
handovers: Registry[str, Handover] = Registry("handover")


def register_handover(
    name: str,
    *,
    items: Callable[[Any, Any], list[HandoverItem]],
    move: Callable[[Any, Any, Any], int] | None,
) -> Handover:
    """Declare a kind of thing a worker holds for a child and hands over with the case."""
    return handovers.register(name, Handover(items=items, move=move))


def handover_items(child: Any, old_worker: Any) -> list[HandoverItem]:
    """Everything ``old_worker`` holds for the child, grouped by kind (in the order the kinds
    were declared), each kind by due date."""
    listed: list[HandoverItem] = []
    for _name, handover in handovers.items():
        listed.extend(
            sorted(
                handover.items(child, old_worker),
                key=lambda item: (item.due_on is None, item.due_on or dt.date.min),
            )
        )
    return listed


def grouped(items: list[HandoverItem]) -> list[tuple[str, list[HandoverItem]]]:
    """The items by kind, for a page: ``[(kind, [items])]``, kinds in the order they come."""
    groups: dict[str, list[HandoverItem]] = {}
    for item in items:
        groups.setdefault(item.kind, []).append(item)
    return list(groups.items())


def hand_over(child: Any, old_worker: Any, new_worker: Any) -> int:
    """Give the new worker everything the old one holds for the child; how many were moved.
    Called by ``allocate_child`` inside its transaction."""
    moved = 0
    for _name, handover in handovers.items():
        if handover.move is not None:
            moved += handover.move(child, old_worker, new_worker)
    return moved
