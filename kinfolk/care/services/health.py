"""Recording the health, education, missing episodes, exploitation screening and
unaccompanied asylum-seeking status of a child (docs/domain.md stages 20-23).

Health records and PEPs are kept while the child is looked after: each belongs to the period
of care that covers its date. Missing episodes and exploitation screenings can be recorded for
any child, from home too; the SSDA903 Missing table later counts only those in care.

Every function runs in one transaction, locks the child first, writes the chronology and
publishes ``casework_changed``; a refusal raises ``ValidationError`` keyed by field, in
casework words, and changes nothing. Details that only the pages ask for (who assessed, the
child's views, targets) are not required of records loaded from a journey
(``is_imported=True``), which say that they were imported.
"""

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinfolk.care.models import (
    ExploitationKind,
    ExploitationScreening,
    HealthAssessment,
    HealthAssessmentKind,
    HealthConsent,
    HealthPlanAction,
    MissingEpisode,
    OutcomeKind,
    OutcomeRecord,
    PEPQuality,
    PEPTarget,
    PeriodOfCare,
    PersonalEducationPlan,
    PupilProgress,
    RiskLevel,
    SENStatus,
    UASCPeriod,
)
from kinfolk.casework.services import check_not_future, lock_child, long_date
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import staff_member
from kinfolk.core.codes import MissingKind, SDQReason
from kinfolk.core.events import publish_casework_changed
from kinfolk.core.working_days import LONDON, add_months
from kinfolk.people.models import Child
from kinfolk.protection.models import StrategyDiscussion

#: A PEP is made for a child in early years or of compulsory school age: 3 to 17 on its date
#: (Promoting the education of looked-after children, 2018).
PEP_AGES = range(3, 18)
#: How far back a missing episode or a screening calls for a strategy discussion before a
#: placement move (docs/domain.md finding 5).
MISSING_LOOKBACK_DAYS = 30
SCREENING_LOOKBACK_DAYS = 90


class ActionInput(NamedTuple):
    """An action of a health plan, or a SMART target of a PEP: what, who, by when."""

    description: str
    owner: str
    due_on: dt.date


def long_datetime(moment: dt.datetime) -> str:
    """A date-time as a worker reads it, in Europe/London: 3 March 2025 at 14:30."""
    local = moment.astimezone(LONDON)
    return _("%(date)s at %(time)s") % {
        "date": long_date(local.date()),
        "time": local.strftime("%H:%M"),
    }


def _check_day(child: Child, on: dt.date, field: str, what: str) -> None:
    """Refuse a date in the future or before the child was born."""
    check_not_future(on, field, what)
    if child.date_of_birth is None or on < child.date_of_birth:
        raise ValidationError(
            {
                field: _("The %(what)s cannot be before %(child)s was born")
                % {"what": what, "child": child}
            }
        )


def _check_moment(child: Child, at: dt.datetime, field: str, what: str) -> None:
    """Refuse a date-time in the future or before the child was born."""
    if at > timezone.now():
        raise ValidationError(
            {field: _("The %(what)s must be now or in the past") % {"what": what}}
        )
    if child.date_of_birth is None or at.astimezone(LONDON).date() < child.date_of_birth:
        raise ValidationError(
            {
                field: _("The %(what)s cannot be before %(child)s was born")
                % {"what": what, "child": child}
            }
        )


def _looked_after(child: Child, on: dt.date, field: str) -> PeriodOfCare:
    """The period of care covering ``on``; health and education records need one."""
    period = (
        PeriodOfCare.objects.filter(child=child, start_on__lte=on)
        .exclude(end_on__lt=on)
        .order_by("-start_on")
        .first()
    )
    if period is None:
        raise ValidationError(
            {
                field: _("%(child)s was not looked after on %(date)s")
                % {"child": child, "date": long_date(on)}
            }
        )
    return period


def _check_actions(actions: Sequence[ActionInput], after: dt.date, field: str) -> None:
    for action in actions:
        if not action.description.strip() or not action.owner.strip():
            raise ValidationError({field: _("Say what needs to happen and who will do it")})
        if action.due_on < after:
            raise ValidationError(
                {
                    field: _("The due date of “%(what)s” is before %(date)s")
                    % {"what": action.description.strip(), "date": long_date(after)}
                }
            )


