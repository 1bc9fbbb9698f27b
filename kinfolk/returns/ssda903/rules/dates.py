"""Dates as the SSDA903 writes them (``dd/mm/yyyy`` strings), parsed once, and the ages the
rules ask about (a child's age on a day, their nth birthday)."""

import datetime as dt
import re

_DATE = re.compile(r"^(\d{2})/(\d{2})/(\d{4})$")


def parse_date(text: str | None) -> dt.date | None:
    """The date written ``dd/mm/yyyy``, or None when blank or not a real date."""
    match = _DATE.match((text or "").strip())
    if not match:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def is_blank(text: str | None) -> bool:
    return not (text or "").strip()


def is_bad_date(text: str | None) -> bool:
    """Filled in, but not a real ``dd/mm/yyyy`` date."""
    return not is_blank(text) and parse_date(text) is None


def birthday(date_of_birth: dt.date, years: int) -> dt.date:
    """The child's birthday at ``years`` (a 29 February birthday falls on 1 March)."""
    try:
        return date_of_birth.replace(year=date_of_birth.year + years)
    except ValueError:
        return dt.date(date_of_birth.year + years, 3, 1)


def age_on(date_of_birth: dt.date, day: dt.date) -> int:
    """Whole years of age on ``day``."""
    years = day.year - date_of_birth.year
    if (day.month, day.day) < (date_of_birth.month, date_of_birth.day):
        years -= 1
    return years
