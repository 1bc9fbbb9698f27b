"""What allegations add to the shared registries: their chronology entry kind, shown only to
the allegation's readers (kinfolk.chronology.restricted), and the page where the LADO's duty
is done."""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.restricted import restricted_kinds
from kinfolk.core.registry import DutyPage, register_duty_pages


@EntryKind.register
class AllegationEntryKind(models.TextChoices):
    """An allegation against an adult who works with the child, and each step of it."""

    ALLEGATION = "allegation", _("Allegation (LADO)")


def visible_entries(reader: Any) -> models.QuerySet:
    """The chronology entries about the allegations ``reader`` may read."""
    from kinfolk.allegations.models import Allegation, AllegationChild

    return AllegationChild.chronology_entries.through.objects.filter(
        allegationchild__allegation__in=Allegation.objects.visible_to(reader)
    ).values("chronologyentry_id")


restricted_kinds.register([AllegationEntryKind.ALLEGATION], visible_entries)

#: The LADO's workspace lists the allegations waiting for their initial consideration.
LADO_PAGE = DutyPage("allegations:list", _("Allegations"), is_child_page=False)

register_duty_pages(LADO_PAGE, "lado-initial-1wd")