def _done(child: Child, occurred_on: dt.date, kind: EntryKind, summary: str, actor) -> None:
    add_entry(
        child_id=child.pk,
        occurred_on=occurred_on,
        kind=kind,
        summary=summary,
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)


@transaction.atomic
def record_health_assessment(
    *,
    child: Child,
    assessed_on: dt.date,
    kind: str,
    assessed_by: str = "",
    consent: str = "",
    is_health_passport_given: bool | None = None,
    summary: str = "",
    actions: Sequence[ActionInput] = (),
    is_imported: bool = False,
    actor: AbstractBaseUser | None = None,
) -> HealthAssessment:
    """Record a statutory health assessment of a looked-after child, with the actions of its
    health plan. The initial assessment is made once in each period of care; on a page, who
    carried it out and consent are required (Promoting the health and wellbeing of
    looked-after children, 2015)."""
    child = lock_child(child)
    _check_day(child, assessed_on, "assessed_on", _("date of the assessment"))
    if kind not in HealthAssessmentKind.values:
        raise ValidationError({"kind": _("Choose initial or review health assessment")})
    period = _looked_after(child, assessed_on, "assessed_on")
    if kind == HealthAssessmentKind.INITIAL:
        initial = HealthAssessment.objects.filter(period=period, kind=kind).first()
        if initial is not None:
            raise ValidationError(
                {
                    "kind": _(
                        "The initial health assessment of this period of care was on %(date)s: "
                        "record a review health assessment"
                    )
                    % {"date": long_date(initial.assessed_on)}
                }
            )
    if consent and consent not in HealthConsent.values:
        raise ValidationError({"consent": _("Choose who consented")})
    if not is_imported:
        if not assessed_by.strip():
            raise ValidationError({"assessed_by": _("Enter who carried out the assessment")})
        if not consent:
            raise ValidationError({"consent": _("Choose who consented to the assessment")})
    _check_actions(actions, assessed_on, "actions")
    assessment = HealthAssessment.objects.create(
        child=child,
        period=period,
        assessed_on=assessed_on,
        kind=kind,
        assessed_by=assessed_by.strip(),
        consent=consent,
        is_health_passport_given=is_health_passport_given,
        summary=summary.strip(),
        is_imported=is_imported,
        recorded_by=staff_member(actor),
    )
    HealthPlanAction.objects.bulk_create(
        HealthPlanAction(
            assessment=assessment,
            description=action.description.strip(),
            owner=action.owner.strip(),
            due_on=action.due_on,
            recorded_by=staff_member(actor),
        )
        for action in actions
    )
    _done(child, assessed_on, EntryKind.HEALTH, assessment.get_kind_display(), actor)
    return assessment


@transaction.atomic
def add_health_plan_action(
    *,
    assessment: HealthAssessment,
    action: ActionInput,
    actor: AbstractBaseUser | None = None,
) -> HealthPlanAction:
    """Add an action to the health plan of an assessment: who does what by when."""
    child = lock_child(assessment.child)
    _check_actions([action], assessment.assessed_on, "description")
    created = HealthPlanAction.objects.create(
        assessment=assessment,
        description=action.description.strip(),
        owner=action.owner.strip(),
        due_on=action.due_on,
        recorded_by=staff_member(actor),
    )
    _done(
        child,
        timezone.localdate(),
        EntryKind.HEALTH,
        _("Health plan action: %(what)s") % {"what": created.description},
        actor,
    )
    return created


@transaction.atomic
def complete_health_plan_action(
    *, action: HealthPlanAction, done_on: dt.date, actor: AbstractBaseUser | None = None
) -> HealthPlanAction:
    """Record that an action of the health plan was done."""
    child = lock_child(action.assessment.child)
    check_not_future(done_on, "done_on", _("date the action was done"))
    if action.done_on is not None:
        raise ValidationError(
            {"done_on": _("This action was done on %(date)s") % {"date": long_date(action.done_on)}}
        )
    if done_on < action.assessment.assessed_on:
        raise ValidationError(
            {
                "done_on": _("This is before the health assessment of %(date)s")
                % {"date": long_date(action.assessment.assessed_on)}
            }
        )
    action.done_on = done_on
    action.save(update_fields=["done_on"])
    _done(
        child,
        done_on,
        EntryKind.HEALTH,
        _("Health plan action done: %(what)s") % {"what": action.description},
        actor,
    )
    return action


