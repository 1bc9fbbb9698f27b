"""The synthetic local authority: a deterministic journey file of staff, families, three years
of their front door, child in need and child protection history (kinfolk.demo.pathway) and
the allocations of the cases open now, shaped like an English metropolitan borough.

The same size, seed and as-of date always give the same file. Nothing in it is about a real
person: names are drawn from lists, NHS numbers from the range the NHS keeps for testing
(999 000 0000 to 999 999 9999), and UPNs are made with valid check letters.
"""

import datetime as dt
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kinfolk.core.codes import Disability
from kinfolk.core.working_days import add_months
from kinfolk.demo import names, places
from kinfolk.demo.allegations import allegations
from kinfolk.demo.audits import audit_cases
from kinfolk.demo.care import CareHistory, merge_by_date, settle_allocations
from kinfolk.demo.meetings import hold_meetings
from kinfolk.demo.narrative import narrate
from kinfolk.demo.oversight import supervise
from kinfolk.demo.pathway import ChildRecord, PathwayHistory
from kinfolk.demo.private_fostering import foster_privately
from kinfolk.people.nhs_number import with_check_digit
from kinfolk.people.upn import with_check_letter
from kinfolk.workforce.choices import Role

AUTHORITY = {
    "name": "Northmoor Metropolitan Borough Council",
    "la_number": "359",
    "la_code": places.HOME_LA,
    "postcode_prefixes": ["WN"],
}
#: The password every demo worker signs in with.
DEMO_PASSWORD = "kinfolk-demo"  # noqa: S105 - demo data only, printed on screen


@dataclass(frozen=True)
class Size:
    children: int
    staff: int


SIZES = {
    "small": Size(children=700, staff=40),
    "medium": Size(children=7000, staff=150),
    "large": Size(children=28000, staff=600),
}

#: How staff divide between roles (shares of the whole workforce).
ROLE_SHARES = [
    (Role.SOCIAL_WORKER, 0.58),
    (Role.TEAM_MANAGER, 0.09),
    (Role.IRO, 0.06),
    (Role.CP_CHAIR, 0.04),
    (Role.PERSONAL_ADVISER, 0.08),
    (Role.FRONTDOOR, 0.07),
    (Role.LADO, 0.02),
    (Role.ANALYST, 0.03),
    (Role.ADMIN, 0.03),
]

CASEWORK_TEAMS = [
    "Assessment North",
    "Assessment South",
    "Safeguarding East",
    "Safeguarding West",
    "Children in Care",
    "Disabled Children",
]
TEAM_OF_ROLE = {
    Role.IRO: "Independent Reviewing",
    Role.CP_CHAIR: "Independent Reviewing",
    Role.PERSONAL_ADVISER: "Leaving Care",
    Role.FRONTDOOR: "Front Door",
    Role.LADO: "Quality Assurance",
    Role.ANALYST: "Performance",
    Role.ADMIN: "Business Support",
}
#: Roles whose staff the journey format does not carry (docs/journeys.md lists the roles a
#: ``worker`` event may have): the demo records one of each beside the journey, with its team.
ROLES_BESIDE_JOURNEYS = [
    (Role.HEAD_OF_SERVICE, "Children's Social Care Management"),
    (Role.ADOPTION, "Adoption and Permanence"),
    (Role.INFORMATION_GOVERNANCE, "Information Governance"),
    (Role.COMPLAINTS_MANAGER, "Complaints and Representations"),
]
#: Children's ages in whole years, weighted as social care sees them: many babies and
#: teenagers.
AGE_WEIGHTS = [
    (0, 9),
    (1, 6),
    (2, 6),
    (3, 6),
    (4, 6),
    (5, 5),
    (6, 5),
    (7, 5),
    (8, 5),
    (9, 5),
    (10, 5),
    (11, 5),
    (12, 6),
    (13, 7),
    (14, 8),
    (15, 8),
    (16, 7),
    (17, 6),
]
#: Young people aged 18 to 21 who left care, per child of the authority (about 260 for the
#: medium authority; with the 16- and 17-year-olds leaving care, about 300 care leavers).
CARE_LEAVERS_PER_CHILD = 0.037
DISABILITY_CODES = [code for code in Disability.values if code != Disability.NONE]


