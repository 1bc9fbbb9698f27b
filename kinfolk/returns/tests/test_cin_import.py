"""Importing a CIN census: through the services, all or nothing, with precise errors."""

import pytest

from kinfolk.access.models import AccessRecord
from kinfolk.casework.models import Assessment, ChildInNeedEpisode, Plan
from kinfolk.people.models import Child
from kinfolk.protection.models import Conference, Section47Enquiry
from kinfolk.returns.cin.builder import build_cin_census
from kinfolk.returns.cin.importer import import_cin_census
from kinfolk.returns.framework import CollectionYear
from kinfolk.returns.tests.test_cin_builder import AUTHORITY, child, load, protection_journey
from kinfolk.returns.tests.test_cin_round_trip import normalised

pytestmark = pytest.mark.django_db

YEAR = CollectionYear.parse("2025-26")

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<Message>
  <Header>
    <CollectionDetails>
      <Collection>CIN</Collection>
      <Year>2026</Year>
      <ReferenceDate>2026-03-31</ReferenceDate>
    </CollectionDetails>
    <Source><SourceLevel>L</SourceLevel><LEA>931</LEA></Source>
  </Header>
  <Children>
"""
FOOTER = """  </Children>
</Message>
"""


def child_xml(child_id: str, details: str, *, identifiers: str = "") -> str:
    return f"""    <Child>
      <ChildIdentifiers>
        <LAchildID>{child_id}</LAchildID>
        {identifiers or "<PersonBirthDate>2016-02-03</PersonBirthDate><Sex>M</Sex>"}
      </ChildIdentifiers>
      <ChildCharacteristics>
        <Ethnicity>BAFR</Ethnicity>
        <Disabilities><Disability>NONE</Disability></Disabilities>
      </ChildCharacteristics>
{details}
    </Child>
