"""``kinfolk demo``: write the synthetic authority as a journey file and load it."""

import datetime as dt
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from kinfolk.accounts.second_factor import formatted_key
from kinfolk.accounts.services import give_demo_authenticator
from kinfolk.core.geography import record_postcodes
from kinfolk.demo.allegations import manage as manage_allegations
from kinfolk.demo.complaints import record_demo_complaints
from kinfolk.demo.generator import DEMO_PASSWORD, SIZES, DemoAuthority
from kinfolk.demo.iro import allocate_demo_iros
from kinfolk.demo.participation import record_demo_participation
from kinfolk.demo.places import directory_rows
from kinfolk.demo.private_fostering import record_checks as record_private_fostering_checks
from kinfolk.demo.registers import record_demo_registers
from kinfolk.demo.sign_off import make_work_wait
from kinfolk.demo.workforce import mark_newly_qualified
from kinfolk.journeys.loader import load_journeys
from kinfolk.journeys.removal import remove_everyone
from kinfolk.people.models import Child
from kinfolk.workforce.models import User
from kinfolk.workforce.services import create_team, create_worker


class Command(BaseCommand):
    help = "Generate a synthetic local authority as a journey file and load it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--size", choices=sorted(SIZES), default="small")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--as-of",
            type=dt.date.fromisoformat,
            default=None,
            help="the date the authority's history runs up to (default: today)",
        )
        parser.add_argument(
            "--out", type=Path, default=None, help="where to write the journey file"
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="remove the children and adults already recorded first",
        )
        parser.add_argument(
            "--write-only", action="store_true", help="write the journey file without loading it"
        )

    def handle(
        self,
        *args: Any,
        size: str,
        seed: int,
        as_of: dt.date | None,
        out: Path | None,
        replace: bool,
        write_only: bool,
        **options: Any,
    ) -> None:
        as_of = as_of or timezone.localdate()
        authority = DemoAuthority(size=size, seed=seed, as_of=as_of)
        out = out or Path(settings.BASE_DIR) / "build" / f"demo-authority-{size}-{seed}.jsonl"
        out.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        lines = list(authority.journey_lines())
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        self.stdout.write(
            f"Wrote {len(lines) - 1} events to {out} in {time.perf_counter() - started:.1f}s"
        )
        if write_only:
            return
        if Child.objects.exists() and not replace:
            raise CommandError(
                "The database already holds children: "
                "use --replace to load the demo authority in their place"
            )
        started = time.perf_counter()
        with transaction.atomic():
            if replace:
                remove_everyone()
            result = load_journeys(lines, source=f"kinfolk demo {out.name}")
            if not result.ok:
                for error in result.errors[:20]:
                    self.stderr.write(str(error))
                raise CommandError("The demo authority did not load")
            record_postcodes(directory_rows(authority.postcodes))
            # The journey format has no event for allocating an IRO: the demo's IROs are
            # allocated to its children in care once they are loaded (kinfolk/demo/iro.py).
            allocate_demo_iros(as_of)
            record_demo_participation(as_of)
            # Nor for a private foster carer's household, checks and assessment.
            record_private_fostering_checks(as_of)
            # Nor for the registers of young carers, children not in school and homeless 16-
            # and 17-year-olds (kinfolk/demo/registers.py).
            record_demo_registers(as_of, seed=authority.seed_key)
            beside = authority.staff_beside_journeys()
            recorded = set(User.objects.values_list("username", flat=True))
            for worker in (w for w in beside if w["id"] not in recorded):
                create_worker(
                    username=worker["id"],
                    display_name=worker["name"],
                    role=worker["role"],
                    team=create_team(name=worker["team"]),
                    is_qualified=worker["qualified"],
                )
            # A year of complaints, by the complaints manager recorded above (kinfolk/demo/complaints.py).
            record_demo_complaints(as_of=as_of, seed=authority.seed_key)
            # The journey format has no date of qualifying: a few of the demo's qualified
            # social workers are in their first year (kinfolk/demo/workforce.py).
            mark_newly_qualified(as_of)
            # History never waits for a manager: a few pieces of work are recorded as waiting
            # for sign-off, so that the demo's managers have a queue (kinfolk/demo/sign_off.py).
            waiting = make_work_wait(as_of)
            # The journey format has no event for an allegation's meetings or its closure: the
            # demo's allegations are managed once loaded (kinfolk/demo/allegations.py).
            manage_allegations(as_of=as_of, seed=authority.seed_key)
            demo_password = make_password(DEMO_PASSWORD)
            User.objects.filter(
                username__in=[w["id"] for ws in authority.workers.values() for w in ws]
                + [w["id"] for w in beside]
            ).update(password=demo_password)
            # Every demo account signs in with a second factor, as a real one does: an
            # authenticator whose key is printed below (docs/sign-in.md, "The demo").
            keys = {
                worker.username: formatted_key(give_demo_authenticator(user=worker))
                for worker in User.objects.filter(password=demo_password)
            }
        summary = ", ".join(f"{kind} {count}" for kind, count in sorted(result.counts.items()))
        self.stdout.write(f"Loaded {summary} in {time.perf_counter() - started:.1f}s")
        self.stdout.write(
            f"Waiting for a manager's sign-off: {waiting['screening']} screening decisions, "
            f"{waiting['plan']} plans"
        )
        self.stdout.write("")
        self.stdout.write(f"Sign in at http://127.0.0.1:8000/ with password {DEMO_PASSWORD!r} as:")
        for sign_in in authority.sign_ins():
            self.stdout.write(
                f"  {sign_in['role']:<34} {sign_in['username']:<8} "
                f"{sign_in['name']} ({sign_in['team']})"
            )
        self.stdout.write("")
        self.stdout.write(
            "Then give the code of an authenticator app: add the account's key to an app "
            "(as a time-based key), or print the current code with `kinfolk demo-code USERNAME`:"
        )
        for sign_in in authority.sign_ins():
            self.stdout.write(f"  {sign_in['username']:<8} {keys.get(sign_in['username'], '')}")
