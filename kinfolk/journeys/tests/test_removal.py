"""Removing children with everything recorded about them (kinfolk/journeys/removal.py), when
a record about the child protects another and neither has a reverse accessor on the child."""

import datetime as dt

import pytest

from conftest import make_child
from kinfolk.journeys.removal import remove_people
from kinfolk.people.models import Adult, Child
from kinfolk.registers.models import HomeEducation, HomeEducationConsent

pytestmark = pytest.mark.django_db


def test_records_without_a_reverse_accessor_that_protect_others_go_with_the_child(manager):
    child = make_child(la_child_id="C3001", first_name="Ava", last_name="Brown")
    kept = make_child(la_child_id="C3002", first_name="Noah", last_name="Jones")
    consent = HomeEducationConsent.objects.create(
        child=child,
        requested_on=dt.date(2026, 9, 1),
        decided_on=dt.date(2026, 9, 8),
        decision="granted",
        decided_by=manager,
        reason="Synthetic",
    )
    # The home education protects the consent it was given under; both name the child only
    # through foreign keys with related_name="+".
    HomeEducation.objects.create(
        child=child,
        started_on=dt.date(2026, 9, 14),
        notice_on=dt.date(2026, 9, 7),
        next_review_on=dt.date(2026, 12, 14),
        consent=consent,
    )
    remove_people(Child.objects.filter(pk=child.pk), Adult.objects.none())
    assert list(Child.objects.values_list("la_child_id", flat=True)) == [kept.la_child_id]
    assert not HomeEducation.objects.exists() and not HomeEducationConsent.objects.exists()
