"""The time limit for answering a subject access request.

UK GDPR Art. 12(3): the controller answers "without undue delay and in any event within one
month of receipt of the request", and may extend that "by two further months where necessary,
taking into account the complexity and number of the requests". A month runs from the day of
receipt to the corresponding calendar date of the next month; when the next month has no
such date (31 January, 30 and 31 March...) the limit is the last day of that month (the
Information Commissioner's guidance on the right of access, "How long do we have to
comply?"). An extended limit is three months from receipt, counted the same way.

The arithmetic is the standard library's calendar; the rule is short enough to state and
test here rather than take a date library for it.
"""

import calendar
import datetime as dt

#: Months allowed to answer a request (UK GDPR Art. 12(3)).
RESPONSE_MONTHS = 1
#: Further months an extension allows, for complex or numerous requests (Art. 12(3)).
EXTENSION_MONTHS = 2


def add_months(day: dt.date, months: int) -> dt.date:
    """The corresponding date ``months`` later, or the last day of that month when it has
    no corresponding date."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def response_due_on(received_on: dt.date, *, extended: bool = False) -> dt.date:
    """The last day to answer a request received on ``received_on``."""
    months = RESPONSE_MONTHS + (EXTENSION_MONTHS if extended else 0)
    return add_months(received_on, months)