def _record_outcome(
    child: Child, kind: OutcomeKind, on: dt.date, actor: AbstractBaseUser | None, **values
) -> OutcomeRecord:
    record = OutcomeRecord.objects.create(
        child=child, kind=kind, recorded_on=on, recorded_by=staff_member(actor), **values
    )
    _done(child, on, EntryKind.HEALTH, _describe_outcome(record), actor)
    return record


def _describe_outcome(record: OutcomeRecord) -> str:
    label = record.get_kind_display()
    if record.kind == OutcomeKind.IMMUNISATIONS:
        return (
            _("%(label)s: up to date") % {"label": label}
            if record.is_up_to_date
            else (_("%(label)s: not up to date") % {"label": label})
        )
    if record.kind == OutcomeKind.SDQ:
        if record.sdq_score is not None:
            return _("SDQ score %(score)s") % {"score": record.sdq_score}
        return _("SDQ not completed: %(reason)s") % {"reason": record.get_sdq_reason_display()}
    return str(label)


def _outcome_checks(child: Child, on: dt.date, what: str) -> Child:
    child = lock_child(child)
    _check_day(child, on, "recorded_on", what)
    _looked_after(child, on, "recorded_on")
    return child


@transaction.atomic
def record_dental_check(
    *,
    child: Child,
    recorded_on: dt.date,
    notes: str = "",
    is_imported: bool = False,
    actor: AbstractBaseUser | None = None,
) -> OutcomeRecord:
    """A dentist checked the child's teeth (SSDA903 OC2 TEETH_CHECK)."""
    child = _outcome_checks(child, recorded_on, _("date of the dental check"))
    return _record_outcome(
        child, OutcomeKind.DENTAL, recorded_on, actor, notes=notes.strip(), is_imported=is_imported
    )


@transaction.atomic
def record_development_check(
    *,
    child: Child,
    recorded_on: dt.date,
    notes: str = "",
    is_imported: bool = False,
    actor: AbstractBaseUser | None = None,
) -> OutcomeRecord:
    """A health surveillance and development check of a child under 5 (SSDA903 OC2
    HEALTH_CHECK, which is left blank from age 5, rule 546)."""
    child = _outcome_checks(child, recorded_on, _("date of the development check"))
    if (child.age_on(recorded_on) or 0) >= 5:
        raise ValidationError(
            {
                "recorded_on": _(
                    "Development checks are for children under 5: %(child)s was %(age)s"
                )
                % {"child": child, "age": child.age_on(recorded_on)}
            }
        )
    return _record_outcome(
        child,
        OutcomeKind.DEVELOPMENT,
        recorded_on,
        actor,
        notes=notes.strip(),
        is_imported=is_imported,
    )


@transaction.atomic
def record_immunisations(
    *,
    child: Child,
    recorded_on: dt.date,
    is_up_to_date: bool,
    notes: str = "",
    is_imported: bool = False,
    actor: AbstractBaseUser | None = None,
) -> OutcomeRecord:
    """Whether the child's immunisations were up to date on a date (SSDA903 OC2
    IMMUNISATIONS)."""
    child = _outcome_checks(child, recorded_on, _("date the immunisations were checked"))
    if is_up_to_date is None:
        raise ValidationError({"is_up_to_date": _("Say whether the immunisations are up to date")})
    return _record_outcome(
        child,
        OutcomeKind.IMMUNISATIONS,
        recorded_on,
        actor,
        is_up_to_date=is_up_to_date,
        notes=notes.strip(),
        is_imported=is_imported,
    )


@transaction.atomic
def record_sdq(
    *,
    child: Child,
    recorded_on: dt.date,
    score: int | None = None,
    reason: str = "",
    notes: str = "",
    is_imported: bool = False,
    actor: AbstractBaseUser | None = None,
) -> OutcomeRecord:
    """A strengths and difficulties questionnaire: its total score from 0 to 40, or the reason
    it was not completed, never both (SSDA903 OC2 SDQ_SCORE and SDQ_REASON, rules 180, 196,
    197a). SDQ1 is for children under 4 or over 16 (rule 157)."""
    child = _outcome_checks(child, recorded_on, _("date of the SDQ"))
    if score is None and not reason:
        raise ValidationError({"score": _("Enter the SDQ score, or the reason there is none")})
    if score is not None and reason:
        raise ValidationError(
            {"reason": _("Give either the SDQ score or a reason it was not completed, not both")}
        )
    if score is not None and not 0 <= score <= 40:
        raise ValidationError({"score": _("The SDQ score must be from 0 to 40")})
    if reason and reason not in SDQReason.values:
        raise ValidationError({"reason": _("Choose why the SDQ was not completed")})
    age = child.age_on(recorded_on) or 0
    if reason == SDQReason.SDQ1 and 4 <= age <= 16:
        raise ValidationError(
            {
                "reason": _("%(child)s was %(age)s: SDQ1 is only for children under 4 or over 16")
                % {"child": child, "age": age}
            }
        )
    return _record_outcome(
        child,
        OutcomeKind.SDQ,
        recorded_on,
        actor,
        sdq_score=score,
        sdq_reason=reason,
        notes=notes.strip(),
        is_imported=is_imported,
    )


