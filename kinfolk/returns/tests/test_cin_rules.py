"""One test per CIN census rule (cin2025_26), named by its code: a change to the valid
baseline child that makes the rule fail, for that child and that XML element, and a nearby
change under which it passes."""

from dataclasses import dataclass

import pytest

from kinfolk.returns.cin.rules import RULES, validate_cin_census
from kinfolk.returns.tests.cin_xml import (
    OTHER_UPN,
    UPN,
    Change,
    add,
    add_episode,
    assessment,
    build,
    child,
    cin_plan,
    combine,
    episode,
    header,
    nfa_episode,
    only_nfa,
    open_episode,
    protection_plan,
    remove,
    second_child,
    section47,
)

#: The baseline episode left open at the reference date (no closure date or reason).
OPEN = episode(CINclosureDate=None, ReasonForClosure=None)
UNAUTHORISED = assessment(AssessmentAuthorisationDate=None, AssessmentFactors=[])
UNCONCLUDED = section47(DateOfInitialCPC=None, ICPCnotRequired="false")
NO_PLANS_AFTER_ASSESSMENT = combine(
    remove("Section47"), remove("ChildProtectionPlans"), remove("CINPlanDates")
)


def a_plan(start: str, end: str | None) -> dict[str, str | None]:
    return {"CINPlanStartDate": start, "CINPlanEndDate": end}


def an_assessment(start: str, authorised: str | None, factors: list[str]) -> dict:
    return {
        "AssessmentActualStartDate": start,
        "AssessmentInternalReviewDate": None,
        "AssessmentAuthorisationDate": authorised,
        "AssessmentFactors": factors,
    }


def an_enquiry(start: str, conference: str | None, not_required: str = "false") -> dict:
    return {
        "S47ActualStartDate": start,
        "InitialCPCtarget": None,
        "DateOfInitialCPC": conference,
        "ICPCnotRequired": not_required,
    }


def a_protection_plan(start: str, end: str | None) -> dict:
    return {
        "CPPstartDate": start,
        "CPPendDate": end,
        "InitialCategoryOfAbuse": "EMO",
        "LatestCategoryOfAbuse": "EMO",
        "NumberOfPreviousCPP": "1",
        "Reviews": None,
    }


@dataclass(frozen=True)
class Case:
    """A rule's failing and passing change. ``children`` are the children it fails for ("" for
    a rule over the whole return); ``also`` are the other rules that the same mistake breaks,
    because they check the same thing from another side."""

    code: str
    fail: Change
    passing: Change
    field: str
    children: tuple[str, ...] = ("C1",)
    also: frozenset[str] = frozenset()


def case(code: str, fail: Change, passing: Change, field: str, *, children=("C1",), also=()):
    return pytest.param(Case(code, fail, passing, field, tuple(children), frozenset(also)), id=code)


