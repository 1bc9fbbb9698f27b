"""OC2: outcomes for children looked after continuously for 12 months at 31 March (health,
strengths and difficulties, offending, substance misuse) (docs/reference/ssda903.md §4, "OC2").

Ages are taken at 31 March unless a rule says "at the start of the year"."""

from collections.abc import Iterator

from kinfolk.core.codes import SDQReason
from kinfolk.returns.framework import Failure
from kinfolk.returns.ssda903.rules.base import CodeRule, Return903, Row, Rule903, codes
from kinfolk.returns.ssda903.rules.dates import age_on, is_blank, parse_date

#: The health items that are given all together or not at all (182).
HEALTH_ITEMS = ("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE")
#: Every yes/no item of OC2 (181).
YES_NO_ITEMS = (
    "CONVICTED",
    "HEALTH_CHECK",
    *HEALTH_ITEMS,
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
)


def _age_at_end(data: Return903, row: Row) -> int | None:
    born = parse_date(row.get("DOB"))
    return age_on(born, data.year.end) if born else None


def _age_at_start(data: Return903, row: Row) -> int | None:
    born = parse_date(row.get("DOB"))
    return age_on(born, data.year.start) if born else None


def _has_health_items(row: Row) -> bool:
    return any(not is_blank(row.get(item)) for item in HEALTH_ITEMS)


def _has_sdq(row: Row) -> bool:
    return not is_blank(row.get("SDQ_SCORE")) or not is_blank(row.get("SDQ_REASON"))


class _OC2Rule(Rule903):
    """Each OC2 row, with the child's age at 31 March."""

    def failing(self, data: Return903, row: Row, age: int | None) -> Iterator[str]:
        raise NotImplementedError

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("oc2"):
            for column in self.failing(data, row, _age_at_end(data, row)):
                yield self.fail(row.get("CHILD", ""), column)


class Rule157(_OC2Rule):
    """SDQ1 (under 4 or over 16) cannot be the reason for a child aged 5 to 16."""

    code = "157"
    message = "SDQ reason SDQ1 (under 4 or over 16) is given for a child aged 4 to 16."

    def failing(self, data: Return903, row: Row, age: int | None) -> Iterator[str]:
        if row.get("SDQ_REASON") == "SDQ1" and age is not None and 5 <= age <= 16:
            yield "SDQ_REASON"


class Rule158(_OC2Rule):
    """'Offered but refused' is only asked when no intervention was received."""

    code = "158"
    message = "Intervention received is 1 but intervention offered is also filled in."

    def failing(self, data: Return903, row: Row, age: int | None) -> Iterator[str]:
        if row.get("INTERVENTION_RECEIVED") == "1" and not is_blank(
            row.get("INTERVENTION_OFFERED")
        ):
            yield "INTERVENTION_OFFERED"


class Rule159(_OC2Rule):
    """No intervention received: say whether one was offered."""

    code = "159"
    message = "Intervention received is 0 but intervention offered is blank."

    def failing(self, data: Return903, row: Row, age: int | None) -> Iterator[str]:
        if row.get("INTERVENTION_RECEIVED") == "0" and is_blank(row.get("INTERVENTION_OFFERED")):
            yield "INTERVENTION_OFFERED"


class Rule180(_OC2Rule):
    """An SDQ score is a whole number from 0 to 40."""

    code = "180"
    message = "SDQ score must be a whole number from 0 to 40."

    def failing(self, data: Return903, row: Row, age: int | None) -> Iterator[str]:
        score = row.get("SDQ_SCORE", "")
        if score and not (score.isdigit() and 0 <= int(score) <= 40):
            yield "SDQ_SCORE"


class Rule181(_OC2Rule):
    """The OC2 yes/no items are 0 or 1."""

    code = "181"
    message = "OC2 items must be 0 or 1."

    def failing(self, data: Return903, row: Row, age: int | None) -> Iterator[str]:
        for item in YES_NO_ITEMS:
            if row.get(item, "") not in ("", "0", "1"):
                yield item


class Rule182(_OC2Rule):
    """Immunisations, teeth, health assessment and substance misuse are given together."""

    code = "182"
    message = "The OC2 health items are only partly completed."

    def failing(self, data: Return903, row: Row, age: int | None) -> Iterator[str]:
        if _has_health_items(row):
            yield from (item for item in HEALTH_ITEMS if is_blank(row.get(item)))


