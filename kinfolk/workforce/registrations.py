"""What the workforce adds to the shared registries (kinfolk.core.registry) and to the child's
Summary page (kinfolk.people.summary)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.chronology.choices import EntryKind
from kinfolk.people.summary import register_summary_section
from kinfolk.workforce.changes import changes_at_a_glance


@EntryKind.register
class WorkforceEntryKind(models.TextChoices):
    """Chronology entries about the workers allocated to the child."""

    ALLOCATION = "allocation", _("Allocation")


register_summary_section(
    "worker-changes",
    column="side",
    order=25,
    template="workforce/summary/_changes.html",
    context=changes_at_a_glance,
)
