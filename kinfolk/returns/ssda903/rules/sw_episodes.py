"""Social worker episodes: who was the child's allocated social worker, when and why it
changed. For a child looked after on 31 March the whole year is covered, with one social
worker still allocated at the year end (docs/reference/ssda903.md §4, "Social-worker episodes")."""

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Iterator

from kinfolk.core.codes import SocialWorkerChangeReason
from kinfolk.returns.framework import Failure
from kinfolk.returns.ssda903.rules.base import (
    SHORT_BREAKS,
    DateRule,
    Return903,
    Row,
    Rule903,
    codes,
)
from kinfolk.returns.ssda903.rules.dates import is_blank, parse_date

#: A new social worker may start up to a week either side of the last one leaving (SW10a).
_HANDOVER = dt.timedelta(days=7)
_FIRST_CONTACT = "FCONTA"


def _sw_episodes(data: Return903) -> dict[str, list[Row]]:
    """Each child's social worker episodes, in date order."""
    grouped = data.by_child("sw_episodes")
    for rows in grouped.values():
        rows.sort(key=lambda row: parse_date(row.get("SW_DECOM")) or dt.date.max)
    return grouped


def _pairs(data: Return903) -> Iterator[tuple[str, Row, Row]]:
    for child, rows in _sw_episodes(data).items():
        for before, after in itertools.pairwise(rows):
            yield child, before, after


def _looked_after_at_year_end(data: Return903) -> list[str]:
    """Children whose last episode (not a short break) is still open at 31 March."""
    return [
        child
        for child, episodes in data.episodes.items()
        if is_blank(episodes[-1].get("DEC")) and episodes[-1].get("LS") not in SHORT_BREAKS
    ]


class RuleSW02(Rule903):
    """A social worker identifier starts with SW (or XX when unknown) and has at least four
    characters."""

    code = "SW02STG1"
    message = "Social worker ID must start with SW or XX and be at least 4 characters long."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("sw_episodes"):
            worker = row.get("SW_ID", "")
            if len(worker) < 4 or not worker.startswith(("SW", "XX")):
                yield self.fail(row.get("CHILD", ""), "SW_ID")


class RuleSW04(DateRule):
    """A social worker episode has its start date."""

    code = "SW04STG1"
    message = "Social worker episode start date is missing or not a valid date."
    table, column, required = "sw_episodes", "SW_DECOM", True


class RuleSW05(DateRule):
    """A social worker episode's end date, when given, is a real date."""

    code = "SW05STG1"
    message = "Social worker episode end date is not a valid date."
    table, column = "sw_episodes", "SW_DEC"


class RuleSW06(Rule903):
    """No social worker episode starts after the end of the year."""

    code = "SW06STG2"
    message = "Social worker episode starts after the end of the year."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("sw_episodes"):
            start = parse_date(row.get("SW_DECOM"))
            if start and start > data.year.end:
                yield self.fail(row.get("CHILD", ""), "SW_DECOM")


class RuleSW07(Rule903):
    """A social worker episode's end date falls in the year."""

    code = "SW07STG2"
    message = "Social worker episode end date is outside the collection year."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("sw_episodes"):
            end = parse_date(row.get("SW_DEC"))
            if end and not data.year.start <= end <= data.year.end:
                yield self.fail(row.get("CHILD", ""), "SW_DEC")


class RuleSW08(Rule903):
    """A new social worker episode starts only once the previous one has ended."""

    code = "SW08STG2"
    message = "A new social worker episode starts while the previous one has no end date."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, before, _after in _pairs(data):
            if is_blank(before.get("SW_DEC")):
                yield self.fail(child, "SW_DEC")


class RuleSW09(Rule903):
    """A social worker episode lasts at least a day."""

    code = "SW09STG2"
    message = "Social worker episode lasted less than 24 hours."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("sw_episodes"):
            start, end = parse_date(row.get("SW_DECOM")), parse_date(row.get("SW_DEC"))
            if start and end and start == end:
                yield self.fail(row.get("CHILD", ""), "SW_DEC")


