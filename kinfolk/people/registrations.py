"""What the child's record adds to the shared registries (kinfolk.core.registry) and to the
child's Summary page (kinfolk.people.summary)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.chronology.choices import EntryKind
from kinfolk.people.summary import register_summary_section
from kinfolk.people.summary_sections import case_at_a_glance, significant_entries


@EntryKind.register
class RecordEntryKind(models.TextChoices):
    """Chronology entries about the child's record itself: who the child is, where and with
    whom they live, what workers must know before a visit, and who may read the record."""

    RECORD = "record", _("Record")
    IDENTITY = "identity", _("Identity")
    BIRTH = "birth", _("Birth")
    DEATH = "death", _("Death")
    ADDRESS = "address", _("Address")
    RELATIONSHIP = "relationship", _("Relationship")
    ALERT = "alert", _("Alert")
    ACCESS = "access", _("Access")


register_summary_section(
    "case",
    order=10,
    template="people/summary/_case.html",
    context=case_at_a_glance,
)
register_summary_section(
    "significant-events",
    order=90,
    template="people/summary/_significant.html",
    context=significant_entries,
)