@transaction.atomic
def record_conviction(
    *,
    child: Child,
    recorded_on: dt.date,
    notes: str = "",
    is_imported: bool = False,
    actor: AbstractBaseUser | None = None,
) -> OutcomeRecord:
    """The child was convicted or given a youth caution while looked after (SSDA903 OC2
    CONVICTED, asked from age 10, rule 542)."""
    child = _outcome_checks(child, recorded_on, _("date of the conviction"))
    if (child.age_on(recorded_on) or 0) < 10:
        raise ValidationError(
            {
                "recorded_on": _(
                    "%(child)s was under 10, the age of criminal responsibility, on %(date)s"
                )
                % {"child": child, "date": long_date(recorded_on)}
            }
        )
    return _record_outcome(
        child,
        OutcomeKind.CONVICTION,
        recorded_on,
        actor,
        notes=notes.strip(),
        is_imported=is_imported,
    )


@transaction.atomic
def record_substance_misuse(
    *,
    child: Child,
    recorded_on: dt.date,
    is_intervention_received: bool | None = None,
    is_intervention_offered: bool | None = None,
    notes: str = "",
    is_imported: bool = False,
    actor: AbstractBaseUser | None = None,
) -> OutcomeRecord:
    """A substance misuse problem was identified, with whether the child received an
    intervention and, if not, whether one was offered and refused (SSDA903 OC2
    SUBSTANCE_MISUSE, INTERVENTION_RECEIVED and INTERVENTION_OFFERED, rules 158, 159)."""
    child = _outcome_checks(child, recorded_on, _("date the substance misuse was identified"))
    if is_intervention_received and is_intervention_offered is not None:
        raise ValidationError(
            {
                "is_intervention_offered": _(
                    "Say whether an intervention was offered only when none was received"
                )
            }
        )
    return _record_outcome(
        child,
        OutcomeKind.SUBSTANCE_MISUSE,
        recorded_on,
        actor,
        is_intervention_received=is_intervention_received,
        is_intervention_offered=is_intervention_offered,
        notes=notes.strip(),
        is_imported=is_imported,
    )


