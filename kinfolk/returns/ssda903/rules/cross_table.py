"""The cross-table rules of the Header group: every child in another table is in the Header,
once, with the same date of birth and sex, and every child in the Header has episodes or care
leaver data (docs/reference/ssda903.md §4, "Header, UASC and identity": EPI, INT01 to INT36)."""

from collections import Counter
from collections.abc import Iterator

from kinfolk.returns.framework import Failure
from kinfolk.returns.ssda903.rules.base import (
    Return903,
    Rule903,
)


class RuleEPI(Rule903):
    """Every child in the Header has episodes in the year or care leaver (OC3) data."""

    code = "EPI"
    message = "The child is in the Header but has neither episodes nor care leaver data."

    def check(self, data: Return903) -> Iterator[Failure]:
        leavers = {row.get("CHILD", "") for row in data.rows("oc3")}
        for child in data.header:
            if child not in data.episodes and child not in leavers:
                yield self.fail(child, "CHILD")


class _NotInHeader(Rule903):
    table = ""

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows(self.table):
            if row.get("CHILD", "") not in data.header:
                yield self.fail(row.get("CHILD", ""), "CHILD")


class RuleINT01(_NotInHeader):
    """A child in AD1 must be in the Header."""

    code, table = "INT01", "ad1"
    message = "The child has adoption (AD1) data but is not in the Header."


class RuleINT02(_NotInHeader):
    """A child in PlacedAdoption must be in the Header."""

    code, table = "INT02", "placed_adoption"
    message = "The child has a decision to be placed for adoption but is not in the Header."


class RuleINT03(_NotInHeader):
    """A child with episodes must be in the Header."""

    code, table = "INT03", "episodes"
    message = "The child has episodes but is not in the Header."


class RuleINT04(_NotInHeader):
    """A child with missing periods must be in the Header."""

    code, table = "INT04", "missing"
    message = "The child has missing periods but is not in the Header."


class RuleINT05(_NotInHeader):
    """A child in OC2 must be in the Header."""

    code, table = "INT05", "oc2"
    message = "The child has OC2 data but is not in the Header."


class RuleINT06(_NotInHeader):
    """A child in OC3 must be in the Header."""

    code, table = "INT06", "oc3"
    message = "The care leaver has OC3 data but is not in the Header."


class RuleINT07(_NotInHeader):
    """A child in PrevPerm must be in the Header."""

    code, table = "INT07", "prev_perm"
    message = "The child has previous permanence data but is not in the Header."


class RuleINT08(_NotInHeader):
    """A child with reviews must be in the Header."""

    code, table = "INT08", "reviews"
    message = "The child has reviews but is not in the Header."


class RuleINT09(_NotInHeader):
    """A child in UASC must be in the Header."""

    code, table = "INT09", "uasc"
    message = "The child has UASC data but is not in the Header."


class _DifferentFromHeader(Rule903):
    table = ""
    column = "DOB"

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows(self.table):
            header = data.header.get(row.get("CHILD", ""))
            if header is not None and row.get(self.column, "") != header.get(self.column, ""):
                yield self.fail(row.get("CHILD", ""), self.column)


class RuleINT11(_DifferentFromHeader):
    """AD1's date of birth must match the Header."""

    code, table = "INT11", "ad1"
    message = "Date of birth in AD1 differs from the Header."


class RuleINT12(_DifferentFromHeader):
    """PlacedAdoption's date of birth must match the Header."""

    code, table = "INT12", "placed_adoption"
    message = "Date of birth in PlacedAdoption differs from the Header."


class RuleINT13(_DifferentFromHeader):
    """Missing's date of birth must match the Header."""

    code, table = "INT13", "missing"
    message = "Date of birth in Missing differs from the Header."


class RuleINT14(_DifferentFromHeader):
    """OC2's date of birth must match the Header."""

    code, table = "INT14", "oc2"
    message = "Date of birth in OC2 differs from the Header."


class RuleINT15(_DifferentFromHeader):
    """OC3's date of birth must match the Header."""

    code, table = "INT15", "oc3"
    message = "Date of birth in OC3 differs from the Header."


class RuleINT16(_DifferentFromHeader):
    """PrevPerm's date of birth must match the Header."""

    code, table = "INT16", "prev_perm"
    message = "Date of birth in PrevPerm differs from the Header."


class RuleINT17(_DifferentFromHeader):
    """Reviews' date of birth must match the Header."""

    code, table = "INT17", "reviews"
    message = "Date of birth in Reviews differs from the Header."


class RuleINT18(_DifferentFromHeader):
    """UASC's date of birth must match the Header."""

    code, table = "INT18", "uasc"
    message = "Date of birth in UASC differs from the Header."


class RuleINT21(_DifferentFromHeader):
    """UASC's sex must match the Header."""

    code, table, column = "INT21", "uasc", "SEX"
    message = "Sex in UASC differs from the Header."


class _Duplicated(Rule903):
    table = ""

    def check(self, data: Return903) -> Iterator[Failure]:
        counts = Counter(row.get("CHILD", "") for row in data.rows(self.table))
        for child, count in counts.items():
            if count > 1:
                yield self.fail(child, "CHILD")


class RuleINT31(_Duplicated):
    """One AD1 row per child."""

    code, table = "INT31", "ad1"
    message = "The child appears more than once in AD1."


class RuleINT32(_Duplicated):
    """One Header row per child."""

    code, table = "INT32", "header"
    message = "The child appears more than once in the Header."


class RuleINT33(_Duplicated):
    """One OC2 row per child."""

    code, table = "INT33", "oc2"
    message = "The child appears more than once in OC2."


class RuleINT34(_Duplicated):
    """One OC3 row per care leaver."""

    code, table = "INT34", "oc3"
    message = "The care leaver appears more than once in OC3."


class RuleINT35(_Duplicated):
    """One PrevPerm row per child."""

    code, table = "INT35", "prev_perm"
    message = "The child appears more than once in PrevPerm."


class RuleINT36(_Duplicated):
    """One UASC row per child."""

    code, table = "INT36", "uasc"
    message = "The child appears more than once in UASC."
