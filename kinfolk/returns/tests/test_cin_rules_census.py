"""Reading a CIN census file into the tables the rules check."""

import datetime as dt

import pytest

from kinfolk.returns.cin.rules import read_census, validate_cin_census
from kinfolk.returns.cin.rules.identifiers import upn_check_letter
from kinfolk.returns.tests.cin_xml import (
    add,
    add_episode,
    build,
    child,
    episode,
    header,
    nfa_episode,
    second_child,
)


def test_the_tables_of_the_baseline_child() -> None:
    census = read_census(build(add("Assessments", {
        "AssessmentActualStartDate": "2025-07-01",
        "AssessmentInternalReviewDate": None,
        "AssessmentAuthorisationDate": None,
        "AssessmentFactors": [],
    })))  # fmt: skip
    assert census.reference_date == dt.date(2026, 3, 31)
    assert census.period_start == dt.date(2025, 4, 1)
    [identifiers] = census.children
    assert identifiers.la_child_id == "C1"
    assert identifiers.birth_date == dt.date(2015, 6, 1)
    [details] = census.episodes
    assert details.key == ("C1", 1)
    assert details.is_nfa is False
    assert [(a.assessment_id, a.factors) for a in census.assessments] == [
        (1, ("16A", "3B")),
        (2, ()),
    ]
    [plan] = census.protection_plans
    assert plan.reviews == (dt.date(2025, 8, 19),)
    assert len(census.disabilities) == 8


def test_the_reference_date_falls_back_to_the_year() -> None:
    census = read_census(build(header(ReferenceDate=None, Year="2027")))
    assert census.reference_date == dt.date(2027, 3, 31)
    assert census.period_start == dt.date(2026, 4, 1)


@pytest.mark.parametrize("value", ["true", "TRUE", "1"])
def test_every_spelling_of_yes_marks_a_referral_with_no_further_action(value: str) -> None:
    census = read_census(build(add_episode(nfa_episode()), episode(1, ReferralNFA=value)))
    assert [e.is_nfa for e in census.episodes] == [False, True]


def test_episodes_of_two_children_with_one_id_stay_apart() -> None:
    census = read_census(build(second_child(LAchildID="C1")))
    assert [e.key for e in census.episodes] == [("C1", 1), ("C1", 2)]


def test_a_namespaced_file_is_read() -> None:
    xml = build(child(Ethnicity="XXXX")).replace(
        b"<Message>", b'<Message xmlns="http://www.dcsf.gov.uk/schemas/cbds">'
    )
    assert [(f.rule, f.child, f.field) for f in validate_cin_census(xml)] == [
        ("4220", "C1", "Ethnicity")
    ]


def test_an_unreadable_date_counts_as_missing() -> None:
    failures = validate_cin_census(build(episode(CINreferralDate="01/05/2025")))
    assert [(f.rule, f.field) for f in failures] == [("8600", "CINreferralDate")]


@pytest.mark.parametrize(
    ("upn", "letter"),
    [("T201000123456", "T"), ("E201000654321", "E"), ("H20100012345A", "H"), ("X2010", None)],
)
def test_upn_check_letter(upn: str, letter: str | None) -> None:
    assert upn_check_letter(upn) == letter
