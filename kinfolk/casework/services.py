"""Recording child in need work: referrals, assessments, plans, visits and closure.

The invariants that keep the CIN census valid are enforced here, with messages in casework
words: one open episode per child; nothing dated in the future; nothing recorded outside an
open episode or after its closure; no child in need plan overlapping a child protection plan
except on the day one changes into the other; no closure while an assessment or a section 47
enquiry is open.
"""

import datetime as dt
from collections.abc import Sequence

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinfolk.casework.choices import ActionStatus, PlanKind, VisitKind
from kinfolk.casework.models import (
    Assessment,
    ChildInNeedEpisode,
    Plan,
    PlanAction,
    PlanOutcome,
    Visit,
)
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.codes import AssessmentFactor, PrimaryNeed, ReasonForClosure, ReferralSource
from kinfolk.core.events import publish_casework_changed
from kinfolk.core.working_days import add_months
from kinfolk.people.models import Child


def long_date(day: dt.date) -> str:
    return day.strftime("%-d %B %Y")


def check_not_future(day: dt.date, field: str, what: str) -> None:
    """Refuse a date after today: casework records what has happened."""
    if day > timezone.localdate():
        raise ValidationError(
            {field: _("The %(what)s must be today or in the past") % {"what": what}}
        )


def open_episode(child: Child, *, on: dt.date, field: str = "date") -> ChildInNeedEpisode:
    """The child's open episode, which must have started on or before ``on``.

    Refuses, in casework words, when no episode is open (or it opened later), so that
    nothing is recorded outside an episode or after its closure.
    """
    episode = ChildInNeedEpisode.objects.filter(child=child, closed_on__isnull=True).first()
    if episode is None:
        last = ChildInNeedEpisode.objects.filter(child=child).order_by("-closed_on").first()
        if last is not None:
            raise ValidationError(
                {
                    field: _("%(child)s's case closed on %(date)s: record a new referral first")
                    % {"child": child, "date": long_date(last.closed_on)}
                }
            )
        raise ValidationError(
            {
                field: _("%(child)s has no open child in need episode: record a referral first")
                % {"child": child}
            }
        )
    if on < episode.referral_on:
        raise ValidationError(
            {
                field: _("This is before the referral of %(date)s that opened the episode")
                % {"date": long_date(episode.referral_on)}
            }
        )
    return episode


def _lock_child(child: Child) -> Child:
    """Serialise casework changes for one child, so that invariants checked hold at commit."""
    return Child.objects.select_for_update().get(pk=child.pk)


