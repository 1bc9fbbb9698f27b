"""Dates and times as a worker reads them, in Europe/London: "3 March 2025", "3 March 2025
at 14:30". Every page, message and chronology entry writes dates through these two functions
(templates through the ``long_date`` and ``long_datetime`` filters of ``govuk``)."""

import datetime as dt

from django.utils.translation import gettext as _

from kinfolk.core.working_days import LONDON


def long_date(day: dt.date) -> str:
    """A date in full, as GOV.UK writes it: 3 March 2025."""
    return day.strftime("%-d %B %Y")


def long_datetime(moment: dt.datetime) -> str:
    """A date and time in Europe/London: 3 March 2025 at 14:30."""
    local = moment.astimezone(LONDON)
    return _("%(date)s at %(time)s") % {
        "date": long_date(local.date()),
        "time": local.strftime("%H:%M"),
    }
