"""Header, UASC and identity rules: who the child is (sex, date of birth, ethnicity, UPN,
motherhood) and whether the unaccompanied asylum-seeking child's details hang together
(docs/reference/ssda903.md §4, "Header, UASC and identity")."""

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator

from kinfolk.core.codes import Ethnicity, Sex
from kinfolk.returns.framework import Failure
from kinfolk.returns.ssda903.rules.base import (
    SHORT_BREAKS,
    CodeRule,
    DateRule,
    Return903,
    Rule903,
    codes,
)
from kinfolk.returns.ssda903.rules.dates import age_on, birthday, is_blank, parse_date

#: A real UPN: a check letter (not I, O or S), then 11 digits and a final digit or letter.
_UPN = re.compile(r"^[A-HJ-NP-RT-Z][0-9]{11}[0-9A-HJ-NP-RT-Z]$")
_UPN_UNKNOWN = frozenset({"UN1", "UN2", "UN3", "UN4", "UN5"})


class Rule101(CodeRule):
    """Sex must be M, F or U."""

    code = "101"
    message = "Sex must be M (male), F (female) or U (not known)."
    table, column, codes, required = "header", "SEX", codes(Sex), True


class Rule102(DateRule):
    """Date of birth must be a real date."""

    code = "102"
    message = "Date of birth is not a valid date."
    table, column, required = "header", "DOB", True


class Rule103(CodeRule):
    """Ethnicity must be one of the 20 DfE codes."""

    code = "103"
    message = "Ethnicity is missing or not a valid code."
    table, column, codes, required = "header", "ETHNIC", codes(Ethnicity), True


class Rule104(DateRule):
    """The date UASC status ceased, when given, must be a real date."""

    code = "104"
    message = "Date UASC status ceased is not a valid date."
    table, column = "uasc", "DUC"


class Rule165(CodeRule):
    """Motherhood is 1 (is a mother) or 0 (is not)."""

    code = "165"
    message = "Mother status must be 1 (is a mother) or 0 (is not a mother)."
    table, column, codes = "header", "MOTHER", frozenset({"0", "1"})


class Rule168(Rule903):
    """The UPN is either a real UPN or one of the reasons it is unknown, UN1 to UN5."""

    code = "168"
    message = "UPN is not a valid UPN nor one of the codes UN1 to UN5."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("header"):
            upn = row.get("UPN", "")
            if upn and upn not in _UPN_UNKNOWN and not _UPN.match(upn):
                yield self.fail(row.get("CHILD", ""), "UPN")


class Rule171(DateRule):
    """The date of birth of the mother's first child, when given, must be a real date."""

    code = "171"
    message = "Date of birth of the first child is not a valid date."
    table, column = "header", "MC_DOB"


class Rule174(Rule903):
    """A boy cannot be recorded with the birth of a first child of his own."""

    code = "174"
    message = "Mother's child date of birth is recorded but the child is male."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("header"):
            if row.get("SEX") == "M" and not is_blank(row.get("MC_DOB")):
                yield self.fail(row.get("CHILD", ""), "MC_DOB")


class _SameAsLastYear(Rule903):
    """A Header item must not change from last year's return for the same child."""

    needs_previous = True
    column = ""

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, row in data.header.items():
            last = data.previous_header.get(child)
            if last is None:
                continue
            now, before = row.get(self.column, ""), last.get(self.column, "")
            if now and before and now != before:
                yield self.fail(child, self.column)


class Rule202(_SameAsLastYear):
    """Sex differs from last year's return."""

    code = "202"
    message = "Sex is not the same as in last year's return."
    column = "SEX"


class Rule203(_SameAsLastYear):
    """Date of birth differs from last year's return."""

    code = "203"
    message = "Date of birth is not the same as in last year's return."
    column = "DOB"


class Rule204(_SameAsLastYear):
    """Ethnicity differs from last year's return."""

    code = "204"
    message = "Ethnicity is not the same as in last year's return."
    column = "ETHNIC"


class Rule207(_SameAsLastYear):
    """A young woman recorded as a mother last year cannot stop being one."""

    code = "207"
    message = "Mother status was 1 last year but is not 1 this year."
    column = "MOTHER"

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, row in data.header.items():
            last = data.previous_header.get(child)
            if last and last.get("MOTHER") == "1" and row.get("MOTHER") not in ("1", ""):
                yield self.fail(child, "MOTHER")


class Rule208(_SameAsLastYear):
    """A real UPN differs from last year's real UPN."""

    code = "208"
    message = "UPN is not the same as in last year's return."
    column = "UPN"

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, row in data.header.items():
            last = data.previous_header.get(child)
            if last is None:
                continue
            now, before = row.get("UPN", ""), last.get("UPN", "")
            real = now not in _UPN_UNKNOWN and before not in _UPN_UNKNOWN
            if now and before and real and now != before:
                yield self.fail(child, "UPN")


