"""What a worker holds for a child from case supervision, handed to the next worker when the
case is reallocated (kinfolk.workforce.handover; docs/caseloads.md): the supervision actions
they own and have not done."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from kinfolk.oversight.services import open_supervision_actions, reassign_supervision_actions
from kinfolk.workforce.handover import HandoverItem


def supervision_actions(child: Any, worker: Any) -> list[HandoverItem]:
    """The open supervision actions for the child that the worker owns. One query."""
    url = reverse("oversight:child-oversight", args=[child.pk])
    return [
        HandoverItem(
            kind=_("Supervision action"), description=action.text, due_on=action.due_on, url=url
        )
        for action in open_supervision_actions(child=child, owner=worker)
    ]


def reassign(child: Any, old_worker: Any, new_worker: Any) -> int:
    """Give the new worker the open supervision actions, each at its next version."""
    return reassign_supervision_actions(child=child, old_owner=old_worker, new_owner=new_worker)
