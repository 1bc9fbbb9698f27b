"""Reviews: each statutory looked-after review held in the year, with how the child took part
(docs/reference/ssda903.md §4, "Reviews")."""

from collections.abc import Iterator

from kinfolk.core.codes import ReviewParticipation
from kinfolk.returns.framework import Failure
from kinfolk.returns.ssda903.rules.base import CodeRule, DateRule, Return903, Rule903, codes
from kinfolk.returns.ssda903.rules.dates import age_on, is_blank, parse_date


class Rule166(DateRule):
    """Every review has its date."""

    code = "166"
    message = "Date of review is missing or not a valid date."
    table, column, required = "reviews", "REVIEW", True


class Rule167(CodeRule):
    """Every review has how the child took part, PN0 to PN7."""

    code = "167"
    message = "Participation code is missing or not a valid code."
    table, column, codes, required = "reviews", "REVIEW_CODE", codes(ReviewParticipation), True


class Rule399(Rule903):
    """A child looked after only for short breaks (V3, V4) has no reviews and no motherhood
    details in the return."""

    code = "399"
    message = "Mother status or reviews are given for a child only on short breaks."

    def check(self, data: Return903) -> Iterator[Failure]:
        reviewed = {row.get("CHILD", "") for row in data.rows("reviews")}
        for child, row in data.header.items():
            if not data.only_short_breaks(child):
                continue
            if not is_blank(row.get("MOTHER")):
                yield self.fail(child, "MOTHER")
            if child in reviewed:
                yield self.fail(child, "REVIEW")


class Rule440(Rule903):
    """PN0 (under 4) only for a child under 4 at the review."""

    code = "440"
    message = "Participation code PN0 is used but the child was 4 or over at the review."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("reviews"):
            born, held = parse_date(row.get("DOB")), parse_date(row.get("REVIEW"))
            if row.get("REVIEW_CODE") == "PN0" and born and held and age_on(born, held) >= 4:
                yield self.fail(row.get("CHILD", ""), "REVIEW_CODE")


class Rule441(Rule903):
    """A child under 4 at the review is recorded as PN0."""

    code = "441"
    message = "The child was under 4 at the review but the participation code is not PN0."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("reviews"):
            born, held = parse_date(row.get("DOB")), parse_date(row.get("REVIEW"))
            code = row.get("REVIEW_CODE", "")
            if code and code != "PN0" and born and held and age_on(born, held) < 4:
                yield self.fail(row.get("CHILD", ""), "REVIEW_CODE")
