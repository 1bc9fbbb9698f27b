"""Moves of placement, and a senior manager's approval of an unregistered setting.

Each stay with one set of carers is a ``Placement``, shared by the episodes spent there: it
holds the setting's registration, grade and cost, a senior manager's approval of an
unregistered setting (docs/domain.md finding 24), the manager's reason when a move went ahead
without a strategy discussion that was due (finding 5), and, when it ended unplanned, the
disruption record (finding 83). These are asked for by the pages; a journey that does not
give them is never refused for their absence. The episodes a move opens or amends are derived
as ``kinfolk.care.services.episodes`` describes.

Every function runs in one transaction, writes the chronology and publishes
``casework_changed``; a refusal raises ``ValidationError`` keyed by field and changes nothing.
"""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinfolk.care.models import (
    TEMPORARY_PLACEMENTS,
    CareEpisode,
)
from kinfolk.care.models.episodes import (
    Placement,
    PlacementDisruption,
)
from kinfolk.care.services.episodes import (
    amend_same_day,
    check_placement,
    continue_episode,
    may_approve_placement,
    open_episode,
    previous_episode,
    setting_details,
    update_details,
)
from kinfolk.casework.services import check_not_future, lock_child
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.codes import (
    ReasonForNewEpisode,
    ReasonForPlacementChange,
)
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.core.guards import Guard
from kinfolk.people.models import Child


def placements_awaiting_approval(child: Child) -> QuerySet[Placement]:
    """The child's placements in unregistered settings that no manager has approved yet,
    latest first."""
    return Placement.objects.filter(
        child=child, is_registered=False, approved_on__isnull=True
    ).order_by("-start_on")


#: A manager approves a placement in an unregistered setting that is waiting for it.
PLACEMENT_AWAITING_APPROVAL: Guard[Child] = Guard(
    name="placement-awaiting-approval",
    message=gettext_lazy("No placement of %(subject)s is waiting for approval"),
    holds=lambda child: placements_awaiting_approval(child).exists(),
)


def _placement_for(
    episode: CareEpisode,
    before: CareEpisode | None,
    details: dict[str, Any],
    actor: Actor | None,
    reusable: Placement | None = None,
) -> Placement:
    """The placement record of ``episode``, whose placement has just changed from that of
    ``before``: the same record when the carers are the same (after a change of placement
    type, or on return from a temporary move), otherwise a new one."""
    if not episode.is_temporary:
        candidates = [before]
        if before is not None and before.is_temporary:
            candidates.append(previous_episode(before))
        for candidate in candidates:
            if (
                candidate is not None
                and candidate.placement_id is not None
                and candidate.has_same_carers_as(
                    provider=episode.placement_provider,
                    placement_postcode=episode.placement_postcode,
                )
            ):
                placement = candidate.placement
                assert placement is not None  # its placement_id is not None
                update_details(placement, details, every=False)
                placement.save()
                return placement
    placement = reusable or Placement(child=episode.child, period=episode.period)
    placement.start_on = episode.start_on
    placement.recorded_by = staff_member(actor)
    update_details(placement, details, every=True)
    placement.save()
    return placement


def _check_disruption(
    *,
    is_meeting_held: bool | None,
    meeting_on: dt.date | None,
    reasons: str,
) -> None:
    """An unplanned ending needs its reasons and whether a disruption meeting was held
    (docs/domain.md finding 83)."""
    if not reasons.strip():
        raise ValidationError({"disruption_reasons": _("Enter why the placement ended")})
    if is_meeting_held is None:
        raise ValidationError(
            {"is_disruption_meeting_held": _("Select whether a disruption meeting was held")}
        )
    if is_meeting_held and meeting_on is None:
        raise ValidationError(
            {"disruption_meeting_on": _("Enter the date of the disruption meeting")}
        )
    if not is_meeting_held and meeting_on is not None:
        raise ValidationError(
            {"disruption_meeting_on": _("Leave the date blank: no meeting was held")}
        )
    if meeting_on is not None:
        check_not_future(meeting_on, "disruption_meeting_on", _("date of the disruption meeting"))


