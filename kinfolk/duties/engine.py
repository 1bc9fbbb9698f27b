"""The duties engine: derives each child's ``Duty`` rows from the casework.

Incremental: ``recompute_children`` runs for a child when a transaction that changed its
casework commits. Full: ``sweep`` recomputes every child, and ``verify`` reports where the
stored duties differ from a full computation (they must not).
"""

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from kinfolk.duties.facts import load_casework
from kinfolk.duties.models import Duty
from kinfolk.duties.rules import DutyFact, derive_duties, status_on
from kinfolk.people.models import Child

BATCH = 500
_FIELDS = ("trigger_on", "due_on", "completed_on", "context_ended_on")


def _batches(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def computed_duties(child_ids: Iterable[int]) -> dict[int, list[DutyFact]]:
    """What the rules derive today for each child. A duty's context can end with the passing
    of time alone (an 18th birthday): the nightly sweep brings such duties up to date."""
    today = timezone.localdate()
    return {
        pk: derive_duties(casework.cut(today)) for pk, casework in load_casework(child_ids).items()
    }


def _stored(child_ids: list[int]) -> dict[int, dict[tuple[str, str], Duty]]:
    stored: dict[int, dict[tuple[str, str], Duty]] = {pk: {} for pk in child_ids}
    for duty in Duty.objects.filter(child_id__in=child_ids):
        stored.setdefault(duty.child_id, {})[(duty.rule, duty.key)] = duty
    return stored


@transaction.atomic
def recompute_children(child_ids: Iterable[int]) -> int:
    """Bring the stored duties of these children in line with their casework; returns how
    many rows were created, changed or removed."""
    ids = sorted(set(child_ids))
    changes = 0
    for batch in _batches(ids):
        computed = computed_duties(batch)
        stored = _stored(batch)
        create: list[Duty] = []
        update: list[Duty] = []
        remove: list[int] = []
        for child_id in batch:
            existing = stored.get(child_id, {})
            wanted = {(f.rule, f.key): f for f in computed.get(child_id, [])}
            for key, fact in wanted.items():
                duty = existing.get(key)
                if duty is None:
                    create.append(
                        Duty(
                            child_id=child_id,
                            rule=fact.rule,
                            key=fact.key,
                            **{name: getattr(fact, name) for name in _FIELDS},
                        )
                    )
                elif any(getattr(duty, name) != getattr(fact, name) for name in _FIELDS):
                    for name in _FIELDS:
                        setattr(duty, name, getattr(fact, name))
                    update.append(duty)
            remove.extend(duty.pk for key, duty in existing.items() if key not in wanted)
        Duty.objects.bulk_create(create)
        Duty.objects.bulk_update(update, _FIELDS)
        Duty.objects.filter(pk__in=remove).delete()
        changes += len(create) + len(update) + len(remove)
    return changes


def sweep() -> int:
    """Recompute every child's duties (the nightly full computation)."""
    return recompute_children(Child.objects.values_list("pk", flat=True))


@dataclass(frozen=True)
class Difference:
    child: str
    rule: str
    key: str
    stored: str
    computed: str

    def __str__(self) -> str:
        return (
            f"child {self.child} {self.rule} {self.key}: stored {self.stored}, "
            f"full computation {self.computed}"
        )


def _describe(item: Duty | DutyFact | None) -> str:
    if item is None:
        return "nothing"
    return " ".join(f"{name}={getattr(item, name)}" for name in _FIELDS)


def verify() -> list[Difference]:
    """Where the stored (incremental) duties differ from a full computation."""
    differences = []
    names = dict(Child.objects.values_list("pk", "la_child_id"))
    for batch in _batches(sorted(names)):
        computed = computed_duties(batch)
        stored = _stored(batch)
        for child_id in batch:
            existing = stored.get(child_id, {})
            wanted = {(f.rule, f.key): f for f in computed.get(child_id, [])}
            for key in sorted(set(existing) | set(wanted)):
                duty, fact = existing.get(key), wanted.get(key)
                if (
                    duty is None
                    or fact is None
                    or any(getattr(duty, name) != getattr(fact, name) for name in _FIELDS)
                ):
                    differences.append(
                        Difference(
                            names[child_id], key[0], key[1], _describe(duty), _describe(fact)
                        )
                    )
    return differences


@dataclass(frozen=True)
class DutyOnDate:
    """A duty as it stood on a date, as ``kinfolk duties --as-of`` prints it."""

    child: str
    rule: str
    due: dt.date
    completed: dt.date | None
    status: str


def duties_as_of(as_of: dt.date, *, child_ids: Iterable[int] | None = None) -> list[DutyOnDate]:
    """Every duty whose trigger is on or before ``as_of``, computed from the casework as it
    stood then, sorted by child, due date and rule (docs/duties.md)."""
    names = dict(
        Child.objects.filter(pk__in=child_ids).values_list("pk", "la_child_id")
        if child_ids is not None
        else Child.objects.values_list("pk", "la_child_id")
    )
    rows = []
    for batch in _batches(sorted(names)):
        for child_id, casework in load_casework(batch).items():
            for fact in derive_duties(casework.cut(as_of)):
                if fact.trigger_on > as_of:
                    continue
                rows.append(
                    DutyOnDate(
                        child=names[child_id],
                        rule=fact.rule,
                        due=fact.due_on,
                        completed=fact.completed_on,
                        status=status_on(
                            as_of,
                            due_on=fact.due_on,
                            completed_on=fact.completed_on,
                            context_ended_on=fact.context_ended_on,
                        ),
                    )
                )
    return sorted(rows, key=lambda row: (row.child, row.due, row.rule))
