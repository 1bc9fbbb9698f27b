"""The time limit for answering a subject access request.

UK GDPR Art. 12(3): the controller answers "without undue delay and in any event within one
month of receipt of the request", and may extend that "by two further months where necessary,
taking into account the complexity and number of the requests". A month runs from the day of
receipt to the corresponding calendar date of the next month; when the next month has no
such date (31 January, 30 and 31 March...) the limit is the last day of that month; and when
that day is a weekend or a bank holiday, the limit is the next working day (the Information
Commissioner's guidance on the right of access, "How long do we have to comply?"). An
extended limit is three months from receipt, counted the same way.
"""

import datetime as dt

from kinfolk.core.working_days import add_months, is_working_day

#: Months allowed to answer a request (UK GDPR Art. 12(3)).
RESPONSE_MONTHS = 1
#: Further months an extension allows, for complex or numerous requests (Art. 12(3)).
EXTENSION_MONTHS = 2


def response_due_on(received_on: dt.date, *, extended: bool = False) -> dt.date:
    """The last day to answer a request received on ``received_on``."""
    months = RESPONSE_MONTHS + (EXTENSION_MONTHS if extended else 0)
    due = add_months(received_on, months)
    while not is_working_day(due):
        due += dt.timedelta(days=1)
    return due