@transaction.atomic
def change_placement(
    *,
    child: Child,
    on: dt.date,
    placement_type: str,
    provider: str,
    reason: str = "",
    placement_postcode: str = "",
    urn: str = "",
    actor: Actor | None = None,
    setting_name: str = "",
    is_registered: bool | None = None,
    registered_on: dt.date | None = None,
    ofsted_grade: str = "",
    weekly_cost: Decimal | None = None,
    is_planned: bool = True,
    disruption_reasons: str = "",
    is_disruption_meeting_held: bool | None = None,
    disruption_meeting_on: dt.date | None = None,
    disruption_learning: str = "",
    strategy_discussion_warning: str = "",
    no_strategy_discussion_reason: str = "",
) -> CareEpisode:
    """The child moves to another placement, or their placement changes type.

    The reason for the change is recorded on the episode that ends (SSDA903 rule 225), except
    around a temporary move, where none is recorded (226) and ``reason`` is not needed.

    When the move was not planned, the placement that ended gets a disruption record: why it
    ended, whether a disruption meeting was held and when, and what was learnt (docs/domain.md
    finding 83). When the page warned that a strategy discussion was due first
    (``strategy_discussion_warning``), the move goes ahead only with a manager's reason,
    which is kept with the placement (finding 5).
    """
    child = lock_child(child)
    check_not_future(on, "on", _("date of the change of placement"))
    placement_postcode = check_placement(placement_type, provider, placement_postcode, urn)
    details = setting_details(
        setting_name=setting_name,
        is_registered=is_registered,
        registered_on=registered_on,
        ofsted_grade=ofsted_grade,
        weekly_cost=weekly_cost,
    )
    episode = open_episode(child, on, "on")
    is_temporary = placement_type in TEMPORARY_PLACEMENTS
    if (placement_type, provider, placement_postcode, urn) == (
        episode.placement_type,
        episode.placement_provider,
        episode.placement_postcode,
        episode.urn,
    ):
        raise ValidationError(
            {"placement_type": _("This is the placement the child is already in")}
        )
    is_same_day = episode.start_on == on
    if is_same_day and is_temporary and episode.reason_for_new_episode == ReasonForNewEpisode.S:
        raise ValidationError(
            {
                "placement_type": _(
                    "Care cannot start with a temporary move (T0 to T4): record the "
                    "placement the child went to"
                )
            }
        )
    # The episode that ends with this change: on the day an episode started, the one before it.
    ending = previous_episode(episode) if is_same_day else episode
    if ending is None or is_temporary or ending.is_temporary:
        reason = ""
    elif reason not in ReasonForPlacementChange.values:
        raise ValidationError({"reason": _("Choose the reason for the change of placement")})
    elif reason == ReasonForPlacementChange.CUSTOD and (child.age_on(on) or 0) < 10:
        raise ValidationError(
            {"reason": _("A child under 10 cannot move because of a custody arrangement")}
        )
    if not is_planned:
        if not reason or ending is None or ending.placement_id is None:
            raise ValidationError(
                {
                    "is_planned": _(
                        "A temporary move, or the return from one, does not end the "
                        "placement: record it as planned"
                    )
                }
            )
        if PlacementDisruption.objects.filter(placement_id=ending.placement_id).exists():
            raise ValidationError(
                {"is_planned": _("The disruption of the placement that ended is already recorded")}
            )
        _check_disruption(
            is_meeting_held=is_disruption_meeting_held,
            meeting_on=disruption_meeting_on,
            reasons=disruption_reasons,
        )
    warning = strategy_discussion_warning.strip()
    override = no_strategy_discussion_reason.strip()
    if override and not may_approve_placement(actor):
        raise ValidationError(
            {
                "no_strategy_discussion_reason": _(
                    "Only a manager can record why the move goes ahead without a strategy "
                    "discussion"
                )
            }
        )
    if warning and not override:
        raise ValidationError(
            {
                "no_strategy_discussion_reason": _(
                    "A strategy discussion has not been held: a manager must record why the "
                    "move cannot wait for one"
                )
            }
        )
    placement = {
        "placement_type": placement_type,
        "placement_provider": provider,
        "placement_postcode": placement_postcode,
        "urn": urn,
    }
    if is_same_day:
        for name, value in placement.items():
            setattr(episode, name, value)
        amend_same_day(episode, "placement_type")
        if ending is not None:
            ending.reason_for_placement_change = reason
            ending.save()
        following = episode
        current = episode.placement
        is_own = current is not None and not (
            ending is not None and ending.placement_id == current.pk
        )
        following.placement = _placement_for(
            episode, ending, details, actor, reusable=current if is_own else None
        )
        following.save()
        if (
            is_own
            and current is not None  # is_own says so
            and following.placement_id != current.pk
            and not current.episodes.exists()
        ):
            current.delete()  # the placement recorded earlier today was corrected away
    else:
        following = continue_episode(episode, on, reason, actor, **placement)
        following.placement = _placement_for(following, episode, details, actor)
        following.save()
    if warning:
        chosen = following.placement
        chosen.strategy_discussion_warning = warning
        chosen.no_strategy_discussion_reason = override
        chosen.no_strategy_discussion_reason_by = staff_member(actor)
        chosen.save()
    if not is_planned:
        # An unplanned move was refused above without an ending placement.
        assert ending is not None and ending.placement_id is not None
        PlacementDisruption.objects.create(
            placement_id=ending.placement_id,
            child=child,
            ended_on=on,
            reasons=disruption_reasons.strip(),
            is_meeting_held=bool(is_disruption_meeting_held),
            meeting_on=disruption_meeting_on,
            learning=disruption_learning.strip(),
            recorded_by=staff_member(actor),
        )
    add_entry(
        child_id=child.pk,
        occurred_on=on,
        kind=EntryKind.PLACEMENT,
        summary=(
            _("Temporary move: %(placement)s") if is_temporary else _("Placement: %(placement)s")
        )
        % {"placement": following.get_placement_type_display()},
        detail=str(ReasonForPlacementChange(reason).label) if reason else "",
        is_significant=True,
        recorded_by=actor,
    )
    if not is_planned:
        add_entry(
            child_id=child.pk,
            occurred_on=on,
            kind=EntryKind.PLACEMENT,
            summary=_("Placement ended unplanned"),
            detail=disruption_reasons.strip(),
            is_significant=True,
            recorded_by=actor,
        )
    publish_casework_changed(child.pk)
    return following