@transaction.atomic
def record_pep(
    *,
    child: Child,
    made_on: dt.date,
    school: str = "",
    is_out_of_area: bool | None = None,
    sen_status: str = "",
    child_views: str = "",
    targets: Sequence[ActionInput] = (),
    pupil_premium: Decimal | None = None,
    pupil_premium_spending: str = "",
    attendance_percent: Decimal | None = None,
    suspensions: int | None = None,
    is_permanently_excluded: bool | None = None,
    progress: str = "",
    attainment: str = "",
    aspirations: str = "",
    is_imported: bool = False,
    actor: AbstractBaseUser | None = None,
) -> PersonalEducationPlan:
    """Record a personal education plan for a looked-after child aged 3 to 17. On a page the
    school, the child's views and at least one SMART target (what, who, by when) are required
    (Promoting the education of looked-after children, 2018; docs/domain.md findings 55, 56, 66)."""
    child = lock_child(child)
    _check_day(child, made_on, "made_on", _("date of the PEP"))
    period = _looked_after(child, made_on, "made_on")
    age = child.age_on(made_on)
    if age not in PEP_AGES:
        raise ValidationError(
            {
                "made_on": _(
                    "%(child)s was %(age)s on %(date)s: a PEP is for children aged 3 to 17"
                )
                % {"child": child, "age": age, "date": long_date(made_on)}
            }
        )
    for value, choices, name, message in (
        (sen_status, SENStatus, "sen_status", _("Choose the special educational needs status")),
        (progress, PupilProgress, "progress", _("Choose the progress the child is making")),
    ):
        if value and value not in choices.values:
            raise ValidationError({name: message})
    if attendance_percent is not None and not 0 <= attendance_percent <= 100:
        raise ValidationError({"attendance_percent": _("Attendance must be from 0 to 100%")})
    if pupil_premium is not None and pupil_premium < 0:
        raise ValidationError({"pupil_premium": _("The pupil premium cannot be negative")})
    if not is_imported:
        if not school.strip():
            raise ValidationError({"school": _("Enter the school or setting")})
        if not child_views.strip():
            raise ValidationError({"child_views": _("Enter the child's views")})
        if not targets:
            raise ValidationError(
                {"targets": _("Enter at least one target: what, who and by when")}
            )
    _check_actions(targets, made_on, "targets")
    pep = PersonalEducationPlan.objects.create(
        child=child,
        period=period,
        made_on=made_on,
        school=school.strip(),
        is_out_of_area=is_out_of_area,
        sen_status=sen_status,
        child_views=child_views.strip(),
        pupil_premium=pupil_premium,
        pupil_premium_spending=pupil_premium_spending.strip(),
        attendance_percent=attendance_percent,
        suspensions=suspensions,
        is_permanently_excluded=is_permanently_excluded,
        progress=progress,
        attainment=attainment.strip(),
        aspirations=aspirations.strip(),
        is_imported=is_imported,
        recorded_by=staff_member(actor),
    )
    PEPTarget.objects.bulk_create(
        PEPTarget(
            pep=pep,
            description=target.description.strip(),
            owner=target.owner.strip(),
            due_on=target.due_on,
        )
        for target in targets
    )
    _done(child, made_on, EntryKind.EDUCATION, _("Personal education plan"), actor)
    return pep


@transaction.atomic
def rate_pep(
    *,
    pep: PersonalEducationPlan,
    quality: str,
    rated_on: dt.date,
    actor: AbstractBaseUser | None = None,
) -> PersonalEducationPlan:
    """The virtual school rates the quality of a PEP (docs/domain.md finding 55)."""
    child = lock_child(pep.child)
    check_not_future(rated_on, "rated_on", _("date of the rating"))
    if quality not in PEPQuality.values:
        raise ValidationError({"quality": _("Choose the quality rating")})
    if rated_on < pep.made_on:
        raise ValidationError(
            {
                "rated_on": _("This is before the PEP was made, on %(date)s")
                % {"date": long_date(pep.made_on)}
            }
        )
    pep.quality = quality
    pep.quality_rated_on = rated_on
    pep.quality_rated_by = staff_member(actor)
    pep.save(update_fields=["quality", "quality_rated_on", "quality_rated_by"])
    _done(
        child,
        rated_on,
        EntryKind.EDUCATION,
        _("PEP of %(date)s rated: %(quality)s")
        % {"date": long_date(pep.made_on), "quality": pep.get_quality_display()},
        actor,
    )
    return pep


@transaction.atomic
def start_missing_episode(
    *,
    child: Child,
    started_at: dt.datetime,
    kind: str,
    is_police_informed: bool | None = None,
    police_reference: str = "",
    is_imported: bool = False,
    actor: AbstractBaseUser | None = None,
) -> MissingEpisode:
    """The child went missing, or is away without authorisation (SSDA903 MISSING M or A).
    A child has one open episode at a time, and episodes do not overlap (rule 574)."""
    child = lock_child(child)
    _check_moment(child, started_at, "started_at", _("time the child went missing"))
    if kind not in MissingKind.values:
        raise ValidationError({"kind": _("Choose missing or away without authorisation")})
    current = MissingEpisode.objects.filter(child=child, ended_at__isnull=True).first()
    if current is not None:
        raise ValidationError(
            {
                "started_at": _(
                    "%(child)s has been missing since %(when)s: record the return first"
                )
                % {"child": child, "when": long_datetime(current.started_at)}
            }
        )
    last = MissingEpisode.objects.filter(child=child).order_by("-ended_at").first()
    if last is not None and started_at < last.ended_at:
        raise ValidationError(
            {
                "started_at": _("This is before the return from the last episode, on %(when)s")
                % {"when": long_datetime(last.ended_at)}
            }
        )
    if not is_imported and is_police_informed is None:
        raise ValidationError({"is_police_informed": _("Say whether the police were informed")})
    episode = MissingEpisode.objects.create(
        child=child,
        kind=kind,
        started_at=started_at,
        is_police_informed=is_police_informed,
        police_reference=police_reference.strip(),
        is_imported=is_imported,
        recorded_by=staff_member(actor),
    )
    _done(
        child,
        started_at.astimezone(LONDON).date(),
        EntryKind.MISSING,
        _("%(kind)s from %(when)s")
        % {"kind": episode.get_kind_display(), "when": long_datetime(started_at)},
        actor,
    )
    return episode


