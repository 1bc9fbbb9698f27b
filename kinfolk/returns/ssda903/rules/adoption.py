"""AD1: the children adopted in the year, when the decisions were made, who adopted them, and
how that agrees with the child's episodes (docs/reference/ssda903.md §4, "Adoption (AD1,
PlacedAdoption)"). The helpers here also serve the PlacedAdoption rules."""

import datetime as dt
from collections.abc import Iterator

from kinfolk.core.codes import AdoptersLegalStatus, AdoptersSex
from kinfolk.returns.framework import Failure
from kinfolk.returns.ssda903.rules.base import (
    ADOPTED,
    ADOPTION_PLACEMENTS,
    FOSTER_PLACEMENTS,
    CodeRule,
    DateRule,
    Return903,
    Row,
    Rule903,
    codes,
)
from kinfolk.returns.ssda903.rules.dates import is_blank, parse_date

AD1_ITEMS = ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")
COUPLES = frozenset({"MM", "FF", "MF"})
SAME_GENDER = frozenset({"MM", "FF"})


def adoption_episode(data: Return903, child: str) -> Row | None:
    """The episode that ended with the child's adoption (E11, E12), if any."""
    for episode in data.episodes.get(child, []):
        if episode.get("REC") in ADOPTED:
            return episode
    return None


def placed_for_adoption_on(data: Return903, child: str) -> dt.date | None:
    """When the child was first placed for adoption (A3 to A6) in the return."""
    for episode in data.episodes.get(child, []):
        if episode.get("PLACE") in ADOPTION_PLACEMENTS:
            return parse_date(episode.get("DECOM"))
    return None


def placement_decisions(data: Return903, child: str) -> list[Row]:
    rows = [row for row in data.rows("placed_adoption") if row.get("CHILD") == child]
    return sorted(rows, key=lambda row: parse_date(row.get("DATE_PLACED")) or dt.date.max)


class Rule112(DateRule):
    """The date of the decision that adoption is in the child's interests is a real date."""

    code = "112"
    message = "Date of the decision that adoption is in the child's interests is not valid."
    table, column = "ad1", "DATE_INT"


class Rule113(DateRule):
    """The date matched with the adopters is a real date."""

    code = "113"
    message = "Date matched with the adopters is not a valid date."
    table, column = "ad1", "DATE_MATCH"


class Rule114(CodeRule):
    """Adopted by former foster carers is 1 or 0."""

    code = "114"
    message = "Adopted by former foster carers must be 1 or 0."
    table, column, codes = "ad1", "FOSTER_CARE", frozenset({"0", "1"})


class Rule151(Rule903):
    """The AD1 items are given all together."""

    code = "151"
    message = "The adoption (AD1) items are only partly completed."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("ad1"):
            if any(not is_blank(row.get(item)) for item in AD1_ITEMS):
                for item in AD1_ITEMS:
                    if is_blank(row.get(item)):
                        yield self.fail(row.get("CHILD", ""), item)


class Rule175(CodeRule):
    """The number of adopters is 1 or 2."""

    code = "175"
    message = "Number of adopters must be 1 or 2."
    table, column, codes = "ad1", "NB_ADOPTR", frozenset({"1", "2"})


class Rule176(CodeRule):
    """The adopters' sex is M1, F1, MM, FF or MF."""

    code = "176"
    message = "Sex of the adopters is not a valid code."
    table, column, codes = "ad1", "SEX_ADOPTR", codes(AdoptersSex)


class Rule177(CodeRule):
    """The adopters' legal status is L0, L11, L12, L2, L3 or L4."""

    code = "177"
    message = "Legal status of the adopters is not a valid code."
    table, column, codes = "ad1", "LS_ADOPTR", codes(AdoptersLegalStatus)


class Rule331(Rule903):
    """The child is matched with the adopters before being placed with them."""

    code = "331"
    message = "The matching date is after the child was placed for adoption."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("ad1"):
            matched = parse_date(row.get("DATE_MATCH"))
            placed = placed_for_adoption_on(data, row.get("CHILD", ""))
            if matched and placed and matched > placed:
                yield self.fail(row.get("CHILD", ""), "DATE_MATCH")


class Rule333(Rule903):
    """The decision that adoption is in the child's interests comes before the match."""

    code = "333"
    message = "The decision date is after the matching date."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("ad1"):
            decided, matched = parse_date(row.get("DATE_INT")), parse_date(row.get("DATE_MATCH"))
            if decided and matched and decided > matched:
                yield self.fail(row.get("CHILD", ""), "DATE_INT")


class Rule334(Rule903):
    """The decision that adoption is in the child's interests is made during the latest period
    of care."""

    code = "334"
    message = "The decision date is before the latest period of care started."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("ad1"):
            decided, started = (
                parse_date(row.get("DATE_INT")),
                data.known_care_start(row.get("CHILD", "")),
            )
            if decided and started and decided < started:
                yield self.fail(row.get("CHILD", ""), "DATE_INT")


class Rule335(Rule903):
    """Adopted by former foster carers (1) goes with a placement with current foster carers
    (A3, A5), and 0 with A4, A6."""

    code = "335"
    message = "Adopted by former foster carers does not match the final placement type."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("ad1"):
            episode = adoption_episode(data, row.get("CHILD", ""))
            if episode is None or is_blank(row.get("FOSTER_CARE")):
                continue
            expected = {"A3": "1", "A5": "1", "A4": "0", "A6": "0"}.get(episode.get("PLACE", ""))
            if expected and row.get("FOSTER_CARE") != expected:
                yield self.fail(row.get("CHILD", ""), "FOSTER_CARE")


