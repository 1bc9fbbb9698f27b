"""PlacedAdoption: the decisions that a child should be placed for adoption, and any later
decision that they should no longer be, checked against the child's episodes and last year's
return (docs/reference/ssda903.md §4, "Adoption (AD1, PlacedAdoption)")."""

import datetime as dt
import itertools
from collections.abc import Iterator

from kinfolk.core.codes import ReasonNoLongerPlacedForAdoption
from kinfolk.returns.framework import Failure
from kinfolk.returns.ssda903.rules.adoption import (
    adoption_episode,
    placed_for_adoption_on,
    placement_decisions,
)
from kinfolk.returns.ssda903.rules.base import (
    ADOPTED,
    CodeRule,
    DateRule,
    Return903,
    Rule903,
    codes,
    ended_care,
)
from kinfolk.returns.ssda903.rules.dates import is_blank, parse_date


class Rule115(DateRule):
    """The date of the decision to place for adoption is a real date."""

    code = "115"
    message = "Date of the decision that the child should be placed for adoption is not valid."
    table, column = "placed_adoption", "DATE_PLACED"


class Rule116(DateRule):
    """The date of the decision no longer to place for adoption is a real date."""

    code = "116"
    message = "Date of the decision that the child should no longer be placed is not valid."
    table, column = "placed_adoption", "DATE_PLACED_CEASED"


class Rule117(Rule903):
    """Placement decisions are not after the end of the year nor after the child left care."""

    code = "117"
    message = "A placement for adoption decision is dated after the year end or after care ended."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("placed_adoption"):
            child = row.get("CHILD", "")
            left = data.care_end(child)
            for column in ("DATE_PLACED", "DATE_PLACED_CEASED"):
                day = parse_date(row.get(column))
                if day and (day > data.year.end or (left is not None and day > left)):
                    yield self.fail(child, column)


class Rule118(Rule903):
    """A reversal reported this year is dated in the year and after the child's care began."""

    code = "118"
    message = "The decision no longer to place is before the year or before care started."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("placed_adoption"):
            child = row.get("CHILD", "")
            ceased, started = parse_date(row.get("DATE_PLACED_CEASED")), data.care_start(child)
            if ceased and (ceased < data.year.start or (started and ceased < started)):
                yield self.fail(child, "DATE_PLACED_CEASED")


class Rule119(Rule903):
    """A decision no longer to place has both its date and its reason."""

    code = "119"
    message = "The decision no longer to place for adoption needs both its date and its reason."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("placed_adoption"):
            dated = not is_blank(row.get("DATE_PLACED_CEASED"))
            reasoned = not is_blank(row.get("REASON_PLACED_CEASED"))
            if dated != reasoned:
                column = "REASON_PLACED_CEASED" if dated else "DATE_PLACED_CEASED"
                yield self.fail(row.get("CHILD", ""), column)


class Rule120(CodeRule):
    """The reason no longer to place for adoption is RD1 to RD4."""

    code = "120"
    message = "Reason the child should no longer be placed for adoption is not valid."
    table, column = "placed_adoption", "REASON_PLACED_CEASED"
    codes = codes(ReasonNoLongerPlacedForAdoption)


class Rule184(Rule903):
    """A decision to place for adoption comes after the child's birth."""

    code = "184"
    message = "The decision to place for adoption is dated before the child was born."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("placed_adoption"):
            born, placed = parse_date(row.get("DOB")), parse_date(row.get("DATE_PLACED"))
            if born and placed and placed < born:
                yield self.fail(row.get("CHILD", ""), "DATE_PLACED")


class Rule522(Rule903):
    """A decision is reversed after it was made."""

    code = "522"
    message = "The decision to place is dated after the decision no longer to place."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("placed_adoption"):
            placed = parse_date(row.get("DATE_PLACED"))
            ceased = parse_date(row.get("DATE_PLACED_CEASED"))
            if placed and ceased and placed > ceased:
                yield self.fail(row.get("CHILD", ""), "DATE_PLACED")


class Rule551(Rule903):
    """A child placed for adoption has the decision that they should be."""

    code = "551"
    message = "The child is placed for adoption but there is no decision to place."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child in data.episodes:
            placed = placed_for_adoption_on(data, child)
            decided = [
                d for d in placement_decisions(data, child) if not is_blank(d.get("DATE_PLACED"))
            ]
            if placed and not decided:
                yield self.fail(child, "DATE_PLACED")


class Rule552(Rule903):
    """The decision to place comes before the placement for adoption."""

    code = "552"
    message = "The decision to place is after the child was placed for adoption."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child in data.episodes:
            placed = placed_for_adoption_on(data, child)
            dates = [parse_date(d.get("DATE_PLACED")) for d in placement_decisions(data, child)]
            known = [day for day in dates if day]
            if placed and known and min(known) > placed:
                yield self.fail(child, "DATE_PLACED")


def _placement_order_on(data: Return903, child: str) -> dt.date | None:
    for episode in data.episodes.get(child, []):
        if episode.get("LS") == "E1":
            return parse_date(episode.get("DECOM"))
    return None


class Rule553(Rule903):
    """A child under a placement order (E1) has the decision to place for adoption."""

    code = "553"
    message = "A placement order is recorded but there is no decision to place for adoption."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child in data.episodes:
            decided = [
                d for d in placement_decisions(data, child) if not is_blank(d.get("DATE_PLACED"))
            ]
            if _placement_order_on(data, child) and not decided:
                yield self.fail(child, "DATE_PLACED")


class Rule554(Rule903):
    """The decision to place comes before the placement order."""

    code = "554"
    message = "The decision to place is after the placement order was granted."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child in data.episodes:
            ordered = _placement_order_on(data, child)
            known = [
                day
                for d in placement_decisions(data, child)
                if (day := parse_date(d.get("DATE_PLACED")))
            ]
            if ordered and known and min(known) > ordered:
                yield self.fail(child, "DATE_PLACED")