class Rule185(Rule903):
    """An SDQ score only for a child looked after continuously for 12 months."""

    code = "185"
    message = "An SDQ score is given for a child not looked after continuously for 12 months."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("oc2"):
            if not is_blank(row.get("SDQ_SCORE")) and row.get("CHILD") not in data.oc2_cohort:
                yield self.fail(row.get("CHILD", ""), "SDQ_SCORE")


class _CohortRule(Rule903):
    """Each child of the OC2 cohort, with their OC2 row (empty if there is none)."""

    def failing(self, data: Return903, row: Row, age: int | None) -> Iterator[str]:
        raise NotImplementedError

    def check(self, data: Return903) -> Iterator[Failure]:
        rows = {row.get("CHILD", ""): row for row in data.rows("oc2")}
        for child in sorted(data.oc2_cohort):
            row = rows.get(child, {})
            born = data.date_of_birth(child)
            age = age_on(born, data.year.end) if born else None
            for column in self.failing(data, row, age):
                yield self.fail(child, column)


class Rule186(_CohortRule):
    """A child of the cohort aged 4 or over at the start of the year and under 17 at its end
    has an SDQ score, or the reason there is none."""

    code = "186"
    message = "SDQ score or the reason it is missing is needed for a child aged 4 to 16."

    def check(self, data: Return903) -> Iterator[Failure]:
        rows = {row.get("CHILD", ""): row for row in data.rows("oc2")}
        for child in sorted(data.oc2_cohort):
            born = data.date_of_birth(child)
            if born is None or age_on(born, data.year.start) < 4:
                continue
            if age_on(born, data.year.end) < 17 and not _has_sdq(rows.get(child, {})):
                yield self.fail(child, "SDQ_SCORE")


class Rule187(Rule903):
    """A child with OC2 outcomes was not adopted (AD1) nor a care leaver (OC3)."""

    code = "187"
    message = "The child has OC2 data and also adoption (AD1) or care leaver (OC3) data."

    def check(self, data: Return903) -> Iterator[Failure]:
        others = {row.get("CHILD", "") for row in data.rows("ad1") + data.rows("oc3")}
        for row in data.rows("oc2"):
            if row.get("CHILD") in others:
                yield self.fail(row.get("CHILD", ""), "CHILD")


class Rule188(_OC2Rule):
    """No SDQ score or reason for a child under 4."""

    code = "188"
    message = "SDQ score or reason is given for a child under 4."

    def failing(self, data: Return903, row: Row, age: int | None) -> Iterator[str]:
        if age is not None and age < 4 and _has_sdq(row):
            yield "SDQ_SCORE"


class Rule189(Rule903):
    """No SDQ score or reason for a young person 17 or over at the start of the year."""

    code = "189"
    message = "SDQ score or reason is given for a young person 17 or over at the start of the year."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("oc2"):
            age = _age_at_start(data, row)
            if age is not None and age >= 17 and _has_sdq(row):
                yield self.fail(row.get("CHILD", ""), "SDQ_SCORE")


class Rule190(Rule903):
    """OC2 outcomes only for the OC2 cohort."""

    code = "190"
    message = "OC2 items are given for a child not looked after continuously for 12 months."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("oc2"):
            filled = [item for item in YES_NO_ITEMS if not is_blank(row.get(item))]
            if filled and row.get("CHILD") not in data.oc2_cohort:
                yield self.fail(row.get("CHILD", ""), filled[0])


class Rule191(_CohortRule):
    """Every child of the OC2 cohort has the health items."""

    code = "191"
    message = "OC2 health items are missing for a child looked after continuously for 12 months."

    def failing(self, data: Return903, row: Row, age: int | None) -> Iterator[str]:
        if not _has_health_items(row):
            yield "CHILD" if not row else HEALTH_ITEMS[0]


class Rule192(_OC2Rule):
    """A substance misuse problem: say whether an intervention was received."""

    code = "192"
    message = "Substance misuse is 1 but intervention received is blank."

    def failing(self, data: Return903, row: Row, age: int | None) -> Iterator[str]:
        if row.get("SUBSTANCE_MISUSE") == "1" and is_blank(row.get("INTERVENTION_RECEIVED")):
            yield "INTERVENTION_RECEIVED"


class Rule193(_OC2Rule):
    """No substance misuse problem: no intervention items."""

    code = "193"
    message = "Substance misuse is 0 but intervention items are filled in."

    def failing(self, data: Return903, row: Row, age: int | None) -> Iterator[str]:
        if row.get("SUBSTANCE_MISUSE") == "0":
            for item in ("INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"):
                if not is_blank(row.get(item)):
                    yield item


