"""Recording a child's time in care: starting to be looked after, changes of legal status, and
ceasing to be looked after; and the SSDA903 episodes that follow from what happened (moves of
placement are in ``kinfolk.care.services.placements``).

Workers record what happened; the SSDA903 episodes follow from it. The reason for a new
episode (RNE) and the code ``X1`` are always derived, never typed:

- a change on a later day closes the open episode with ``X1`` and opens the next one, with
  RNE ``P`` (new placement and carers), ``T`` (same carers) or ``L`` (legal status only);
- a second change on the day an episode started amends that episode instead, so that no
  episode starts and ends on the same day with another after it (SSDA903 rule 355): a
  placement change and a legal status change on one day make one episode with RNE ``B``, or
  ``U`` when the carers are unchanged (rules 434-436);
- a temporary move (T0-T4) records no reason for placement change, and the return from it
  starts an episode with RNE ``P`` (rules 226, 383).

Every function runs in one transaction, writes the chronology and publishes
``casework_changed``; a refusal raises ``ValidationError`` keyed by field and changes nothing.
"""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinfolk.access.policy import P, allows
from kinfolk.care.models import (
    ADOPTED,
    ADOPTION_PLACEMENTS,
    PLACEMENTS_WITHOUT_PROVIDER,
    PLACEMENTS_WITHOUT_URN,
    TEMPORARY_PLACEMENTS,
    CareEpisode,
    IROAllocation,
    PeriodOfCare,
)
from kinfolk.care.models.episodes import (
    ConnectedPersonsAssessment,
    EntryPanel,
    OfstedGrade,
    Placement,
)
from kinfolk.casework.services import check_not_future, lock_child
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.codes import (
    CategoryOfNeed,
    LegalStatus,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonForNewEpisode,
)
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.core.guards import Guard, open_record_facts
from kinfolk.core.postcodes import is_valid_postcode, normalise_postcode
from kinfolk.people.models import Child

X1 = ReasonEpisodeCeased.X1


def open_period(child: Child) -> PeriodOfCare | None:
    """The period of care the child is in now, if any."""
    return PeriodOfCare.objects.filter(child=child, end_on__isnull=True).first()


#: Moves, changes of legal status and the end of care are recorded while the child is looked
#: after.
LOOKED_AFTER: Guard[Child] = Guard(
    name="looked-after",
    message=gettext_lazy("%(subject)s is not looked after: record the start of care first"),
    holds=lambda child: open_period(child) is not None,
)

#: Care starts only for a child who is not looked after already.
NOT_LOOKED_AFTER: Guard[Child] = Guard(
    name="not-looked-after",
    message=gettext_lazy("%(subject)s is already looked after, since %(date)s"),
    holds=lambda child: open_period(child) is None,
    facts=open_record_facts(open_period, "start_on"),
    field="start_on",
)

#: Care plans, reviews, visits, family time and life-story work are for a child who has been
#: looked after.
EVER_LOOKED_AFTER: Guard[Child] = Guard(
    name="ever-looked-after",
    message=gettext_lazy("%(subject)s has not been looked after: record the start of care first."),
    holds=lambda child: PeriodOfCare.objects.filter(child=child).exists(),
)


#: Providers that may not be used with a placement type (SSDA903 rules 527-531, 550).
_PROVIDER_NOT_WITH = {
    "PR0": set(PlacementType.values) - {"P1"},
    "PR1": {"P1", "R2", "R5"},
    "PR2": {"P1", "R2", "R5"},
    "PR3": {"P1", "A3", "A4", "A5", "A6", "K1", "K2", "U1", "U2", "U3", "U4", "U5", "U6"},
    "PR4": {"P1"},
    "PR5": {"P1"},
}


def check_placement(placement_type: str, provider: str, postcode: str, urn: str) -> str:
    """Check a placement as SSDA903 describes it; return its postcode, normalised."""
    if placement_type not in PlacementType.values:
        raise ValidationError({"placement_type": _("Choose the type of placement")})
    if placement_type in PLACEMENTS_WITHOUT_PROVIDER:
        if provider:
            raise ValidationError(
                {
                    "provider": _("A %(type)s placement has no provider: leave it blank")
                    % {"type": placement_type}
                }
            )
    elif provider not in PlacementProvider.values:
        raise ValidationError({"provider": _("Choose who provides the placement")})
    elif placement_type in _PROVIDER_NOT_WITH[provider]:
        raise ValidationError(
            {
                "provider": _("%(provider)s cannot provide a %(type)s placement")
                % {"provider": PlacementProvider(provider).label, "type": placement_type}
            }
        )
    if urn and placement_type in PLACEMENTS_WITHOUT_URN:
        raise ValidationError(
            {
                "urn": _("A %(type)s placement has no Ofsted URN: leave it blank")
                % {"type": placement_type}
            }
        )
    return _check_postcode(postcode, "placement_postcode")


