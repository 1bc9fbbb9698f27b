"""NHS numbers: ten digits, the last a modulus-11 check digit (NHS Data Dictionary).

Validation is python-stdnum's ``gb.nhs``.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength
from stdnum.gb import nhs as stdnum_nhs


def normalise_nhs_number(value: str) -> str:
    """Digits only: ``943 476 5919`` -> ``9434765919``."""
    return stdnum_nhs.compact(value or "")


def format_nhs_number(value: str) -> str:
    """The 3-3-4 form people read: ``943 476 5919``."""
    return stdnum_nhs.format(value) if value else ""


def validate_nhs_number(value: str) -> None:
    """Raise ``ValidationError`` unless ``value`` is a valid NHS number."""
    try:
        stdnum_nhs.validate(value)
    except InvalidLength as error:
        raise ValidationError(_("An NHS number is 10 digits long"), code="nhs_length") from error
    except InvalidChecksum as error:
        raise ValidationError(
            _("This is not a valid NHS number: check it was typed correctly"), code="nhs_check"
        ) from error
    except InvalidFormat as error:
        raise ValidationError(
            _("An NHS number must contain only numbers"), code="nhs_format"
        ) from error


def with_check_digit(body: str) -> str | None:
    """A full NHS number from its first nine digits, or None where no digit makes it valid
    (modulus 11 gives 10 for about one body in eleven; such numbers are never issued)."""
    for last in "0123456789":
        if stdnum_nhs.is_valid(body + last):
            return body + last
    return None
