"""Recording the personal education plans of a looked-after child and the virtual school's
rating of them (docs/domain.md stage 21, findings 55, 56 and 66).

A PEP belongs to the period of care that covers its date. Every function runs in one
transaction, locks the child first, writes the chronology and publishes ``casework_changed``;
a refusal raises ``ValidationError`` keyed by field and changes nothing. Details that only the
page asks for (the school, the child's views, targets) are not required of a PEP loaded from
a journey (``is_imported=True``), which says that it was imported.
"""

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinfolk.care.models import (
    PEPQuality,
    PEPTarget,
    PersonalEducationPlan,
    PupilProgress,
    SENStatus,
)
from kinfolk.care.services.episodes import period_on
from kinfolk.care.services.health import ActionInput, check_actions, check_day, record_entry
from kinfolk.casework.services import check_not_future, lock_child
from kinfolk.chronology.choices import EntryKind
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.dates import long_date
from kinfolk.core.guards import Guard
from kinfolk.people.models import Child

#: A PEP is made for a child in early years or of compulsory school age: 3 to 17 on its date
#: (Promoting the education of looked-after children, 2018).
PEP_AGES = range(3, 18)


#: The virtual school rates one of the child's PEPs.
PEP_RECORDED: Guard[Child] = Guard(
    name="pep-recorded",
    message=gettext_lazy("There is no PEP to rate yet."),
    holds=lambda child: PersonalEducationPlan.objects.filter(child=child).exists(),
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
    actor: Actor | None = None,
) -> PersonalEducationPlan:
    """Record a personal education plan for a looked-after child aged 3 to 17. On a page the
    school, the child's views and at least one SMART target (what, who, by when) are required
    (Promoting the education of looked-after children, 2018; docs/domain.md findings 55, 56, 66)."""
    child = lock_child(child)
    check_day(child, made_on, "made_on", _("date of the PEP"))
    period = period_on(child, made_on, "made_on")
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
    check_actions(targets, made_on, "targets")
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
    record_entry(child, made_on, EntryKind.EDUCATION, _("Personal education plan"), actor)
    return pep


@transaction.atomic
def rate_pep(
    *,
    pep: PersonalEducationPlan,
    quality: str,
    rated_on: dt.date,
    actor: Actor | None = None,
    version: int | None = None,
) -> PersonalEducationPlan:
    """The virtual school rates the quality of a PEP (docs/domain.md finding 55). A rating
    made from ``version`` of the PEP, when someone has rated it since, is refused with
    ``RecordChanged``."""
    child = lock_child(pep.child)
    pep = PersonalEducationPlan.objects.select_for_update().get(pk=pep.pk)
    pep.next_version(version)
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
    pep.save(update_fields=["quality", "quality_rated_on", "quality_rated_by", "version"])
    record_entry(
        child,
        rated_on,
        EntryKind.EDUCATION,
        _("PEP of %(date)s rated: %(quality)s")
        % {"date": long_date(pep.made_on), "quality": pep.get_quality_display()},
        actor,
    )
    return pep
