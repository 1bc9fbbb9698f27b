"""A reallocation hands the old worker's open supervision actions for the child to the new
worker (kinfolk.workforce.handover; docs/caseloads.md)."""

import datetime as dt

from django.utils import timezone

from kinfolk.casework.services import open_referral
from kinfolk.duties.work import children_held_by, work_for
from kinfolk.oversight.models import SupervisionAction
from kinfolk.oversight.services import AgreedAction, CaseDiscussion, record_supervision
from kinfolk.workforce.handover import handover_items
from kinfolk.workforce.services import allocate_child


def test_reallocating_hands_over_open_supervision_actions(
    child, social_worker, other_social_worker, manager
):
    open_referral(child=child, referral_on=dt.date(2025, 3, 3), source="2A")
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2025, 3, 3))
    due = dt.date(2099, 1, 1)
    record_supervision(
        supervisor=manager,
        worker=social_worker,
        held_on=dt.date(2025, 4, 1),
        cases=[
            CaseDiscussion(
                child=child,
                decision="Hold a network meeting",
                actions=[
                    AgreedAction(text="Invite the school nurse", owner=social_worker, due_on=due),
                    AgreedAction(
                        text="Chase the GP",
                        owner=social_worker,
                        due_on=due,
                        done_on=dt.date(2025, 4, 2),
                    ),
                    AgreedAction(text="Book the room", owner=manager, due_on=due),
                ],
            )
        ],
    )
    listed = [i for i in handover_items(child, social_worker) if i.kind == "Supervision action"]
    assert [i.description for i in listed] == ["Invite the school nurse"]

    today = timezone.localdate()
    allocate_child(
        child=child,
        worker=other_social_worker,
        start_on=today,
        actor=manager,
        replacing=child.allocations.get(end_on__isnull=True).pk,
        handover_note="Network meeting to arrange",
    )
    owners = dict(SupervisionAction.objects.values_list("text", "owner__username"))
    assert owners == {
        "Invite the school nurse": other_social_worker.username,
        "Chase the GP": social_worker.username,
        "Book the room": manager.username,
    }
    moved = SupervisionAction.objects.get(text="Invite the school nurse")
    assert moved.version == 2
    old = work_for(
        children_held_by([social_worker], viewer=social_worker),
        action_owners=[social_worker],
        today=today,
    )
    new = work_for(
        children_held_by([other_social_worker], viewer=other_social_worker),
        action_owners=[other_social_worker],
        today=today,
    )
    assert moved not in old.supervision_actions
    assert moved in new.supervision_actions