class RuleSW10(Rule903):
    """A social worker episode starts once the previous ends (a handover of up to a week
    either way is allowed, SW10a)."""

    code = "SW10STG2"
    message = "Social worker episode starts more than a week before the previous one ended."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, before, after in _pairs(data):
            end, start = parse_date(before.get("SW_DEC")), parse_date(after.get("SW_DECOM"))
            if end and start and start < end - _HANDOVER:
                yield self.fail(child, "SW_DECOM")


class RuleSW10a(Rule903):
    """A change of social worker (other than a first contact) starts within 7 days of the
    previous social worker's end."""

    code = "SW10aSTG2"
    message = "A new social worker episode does not start within 7 days of the previous end."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, before, after in _pairs(data):
            end, start = parse_date(before.get("SW_DEC")), parse_date(after.get("SW_DECOM"))
            if after.get("SW_REASON") == _FIRST_CONTACT or not (end and start):
                continue
            if abs(start - end) > _HANDOVER:
                yield self.fail(child, "SW_DECOM")


class RuleSW10b(Rule903):
    """A first contact (FCONTA) starts after the previous social worker episode ended."""

    code = "SW10bSTG2"
    message = "A first-contact social worker episode starts before the previous one ended."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, before, after in _pairs(data):
            end, start = parse_date(before.get("SW_DEC")), parse_date(after.get("SW_DECOM"))
            if after.get("SW_REASON") == _FIRST_CONTACT and end and start and start < end:
                yield self.fail(child, "SW_DECOM")


class RuleSW12(Rule903):
    """A child looked after on 31 March has a social worker for the whole year (from the start
    of the year, or of their care if later), with no gap longer than a week."""

    code = "SW12STG2"
    message = (
        "The child is looked after on 31 March but social worker episodes do not cover the year."
    )

    def check(self, data: Return903) -> Iterator[Failure]:
        episodes = _sw_episodes(data)
        for child in _looked_after_at_year_end(data):
            began = data.care_start(child) or data.year.start
            covered_to = max(began, data.year.start)
            gap = False
            for row in episodes.get(child, []):
                start = parse_date(row.get("SW_DECOM"))
                if start is None:
                    continue
                if start > covered_to + _HANDOVER:
                    gap = True
                    break
                end = parse_date(row.get("SW_DEC")) or data.year.end
                covered_to = max(covered_to, end)
            if gap or covered_to < data.year.end:
                yield self.fail(child, "SW_DECOM")


class RuleSW13(Rule903):
    """The reason for a social worker episode is a valid code, and is given for episodes from
    1 April 2023."""

    code = "SW13STG1"
    message = "Social worker change reason is missing or not a valid code."
    reasons = codes(SocialWorkerChangeReason)

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("sw_episodes"):
            reason = row.get("SW_REASON", "")
            start = parse_date(row.get("SW_DECOM"))
            needed = start is not None and start >= dt.date(2023, 4, 1)
            if (reason and reason not in self.reasons) or (not reason and needed):
                yield self.fail(row.get("CHILD", ""), "SW_REASON")


class RuleSW17(Rule903):
    """A child looked after on 31 March has a social worker episode still open."""

    code = "SW17STG2"
    message = "The child is looked after on 31 March but has no open social worker episode."

    def check(self, data: Return903) -> Iterator[Failure]:
        episodes = _sw_episodes(data)
        for child in _looked_after_at_year_end(data):
            if not any(is_blank(row.get("SW_DEC")) for row in episodes.get(child, [])):
                yield self.fail(child, "SW_DEC")


class RuleSW18(Rule903):
    """A social worker episode ends after it starts."""

    code = "SW18STG2"
    message = "Social worker episode end date is before its start date."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("sw_episodes"):
            start, end = parse_date(row.get("SW_DECOM")), parse_date(row.get("SW_DEC"))
            if start and end and end < start:
                yield self.fail(row.get("CHILD", ""), "SW_DEC")


class RuleSW19(Rule903):
    """Two social worker episodes of a child do not start on the same day."""

    code = "SW19STG2"
    message = "Two social worker episodes start on the same date."

    def check(self, data: Return903) -> Iterator[Failure]:
        counts = Counter(
            (row.get("CHILD", ""), row.get("SW_DECOM", "")) for row in data.rows("sw_episodes")
        )
        for (child, start), count in counts.items():
            if start and count > 1:
                yield self.fail(child, "SW_DECOM")
