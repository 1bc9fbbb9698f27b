"""UPN and NHS number validation."""

import pytest
from django.core.exceptions import ValidationError

from kinfolk.core.postcodes import is_valid_postcode, normalise_postcode
from kinfolk.people.nhs_number import format_nhs_number, validate_nhs_number, with_check_digit
from kinfolk.people.upn import validate_upn, with_check_letter


@pytest.mark.parametrize(
    "upn", ["B801200005001", with_check_letter("359123425001"), with_check_letter("35940012601A")]
)
def test_valid_upns(upn):
    validate_upn(upn)


@pytest.mark.parametrize(
    ("upn", "code"),
    [
        ("A801200005001", "upn_check_letter"),  # check letter of B801200005001 changed
        ("B80120000500", "upn_length"),
        ("B8012000050011", "upn_length"),
        ("X80120000A001", "upn_format"),  # characters 5 to 12 must be digits
        ("E000200005001", "upn_la"),  # 000 is no local authority
    ],
)
def test_invalid_upns(upn, code):
    with pytest.raises(ValidationError) as error:
        validate_upn(upn)
    assert error.value.code == code


@pytest.mark.parametrize("number", ["9434765919", "943 476 5919", "4010232137"])
def test_valid_nhs_numbers(number):
    validate_nhs_number(number)


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("9434765918", "nhs_check"),  # last digit wrong
        ("943476591", "nhs_length"),
        ("94347659190", "nhs_length"),
        ("94347A5919", "nhs_format"),
    ],
)
def test_invalid_nhs_numbers(number, code):
    with pytest.raises(ValidationError) as error:
        validate_nhs_number(number)
    assert error.value.code == code


def test_nhs_check_digit_and_format():
    assert with_check_digit("943476591") == "9434765919"
    assert format_nhs_number("9434765919") == "943 476 5919"


def test_nhs_body_with_no_valid_check_digit():
    # Modulus 11 gives 10 for this body, so no NHS number is ever issued with it.
    bodies = [f"999{n:06d}" for n in range(40)]
    assert any(with_check_digit(body) is None for body in bodies)


@pytest.mark.parametrize("postcode", ["WN1 1AA", "wn11aa", "M1 1AE", "EC1A 1BB", "B33 8TH"])
def test_valid_postcodes(postcode):
    assert is_valid_postcode(postcode)


@pytest.mark.parametrize("postcode", ["WN1", "QN1 1AA", "WN1 1CA", "12345", ""])
def test_invalid_postcodes(postcode):
    assert not is_valid_postcode(postcode)


def test_postcode_normalised():
    assert normalise_postcode(" ec1a1bb ") == "EC1A 1BB"
