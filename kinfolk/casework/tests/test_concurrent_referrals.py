"""Five workers recording a referral for the same child at the same moment: one child in need
episode is opened, the others are told the child already has one, and nothing fails."""

import datetime as dt

import pytest
from django.db import connections

from conftest import make_child
from kinfolk.casework.models import ChildInNeedEpisode
from kinfolk.casework.services import open_referral
from kinfolk.core.tests.concurrency import at_once, saved_or_refused

pytestmark = pytest.mark.django_db(transaction=True)

REFERRAL_ON = dt.date(2025, 9, 1)


def test_five_referrals_of_one_child_at_once_open_one_episode():
    child = make_child()

    outcomes = at_once(
        5,
        lambda n: saved_or_refused(
            lambda: open_referral(child=child, referral_on=REFERRAL_ON, source="3A")
        ),
    )

    refusal = "Lily Smith already has an open child in need episode, from the referral of 1 September 2025"
    assert sorted(outcomes) == [refusal] * 4 + ["saved"]
    assert ChildInNeedEpisode.objects.filter(child=child).count() == 1
    assert child.chronology_entries.filter(kind="referral").count() == 1
    connections.close_all()
