"""The SSDA903 validation rules of the lac2025_26 ruleset, one class per rule, named by its
code (docs/reference/ssda903.md §4), grouped as the reference groups them:

- ``episodes``: episodes' validity and sequencing; ``continuity``: the same against last year's
  open episode;
- ``placements``: legal status, placement, provider, durations, reason for placement change;
- ``postcodes``: the postcode and URN rules that need no reference list;
- ``header``: Header, UASC and identity; ``cross_table``: EPI and the INT rules;
- ``reviews``, ``oc2``, ``oc3``, ``adoption`` (AD1), ``placed_adoption``, ``prev_perm``,
  ``missing`` and ``sw_episodes``.

Rules marked ``needs_previous`` compare with last year's return and run only when it is given.
All rules are errors: the DfE does not label 903 rules as queries, and the reference describes
only rule 454 (not implemented, below) as a query.

The collection year, when not given, is the one whose 31 March is on or after the latest date
of the Episodes table (DECOM or DEC); see ``base.infer_year``.

Rules of lac2025_26 not implemented, and why:

- Need Ofsted's provider lists (children's homes and social care providers), which the
  validator loads as lookups: 219, 221, 224, 227, 228, 229, 241, 1008.
- Need the fields the validator derives from postcodes (placement LA, IN/OUT location,
  distance), which need the ONS postcode directory: 164, 169, 179, 243, 392a, 392c, 406, 411,
  420, 452, 453, 454, 503G, 503H, 503J, 1015. (218 is implemented, assuming every placement
  is in England, since telling a Welsh or Scottish placement apart needs the postcode.)
- Only reachable in the XML form of the return, where Header carries a UASC flag: 105, 205C,
  303. In the CSV form the flag is "is in the UASC table", so these cannot fail.
- Need more care history than one year's data plus last year's return, or the reference's
  wording does not settle which way the rule runs: 1001 (relevant / former relevant status
  depends on 13 weeks of care since age 14), 1016 (ceased care after the 17th birthday),
  584 (changed decision date after a reversal), SW11bSTG2 ("just before 31 March").
"""

import inspect
from types import ModuleType

from kinfolk.core.rules import RuleKind, rules
from kinfolk.returns.framework import CollectionYear, Failure, run_rules
from kinfolk.returns.ssda903.rules import (
    adoption,
    continuity,
    cross_table,
    episodes,
    header,
    missing,
    oc2,
    oc3,
    placed_adoption,
    placements,
    postcodes,
    prev_perm,
    reviews,
    sw_episodes,
)
from kinfolk.returns.ssda903.rules.base import Return903, Rule903, Tables, infer_year

MODULES: tuple[ModuleType, ...] = (
    episodes,
    continuity,
    placements,
    postcodes,
    header,
    cross_table,
    reviews,
    oc2,
    oc3,
    adoption,
    placed_adoption,
    prev_perm,
    missing,
    sw_episodes,
)


def _rules_of(module: ModuleType) -> list[type[Rule903]]:
    return [
        cls
        for name, cls in vars(module).items()
        if inspect.isclass(cls)
        and issubclass(cls, Rule903)
        and cls.__module__ == module.__name__
        and name.startswith("Rule")
        and cls.code
    ]


for _rule in (cls for module in MODULES for cls in _rules_of(module)):
    rules.register(_rule.info())

#: Every implemented rule, in the reference's order of groups, as the rule registry holds them.
RULES: tuple[type[Rule903], ...] = tuple(rules.implementations(RuleKind.SSDA903))


def validate_ssda903(
    tables: Tables,
    *,
    year: CollectionYear | None = None,
    previous: Tables | None = None,
) -> list[Failure]:
    """Every failure of the return's rules, each naming the child (CHILD) and the column.
    Without ``year``, the year is inferred from the episodes; without ``previous`` (last year's
    return), the continuity rules are skipped."""
    data = Return903(tables, year or infer_year(tables), previous)
    rules = [cls() for cls in RULES if data.has_previous or not cls.needs_previous]
    return run_rules(rules, data)


__all__ = ["RULES", "Return903", "Rule903", "validate_ssda903"]