@transaction.atomic
def open_referral(
    *,
    child: Child,
    referral_on: dt.date,
    source: str,
    primary_need: str = "",
    is_nfa: bool = False,
    actor: AbstractBaseUser | None = None,
) -> ChildInNeedEpisode:
    """A referral accepted by children's social care opens a child in need episode."""
    child = _lock_child(child)
    check_not_future(referral_on, "referral_on", _("referral date"))
    if source not in ReferralSource.values:
        raise ValidationError({"source": _("Choose the source of the referral")})
    if primary_need and primary_need not in PrimaryNeed.values:
        raise ValidationError({"primary_need": _("Choose the primary need")})
    current = ChildInNeedEpisode.objects.filter(child=child, closed_on__isnull=True).first()
    if current is not None:
        raise ValidationError(
            {
                "referral_on": _(
                    "%(child)s already has an open child in need episode, from the referral of %(date)s"
                )
                % {"child": child, "date": long_date(current.referral_on)}
            }
        )
    latest = ChildInNeedEpisode.objects.filter(child=child).order_by("-closed_on").first()
    if latest is not None and referral_on < latest.closed_on:
        raise ValidationError(
            {
                "referral_on": _(
                    "The referral must be on or after the last episode closed, on %(date)s"
                )
                % {"date": long_date(latest.closed_on)}
            }
        )
    previous = ChildInNeedEpisode.objects.filter(
        child=child, referral_on__gte=add_months(referral_on, -12), referral_on__lte=referral_on
    ).exists()
    episode = ChildInNeedEpisode.objects.create(
        child=child,
        referral_on=referral_on,
        referral_source=source,
        primary_need=primary_need,
        is_nfa=is_nfa,
        is_re_referral=previous,
        recorded_by=actor if actor and actor.is_authenticated else None,
    )
    summary = _("Referral accepted") + (_(" (re-referral within 12 months)") if previous else "")
    if is_nfa:
        summary = _("Referral: no further action")
    add_entry(
        child_id=child.pk,
        occurred_on=referral_on,
        kind=EntryKind.REFERRAL,
        summary=summary,
        detail=episode.get_referral_source_display(),
        is_significant=True,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return episode


def _episode_for_work(child: Child, on: dt.date, field: str, what: str) -> ChildInNeedEpisode:
    check_not_future(on, field, what)
    episode = open_episode(child, on=on, field=field)
    if episode.is_nfa:
        raise ValidationError(
            {
                field: _(
                    "The referral of %(date)s was closed with no further action: nothing more can be "
                    "recorded in that episode"
                )
                % {"date": long_date(episode.referral_on)}
            }
        )
    return episode


@transaction.atomic
def start_assessment(
    *,
    child: Child,
    started_on: dt.date,
    reference: str = "",
    actor: AbstractBaseUser | None = None,
) -> Assessment:
    """Start a child and family assessment in the open episode."""
    child = _lock_child(child)
    episode = _episode_for_work(child, started_on, "started_on", _("assessment start date"))
    if reference and Assessment.objects.filter(child=child, reference=reference).exists():
        raise ValidationError(
            {"reference": _("An assessment %(id)s is already recorded") % {"id": reference}}
        )
    assessment = Assessment.objects.create(
        episode=episode, child=child, started_on=started_on, reference=reference
    )
    add_entry(
        child_id=child.pk,
        occurred_on=started_on,
        kind=EntryKind.ASSESSMENT,
        summary=_("Assessment started"),
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return assessment


def find_open_assessment(child: Child, reference: str = "") -> Assessment:
    """The assessment named by ``reference``, or the child's oldest open assessment."""
    assessments = Assessment.objects.filter(child=child, authorised_on__isnull=True)
    if reference:
        assessments = assessments.filter(reference=reference)
    assessment = assessments.order_by("started_on", "pk").first()
    if assessment is None:
        raise ValidationError(
            {
                "assessment": _("%(child)s has no open assessment%(named)s")
                % {"child": child, "named": f" {reference}" if reference else ""}
            }
        )
    return assessment


@transaction.atomic
def authorise_assessment(
    *,
    assessment: Assessment,
    authorised_on: dt.date,
    factors: Sequence[str],
    is_child_seen: bool | None = None,
    analysis: str = "",
    authorised_by: AbstractBaseUser | None = None,
    is_imported: bool = False,
) -> Assessment:
    """A manager authorises (completes) an assessment, with the factors identified.

    On a page the analysis is required and the authorising manager is recorded
    (domain.md finding 42); a journey that carries neither marks the record as imported.
    """
    _lock_child(assessment.child)
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if assessment.authorised_on is not None:
        raise ValidationError({"authorised_on": _("This assessment is already authorised")})
    check_not_future(authorised_on, "authorised_on", _("authorisation date"))
    if authorised_on < assessment.started_on:
        raise ValidationError(
            {
                "authorised_on": _(
                    "The assessment cannot be authorised before it started on %(date)s"
                )
                % {"date": long_date(assessment.started_on)}
            }
        )
    unknown = [f for f in factors if f not in AssessmentFactor.values]
    if unknown:
        raise ValidationError(
            {"factors": _("Unknown factor codes: %(codes)s") % {"codes": ", ".join(unknown)}}
        )
    if not factors:
        raise ValidationError(
            {"factors": _("Choose the factors identified, or 'No factors identified'")}
        )
    if "21" in factors and len(factors) > 1:
        raise ValidationError(
            {"factors": _("'No factors identified' cannot be chosen with other factors")}
        )
    if not is_imported and not analysis.strip():
        raise ValidationError({"analysis": _("Enter the analysis")})
    assessment.authorised_on = authorised_on
    assessment.factors = sorted(set(factors), key=list(AssessmentFactor.values).index)
    assessment.is_child_seen = is_child_seen
    assessment.analysis = analysis.strip()
    assessment.authorised_by = (
        authorised_by if authorised_by and authorised_by.is_authenticated else None
    )
    assessment.is_imported = is_imported
    assessment.save()
    add_entry(
        child_id=assessment.child_id,
        occurred_on=authorised_on,
        kind=EntryKind.ASSESSMENT,
        summary=_("Assessment authorised"),
        is_significant=True,
        recorded_by=authorised_by,
    )
    publish_casework_changed(assessment.child_id)
    return assessment


def open_plan(child: Child, kind: PlanKind) -> Plan | None:
    return Plan.objects.filter(child=child, kind=kind, end_on__isnull=True).first()


@transaction.atomic
def start_child_in_need_plan(
    *,
    child: Child,
    start_on: dt.date,
    contingency: str = "",
    is_imported: bool = False,
    actor: AbstractBaseUser | None = None,
) -> Plan:
    """Start a child in need plan. It may not overlap a child protection plan (CIN rule 4000
    and the census's plan rules), except that one may end on the day the other starts."""
    child = _lock_child(child)
    episode = _episode_for_work(child, start_on, "start_on", _("plan start date"))
    if open_plan(child, PlanKind.CHILD_IN_NEED):
        raise ValidationError(
            {"start_on": _("%(child)s already has a child in need plan") % {"child": child}}
        )
    protection = (
        Plan.objects.filter(child=child, kind=PlanKind.CHILD_PROTECTION)
        .filter(start_on__lt=start_on)
        .exclude(end_on__lte=start_on)
        .first()
    )
    if protection is not None:
        raise ValidationError(
            {
                "start_on": _(
                    "%(child)s is on a child protection plan from %(date)s: a child in need plan can "
                    "start only on or after the day it ends"
                )
                % {"child": child, "date": long_date(protection.start_on)}
            }
        )
    if not is_imported and not contingency.strip():
        raise ValidationError(
            {"contingency": _("Enter the contingency: what happens if the plan does not work")}
        )
    plan = Plan.objects.create(
        child=child,
        episode=episode,
        kind=PlanKind.CHILD_IN_NEED,
        start_on=start_on,
        contingency=contingency.strip(),
        is_imported=is_imported,
    )
    add_entry(
        child_id=child.pk,
        occurred_on=start_on,
        kind=EntryKind.PLAN,
        summary=_("Child in need plan started"),
        is_significant=True,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return plan


def end_plan_record(plan: Plan, end_on: dt.date, *, actor: AbstractBaseUser | None) -> Plan:
    """End an open plan on a date (inside the caller's transaction)."""
    if end_on < plan.start_on:
        raise ValidationError(
            {
                "end_on": _("The plan cannot end before it started on %(date)s")
                % {"date": long_date(plan.start_on)}
            }
        )
    plan.end_on = end_on
    plan.save(update_fields=["end_on"])
    add_entry(
        child_id=plan.child_id,
        occurred_on=end_on,
        kind=EntryKind.PLAN,
        summary=_("%(plan)s ended") % {"plan": plan.get_kind_display()},
        is_significant=True,
        recorded_by=actor,
    )
    return plan


@transaction.atomic
def end_child_in_need_plan(
    *, child: Child, end_on: dt.date, actor: AbstractBaseUser | None = None
) -> Plan:
    """End the child's child in need plan."""
    child = _lock_child(child)
    check_not_future(end_on, "end_on", _("plan end date"))
    plan = open_plan(child, PlanKind.CHILD_IN_NEED)
    if plan is None:
        raise ValidationError(
            {"end_on": _("%(child)s has no open child in need plan") % {"child": child}}
        )
    end_plan_record(plan, end_on, actor=actor)
    publish_casework_changed(child.pk)
    return plan


@transaction.atomic
def add_plan_outcome(*, plan: Plan, description: str) -> PlanOutcome:
    """Add an outcome for the child to a plan."""
    if not description.strip():
        raise ValidationError({"description": _("Enter the outcome for the child")})
    if not plan.is_open:
        raise ValidationError({"description": _("This plan has ended")})
    return PlanOutcome.objects.create(plan=plan, description=description.strip())


@transaction.atomic
def add_plan_action(
    *,
    plan: Plan,
    description: str,
    due_on: dt.date | None,
    owner: AbstractBaseUser | None = None,
    owner_outside: str = "",
    outcome: PlanOutcome | None = None,
) -> PlanAction:
    """Add an action to a plan: who does what by when. Refused without an owner or a date."""
    errors = {}
    if not description.strip():
        errors["description"] = _("Enter what will be done")
    if owner is None and not owner_outside.strip():
        errors["owner"] = _("Choose who will do it, or name someone in another agency")
    if due_on is None:
        errors["due_on"] = _("Enter the date it must be done by")
    if not plan.is_open:
        errors["description"] = _("This plan has ended")
    if errors:
        raise ValidationError(errors)
    action = PlanAction.objects.create(
        plan=plan,
        outcome=outcome,
        description=description.strip(),
        owner=owner,
        owner_outside=owner_outside.strip(),
        due_on=due_on,
    )
    publish_casework_changed(plan.child_id)
    return action


@transaction.atomic
def update_plan_action(*, action: PlanAction, status: str, on: dt.date | None = None) -> PlanAction:
    """Record progress on an action."""
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Choose the status")})
    action.status = status
    action.completed_on = (on or timezone.localdate()) if status == ActionStatus.DONE else None
    action.save(update_fields=["status", "completed_on"])
    publish_casework_changed(action.plan.child_id)
    return action


@transaction.atomic
def record_visit(
    *,
    child: Child,
    visited_on: dt.date,
    kind: str,
    is_child_seen: bool,
    is_seen_alone: bool | None = None,
    purpose: str = "",
    child_views: str = "",
    is_imported: bool = False,
    actor: AbstractBaseUser | None = None,
) -> Visit:
    """Record a visit. Child in need and child protection visits belong to the open episode;
    on a page the child's views are required when the child was seen (finding 53)."""
    child = _lock_child(child)
    check_not_future(visited_on, "visited_on", _("date of the visit"))
    if kind not in VisitKind.values:
        raise ValidationError({"kind": _("Choose the kind of visit")})
    episode = None
    if kind in (VisitKind.CHILD_IN_NEED, VisitKind.CHILD_PROTECTION):
        episode = _episode_for_work(child, visited_on, "visited_on", _("date of the visit"))
    if kind == VisitKind.CHILD_PROTECTION:
        plan = Plan.objects.filter(
            child=child, kind=PlanKind.CHILD_PROTECTION, start_on__lte=visited_on
        ).exclude(end_on__lt=visited_on)
        if not plan.exists():
            raise ValidationError(
                {
                    "kind": _("%(child)s was not on a child protection plan on %(date)s")
                    % {"child": child, "date": long_date(visited_on)}
                }
            )
    if is_seen_alone and not is_child_seen:
        raise ValidationError({"is_seen_alone": _("A child not seen cannot be seen alone")})
    if is_child_seen and not is_imported and not child_views.strip():
        raise ValidationError({"child_views": _("Enter the child's views")})
    visit = Visit.objects.create(
        child=child,
        episode=episode,
        visited_on=visited_on,
        kind=kind,
        is_child_seen=is_child_seen,
        is_seen_alone=is_seen_alone,
        purpose=purpose.strip(),
        child_views=child_views.strip(),
        is_imported=is_imported,
        recorded_by=actor if actor and actor.is_authenticated else None,
    )
    seen = _("seen alone") if is_seen_alone else (_("seen") if is_child_seen else _("not seen"))
    add_entry(
        child_id=child.pk,
        occurred_on=visited_on,
        kind=EntryKind.VISIT,
        summary=_("%(kind)s: child %(seen)s") % {"kind": visit.get_kind_display(), "seen": seen},
        detail=child_views.strip(),
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return visit


@transaction.atomic
def close_episode(
    *,
    child: Child,
    closed_on: dt.date,
    reason: str,
    evidence: dict[int, str] | None = None,
    is_imported: bool = False,
    actor: AbstractBaseUser | None = None,
) -> ChildInNeedEpisode:
    """Close the child's open episode with a DfE reason, ending any open plan.

    Refused while an assessment or a section 47 enquiry is open (CIN rules 8867 and 8868).
    On a page, each outcome of the open plans needs evidence of what changed (domain.md
    finding 9); a journey records the closure as imported.
    """
    child = _lock_child(child)
    check_not_future(closed_on, "closed_on", _("closure date"))
    episode = open_episode(child, on=closed_on, field="closed_on")
    if reason not in ReasonForClosure.values:
        raise ValidationError({"reason": _("Choose the reason for closure")})
    open_assessment = episode.assessments.filter(authorised_on__isnull=True).first()
    if open_assessment is not None:
        raise ValidationError(
            {
                "closed_on": _(
                    "The assessment started on %(date)s is not yet authorised: authorise it before "
                    "closing the case"
                )
                % {"date": long_date(open_assessment.started_on)}
            }
        )
    # Section 47 enquiries belong to the protection app, which hangs on this episode.
    open_enquiry = episode.section_47_enquiries.filter(ended_on__isnull=True).first()
    if open_enquiry is not None:
        raise ValidationError(
            {
                "closed_on": _(
                    "The section 47 enquiry started on %(date)s is still open: record its outcome "
                    "before closing the case"
                )
                % {"date": long_date(open_enquiry.started_on)}
            }
        )
    for record in [*episode.assessments.all(), *episode.plans.all()]:
        started = getattr(record, "authorised_on", None) or getattr(record, "start_on", None)
        if started and started > closed_on:
            raise ValidationError(
                {
                    "closed_on": _("The case cannot close before work recorded on %(date)s")
                    % {"date": long_date(started)}
                }
            )
    open_plans = list(episode.plans.filter(end_on__isnull=True))
    if not is_imported:
        missing = [
            outcome
            for plan in open_plans
            for outcome in plan.outcomes.all()
            if not (evidence or {}).get(outcome.pk, outcome.evidence).strip()
        ]
        if missing:
            raise ValidationError(
                {
                    "evidence": _(
                        "Give evidence of what changed for each outcome of the plan before closing: "
                        "%(outcomes)s"
                    )
                    % {"outcomes": "; ".join(o.description for o in missing)}
                }
            )
        for plan in open_plans:
            for outcome in plan.outcomes.all():
                if evidence and outcome.pk in evidence:
                    outcome.evidence = evidence[outcome.pk].strip()
                    outcome.save(update_fields=["evidence"])
    for plan in open_plans:
        end_plan_record(plan, closed_on, actor=actor)
    episode.closed_on = closed_on
    episode.closure_reason = reason
    episode.closure_is_imported = is_imported
    episode.save(update_fields=["closed_on", "closure_reason", "closure_is_imported"])
    add_entry(
        child_id=child.pk,
        occurred_on=closed_on,
        kind=EntryKind.CLOSURE,
        summary=_("Case closed: %(reason)s") % {"reason": episode.get_closure_reason_display()},
        is_significant=True,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return episode


@transaction.atomic
def record_plan_contingency(
    *, plan: Plan, contingency: str, actor: AbstractBaseUser | None = None
) -> Plan:
    """Record or change what happens if a plan does not work (domain.md finding 41: CP plans
    have no contingency). A child protection plan is made at a conference without one; this
    is how it gets one."""
    _lock_child(plan.child)
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if not plan.is_open:
        raise ValidationError({"contingency": _("This plan has ended")})
    if not contingency.strip():
        raise ValidationError(
            {"contingency": _("Enter the contingency: what happens if the plan does not work")}
        )
    plan.contingency = contingency.strip()
    plan.save(update_fields=["contingency"])
    add_entry(
        child_id=plan.child_id,
        occurred_on=timezone.localdate(),
        kind=EntryKind.PLAN,
        summary=_("Contingency recorded for the %(plan)s")
        % {"plan": plan.get_kind_display().lower()},
        detail=plan.contingency,
        recorded_by=actor,
    )
    publish_casework_changed(plan.child_id)
    return plan