class DemoAuthority:
    """Draws the authority's people and writes them as journey events."""

    def __init__(self, *, size: str, seed: int, as_of: dt.date) -> None:
        self.size = SIZES[size]
        self.random = random.Random(f"{size}:{seed}")
        #: What the written record's own random generators are seeded from (kinfolk.demo.narrative,
        #: kinfolk.demo.meetings).
        self.seed_key = f"{size}:{seed}"
        self.as_of = as_of
        self.history_start = add_months(as_of, -36)
        self.used_nhs: set[str] = set()
        self.used_upn: set[str] = set()
        self.workers: dict[str, list[dict[str, Any]]] = {}
        #: Every postcode the journey uses, for the demo's postcode directory.
        self.postcodes: set[str] = set()

    # Drawing -------------------------------------------------------------------------------

    def _weighted(self, pairs: list[tuple[Any, float]] | dict[Any, float]) -> Any:
        items = list(pairs.items()) if isinstance(pairs, dict) else pairs
        return self.random.choices([k for k, _ in items], weights=[w for _, w in items])[0]

    def _date_between(self, start: dt.date, end: dt.date) -> dt.date:
        return start + dt.timedelta(days=self.random.randint(0, max((end - start).days, 0)))

    def _nhs_number(self) -> str:
        while True:
            number = with_check_digit("999" + f"{self.random.randint(0, 999_999):06d}")
            if number and number not in self.used_nhs:
                self.used_nhs.add(number)
                return number

    def _upn(self, born_on: dt.date) -> str:
        while True:
            school = self.random.randint(2000, 7999)
            year = (born_on.year + 5) % 100
            body = (
                f"{AUTHORITY['la_number']}{school:04d}{year:02d}{self.random.randint(0, 999):03d}"
            )
            upn = with_check_letter(body)
            if upn not in self.used_upn:
                self.used_upn.add(upn)
                return upn

    def _postcode(self) -> str:
        """A real postcode of the borough for an invented family."""
        return places.pick(self.random)

    def _name(self, heritage: str, sex: str) -> str:
        pool = names.GIVEN_NAMES[heritage]["F" if sex == "F" else "M"]
        return self.random.choice(pool)

    def _age_in_days(self) -> int:
        """Children's ages as social care sees them: many babies and teenagers."""
        years = self._weighted(AGE_WEIGHTS)
        return years * 365 + self.random.randint(0, 364)

    # Events ---------------------------------------------------------------------------------

    def events(self) -> Iterator[dict[str, Any]]:
        """Every event of the authority, in an order that loads."""
        yield {"type": "authority", **AUTHORITY}
        yield from self._staff()
        self.care = CareHistory(
            self.random, as_of=self.as_of, start=self.history_start, workers=self.workers
        )
        yield from self._families()
        yield from self._care_leavers()

    def _staff(self) -> Iterator[dict[str, Any]]:
        number = 0
        for role, share in ROLE_SHARES:
            count = max(1, round(self.size.staff * share))
            for index in range(count):
                number += 1
                sex = self.random.choice("FM")
                heritage = self._weighted(
                    {"british": 80, "south_asian": 8, "black": 7, "european": 5}
                )
                # Social workers sign in with their Social Work England registration number,
                # which is also their SSDA903 SW_ID.
                prefix = "SW" if role == Role.SOCIAL_WORKER else "W"
                worker_id = f"{prefix}{number:04d}"
                if role in (Role.SOCIAL_WORKER, Role.TEAM_MANAGER):
                    team = CASEWORK_TEAMS[index % len(CASEWORK_TEAMS)]
                else:
                    team = TEAM_OF_ROLE[role]
                worker = {
                    "type": "worker",
                    "id": worker_id,
                    "name": f"{self._name(heritage, sex)} "
                    f"{self.random.choice(names.SURNAMES[heritage])}",
                    "role": role.value,
                    "team": team,
                    "agency": role == Role.SOCIAL_WORKER and self.random.random() < 0.15,
                    "qualified": role
                    in (Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.IRO, Role.CP_CHAIR)
                    and self.random.random() > 0.04,
                }
                self.workers.setdefault(role.value, []).append(worker)
                yield worker

    def _families(self) -> Iterator[dict[str, Any]]:
        """Families one by one: the mother, her children and their relationships, then each
        child's front door and social care history (kinfolk.demo.pathway)."""
        made = 0
        family = 0
        history = PathwayHistory(
            self.random,
            as_of=self.as_of,
            start=self.history_start,
            workers=self.workers,
            age_weights=AGE_WEIGHTS,
        )
        while made < self.size.children:
            family += 1
            ethnicity = self._weighted(names.ETHNICITY_WEIGHTS)
            heritage = names.HERITAGE[ethnicity]
            surname = self.random.choice(names.SURNAMES[heritage])
            postcode = self._postcode()
            mother_id = f"A{family:06d}"
            yield {
                "type": "adult",
                "id": mother_id,
                "sex": "F",
                "first_name": self._name(heritage, "F"),
                "last_name": surname,
            }
            size = min(
                self._weighted([(1, 45), (2, 30), (3, 15), (4, 7), (5, 3)]),
                self.size.children - made,
            )
            drawn: list[tuple[str, list[dict[str, Any]]]] = []
            records: list[ChildRecord] = []
            for _ in range(size):
                made += 1
                child_id = f"C{made:06d}"
                events, born = self._child(child_id, ethnicity, heritage, surname, postcode)
                drawn.append((child_id, events))
                if born is not None:
                    records.append(ChildRecord(child_id, born))
            histories = history.family(records)
            for record in records:
                care = self.care.child(record.id, record.born, postcode)
                if care:
                    histories[record.id] = settle_allocations(
                        merge_by_date(histories.get(record.id, []), care), self.as_of
                    )
            siblings: list[str] = []
            for child_id, events in drawn:
                yield from events
                yield {
                    "type": "relationship",
                    "child": child_id,
                    "other": mother_id,
                    "kind": "mother",
                    "lives_with": True,
                }
                for sibling in siblings:
                    yield {
                        "type": "relationship",
                        "child": child_id,
                        "other": sibling,
                        "kind": "sibling",
                        "lives_with": True,
                    }
                siblings.append(child_id)
                yield from histories.get(child_id, [])

    def _care_leavers(self) -> Iterator[dict[str, Any]]:
        """Young people aged 18 to 21 who left the authority's care at 16 or over: the care
        leavers whose childhood casework is not part of the three years of history."""
        count = round(self.size.children * CARE_LEAVERS_PER_CHILD)
        for number in range(1, count + 1):
            child_id = f"Y{number:05d}"
            ethnicity = self._weighted(names.ETHNICITY_WEIGHTS)
            heritage = names.HERITAGE[ethnicity]
            sex = self.random.choice("FM")
            born = self.as_of - dt.timedelta(days=self.random.randint(18 * 365 + 5, 21 * 365 + 360))
            postcode = self._postcode()
            yield {
                "type": "child",
                "id": child_id,
                "first_name": self._name(heritage, sex),
                "last_name": self.random.choice(names.SURNAMES[heritage]),
                "sex": sex,
                "ethnicity": ethnicity,
                "dob": born.isoformat(),
                "nhs_number": self._nhs_number(),
                "upn": self._upn(born),
                "postcode": postcode,
                "disabilities": ["NONE"],
            }
            yield from self.care.care_leaver(child_id, born, postcode)

    def _child(
        self, child_id: str, ethnicity: str, heritage: str, surname: str, postcode: str
    ) -> tuple[list[dict[str, Any]], dt.date | None]:
        """The child's own events, and the date of birth (None for an unborn child)."""
        sex = self.random.choice("FM")
        event: dict[str, Any] = {
            "type": "child",
            "id": child_id,
            "first_name": self._name(heritage, sex),
            "last_name": surname,
            "sex": sex,
            "ethnicity": ethnicity,
            "postcode": postcode,
            "language": names.LANGUAGES[heritage] if self.random.random() < 0.6 else "English",
        }
        if self.random.random() < 0.01:
            event["sex"] = "U"
            event["expected_dob"] = (
                self.as_of + dt.timedelta(days=self.random.randint(20, 200))
            ).isoformat()
            event["upn_unknown"] = "UN1"
            return [event], None
        born = self.as_of - dt.timedelta(days=self._age_in_days())
        event["dob"] = born.isoformat()
        event["nhs_number"] = self._nhs_number()
        if (self.as_of - born).days >= 5 * 365:
            event["upn"] = self._upn(born)
        else:
            event["upn_unknown"] = "UN1"
        disabled = self.random.random() < 0.08
        event["disabilities"] = (
            sorted(self.random.sample(DISABILITY_CODES, self.random.randint(1, 2)))
            if disabled
            else ["NONE"]
        )
        events = [event]
        if sex == "F" and (self.as_of - born).days > 15 * 365 and self.random.random() < 0.03:
            events.append(
                {
                    "type": "motherhood",
                    "child": child_id,
                    "first_child_dob": self._date_between(
                        born + dt.timedelta(days=15 * 365), self.as_of
                    ).isoformat(),
                }
            )
        return events, born

    def journey_lines(self) -> Iterator[str]:
        yield f"# Synthetic demo authority, as of {self.as_of.isoformat()}: nothing here is real"
        written = narrate(self.events(), seed=self.seed_key, as_of=self.as_of)
        held = hold_meetings(written, seed=self.seed_key, as_of=self.as_of)
        supervised = supervise(held, seed=self.seed_key, as_of=self.as_of)
        audited = audit_cases(
            supervised, seed=self.seed_key, as_of=self.as_of, workers=self.workers
        )
        fostered = foster_privately(
            audited,
            seed=self.seed_key,
            as_of=self.as_of,
            children=self.size.children,
            workers=self.workers,
        )
        for event in allegations(
            fostered, seed=self.seed_key, as_of=self.as_of, children=self.size.children
        ):
            for name in ("postcode", "home_postcode", "placement_postcode"):
                if event.get(name):
                    self.postcodes.add(event[name])
            yield json.dumps(event, separators=(",", ":"))

    def staff_beside_journeys(self) -> list[dict[str, Any]]:
        """One worker of each role in ROLES_BESIDE_JOURNEYS, named from a generator of their
        own, so that adding them leaves every other part of the authority as it was."""
        chooser = random.Random(f"{self.size}:staff-beside-journeys")
        staff = []
        for number, (role, team) in enumerate(ROLES_BESIDE_JOURNEYS, start=9001):
            sex = chooser.choice("FM")
            given = chooser.choice(names.GIVEN_NAMES["british"]["F" if sex == "F" else "M"])
            staff.append(
                {
                    "id": f"W{number}",
                    "name": f"{given} {chooser.choice(names.SURNAMES['british'])}",
                    "role": role.value,
                    "team": team,
                    "qualified": role != Role.INFORMATION_GOVERNANCE,
                }
            )
        return staff

    def sign_ins(self) -> list[dict[str, str]]:
        """One worker of each role, the social worker's manager from the same team."""
        chosen = []
        social_worker = self.workers[Role.SOCIAL_WORKER.value][0]
        for role, _share in ROLE_SHARES:
            pool = self.workers.get(role.value, [])
            if role == Role.TEAM_MANAGER:
                pool = [w for w in pool if w["team"] == social_worker["team"]] or pool
            worker = pool[0]
            chosen.append(
                {
                    "role": role.label,
                    "username": worker["id"],
                    "name": worker["name"],
                    "team": worker["team"],
                }
            )
        for worker in self.staff_beside_journeys():
            chosen.append(
                {
                    "role": Role(worker["role"]).label,
                    "username": worker["id"],
                    "name": worker["name"],
                    "team": worker["team"],
                }
            )
        return chosen
