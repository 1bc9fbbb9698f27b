"""OC3: care leavers whose 17th to 21st birthday falls in the year: whether the authority is
in touch, and their activity and accommodation (docs/reference/ssda903.md §4, "OC3")."""

from collections.abc import Iterator

from kinfolk.core.codes import CareLeaverAccommodation, CareLeaverActivity, CareLeaverInTouch
from kinfolk.returns.framework import Failure
from kinfolk.returns.ssda903.rules.base import (
    SHORT_BREAKS,
    CodeRule,
    Return903,
    Row,
    Rule903,
    codes,
)
from kinfolk.returns.ssda903.rules.dates import age_on, birthday, is_blank, parse_date

OC3_ITEMS = ("IN_TOUCH", "ACTIV", "ACCOM")


def _has_oc3_items(row: Row) -> bool:
    return any(not is_blank(row.get(item)) for item in OC3_ITEMS)


class Rule131(CodeRule):
    """Whether the authority is in touch is a valid code."""

    code = "131"
    message = "'In touch' is missing or not a valid code."
    table, column, codes, required = "oc3", "IN_TOUCH", codes(CareLeaverInTouch), True


class Rule132(CodeRule):
    """The care leaver's activity is a valid code."""

    code = "132"
    message = "Activity is missing or not a valid code."
    table, column, codes, required = "oc3", "ACTIV", codes(CareLeaverActivity), True


class Rule133(CodeRule):
    """The care leaver's accommodation is a valid code."""

    code = "133"
    message = "Accommodation is missing or not a valid code."
    table, column, codes, required = "oc3", "ACCOM", codes(CareLeaverAccommodation), True


class Rule134(Rule903):
    """A care leaver has no adoption data."""

    code = "134"
    message = "The care leaver also has adoption (AD1) data."

    def check(self, data: Return903) -> Iterator[Failure]:
        adopted = {row.get("CHILD", "") for row in data.rows("ad1")}
        for row in data.rows("oc3"):
            if row.get("CHILD") in adopted and _has_oc3_items(row):
                yield self.fail(row.get("CHILD", ""), "CHILD")


class Rule153(Rule903):
    """'In touch', activity and accommodation are given together."""

    code = "153"
    message = "The care leaver items are only partly completed."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("oc3"):
            if _has_oc3_items(row):
                for item in OC3_ITEMS:
                    if is_blank(row.get(item)):
                        yield self.fail(row.get("CHILD", ""), item)


class Rule344(Rule903):
    """For a care leaver who died or returned home for six months, activity and accommodation
    are 0 (not known)."""

    code = "344"
    message = "The care leaver died or returned home, but activity or accommodation is given."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("oc3"):
            if row.get("IN_TOUCH") in ("DIED", "RHOM"):
                for item in ("ACTIV", "ACCOM"):
                    if row.get(item, "") not in ("", "0"):
                        yield self.fail(row.get("CHILD", ""), item)


class Rule345(Rule903):
    """In touch: activity and accommodation are known (not 0)."""

    code = "345"
    message = "The authority is in touch but activity or accommodation is 0 (not known)."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("oc3"):
            if row.get("IN_TOUCH") == "YES":
                for item in ("ACTIV", "ACCOM"):
                    if row.get(item) == "0":
                        yield self.fail(row.get("CHILD", ""), item)


class Rule347(Rule903):
    """Foyer-type accommodation (T) is not for a young person under 18 at the start of the
    year."""

    code = "347"
    message = "Foyer accommodation (T) is recorded for a young person under 18."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("oc3"):
            born = parse_date(row.get("DOB"))
            if row.get("ACCOM", "").startswith("T") and born and age_on(born, data.year.start) < 18:
                yield self.fail(row.get("CHILD", ""), "ACCOM")


class Rule348(Rule903):
    """A care leaver reported as having died last year is reported as DIED again."""

    code = "348"
    message = "The care leaver was reported as having died last year but is not DIED now."
    needs_previous = True

    def check(self, data: Return903) -> Iterator[Failure]:
        died = {
            row.get("CHILD", "")
            for row in data.previous_rows("oc3")
            if row.get("IN_TOUCH") == "DIED"
        }
        for row in data.rows("oc3"):
            if row.get("CHILD") in died and row.get("IN_TOUCH") != "DIED":
                yield self.fail(row.get("CHILD", ""), "IN_TOUCH")