@transaction.atomic
def end_missing_episode(
    *,
    child: Child,
    ended_at: dt.datetime,
    where_found: str = "",
    is_imported: bool = False,
    actor: AbstractBaseUser | None = None,
) -> MissingEpisode:
    """The child returned or was found: the open episode ends. A return interview is then
    offered within 72 hours (docs/duties.md ``rhi-72h``)."""
    child = lock_child(child)
    _check_moment(child, ended_at, "ended_at", _("time the child returned"))
    episode = MissingEpisode.objects.filter(child=child, ended_at__isnull=True).first()
    if episode is None:
        raise ValidationError({"ended_at": _("%(child)s is not missing") % {"child": child}})
    if ended_at <= episode.started_at:
        raise ValidationError(
            {
                "ended_at": _("The return must be after the child went missing, on %(when)s")
                % {"when": long_datetime(episode.started_at)}
            }
        )
    if not is_imported and not where_found.strip():
        raise ValidationError({"where_found": _("Enter where the child was found")})
    episode.ended_at = ended_at
    episode.where_found = where_found.strip()
    episode.save(update_fields=["ended_at", "where_found"])
    _done(
        child,
        ended_at.astimezone(LONDON).date(),
        EntryKind.MISSING,
        _("Returned after %(duration)s %(kind)s")
        % {"duration": episode.duration_text, "kind": episode.get_kind_display().lower()},
        actor,
    )
    return episode


def _returned_episode(
    child: Child, at: dt.datetime, episode: MissingEpisode | None, field: str
) -> MissingEpisode:
    """The ended episode a return interview is about: the one given, or the latest to have
    ended on or before ``at``."""
    if episode is not None and episode.child_id != child.pk:
        raise ValidationError({field: _("Choose one of this child's missing episodes")})
    if episode is None:
        episode = (
            MissingEpisode.objects.filter(child=child, ended_at__isnull=False, ended_at__lte=at)
            .order_by("-ended_at")
            .first()
        )
    if episode is None or episode.ended_at is None:
        open_one = MissingEpisode.objects.filter(child=child, ended_at__isnull=True).exists()
        if open_one:
            raise ValidationError(
                {field: _("%(child)s is still missing: record the return first") % {"child": child}}
            )
        raise ValidationError(
            {field: _("%(child)s has no missing episode that has ended") % {"child": child}}
        )
    if at < episode.ended_at:
        raise ValidationError(
            {
                field: _("This is before the child returned, on %(when)s")
                % {"when": long_datetime(episode.ended_at)}
            }
        )
    return episode


@transaction.atomic
def offer_return_interview(
    *,
    child: Child,
    offered_at: dt.datetime,
    episode: MissingEpisode | None = None,
    actor: AbstractBaseUser | None = None,
) -> MissingEpisode:
    """A return interview was offered after the child's return (within 72 hours is on time;
    Children who run away or go missing from home or care, 2014)."""
    child = lock_child(child)
    _check_moment(child, offered_at, "offered_at", _("time the interview was offered"))
    episode = _returned_episode(child, offered_at, episode, "offered_at")
    if episode.return_interview_offered_at is not None:
        raise ValidationError(
            {
                "offered_at": _("A return interview was already offered, on %(when)s")
                % {"when": long_datetime(episode.return_interview_offered_at)}
            }
        )
    episode.return_interview_offered_at = offered_at
    episode.save(update_fields=["return_interview_offered_at"])
    _done(
        child,
        offered_at.astimezone(LONDON).date(),
        EntryKind.MISSING,
        _("Return interview offered"),
        actor,
    )
    return episode


