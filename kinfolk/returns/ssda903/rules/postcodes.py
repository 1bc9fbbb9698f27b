"""Episodes: postcodes and Ofsted URN, the rules that need no reference list: which
placements have a URN, and where the postcodes are given (docs/reference/ssda903.md §4, "Episodes:
postcodes, location and Ofsted URN"). The rest of that group needs the postcode directory or
Ofsted's provider lists (see the package docstring)."""

from collections.abc import Iterator

from kinfolk.returns.framework import Failure
from kinfolk.returns.ssda903.rules.base import (
    ADOPTION_PLACEMENTS,
    FOSTER_PLACEMENTS,
    OTHER_PLACEMENTS,
    SHORT_BREAKS,
    TEMPORARY_PLACEMENTS,
    Return903,
    Rule903,
)
from kinfolk.returns.ssda903.rules.dates import is_blank, parse_date

#: Placement types with no Ofsted URN (rules 218 and 222).
NO_URN_PLACEMENTS = (
    frozenset({"P1", "P3", "R1", "R2", "R5"}) | TEMPORARY_PLACEMENTS | (OTHER_PLACEMENTS)
)


class Rule214(Rule903):
    """Short breaks (V3, V4) have no placement postcode and no URN."""

    code = "214"
    message = "Placement postcode or URN is given for a short break episode."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            if row.get("LS") in SHORT_BREAKS:
                for column in ("PL_POST", "URN"):
                    if not is_blank(row.get(column)):
                        yield self.fail(row.get("CHILD", ""), column)


class Rule218(Rule903):
    """Settings registered with Ofsted (every placement type except P1, P3, R1, R2, R5,
    temporary and Z11 to Z14) need their URN, for episodes ending this year or still open.
    Placements outside England are exempt, but telling them apart needs the postcode lookup,
    so this check assumes every placement is in England."""

    code = "218"
    message = "The Ofsted URN of the placement is required."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            end = parse_date(row.get("DEC"))
            current = end is None or end >= data.year.start
            if (
                current
                and row.get("PLACE") not in NO_URN_PLACEMENTS
                and is_blank(row.get("URN"))
                and row.get("LS") not in SHORT_BREAKS
            ):
                yield self.fail(row.get("CHILD", ""), "URN")


class Rule222(Rule903):
    """Placements with no Ofsted registration have no URN."""

    code = "222"
    message = "A URN is given for a placement type that has none."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            if row.get("PLACE") in NO_URN_PLACEMENTS and not is_blank(row.get("URN")):
                yield self.fail(row.get("CHILD", ""), "URN")


class Rule242(Rule903):
    """The URN XXXXXXX (regional adoption agency) is only for adoption and foster
    placements."""

    code = "242"
    message = "URN XXXXXXX is used for a placement other than adoption or fostering."

    def check(self, data: Return903) -> Iterator[Failure]:
        allowed = ADOPTION_PLACEMENTS | FOSTER_PLACEMENTS
        for row in data.rows("episodes"):
            if row.get("URN") == "XXXXXXX" and row.get("PLACE") not in allowed:
                yield self.fail(row.get("CHILD", ""), "URN")


class Rule392b(Rule903):
    """A looked-after child's episodes (other than short breaks) have the home and placement
    postcodes."""

    code = "392b"
    message = "Home or placement postcode is missing."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            if row.get("LS") in SHORT_BREAKS:
                continue
            for column in ("HOME_POST", "PL_POST"):
                if is_blank(row.get(column)):
                    yield self.fail(row.get("CHILD", ""), column)


class Rule392d(Rule903):
    """The home and placement postcodes are the same only for a placement with parents."""

    code = "392d"
    message = "Home and placement postcodes are the same for a placement other than P1."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            home = row.get("HOME_POST", "").replace(" ", "")
            if (
                home
                and home == row.get("PL_POST", "").replace(" ", "")
                and row.get("PLACE") != "P1"
            ):
                yield self.fail(row.get("CHILD", ""), "PL_POST")


class Rule398(Rule903):
    """Short break episodes (V3, V4) have no postcodes."""

    code = "398"
    message = "Postcodes are given for a short break episode."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            if row.get("LS") in SHORT_BREAKS:
                for column in ("HOME_POST", "PL_POST"):
                    if not is_blank(row.get(column)):
                        yield self.fail(row.get("CHILD", ""), column)
