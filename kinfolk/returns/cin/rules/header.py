"""The CIN census rule on the header: the census is about the year ending 31 March."""

import datetime as dt
from collections.abc import Iterator

from kinfolk.returns.cin.rules.base import CensusRule
from kinfolk.returns.cin.rules.census import Census
from kinfolk.returns.framework import Failure


class Rule100(CensusRule):
    """The reference date must be given and be 31 March of the collection year."""

    code = "100"
    message = "Reference date is missing or is not 31 March of the collection year"

    def check(self, data: Census) -> Iterator[Failure]:
        header = data.header
        try:
            expected = dt.date(int(header.year), 3, 31)
        except ValueError:
            expected = None
        if header.reference_date is None or header.reference_date != expected:
            yield self.fail("", "ReferenceDate")