def _check_postcode(postcode: str, field: str) -> str:
    if postcode and not is_valid_postcode(postcode):
        raise ValidationError({field: _("Enter a real postcode, like WN1 1AA")})
    return normalise_postcode(postcode) if postcode else ""


def may_approve_placement(actor: Actor | None) -> bool:
    """Whether the person recording may approve a placement that needs a manager's say."""
    return allows(actor, P.APPROVE_PLACEMENT)


def setting_details(
    *,
    setting_name: str,
    is_registered: bool | None,
    registered_on: dt.date | None,
    ofsted_grade: str,
    weekly_cost: Decimal | None,
) -> dict[str, Any]:
    """Check what the pages record about a setting (docs/domain.md stage 17, finding 84)."""
    if ofsted_grade and ofsted_grade not in OfstedGrade.values:
        raise ValidationError({"ofsted_grade": _("Choose the latest Ofsted grade")})
    if registered_on is not None:
        if is_registered is not True:
            raise ValidationError(
                {"registered_on": _("Leave the date blank: the setting is not registered")}
            )
        check_not_future(registered_on, "registered_on", _("date the setting was registered"))
    if weekly_cost is not None and weekly_cost < 0:
        raise ValidationError({"weekly_cost": _("The weekly cost cannot be less than 0")})
    return {
        "setting_name": setting_name.strip(),
        "is_registered": is_registered,
        "registered_on": registered_on,
        "ofsted_grade": ofsted_grade,
        "weekly_cost": weekly_cost,
    }


def update_details(placement: Placement, details: dict[str, Any], *, every: bool) -> None:
    """Write a setting's details; for a placement that continues, only those given."""
    for name, value in details.items():
        if every or value not in (None, ""):
            setattr(placement, name, value)


def open_episode(child: Child, on: dt.date, field: str) -> CareEpisode:
    """The child's open episode, which must have started on or before ``on``."""
    episode = CareEpisode.objects.filter(child=child, end_on__isnull=True).first()
    if episode is None:
        last = PeriodOfCare.objects.filter(child=child).order_by("-end_on").first()
        if last is not None:
            # A period of care has an open episode until it ends (start_care, continue_episode,
            # end_care): with none open, every period of the child's has ended.
            assert last.end_on is not None
            raise ValidationError(
                {
                    field: _("%(child)s ceased to be looked after on %(date)s")
                    % {"child": child, "date": long_date(last.end_on)}
                }
            )
        raise ValidationError({field: LOOKED_AFTER.render(child)})
    if on < episode.start_on:
        raise ValidationError(
            {
                field: _("This is before the current episode of care, which started on %(date)s")
                % {"date": long_date(episode.start_on)}
            }
        )
    return episode


def period_on(child: Child, day: dt.date, field: str) -> PeriodOfCare:
    """The period of care covering ``day``: the child must have been looked after then."""
    period = (
        PeriodOfCare.objects.filter(child=child, start_on__lte=day)
        .exclude(end_on__lt=day)
        .order_by("-start_on")
        .first()
    )
    if period is None:
        raise ValidationError(
            {
                field: _("%(child)s was not looked after on %(date)s")
                % {"child": child, "date": long_date(day)}
            }
        )
    return period


def previous_episode(episode: CareEpisode) -> CareEpisode | None:
    """The episode of the same period that ended with ``X1`` on the day ``episode`` started."""
    return (
        CareEpisode.objects.filter(period=episode.period, end_on=episode.start_on)
        .exclude(pk=episode.pk)
        .order_by("-start_on", "-pk")
        .first()
    )


def _derived_reason(previous: CareEpisode, episode: CareEpisode) -> str:
    """The reason for new episode that the differences from the previous episode give
    (SSDA903 RNE and rules 383, 434-436)."""
    placement_changed = (
        previous.placement_type,
        previous.placement_provider,
        previous.placement_postcode,
        previous.urn,
    ) != (
        episode.placement_type,
        episode.placement_provider,
        episode.placement_postcode,
        episode.urn,
    )
    legal_status_changed = previous.legal_status != episode.legal_status
    same_carers = not episode.is_temporary and previous.has_same_carers_as(
        provider=episode.placement_provider, placement_postcode=episode.placement_postcode
    )
    if placement_changed and legal_status_changed:
        return ReasonForNewEpisode.U if same_carers else ReasonForNewEpisode.B
    if placement_changed:
        return ReasonForNewEpisode.T if same_carers else ReasonForNewEpisode.P
    if legal_status_changed:
        return ReasonForNewEpisode.L
    return ""


