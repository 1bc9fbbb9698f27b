"""The CIN census built from casework recorded through journeys (docs/reference/cin-census.md,
sections 3 and 6)."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import etree

from kinfolk.journeys.loader import load_journeys
from kinfolk.people.models import Child
from kinfolk.returns.cin.builder import build_cin_census
from kinfolk.returns.framework import CollectionYear

pytestmark = pytest.mark.django_db

YEAR = CollectionYear.parse("2025-26")
AUTHORITY = {"type": "authority", "name": "Northmoor", "la_number": "931", "la_code": "E06000099"}


def child(child_id: str, **extra: object) -> dict:
    record = {
        "type": "child",
        "id": child_id,
        "first_name": "Robin",
        "last_name": f"Ashdown{child_id}",
        "sex": "F",
        "ethnicity": "WBRI",
        "dob": "2015-03-04",
    }
    record.update(extra)
    return record


def load(*events: dict) -> None:
    result = load_journeys([json.dumps(event) for event in events], source="test")
    assert result.ok, [str(error) for error in result.errors]


def census(**kwargs: object) -> etree._Element:
    return etree.fromstring(build_cin_census(YEAR, **kwargs))


def texts(element: etree._Element, path: str) -> list[str]:
    return [item.text for item in element.findall(path)]


def child_element(root: etree._Element, child_id: str) -> etree._Element:
    found = [
        c
        for c in root.findall("Children/Child")
        if c.findtext("ChildIdentifiers/LAchildID") == child_id
    ]
    assert len(found) == 1, f"{child_id} is in the census {len(found)} times"
    return found[0]


def protection_journey(child_id: str) -> list[dict]:
    """A year of child protection work: assessment, CIN plan, S47, plan, reviews, closure."""
    c = child_id
    return [
        child(c, upn="L931000000011", disabilities=["AUT", "LD"]),
        {
            "type": "referral",
            "child": c,
            "date": "2025-05-01",
            "source": "2A",
            "primary_need": "N1",
        },
        {"type": "assessment_start", "child": c, "date": "2025-05-02"},
        {
            "type": "assessment_authorised",
            "child": c,
            "date": "2025-05-20",
            "factors": ["4B", "3B"],
        },
        {"type": "cin_plan_start", "child": c, "date": "2025-05-21"},
        {"type": "strategy_discussion", "child": c, "date": "2025-06-02", "outcome": "s47"},
        {"type": "s47_start", "child": c, "date": "2025-06-02"},
        {"type": "icpc", "child": c, "date": "2025-06-16", "plan": True, "category": "NEG"},
        {
            "type": "cp_review",
            "child": c,
            "date": "2025-09-16",
            "continue_plan": True,
            "category": "PHY",
        },
        {"type": "cp_review", "child": c, "date": "2026-01-13", "continue_plan": False},
        {"type": "cin_plan_start", "child": c, "date": "2026-01-13"},
        {"type": "case_closure", "child": c, "date": "2026-03-20", "reason": "RC7"},
    ]


def test_header_names_the_collection_year_and_the_authority():
    load(AUTHORITY, *protection_journey("C1"))
    root = census()
    assert root.tag == "Message"
    assert texts(root, "Header/CollectionDetails/*") == ["CIN", "2026", "2026-03-31"]
    assert root.findtext("Header/Source/LEA") == "931"
    assert root.findtext("Header/Source/SourceLevel") == "L"


def test_a_year_of_child_protection_work_in_the_order_of_the_specification():
    load(AUTHORITY, *protection_journey("C1"))
    element = child_element(census(), "C1")
    assert [item.tag for item in element] == [
        "ChildIdentifiers",
        "ChildCharacteristics",
        "CINdetails",
    ]
    identifiers = element.find("ChildIdentifiers")
    assert [(i.tag, i.text) for i in identifiers] == [
        ("LAchildID", "C1"),
        ("UPN", "L931000000011"),
        ("PersonBirthDate", "2015-03-04"),
        ("Sex", "F"),
    ]
    assert texts(element, "ChildCharacteristics/Ethnicity") == ["WBRI"]
    # In the order of the DfE code list (LD before AUT).
    assert texts(element, "ChildCharacteristics/Disabilities/Disability") == ["LD", "AUT"]
    details = element.find("CINdetails")
    assert [item.tag for item in details] == [
        "CINreferralDate",
        "ReferralSource",
        "PrimaryNeedCode",
        "CINclosureDate",
        "ReasonForClosure",
        "Assessments",
        "CINPlanDates",
        "CINPlanDates",
        "Section47",
        "ReferralNFA",
        "ChildProtectionPlans",
    ]
    assert texts(details, "CINreferralDate") == ["2025-05-01"]
    assert texts(details, "ReferralSource") == ["2A"]
    assert texts(details, "PrimaryNeedCode") == ["N1"]
    assert texts(details, "CINclosureDate") == ["2026-03-20"]
    assert texts(details, "ReasonForClosure") == ["RC7"]
    assert texts(details, "ReferralNFA") == ["false"]
    assessment = details.find("Assessments")
    assert [(i.tag, i.text) for i in assessment if len(i) == 0] == [
        ("AssessmentActualStartDate", "2025-05-02"),
        ("AssessmentAuthorisationDate", "2025-05-20"),
    ]
    # The factors in the order of the DfE list, whatever order they were chosen in.
    assert texts(assessment, "FactorsIdentifiedAtAssessment/AssessmentFactors") == ["3B", "4B"]
    # The child in need plan ended when the conference made the child protection plan, and a
    # new one started the day that plan ended at review; the closure ended it.
    plans = [[(i.tag, i.text) for i in plan] for plan in details.findall("CINPlanDates")]
    assert plans == [
        [("CINPlanStartDate", "2025-05-21"), ("CINPlanEndDate", "2025-06-16")],
        [("CINPlanStartDate", "2026-01-13"), ("CINPlanEndDate", "2026-03-20")],
    ]
    section_47 = details.find("Section47")
    assert [(i.tag, i.text) for i in section_47] == [
        ("S47ActualStartDate", "2025-06-02"),
        # 15 working days after Monday 2 June 2025.
        ("InitialCPCtarget", "2025-06-23"),
        ("DateOfInitialCPC", "2025-06-16"),
        ("ICPCnotRequired", "false"),
    ]
    # The conference answered the enquiry, so there is no episode-level date (rule 2884).
    assert details.find("DateOfInitialCPC") is None
    plan = details.find("ChildProtectionPlans")
    assert [(i.tag, i.text) for i in plan if len(i) == 0] == [
        ("CPPstartDate", "2025-06-16"),
        ("CPPendDate", "2026-01-13"),
        ("InitialCategoryOfAbuse", "NEG"),
        ("LatestCategoryOfAbuse", "PHY"),
        ("NumberOfPreviousCPP", "0"),
    ]
    assert texts(plan, "Reviews/CPPreviewDate") == ["2025-09-16", "2026-01-13"]


def test_nfa_referral_and_section_47_needing_no_conference():
    load(
        AUTHORITY,
        child("C2"),
        {"type": "referral", "child": "C2", "date": "2025-04-10", "source": "6", "nfa": True},
        {"type": "case_closure", "child": "C2", "date": "2025-04-11", "reason": "RC8"},
        {
            "type": "referral",
            "child": "C2",
            "date": "2025-07-01",
            "source": "1A",
            "primary_need": "N4",
        },
        {"type": "s47_start", "child": "C2", "date": "2025-07-01"},
        {"type": "s47_end", "child": "C2", "date": "2025-07-09", "icpc_required": False},
    )
    element = child_element(census(), "C2")
    nfa, second = element.findall("CINdetails")
    assert [(i.tag, i.text) for i in nfa] == [
        ("CINreferralDate", "2025-04-10"),
        ("ReferralSource", "6"),
        ("CINclosureDate", "2025-04-11"),
        ("ReasonForClosure", "RC8"),
        ("ReferralNFA", "true"),
    ]
    assert texts(second, "ReferralNFA") == ["false"]
    assert second.find("CINclosureDate") is None
    assert texts(second, "Section47/ICPCnotRequired") == ["true"]
    assert second.find("Section47/DateOfInitialCPC") is None
    # No disability recorded: NONE.
    assert texts(element, "ChildCharacteristics/Disabilities/Disability") == ["NONE"]


def test_unborn_child_has_expected_birth_date_and_sex_u():
    load(
        AUTHORITY,
        {**child("C3", sex="M"), "dob": None, "expected_dob": "2026-06-01"},
        {
            "type": "referral",
            "child": "C3",
            "date": "2026-01-05",
            "source": "3B",
            "primary_need": "N1",
        },
    )
    identifiers = child_element(census(), "C3").find("ChildIdentifiers")
    assert [(i.tag, i.text) for i in identifiers] == [
        ("LAchildID", "C3"),
        ("ExpectedPersonBirthDate", "2026-06-01"),
        ("Sex", "U"),
    ]


def test_born_after_the_reference_date_is_unborn_in_the_census():
    load(
        AUTHORITY,
        {**child("C3", sex="M"), "dob": None, "expected_dob": "2026-04-20"},
        {
            "type": "referral",
            "child": "C3",
            "date": "2026-01-05",
            "source": "3B",
            "primary_need": "N1",
        },
        {"type": "birth", "child": "C3", "date": "2026-04-18"},
    )
    identifiers = child_element(census(), "C3").find("ChildIdentifiers")
    assert texts(identifiers, "ExpectedPersonBirthDate") == ["2026-04-18"]
    assert identifiers.find("PersonBirthDate") is None
    assert texts(identifiers, "Sex") == ["U"]


def test_episodes_closed_before_the_year_are_left_out():
    load(
        AUTHORITY,
        child("C4"),
        {
            "type": "referral",
            "child": "C4",
            "date": "2024-05-01",
            "source": "2A",
            "primary_need": "N4",
        },
        {"type": "case_closure", "child": "C4", "date": "2025-03-31", "reason": "RC7"},
        child("C5"),
        {
            "type": "referral",
            "child": "C5",
            "date": "2024-05-01",
            "source": "2A",
            "primary_need": "N4",
        },
        {"type": "case_closure", "child": "C5", "date": "2024-06-01", "reason": "RC7"},
        {
            "type": "referral",
            "child": "C5",
            "date": "2025-04-01",
            "source": "4",
            "primary_need": "N5",
        },
    )
    root = census()
    assert texts(root, "Children/Child/ChildIdentifiers/LAchildID") == ["C5"]
    assert texts(child_element(root, "C5"), "CINdetails/CINreferralDate") == ["2025-04-01"]


def test_what_happened_after_the_reference_date_is_left_out():
    load(
        AUTHORITY,
        child("C6"),
        {
            "type": "referral",
            "child": "C6",
            "date": "2026-02-02",
            "source": "2A",
            "primary_need": "N1",
        },
        {"type": "assessment_start", "child": "C6", "date": "2026-02-03"},
        {"type": "assessment_authorised", "child": "C6", "date": "2026-04-14", "factors": ["21"]},
        {"type": "case_closure", "child": "C6", "date": "2026-05-01", "reason": "RC8"},
        child("C7"),
        {
            "type": "referral",
            "child": "C7",
            "date": "2026-04-02",
            "source": "2A",
            "primary_need": "N1",
        },
        {"type": "death", "child": "C6", "date": "2026-06-01"},
    )
    root = census()
    assert texts(root, "Children/Child/ChildIdentifiers/LAchildID") == ["C6"]
    element = child_element(root, "C6")
    details = element.find("CINdetails")
    assert details.find("CINclosureDate") is None
    assert details.find("ReasonForClosure") is None
    assert [i.tag for i in details.find("Assessments")] == ["AssessmentActualStartDate"]
    assert element.find("ChildIdentifiers/PersonDeathDate") is None


def test_child_ids_limit_the_census_to_those_children():
    load(AUTHORITY, *protection_journey("C1"), *protection_journey("C8"))
    c8 = Child.objects.get(la_child_id="C8")
    root = census(child_ids=[c8.pk])
    assert texts(root, "Children/Child/ChildIdentifiers/LAchildID") == ["C8"]


def _queries(size: int) -> int:
    events = [AUTHORITY]
    for number in range(size):
        events += protection_journey(f"Q{number}")
    load(*events)
    with CaptureQueriesContext(connection) as queries:
        root = census()
    assert len(root.findall("Children/Child")) == size
    Child.objects.all().delete()
    return len(queries)


def test_queries_do_not_grow_with_the_number_of_children():
    assert _queries(2) == _queries(7)
