"""The rows a child protection meeting records: who took part, the actions agreed, the
checks made, and the progress rated. The pages build them from their forms; imported history
has none."""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kinfolk.casework.choices import Agency
from kinfolk.protection.choices import Attendance, Progress


@dataclass(frozen=True)
class Attendee:
    """Someone at a strategy discussion or a core group."""

    name: str
    agency: str
    role: str = ""
    attendance: str = Attendance.PRESENT


@dataclass(frozen=True)
class AgreedAction:
    """An action agreed at a strategy discussion: what, by whom in which agency, by when."""

    description: str
    owner: str
    agency: str
    due_on: dt.date


@dataclass(frozen=True)
class Check:
    """A check made with an agency in a section 47 enquiry."""

    agency: str
    checked_on: dt.date
    result: str


@dataclass(frozen=True)
class Invitee:
    """Someone invited to a conference, how they took part, and their report."""

    name: str
    agency: str
    invited_on: dt.date | None
    attendance: str
    report_received_on: dt.date | None = None
    report_shared_on: dt.date | None = None


@dataclass(frozen=True)
class Rating:
    """Progress on one action or outcome of the plan (by its primary key), with evidence."""

    target: int
    rating: str
    evidence: str = ""


def check_agency(agency: str, field: str) -> None:
    if agency not in Agency.values:
        raise ValidationError({field: _("Choose the agency")})


def check_attendance(attendance: str, field: str) -> None:
    if attendance not in Attendance.values:
        raise ValidationError({field: _("Choose how they took part")})


def check_rating(rating: str, field: str) -> None:
    if rating not in Progress.values:
        raise ValidationError({field: _("Choose red, amber or green")})
