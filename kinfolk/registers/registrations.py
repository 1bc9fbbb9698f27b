"""What the registers add to the shared registries (kinfolk.core.registry) and to the child's
Summary page (kinfolk.people.summary): their chronology entry kinds and the registers section
of the Summary."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.chronology.choices import EntryKind
from kinfolk.people.summary import register_summary_section
from kinfolk.registers.at_a_glance import registers_at_a_glance


@EntryKind.register
class RegistersEntryKind(models.TextChoices):
    """Chronology entries of the registers."""

    YOUNG_CARER = "young_carer", _("Young carer")
    MISSING_EDUCATION = "missing_education", _("Child missing education")
    HOME_EDUCATION = "home_education", _("Home education")
    HOME_EDUCATION_CONSENT = "home_education_consent", _("Consent to home education")
    HOMELESS_16_17 = "homeless_16_17", _("Homeless 16- or 17-year-old")


register_summary_section(
    "registers",
    order=37,
    template="registers/summary/_registers.html",
    context=registers_at_a_glance,
)
