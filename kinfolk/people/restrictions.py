"""Who may see a child's record: restricting it to named staff, lifting the restriction, and
sealing an adoption record. Each is one transaction and writes the child's chronology."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinfolk.access.models import RestrictionGrant
from kinfolk.access.policy import P, require
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor
from kinfolk.people.models import Child


@transaction.atomic
def restrict_record(
    *,
    child: Child,
    users: Iterable[Actor],
    actor: Actor | None,
    reason: str,
) -> Child:
    """Restrict a child's record to the named users (and the person restricting it)."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the record is restricted")})
    named = {user.pk: user for user in users}
    if actor is not None:
        named.setdefault(actor.pk, actor)
    if not named:
        raise ValidationError({"users": _("Name at least one person who may see the record")})
    child.is_restricted = True
    child.save(update_fields=["is_restricted", "updated_at"])
    for user in named.values():
        RestrictionGrant.objects.get_or_create(
            child=child, user=user, defaults={"granted_by": actor, "reason": reason.strip()}
        )
    add_entry(
        child_id=child.pk,
        occurred_on=timezone.localdate(),
        kind=EntryKind.ACCESS,
        summary=_("Record restricted to named staff"),
        detail=reason.strip(),
        recorded_by=actor,
    )
    return child


@transaction.atomic
def lift_restriction(*, child: Child, actor: Actor, reason: str) -> Child:
    """Open a restricted record to everyone again; the named users are forgotten and the
    chronology keeps who lifted it and why."""
    if not child.is_restricted:
        raise ValidationError({"reason": _("This record is not restricted")})
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the restriction is lifted")})
    child.is_restricted = False
    child.save(update_fields=["is_restricted", "updated_at"])
    RestrictionGrant.objects.filter(child=child).delete()
    add_entry(
        child_id=child.pk,
        occurred_on=timezone.localdate(),
        kind=EntryKind.ACCESS,
        summary=_("Restriction lifted: the record is open to all staff"),
        detail=reason.strip(),
        recorded_by=actor,
    )
    return child


@transaction.atomic
def seal_adoption_record(*, child: Child, actor: Actor | None, reason: str) -> Child:
    """Seal a child's adoption record: from now on only the adoption service (``P.VIEW_SEALED``)
    sees it, and it cannot be opened with break-the-glass (the Adoption Agencies Regulations
    2005, regulations 41 and 42: the adoption case record is kept in secure conditions and
    disclosed only as they allow)."""
    if actor is not None:
        require(actor, P.VIEW_SEALED)
    child = Child.objects.select_for_update().get(pk=child.pk)
    if child.is_sealed:
        raise ValidationError({"reason": _("This adoption record is already sealed")})
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the adoption record is sealed")})
    child.is_sealed = True
    child.save(update_fields=["is_sealed", "updated_at"])
    add_entry(
        child_id=child.pk,
        occurred_on=timezone.localdate(),
        kind=EntryKind.ACCESS,
        summary=_("Adoption record sealed: only the adoption service can see it"),
        detail=reason,
        recorded_by=actor,
    )
    return child