def amend_same_day(episode: CareEpisode, field: str) -> None:
    """Fold a second change on the day ``episode`` started into it, re-deriving its reason for
    new episode against the episode before it."""
    if episode.reason_for_new_episode == ReasonForNewEpisode.S:
        episode.save()
        return
    previous = previous_episode(episode)
    reason = _derived_reason(previous, episode) if previous else episode.reason_for_new_episode
    if not reason:
        raise ValidationError(
            {
                field: _(
                    "This undoes the change recorded earlier on the same day: correct that "
                    "change instead"
                )
            }
        )
    episode.reason_for_new_episode = reason
    episode.save()


def continue_episode(
    episode: CareEpisode,
    on: dt.date,
    reason_for_placement_change: str,
    actor: Actor | None,
    **changes: str,
) -> CareEpisode:
    """Close ``episode`` on ``on`` with ``X1`` and open the next one with ``changes``."""
    episode.end_on = on
    episode.reason_ceased = X1
    episode.reason_for_placement_change = reason_for_placement_change
    episode.save()
    following = CareEpisode(
        period=episode.period,
        child=episode.child,
        start_on=on,
        legal_status=episode.legal_status,
        category_of_need=episode.category_of_need,
        placement_type=episode.placement_type,
        placement_provider=episode.placement_provider,
        placement_postcode=episode.placement_postcode,
        home_postcode=episode.home_postcode,
        urn=episode.urn,
        placement=episode.placement,
        recorded_by=staff_member(actor),
    )
    for name, value in changes.items():
        setattr(following, name, value)
    following.reason_for_new_episode = _derived_reason(episode, following)
    following.save()
    return following


