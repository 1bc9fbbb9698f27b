"""The synthetic local authority: a deterministic journey file of staff, families and
allocations, shaped like an English metropolitan borough.

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

from kinfolk.core.codes import Disability, SocialWorkerChangeReason
from kinfolk.core.working_days import add_months
from kinfolk.demo import names
from kinfolk.people.nhs_number import with_check_digit
from kinfolk.people.upn import with_check_letter
from kinfolk.workforce.choices import Role

AUTHORITY = {
    "name": "Northmoor Metropolitan Borough Council",
    "la_number": "359",
    "la_code": "E08000010",
    "postcode_prefixes": ["WN"],
}
#: The password every demo worker signs in with.
DEMO_PASSWORD = "kinfolk-demo"  # noqa: S105 - demo data only, printed on screen


@dataclass(frozen=True)
class Size:
    children: int
    staff: int


SIZES = {
    "small": Size(children=400, staff=40),
    "medium": Size(children=4000, staff=150),
    "large": Size(children=16000, staff=600),
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
CHANGE_REASONS = [
    (SocialWorkerChangeReason.TSPROC, 40),
    (SocialWorkerChangeReason.LEFTRL, 25),
    (SocialWorkerChangeReason.MANAGE, 12),
    (SocialWorkerChangeReason.ORGRST, 8),
    (SocialWorkerChangeReason.ABSENC, 8),
    (SocialWorkerChangeReason.CHCHAN, 3),
    (SocialWorkerChangeReason.PCCHAN, 2),
    (SocialWorkerChangeReason.OTHERS, 2),
]
DISABILITY_CODES = [code for code in Disability.values if code != Disability.NONE]


class DemoAuthority:
    """Draws the authority's people and writes them as journey events."""

    def __init__(self, *, size: str, seed: int, as_of: dt.date) -> None:
        self.size = SIZES[size]
        self.random = random.Random(f"{size}:{seed}")
        self.as_of = as_of
        self.history_start = add_months(as_of, -36)
        self.used_nhs: set[str] = set()
        self.used_upn: set[str] = set()
        self.workers: dict[str, list[dict[str, Any]]] = {}

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
        district = self.random.randint(1, 8)
        letters = "ABDEFGHJLNPQRSTUWXYZ"
        return (
            f"WN{district} {self.random.randint(1, 9)}"
            f"{self.random.choice(letters)}{self.random.choice(letters)}"
        )

    def _name(self, heritage: str, sex: str) -> str:
        pool = names.GIVEN_NAMES[heritage]["F" if sex == "F" else "M"]
        return self.random.choice(pool)

    def _age_in_days(self) -> int:
        """Children's ages as social care sees them: many babies and teenagers."""
        years = self._weighted(
            [
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
        )
        return years * 365 + self.random.randint(0, 364)

    # Events ---------------------------------------------------------------------------------

    def events(self) -> Iterator[dict[str, Any]]:
        """Every event of the authority, in an order that loads."""
        yield {"type": "authority", **AUTHORITY}
        yield from self._staff()
        yield from self._families()

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
                worker_id = f"W{number:04d}"
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
        made = 0
        family = 0
        social_workers = self.workers[Role.SOCIAL_WORKER.value]
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
            siblings: list[str] = []
            for _ in range(size):
                made += 1
                child_id = f"C{made:06d}"
                born = yield from self._child(child_id, ethnicity, heritage, surname, postcode)
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
                yield from self._allocations(child_id, social_workers, known_from=born)

    def _child(
        self, child_id: str, ethnicity: str, heritage: str, surname: str, postcode: str
    ) -> Iterator[dict[str, Any]]:
        """The child's events; returns the date from which the child can be known to services
        (the date of birth, or about six months before an unborn child's expected birth)."""
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
            yield event
            return self.as_of - dt.timedelta(days=60)
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
        yield event
        if sex == "F" and (self.as_of - born).days > 15 * 365 and self.random.random() < 0.03:
            yield {
                "type": "motherhood",
                "child": child_id,
                "first_child_dob": self._date_between(
                    born + dt.timedelta(days=15 * 365), self.as_of
                ).isoformat(),
            }
        return born

    def _allocations(
        self, child_id: str, workers: list[dict[str, Any]], *, known_from: dt.date
    ) -> Iterator[dict[str, Any]]:
        """About three in five children have an allocated worker now, some after changes."""
        if self.random.random() > 0.6:
            return
        earliest = max(self.history_start, known_from)
        start = self._date_between(earliest, max(earliest, self.as_of - dt.timedelta(days=7)))
        worker = self.random.choice(workers)
        yield {
            "type": "allocation",
            "child": child_id,
            "date": start.isoformat(),
            "worker": worker["id"],
            "reason": SocialWorkerChangeReason.FCONTA.value,
        }
        for _change in range(self._weighted([(0, 55), (1, 25), (2, 12), (3, 8)])):
            start = self._date_between(start + dt.timedelta(days=30), self.as_of)
            if start >= self.as_of:
                break
            others = [w for w in workers if w["id"] != worker["id"]]
            worker = self.random.choice(others)
            yield {
                "type": "allocation",
                "child": child_id,
                "date": start.isoformat(),
                "worker": worker["id"],
                "reason": self._weighted(CHANGE_REASONS).value,
            }

    def journey_lines(self) -> Iterator[str]:
        yield f"# Synthetic demo authority, as of {self.as_of.isoformat()}: nothing here is real"
        for event in self.events():
            yield json.dumps(event, separators=(",", ":"))

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
        return chosen
