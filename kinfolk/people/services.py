"""Recording children and the people around them: the only way these records are written.

Each service runs in one transaction, writes the chronology entry, and publishes
``casework_changed`` for the child. Invalid input raises ``ValidationError`` keyed by field,
and nothing is written.
"""

import datetime as dt
import secrets
from collections.abc import Iterable, Sequence
from typing import cast

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor
from kinfolk.core.codes import Disability, Sex
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.core.postcodes import normalise_postcode
from kinfolk.people.choices import AlertKind, RelationshipKind
from kinfolk.people.models import Address, Adult, Alert, Child, ChildDisability, Relationship
from kinfolk.people.names import fold, phonetic_key
from kinfolk.people.nhs_number import normalise_nhs_number
from kinfolk.people.search import similar_children
from kinfolk.people.upn import normalise_upn

#: The fields of a child that ``update_child`` may change.
IDENTITY_FIELDS = (
    "first_name",
    "last_name",
    "date_of_birth",
    "expected_date_of_birth",
    "sex",
    "ethnicity",
    "upn",
    "former_upn",
    "upn_unknown",
    "nhs_number",
    "language",
    "religion",
)


class PossibleDuplicate(ValidationError):
    """A child with a similar name and the same date of birth is already recorded.

    ``matches`` are every such child, those the person may not see included: the page names
    only the others, and logs the attempt at the hidden ones."""

    def __init__(self, matches: Sequence[Child]):
        self.matches = list(matches)
        super().__init__(
            _("A child with a similar name and the same date of birth is already recorded"),
            code="possible_duplicate",
        )


class HiddenRecordConflict(ValidationError):
    """Refused because a value belongs to a child the person may not see (a restricted or
    sealed record): the messages do not reveal the child, and ``hidden_child_ids`` are for
    the page to write the attempt in those children's access logs."""

    def __init__(self, errors: dict[str, list[str]], *, hidden_child_ids: Iterable[int]):
        super().__init__(errors)
        self.hidden_child_ids = sorted(set(hidden_child_ids))


def _is_hidden_from(actor: Actor | None, child: Child) -> bool:
    """Whether the person may not see ``child``. A command or an import (no one signed in)
    sees every record."""
    if actor is None or not actor.is_authenticated:
        return False
    return not Child.objects.visible_to(actor).filter(pk=child.pk).exists()


def _today() -> dt.date:
    return timezone.localdate()


def _normalise(child: Child) -> None:
    child.first_name = child.first_name.strip()
    child.last_name = child.last_name.strip()
    child.first_name_folded = fold(child.first_name)
    child.last_name_folded = fold(child.last_name)
    child.first_name_key = phonetic_key(child.first_name)
    child.last_name_key = phonetic_key(child.last_name)
    child.upn = normalise_upn(child.upn)
    child.former_upn = normalise_upn(child.former_upn)
    child.nhs_number = normalise_nhs_number(child.nhs_number)


def _check_identity(child: Child, *, today: dt.date, actor: Actor | None = None) -> None:
    """Field checks across a child's identity, raised together keyed by field.

    An NHS number or Child ID already held by another child is refused; when that child is
    one ``actor`` may not see, the message says only that the value cannot be used, so that
    a hidden record is not confirmed by trying its identifiers (``HiddenRecordConflict``)."""
    errors: dict[str, list[str]] = {}
    hidden: list[int] = []

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if child.date_of_birth and child.expected_date_of_birth:
        add(
            "expected_date_of_birth",
            _("Give a date of birth or an expected date of birth, not both"),
        )
    if not child.date_of_birth and not child.expected_date_of_birth:
        add("date_of_birth", _("Enter a date of birth, or an expected date of birth"))
    if child.date_of_birth and child.date_of_birth > today:
        add("date_of_birth", _("Date of birth must be today or in the past"))
    if child.date_of_death and child.date_of_birth and child.date_of_death < child.date_of_birth:
        add("date_of_death", _("Date of death must be on or after the date of birth"))
    if child.date_of_death and child.date_of_death > today:
        add("date_of_death", _("Date of death must be today or in the past"))
    if child.upn and child.upn_unknown:
        add("upn_unknown", _("Leave the reason blank when the child has a UPN"))
    held = (
        (
            "nhs_number",
            child.nhs_number,
            _("This NHS number is already recorded for another child"),
        ),
        (
            "la_child_id",
            child.la_child_id,
            _("This Child ID is already recorded for another child"),
        ),
    )
    for field, value, message in held:
        holder = (
            Child.objects.filter(**{field: value}).exclude(pk=child.pk).first() if value else None
        )
        if holder is None:
            continue
        if _is_hidden_from(actor, holder):
            hidden.append(holder.pk)
            label = _("NHS number") if field == "nhs_number" else _("Child ID")
            message = _("This %(label)s cannot be used: ask your information governance team") % {
                "label": label
            }
        add(field, message)
    try:
        # The constraints and the unique Child ID are checked above with messages a person
        # can act on (and that do not reveal a record the person may not see).
        child.full_clean(
            exclude=["first_name_folded", "last_name_folded", "first_name_key", "last_name_key"],
            validate_constraints=False,
            validate_unique=False,
        )
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            for message in messages:
                if message not in errors.get(field, []):
                    add(field, message)
    if hidden:
        raise HiddenRecordConflict(errors, hidden_child_ids=hidden)
    if errors:
        raise ValidationError(errors)