class Rule336(Rule903):
    """A placement for adoption with the current foster carers (A3, A5) follows a foster
    placement."""

    code = "336"
    message = "Placed for adoption with current foster carers but not in a foster placement before."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, before, after in data.episode_pairs():
            if (
                after.get("PLACE") in ("A3", "A5")
                and after.get("RNE") != "S"
                and before.get("PLACE") not in FOSTER_PLACEMENTS | {"A3", "A5"}
            ):
                yield self.fail(child, "PLACE")


class _AdoptersSexRule(Rule903):
    """AD1 rows whose ``column`` is ``value`` need an adopters' sex in ``allowed``."""

    column = "LS_ADOPTR"
    value = ""
    allowed: frozenset[str] = frozenset()

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("ad1"):
            sex = row.get("SEX_ADOPTR", "")
            if row.get(self.column) == self.value and sex and sex not in self.allowed:
                yield self.fail(row.get("CHILD", ""), "SEX_ADOPTR")


class Rule511(_AdoptersSexRule):
    """Two adopters are a couple (MM, FF or MF)."""

    code = "511"
    message = "Two adopters, but the adopters' sex is not a couple's code."
    column, value, allowed = "NB_ADOPTR", "2", COUPLES


class Rule514(_AdoptersSexRule):
    """A single adopter (L0) is M1 or F1."""

    code = "514"
    message = "A single adopter, but the adopters' sex is a couple's code."
    value, allowed = "L0", frozenset({"M1", "F1"})


class Rule517(_AdoptersSexRule):
    """An unmarried couple of different gender (L3) is MF."""

    code = "517"
    message = "Adopters' legal status L3 needs adopters' sex MF."
    value, allowed = "L3", frozenset({"MF"})


class Rule518(_AdoptersSexRule):
    """An unmarried couple of the same gender (L4) is MM or FF."""

    code = "518"
    message = "Adopters' legal status L4 needs adopters' sex MM or FF."
    value, allowed = "L4", SAME_GENDER


class Rule519(_AdoptersSexRule):
    """Civil partners (L2) are a couple."""

    code = "519"
    message = "Adopters' legal status L2 (civil partners) needs a couple's sex code."
    value, allowed = "L2", COUPLES


class Rule520(_AdoptersSexRule):
    """A married couple of different gender (L11) is MF."""

    code = "520"
    message = "Adopters' legal status L11 needs adopters' sex MF."
    value, allowed = "L11", frozenset({"MF"})


class Rule524(_AdoptersSexRule):
    """A married couple of the same gender (L12) is MM or FF."""

    code = "524"
    message = "Adopters' legal status L12 needs adopters' sex MM or FF."
    value, allowed = "L12", SAME_GENDER


class Rule521(Rule903):
    """The decision that adoption is in the child's interests comes before the placement for
    adoption."""

    code = "521"
    message = "The decision date is after the child was placed for adoption."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("ad1"):
            decided = parse_date(row.get("DATE_INT"))
            placed = placed_for_adoption_on(data, row.get("CHILD", ""))
            if decided and placed and decided > placed:
                yield self.fail(row.get("CHILD", ""), "DATE_INT")


class Rule523(Rule903):
    """For an adopted child, the latest decision to place is the AD1 decision date."""

    code = "523"
    message = "The decision to place differs from the AD1 decision date."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("ad1"):
            decisions = placement_decisions(data, row.get("CHILD", ""))
            if (
                decisions
                and row.get("DATE_INT")
                and decisions[-1].get("DATE_PLACED") != row.get("DATE_INT")
            ):
                yield self.fail(row.get("CHILD", ""), "DATE_INT")


class Rule525(Rule903):
    """An adopted child's latest decision was not reversed."""

    code = "525"
    message = "The decision to place was reversed but the child has adoption (AD1) data."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("ad1"):
            decisions = placement_decisions(data, row.get("CHILD", ""))
            if decisions and not is_blank(decisions[-1].get("DATE_PLACED_CEASED")):
                yield self.fail(row.get("CHILD", ""), "CHILD")


class Rule582(Rule903):
    """The adoption and the match are not on the same day."""

    code = "582"
    message = "The date of adoption is the same as the matching date."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("ad1"):
            episode = adoption_episode(data, row.get("CHILD", ""))
            if episode and row.get("DATE_MATCH") and row.get("DATE_MATCH") == episode.get("DEC"):
                yield self.fail(row.get("CHILD", ""), "DATE_MATCH")


class Rule601(Rule903):
    """Every child adopted in the year has AD1 data."""

    code = "601"
    message = "The child was adopted in the year but there is no adoption (AD1) data."

    def check(self, data: Return903) -> Iterator[Failure]:
        recorded = {row.get("CHILD", "") for row in data.rows("ad1")}
        for child in data.episodes:
            episode = adoption_episode(data, child)
            adopted_on = parse_date(episode.get("DEC")) if episode else None
            if adopted_on and adopted_on >= data.year.start and child not in recorded:
                yield self.fail(child, "CHILD")


class Rule602(Rule903):
    """AD1 data only for children adopted in the year."""

    code = "602"
    message = "Adoption (AD1) data is given but the child was not adopted in the year."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("ad1"):
            episode = adoption_episode(data, row.get("CHILD", ""))
            adopted_on = parse_date(episode.get("DEC")) if episode else None
            if adopted_on is None or adopted_on < data.year.start:
                yield self.fail(row.get("CHILD", ""), "CHILD")
