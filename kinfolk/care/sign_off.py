"""Care work that waits for a manager: placements in unregistered settings waiting for
approval (docs/domain.md finding 24; docs/sign-off.md). A placement is approved, not
returned: the child is already living there, and what a manager can do instead of approving
is to move the child, which is casework of its own. Declared into the one sign-off queue
from ``registrations``."""

import datetime as dt
from collections.abc import Collection, Iterable
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from kinfolk.care.models import Placement
from kinfolk.core.registry import SignOffItem, Waiting
from kinfolk.core.working_days import LONDON
from kinfolk.people.models import Child

#: The code of the kind, in the queue's filter and its addresses.
PLACEMENT = "placement"


def _waiting(viewer: Any) -> QuerySet[Placement]:
    # The filter matches the partial index ``placement_awaiting_approval``.
    return Placement.objects.filter(
        is_registered=False,
        approved_on__isnull=True,
        child__in=Child.objects.visible_to(viewer),
    ).order_by("start_on", "pk")


def _since(start_on: dt.date) -> dt.datetime:
    return dt.datetime.combine(start_on, dt.time(), tzinfo=LONDON)


def placements_waiting(viewer: Any) -> Iterable[Waiting]:
    """Unregistered placements no manager has approved, about children ``viewer`` may see,
    each waiting since the child moved in."""
    for pk, child_id, start_on in _waiting(viewer).values_list("pk", "child_id", "start_on"):
        yield Waiting(PLACEMENT, pk, child_id, _since(start_on))


def placements_items(viewer: Any, pks: Collection[int]) -> Iterable[SignOffItem]:
    """The waiting placements among ``pks``, whole, in one query."""
    rows = _waiting(viewer).filter(pk__in=pks).select_related("child", "recorded_by")
    for placement in rows:
        yield SignOffItem(
            kind=PLACEMENT,
            pk=placement.pk,
            child=placement.child,
            what=_("Unregistered placement: %(setting)s")
            % {"setting": placement.setting_name or _("setting not named")},
            submitted_by=placement.recorded_by.display_name if placement.recorded_by else "",
            submitted_by_id=placement.recorded_by_id,
            waiting_since=_since(placement.start_on),
            url=reverse("care:unregistered-approve", args=[placement.child_id])
            + f"?placement={placement.pk}",
        )
