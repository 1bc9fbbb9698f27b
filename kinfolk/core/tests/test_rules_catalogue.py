"""The rule registry: every rule declared once, the way each kind's readers need it, and the
catalogue docs/rules.md kept up to date with it."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command

from kinfolk.core.rules import RuleInfo, RuleKind, RuleRegistry, Severity, catalogue, rules
from kinfolk.duties.rules import RULES as DUTY_RULES
from kinfolk.returns.cin.rules import RULES as CIN_RULES
from kinfolk.returns.data_quality import cross_child_rules
from kinfolk.returns.ssda903.rules import RULES as SSDA903_RULES

CATALOGUE = Path(settings.BASE_DIR) / "docs" / "rules.md"


def test_docs_rules_md_is_up_to_date_with_the_registry() -> None:
    assert CATALOGUE.read_text(encoding="utf-8") == catalogue(), (
        "docs/rules.md is stale: run kinfolk rules --catalogue"
    )


def test_the_command_checks_and_writes_the_catalogue(tmp_path: Path) -> None:
    out = io.StringIO()
    call_command("rules", "--catalogue", "--check", stdout=out)
    assert "up to date" in out.getvalue()
    written = tmp_path / "rules.md"
    call_command("rules", "--catalogue", "--out", str(written), stdout=io.StringIO())
    assert written.read_text(encoding="utf-8") == catalogue()
    written.write_text("# stale\n", encoding="utf-8")
    with pytest.raises(CommandError, match="out of date"):
        call_command("rules", "--catalogue", "--check", "--out", str(written))


def test_the_validators_and_the_duties_engine_run_the_registered_rules() -> None:
    assert list(DUTY_RULES) == rules.implementations(RuleKind.DUTY)
    assert list(CIN_RULES) == rules.implementations(RuleKind.CIN_CENSUS)
    assert list(SSDA903_RULES) == rules.implementations(RuleKind.SSDA903)
    assert len(rules) == len(DUTY_RULES) + len(CIN_RULES) + len(SSDA903_RULES)


def test_every_rule_is_declared_in_full() -> None:
    for info in rules:
        assert info.code and info.title and info.source and info.message, info
        assert info.fixed_on, info
        assert info.severity in (
            Severity.STATUTORY,
            Severity.LOCAL,
            Severity.ERROR,
            Severity.QUERY,
        )
    assert rules[RuleKind.DUTY, "screening-1wd"].severity == Severity.LOCAL
    assert rules[RuleKind.DUTY, "iha-20wd"].severity == Severity.STATUTORY
    assert rules[RuleKind.CIN_CENSUS, "8670Q"].severity == Severity.QUERY


def test_the_data_quality_store_reads_the_rules_that_compare_children() -> None:
    assert cross_child_rules() == {"1520", "8510", "444"}


def test_a_code_cannot_be_declared_twice_for_two_rules() -> None:
    registry = RuleRegistry()
    first = RuleInfo(RuleKind.DUTY, "x-1wd", "Do X", "Local", Severity.LOCAL, "Casework", "X")
    registry.register(first)
    registry.register(first)
    assert registry.of_kind(RuleKind.DUTY) == [first]
    with pytest.raises(ImproperlyConfigured, match="declared twice"):
        registry.register(
            RuleInfo(RuleKind.DUTY, "x-1wd", "Do Y", "Local", Severity.LOCAL, "Casework", "Y")
        )
    # The same code in another return is another rule.
    registry.register(RuleInfo(RuleKind.SSDA903, "x-1wd", "Y", "DfE", Severity.ERROR, "Care", "Y"))
    assert len(registry) == 2
