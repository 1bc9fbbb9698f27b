"""What the front door adds to the shared registries (kinfolk.core.registry)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.chronology.choices import EntryKind
from kinfolk.core.registry import DutyPage, SignOffKind, register_duty_pages, register_sign_off
from kinfolk.frontdoor.sign_off import (
    SCREENING,
    screenings_items,
    screenings_returned,
    screenings_waiting,
)


@EntryKind.register
class FrontDoorEntryKind(models.TextChoices):
    """Chronology entries of a contact and what the front door decided about it."""

    CONTACT = "contact", _("Contact")
    SCREENING = "screening", _("Screening decision")
    EARLY_HELP = "early_help", _("Early help")


# A contact waiting for its screening decision is worked from the front door's queue, not
# from a child's record: the child may not be identified yet.
register_duty_pages(
    DutyPage("frontdoor:queue", _("Front door"), is_child_page=False), "screening-1wd"
)

register_sign_off(
    SignOffKind(
        code=SCREENING,
        label=_("Screening decisions"),
        waiting=screenings_waiting,
        items=screenings_items,
        returned=screenings_returned,
    )
)
