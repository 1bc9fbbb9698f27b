"""Child in need episodes: referral and closure (assessments: services/assessments.py)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinfolk.casework.models import ChildInNeedEpisode
from kinfolk.casework.services.common import (
    check_not_future,
    lock_child,
    open_episode,
)
from kinfolk.casework.services.plans import end_plan_record
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.codes import PrimaryNeed, ReasonForClosure, ReferralSource
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.core.working_days import add_months
from kinfolk.people.models import Child


@transaction.atomic
def open_referral(
    *,
    child: Child,
    referral_on: dt.date,
    source: str,
    primary_need: str = "",
    is_nfa: bool = False,
    actor: Actor | None = None,
) -> ChildInNeedEpisode:
    """A referral accepted by children's social care opens a child in need episode."""
    child = lock_child(child)
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
    # No episode is open (refused above), so the latest one has closed.
    last_closed_on = latest.closed_on if latest is not None else None
    if last_closed_on is not None and referral_on < last_closed_on:
        raise ValidationError(
            {
                "referral_on": _(
                    "The referral must be on or after the last episode closed, on %(date)s"
                )
                % {"date": long_date(last_closed_on)}
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
        recorded_by=staff_member(actor),
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


@transaction.atomic
def close_episode(
    *,
    child: Child,
    closed_on: dt.date,
    reason: str,
    evidence: dict[int, str] | None = None,
    is_imported: bool = False,
    actor: Actor | None = None,
) -> ChildInNeedEpisode:
    """Close the child's open episode with a DfE reason, ending any open plan.

    Refused while an assessment or a section 47 enquiry is open (CIN rules 8867 and 8868).
    On a page, each outcome of the open plans needs evidence of what changed (docs/domain.md
    finding 9); a journey records the closure as imported.
    """
    child = lock_child(child)
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
