"""The front door's work that waits for a manager: no further action and early help decisions
(docs/sign-off.md). Declared into the one sign-off queue from ``registrations``."""

from collections.abc import Collection, Iterable
from typing import Any

from django.db.models import F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _

from kinfolk.core.registry import SignOffItem, Waiting
from kinfolk.frontdoor.choices import OUTCOMES_NEEDING_SIGN_OFF, ReturnState
from kinfolk.frontdoor.models import ScreeningDecision, ScreeningReturn
from kinfolk.people.models import Child

#: The code of the kind, in the queue's filter and its addresses.
SCREENING = "screening"


def _unsigned(viewer: Any) -> QuerySet[ScreeningDecision]:
    # The filter matches the partial index ``screening_awaiting_sign_off``.
    return ScreeningDecision.objects.filter(
        outcome__in=OUTCOMES_NEEDING_SIGN_OFF,
        signed_off_at__isnull=True,
        is_imported=False,
        contact__child__in=Child.objects.visible_to(viewer),
    ).order_by("decided_at", "pk")


def _whole(decisions: QuerySet[ScreeningDecision]) -> QuerySet[ScreeningDecision]:
    return decisions.select_related("contact__child", "decided_by").prefetch_related("returns")


def _item(decision: ScreeningDecision, url: str) -> SignOffItem:
    returns = list(decision.returns.all())
    latest = returns[-1] if returns else None
    return SignOffItem(
        kind=SCREENING,
        pk=decision.pk,
        child=decision.contact.child,
        what=_("Screening decision: %(outcome)s") % {"outcome": decision.get_outcome_display()},
        submitted_by=decision.decided_by.display_name if decision.decided_by else "",
        submitted_by_id=decision.decided_by_id,
        # An answered decision waits again from the moment it was answered.
        waiting_since=(
            latest.answered_at if latest and latest.answered_at else decision.decided_at
        ),
        url=url,
        is_answered=decision.return_state == ReturnState.ANSWERED,
        returned_reasons=latest.reasons if latest else "",
        answer=latest.response if latest else "",
    )


def _waiting(viewer: Any) -> QuerySet[ScreeningDecision]:
    return _unsigned(viewer).exclude(return_state=ReturnState.RETURNED)


def screenings_waiting(viewer: Any) -> Iterable[Waiting]:
    """Decisions waiting for a manager's sign-off, including those answered after a return
    (which wait again from the moment they were answered); not those still with their
    worker."""
    answered = ScreeningReturn.objects.filter(decision=OuterRef("pk")).order_by(
        "-returned_at", "-pk"
    )
    rows = _waiting(viewer).values_list(
        "pk",
        "contact__child_id",
        Coalesce(Subquery(answered.values("answered_at")[:1]), F("decided_at")),
    )
    for pk, child_id, since in rows:
        yield Waiting(SCREENING, pk, child_id, since)


def screenings_items(viewer: Any, pks: Collection[int]) -> Iterable[SignOffItem]:
    """The waiting decisions among ``pks``, whole."""
    for decision in _whole(_waiting(viewer).filter(pk__in=pks)):
        yield _item(decision, reverse("frontdoor:sign-off", args=[decision.pk]))


def screenings_returned(worker: Any) -> Iterable[SignOffItem]:
    """Decisions ``worker`` made that a manager returned and that wait for their answer."""
    returned = _unsigned(worker).filter(return_state=ReturnState.RETURNED, decided_by=worker)
    for decision in _whole(returned):
        yield _item(
            decision,
            reverse("frontdoor:screening-answer", args=[decision.contact.child_id, decision.pk]),
        )
