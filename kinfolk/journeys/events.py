"""The journey event types and how each is applied through the domain services.

Every event type is declared once, in the module of this package for its casework area, as
an entry of that module's ``EVENTS`` list: its required and optional fields with their parsers,
and the function that applies it. ``event_types`` finds them all; a new area's module is found
without being listed anywhere.
"""

import datetime as dt
import importlib
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from kinfolk.core.codes import (
    Disability,
    Ethnicity,
    Sex,
    SocialWorkerChangeReason,
    UPNUnknown,
)
from kinfolk.core.services import set_up_authority
from kinfolk.journeys import fields as f
from kinfolk.journeys.removal import remove_people
from kinfolk.people import services as people
from kinfolk.people.choices import RelationshipKind
from kinfolk.people.models import Adult, Child
from kinfolk.workforce import services as workforce
from kinfolk.workforce.choices import Role
from kinfolk.workforce.models import User


class EventError(Exception):
    """An event cannot be applied; the message is in casework words."""


@dataclass
class JourneyState:
    """What a load has seen so far: children and workers by their journey identifiers."""

    replace: bool = False
    children: dict[str, Child] = field(default_factory=dict)
    workers: dict[str, User] = field(default_factory=dict)
    changed_child_ids: set[int] = field(default_factory=set)
    #: Identifiers of the children that the file being loaded records.
    file_child_ids: frozenset[str] = frozenset()

    def child(self, child_id: str) -> Child:
        child = self.children.get(child_id)
        if child is None:
            child = Child.objects.filter(la_child_id=child_id).first()
            if child is None:
                raise EventError(f"child {child_id} is not recorded (no child event before this)")
            self.children[child_id] = child
        self.changed_child_ids.add(child.pk)
        return child

    def worker(self, worker_id: str) -> User:
        worker = self.workers.get(worker_id)
        if worker is None:
            worker = User.objects.filter(username=worker_id).first()
            if worker is None:
                raise EventError(
                    f"worker {worker_id} is not recorded (no worker event before this)"
                )
            self.workers[worker_id] = worker
        return worker


Handler = Callable[[dict[str, Any], JourneyState], None]


@dataclass(frozen=True)
class EventType:
    """One type of journey event: its fields and how it is applied."""

    name: str
    required: Mapping[str, f.Parser]
    optional: Mapping[str, f.Parser]
    apply: Handler

    @property
    def is_about_a_child(self) -> bool:
        return "child" in self.required

    def event_date(self, event: dict[str, Any]) -> dt.date | None:
        """The date an event happened, for checking that a child's events are in order."""
        for name in ("date", "dob"):
            if isinstance(event.get(name), dt.date):
                return event[name]
        if isinstance(event.get("at"), dt.datetime):
            return event["at"].date()
        return None


def _authority(event: dict[str, Any], state: JourneyState) -> None:
    if not (event["la_number"].isdigit() and len(event["la_number"]) == 3):
        raise EventError("la_number must be the 3-digit LA number, for example 310")
    if len(event["la_code"]) != 9:
        raise EventError("la_code must be the 9-character ONS code, for example E08000010")
    set_up_authority(
        name=event["name"],
        la_number=event["la_number"],
        la_code=event["la_code"],
        postcode_prefixes=event.get("postcode_prefixes", []),
    )


def _worker(event: dict[str, Any], state: JourneyState) -> None:
    team = workforce.create_team(name=event["team"]) if event.get("team") else None
    existing = User.objects.filter(username=event["id"]).first()
    if existing is not None:
        existing.display_name = event["name"]
        existing.role = event["role"]
        existing.team = team
        existing.is_agency = event.get("agency", False)
        existing.is_qualified = event.get("qualified", False)
        existing.save()
        state.workers[event["id"]] = existing
        return
    state.workers[event["id"]] = workforce.create_worker(
        username=event["id"],
        display_name=event["name"],
        role=event["role"],
        team=team,
        is_agency=event.get("agency", False),
        is_qualified=event.get("qualified", False),
    )


def _child(event: dict[str, Any], state: JourneyState) -> None:
    child_id = event["id"]
    if ("dob" in event) == ("expected_dob" in event):
        raise EventError("give exactly one of dob and expected_dob")
    existing = Child.objects.filter(la_child_id=child_id)
    if existing.exists():
        if not state.replace:
            raise EventError(
                f"child {child_id} is already recorded (load with --replace to load it again)"
            )
        remove_people(existing, Adult.objects.none())
    child = people.create_child(
        la_child_id=child_id,
        first_name=event["first_name"],
        last_name=event["last_name"],
        sex=event["sex"],
        ethnicity=event["ethnicity"],
        date_of_birth=event.get("dob"),
        expected_date_of_birth=event.get("expected_dob"),
        upn=event.get("upn", ""),
        former_upn=event.get("former_upn", ""),
        upn_unknown=event.get("upn_unknown", ""),
        nhs_number=event.get("nhs_number", ""),
        disabilities=event.get("disabilities", []),
        postcode=event.get("postcode", ""),
        language=event.get("language", ""),
        religion=event.get("religion", ""),
        is_not_duplicate=True,
    )
    state.children[child_id] = child
    state.changed_child_ids.add(child.pk)


