"""The kinds of chronology entry: each app declares its own (kinfolk.chronology.choices)."""

import datetime as dt
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.test import override_settings
from django.urls import reverse

from kinfolk.chronology.choices import EntryKind, EntryKinds
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.chronology.services import add_entry

TEST_APP = "kinfolk.chronology.tests.family_group"


@pytest.fixture
def family_group_app():
    """The test app installed, as a new app would be: its kind withdrawn afterwards."""
    with override_settings(INSTALLED_APPS=[*settings.INSTALLED_APPS, TEST_APP]):
        from kinfolk.chronology.tests.family_group.registrations import FamilyGroupEntryKind

        yield FamilyGroupEntryKind
    EntryKind.unregister(FamilyGroupEntryKind)
    # Imported afresh by the next test that installs the app, so that it declares again.
    sys.modules.pop(f"{TEST_APP}.registrations", None)


@pytest.mark.django_db
def test_a_new_apps_kind_is_offered_by_the_chronology_filter(
    family_group_app, worker_client, child
):
    add_entry(
        child_id=child.pk,
        occurred_on=dt.date(2025, 3, 4),
        kind=EntryKind.FAMILY_GROUP_CONFERENCE,
        summary="Family group conference held",
    )
    url = reverse("children:chronology", args=[child.pk])
    response = worker_client.get(url, {"kind": "family_group_conference"})
    assert ("family_group_conference", "Family group conference") in response.context["kinds"]
    html = response.content.decode()
    assert '<option value="family_group_conference" selected>Family group conference</option>' in (
        html
    )
    assert [entry.summary for entry in response.context["page"].object_list] == [
        "Family group conference held"
    ]
    assert "Family group conference</p>" in html  # the timeline names the kind


#: Kinds stored on entries in existing databases: a code once used never changes or goes
#: away, whatever kinds the apps add beside them.
STORED_KINDS = [
    ("record", "Record"),
    ("identity", "Identity"),
    ("birth", "Birth"),
    ("death", "Death"),
    ("address", "Address"),
    ("relationship", "Relationship"),
    ("alert", "Alert"),
    ("access", "Access"),
    ("allocation", "Allocation"),
    ("referral", "Referral"),
    ("assessment", "Assessment"),
    ("plan", "Plan"),
    ("visit", "Visit"),
    ("closure", "Case closure"),
    ("contact", "Contact"),
    ("screening", "Screening decision"),
    ("early_help", "Early help"),
    ("strategy", "Strategy discussion"),
    ("enquiry", "Section 47 enquiry"),
    ("conference", "Child protection conference"),
    ("core_group", "Core group"),
    ("care", "Looked after"),
    ("placement", "Placement"),
    ("legal_status", "Legal status"),
    ("health", "Health"),
    ("education", "Education"),
    ("missing", "Missing from home or care"),
    ("exploitation", "Exploitation"),
    ("uasc", "Unaccompanied asylum-seeking child"),
    ("proceedings", "Pre-proceedings and court"),
    ("looked_after_review", "Looked-after review"),
    ("permanence", "Permanence"),
]


def test_the_kinds_of_every_app_keep_their_codes_and_labels():
    declared = EntryKind.choices
    assert [kind for kind in STORED_KINDS if kind not in declared] == []
    assert len({code for code, _label in declared}) == len(declared)
    assert EntryKind.PLAN == "plan"
    assert EntryKind.label("core_group") == "Core group"


@pytest.mark.django_db
def test_a_kind_no_app_declares_is_refused(child):
    with pytest.raises(ValueError, match="'family_group_conference' is not a chronology kind"):
        add_entry(
            child_id=child.pk,
            occurred_on=dt.date(2025, 3, 4),
            kind="family_group_conference",
            summary="Family group conference held",
        )
    assert not ChronologyEntry.objects.filter(summary="Family group conference held").exists()


@pytest.mark.django_db
def test_an_entry_of_a_kind_no_longer_declared_is_labelled_by_its_code(child):
    entry = ChronologyEntry.objects.create(
        child=child, occurred_on=dt.date(2025, 3, 4), kind="retired_kind", summary="Old entry"
    )
    assert entry.kind_label == "retired_kind"


def test_two_apps_cannot_claim_the_same_code_or_constant():
    kinds = EntryKinds()

    class Casework(models.TextChoices):
        PLAN = "plan", "Plan"

    class Leaving(models.TextChoices):
        PATHWAY_PLAN = "plan", "Pathway plan"

    class Care(models.TextChoices):
        PLAN = "care_plan", "Care plan"

    kinds.register(Casework)
    kinds.register(Casework)  # Django may start the apps twice in tests: harmless
    with pytest.raises(ImproperlyConfigured, match="'plan' is declared twice"):
        kinds.register(Leaving)
    with pytest.raises(ImproperlyConfigured, match="'PLAN' is declared twice"):
        kinds.register(Care)
    assert kinds.choices == [("plan", "Plan")]
