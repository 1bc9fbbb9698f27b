"""The family version of a child in need or child protection plan: the plan in plain words
for the parents and carers (docs/printing.md)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinfolk.casework.models import Plan
from kinfolk.casework.services.common import lock_child
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor
from kinfolk.core.events import publish_casework_changed


@transaction.atomic
def record_family_version(
    *, plan: Plan, family_version: str, actor: Actor | None = None, version: int | None = None
) -> Plan:
    """Write or rewrite the family version of an open plan. A change made from ``version`` of
    the plan, when someone has changed the plan since, is refused with ``RecordChanged``."""
    lock_child(plan.child)
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    plan.next_version(version)
    if not plan.is_open:
        raise ValidationError({"family_version": _("This plan has ended")})
    text = family_version.strip()
    if not text:
        raise ValidationError(
            {"family_version": _("Enter the family version: the plan in plain words")}
        )
    rewritten = bool(plan.family_version)
    plan.family_version = text
    plan.save(update_fields=["family_version", "version"])
    add_entry(
        child_id=plan.child_id,
        occurred_on=timezone.localdate(),
        kind=EntryKind.PLAN,
        summary=(
            _("Family version of the %(plan)s rewritten")
            if rewritten
            else _("Family version of the %(plan)s written")
        )
        % {"plan": plan.get_kind_display().lower()},
        detail=text,
        recorded_by=actor,
    )
    publish_casework_changed(plan.child_id)
    return plan