def _adult(event: dict[str, Any], state: JourneyState) -> None:
    if Adult.objects.filter(reference=event["id"]).exists():
        if not state.replace:
            raise EventError(f"adult {event['id']} is already recorded")
        remove_people(Child.objects.none(), Adult.objects.filter(reference=event["id"]))
    people.record_adult(
        reference=event["id"],
        first_name=event.get("first_name", ""),
        last_name=event.get("last_name", ""),
        date_of_birth=event.get("dob"),
        sex=event.get("sex", Sex.UNKNOWN),
    )


def _birth(event: dict[str, Any], state: JourneyState) -> None:
    people.record_birth(
        child=state.child(event["child"]), born_on=event["date"], sex=event.get("sex")
    )


def _death(event: dict[str, Any], state: JourneyState) -> None:
    people.record_death(child=state.child(event["child"]), died_on=event["date"])


def _relationship(event: dict[str, Any], state: JourneyState) -> None:
    child = state.child(event["child"])
    other_id = event["other"]
    other_child = state.children.get(other_id) or Child.objects.filter(la_child_id=other_id).first()
    other_adult = None
    if other_child is None and other_id in state.file_child_ids:
        raise EventError(f"child {other_id} must be recorded before a relationship to them")
    if other_child is None:
        other_adult = Adult.objects.filter(reference=other_id).first() or people.record_adult(
            reference=other_id
        )
    people.relate(
        child=child,
        kind=event["kind"],
        other_child=other_child,
        other_adult=other_adult,
        lives_with=event.get("lives_with", False),
        on=event.get("date"),
    )


def _motherhood(event: dict[str, Any], state: JourneyState) -> None:
    people.record_motherhood(
        child=state.child(event["child"]), first_child_born_on=event["first_child_dob"]
    )


def _allocation(event: dict[str, Any], state: JourneyState) -> None:
    workforce.allocate_child(
        child=state.child(event["child"]),
        worker=state.worker(event["worker"]),
        start_on=event["date"],
        reason=event.get("reason", ""),
    )


#: Authority, workforce and people (docs/journeys.md, first table).
EVENTS: list[EventType] = [
    EventType(
        "authority",
        required={"name": f.text(200), "la_number": f.text(3), "la_code": f.text(9)},
        optional={"postcode_prefixes": f.text_list},
        apply=_authority,
    ),
    EventType(
        "worker",
        required={"id": f.identifier, "name": f.text(200), "role": f.code(Role)},
        optional={"team": f.text(100), "agency": f.boolean, "qualified": f.boolean},
        apply=_worker,
    ),
    EventType(
        "child",
        required={
            "id": f.identifier,
            "first_name": f.text(100),
            "last_name": f.text(100),
            "sex": f.code(Sex),
            "ethnicity": f.code(Ethnicity),
        },
        optional={
            "dob": f.date,
            "expected_dob": f.date,
            "upn": f.text(13),
            "former_upn": f.text(13),
            "upn_unknown": f.code(UPNUnknown),
            "nhs_number": f.text(12),
            "disabilities": f.codes(Disability),
            "postcode": f.text(8),
            "language": f.text(100),
            "religion": f.text(100),
        },
        apply=_child,
    ),
    EventType(
        "adult",
        required={"id": f.identifier},
        optional={
            "first_name": f.text(100),
            "last_name": f.text(100),
            "dob": f.date,
            "sex": f.code(Sex),
        },
        apply=_adult,
    ),
    EventType(
        "birth",
        required={"child": f.identifier, "date": f.date},
        optional={"sex": f.code(Sex)},
        apply=_birth,
    ),
    EventType("death", required={"child": f.identifier, "date": f.date}, optional={}, apply=_death),
    EventType(
        "relationship",
        required={
            "child": f.identifier,
            "other": f.identifier,
            "kind": f.code(RelationshipKind),
        },
        optional={"lives_with": f.boolean, "date": f.date},
        apply=_relationship,
    ),
    EventType(
        "motherhood",
        required={"child": f.identifier, "first_child_dob": f.date},
        optional={},
        apply=_motherhood,
    ),
    EventType(
        "allocation",
        required={"child": f.identifier, "date": f.date, "worker": f.identifier},
        optional={"reason": f.code(SocialWorkerChangeReason)},
        apply=_allocation,
    ),
]


#: Modules of this package that declare no events.
NOT_EVENT_MODULES = frozenset({"events", "fields", "loader", "management", "migrations", "tests"})


def event_types() -> dict[str, EventType]:
    """Every journey event type, by name, from the ``EVENTS`` of each module of this package."""
    package = importlib.import_module("kinfolk.journeys")
    found: dict[str, EventType] = {event.name: event for event in EVENTS}
    for module_info in pkgutil.iter_modules(package.__path__):
        if module_info.name in NOT_EVENT_MODULES:
            continue
        module = importlib.import_module(f"kinfolk.journeys.{module_info.name}")
        for event in getattr(module, "EVENTS", []):
            if event.name in found:
                raise ImproperlyConfigured(f"journey event {event.name!r} is declared twice")
            found[event.name] = event
    return found