class Rule557(Rule903):
    """A child who left care other than by adoption has their adoption decision reversed."""

    code = "557"
    message = "The child left care, not adopted, but the decision to place was not reversed."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, episodes in data.episodes.items():
            last = episodes[-1]
            if not ended_care(last) or last.get("REC") in ADOPTED:
                continue
            for decision in placement_decisions(data, child):
                if is_blank(decision.get("DATE_PLACED_CEASED")):
                    yield self.fail(child, "DATE_PLACED_CEASED")


class Rule558(Rule903):
    """An adopted child's decision to place was not reversed."""

    code = "558"
    message = "The child was adopted but a decision no longer to place is recorded."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child in data.episodes:
            decisions = placement_decisions(data, child)
            adopted = adoption_episode(data, child) is not None
            if adopted and decisions and not is_blank(decisions[-1].get("DATE_PLACED_CEASED")):
                yield self.fail(child, "DATE_PLACED_CEASED")


class Rule563(Rule903):
    """A reversal belongs to a decision: it needs the decision's date."""

    code = "563"
    message = "A decision no longer to place is recorded without the decision to place date."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("placed_adoption"):
            reversed_ = not is_blank(row.get("DATE_PLACED_CEASED")) or not is_blank(
                row.get("REASON_PLACED_CEASED")
            )
            if reversed_ and is_blank(row.get("DATE_PLACED")):
                yield self.fail(row.get("CHILD", ""), "DATE_PLACED")


class Rule579(Rule903):
    """Decisions do not overlap: a new one comes after the previous was reversed."""

    code = "579"
    message = "A new decision to place starts before the previous one was reversed."

    def check(self, data: Return903) -> Iterator[Failure]:
        children = {row.get("CHILD", "") for row in data.rows("placed_adoption")}
        for child in sorted(children):
            decisions = placement_decisions(data, child)
            for before, after in itertools.pairwise(decisions):
                ceased = parse_date(before.get("DATE_PLACED_CEASED"))
                placed = parse_date(after.get("DATE_PLACED"))
                if ceased and placed and placed < ceased:
                    yield self.fail(child, "DATE_PLACED")


class Rule583(Rule903):
    """A second decision to place needs the earlier one to have been reversed."""

    code = "583"
    message = "A second decision to place is recorded but the earlier one was not reversed."

    def check(self, data: Return903) -> Iterator[Failure]:
        children = {row.get("CHILD", "") for row in data.rows("placed_adoption")}
        for child in sorted(children):
            decisions = placement_decisions(data, child)
            for before, _after in itertools.pairwise(decisions):
                if is_blank(before.get("DATE_PLACED_CEASED")):
                    yield self.fail(child, "DATE_PLACED_CEASED")


class Rule1003(Rule903):
    """A decision to place for adoption is made while the child is looked after."""

    code = "1003"
    message = "The decision to place for adoption is before the child's care started."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("placed_adoption"):
            episodes = data.episodes.get(row.get("CHILD", ""), [])
            placed = parse_date(row.get("DATE_PLACED"))
            # The first care the return shows, when it shows its start (RNE S).
            first = episodes[0] if episodes and episodes[0].get("RNE") == "S" else None
            started = parse_date(first.get("DECOM")) if first else None
            if placed and started and placed < started:
                yield self.fail(row.get("CHILD", ""), "DATE_PLACED")


class Rule559(Rule903):
    """A decision made before this year was reported in last year's return."""

    code = "559"
    message = "A decision to place made before this year was not in last year's return."
    needs_previous = True

    def check(self, data: Return903) -> Iterator[Failure]:
        last_year = {
            (row.get("CHILD", ""), row.get("DATE_PLACED", ""))
            for row in data.previous_rows("placed_adoption")
        }
        for row in data.rows("placed_adoption"):
            child, placed = row.get("CHILD", ""), parse_date(row.get("DATE_PLACED"))
            if (
                placed
                and placed < data.year.start
                and child in data.previous_header
                and (child, row.get("DATE_PLACED", "")) not in last_year
            ):
                yield self.fail(child, "DATE_PLACED")


class Rule560(Rule903):
    """A decision still open last year keeps its date this year."""

    code = "560"
    message = "Last year's open decision to place is missing or has a different date this year."
    needs_previous = True

    def check(self, data: Return903) -> Iterator[Failure]:
        now = {
            (row.get("CHILD", ""), row.get("DATE_PLACED", ""))
            for row in data.rows("placed_adoption")
        }
        children = {row.get("CHILD", "") for row in data.rows("placed_adoption")}
        for row in data.previous_rows("placed_adoption"):
            child = row.get("CHILD", "")
            still_open = is_blank(row.get("DATE_PLACED_CEASED"))
            if child in children and still_open and (child, row.get("DATE_PLACED", "")) not in now:
                yield self.fail(child, "DATE_PLACED")


class Rule561(Rule903):
    """A decision reversed last year is not reported as open again."""

    code = "561"
    message = "The decision to place was reversed last year but is open again this year."
    needs_previous = True

    def check(self, data: Return903) -> Iterator[Failure]:
        reversed_ = {
            (row.get("CHILD", ""), row.get("DATE_PLACED", ""))
            for row in data.previous_rows("placed_adoption")
            if not is_blank(row.get("DATE_PLACED_CEASED"))
        }
        for row in data.rows("placed_adoption"):
            key = (row.get("CHILD", ""), row.get("DATE_PLACED", ""))
            if key in reversed_ and is_blank(row.get("DATE_PLACED_CEASED")):
                yield self.fail(key[0], "DATE_PLACED_CEASED")
