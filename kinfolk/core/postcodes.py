"""UK postcodes: format validation and normalisation.

The pattern is the format rule of the UK government data standard for postcodes (outward code
of 2 to 4 characters, a space, an inward code of a digit and two letters); it checks the shape,
not that the postcode exists, which needs the ONS postcode directory.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_POSTCODE = re.compile(
    r"^(GIR 0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]"
    r"|[A-HK-Y][0-9][ABEHMNPRVWXY])"
    r" [0-9][ABD-HJLNP-UW-Z]{2})$"
)


def normalise_postcode(value: str) -> str:
    """Upper case, with exactly one space before the inward code (``wn11aa`` -> ``WN1 1AA``)."""
    compact = re.sub(r"\s+", "", value or "").upper()
    if len(compact) < 5:
        return compact
    return f"{compact[:-3]} {compact[-3:]}"


def is_valid_postcode(value: str) -> bool:
    """True if ``value`` has the shape of a UK postcode once normalised."""
    return bool(_POSTCODE.match(normalise_postcode(value)))


def validate_postcode(value: str) -> None:
    """Django validator: raise ``ValidationError`` unless ``value`` is a UK postcode."""
    if not is_valid_postcode(value):
        raise ValidationError(_("Enter a real postcode, like WN1 1AA"), code="invalid_postcode")


def outward_code(value: str) -> str:
    """The part before the space (``WN1`` of ``WN1 1AA``)."""
    return normalise_postcode(value).split(" ")[0]