class Rule391(Rule903):
    """Care leaver data only for young people whose 17th to 21st birthday falls in the year."""

    code = "391"
    message = "The young person did not have their 17th to 21st birthday in the year."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("oc3"):
            born = parse_date(row.get("DOB"))
            if born is None or not _has_oc3_items(row):
                continue
            birthdays = [birthday(born, age) for age in range(17, 22)]
            if not any(data.year.start <= day <= data.year.end for day in birthdays):
                yield self.fail(row.get("CHILD", ""), "DOB")


class Rule1000(Rule903):
    """A child who died in care (E2, this year or last) has no care leaver data."""

    code = "1000"
    message = "The child died in care but has care leaver data."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("oc3"):
            child = row.get("CHILD", "")
            episodes = data.episodes.get(child, []) + data.previous_episodes.get(child, [])
            if _has_oc3_items(row) and any(e.get("REC") == "E2" for e in episodes):
                yield self.fail(child, "IN_TOUCH")


class Rule1002(Rule903):
    """A care leaver with no episodes this year was in last year's return."""

    code = "1002"
    message = "The care leaver has no care history in this or last year's return."
    needs_previous = True

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("oc3"):
            child = row.get("CHILD", "")
            if child not in data.episodes and child not in data.previous_header:
                yield self.fail(child, "CHILD")


class Rule1007(Rule903):
    """A young person still looked after at the end of the year is not a care leaver."""

    code = "1007"
    message = "The young person is still looked after but has care leaver data."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("oc3"):
            episodes = data.episodes.get(row.get("CHILD", ""), [])
            if (
                episodes
                and is_blank(episodes[-1].get("DEC"))
                and _has_oc3_items(row)
                and episodes[-1].get("LS") not in SHORT_BREAKS
            ):
                yield self.fail(row.get("CHILD", ""), "IN_TOUCH")


class Rule1010(Rule903):
    """A child whose episode was open at the end of last year and who has no episodes this
    year cannot be a care leaver: their care must be closed first."""

    code = "1010"
    message = "Last year's episode was open and there are no episodes this year, yet OC3 data."
    needs_previous = True

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("oc3"):
            child = row.get("CHILD", "")
            last = data.previous_episodes.get(child, [])
            if child not in data.episodes and last and is_blank(last[-1].get("DEC")):
                yield self.fail(child, "CHILD")


class Rule1011(Rule903):
    """A child whose care passed to another authority (E3) is that authority's care leaver."""

    code = "1011"
    message = "The final episode was a transfer to another authority (E3), yet OC3 data."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("oc3"):
            episodes = data.episodes.get(row.get("CHILD", ""), [])
            if episodes and episodes[-1].get("REC") == "E3" and _has_oc3_items(row):
                yield self.fail(row.get("CHILD", ""), "IN_TOUCH")


class Rule1012(Rule903):
    """A care leaver with no episodes this year appears only in the Header and OC3."""

    code = "1012"
    message = "Tables other than Header and OC3 are filled in for a care leaver with no episodes."
    tables = ("reviews", "oc2", "ad1", "placed_adoption", "prev_perm", "missing", "sw_episodes")

    def check(self, data: Return903) -> Iterator[Failure]:
        leavers = {row.get("CHILD", "") for row in data.rows("oc3")} - set(data.episodes)
        for table in self.tables:
            for child in sorted({row.get("CHILD", "") for row in data.rows(table)} & leavers):
                yield self.fail(child, "CHILD", f"{self.message} ({table})")


class Rule1014(Rule903):
    """A care leaver with no episodes this year has no UASC data."""

    code = "1014"
    message = "UASC data is given for a care leaver with no episodes this year."

    def check(self, data: Return903) -> Iterator[Failure]:
        leavers = {row.get("CHILD", "") for row in data.rows("oc3")} - set(data.episodes)
        for row in data.rows("uasc"):
            if row.get("CHILD") in leavers:
                yield self.fail(row.get("CHILD", ""), "DUC")


class Rule3001(Rule903):
    """Living with former foster carers (Z, staying put) is only from 18."""

    code = "3001"
    message = "A 17-year-old is recorded as living with former foster carers."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("oc3"):
            born = parse_date(row.get("DOB"))
            if row.get("ACCOM") in ("Z1", "Z2") and born and age_on(born, data.year.end) < 18:
                yield self.fail(row.get("CHILD", ""), "ACCOM")
