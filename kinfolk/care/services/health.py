"""Recording the health of a looked-after child: statutory health assessments with their
health plans, and the SSDA903 OC2 checks and outcomes (docs/domain.md stage 20).

Health records are kept while the child is looked after: each belongs to the period of care
that covers its date. Every function runs in one transaction, locks the child first, writes
the chronology and publishes ``casework_changed``; a refusal raises ``ValidationError`` keyed
by field, in casework words, and changes nothing. Details that only the pages ask for (who
assessed, consent) are not required of records loaded from a journey (``is_imported=True``),
which say that they were imported.
"""

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinfolk.care.models import (
    HealthAssessment,
    HealthAssessmentKind,
    HealthConsent,
    HealthPlanAction,
    OutcomeKind,
    OutcomeRecord,
)
from kinfolk.care.services.episodes import period_on
from kinfolk.casework.services import check_not_future, lock_child
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.codes import SDQReason
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.core.guards import Guard
from kinfolk.people.models import Child


def open_health_plan_actions(child: Child) -> QuerySet[HealthPlanAction]:
    """The actions of the child's health plans not yet done, soonest due first."""
    return HealthPlanAction.objects.filter(assessment__child=child, done_on__isnull=True).order_by(
        "due_on", "pk"
    )


#: An action is added to the health plan of one of the child's assessments.
HEALTH_ASSESSMENT_RECORDED: Guard[Child] = Guard(
    name="health-assessment-recorded",
    message=gettext_lazy("There is no health assessment yet: record one first."),
    holds=lambda child: HealthAssessment.objects.filter(child=child).exists(),
)

#: An action of a health plan is done once.
HEALTH_PLAN_ACTION_OPEN: Guard[Child] = Guard(
    name="health-plan-action-open",
    message=gettext_lazy("No health plan action is waiting to be done."),
    holds=lambda child: open_health_plan_actions(child).exists(),
)


class ActionInput(NamedTuple):
    """An action of a health plan, or a SMART target of a PEP: what, who, by when."""

    description: str
    owner: str
    due_on: dt.date


def check_day(child: Child, on: dt.date, field: str, what: str) -> None:
    """Refuse a date in the future or before the child was born."""
    check_not_future(on, field, what)
    if child.date_of_birth is None or on < child.date_of_birth:
        raise ValidationError(
            {
                field: _("The %(what)s cannot be before %(child)s was born")
                % {"what": what, "child": child}
            }
        )


def check_actions(actions: Sequence[ActionInput], after: dt.date, field: str) -> None:
    """Refuse an action or target without what and who, or due before ``after``."""
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


def record_entry(
    child: Child,
    occurred_on: dt.date,
    kind: str,
    summary: str,
    actor: Actor | None,
) -> None:
    """Write the chronology entry of a step and tell the duties that the casework changed."""
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
    actor: Actor | None = None,
) -> HealthAssessment:
    """Record a statutory health assessment of a looked-after child, with the actions of its
    health plan. The initial assessment is made once in each period of care; on a page, who
    carried it out and consent are required (Promoting the health and wellbeing of
    looked-after children, 2015)."""
    child = lock_child(child)
    check_day(child, assessed_on, "assessed_on", _("date of the assessment"))
    if kind not in HealthAssessmentKind.values:
        raise ValidationError({"kind": _("Choose initial or review health assessment")})
    period = period_on(child, assessed_on, "assessed_on")
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
    check_actions(actions, assessed_on, "actions")
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
    record_entry(child, assessed_on, EntryKind.HEALTH, assessment.get_kind_display(), actor)
    return assessment


@transaction.atomic
def add_health_plan_action(
    *,
    assessment: HealthAssessment,
    action: ActionInput,
    actor: Actor | None = None,
) -> HealthPlanAction:
    """Add an action to the health plan of an assessment: who does what by when."""
    child = lock_child(assessment.child)
    check_actions([action], assessment.assessed_on, "description")
    created = HealthPlanAction.objects.create(
        assessment=assessment,
        description=action.description.strip(),
        owner=action.owner.strip(),
        due_on=action.due_on,
        recorded_by=staff_member(actor),
    )
    record_entry(
        child,
        timezone.localdate(),
        EntryKind.HEALTH,
        _("Health plan action: %(what)s") % {"what": created.description},
        actor,
    )
    return created


@transaction.atomic
def complete_health_plan_action(
    *, action: HealthPlanAction, done_on: dt.date, actor: Actor | None = None
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
    record_entry(
        child,
        done_on,
        EntryKind.HEALTH,
        _("Health plan action done: %(what)s") % {"what": action.description},
        actor,
    )
    return action


def _record_outcome(
    child: Child, kind: OutcomeKind, on: dt.date, actor: Actor | None, **values
) -> OutcomeRecord:
    record = OutcomeRecord.objects.create(
        child=child, kind=kind, recorded_on=on, recorded_by=staff_member(actor), **values
    )
    record_entry(child, on, EntryKind.HEALTH, _describe_outcome(record), actor)
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
    check_day(child, on, "recorded_on", what)
    period_on(child, on, "recorded_on")
    return child


@transaction.atomic
def record_dental_check(
    *,
    child: Child,
    recorded_on: dt.date,
    notes: str = "",
    is_imported: bool = False,
    actor: Actor | None = None,
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
    actor: Actor | None = None,
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
    actor: Actor | None = None,
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
    actor: Actor | None = None,
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
    actor: Actor | None = None,
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
    actor: Actor | None = None,
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