@transaction.atomic
def record_return_interview(
    *,
    child: Child,
    interview_at: dt.datetime,
    is_accepted: bool,
    episode: MissingEpisode | None = None,
    interviewed_by: str = "",
    push_factors: str = "",
    pull_factors: str = "",
    risk: str = "",
    is_imported: bool = False,
    actor: AbstractBaseUser | None = None,
) -> MissingEpisode:
    """The return interview was held, or the child declined it. An interview that was never
    recorded as offered counts as offered when it took place. On a page, who held an
    accepted interview and the risk are required."""
    child = lock_child(child)
    _check_moment(child, interview_at, "interview_at", _("time of the interview"))
    if is_accepted is None:
        raise ValidationError({"is_accepted": _("Say whether the child accepted the interview")})
    episode = _returned_episode(child, interview_at, episode, "interview_at")
    if episode.return_interview_at is not None:
        raise ValidationError(
            {
                "interview_at": _("The return interview was already recorded, on %(when)s")
                % {"when": long_datetime(episode.return_interview_at)}
            }
        )
    if episode.return_interview_offered_at and interview_at < episode.return_interview_offered_at:
        raise ValidationError(
            {
                "interview_at": _("This is before the interview was offered, on %(when)s")
                % {"when": long_datetime(episode.return_interview_offered_at)}
            }
        )
    if risk and risk not in RiskLevel.values:
        raise ValidationError({"risk": _("Choose the level of risk")})
    if is_accepted and not is_imported:
        if not interviewed_by.strip():
            raise ValidationError({"interviewed_by": _("Enter who held the interview")})
        if not risk:
            raise ValidationError({"risk": _("Choose the level of risk")})
    episode.return_interview_offered_at = episode.return_interview_offered_at or interview_at
    episode.return_interview_at = interview_at
    episode.return_interview_accepted = is_accepted
    episode.interviewed_by = interviewed_by.strip()
    episode.push_factors = push_factors.strip()
    episode.pull_factors = pull_factors.strip()
    episode.risk = risk
    episode.save()
    _done(
        child,
        interview_at.astimezone(LONDON).date(),
        EntryKind.MISSING,
        _("Return interview held") if is_accepted else _("Return interview declined"),
        actor,
    )
    return episode


@transaction.atomic
def screen_for_exploitation(
    *,
    child: Child,
    screened_on: dt.date,
    kind: str,
    risk_level: str,
    is_referred_to_complex_safeguarding: bool = False,
    notes: str = "",
    actor: AbstractBaseUser | None = None,
) -> ExploitationScreening:
    """Record a screening of the child's risk of sexual or criminal exploitation, and whether
    the child was referred to the complex safeguarding team (docs/domain.md stage 23)."""
    child = lock_child(child)
    _check_day(child, screened_on, "screened_on", _("date of the screening"))
    if kind not in ExploitationKind.values:
        raise ValidationError({"kind": _("Choose the kind of exploitation screened for")})
    if risk_level not in RiskLevel.values:
        raise ValidationError({"risk_level": _("Choose the level of risk")})
    screening = ExploitationScreening.objects.create(
        child=child,
        screened_on=screened_on,
        kind=kind,
        risk_level=risk_level,
        is_referred_to_complex_safeguarding=is_referred_to_complex_safeguarding,
        notes=notes.strip(),
        recorded_by=staff_member(actor),
    )
    _done(
        child,
        screened_on,
        EntryKind.EXPLOITATION,
        _("Exploitation screening (%(kind)s): risk %(risk)s")
        % {
            "kind": screening.get_kind_display().lower(),
            "risk": screening.get_risk_level_display().lower(),
        },
        actor,
    )
    return screening


@transaction.atomic
def start_uasc(
    *,
    child: Child,
    start_on: dt.date,
    immigration_status: str = "",
    actor: AbstractBaseUser | None = None,
) -> UASCPeriod:
    """The child is recognised as an unaccompanied asylum-seeking child (SSDA903 UASC)."""
    child = lock_child(child)
    _check_day(child, start_on, "start_on", _("date UASC status began"))
    if (child.age_on(start_on) or 0) >= 18:
        raise ValidationError({"start_on": _("UASC status is for children under 18")})
    current = UASCPeriod.objects.filter(child=child, end_on__isnull=True).first()
    if current is not None:
        raise ValidationError(
            {
                "start_on": _(
                    "%(child)s has been an unaccompanied asylum-seeking child since %(date)s"
                )
                % {"child": child, "date": long_date(current.start_on)}
            }
        )
    last = UASCPeriod.objects.filter(child=child).order_by("-end_on").first()
    if last is not None and start_on <= last.end_on:
        raise ValidationError(
            {
                "start_on": _("UASC status last ceased on %(date)s: this must be after it")
                % {"date": long_date(last.end_on)}
            }
        )
    period = UASCPeriod.objects.create(
        child=child,
        start_on=start_on,
        immigration_status=immigration_status.strip(),
        recorded_by=staff_member(actor),
    )
    _done(child, start_on, EntryKind.UASC, _("Unaccompanied asylum-seeking child"), actor)
    return period