@transaction.atomic
def start_care(
    *,
    child: Child,
    start_on: dt.date,
    legal_status: str,
    category_of_need: str,
    placement_type: str,
    provider: str,
    placement_postcode: str = "",
    home_postcode: str = "",
    urn: str = "",
    reason_for_new_episode: str = ReasonForNewEpisode.S,
    actor: Actor | None = None,
    setting_name: str = "",
    is_registered: bool | None = None,
    registered_on: dt.date | None = None,
    ofsted_grade: str = "",
    weekly_cost: Decimal | None = None,
    entry_panel: str = "",
    entry_reason: str = "",
    connected_persons: str = "",
) -> PeriodOfCare:
    """The child starts to be looked after: a period of care opens with its first episode
    and placement.

    ``reason_for_new_episode`` is ``S`` except when a journey imports a period that began in
    an earlier system. A period may not start on a temporary placement (SSDA903 rule 380),
    nor on the day the last one ended (431), nor before the child was born (302). The pages
    also record who agreed to the entry, why, and whether connected persons were assessed
    (docs/domain.md stage 15, finding 59), and the setting's registration (finding 24).
    """
    child = lock_child(child)
    check_not_future(start_on, "start_on", _("date the child started to be looked after"))
    if legal_status not in LegalStatus.values:
        raise ValidationError({"legal_status": _("Choose the legal status")})
    if category_of_need not in CategoryOfNeed.values:
        raise ValidationError({"category_of_need": _("Choose the category of need")})
    if reason_for_new_episode not in ReasonForNewEpisode.values:
        raise ValidationError({"reason_for_new_episode": _("Choose the reason for new episode")})
    if placement_type in TEMPORARY_PLACEMENTS:
        raise ValidationError(
            {
                "placement_type": _(
                    "Care cannot start with a temporary move (T0 to T4): record the placement "
                    "the child went to"
                )
            }
        )
    placement_postcode = check_placement(placement_type, provider, placement_postcode, urn)
    home_postcode = _check_postcode(home_postcode, "home_postcode")
    if entry_panel and entry_panel not in EntryPanel.values:
        raise ValidationError(
            {"entry_panel": _("Choose who agreed the child should come into care")}
        )
    if connected_persons and connected_persons not in ConnectedPersonsAssessment.values:
        raise ValidationError(
            {"connected_persons": _("Choose whether connected persons were assessed")}
        )
    details = setting_details(
        setting_name=setting_name,
        is_registered=is_registered,
        registered_on=registered_on,
        ofsted_grade=ofsted_grade,
        weekly_cost=weekly_cost,
    )
    if child.date_of_birth is None or start_on < child.date_of_birth:
        raise ValidationError(
            {"start_on": _("A child cannot be looked after before they are born")}
        )
    NOT_LOOKED_AFTER.check(child)
    last = PeriodOfCare.objects.filter(child=child).order_by("-end_on").first()
    if last is not None:
        assert last.end_on is not None  # NOT_LOOKED_AFTER holds: every period has ended
        if start_on <= last.end_on:
            raise ValidationError(
                {
                    "start_on": _(
                        "Care must start after the last period of care ended, on %(date)s"
                    )
                    % {"date": long_date(last.end_on)}
                }
            )
    period = PeriodOfCare.objects.create(
        child=child,
        start_on=start_on,
        entry_panel=entry_panel,
        entry_reason=entry_reason.strip(),
        connected_persons=connected_persons,
    )
    placement = Placement(child=child, period=period, start_on=start_on)
    placement.recorded_by = staff_member(actor)
    update_details(placement, details, every=True)
    placement.save()
    episode = CareEpisode.objects.create(
        period=period,
        child=child,
        start_on=start_on,
        reason_for_new_episode=reason_for_new_episode,
        legal_status=legal_status,
        category_of_need=category_of_need,
        placement_type=placement_type,
        placement_provider=provider,
        placement_postcode=placement_postcode,
        home_postcode=home_postcode,
        urn=urn,
        placement=placement,
        recorded_by=staff_member(actor),
    )
    add_entry(
        child_id=child.pk,
        occurred_on=start_on,
        kind=EntryKind.CARE,
        summary=_("Started to be looked after: %(status)s")
        % {"status": episode.get_legal_status_display()},
        detail=episode.get_placement_type_display(),
        is_significant=True,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return period


@transaction.atomic
def change_legal_status(
    *,
    child: Child,
    on: dt.date,
    legal_status: str,
    actor: Actor | None = None,
) -> CareEpisode:
    """The legal basis on which the child is looked after changes (an order is made, or
    accommodation under section 20 begins): a new episode with RNE ``L``, or ``B``/``U`` with
    a placement change on the same day."""
    child = lock_child(child)
    check_not_future(on, "on", _("date the legal status changed"))
    if legal_status not in LegalStatus.values:
        raise ValidationError({"legal_status": _("Choose the legal status")})
    episode = open_episode(child, on, "on")
    if legal_status == episode.legal_status:
        raise ValidationError(
            {
                "legal_status": _("The legal status is already %(status)s")
                % {"status": episode.get_legal_status_display()}
            }
        )
    if episode.start_on == on:
        episode.legal_status = legal_status
        amend_same_day(episode, "legal_status")
        following = episode
    else:
        following = continue_episode(episode, on, "", actor, legal_status=legal_status)
    add_entry(
        child_id=child.pk,
        occurred_on=on,
        kind=EntryKind.LEGAL_STATUS,
        summary=_("Legal status: %(status)s") % {"status": following.get_legal_status_display()},
        is_significant=True,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return following


@transaction.atomic
def end_care(
    *,
    child: Child,
    on: dt.date,
    reason: str,
    actor: Actor | None = None,
) -> PeriodOfCare:
    """The child ceases to be looked after: the open episode and the period close with the
    reason (SSDA903 REC, never ``X1``), and so does the allocation of the child's IRO. Care cannot end during a temporary move (rule 381),
    and a child is adopted only from a placement for adoption (390)."""
    child = lock_child(child)
    check_not_future(on, "on", _("date the child ceased to be looked after"))
    if reason not in ReasonEpisodeCeased.values or reason == X1:
        raise ValidationError({"reason": _("Choose why the child ceased to be looked after")})
    episode = open_episode(child, on, "on")
    if episode.is_temporary:
        raise ValidationError(
            {
                "on": _(
                    "Care cannot end during a temporary move (T0 to T4): record the return "
                    "to the placement first"
                )
            }
        )
    if reason in ADOPTED and episode.placement_type not in ADOPTION_PLACEMENTS:
        raise ValidationError(
            {"reason": _("A child can be adopted only from a placement for adoption (A3 to A6)")}
        )
    episode.end_on = on
    episode.reason_ceased = reason
    episode.save()
    period = episode.period
    period.end_on = on
    period.reason_ceased = reason
    period.save()
    # The independent reviewing officer is appointed for the child while looked after: the
    # allocation ends with the care (a return to care allocates one again).
    IROAllocation.objects.filter(child=child, end_on__isnull=True, start_on__lte=on).update(
        end_on=on
    )
    add_entry(
        child_id=child.pk,
        occurred_on=on,
        kind=EntryKind.CARE,
        summary=_("Ceased to be looked after: %(reason)s")
        % {"reason": episode.get_reason_ceased_display()},
        is_significant=True,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return period
