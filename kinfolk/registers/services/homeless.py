"""Homeless 16- and 17-year-olds (docs/registers.md; docs/domain.md, "Side processes"): the
presentation, the joint assessment with housing, the young person's rights explained
(accommodation under section 20 among them) and the decision, with their view and the
outcome. No decision is recorded before the rights were explained."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinfolk.casework.services import check_not_future, lock_child
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.events import publish_casework_changed
from kinfolk.core.working_days import age_on
from kinfolk.people.models import Child
from kinfolk.registers.choices import HomelessDecision
from kinfolk.registers.models import HomelessPresentation
from kinfolk.registers.registrations import RegistersEntryKind
from kinfolk.registers.services.common import check_on_or_after, required


def _locked(presentation: HomelessPresentation) -> HomelessPresentation:
    lock_child(presentation.child)
    return HomelessPresentation.objects.select_for_update().get(pk=presentation.pk)


@transaction.atomic
def record_homeless_presentation(
    *,
    child: Child,
    presented_on: dt.date,
    presented_by: str,
    is_from_housing: bool = False,
    actor: Actor | None = None,
    is_imported: bool = False,
) -> HomelessPresentation:
    """Record that a 16- or 17-year-old presented as homeless, themselves or referred."""
    child = lock_child(child)
    check_not_future(presented_on, "presented_on", _("date presented"))
    if child.date_of_birth is None or age_on(child.date_of_birth, presented_on) not in (16, 17):
        raise ValidationError(
            {"presented_on": _("The young person must be 16 or 17 on the date they presented")}
        )
    presented_by = required(presented_by, "presented_by", _("Enter who presented or referred"))
    if HomelessPresentation.objects.filter(child=child, decision="").exists():
        raise ValidationError(
            {"presented_on": _("The young person's last presentation has no decision yet")}
        )
    record = HomelessPresentation.objects.create(
        child=child,
        presented_on=presented_on,
        presented_by=presented_by,
        is_from_housing=is_from_housing,
        recorded_by=staff_member(actor),
        is_imported=is_imported,
    )
    add_entry(
        child_id=child.pk,
        occurred_on=presented_on,
        kind=RegistersEntryKind.HOMELESS_16_17,
        summary=_("Presented as homeless (%(who)s)") % {"who": presented_by},
        is_significant=True,
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return record


@transaction.atomic
def record_joint_assessment(
    *,
    presentation: HomelessPresentation,
    started_on: dt.date,
    housing_officer: str,
    completed_on: dt.date | None = None,
    version: int | None = None,
    actor: Actor | None = None,
) -> HomelessPresentation:
    """Record the joint assessment with housing: started, perhaps completed, and the housing
    officer."""
    record = _locked(presentation)
    record.next_version(version)
    check_not_future(started_on, "started_on", _("date the joint assessment started"))
    check_on_or_after(started_on, record.presented_on, "started_on", _("the presentation"))
    if completed_on is not None:
        check_not_future(completed_on, "completed_on", _("date the joint assessment completed"))
    check_on_or_after(completed_on, started_on, "completed_on", _("the joint assessment started"))
    record.housing_officer = required(
        housing_officer, "housing_officer", _("Enter the housing officer")
    )
    record.assessment_started_on = started_on
    record.assessment_completed_on = completed_on
    record.save()
    add_entry(
        child_id=record.child_id,
        occurred_on=completed_on or started_on,
        kind=RegistersEntryKind.HOMELESS_16_17,
        summary=(
            _("Joint assessment with housing completed, with %(officer)s")
            if completed_on
            else _("Joint assessment with housing started, with %(officer)s")
        )
        % {"officer": record.housing_officer},
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(record.child_id)
    return record


@transaction.atomic
def record_rights_explained(
    *,
    presentation: HomelessPresentation,
    explained_on: dt.date,
    explained_by: Actor | None = None,
    version: int | None = None,
    actor: Actor | None = None,
) -> HomelessPresentation:
    """Record that the young person's rights, accommodation under section 20 among them,
    were explained to them: when and by whom."""
    record = _locked(presentation)
    record.next_version(version)
    explained_by = explained_by or staff_member(actor)
    if explained_by is None:
        raise ValidationError({"explained_by": _("Choose who explained the rights")})
    check_not_future(explained_on, "explained_on", _("date the rights were explained"))
    check_on_or_after(explained_on, record.presented_on, "explained_on", _("the presentation"))
    record.rights_explained_on = explained_on
    record.rights_explained_by = explained_by
    record.save()
    add_entry(
        child_id=record.child_id,
        occurred_on=explained_on,
        kind=RegistersEntryKind.HOMELESS_16_17,
        summary=_("Rights explained, including accommodation under section 20, by %(who)s")
        % {"who": explained_by},
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(record.child_id)
    return record


@transaction.atomic
def record_homeless_decision(
    *,
    presentation: HomelessPresentation,
    decided_on: dt.date,
    decision: str,
    young_person_view: str,
    outcome: str = "",
    version: int | None = None,
    actor: Actor | None = None,
) -> HomelessPresentation:
    """Record the decision for the young person, with their view and the outcome. Refused
    before their rights were explained. Accommodation under section 20 makes the child looked
    after: the page then leads to starting a period of care."""
    record = _locked(presentation)
    record.next_version(version)
    if record.decision:
        raise ValidationError({"decision": _("The decision is already recorded")})
    if record.rights_explained_on is None:
        raise ValidationError(
            {
                "decision": _(
                    "Explain the young person's rights, including accommodation under section "
                    "20, and record it before the decision"
                )
            }
        )
    if decision not in HomelessDecision.values:
        raise ValidationError({"decision": _("Choose the decision")})
    check_not_future(decided_on, "decided_on", _("date of the decision"))
    check_on_or_after(
        decided_on, record.rights_explained_on, "decided_on", _("the rights were explained")
    )
    record.young_person_view = required(
        young_person_view, "young_person_view", _("Enter the young person's view")
    )
    record.decision = decision
    record.decided_on = decided_on
    record.outcome = outcome.strip()
    record.save()
    add_entry(
        child_id=record.child_id,
        occurred_on=decided_on,
        kind=RegistersEntryKind.HOMELESS_16_17,
        summary=_("Homelessness decision: %(decision)s")
        % {"decision": record.get_decision_display()},
        detail=record.young_person_view,
        is_significant=True,
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(record.child_id)
    return record
