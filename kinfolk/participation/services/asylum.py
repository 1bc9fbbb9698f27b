"""What the care record's UASC periods (kinfolk.care) do not hold about an unaccompanied
asylum-seeking child: the interpreter and languages, age assessments, and immigration status
with its next step."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinfolk.care.services.uasc import open_uasc_period
from kinfolk.casework.services import lock_child
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.dates import long_date
from kinfolk.participation.choices import AgeAssessmentOutcome, ImmigrationStatus
from kinfolk.participation.models import AgeAssessment, ImmigrationStatusRecord, Interpreter
from kinfolk.participation.registrations import ParticipationEntryKind as Kind
from kinfolk.participation.services.common import UASC_KNOWN, check_day, entry, required
from kinfolk.people.models import Child


@transaction.atomic
def record_interpreter(
    *,
    child: Child,
    is_needed: bool,
    languages: str = "",
    actor: Actor | None = None,
    version: int | None = None,
) -> Interpreter:
    """Whether the child needs an interpreter, and in which languages."""
    child = lock_child(child)
    UASC_KNOWN.check(child)
    languages = languages.strip()
    if is_needed and not languages:
        raise ValidationError({"languages": _("Enter the languages the interpreter speaks")})
    record = Interpreter.objects.select_for_update().filter(child=child).first()
    if record is None:
        record = Interpreter(child=child, version=0)
    record.next_version(version)
    record.is_needed = is_needed
    record.languages = languages if is_needed else ""
    record.recorded_by = staff_member(actor)
    record.save()
    return record


@transaction.atomic
def record_age_assessment(
    *,
    child: Child,
    assessed_on: dt.date,
    assessed_by: str,
    outcome: str,
    assessed_date_of_birth: dt.date | None = None,
    actor: Actor | None = None,
    is_imported: bool = False,
) -> AgeAssessment:
    """An age assessment's outcome. An assessed date of birth is the assessment's finding,
    kept here; it does not change the child's identity."""
    child = lock_child(child)
    UASC_KNOWN.check(child)
    check_day(child, assessed_on, "assessed_on", _("date of the assessment"))
    assessed_by = required(assessed_by, "assessed_by", _("Enter who assessed the child's age"))
    if outcome not in AgeAssessmentOutcome.values:
        raise ValidationError({"outcome": _("Choose the outcome of the assessment")})
    if outcome == AgeAssessmentOutcome.ASSESSED:
        if assessed_date_of_birth is None:
            raise ValidationError({"assessed_date_of_birth": _("Enter the assessed date of birth")})
        if assessed_date_of_birth >= assessed_on:
            raise ValidationError(
                {
                    "assessed_date_of_birth": _(
                        "The assessed date of birth must be before the assessment"
                    )
                }
            )
    else:
        assessed_date_of_birth = None
    record = AgeAssessment.objects.create(
        child=child,
        assessed_on=assessed_on,
        assessed_by=assessed_by,
        outcome=outcome,
        assessed_date_of_birth=assessed_date_of_birth,
        recorded_by=staff_member(actor),
        is_imported=is_imported,
    )
    summary = _("Age assessment: age accepted")
    if assessed_date_of_birth is not None:
        summary = _("Age assessment: assessed date of birth %(date)s") % {
            "date": long_date(assessed_date_of_birth)
        }
    entry(child, assessed_on, Kind.AGE_ASSESSMENT, summary, actor)
    return record


@transaction.atomic
def record_immigration_status(
    *,
    child: Child,
    status: str,
    status_on: dt.date,
    next_step: str = "",
    detail: str = "",
    actor: Actor | None = None,
    is_imported: bool = False,
) -> ImmigrationStatusRecord:
    """The child's immigration status from a date, and the next step. The open UASC period's
    immigration status (kinfolk.care) is kept to the latest."""
    child = lock_child(child)
    UASC_KNOWN.check(child)
    if status not in ImmigrationStatus.values:
        raise ValidationError({"status": _("Choose the immigration status")})
    check_day(child, status_on, "status_on", _("date of the status"))
    detail = detail.strip()
    if status == ImmigrationStatus.OTHER:
        detail = required(detail, "detail", _("Say what the status is"))
    latest = ImmigrationStatusRecord.objects.filter(child=child).first()
    if latest is not None and status_on < latest.status_on:
        raise ValidationError(
            {
                "status_on": _("A later status is recorded from %(date)s")
                % {"date": long_date(latest.status_on)}
            }
        )
    record = ImmigrationStatusRecord.objects.create(
        child=child,
        status=status,
        status_on=status_on,
        detail=detail,
        next_step=next_step.strip(),
        recorded_by=staff_member(actor),
        is_imported=is_imported,
    )
    period = open_uasc_period(child)
    if period is not None:
        period.immigration_status = detail or record.get_status_display()
        period.save(update_fields=["immigration_status"])
    entry(
        child,
        status_on,
        Kind.IMMIGRATION_STATUS,
        _("Immigration status: %(status)s") % {"status": record.get_status_display()},
        actor,
    )
    return record
