"""Every record held about a child, from every part of Kinfolk, collected in one walk.

The walk reads the installed models (``django.apps``), not a list of record types: it starts
from the child, takes every record of every model with a foreign key or one-to-one field to
``people.Child`` that points at the child, then every record that hangs from a record already
taken (a plan's actions and outcomes, a contact's screening decision, a hearing of care
proceedings), until nothing new is found. A record type added later appears in the export and
in subject access disclosures without a change here. The few tables that are not the child's
record are left out by name in ``EXCLUDED_APPS`` and ``EXCLUDED_MODELS``.

Each record is serialised field by field (docs/records.md): dates as ``YYYY-MM-DD``, times as
local ``YYYY-MM-DDTHH:MM`` (Europe/London), codes as their codes, the child by Child ID, staff
by username, other records by id, and documents (file fields) by name, type, size and SHA-256.
"""

import datetime as dt
import decimal
import hashlib
import mimetypes
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalChanges

from kinfolk.core.working_days import LONDON
from kinfolk.people.models import Child

#: Apps whose tables are not the child's record: who looked at it and who may see it (the
#: access log, restrictions and break-the-glass, shown on their own pages), deadlines derived
#: from the records (duties, recomputed from them at any time), the returns' data quality
#: checks, and subject access requests themselves.
EXCLUDED_APPS = frozenset({"access", "duties", "returns", "records"})
#: Single tables left out of apps that are otherwise included.
EXCLUDED_MODELS: frozenset[str] = frozenset()

#: Fields that name who wrote a record, most telling first; otherwise the first field that
#: names a member of staff, otherwise whoever saved the record's first version (its history).
AUTHOR_FIELDS = ("author", "recorded_by", "created_by", "raised_by", "decided_by")
#: Fields that are the record's own timestamps rather than the date of what it records.
RECORDED_FIELDS = ("created_at", "updated_at", "recorded_at")


@dataclass
class CollectedRecord:
    """One record held about the child, serialised."""

    type: str
    id: int | str
    label: str
    date: str | None
    dates: dict[str, str]
    author: dict[str, str] | None
    fields: dict[str, Any]
    documents: list[dict[str, Any]] = field(default_factory=list)
    #: The fields' labels, for pages (not part of the JSON).
    field_labels: dict[str, str] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """The record's reference within one child's record: ``type:id``."""
        return f"{self.type}:{self.id}"

    def as_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "id": self.id,
            "label": self.label,
            "date": self.date,
            "dates": self.dates,
            "author": self.author,
            "fields": self.fields,
            "documents": self.documents,
        }


def record_type(model: type[models.Model]) -> str:
    """The stable name of a record type: ``app_label.model_name``."""
    return model._meta.label_lower


def is_collected(model: type[models.Model]) -> bool:
    """Whether records of this model can be part of a child's record."""
    meta = model._meta
    return not (
        meta.app_label in EXCLUDED_APPS
        or meta.label_lower in EXCLUDED_MODELS
        or meta.auto_created
        or issubclass(model, HistoricalChanges)
    )


def _relations(model: type[models.Model]) -> list[models.ForeignKey]:
    return [
        f for f in model._meta.concrete_fields if isinstance(f, models.ForeignKey)
    ]  # OneToOneField is a ForeignKey


def iso(value: dt.date | dt.datetime) -> str:
    """A date as ``YYYY-MM-DD``; a time as local ``YYYY-MM-DDTHH:MM`` (Europe/London)."""
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = value.astimezone(LONDON)
        return value.strftime("%Y-%m-%dT%H:%M")
    return value.isoformat()


def _document(file: Any) -> dict[str, Any]:
    """A stored file by name, type, size and SHA-256 (``None`` where the file is missing)."""
    name = PurePath(file.name).name
    entry: dict[str, Any] = {
        "name": name,
        "content_type": mimetypes.guess_type(name)[0] or "application/octet-stream",
        "size": None,
        "sha256": None,
    }
    try:
        digest = hashlib.sha256()
        with file.open("rb") as handle:
            for chunk in iter(lambda: handle.read(65536), b""):
                digest.update(chunk)
        entry["size"] = file.size
        entry["sha256"] = digest.hexdigest()
    except (OSError, ValueError):
        entry["missing"] = True
    return entry


