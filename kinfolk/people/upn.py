"""Unique Pupil Numbers (DfE): 13 characters, a check letter, the LA number, the school's
DfE number, the year and a serial; temporary UPNs end with a letter.

Validation is python-stdnum's ``gb.upn``, which computes the check letter and knows the LA
numbers (CIN census rules 1510 to 1550).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from stdnum.gb import upn as stdnum_upn


def normalise_upn(value: str) -> str:
    return stdnum_upn.compact(value or "")


def validate_upn(value: str) -> None:
    """Raise ``ValidationError`` with a message a person can act on unless ``value`` is a UPN."""
    try:
        stdnum_upn.validate(value)
    except InvalidLength as error:
        raise ValidationError(_("A UPN is 13 characters long"), code="upn_length") from error
    except InvalidChecksum as error:
        raise ValidationError(
            _("The first letter of this UPN does not match the rest: check it was typed correctly"),
            code="upn_check_letter",
        ) from error
    except InvalidComponent as error:
        raise ValidationError(
            _("Characters 2 to 4 of a UPN must be a local authority number"), code="upn_la"
        ) from error
    except InvalidFormat as error:
        raise ValidationError(
            _("A UPN is a letter, 11 digits, then a digit or a letter"), code="upn_format"
        ) from error


def with_check_letter(body: str) -> str:
    """A full UPN from its last 12 characters (used by the demo generator)."""
    return stdnum_upn.calc_check_digit(body) + body