CASES = [
    # Header
    case("100", header(ReferenceDate=None), header(ReferenceDate="2026-03-31"), "ReferenceDate",
         children=[""]),
    # Child identifiers
    case("1510", child(UPN="A201000123456"), child(UPN="H20100012345A"), "UPN"),
    case("1520", second_child(UPN=UPN), second_child(), "UPN", children=["C1", "C2"]),
    case("1530", child(UPN="X999000123456"), child(UPN="Z420000123456"), "UPN"),
    case("1540", child(UPN="T2010001234A6"), child(UPN="G201000123457"), "UPN"),
    case("1550", child(UPN="T20100012345I"), child(UPN="H20100012345A"), "UPN"),
    case("1560Q", child(FormerUPN="X12"), child(FormerUPN=OTHER_UPN), "FormerUPN"),
    case("1570", child(LAchildID="C" + "1" * 20), child(LAchildID="C" + "1" * 19), "LAchildID",
         children=["C" + "1" * 20]),
    case("1580", child(LAchildID="C-1"), child(LAchildID="C1A"), "LAchildID", children=["C-1"]),
    case("2886Q", child(Sex="U"), child(Sex="M"), "Sex", children=[""]),
    case("4180", child(Sex="X"), child(Sex="M"), "Sex"),
    case("8500", child(LAchildID=None), child(LAchildID="C9"), "LAchildID", children=[""]),
    case("8510", second_child(LAchildID="C1", Disabilities=None, CINdetails=[nfa_episode()]),
         second_child(Disabilities=None, CINdetails=[nfa_episode()]), "LAchildID"),
    case("8520", child(PersonBirthDate="2026-04-01"), child(PersonBirthDate="2026-03-31"),
         "PersonBirthDate", also=["8606"]),  # and the referral is then long before the birth
    case("8525Q", child(PersonBirthDate=None),
         child(PersonBirthDate=None, ExpectedPersonBirthDate="2026-05-01", Sex="U"),
         "PersonBirthDate"),
    case("8530Q", child(PersonBirthDate=None, ExpectedPersonBirthDate="2026-02-01", Sex="U"),
         child(PersonBirthDate=None, ExpectedPersonBirthDate="2026-03-15", Sex="U"),
         "ExpectedPersonBirthDate"),
    case("8535Q", child(PersonDeathDate="2026-03-01", PersonBirthDate="2026-03-15"),
         child(PersonDeathDate="2026-03-01"), "PersonDeathDate",
         also=["8606"]),  # born after the referral by more than 280 days' grace
    case("8545Q", child(PersonDeathDate="2026-04-05"), child(PersonDeathDate="2026-03-01"),
         "PersonDeathDate"),
    case("8750", child(PersonBirthDate=None, ExpectedPersonBirthDate="2026-03-15", Sex="F"),
         child(PersonBirthDate=None, ExpectedPersonBirthDate="2026-03-15", Sex="U"), "Sex",
         also=["8606"]),  # the May 2025 referral is more than 280 days before the birth
    case("8770Q", child(UPN=None), child(UPN=None, UPNunknown="UN2"), "UPNunknown"),
    case("8772", child(UPN=None, UPNunknown="UN7"),
         combine(only_nfa(), child(UPN=None, UPNunknown="UN7")), "UPNunknown"),
    case("8775Q", child(PersonBirthDate="2000-06-01"), child(PersonBirthDate="2001-04-01"),
         "PersonBirthDate"),
    # Child characteristics
    case("2887Q", child(Disabilities=["MOB", "HAND"]),
         child(Disabilities=["BEH", "CON", "AUT", "DDA", "MOB", "HAND", "PC", "INC"]),
         "Disability", children=[""]),
    case("2888Q", child(Disabilities=["MOB"]), child(Disabilities=["MOB", "HAND"]), "Disability",
         children=[""], also=["2887Q"]),  # one child with one code also uses fewer than 8
    case("4220", child(Ethnicity="XXXX"), child(Ethnicity="BAFR"), "Ethnicity"),
    case("8540", combine(second_child(), child(Disabilities=None)),
         combine(second_child(), child(Disabilities=["NONE"])), "Disability"),
    case("8790", combine(second_child(), child(Disabilities=["NONE", "MOB"])),
         combine(second_child(), child(Disabilities=["NONE"])), "Disability"),
    case("8794", child(Disabilities=["MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS",
                                     "MOB"]),
         child(Disabilities=["MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH"]),
         "Disability"),
    # CIN episodes
    case("2990", episode(ReasonForClosure="RC8"),
         combine(episode(ReasonForClosure="RC8"), NO_PLANS_AFTER_ASSESSMENT), "ReasonForClosure"),
    case("8555Q", combine(child(PersonDeathDate="2026-03-01"),
                          add_episode(nfa_episode("2026-03-10"))),
         combine(child(PersonDeathDate="2026-03-10"), add_episode(nfa_episode("2026-03-10"))),
         "CINreferralDate"),
    case("8565", episode(CINclosureDate="2026-01-30"), episode(CINclosureDate="2026-02-10"),
         "CINclosureDate"),
    case("8568", episode(ReferralNFA="yes"), episode(ReferralNFA="0"), "ReferralNFA"),
    case("8569Q", add_episode(nfa_episode("2025-03-28", closure="2025-04-01")),
         add_episode(nfa_episode("2025-03-31", closure="2025-04-01")), "ReferralNFA"),
    case("8585Q", episode(ReasonForClosure="RC2"),
         combine(episode(ReasonForClosure="RC2"), child(PersonDeathDate="2026-02-02")),
         "PersonDeathDate"),
    case("8590", child(CINdetails=[]), only_nfa(), "CINdetails"),
    case("8600", episode(CINreferralDate=None), episode(CINreferralDate="2025-04-02"),
         "CINreferralDate"),
    case("8606", child(PersonBirthDate="2026-03-01"), child(PersonBirthDate="2026-01-15"),
         "CINreferralDate"),
    case("8610", episode(PrimaryNeedCode=None), episode(PrimaryNeedCode="N4"), "PrimaryNeedCode"),
    case("8620", episode(CINclosureDate="2026-04-02"), episode(CINclosureDate="2026-03-31"),
         "CINclosureDate"),
    case("8630", add_episode(nfa_episode("2025-04-10", closure="2025-04-09")),
         add_episode(nfa_episode("2025-04-10")), "CINclosureDate"),
    case("8640", episode(ReasonForClosure="RC0"), episode(ReasonForClosure="RC3"),
         "ReasonForClosure"),
    case("8650", episode(PrimaryNeedCode="N10"), episode(PrimaryNeedCode="N0"),
         "PrimaryNeedCode"),
    case("8805", episode(ReasonForClosure=None), episode(ReasonForClosure="RC6"),
         "ReasonForClosure"),
    case("8810", episode(CINclosureDate=None), OPEN, "CINclosureDate"),
    case("8815", combine(OPEN, add_episode(open_episode("2026-03-02"))),
         add_episode(open_episode("2026-03-02")), "CINclosureDate",
         also=["8816", "8820"]),  # the earlier open episode is not the latest, and overlaps
    case("8816", combine(OPEN, add_episode(nfa_episode("2026-03-02"))),
         add_episode(open_episode("2026-03-02")), "CINclosureDate", also=["8820"]),
    case("8820", add_episode(nfa_episode("2026-01-15")), add_episode(nfa_episode("2026-02-02")),
         "CINreferralDate"),
    case("8825Q", combine(episode(ReasonForClosure="RC8"), NO_PLANS_AFTER_ASSESSMENT,
                          remove("Assessments")),
         combine(episode(ReasonForClosure="RC8"), NO_PLANS_AFTER_ASSESSMENT), "ReasonForClosure"),
    case("8831", combine(only_nfa(), episode(DateOfInitialCPC="2025-04-10")), only_nfa(),
         "ReferralNFA"),
    case("8866", episode(ReferralSource="11"), episode(ReferralSource="5D"), "ReferralSource"),
    # Assessments
    case("1103", assessment(AssessmentActualStartDate="2025-04-30"),
         assessment(AssessmentActualStartDate="2025-05-01"), "AssessmentActualStartDate"),
    case("2991Q", remove("Assessments"), assessment(AssessmentActualStartDate="2025-05-05"),
         "AssessmentActualStartDate"),
    case("8608", assessment(AssessmentAuthorisationDate="2025-05-01"),
         assessment(AssessmentAuthorisationDate="2025-05-02"), "AssessmentAuthorisationDate"),
    case("8614", combine(OPEN, assessment(AssessmentAuthorisationDate=None)),
         combine(OPEN, UNAUTHORISED), "AssessmentFactors",
         also=["8670Q"]),  # the unauthorised assessment has been open since May
    case("8670Q", combine(OPEN, UNAUTHORISED),
         combine(OPEN, UNAUTHORISED, assessment(AssessmentActualStartDate="2026-03-02")),
         "AssessmentActualStartDate"),
    case("8696", combine(OPEN, assessment(AssessmentAuthorisationDate="2026-04-01")),
         combine(OPEN, assessment(AssessmentAuthorisationDate="2026-03-31")),
         "AssessmentAuthorisationDate"),
    case("8736", combine(OPEN, UNAUTHORISED, episode(CINreferralDate="2025-03-15"),
                         assessment(AssessmentActualStartDate="2025-03-20")),
         combine(OPEN, UNAUTHORISED, assessment(AssessmentActualStartDate="2026-03-02")),
         "AssessmentActualStartDate", also=["8670Q"]),  # open for a year: also overdue
    case("8863Q", add("Assessments", an_assessment("2025-05-20", "2025-06-20", ["16A"])),
         add("Assessments", an_assessment("2025-06-16", "2025-06-20", ["16A"])),
         "AssessmentActualStartDate"),
    case("8867", UNAUTHORISED, combine(OPEN, UNAUTHORISED), "AssessmentAuthorisationDate",
         also=["8670Q"]),
    case("8869", assessment(AssessmentFactors=["21", "16A"]),
         assessment(AssessmentFactors=["16A"]), "AssessmentFactors",
         also=["8873Q"]),  # 21 on the only assessment expects closure after assessment
    case("8873Q", assessment(AssessmentFactors=["21"]),
         combine(assessment(AssessmentFactors=["21"]), episode(ReasonForClosure="RC8")),
         "ReasonForClosure"),
    case("8896", combine(OPEN, remove("Assessments"),
                         add("Assessments", an_assessment("2026-03-02", None, [])),
                         add("Assessments", an_assessment("2026-03-03", None, []))),
         combine(OPEN, remove("Assessments"),
                 add("Assessments", an_assessment("2026-03-02", None, []))),
         "AssessmentAuthorisationDate",
         also=["8863Q"]),  # the second starts while the first is in progress
    case("8897Q", assessment(AssessmentFactors=[]), assessment(AssessmentFactors=["20"]),
         "AssessmentFactors"),
    case("8898", assessment(AssessmentFactors=["16A", "16A"]),
         assessment(AssessmentFactors=["16A", "17A"]), "AssessmentFactors"),
    case("8945Q", assessment(AssessmentFactors=["18A", "16A"]),
         assessment(AssessmentFactors=["18B", "16A"]), "AssessmentFactors"),
    case("8950Q", assessment(AssessmentFactors=["19A", "16A"]),
         assessment(AssessmentFactors=["19C", "16A"]), "AssessmentFactors"),
    # CIN plans
    case("4000", combine(only_nfa(), add("CINPlanDates", a_plan("2025-04-10", None))),
         only_nfa(), "CINPlanStartDate"),
    case("4001", combine(cin_plan(CINPlanEndDate=None), protection_plan(CPPendDate=None)),
         cin_plan(CINPlanEndDate=None), "CINPlanEndDate",
         also=["4016"]),  # the child in need plan then starts during the open protection plan
    case("4003", protection_plan(Reviews=["2025-12-01"]),
         protection_plan(Reviews=["2025-11-03"]), "CPPreviewDate"),
    case("4004", combine(cin_plan(CINPlanEndDate=None),
                         add("CINPlanDates", a_plan("2026-01-05", None))),
         cin_plan(CINPlanEndDate=None), "CINPlanEndDate",
         also=["4014"]),  # two open plans overlap
    case("4008", child(PersonDeathDate="2025-11-01"), child(PersonDeathDate="2026-02-02"),
         "CINPlanStartDate", also=["4009Q", "8920"]),  # the plans also end after the death
    case("4009Q", child(PersonDeathDate="2026-01-15"), child(PersonDeathDate="2026-02-02"),
         "CINPlanEndDate"),
    case("4010", cin_plan(CINPlanStartDate=None), cin_plan(CINPlanStartDate="2025-11-04"),
         "CINPlanStartDate"),
    case("4011", cin_plan(CINPlanEndDate="2025-11-01"), cin_plan(CINPlanEndDate="2025-11-04"),
         "CINPlanEndDate"),
    case("4012Q", cin_plan(CINPlanEndDate="2025-11-03"), cin_plan(CINPlanEndDate="2025-11-04"),
         "CINPlanEndDate"),
    case("4013", combine(OPEN, cin_plan(CINPlanEndDate="2026-04-01")),
         combine(OPEN, cin_plan(CINPlanEndDate="2026-03-31")), "CINPlanEndDate"),
    case("4014", add("CINPlanDates", a_plan("2025-12-01", "2026-01-15")),
         add("CINPlanDates", a_plan("2026-02-02", "2026-02-02")), "CINPlanStartDate"),
    case("4015", add_episode(open_episode("2026-03-02",
                                          CINPlanDates=[a_plan("2026-03-01", None)])),
         add_episode(open_episode("2026-03-02", CINPlanDates=[a_plan("2026-03-02", None)])),
         "CINPlanStartDate"),
    case("4016", add("CINPlanDates", a_plan("2025-06-02", "2025-06-30")),
         add("CINPlanDates", a_plan("2025-11-03", "2025-11-03")), "CINPlanStartDate"),
    case("4017", add("CINPlanDates", a_plan("2025-05-20", "2025-05-28")),
         add("CINPlanDates", a_plan("2025-05-20", "2025-05-27")), "CPPstartDate"),
    # Section 47 enquiries and initial conferences
    case("1104", section47(DateOfInitialCPC="2025-04-30"),
         section47(DateOfInitialCPC="2025-05-27"), "DateOfInitialCPC",
         also=["8615", "2885"]),  # the enquiry now starts after it, the plan not at it
    case("2884", episode(DateOfInitialCPC="2025-05-27"),
         combine(episode(DateOfInitialCPC="2025-05-27"), remove("Section47")),
         "DateOfInitialCPC"),
    case("2889", section47(S47ActualStartDate="2025-04-30"),
         section47(S47ActualStartDate="2025-05-01"), "S47ActualStartDate"),
    case("8615", section47(S47ActualStartDate="2025-05-28"),
         section47(S47ActualStartDate="2025-05-27"), "S47ActualStartDate"),
    case("8675Q", combine(OPEN, UNCONCLUDED, remove("ChildProtectionPlans")),
         combine(OPEN, UNCONCLUDED, remove("ChildProtectionPlans"),
                 section47(S47ActualStartDate="2026-03-20")), "S47ActualStartDate"),
    case("8715", combine(OPEN, section47(DateOfInitialCPC="2026-04-01")),
         combine(OPEN, section47(DateOfInitialCPC="2025-05-27")), "DateOfInitialCPC",
         children=["C1"], also=["2885", "2883"]),  # the plan is then not at a conference
    case("8740", combine(OPEN, UNCONCLUDED, remove("ChildProtectionPlans"),
                         episode(CINreferralDate="2025-03-15"),
                         section47(S47ActualStartDate="2025-03-20")),
         combine(OPEN, UNCONCLUDED, remove("ChildProtectionPlans")), "S47ActualStartDate",
         also=["8675Q"]),  # a year without a conference is also overdue
    case("8839", combine(OPEN, remove("ChildProtectionPlans"), remove("Section47"),
                         add("Section47", an_enquiry("2026-03-20", None)),
                         add("Section47", an_enquiry("2026-03-23", None))),
         combine(OPEN, remove("ChildProtectionPlans"), remove("Section47"),
                 add("Section47", an_enquiry("2026-03-20", None))), "S47ActualStartDate",
         also=["8890"]),  # the second also starts while the first runs
    case("8868", combine(UNCONCLUDED, remove("ChildProtectionPlans")),
         combine(section47(DateOfInitialCPC=None, ICPCnotRequired="true"),
                 remove("ChildProtectionPlans")), "ICPCnotRequired",
         also=["8675Q"]),
    case("8870Q", section47(InitialCPCtarget="2025-05-24"),
         section47(InitialCPCtarget="2025-05-27"), "InitialCPCtarget"),
    case("8875", combine(section47(DateOfInitialCPC="2025-05-24"),
                         protection_plan(CPPstartDate="2025-05-24")),
         combine(section47(DateOfInitialCPC="2025-05-23"),
                 protection_plan(CPPstartDate="2025-05-23")), "DateOfInitialCPC"),
    case("8890", add("Section47", an_enquiry("2025-05-20", None, not_required="true")),
         add("Section47", an_enquiry("2025-05-28", None, not_required="true")),
         "S47ActualStartDate"),
    # Child protection plans
    case("1105", protection_plan(CPPstartDate="2025-04-30"),
         protection_plan(CPPstartDate="2025-05-27"), "CPPstartDate",
         also=["2885"]),  # a plan before the referral cannot start at its conference
    case("2883", add_episode(open_episode(
        "2026-03-02", ChildProtectionPlans=[a_protection_plan("2026-03-09", None)])),
         add_episode(open_episode(
             "2026-03-02", ChildProtectionPlans=[a_protection_plan("2026-03-09", None)],
             DateOfInitialCPC="2026-03-09")), "CPPstartDate", children=[""],
         also=["2885"]),  # the extra plan has no conference of its own
    case("2885", protection_plan(CPPstartDate="2025-05-28"),
         protection_plan(CPPstartDate="2025-05-27"), "CPPstartDate"),
    case("8720", protection_plan(CPPstartDate=None), protection_plan(CPPstartDate="2025-05-27"),
         "CPPstartDate"),
    case("8730", protection_plan(NumberOfPreviousCPP=None),
         protection_plan(NumberOfPreviousCPP="3"), "NumberOfPreviousCPP"),
    case("8832", combine(only_nfa(), add("ChildProtectionPlans",
                                         a_protection_plan("2025-04-10", None))),
         only_nfa(), "CPPstartDate", also=["2883", "2885"]),  # no conference either
    case("8840", protection_plan(CPPendDate="2025-05-27"), protection_plan(CPPendDate="2025-05-28"),
         "CPPendDate"),
    case("8841", protection_plan(Reviews=["2025-05-27"]), protection_plan(Reviews=["2025-05-28"]),
         "CPPreviewDate"),
    case("8842Q", protection_plan(Reviews=[]), protection_plan(Reviews=None), "CPPreviewDate"),
    case("8905", protection_plan(InitialCategoryOfAbuse="XXX"),
         protection_plan(InitialCategoryOfAbuse="MUL"), "InitialCategoryOfAbuse"),
    case("8910", protection_plan(LatestCategoryOfAbuse=None),
         protection_plan(LatestCategoryOfAbuse="PHY"), "LatestCategoryOfAbuse"),
    case("8915", child(PersonDeathDate="2025-05-20"), child(PersonDeathDate="2026-02-02"),
         "CPPstartDate", also=["4008", "4009Q", "8920"]),  # everything after is after death
    case("8920", child(PersonDeathDate="2025-10-01"), child(PersonDeathDate="2025-11-03"),
         "CPPendDate", also=["4008", "4009Q"]),
    case("8925", protection_plan(CPPendDate="2025-05-20"), protection_plan(CPPendDate="2025-06-01"),
         "CPPendDate"),
    case("8930", combine(OPEN, remove("CINPlanDates"), protection_plan(CPPendDate="2026-04-01")),
         combine(OPEN, remove("CINPlanDates"), protection_plan(CPPendDate="2026-03-31")),
         "CPPendDate"),
    case("8935", combine(OPEN, remove("CINPlanDates"), protection_plan(CPPendDate=None),
                         add("ChildProtectionPlans", a_protection_plan("2026-03-02", None))),
         combine(OPEN, remove("CINPlanDates"), protection_plan(CPPendDate=None)),
         "CPPendDate", also=["8940", "2883", "2885"]),
    case("8940", add("ChildProtectionPlans", a_protection_plan("2025-08-01", "2025-09-01")),
         add("ChildProtectionPlans", a_protection_plan("2025-11-03", None)), "CPPstartDate",
         also=["2883", "2885"]),
]  # fmt: skip


