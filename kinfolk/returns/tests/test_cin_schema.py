"""The 2025-26 CIN census schema the project keeps, and the census built against it."""

import pytest
from django.db.models import TextChoices
from lxml import etree

from kinfolk.core import codes
from kinfolk.returns.cin.builder import build_cin_census
from kinfolk.returns.cin.schema import SCHEMA_PATH, schema_errors
from kinfolk.returns.framework import CollectionYear
from kinfolk.returns.tests.test_cin_builder import AUTHORITY, child, load, protection_journey

YEAR = CollectionYear.parse("2025-26")
XS = "{http://www.w3.org/2001/XMLSchema}"


def enumeration(type_name: str) -> list[str]:
    schema = etree.parse(str(SCHEMA_PATH))
    (simple_type,) = schema.getroot().findall(f"{XS}simpleType[@name='{type_name}']")
    return [item.get("value") for item in simple_type.iter(f"{XS}enumeration")]


@pytest.mark.parametrize(
    ("type_name", "choices"),
    [
        ("sextype", codes.Sex),
        ("ethnicitytype", codes.Ethnicity),
        ("disabilitytype", codes.Disability),
        ("referralsourcetype", codes.ReferralSource),
        ("primaryneedcodetype", codes.PrimaryNeed),
        ("reasonforclosuretype", codes.ReasonForClosure),
        ("assessmentfactorstype", codes.AssessmentFactor),
        ("categoryofabuse", codes.CategoryOfAbuse),
        ("unknownupntype", codes.UPNUnknown),
    ],
)
def test_the_schema_code_lists_are_the_project_code_lists(type_name, choices: type[TextChoices]):
    assert enumeration(type_name) == list(choices.values)


def test_sex_replaces_gender_and_previous_plans_may_be_zero():
    text = SCHEMA_PATH.read_text()
    assert "GenderCurrent" not in text.split("-->", 1)[1]
    assert '<xs:element name="Sex" type="sextype"' in text
    assert '"NumberOfPreviousCPP" type="xs:nonNegativeInteger"' in text


@pytest.mark.django_db
def test_a_built_census_matches_the_schema():
    load(
        AUTHORITY,
        *protection_journey("C1"),
        {**child("C3"), "dob": None, "expected_dob": "2026-06-01"},
        {"type": "referral", "child": "C3", "date": "2025-04-10", "source": "6", "nfa": True},
    )
    xml = build_cin_census(YEAR)
    assert schema_errors(xml) == []


@pytest.mark.django_db
def test_a_broken_census_is_refused_with_the_line():
    load(AUTHORITY, *protection_journey("C1"))
    lines = build_cin_census(YEAR).decode().splitlines()
    number = next(i for i, line in enumerate(lines, start=1) if "<Sex>" in line)
    lines[number - 1] = lines[number - 1].replace("<Sex>F</Sex>", "<Sex>2</Sex>")
    problems = schema_errors("\n".join(lines).encode())
    assert len(problems) == 1
    assert problems[0].startswith(
        f"line {number}: Element 'Sex': [facet 'enumeration'] The value '2'"
    )


def test_an_element_out_of_order_is_refused_with_its_line():
    xml = b"""<?xml version="1.0" encoding="UTF-8"?>
<Message>
  <Children>
    <Child>
      <ChildIdentifiers>
        <LAchildID>C1</LAchildID>
        <Sex>F</Sex>
        <PersonBirthDate>2015-01-01</PersonBirthDate>
      </ChildIdentifiers>
    </Child>
  </Children>
</Message>"""
    problems = schema_errors(xml)
    assert problems[0] == (
        "line 8: Element 'PersonBirthDate': This element is not expected. "
        "Expected is ( PersonDeathDate )."
    )


def test_malformed_xml_gives_the_parse_error_and_its_line():
    problems = schema_errors(b"<Message>\n  <Children>\n</Message>\n")
    assert len(problems) == 1
    assert problems[0].startswith("line 3: the file is not well-formed XML (")