def _uasc(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {row.get("CHILD", ""): row for row in rows}


class Rule205A(Rule903):
    """A child who was UASC last year, with the status not ceased by last year's end, must
    still be in this year's UASC table."""

    code = "205A"
    message = "The child was UASC last year and the status had not ceased, but is not UASC now."
    needs_previous = True

    def check(self, data: Return903) -> Iterator[Failure]:
        now, before = _uasc(data.rows("uasc")), _uasc(data.previous_rows("uasc"))
        last_year_end = data.year.previous().end
        for child, row in before.items():
            ceased = parse_date(row.get("DUC"))
            if (
                child in data.header
                and child not in now
                and (ceased is None or ceased > last_year_end)
            ):
                yield self.fail(child, "DUC")


class Rule205B(Rule903):
    """A child UASC in both years keeps the date the status ceased, once recorded."""

    code = "205B"
    message = "The date UASC status ceased differs from last year's return."
    needs_previous = True

    def check(self, data: Return903) -> Iterator[Failure]:
        now, before = _uasc(data.rows("uasc")), _uasc(data.previous_rows("uasc"))
        for child, row in now.items():
            last = before.get(child)
            if last and last.get("DUC") and row.get("DUC") != last.get("DUC"):
                yield self.fail(child, "DUC")


class Rule205D(Rule903):
    """A child looked after last year without UASC status cannot become UASC this year."""

    code = "205D"
    message = "The child is UASC this year but was in last year's return without UASC status."
    needs_previous = True

    def check(self, data: Return903) -> Iterator[Failure]:
        before = _uasc(data.previous_rows("uasc"))
        for row in data.rows("uasc"):
            child = row.get("CHILD", "")
            if child in data.previous_header and child not in before:
                yield self.fail(child, "DUC")


class Rule209(Rule903):
    """UN1 (not of school age) cannot be used for a child already five at the start of the
    year."""

    code = "209"
    message = "UN1 (not of school age) is recorded for a child of school age."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("header"):
            born = parse_date(row.get("DOB"))
            if row.get("UPN") == "UN1" and born and age_on(born, data.year.start) >= 5:
                yield self.fail(row.get("CHILD", ""), "UPN")


class Rule210(Rule903):
    """UN4 (newly looked after) is only for children who came into care in the last week of
    the year."""

    code = "210"
    message = "UN4 is recorded but the child has been looked after for more than a week."

    def check(self, data: Return903) -> Iterator[Failure]:
        last_week = data.year.end - dt.timedelta(days=7)
        for child, row in data.header.items():
            start = data.care_start(child)
            if row.get("UPN") == "UN4" and start is not None and start < last_week:
                yield self.fail(child, "UPN")


class Rule231(Rule903):
    """An unaccompanied asylum-seeking child under 11 at the end of the year is unusual:
    check the date of birth."""

    code = "231"
    message = "The UASC child is under 11 at the end of the year: check the date of birth."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("uasc"):
            born = parse_date(row.get("DOB"))
            if born and age_on(born, data.year.end) < 11:
                yield self.fail(row.get("CHILD", ""), "DOB")


class Rule232(Rule903):
    """Sex U (not known) should be resolved before the return."""

    code = "232"
    message = "Sex is recorded as U (not known)."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("header"):
            if row.get("SEX") == "U":
                yield self.fail(row.get("CHILD", ""), "SEX")


class Rule301(Rule903):
    """Date of birth after the end of the year."""

    code = "301"
    message = "Date of birth is after the end of the collection year."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("header"):
            born = parse_date(row.get("DOB"))
            if born and born > data.year.end:
                yield self.fail(row.get("CHILD", ""), "DOB")


class Rule302(Rule903):
    """The first episode cannot start before the child was born."""

    code = "302"
    message = "The first episode starts before the child's date of birth."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, episodes in data.episodes.items():
            born, start = data.date_of_birth(child), parse_date(episodes[0].get("DECOM"))
            if born and start and start < born:
                yield self.fail(child, "DECOM")


class Rule304(Rule903):
    """UASC status ceases at the latest on the child's 18th birthday."""

    code = "304"
    message = "Date UASC status ceased is after the child's 18th birthday."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("uasc"):
            born, ceased = parse_date(row.get("DOB")), parse_date(row.get("DUC"))
            if born and ceased and ceased > birthday(born, 18):
                yield self.fail(row.get("CHILD", ""), "DUC")


class Rule351(Rule903):
    """Nobody in the return is over 25 at the start of the year."""

    code = "351"
    message = "The child is over 25 at the start of the collection year: check the date of birth."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("header"):
            born = parse_date(row.get("DOB"))
            if born and age_on(born, data.year.start) >= 25:
                yield self.fail(row.get("CHILD", ""), "DOB")


class Rule352(Rule903):
    """A child cannot start to be looked after at 18 or over."""

    code = "352"
    message = "The child started to be looked after at 18 or over."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, episodes in data.episodes.items():
            born = data.date_of_birth(child)
            for episode in episodes:
                start = parse_date(episode.get("DECOM"))
                if born and start and episode.get("RNE") == "S" and age_on(born, start) >= 18:
                    yield self.fail(child, "DECOM")


def _mother_age_reached(data: Return903, child: str, day: dt.date) -> bool:
    born = data.date_of_birth(child)
    return born is not None and age_on(born, day) >= 11


class Rule393(Rule903):
    """A girl of 11 or over still looked after at the end of the year must have her
    motherhood recorded."""

    code = "393"
    message = "Mother status is blank for a female child looked after at the end of the year."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, row in data.header.items():
            if row.get("SEX") != "F" or not is_blank(row.get("MOTHER")):
                continue
            episodes = data.episodes.get(child, [])
            open_episode = episodes and is_blank(episodes[-1].get("DEC"))
            if (
                open_episode
                and episodes[-1].get("LS") not in SHORT_BREAKS
                and _mother_age_reached(data, child, data.year.end)
            ):
                yield self.fail(child, "MOTHER")


class Rule442(Rule903):
    """A UPN (or the reason it is unknown) is needed unless every episode is a short break."""

    code = "442"
    message = "UPN is missing for a child with episodes other than short breaks."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, row in data.header.items():
            episodes = data.episodes.get(child, [])
            if is_blank(row.get("UPN")) and episodes and not data.only_short_breaks(child):
                yield self.fail(child, "UPN")


class Rule444(Rule903):
    """The same real UPN cannot belong to two children."""

    code = "444"
    message = "The same UPN is recorded for more than one child."
    compares_children = True

    def check(self, data: Return903) -> Iterator[Failure]:
        real = [row for row in data.header.values() if row.get("UPN") and _UPN.match(row["UPN"])]
        counts = Counter(row["UPN"] for row in real)
        for row in real:
            if counts[row["UPN"]] > 1:
                yield self.fail(row.get("CHILD", ""), "UPN")


class Rule607(Rule903):
    """A girl of 11 or over who left care in the year must have her motherhood recorded."""

    code = "607"
    message = "Mother status is blank for a female child who ceased to be looked after."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, row in data.header.items():
            left = data.care_end(child)
            if (
                row.get("SEX") == "F"
                and is_blank(row.get("MOTHER"))
                and left
                and data.year.start <= left
                and _mother_age_reached(data, child, left)
            ):
                yield self.fail(child, "MOTHER")


class Rule611(Rule903):
    """A mother must have her first child's date of birth."""

    code = "611"
    message = "Mother status is 1 but the date of birth of the first child is blank."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("header"):
            if row.get("MOTHER") == "1" and is_blank(row.get("MC_DOB")):
                yield self.fail(row.get("CHILD", ""), "MC_DOB")


class Rule612(Rule903):
    """A first child's date of birth only for a mother."""

    code = "612"
    message = "Date of birth of the first child is given but mother status is not 1."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("header"):
            if row.get("MOTHER") != "1" and not is_blank(row.get("MC_DOB")):
                yield self.fail(row.get("CHILD", ""), "MOTHER")


class Rule620(Rule903):
    """A mother under 11 at her child's birth is implausible."""

    code = "620"
    message = "The mother was under 11 when her first child was born."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("header"):
            born, first = parse_date(row.get("DOB")), parse_date(row.get("MC_DOB"))
            if born and first and born <= first and age_on(born, first) < 11:
                yield self.fail(row.get("CHILD", ""), "MC_DOB")


class Rule621(Rule903):
    """A mother cannot be younger than her own child."""

    code = "621"
    message = "The first child's date of birth is before the mother's own date of birth."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("header"):
            born, first = parse_date(row.get("DOB")), parse_date(row.get("MC_DOB"))
            if born and first and first < born:
                yield self.fail(row.get("CHILD", ""), "MC_DOB")


class Rule624(Rule903):
    """The first child's date of birth does not change from year to year."""

    code = "624"
    message = "The first child's date of birth differs from last year's return."
    needs_previous = True

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, row in data.header.items():
            last = data.previous_header.get(child, {}).get("MC_DOB", "")
            if last and row.get("MC_DOB") and row.get("MC_DOB") != last:
                yield self.fail(child, "MC_DOB")


class Rule625(Rule903):
    """The first child cannot be born after the year ended or after the mother left care."""

    code = "625"
    message = "The first child's date of birth is after the year end or after care ended."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, row in data.header.items():
            first = parse_date(row.get("MC_DOB"))
            left = data.care_end(child)
            if first and (first > data.year.end or (left is not None and first > left)):
                yield self.fail(child, "MC_DOB")


class Rule626(Rule903):
    """A first child born before this year contradicts last year's 'not a mother'."""

    code = "626"
    message = "The first child was born before this year but last year's mother status was 0."
    needs_previous = True

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, row in data.header.items():
            first = parse_date(row.get("MC_DOB"))
            last = data.previous_header.get(child, {})
            if first and first < data.year.start and last.get("MOTHER") == "0":
                yield self.fail(child, "MC_DOB")


class Rule628(Rule903):
    """Motherhood is recorded only for children looked after in the year."""

    code = "628"
    message = "Motherhood details are given for a care leaver with no episodes in the year."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, row in data.header.items():
            if child not in data.episodes and not is_blank(row.get("MOTHER")):
                yield self.fail(child, "MOTHER")