def _failures(xml: bytes) -> dict[str, set[tuple[str, str]]]:
    by_rule: dict[str, set[tuple[str, str]]] = {}
    for failure in validate_cin_census(xml):
        by_rule.setdefault(failure.rule, set()).add((failure.child, failure.field))
    return by_rule


@pytest.mark.parametrize("rule_case", CASES)
def test_rule_fails_and_passes(rule_case: Case) -> None:
    failing = _failures(build(rule_case.fail))
    assert failing.get(rule_case.code) == {(child, rule_case.field) for child in rule_case.children}
    assert set(failing) == {rule_case.code} | rule_case.also

    passing = _failures(build(rule_case.passing))
    assert rule_case.code not in passing


def test_every_rule_has_a_case() -> None:
    codes = [param.values[0].code for param in CASES]
    assert sorted(codes) == sorted(rule.code for rule in RULES)
    assert len(codes) == len(set(codes)) == 109


def test_the_baseline_passes_every_rule() -> None:
    assert validate_cin_census(build()) == []


def test_rules_are_named_by_their_code() -> None:
    for rule in RULES:
        assert type(rule).__name__ == f"Rule{rule.code}"
        assert rule.message
        assert type(rule).__doc__
        assert rule.is_error is not rule.code.endswith("Q")


def test_malformed_xml_names_the_line() -> None:
    xml = b'<?xml version="1.0"?>\n<Message>\n<Header>\n</Message>\n'
    with pytest.raises(ValueError, match="line 4"):
        validate_cin_census(xml)


def test_a_failure_names_the_rule_child_field_and_message() -> None:
    [failure] = validate_cin_census(build(child(Ethnicity="XXXX")))
    assert failure.rule == "4220"
    assert failure.child == "C1"
    assert failure.field == "Ethnicity"
    assert failure.message == "Ethnicity is missing or is not a valid code"
    assert failure.is_error is True
