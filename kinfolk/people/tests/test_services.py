"""Recording children through the services: what is refused and what is written."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from conftest import make_child
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.people.models import Address, Child, Relationship
from kinfolk.people.services import (
    PossibleDuplicate,
    move_child_to_address,
    raise_alert,
    record_adult,
    record_birth,
    record_death,
    relate,
    update_child,
)

pytestmark = pytest.mark.django_db


def test_create_child_writes_the_record_and_the_chronology(child):
    assert child.la_child_id == "C1"
    assert child.first_name_key == "LL"
    assert child.last_name_key == "SM0"
    assert list(child.disabilities.values_list("code", flat=True)) == ["NONE"]
    assert child.addresses.get().postcode == "WN1 1AA"
    entry = ChronologyEntry.objects.get(child=child)
    assert (entry.kind, entry.summary, entry.occurred_on, entry.is_significant) == (
        "birth",
        "Born",
        dt.date(2015, 4, 3),
        True,
    )


def test_an_nhs_number_already_held_is_refused_and_nothing_is_written(child):
    with pytest.raises(ValidationError) as error:
        make_child(
            la_child_id="C2", first_name="Noah", last_name="Jones", nhs_number="943 476 5919"
        )
    assert error.value.message_dict == {
        "nhs_number": ["This NHS number is already recorded for another child"]
    }
    assert list(Child.objects.values_list("la_child_id", flat=True)) == ["C1"]
    assert ChronologyEntry.objects.count() == 1


def test_a_similar_name_with_the_same_date_of_birth_is_warned(child):
    with pytest.raises(PossibleDuplicate) as warning:
        make_child(la_child_id="C2", first_name="Lilly", last_name="Smyth", is_not_duplicate=False)
    assert warning.value.matches == [child]
    assert Child.objects.count() == 1
    confirmed = make_child(
        la_child_id="C2", first_name="Lilly", last_name="Smyth", is_not_duplicate=True
    )
    assert Child.objects.count() == 2
    assert confirmed.full_name == "Lilly Smyth"


def test_a_different_name_on_the_same_day_is_not_a_duplicate(child):
    other = make_child(
        la_child_id="C2", first_name="Noah", last_name="Jones", is_not_duplicate=False
    )
    assert other.pk != child.pk


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"upn": "A801200005001"},
            "upn",
            "The first letter of this UPN does not match the rest: check it was typed correctly",
        ),
        (
            {"nhs_number": "9434765918"},
            "nhs_number",
            "This is not a valid NHS number: check it was typed correctly",
        ),
        (
            {"date_of_birth": None},
            "date_of_birth",
            "Enter a date of birth, or an expected date of birth",
        ),
        (
            {"date_of_birth": dt.date(2099, 1, 1)},
            "date_of_birth",
            "Date of birth must be today or in the past",
        ),
        (
            {"expected_date_of_birth": dt.date(2027, 1, 1)},
            "expected_date_of_birth",
            "Give a date of birth or an expected date of birth, not both",
        ),
        ({"la_child_id": "C-1"}, "la_child_id", "Use up to 20 letters and digits"),
        (
            {"upn": "B801200005001", "upn_unknown": "UN1"},
            "upn_unknown",
            "Leave the reason blank when the child has a UPN",
        ),
    ],
)
def test_identity_is_checked(db, overrides, field, message):
    with pytest.raises(ValidationError) as error:
        make_child(**overrides)
    assert message in error.value.message_dict[field]
    assert Child.objects.count() == 0
    assert ChronologyEntry.objects.count() == 0


def test_a_bad_postcode_leaves_nothing_behind(db):
    with pytest.raises(ValidationError):
        make_child(postcode="NOT A POSTCODE")
    assert Child.objects.count() == 0
    assert Address.objects.count() == 0


def test_update_names_the_changed_fields_in_the_chronology(child, social_worker):
    update_child(
        child=child,
        actor=social_worker,
        first_name="Lila",
        religion="Christian",
        disabilities=["NONE"],
    )
    child.refresh_from_db()
    assert (child.first_name, child.first_name_folded, child.religion) == (
        "Lila",
        "lila",
        "Christian",
    )
    entry = ChronologyEntry.objects.filter(child=child, kind="identity").get()
    assert entry.summary == "Identity details changed: first name, religion"
    assert entry.recorded_by == social_worker


def test_update_with_no_change_writes_nothing(child, social_worker):
    update_child(child=child, actor=social_worker, first_name="Lily")
    assert not ChronologyEntry.objects.filter(kind="identity").exists()


def test_an_unborn_child_is_born(db):
    unborn = make_child(date_of_birth=None, expected_date_of_birth=dt.date(2026, 1, 10), sex="U")
    assert unborn.is_unborn
    record_birth(child=unborn, born_on=dt.date(2026, 1, 8), sex="M")
    unborn.refresh_from_db()
    assert (unborn.date_of_birth, unborn.expected_date_of_birth, unborn.sex) == (
        dt.date(2026, 1, 8),
        None,
        "M",
    )
    with pytest.raises(ValidationError):
        record_birth(child=unborn, born_on=dt.date(2026, 1, 9))


def test_death_before_birth_is_refused(child):
    with pytest.raises(ValidationError) as error:
        record_death(child=child, died_on=dt.date(2015, 4, 2))
    assert error.value.message_dict == {
        "date_of_death": ["Date of death must be on or after the date of birth"]
    }
    child.refresh_from_db()
    assert child.date_of_death is None


def test_moving_ends_the_current_address(child):
    move_child_to_address(child=child, postcode="wn2 3xy", start_on=dt.date(2024, 5, 1))
    first, second = child.addresses.order_by("start_on")
    assert (first.end_on, second.postcode, second.end_on) == (dt.date(2024, 5, 1), "WN2 3XY", None)


def test_siblings_are_related_both_ways(child):
    brother = make_child(la_child_id="C2", first_name="Sam", date_of_birth=dt.date(2017, 6, 9))
    relate(child=child, other_child=brother, kind="sibling", lives_with=True)
    assert Relationship.objects.filter(child=brother, other_child=child, kind="sibling").exists()
    mother = record_adult(reference="A1", first_name="Jo", last_name="Smith")
    relate(child=child, other_adult=mother, kind="mother", lives_with=True)
    with pytest.raises(ValidationError):
        relate(child=child, other_adult=mother, kind="mother")
    assert child.relationships.count() == 2


def test_alert_dates_are_checked(child):
    with pytest.raises(ValidationError) as error:
        raise_alert(
            child=child,
            kind="medical",
            description="Severe nut allergy",
            start_on=dt.date(2025, 5, 1),
            end_on=dt.date(2025, 4, 1),
        )
    assert "end_on" in error.value.message_dict
    assert not child.alerts.exists()
