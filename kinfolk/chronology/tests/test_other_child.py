"""The other child a chronology entry names, recorded by the services and filled in for the
entries written before (migration 0009)."""

import importlib

import pytest
from django.apps import apps

from conftest import make_child
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.people.services import record_adult, relate

pytestmark = pytest.mark.django_db

fill = importlib.import_module("kinfolk.chronology.migrations.0009_fill_other_child").forwards


def test_the_migration_names_the_other_child_of_the_entries_written_before(child):
    noah = make_child(la_child_id="C2", first_name="Noah", last_name="Jones")
    relate(child=child, kind="sibling", other_child=noah)
    relate(
        child=child,
        kind="mother",
        other_adult=record_adult(reference="A1", first_name="Jo", last_name="Smith"),
    )
    # As the entries were before the field existed.
    ChronologyEntry.objects.update(other_child=None)
    fill(apps, None)
    named = dict(
        ChronologyEntry.objects.filter(kind="relationship").values_list("summary", "other_child")
    )
    assert named == {"Noah Jones recorded as sibling": noah.pk, "Jo Smith recorded as mother": None}


def test_an_entry_whose_child_was_renamed_since_is_left_as_it_is(child):
    noah = make_child(la_child_id="C2", first_name="Noah", last_name="Jones")
    relate(child=child, kind="sibling", other_child=noah)
    ChronologyEntry.objects.update(other_child=None)
    noah.first_name = "Noel"
    noah.save(update_fields=["first_name"])
    fill(apps, None)
    assert ChronologyEntry.objects.get(kind="relationship").other_child_id is None
