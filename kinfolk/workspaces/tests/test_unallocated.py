"""Unallocated children: how long each has waited, and the duty visits made while they wait
(docs/caseloads.md; docs/domain.md finding 16)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from conftest import make_child, signed_in
from kinfolk.casework.services import open_referral, record_visit
from kinfolk.workforce.services import allocate_child, end_allocation
from kinfolk.workspaces.casework import unallocated

pytestmark = pytest.mark.django_db


def test_days_waiting_and_duty_visits(manager, social_worker):
    today = timezone.localdate()
    waiting = make_child(la_child_id="W1", first_name="Wren", last_name="Ali")
    open_referral(child=waiting, referral_on=today - dt.timedelta(days=30), source="2A")
    with pytest.raises(ValidationError) as error:
        record_visit(
            child=waiting,
            visited_on=today - dt.timedelta(days=5),
            kind="cin",
            is_child_seen=False,
            actor=social_worker,
        )
    assert "duty visit" in error.value.message_dict["purpose"][0]
    record_visit(
        child=waiting,
        visited_on=today - dt.timedelta(days=5),
        kind="cin",
        is_child_seen=False,
        purpose="Check the home after the police call",
        actor=social_worker,
    )
    again = make_child(la_child_id="W2", first_name="Ada", last_name="Bell")
    open_referral(child=again, referral_on=today - dt.timedelta(days=90), source="2A")
    allocate_child(child=again, worker=social_worker, start_on=today - dt.timedelta(days=80))
    record_visit(
        child=again,
        visited_on=today - dt.timedelta(days=70),
        kind="cin",
        is_child_seen=False,
        actor=social_worker,
    )
    end_allocation(child=again, end_on=today - dt.timedelta(days=10))

    shown, count = unallocated(viewer=manager, today=today)
    assert count == 2
    assert [(c.la_child_id, c.days_waiting) for c in shown] == [("W1", 30), ("W2", 10)]
    assert [v.purpose for v in shown[0].duty_visits] == ["Check the home after the police call"]
    assert shown[1].duty_visits == []  # the visit was made while Sam held the case

    page = signed_in(manager).get(reverse("home"))
    html = page.content.decode()
    assert "Check the home after the police call" in html
    assert "Days waiting" in html