class _Serialiser:
    """Turns model instances into ``CollectedRecord``s, remembering Child IDs and staff."""

    def __init__(self) -> None:
        self.user_model = get_user_model()
        self._child_ids: dict[int, str] = {}
        self._users: dict[int, Any] = {}

    def child_id(self, pk: int) -> str:
        if pk not in self._child_ids:
            self._child_ids[pk] = Child._base_manager.filter(pk=pk).values_list(
                "la_child_id", flat=True
            ).first() or str(pk)
        return self._child_ids[pk]

    def user(self, pk: int) -> Any:
        if pk not in self._users:
            self._users[pk] = self.user_model._base_manager.filter(pk=pk).first()
        return self._users[pk]

    def person(self, pk: int | None) -> dict[str, str] | None:
        user = self.user(pk) if pk is not None else None
        if user is None:
            return None
        return {
            "username": user.get_username(),
            "name": getattr(user, "display_name", "") or user.get_username(),
        }

    def value(self, instance: models.Model, model_field: models.Field) -> Any:
        if isinstance(model_field, models.ForeignKey):
            pk = getattr(instance, model_field.attname)
            if pk is None:
                return None
            target = model_field.related_model
            if target is Child:
                return self.child_id(pk)
            if target is self.user_model:
                user = self.user(pk)
                return user.get_username() if user is not None else pk
            return pk
        if isinstance(model_field, models.FileField):
            file = getattr(instance, model_field.attname)
            return PurePath(file.name).name if file else None
        value = model_field.value_from_object(instance)
        if isinstance(value, dt.date):
            return iso(value)
        if isinstance(value, decimal.Decimal | uuid.UUID):
            return str(value)
        if isinstance(value, dt.timedelta):
            return value.total_seconds()
        if isinstance(value, bytes | memoryview):
            return hashlib.sha256(bytes(value)).hexdigest()
        return value

    def author(self, instance: models.Model) -> dict[str, str] | None:
        user_fields = [
            f
            for f in _relations(type(instance))
            if f.related_model is self.user_model and getattr(instance, f.attname) is not None
        ]
        by_name = {f.name: f for f in user_fields}
        for name in AUTHOR_FIELDS:
            if name in by_name:
                return self.person(getattr(instance, by_name[name].attname))
        if user_fields:
            return self.person(getattr(instance, user_fields[0].attname))
        history = getattr(instance, "history", None)
        if history is not None:
            first = history.order_by("history_date", "history_id").first()
            if first is not None and first.history_user_id is not None:
                return self.person(first.history_user_id)
        return None

    def record(self, instance: models.Model) -> CollectedRecord:
        model = type(instance)
        fields: dict[str, Any] = {}
        labels: dict[str, str] = {}
        dates: dict[str, str] = {}
        documents: list[dict[str, Any]] = []
        for model_field in model._meta.concrete_fields:
            if model_field.primary_key:
                continue
            value = self.value(instance, model_field)
            fields[model_field.name] = value
            labels[model_field.name] = str(model_field.verbose_name)
            if isinstance(model_field, models.DateField) and value is not None:
                dates[model_field.name] = value
            if isinstance(model_field, models.FileField):
                file = getattr(instance, model_field.attname)
                if file:
                    documents.append({"field": model_field.name, **_document(file)})
        for m2m in model._meta.many_to_many:
            fields[m2m.name] = sorted(getattr(instance, m2m.name).values_list("pk", flat=True))
            labels[m2m.name] = str(m2m.verbose_name)
        principal = next(
            (value for name, value in dates.items() if name not in RECORDED_FIELDS),
            next(iter(dates.values()), None),
        )
        return CollectedRecord(
            type=record_type(model),
            id=instance.pk,
            label=str(model._meta.verbose_name),
            date=principal,
            dates=dates,
            author=self.author(instance),
            fields=fields,
            documents=documents,
            field_labels=labels,
        )


def _instances(child: Child) -> Iterable[models.Model]:
    """The child and every record that points at them, or at a record already found."""
    candidates = [m for m in apps.get_models() if is_collected(m) and m is not Child]
    found: dict[type[models.Model], set[Any]] = {Child: {child.pk}}
    yield child
    growing = True
    while growing:
        growing = False
        for model in candidates:
            # A link between the child and a record about several children (an allegation)
            # names in ``collected_through`` the fields that lead to that record: the link is
            # taken for this child only, and the record it leads to is taken with it.
            through: tuple[str, ...] = getattr(model, "collected_through", ())
            condition = Q()
            for relation in _relations(model):
                if through and relation.related_model is not Child:
                    continue
                pks = found.get(relation.related_model)  # type: ignore[arg-type]
                if pks:
                    condition |= Q(**{f"{relation.attname}__in": pks})
            if not condition:
                continue
            have = found.setdefault(model, set())
            new = list(model._base_manager.filter(condition).exclude(pk__in=have).order_by("pk"))
            if new:
                growing = True
                have.update(instance.pk for instance in new)
                yield from new
                for name in through:
                    link = model._meta.get_field(name)
                    target = link.related_model
                    assert isinstance(target, type) and issubclass(target, models.Model)
                    taken = found.setdefault(target, set())
                    wanted = {getattr(i, link.attname) for i in new} - taken  # type: ignore[union-attr]
                    if wanted:
                        taken.update(wanted)
                        yield from target._base_manager.filter(pk__in=wanted).order_by("pk")


def _order(record: CollectedRecord) -> tuple[bool, str, str, str]:
    return (record.date is None, record.date or "", record.type, str(record.id))


def collect_child_record(child: Child) -> list[CollectedRecord]:
    """Every record held about the child: the child's own record first, then the rest by
    date (undated records last), type and id."""
    serialiser = _Serialiser()
    records = [serialiser.record(instance) for instance in _instances(child)]
    return [records[0], *sorted(records[1:], key=_order)]