@transaction.atomic
def end_uasc(*, child: Child, end_on: dt.date, actor: AbstractBaseUser | None = None) -> UASCPeriod:
    """UASC status ceased, on or before the 18th birthday (SSDA903 DUC, rule 304)."""
    child = lock_child(child)
    _check_day(child, end_on, "end_on", _("date UASC status ceased"))
    period = UASCPeriod.objects.filter(child=child, end_on__isnull=True).first()
    if period is None:
        raise ValidationError(
            {
                "end_on": _("%(child)s is not an unaccompanied asylum-seeking child")
                % {"child": child}
            }
        )
    if end_on < period.start_on:
        raise ValidationError(
            {
                "end_on": _("This is before UASC status began, on %(date)s")
                % {"date": long_date(period.start_on)}
            }
        )
    eighteenth = add_months(child.date_of_birth, 18 * 12)
    if end_on > eighteenth:
        raise ValidationError(
            {
                "end_on": _("UASC status ends by the 18th birthday, %(date)s")
                % {"date": long_date(eighteenth)}
            }
        )
    period.end_on = end_on
    period.save(update_fields=["end_on"])
    _done(child, end_on, EntryKind.UASC, _("UASC status ceased"), actor)
    return period


def strategy_discussion_warning(child: Child, on: dt.date) -> str | None:
    """Why a strategy discussion should come before acting for the child on ``on`` (moving
    their placement, say), or None (docs/domain.md finding 5: action was taken before a strategy
    discussion, including for missing children in care).

    It warns when the child had a missing episode that ended in the 30 days up to ``on``, or is
    still open, or an exploitation screening at medium or high risk in the 90 days up to
    ``on``, and no strategy discussion was held on or after that event (and by ``on``).
    """
    discussed = list(
        StrategyDiscussion.objects.filter(child=child, held_on__lte=on).values_list(
            "held_on", flat=True
        )
    )

    def is_discussed(since: dt.date) -> bool:
        return any(held_on >= since for held_on in discussed)

    since = dt.datetime.combine(on - dt.timedelta(days=MISSING_LOOKBACK_DAYS), dt.time(), LONDON)
    end_of_day = dt.datetime.combine(on + dt.timedelta(days=1), dt.time(), LONDON)
    missing = (
        MissingEpisode.objects.filter(child=child, started_at__lt=end_of_day)
        .exclude(ended_at__lt=since)
        .order_by("-started_at")
    )
    for episode in missing:
        started_on = episode.started_at.astimezone(LONDON).date()
        if is_discussed(started_on):
            continue
        if episode.ended_at is None or episode.ended_at >= end_of_day:
            return _(
                "%(child)s has been missing since %(when)s and no strategy discussion has been "
                "held since: hold one first, or record a manager's reason for acting now"
            ) % {"child": child, "when": long_datetime(episode.started_at)}
        return _(
            "%(child)s was missing from %(start)s to %(end)s and no strategy discussion has "
            "been held since: hold one first, or record a manager's reason for acting now"
        ) % {
            "child": child,
            "start": long_datetime(episode.started_at),
            "end": long_datetime(episode.ended_at),
        }
    screenings = ExploitationScreening.objects.filter(
        child=child,
        screened_on__lte=on,
        screened_on__gte=on - dt.timedelta(days=SCREENING_LOOKBACK_DAYS),
        risk_level__in=[RiskLevel.MEDIUM, RiskLevel.HIGH],
    ).order_by("-screened_on")
    for screening in screenings:
        if not is_discussed(screening.screened_on):
            return _(
                "%(child)s was screened at %(risk)s risk of %(kind)s on %(date)s and no strategy "
                "discussion has been held since: hold one first, or record a manager's reason "
                "for acting now"
            ) % {
                "child": child,
                "risk": screening.get_risk_level_display().lower(),
                "kind": screening.get_kind_display().lower(),
                "date": long_date(screening.screened_on),
            }
    return None