"""


def census(*children: str) -> bytes:
    return (HEADER + "".join(children) + FOOTER).encode()


def line_of(xml: bytes, text: str, after: int = 0) -> int:
    lines = xml.decode().splitlines()
    return next(i for i, line in enumerate(lines, start=1) if i > after and text in line)


PROTECTION = """      <CINdetails>
        <CINreferralDate>2025-05-01</CINreferralDate>
        <ReferralSource>2A</ReferralSource>
        <PrimaryNeedCode>N1</PrimaryNeedCode>
        <CINclosureDate>2026-03-20</CINclosureDate>
        <ReasonForClosure>RC7</ReasonForClosure>
        <Assessments>
          <AssessmentActualStartDate>2025-05-02</AssessmentActualStartDate>
          <AssessmentAuthorisationDate>2025-05-20</AssessmentAuthorisationDate>
          <FactorsIdentifiedAtAssessment><AssessmentFactors>3B</AssessmentFactors></FactorsIdentifiedAtAssessment>
        </Assessments>
        <CINPlanDates><CINPlanStartDate>2025-05-21</CINPlanStartDate><CINPlanEndDate>2025-06-16</CINPlanEndDate></CINPlanDates>
        <Section47>
          <S47ActualStartDate>2025-06-02</S47ActualStartDate>
          <InitialCPCtarget>2025-06-23</InitialCPCtarget>
          <DateOfInitialCPC>2025-06-16</DateOfInitialCPC>
          <ICPCnotRequired>0</ICPCnotRequired>
        </Section47>
        <ReferralNFA>0</ReferralNFA>
        <ChildProtectionPlans>
          <CPPstartDate>2025-06-16</CPPstartDate>
          <CPPendDate>2026-01-13</CPPendDate>
          <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
          <LatestCategoryOfAbuse>PHY</LatestCategoryOfAbuse>
          <NumberOfPreviousCPP>0</NumberOfPreviousCPP>
          <Reviews><CPPreviewDate>2025-09-16</CPPreviewDate><CPPreviewDate>2026-01-13</CPPreviewDate></Reviews>
        </ChildProtectionPlans>
      </CINdetails>"""


def test_a_census_from_another_system_loads_through_the_services():
    result = import_cin_census(census(child_xml("X1", PROTECTION)))
    assert result.errors == []
    assert result.counts == {
        "children": 1,
        "CIN episodes": 1,
        "assessments": 1,
        "child in need plans": 1,
        "section 47 enquiries": 1,
        "child protection plans": 1,
    }
    child = Child.objects.get(la_child_id="X1")
    assert (child.first_name, child.last_name, child.sex, child.ethnicity) == (
        "Child",
        "X1",
        "M",
        "BAFR",
    )
    assert list(child.disabilities.values_list("code", flat=True)) == ["NONE"]
    episode = ChildInNeedEpisode.objects.get(child=child)
    assert (str(episode.referral_on), episode.referral_source, episode.primary_need) == (
        "2025-05-01",
        "2A",
        "N1",
    )
    assert (str(episode.closed_on), episode.closure_reason, episode.is_nfa) == (
        "2026-03-20",
        "RC7",
        False,
    )
    assessment = Assessment.objects.get(child=child)
    assert (str(assessment.authorised_on), assessment.factors) == ("2025-05-20", ["3B"])
    plan = Plan.objects.get(child=child, kind="cp")
    assert (str(plan.start_on), str(plan.end_on)) == ("2025-06-16", "2026-01-13")
    assert (plan.initial_category, plan.latest_category) == ("NEG", "PHY")
    assert Plan.objects.get(child=child, kind="cin").end_on.isoformat() == "2025-06-16"
    enquiry = Section47Enquiry.objects.get(child=child)
    assert enquiry.conferences.get().held_on.isoformat() == "2025-06-16"
    reviews = Conference.objects.filter(child=child, kind="review").order_by("held_on")
    assert [(str(r.held_on), r.is_plan_needed) for r in reviews] == [
        ("2025-09-16", True),
        ("2026-01-13", False),
    ]


def test_malformed_xml_gives_the_parse_error_with_its_line():
    result = import_cin_census(b"<Message>\n<Children>\n<Child>\n</Children>\n</Message>\n")
    assert len(result.errors) == 1
    assert result.errors[0].startswith("line 4: the file is not well-formed XML (")
    assert result.counts == {}


def test_errors_name_the_line_the_child_and_the_element():
    bad = PROTECTION.replace(
        "<ReferralSource>2A</ReferralSource>", "<ReferralSource>2Z</ReferralSource>"
    )
    bad = bad.replace("<AssessmentFactors>3B</AssessmentFactors>", "")
    xml = census(child_xml("X1", bad))
    result = import_cin_census(xml)
    assert result.errors == [
        f"line {line_of(xml, '<ReferralSource>')}: child X1, ReferralSource: '2Z' is not a code of the "
        "list (1A, 1B, 1C, 1D, 2A, 2B, 3A, 3B, 3C, 3D, 3E, 3F, 4, 5A, 5B, 5C, 5D, 6, 7, 8, 9, 10)",
        f"line {line_of(xml, '<Assessments>')}: child X1, FactorsIdentifiedAtAssessment: missing: "
        "an authorised assessment records the factors identified (21 when none)",
    ]
    assert not Child.objects.exists()


def test_a_refusal_by_the_services_is_reported_where_it_comes_from_and_nothing_is_kept():
    # The conference is on a Sunday: the service refuses it, and the whole file with it.
    sunday = PROTECTION.replace("2025-06-16", "2025-06-15")
    xml = census(child_xml("X2", PROTECTION), child_xml("X1", sunday))
    result = import_cin_census(xml)
    conference_line = line_of(xml, "<DateOfInitialCPC>", after=line_of(xml, "<LAchildID>X1"))
    assert result.errors[0] == (
        f"line {conference_line}: child X1, DateOfInitialCPC: 15 June 2025 is a "
        "Sunday: conferences are held on weekdays"
    )
    assert not Child.objects.exists()
    assert result.counts == {}


def test_a_plan_not_made_by_a_conference_is_refused():
    bad = PROTECTION.replace("<CPPstartDate>2025-06-16", "<CPPstartDate>2025-06-17")
    xml = census(child_xml("X1", bad))
    assert import_cin_census(xml).errors == [
        f"line {line_of(xml, '<CPPstartDate>')}: child X1, CPPstartDate: 2025-06-17 is "
        "not the DateOfInitialCPC of a Section47 record of this episode: a child protection plan "
        "starts at the initial conference that made it"
    ]


def test_an_episode_level_conference_is_refused_with_the_reason():
    details = """      <CINdetails>
        <CINreferralDate>2025-05-01</CINreferralDate>
        <ReferralSource>2A</ReferralSource>
        <PrimaryNeedCode>N1</PrimaryNeedCode>
        <DateOfInitialCPC>2025-06-16</DateOfInitialCPC>
        <ReferralNFA>false</ReferralNFA>
      </CINdetails>"""
    xml = census(child_xml("X1", details))
    (error,) = import_cin_census(xml).errors
    assert error.startswith(
        f"line {line_of(xml, '<DateOfInitialCPC>')}: child X1, DateOfInitialCPC: an initial conference "
        "at episode level, with no Section47 record"
    )


def test_missing_items_are_named():
    details = """      <CINdetails>
        <CINreferralDate>2025-05-01</CINreferralDate>
        <ReferralSource>2A</ReferralSource>
        <CINclosureDate>2025-06-01</CINclosureDate>
      </CINdetails>"""
    xml = census(child_xml("X1", details, identifiers="<Sex>M</Sex>"))
    assert import_cin_census(xml).errors == [
        f"line {line_of(xml, '<ChildIdentifiers>')}: child X1, PersonBirthDate: missing, and no "
        "ExpectedPersonBirthDate either",
        f"line {line_of(xml, '<CINdetails>')}: child X1, ReferralNFA: missing (true or false)",
        f"line {line_of(xml, '<CINdetails>')}: child X1, ReasonForClosure: missing: a closed "
        "episode needs its reason",
    ]


def test_a_child_already_recorded_is_refused():
    load(AUTHORITY, *protection_journey("X1"))
    xml = census(child_xml("X1", PROTECTION))
    assert import_cin_census(xml).errors == [
        f"line {line_of(xml, '<Child>')}: child X1, LAchildID: this child is already recorded, "
        "with different casework for 2025-26: an import adds new children only"
    ]


def test_the_same_import_repeated_is_recognised_and_changes_nothing():
    xml = census(child_xml("X1", PROTECTION))
    assert import_cin_census(xml).ok
    episodes = list(ChildInNeedEpisode.objects.values_list("pk", flat=True))
    again = import_cin_census(xml)
    assert again.errors == []
    assert again.counts == {"children already imported (left as they were)": 1}
    assert list(ChildInNeedEpisode.objects.values_list("pk", flat=True)) == episodes


def test_older_files_with_gender_current_load():
    xml = census(
        child_xml(
            "X1",
            PROTECTION,
            identifiers="<PersonBirthDate>2016-02-03</PersonBirthDate><GenderCurrent>2</GenderCurrent>",
        )
    )
    assert import_cin_census(xml).ok
    assert Child.objects.get(la_child_id="X1").sex == "F"


def test_the_header_year_is_needed():
    xml = (
        census(child_xml("X1", PROTECTION))
        .replace(b"<Year>2026</Year>", b"")
        .replace(b"<ReferenceDate>2026-03-31</ReferenceDate>", b"")
    )
    assert import_cin_census(xml).errors == [
        "line 3: Header: no ReferenceDate or Year, so the collection year is not known"
    ]


def test_a_built_census_imports():
    load(AUTHORITY, *protection_journey("C1"))
    xml = build_cin_census(YEAR)
    Child.objects.all().delete()
    result = import_cin_census(xml)
    assert result.errors == []
    assert result.counts["children"] == 1


def test_a_child_referred_before_birth_is_recorded_unborn_then_born():
    details = """      <CINdetails>
        <CINreferralDate>2025-04-07</CINreferralDate>
        <ReferralSource>3B</ReferralSource>
        <PrimaryNeedCode>N1</PrimaryNeedCode>
        <ReferralNFA>false</ReferralNFA>
      </CINdetails>"""
    identifiers = (
        "<PersonBirthDate>2025-06-01</PersonBirthDate><Sex>F</Sex>"
        "<PersonDeathDate>2025-09-01</PersonDeathDate>"
    )
    result = import_cin_census(census(child_xml("X1", details, identifiers=identifiers)))
    assert result.errors == []
    child = Child.objects.get(la_child_id="X1")
    assert (str(child.date_of_birth), child.sex, str(child.date_of_death)) == (
        "2025-06-01",
        "F",
        "2025-09-01",
    )
    assert child.cin_episodes.get().referral_on.isoformat() == "2025-04-07"


def test_casework_begun_before_the_year_comes_back_the_same():
    # A plan made in March 2025 (its enquiry and conference are not in the 2025-26 census) and
    # an enquiry begun in March that needed no conference, concluded in April.
    load(
        AUTHORITY,
        child("B1"),
        {
            "type": "referral",
            "child": "B1",
            "date": "2025-02-03",
            "source": "6",
            "primary_need": "N1",
        },
        {"type": "s47_start", "child": "B1", "date": "2025-03-03"},
        {"type": "icpc", "child": "B1", "date": "2025-03-17", "plan": True, "category": "NEG"},
        {"type": "cp_review", "child": "B1", "date": "2025-06-16", "continue_plan": True},
        child("B2"),
        {
            "type": "referral",
            "child": "B2",
            "date": "2025-03-20",
            "source": "6",
            "primary_need": "N1",
        },
        {"type": "s47_start", "child": "B2", "date": "2025-03-25"},
        {"type": "s47_end", "child": "B2", "date": "2025-04-03", "icpc_required": False},
    )
    first = build_cin_census(YEAR)
    assert b"<CPPstartDate>2025-03-17</CPPstartDate>" in first
    assert b"<S47ActualStartDate>2025-03-03</S47ActualStartDate>" not in first
    assert b"<S47ActualStartDate>2025-03-25</S47ActualStartDate>" in first
    Child.objects.all().delete()

    assert import_cin_census(first).errors == []

    assert normalised(build_cin_census(YEAR)) == normalised(first)


def test_each_child_loaded_is_written_to_the_access_log_once():
    xml = census(child_xml("X1", PROTECTION), child_xml("X2", PROTECTION))
    assert import_cin_census(xml).ok
    assert list(
        AccessRecord.objects.order_by("pk").values_list(
            "child__la_child_id", "action", "what", "source", "user"
        )
    ) == [
        (
            "X1",
            "change",
            "Loaded from a CIN census file",
            "kinfolk returns import cin-census",
            None,
        ),
        (
            "X2",
            "change",
            "Loaded from a CIN census file",
            "kinfolk returns import cin-census",
            None,
        ),
    ]
