"""One registry of every rule Kinfolk checks, whatever checks it (docs/rules.md).

Two kinds of rule watch the casework: the duty rules (``kinfolk.duties.rules``), each a
statutory or local timescale that turns records into duties with a due date, and the DfE
validation rules of the returns (``kinfolk.returns.cin.rules``, ``kinfolk.returns.ssda903.rules``),
each failing for the records that would make the return wrong. Both are declared the same
way: a code, a title, the source that states the rule, a severity, where a worker puts it right
and one message. That declaration is a ``RuleInfo``; the registry holds one for every rule,
with the code that checks it, and is what the duties engine, the validators, the data quality
page and the catalogue (``kinfolk rules --catalogue``, writing docs/rules.md) read.

The registry lives in ``core`` because the rules it lists belong to apps in different layers
(the duties engine below the returns), and the catalogue reads them all.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ImproperlyConfigured


class RuleKind:
    """What a rule belongs to. The returns' kinds are the codes of ``returns.ReturnKind``."""

    DUTY = "duty"
    CIN_CENSUS = "cin-census"
    SSDA903 = "ssda903"

    #: In the order the catalogue lists them.
    ALL = (DUTY, CIN_CENSUS, SSDA903)
    LABELS = {DUTY: "Duty", CIN_CENSUS: "CIN census", SSDA903: "SSDA903"}


class Severity:
    """How much a rule matters when it is not met."""

    #: A statutory timescale: the duty is overdue once its due date has passed.
    STATUTORY = "statutory"
    #: A timescale the authority sets itself (``is_local``), with a value from settings.
    LOCAL = "local"
    #: A return with this failure is rejected until it is fixed.
    ERROR = "error"
    #: A failure the DfE asks to be checked and explained, not necessarily fixed.
    QUERY = "query"


@dataclass(frozen=True)
class RuleInfo:
    """The declaration of one rule: what the catalogue prints, and what each reader needs."""

    kind: str
    code: str
    #: What the rule asks for, in a worker's words.
    title: str
    #: The law, guidance or specification that states the rule.
    source: str
    severity: str
    #: Where a worker puts it right: the page, or the record a failure names.
    fixed_on: str
    #: The one message a failure (or a duty) carries.
    message: str
    #: For a return rule: its result for a child depends on other children's records (the
    #: same UPN twice), so a recheck of some children must look at the others too.
    compares_children: bool = False
    #: The code that checks the rule (a duty rule, a validation rule or its class).
    implementation: Any = field(default=None, compare=False, repr=False)

    @property
    def kind_label(self) -> str:
        return RuleKind.LABELS.get(self.kind, self.kind)


class RuleRegistry:
    """Every declared rule, by kind and code, in the order declared.

    Declaring the same rule twice is harmless (a module imported again in a test); declaring a
    different rule under a code its kind already has is refused, so that two rules cannot
    quietly share a code.
    """

    def __init__(self) -> None:
        self._rules: dict[tuple[str, str], RuleInfo] = {}

    def register(self, info: RuleInfo) -> RuleInfo:
        """Declare ``info``; returns the declaration now in the registry."""
        if not info.code:
            raise ImproperlyConfigured(f"A {info.kind} rule needs a code: {info!r}")
        key = (info.kind, info.code)
        existing = self._rules.get(key)
        if existing is not None and existing != info:
            raise ImproperlyConfigured(
                f"The {info.kind} rule {info.code!r} is declared twice: {existing!r} and {info!r}."
            )
        self._rules[key] = info
        return info

    def get(self, kind: str, code: str) -> RuleInfo | None:
        return self._rules.get((kind, code))

    def __getitem__(self, key: tuple[str, str]) -> RuleInfo:
        try:
            return self._rules[key]
        except KeyError:
            raise LookupError(f"No {key[0]} rule {key[1]!r} is declared.") from None

    def of_kind(self, kind: str) -> list[RuleInfo]:
        """The rules of one kind, in the order they were declared."""
        return [info for (rule_kind, _code), info in self._rules.items() if rule_kind == kind]

    def implementations(self, kind: str) -> list[Any]:
        """The code that checks each rule of ``kind``, in the order declared."""
        return [info.implementation for info in self.of_kind(kind)]

    def __iter__(self) -> Iterator[RuleInfo]:
        """Every rule, kind by kind (``RuleKind.ALL``), each kind in the order declared."""
        order = {kind: index for index, kind in enumerate(RuleKind.ALL)}
        keyed = sorted(
            enumerate(self._rules.values()),
            key=lambda item: (order.get(item[1].kind, len(order)), item[0]),
        )
        return iter([info for _index, info in keyed])

    def __len__(self) -> int:
        return len(self._rules)


#: The one registry of rules.
rules = RuleRegistry()


def first_sentence(text: str | None) -> str:
    """The first sentence of a docstring, on one line: a rule's title when it states none."""
    words = " ".join((text or "").split())
    end = words.find(". ")
    return words if end < 0 else words[: end + 1]


def _cell(text: str) -> str:
    """Text as one cell of a Markdown table."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _fixed_on(info: RuleInfo) -> str:
    """Where a rule is put right. A duty is done on the page its app declares for its rule
    (``kinfolk.core.registry.duty_pages``); a return rule says it itself."""
    if info.kind == RuleKind.DUTY:
        from kinfolk.core.registry import duty_pages

        page = duty_pages.get(info.code)
        if page is not None:
            return f"{page.label} (`{page.url_name}`)"
    return info.fixed_on


CATALOGUE_HEADER = """\
# The rules Kinfolk checks

Every rule Kinfolk checks, as the rule registry (`kinfolk.core.rules`) declares it: the duty
rules, each a statutory or local timescale turned into duties with a due date (docs/duties.md),
and the DfE validation rules of the CIN census and the SSDA903 return (docs/reference/). For
each: its code, title, kind, severity, the source that states it, where a worker puts it right
and its message.

This page is generated by `kinfolk rules --catalogue` and must not be edited by hand: a test
(`kinfolk/core/tests/test_rules_catalogue.py`) fails when it differs from the registry.
"""


def catalogue(registry: RuleRegistry | None = None) -> str:
    """The catalogue of every rule in ``registry`` (the one registry unless given), as the
    Markdown of docs/rules.md."""
    registry = rules if registry is None else registry
    lines = [CATALOGUE_HEADER]
    counts = ", ".join(
        f"{len(registry.of_kind(kind))} {RuleKind.LABELS[kind]}" for kind in RuleKind.ALL
    )
    lines.append(f"{len(registry)} rules: {counts}.\n")
    for kind in RuleKind.ALL:
        kind_rules = registry.of_kind(kind)
        if not kind_rules:
            continue
        lines.append(f"## {RuleKind.LABELS[kind]} ({len(kind_rules)})\n")
        lines.append("| code | title | kind | severity | source | where it is fixed | message |")
        lines.append("|---|---|---|---|---|---|---|")
        for info in kind_rules:
            cells = (
                f"`{info.code}`",
                info.title,
                info.kind_label,
                info.severity,
                info.source,
                _fixed_on(info),
                info.message,
            )
            lines.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
        lines.append("")
    return "\n".join(lines)
