"""Missing: each period a looked-after child was missing from care (M) or away from their
placement without authorisation (A) (docs/reference/ssda903.md §4, "Missing / away from
placement")."""

import datetime as dt
import itertools
from collections.abc import Iterator

from kinfolk.core.codes import MissingKind
from kinfolk.returns.framework import Failure
from kinfolk.returns.ssda903.rules.base import CodeRule, DateRule, Return903, Row, Rule903, codes
from kinfolk.returns.ssda903.rules.dates import is_blank, parse_date


def _open_periods(data: Return903, child: str) -> list[Row]:
    return [
        row
        for row in data.rows("missing")
        if row.get("CHILD") == child
        and is_blank(row.get("MIS_END"))
        and parse_date(row.get("MIS_START"))
    ]


class Rule564(Rule903):
    """A missing period has its start date."""

    code = "564"
    message = "The missing period has no start date."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("missing"):
            if not is_blank(row.get("MISSING")) and is_blank(row.get("MIS_START")):
                yield self.fail(row.get("CHILD", ""), "MIS_START")


class Rule565(Rule903):
    """A missing period with a start date says whether missing (M) or away (A)."""

    code = "565"
    message = "A missing start date is given but whether missing or away is blank."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("missing"):
            if not is_blank(row.get("MIS_START")) and is_blank(row.get("MISSING")):
                yield self.fail(row.get("CHILD", ""), "MISSING")


class Rule566(Rule903):
    """A missing period with an end date says whether missing (M) or away (A)."""

    code = "566"
    message = "A missing end date is given but whether missing or away is blank."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("missing"):
            if not is_blank(row.get("MIS_END")) and is_blank(row.get("MISSING")):
                yield self.fail(row.get("CHILD", ""), "MISSING")


class Rule567(Rule903):
    """A missing period ends after it starts."""

    code = "567"
    message = "The missing end date is before the start date."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("missing"):
            start, end = parse_date(row.get("MIS_START")), parse_date(row.get("MIS_END"))
            if start and end and end < start:
                yield self.fail(row.get("CHILD", ""), "MIS_END")


class Rule570(Rule903):
    """No missing period starts after the end of the year."""

    code = "570"
    message = "The missing start date is after the end of the year."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("missing"):
            start = parse_date(row.get("MIS_START"))
            if start and start > data.year.end:
                yield self.fail(row.get("CHILD", ""), "MIS_START")


class Rule571(Rule903):
    """A missing period's end date falls in the year."""

    code = "571"
    message = "The missing end date is outside the collection year."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("missing"):
            end = parse_date(row.get("MIS_END"))
            if end and not data.year.start <= end <= data.year.end:
                yield self.fail(row.get("CHILD", ""), "MIS_END")


class Rule574(Rule903):
    """A child's missing periods do not overlap."""

    code = "574"
    message = "The missing period overlaps another."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, rows in data.by_child("missing").items():
            dated = sorted(
                (row for row in rows if parse_date(row.get("MIS_START"))),
                key=lambda row: parse_date(row.get("MIS_START")) or dt.date.max,
            )
            for before, after in itertools.pairwise(dated):
                end = parse_date(before.get("MIS_END")) or dt.date.max
                if (parse_date(after.get("MIS_START")) or dt.date.max) < end:
                    yield self.fail(child, "MIS_START")


class Rule575(Rule903):
    """When the placement a child went missing from has ended, so has the missing period."""

    code = "575"
    message = "The placement has ended but the missing period has no end date."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, episodes in data.episodes.items():
            for row in _open_periods(data, child):
                start = parse_date(row.get("MIS_START"))
                for episode in episodes:
                    began, ended = parse_date(episode.get("DECOM")), parse_date(episode.get("DEC"))
                    if began and ended and start and began <= start < ended:
                        yield self.fail(child, "MIS_END")


class Rule577(Rule903):
    """A child who left care is not still missing."""

    code = "577"
    message = "The child left care with a missing period still open."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child in data.episodes:
            left = data.care_end(child)
            for row in _open_periods(data, child):
                if left and (parse_date(row.get("MIS_START")) or dt.date.max) <= left:
                    yield self.fail(child, "MIS_END")


class Rule578(Rule903):
    """No missing period starts after the child left care."""

    code = "578"
    message = "The missing period starts after the child left care."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("missing"):
            start, left = parse_date(row.get("MIS_START")), data.care_end(row.get("CHILD", ""))
            if start and left and start > left:
                yield self.fail(row.get("CHILD", ""), "MIS_START")


class Rule580(Rule903):
    """A child still missing when their care ended ceased for 'any other reason' (E8)."""

    code = "580"
    message = "The child was missing when care ended but the reason care ended is not E8."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, episodes in data.episodes.items():
            left = data.care_end(child)
            still_missing = [
                row
                for row in data.rows("missing")
                if row.get("CHILD") == child
                and (start := parse_date(row.get("MIS_START")))
                and left
                and start <= left
                and (parse_date(row.get("MIS_END")) or dt.date.max) >= left
            ]
            if still_missing and episodes[-1].get("REC") != "E8":
                yield self.fail(child, "MIS_END")


class Rule581(Rule903):
    """A child goes missing from care only once looked after."""

    code = "581"
    message = "The missing period starts before the child was looked after."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("missing"):
            episodes = data.episodes.get(row.get("CHILD", ""), [])
            start = parse_date(row.get("MIS_START"))
            began = parse_date(episodes[0].get("DECOM")) if episodes else None
            if start and began and start < began:
                yield self.fail(row.get("CHILD", ""), "MIS_START")


class Rule586(Rule903):
    """Missing dates are after the child's birth."""

    code = "586"
    message = "A missing date is before the child's date of birth."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("missing"):
            born = parse_date(row.get("DOB"))
            for column in ("MIS_START", "MIS_END"):
                day = parse_date(row.get(column))
                if born and day and day < born:
                    yield self.fail(row.get("CHILD", ""), column)


class Rule1004(DateRule):
    """The missing start date is a real date."""

    code = "1004"
    message = "The missing start date is not a valid date."
    table, column = "missing", "MIS_START"


class Rule1005(DateRule):
    """The missing end date, when given, is a real date."""

    code = "1005"
    message = "The missing end date is not a valid date."
    table, column = "missing", "MIS_END"


class Rule1006(CodeRule):
    """Missing is M (missing) or A (away without authorisation)."""

    code = "1006"
    message = "Missing must be M (missing) or A (away from placement without authorisation)."
    table, column, codes = "missing", "MISSING", codes(MissingKind)


class Rule576(Rule903):
    """A missing period still open at the end of last year is carried into this year."""

    code = "576"
    message = "Last year's open missing period is not in this year's return."
    needs_previous = True

    def check(self, data: Return903) -> Iterator[Failure]:
        now = {(row.get("CHILD", ""), row.get("MIS_START", "")) for row in data.rows("missing")}
        for row in data.previous_rows("missing"):
            child = row.get("CHILD", "")
            if (
                is_blank(row.get("MIS_END"))
                and child in data.episodes
                and (child, row.get("MIS_START", "")) not in now
            ):
                yield self.fail(child, "MIS_START")
