"""What the SSDA903 rules share: the date helpers, the collection year read from the data when
none is given, and the continuity rules running only with last year's return."""

import datetime as dt

import pytest

from kinfolk.returns.framework import CollectionYear
from kinfolk.returns.ssda903.rules import RULES, validate_ssda903
from kinfolk.returns.ssda903.rules.base import infer_year
from kinfolk.returns.ssda903.rules.dates import age_on, birthday, is_bad_date, parse_date
from kinfolk.returns.tests.ssda903_tables import baseline, previous, row


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("29/02/2024", dt.date(2024, 2, 29)),
        ("29/02/2025", None),
        ("31/04/2025", None),
        ("2025-04-01", None),
        ("1/4/2025", None),
        ("", None),
    ],
)
def test_parse_date_reads_only_real_dd_mm_yyyy_dates(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


def test_a_blank_date_is_not_a_bad_date() -> None:
    assert is_bad_date("") is False
    assert is_bad_date("31/02/2025") is True


def test_ages_and_birthdays() -> None:
    leap_baby = dt.date(2008, 2, 29)
    assert birthday(leap_baby, 18) == dt.date(2026, 3, 1)
    assert age_on(leap_baby, dt.date(2026, 2, 28)) == 17
    assert age_on(leap_baby, dt.date(2026, 3, 1)) == 18


@pytest.mark.parametrize(
    ("latest", "label"),
    [("31/03/2026", "2025-26"), ("01/04/2026", "2026-27"), ("15/12/2025", "2025-26")],
)
def test_the_year_is_the_one_whose_31_march_follows_the_latest_episode_date(
    latest: str, label: str
) -> None:
    tables = baseline()
    row(tables, "episodes", "C5")["DECOM"] = latest
    assert infer_year(tables).label == label


def test_without_a_year_the_rules_use_the_year_of_the_episodes() -> None:
    tables = baseline()
    row(tables, "episodes", "C5")["DECOM"] = "01/04/2026"  # into 2026-27
    failures = validate_ssda903(tables)
    assert ("354", "C5") not in {(f.rule, f.child) for f in failures}
    failures = validate_ssda903(tables, year=CollectionYear.parse("2025-26"))
    assert ("354", "C5", "DECOM") in {(f.rule, f.child, f.field) for f in failures}


def test_continuity_rules_run_only_with_last_years_return() -> None:
    tables, last_year = baseline(), previous()
    row(last_year, "header", "C1")["SEX"] = "M"
    year = CollectionYear.parse("2025-26")
    assert validate_ssda903(tables, year=year) == []
    failures = validate_ssda903(tables, year=year, previous=last_year)
    assert [(f.rule, f.child, f.field) for f in failures] == [("202", "C1", "SEX")]


def test_every_rule_is_named_by_its_code_and_speaks_plainly() -> None:
    for rule in RULES:
        compact = rule.code.removesuffix("STG1").removesuffix("STG2")
        assert rule.__name__ == f"Rule{compact}", rule.__name__
        assert rule.message.endswith((".", "?")), rule.code
        assert rule.__doc__, rule.code


def test_values_are_compared_in_capitals_as_the_dfe_validator_does() -> None:
    tables = baseline()
    row(tables, "header", "C2")["SEX"] = "m"
    row(tables, "episodes", "C5")["PLACE"] = "k2"
    assert validate_ssda903(tables, year=CollectionYear.parse("2025-26")) == []
