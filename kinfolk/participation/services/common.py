"""What the participation services share: the guards on the child, and the chronology entry
with the duties told."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy

from kinfolk.care.services.episodes import LOOKED_AFTER, open_period
from kinfolk.care.services.health import check_day
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.codes import Disability
from kinfolk.core.events import publish_casework_changed
from kinfolk.core.guards import Guard
from kinfolk.people.models import Child

__all__ = [
    "DISABLED",
    "LOOKED_AFTER",
    "UASC_KNOWN",
    "check_after",
    "check_day",
    "entry",
    "open_period",
    "required",
]

#: A transition plan is for a young person with a disability (their identity's disabilities).
DISABLED: Guard[Child] = Guard(
    name="disabled",
    message=gettext_lazy(
        "%(subject)s has no disability recorded: a transition plan is for a disabled young "
        "person. Record the disability on the identity page first"
    ),
    holds=lambda child: child.disabilities.exclude(code=Disability.NONE).exists(),
)

#: The asylum details are for a child whose care record has a UASC period.
UASC_KNOWN: Guard[Child] = Guard(
    name="uasc-known",
    message=gettext_lazy(
        "%(subject)s is not recorded as an unaccompanied asylum-seeking child: record UASC "
        "status on the care record first"
    ),
    holds=lambda child: child.uasc_periods.exists(),
)


def required(value: str, field: str, message: str) -> str:
    """The text with spaces trimmed, refused when empty."""
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value


def check_after(day: dt.date | None, earlier: dt.date | None, field: str, message: str) -> None:
    """Refuse ``day`` before ``earlier`` (either may be missing)."""
    if day is not None and earlier is not None and day < earlier:
        raise ValidationError({field: message})


def entry(
    child: Child, on: dt.date, kind: str, summary: str, actor: Actor | None, **kw: Any
) -> None:
    """The chronology entry of a step, and the casework changed."""
    add_entry(
        child_id=child.pk,
        occurred_on=on,
        kind=kind,
        summary=summary,
        recorded_by=staff_member(actor),
        **kw,
    )
    publish_casework_changed(child.pk)