@transaction.atomic
def approve_unregistered_placement(
    *,
    child: Child,
    placement: Placement,
    approved_on: dt.date,
    rationale: str,
    actor: Actor | None,
) -> Placement:
    """A senior manager approves a child's placement in a setting not registered with Ofsted,
    with the reasons it is the right place for now (docs/domain.md finding 24). Until this is
    recorded the placement is flagged."""
    child = lock_child(child)
    if not may_approve_placement(actor):
        raise ValidationError(
            {"approved_on": _("Only a manager can approve an unregistered placement")}
        )
    check_not_future(approved_on, "approved_on", _("date of the approval"))
    placement = Placement.objects.select_for_update().get(pk=placement.pk)
    if placement.child_id != child.pk:
        raise ValidationError({"placement": _("Choose one of this child's placements")})
    if placement.is_registered is not False:
        raise ValidationError(
            {"placement": _("This placement is not recorded as unregistered: no approval needed")}
        )
    if placement.approved_on is not None:
        raise ValidationError(
            {
                "placement": _("This placement was approved on %(date)s")
                % {"date": long_date(placement.approved_on)}
            }
        )
    if approved_on < placement.start_on:
        raise ValidationError(
            {
                "approved_on": _("The approval cannot be before the placement started, on %(date)s")
                % {"date": long_date(placement.start_on)}
            }
        )
    if not rationale.strip():
        raise ValidationError(
            {"rationale": _("Enter why this unregistered setting is right for the child for now")}
        )
    placement.approved_by = actor
    placement.approved_on = approved_on
    placement.approval_rationale = rationale.strip()
    placement.save()
    add_entry(
        child_id=child.pk,
        occurred_on=approved_on,
        kind=EntryKind.PLACEMENT,
        summary=_("Unregistered placement approved by %(manager)s") % {"manager": actor},
        detail=rationale.strip(),
        is_significant=True,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return placement
