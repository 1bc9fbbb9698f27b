"""The timescales of a connected person's temporary approval as a foster carer.

When a child is placed with a relative, friend or other connected person who is not yet an
approved foster carer, the authority may approve them temporarily for up to 16 weeks while
their full assessment is completed (Care Planning, Placement and Case Review (England)
Regulations 2010, reg. 24). The temporary approval may be extended once, by up to 8 weeks,
when the assessment is not complete and the authority records why (reg. 25). The deadlines
are computed from the dates recorded, never typed.
"""

import datetime as dt

from kinfolk.core.working_days import add_weeks

#: Weeks a temporary approval lasts (Care Planning Regulations 2010, reg. 24).
TEMPORARY_APPROVAL_WEEKS = 16
#: Weeks of the one extension allowed (Care Planning Regulations 2010, reg. 25).
EXTENSION_WEEKS = 8
#: A temporary approval ending within this many days is flagged as due soon.
DUE_SOON_DAYS = 14


def temporary_approval_ends_on(approved_on: dt.date, *, is_extended: bool) -> dt.date:
    """The last day of a temporary approval given on ``approved_on``: 16 weeks, or 24 weeks
    once extended (reg. 24 and 25)."""
    weeks = TEMPORARY_APPROVAL_WEEKS + (EXTENSION_WEEKS if is_extended else 0)
    return add_weeks(approved_on, weeks)


def is_due_soon(ends_on: dt.date, today: dt.date) -> bool:
    """Whether a temporary approval ends within the next 14 days (and has not yet ended)."""
    return today <= ends_on <= today + dt.timedelta(days=DUE_SOON_DAYS)