class Rule196(CodeRule):
    """The SDQ reason, when given, is SDQ1 to SDQ5."""

    code = "196"
    message = "SDQ reason is not a valid code."
    table, column, codes = "oc2", "SDQ_REASON", codes(SDQReason)


class Rule197a(_OC2Rule):
    """A reason for no SDQ score only when there is no score."""

    code = "197a"
    message = "SDQ reason is given although an SDQ score is present."

    def failing(self, data: Return903, row: Row, age: int | None) -> Iterator[str]:
        if not is_blank(row.get("SDQ_SCORE")) and not is_blank(row.get("SDQ_REASON")):
            yield "SDQ_REASON"


class Rule197B(_CohortRule):
    """A child of the cohort aged 4 or 17 has an SDQ score, or the reason there is none."""

    code = "197B"
    message = "SDQ score or the reason it is missing is needed for a child aged 4 or 17."

    def failing(self, data: Return903, row: Row, age: int | None) -> Iterator[str]:
        if age in (4, 17) and not _has_sdq(row):
            yield "SDQ_REASON"


class Rule198(Rule903):
    """An SDQ reason only for the OC2 cohort."""

    code = "198"
    message = "SDQ reason is given for a child not looked after continuously for 12 months."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("oc2"):
            if not is_blank(row.get("SDQ_REASON")) and row.get("CHILD") not in data.oc2_cohort:
                yield self.fail(row.get("CHILD", ""), "SDQ_REASON")


class Rule215(Rule903):
    """A young person is either a care leaver (OC3) or in the OC2 cohort, not both."""

    code = "215"
    message = "The young person has both care leaver (OC3) data and OC2 health items."

    def check(self, data: Return903) -> Iterator[Failure]:
        leavers = {
            row.get("CHILD", "")
            for row in data.rows("oc3")
            if any(not is_blank(row.get(item)) for item in ("IN_TOUCH", "ACTIV", "ACCOM"))
        }
        for row in data.rows("oc2"):
            if row.get("CHILD") in leavers and _has_health_items(row):
                yield self.fail(row.get("CHILD", ""), HEALTH_ITEMS[0])


class Rule542(_OC2Rule):
    """No conviction item for a child under 10."""

    code = "542"
    message = "The conviction item is given for a child under 10."

    def failing(self, data: Return903, row: Row, age: int | None) -> Iterator[str]:
        if age is not None and age < 10 and not is_blank(row.get("CONVICTED")):
            yield "CONVICTED"


class Rule543(_CohortRule):
    """A child of the cohort aged 10 or over has the conviction item."""

    code = "543"
    message = "The conviction item is missing for a child aged 10 or over."

    def failing(self, data: Return903, row: Row, age: int | None) -> Iterator[str]:
        if age is not None and age >= 10 and is_blank(row.get("CONVICTED")):
            yield "CONVICTED"


class Rule544(_OC2Rule):
    """The conviction item comes with the health items."""

    code = "544"
    message = "The conviction item is given without the other health items."

    def failing(self, data: Return903, row: Row, age: int | None) -> Iterator[str]:
        if not is_blank(row.get("CONVICTED")) and not _has_health_items(row):
            yield "CONVICTED"


class Rule545(_CohortRule):
    """A child of the cohort under 5 has the health check item."""

    code = "545"
    message = "The health check item is missing for a child under 5."

    def failing(self, data: Return903, row: Row, age: int | None) -> Iterator[str]:
        if age is not None and age < 5 and is_blank(row.get("HEALTH_CHECK")):
            yield "HEALTH_CHECK"


class Rule546(_OC2Rule):
    """No health check item for a child of 5 or over."""

    code = "546"
    message = "The health check item is given for a child aged 5 or over."

    def failing(self, data: Return903, row: Row, age: int | None) -> Iterator[str]:
        if age is not None and age >= 5 and not is_blank(row.get("HEALTH_CHECK")):
            yield "HEALTH_CHECK"


class Rule547(_OC2Rule):
    """The health check item comes with the other health items."""

    code = "547"
    message = "The health check item is given without the other health items."

    def failing(self, data: Return903, row: Row, age: int | None) -> Iterator[str]:
        if not is_blank(row.get("HEALTH_CHECK")) and not _has_health_items(row):
            yield "HEALTH_CHECK"
