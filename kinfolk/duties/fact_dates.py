"""Cutting a fact's dates at the date the casework is read as of (``ChildCasework.as_of``)."""

import datetime as dt


def cut_end(day: dt.date | None, as_of: dt.date) -> dt.date | None:
    """The day, if it had come by ``as_of``; otherwise not yet (None)."""
    return day if day is not None and day <= as_of else None


def on_or_before(day: dt.date, as_of: dt.date) -> dt.date | None:
    """The day, if it had come by ``as_of``."""
    return day if day <= as_of else None
