"""What the register services share: dates checked in casework words."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kinfolk.core.dates import long_date


def check_on_or_after(day: dt.date | None, earliest: dt.date, field: str, what: str) -> None:
    """Refuse ``day`` before ``earliest``: ``what`` names the earlier event."""
    if day is not None and day < earliest:
        raise ValidationError(
            {
                field: _("The date must be on or after %(what)s, %(date)s")
                % {"what": what, "date": long_date(earliest)}
            }
        )


def required(value: str, field: str, message: str) -> str:
    """The text, stripped; refused when empty."""
    if not value.strip():
        raise ValidationError({field: message})
    return value.strip()