def _set_disabilities(child: Child, codes: Iterable[str]) -> None:
    codes = sorted(set(codes))
    unknown = [code for code in codes if code not in Disability.values]
    if unknown:
        raise ValidationError(
            {
                "disabilities": _("Unknown disability code: %(codes)s")
                % {"codes": ", ".join(unknown)}
            }
        )
    if Disability.NONE in codes and len(codes) > 1:
        raise ValidationError(
            {"disabilities": _("'No disability' cannot be chosen with a disability")}
        )
    child.disabilities.exclude(code__in=codes).delete()
    existing = set(child.disabilities.values_list("code", flat=True))
    ChildDisability.objects.bulk_create(
        ChildDisability(child=child, code=code) for code in codes if code not in existing
    )


@transaction.atomic
def create_child(
    *,
    la_child_id: str,
    first_name: str,
    last_name: str,
    sex: str,
    ethnicity: str,
    date_of_birth: dt.date | None = None,
    expected_date_of_birth: dt.date | None = None,
    upn: str = "",
    former_upn: str = "",
    upn_unknown: str = "",
    nhs_number: str = "",
    disabilities: Iterable[str] = (),
    language: str = "",
    religion: str = "",
    postcode: str = "",
    recorded_on: dt.date | None = None,
    actor: Actor | None = None,
    is_not_duplicate: bool = False,
) -> Child:
    """Record a child new to children's social care.

    Refused when the NHS number is already held. When a child with a similar name and the
    same date of birth exists, raises ``PossibleDuplicate`` unless the person recording has
    confirmed that this is a different child (``is_not_duplicate``).
    """
    child = Child(
        la_child_id=la_child_id.strip(),
        first_name=first_name,
        last_name=last_name,
        sex=sex,
        ethnicity=ethnicity,
        date_of_birth=date_of_birth,
        expected_date_of_birth=expected_date_of_birth,
        upn=upn,
        former_upn=former_upn,
        upn_unknown=upn_unknown,
        nhs_number=nhs_number,
        language=language,
        religion=religion,
    )
    _normalise(child)
    today = recorded_on or _today()
    _check_identity(child, today=today, actor=actor)
    if not is_not_duplicate:
        matches = similar_children(
            first_name=child.first_name,
            last_name=child.last_name,
            date_of_birth=child.date_of_birth or child.expected_date_of_birth,
        )
        if matches:
            raise PossibleDuplicate(matches)
    child.save()
    _set_disabilities(child, disabilities)
    if postcode:
        _add_address(child=child, postcode=postcode, start_on=child.date_of_birth or today)
    born = child.date_of_birth
    if born:
        summary = _("Born")
    else:
        expected = child.expected_date_of_birth
        assert expected is not None  # _check_identity: a date of birth or an expected one
        summary = _("Unborn child recorded, expected on %(date)s") % {"date": long_date(expected)}
    add_entry(
        child_id=child.pk,
        occurred_on=born or today,
        kind=EntryKind.BIRTH if born else EntryKind.RECORD,
        summary=summary,
        is_significant=bool(born),
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return child


def lock_child(child: Child) -> Child:
    """Serialise changes to one child's record: the child's row is locked until the
    transaction ends, so that what a service checked (no open allocation, no open episode)
    still holds when it commits, and a second change made at the same moment waits, then sees
    the first, and is refused in words instead of breaking a database constraint."""
    return Child.objects.select_for_update().get(pk=child.pk)


@transaction.atomic
def update_child(
    *,
    child: Child,
    actor: Actor | None,
    disabilities: Iterable[str] | None = None,
    on: dt.date | None = None,
    version: int | None = None,
    **changes: object,
) -> Child:
    """Change a child's identity details; the chronology names the fields that changed.

    ``version`` is the version of the identity details the change was made from (the form's);
    when someone has changed them since, the change is refused with ``RecordChanged`` and
    nothing is saved."""
    unknown = set(changes) - set(IDENTITY_FIELDS)
    if unknown:
        raise TypeError(f"update_child() cannot change {', '.join(sorted(unknown))}")
    child = Child.objects.select_for_update().get(pk=child.pk)
    child.check_version(version)
    before = {field: getattr(child, field) for field in IDENTITY_FIELDS}
    for field, value in changes.items():
        setattr(child, field, value)
    _normalise(child)
    _check_identity(child, today=on or _today(), actor=actor)
    changed = [field for field in IDENTITY_FIELDS if getattr(child, field) != before[field]]
    old_disabilities = set(child.disabilities.values_list("code", flat=True))
    if disabilities is not None:
        _set_disabilities(child, disabilities)
        if set(disabilities) != old_disabilities:
            changed.append("disabilities")
    if not changed:
        return child
    child.next_version(None)
    child.save()
    labels = [
        str(cast(models.Field, Child._meta.get_field(field)).verbose_name)
        if field != "disabilities"
        else _("disabilities")
        for field in changed
    ]
    add_entry(
        child_id=child.pk,
        occurred_on=on or _today(),
        kind=EntryKind.IDENTITY,
        summary=_("Identity details changed: %(fields)s") % {"fields": ", ".join(labels)},
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return child


@transaction.atomic
def record_birth(
    *,
    child: Child,
    born_on: dt.date,
    sex: str | None = None,
    actor: Actor | None = None,
) -> Child:
    """An unborn child is born: the expected date of birth gives way to the date of birth."""
    child = Child.objects.select_for_update().get(pk=child.pk)
    if child.date_of_birth:
        raise ValidationError({"date_of_birth": _("This child's birth is already recorded")})
    child.date_of_birth = born_on
    child.expected_date_of_birth = None
    if sex:
        child.sex = sex
    _check_identity(child, today=max(born_on, _today()))
    child.next_version(None)
    child.save()
    add_entry(
        child_id=child.pk,
        occurred_on=born_on,
        kind=EntryKind.BIRTH,
        summary=_("Born"),
        is_significant=True,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return child


@transaction.atomic
def record_death(*, child: Child, died_on: dt.date, actor: Actor | None = None) -> Child:
    """Record that a child has died."""
    child = Child.objects.select_for_update().get(pk=child.pk)
    if child.date_of_death:
        raise ValidationError({"date_of_death": _("This child's death is already recorded")})
    child.date_of_death = died_on
    _check_identity(child, today=max(died_on, _today()))
    child.save()
    add_entry(
        child_id=child.pk,
        occurred_on=died_on,
        kind=EntryKind.DEATH,
        summary=_("Died"),
        is_significant=True,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return child


@transaction.atomic
def record_motherhood(
    *, child: Child, first_child_born_on: dt.date, actor: Actor | None = None
) -> Child:
    """Record that a child is a mother, with her first child's date of birth (SSDA903)."""
    child = Child.objects.select_for_update().get(pk=child.pk)
    if child.date_of_birth and first_child_born_on <= child.date_of_birth:
        raise ValidationError(
            {"first_child_born_on": _("Her first child's date of birth must be after her own")}
        )
    child.first_child_born_on = first_child_born_on
    child.save(update_fields=["first_child_born_on", "updated_at"])
    add_entry(
        child_id=child.pk,
        occurred_on=first_child_born_on,
        kind=EntryKind.RELATIONSHIP,
        summary=_("Became a mother"),
        is_significant=True,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return child


def _add_address(
    *,
    child: Child,
    postcode: str,
    start_on: dt.date,
    line_1: str = "",
    line_2: str = "",
    town: str = "",
) -> Address:
    current = child.addresses.filter(end_on__isnull=True).first()
    if current is not None:
        if start_on < current.start_on:
            raise ValidationError(
                {
                    "start_on": _(
                        "The new address must start on or after the current one started (%(date)s)"
                    )
                    % {"date": long_date(current.start_on)}
                }
            )
        current.end_on = start_on
        current.save(update_fields=["end_on"])
    address = Address(
        child=child,
        postcode=normalise_postcode(postcode),
        start_on=start_on,
        line_1=line_1.strip(),
        line_2=line_2.strip(),
        town=town.strip(),
    )
    address.full_clean()
    address.save()
    return address


@transaction.atomic
def move_child_to_address(
    *,
    child: Child,
    postcode: str,
    start_on: dt.date,
    line_1: str = "",
    line_2: str = "",
    town: str = "",
    actor: Actor | None = None,
) -> Address:
    """Record a child's new address; the current one ends on the day of the move."""
    if start_on > _today():
        raise ValidationError({"start_on": _("The move must be today or in the past")})
    address = _add_address(
        child=child, postcode=postcode, start_on=start_on, line_1=line_1, line_2=line_2, town=town
    )
    add_entry(
        child_id=child.pk,
        occurred_on=start_on,
        kind=EntryKind.ADDRESS,
        summary=_("Moved to %(postcode)s") % {"postcode": address.postcode},
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return address


@transaction.atomic
def record_adult(
    *,
    reference: str,
    first_name: str = "",
    last_name: str = "",
    date_of_birth: dt.date | None = None,
    sex: str = Sex.UNKNOWN,
) -> Adult:
    """Record an adult in a child's life (a parent, carer or household member)."""
    adult = Adult(
        reference=reference.strip(),
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        date_of_birth=date_of_birth,
        sex=sex,
    )
    adult.full_clean()
    adult.save()
    return adult


@transaction.atomic
def relate(
    *,
    child: Child,
    kind: str,
    other_child: Child | None = None,
    other_adult: Adult | None = None,
    lives_with: bool = False,
    on: dt.date | None = None,
    actor: Actor | None = None,
) -> Relationship:
    """Record how another child or an adult is related to a child.

    A sibling relationship between two children is recorded both ways.
    """
    if (other_child is None) == (other_adult is None):
        raise ValidationError({"other": _("Choose one other child or one adult")})
    if other_child is not None and other_child.pk == child.pk:
        raise ValidationError({"other": _("A child cannot be related to themself")})
    if kind not in RelationshipKind.values:
        raise ValidationError({"kind": _("Unknown relationship: %(kind)s") % {"kind": kind}})
    duplicate = child.relationships.filter(
        kind=kind, other_child=other_child, other_adult=other_adult
    ).exists()
    if duplicate:
        raise ValidationError({"other": _("This relationship is already recorded")})
    relationship = Relationship.objects.create(
        child=child,
        other_child=other_child,
        other_adult=other_adult,
        kind=kind,
        lives_with=lives_with,
        start_on=on,
    )
    other = relationship.other
    add_entry(
        child_id=child.pk,
        occurred_on=on or _today(),
        kind=EntryKind.RELATIONSHIP,
        summary=_("%(name)s recorded as %(kind)s")
        % {"name": other.full_name, "kind": relationship.get_kind_display().lower()},
        recorded_by=actor,
        # The entry names the other child: shown to those who may not see them as a
        # restricted record.
        other_child_id=other_child.pk if other_child is not None else None,
    )
    if other_child is not None and kind == RelationshipKind.SIBLING:
        Relationship.objects.get_or_create(
            child=other_child,
            other_child=child,
            kind=RelationshipKind.SIBLING,
            defaults={"lives_with": lives_with, "start_on": on},
        )
        publish_casework_changed(other_child.pk)
    publish_casework_changed(child.pk)
    return relationship


@transaction.atomic
def raise_alert(
    *,
    child: Child,
    kind: str,
    description: str,
    start_on: dt.date,
    end_on: dt.date | None = None,
    actor: Actor | None = None,
) -> Alert:
    """Put a warning on a child's record, shown to everyone who opens it."""
    if kind not in AlertKind.values:
        raise ValidationError({"kind": _("Choose the type of alert")})
    alert = Alert(
        child=child,
        kind=kind,
        description=description.strip(),
        start_on=start_on,
        end_on=end_on,
        raised_by=actor,
    )
    alert.full_clean()
    if end_on and end_on < start_on:
        raise ValidationError({"end_on": _("The end date must be on or after the start date")})
    alert.save()
    add_entry(
        child_id=child.pk,
        occurred_on=start_on,
        kind=EntryKind.ALERT,
        summary=_("Alert: %(alert)s") % {"alert": alert},
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return alert


@transaction.atomic
def relate_new_adult(
    *,
    child: Child,
    kind: str,
    first_name: str,
    last_name: str,
    lives_with: bool = False,
    actor: Actor | None = None,
) -> Relationship:
    """Record an adult not yet known to Kinfolk and how they are related to the child."""
    if not (first_name.strip() or last_name.strip()):
        raise ValidationError({"adult_last_name": _("Enter the adult's name")})
    adult = record_adult(
        reference=f"A{secrets.token_hex(6).upper()}", first_name=first_name, last_name=last_name
    )
    return relate(child=child, kind=kind, other_adult=adult, lives_with=lives_with, actor=actor)
