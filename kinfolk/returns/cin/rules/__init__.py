"""The CIN census validation rules of the ``cin2025_26`` ruleset, one class per rule, grouped
as the DfE groups them (docs/reference/cin-census.md section 7)."""

import inspect
from types import ModuleType

from kinfolk.core.rules import RuleKind, rules
from kinfolk.returns.cin.rules import (
    assessments,
    characteristics,
    episodes,
    header,
    identifiers,
    plans,
    protection_plans,
    section47,
)
from kinfolk.returns.cin.rules.base import CensusRule
from kinfolk.returns.cin.rules.census import Census, read_census
from kinfolk.returns.framework import Failure, run_rules

_MODULES: tuple[ModuleType, ...] = (
    header,
    identifiers,
    characteristics,
    episodes,
    assessments,
    plans,
    section47,
    protection_plans,
)


def _rules() -> tuple[CensusRule, ...]:
    classes = [
        value
        for module in _MODULES
        for name, value in vars(module).items()
        if name.startswith("Rule") and inspect.isclass(value) and issubclass(value, CensusRule)
    ]
    return tuple(rule() for rule in sorted(classes, key=lambda rule: rule.code))


for _rule in _rules():
    rules.register(_rule.info(implementation=_rule))

#: Every rule of the 2025-26 CIN census, one instance each, as the rule registry holds them.
RULES: tuple[CensusRule, ...] = tuple(rules.implementations(RuleKind.CIN_CENSUS))


def validate_cin_census(xml: bytes) -> list[Failure]:
    """Every failure of every rule on a CIN census file (``child`` is the LAchildID, ``field``
    the XML element to fix). Malformed XML raises ValueError naming the line."""
    return run_rules(RULES, read_census(xml))


__all__ = ["RULES", "Census", "read_census", "validate_cin_census"]
