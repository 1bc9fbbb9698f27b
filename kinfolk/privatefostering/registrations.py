"""What private fostering adds to the shared registries (kinfolk.core.registry) and to the
child's Summary page (kinfolk.people.summary): its chronology entry kinds, the page where its
visit duties are done, and its section of the Summary."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.chronology.choices import EntryKind
from kinfolk.core.registry import DutyPage, register_duty_pages
from kinfolk.people.summary import register_summary_section
from kinfolk.privatefostering.at_a_glance import private_fostering_at_a_glance


@EntryKind.register
class PrivateFosteringEntryKind(models.TextChoices):
    """Chronology entries of private fostering (docs/private-fostering.md)."""

    PRIVATE_FOSTERING_NOTIFIED = "private_fostering_notified", _("Private fostering notified")
    PRIVATE_FOSTERING_CHECK = "private_fostering_check", _("Private fostering check")
    PRIVATE_FOSTERING_ASSESSMENT = (
        "private_fostering_assessment",
        _("Private fostering assessment"),
    )
    PRIVATE_FOSTERING_ENDED = "private_fostering_ended", _("Private fostering ended")


#: The child's private fostering page, where the visits are recorded.
ARRANGEMENT_PAGE = DutyPage("privatefostering:child", _("Private fostering"))

register_duty_pages(ARRANGEMENT_PAGE, "pf-first-visit-7wd", "pf-visit-6w", "pf-visit-12w")

register_summary_section(
    "private-fostering",
    order=38,
    template="privatefostering/summary/_private_fostering.html",
    context=private_fostering_at_a_glance,
)
