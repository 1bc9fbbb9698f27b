"""The child's duties in a handover (kinfolk.workforce.handover; docs/caseloads.md): the new
worker is told what is overdue and due soon. Nothing moves: a duty belongs to the child, and
the work lists (kinfolk.duties.work) show it to whoever holds the case now."""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from kinfolk.core.registry import duty_pages
from kinfolk.core.working_days import add_working_days
from kinfolk.duties.models import Duty
from kinfolk.duties.work import HORIZON_WORKING_DAYS
from kinfolk.workforce.handover import HandoverItem


def upcoming_duties(child: Any, worker: Any) -> list[HandoverItem]:
    """The child's outstanding duties overdue or due within the work lists' horizon. One
    query."""
    horizon = add_working_days(timezone.localdate(), HORIZON_WORKING_DAYS)
    items = []
    for duty in (
        Duty.objects.filter(child=child, due_on__lte=horizon)
        .outstanding()
        .shown_to(worker)
        .order_by("due_on")
    ):
        page = duty_pages.get(duty.rule)
        items.append(
            HandoverItem(
                kind=_("Duty"),
                description=str(duty.rule_title),
                due_on=duty.due_on,
                url=page.url(child.pk) if page else None,
            )
        )
    return items
