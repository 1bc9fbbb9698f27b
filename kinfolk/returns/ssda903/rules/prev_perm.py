"""Previous permanence: for a child starting to be looked after, whether they had been adopted
or under a special guardianship or child arrangements order before (docs/reference/ssda903.md §4,
"Previous permanence")."""

import datetime as dt
import re
from collections.abc import Iterator

from kinfolk.core.codes import PreviousPermanence
from kinfolk.returns.framework import Failure
from kinfolk.returns.ssda903.rules.base import CodeRule, Return903, Rule903, codes
from kinfolk.returns.ssda903.rules.dates import is_blank, parse_date

#: DATE_PERM may hide an unknown day, month or year behind Zs.
_PARTIAL_DATE = re.compile(r"^(\d{2}|ZZ)/(\d{2}|ZZ)/(\d{4}|ZZZZ)$")
_LA_PERM = re.compile(r"^(\d{3}|NIR|NUK|SCO|WAL)$")


def _started_in_year(data: Return903, child: str, since: dt.date) -> bool:
    return any(
        episode.get("RNE") == "S" and (parse_date(episode.get("DECOM")) or dt.date.min) >= since
        for episode in data.episodes.get(child, [])
    )


class Rule630(Rule903):
    """A child starting to be looked after in the year has previous permanence recorded."""

    code = "630"
    message = "The child started to be looked after but previous permanence is not recorded."

    def check(self, data: Return903) -> Iterator[Failure]:
        recorded = {
            row.get("CHILD", "")
            for row in data.rows("prev_perm")
            if not is_blank(row.get("PREV_PERM"))
        }
        for child in data.episodes:
            if _started_in_year(data, child, data.year.start) and child not in recorded:
                yield self.fail(child, "PREV_PERM")


class Rule631(CodeRule):
    """Previous permanence is P1 to P4 or Z1."""

    code = "631"
    message = "Previous permanence is not a valid code."
    table, column, codes = "prev_perm", "PREV_PERM", codes(PreviousPermanence)


class Rule632(Rule903):
    """The date of the previous order, when given, is a date (unknown parts as Z) before the
    child's latest care began."""

    code = "632"
    message = "Date of the previous permanence order is not valid or not before care started."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("prev_perm"):
            text, child = row.get("DATE_PERM", ""), row.get("CHILD", "")
            if not text:
                continue
            if not _PARTIAL_DATE.match(text) or ("Z" not in text and parse_date(text) is None):
                yield self.fail(child, "DATE_PERM")
                continue
            ordered, started = parse_date(text), data.care_start(child)
            if ordered and started and ordered >= started:
                yield self.fail(child, "DATE_PERM")


class Rule633(Rule903):
    """The authority of the previous order is a three-digit LA number, 999 (not known), NIR,
    NUK, SCO or WAL."""

    code = "633"
    message = "The local authority of the previous permanence order is not valid."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("prev_perm"):
            authority = row.get("LA_PERM", "")
            if authority and not _LA_PERM.match(authority):
                yield self.fail(row.get("CHILD", ""), "LA_PERM")


class Rule634(Rule903):
    """Previous permanence is only collected for care starting from 1 April 2016."""

    code = "634"
    message = "Previous permanence is given but the child did not start care from 1 April 2016."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("prev_perm"):
            child = row.get("CHILD", "")
            filled = any(
                not is_blank(row.get(item)) for item in ("PREV_PERM", "LA_PERM", "DATE_PERM")
            )
            if filled and not _started_in_year(data, child, dt.date(2016, 4, 1)):
                yield self.fail(child, "PREV_PERM")


class Rule635(Rule903):
    """No previous permanence (Z1) has no authority or date of an order."""

    code = "635"
    message = "The authority or date of a previous order is given with Z1 (no previous order)."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("prev_perm"):
            if row.get("PREV_PERM") == "Z1":
                for column in ("LA_PERM", "DATE_PERM"):
                    if not is_blank(row.get(column)):
                        yield self.fail(row.get("CHILD", ""), column)
