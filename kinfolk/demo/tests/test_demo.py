"""The synthetic authority: deterministic, valid, and loaded through the services."""

import datetime as dt
import io
import json
from collections import Counter, defaultdict
from functools import cache

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import signed_in
from kinfolk.access.models import AccessRecord
from kinfolk.accounts.second_factor import formatted_key
from kinfolk.care.models import CareEpisode, IROAllocation, IROChangeReason, PeriodOfCare
from kinfolk.core.working_days import add_months
from kinfolk.demo.care import settle_allocations
from kinfolk.demo.generator import DEMO_PASSWORD, DemoAuthority
from kinfolk.duties.engine import duties_as_of
from kinfolk.duties.rules import Status
from kinfolk.people.models import Child
from kinfolk.people.nhs_number import validate_nhs_number
from kinfolk.people.upn import validate_upn
from kinfolk.workforce.choices import Role
from kinfolk.workforce.models import Allocation, User

AS_OF = dt.date(2026, 11, 2)

#: A year of the ``small`` authority: a tenth of the ``medium`` calibration (see
#: kinfolk/demo/pathway.py), with room for the lumpiness of sibling groups.
SMALL_YEAR = {
    "contact": (700, 1400),
    "referral": (170, 350),
    "s47_start": (50, 140),
    "icpc": (12, 60),
}


@cache
def _events(size: str, seed: int, as_of: dt.date) -> tuple[str, ...]:
    return tuple(DemoAuthority(size=size, seed=seed, as_of=as_of).journey_lines())


def events(size: str = "small", seed: int = 1, as_of: dt.date = AS_OF) -> list[dict]:
    return [json.loads(line) for line in _events(size, seed, as_of) if not line.startswith("#")]


def day_of(event: dict) -> dt.date | None:
    """The date the loader orders a child's events by."""
    for name in ("date", "dob"):
        if name in event:
            return dt.date.fromisoformat(event[name])
    if "at" in event:
        return dt.date.fromisoformat(event["at"][:10])
    return None


def test_the_same_seed_gives_the_same_authority():
    assert events(seed=7) == events(seed=7)
    assert events(seed=7) != events(seed=8)
    assert events(seed=7, as_of=AS_OF) != events(seed=7, as_of=AS_OF - dt.timedelta(days=1))


def test_the_authority_is_shaped_like_its_size():
    small = events()
    children = [e for e in small if e["type"] == "child" and e["id"].startswith("C")]
    leavers = [e for e in small if e["type"] == "child" and e["id"].startswith("Y")]
    workers = [e for e in small if e["type"] == "worker"]
    assert len(children) == 700
    assert 38 <= len(workers) <= 42
    beside = DemoAuthority(size="small", seed=1, as_of=AS_OF).staff_beside_journeys()
    assert {w["role"] for w in workers} | {w["role"] for w in beside} == set(Role.values)
    assert len({c["ethnicity"] for c in children}) >= 10
    ages = [(AS_OF - dt.date.fromisoformat(c["dob"])).days // 365 for c in children if "dob" in c]
    assert min(ages) == 0 and max(ages) == 17
    # Young people who left care before the history, now 18 to 21.
    leaver_ages = {(AS_OF - dt.date.fromisoformat(c["dob"])).days // 365 for c in leavers}
    assert len(leavers) == 26 and leaver_ages == {18, 19, 20, 21}


def test_identifiers_are_valid_and_synthetic():
    children = [e for e in events() if e["type"] == "child"]
    nhs_numbers = [c["nhs_number"] for c in children if "nhs_number" in c]
    upns = [c["upn"] for c in children if "upn" in c]
    assert len(set(nhs_numbers)) == len(nhs_numbers) > 600
    assert len(set(upns)) == len(upns) > 350
    for number in nhs_numbers:
        validate_nhs_number(number)
        assert number.startswith("999")  # the NHS's range for test data
    for upn in upns:
        validate_upn(upn)


def test_each_childs_history_is_in_date_order_and_nothing_is_in_the_future():
    last: dict[str, dt.date] = {}
    for event in events():
        child = event["id"] if event["type"] == "child" else event.get("child")
        day = day_of(event)
        if child is None or day is None:
            continue
        assert day >= last.get(child, dt.date.min), event
        last[child] = day
        assert day <= AS_OF, event
        if "at" in event:
            assert day < AS_OF, event
        if event["type"] in ("icpc", "cp_review"):
            assert day.weekday() < 5, event


def test_a_year_of_the_small_authority_is_a_tenth_of_the_borough():
    """Contacts, referrals, section 47 enquiries and initial conferences in each of the three
    years; about a fifth of referrals are re-referrals; the caseload open at the as-of date."""
    small = events()
    years = [(add_months(AS_OF, -12 * (n + 1)), add_months(AS_OF, -12 * n)) for n in range(3)]
    for start, end in years:
        counts = Counter(e["type"] for e in small if start < (day_of(e) or start) <= end)
        for kind, (low, high) in SMALL_YEAR.items():
            assert low <= counts[kind] <= high, (kind, start, counts[kind])
    referrals = defaultdict(list)
    for event in small:
        if event["type"] == "referral":
            referrals[event["child"]].append(day_of(event))
    total = sum(len(days) for days in referrals.values())
    again = sum(
        1
        for days in referrals.values()
        for index, day in enumerate(days)
        if any(add_months(day, -12) <= earlier for earlier in days[:index])
    )
    assert 0.12 <= again / total <= 0.3
    open_episodes, on_plans = set(), set()
    for event in small:
        child, kind = event.get("child"), event["type"]
        if kind == "referral":
            open_episodes.add(child)
        elif kind == "case_closure":
            open_episodes.discard(child)
            on_plans.discard(child)
        elif kind == "icpc" and event["plan"]:
            on_plans.add(child)
        elif kind == "cp_plan_end" or (kind == "cp_review" and not event["continue_plan"]):
            on_plans.discard(child)
    assert 120 <= len(open_episodes) <= 260
    assert 15 <= len(on_plans) <= 45


def test_screening_decisions_and_closures_are_realistic():
    small = events()
    sources = Counter(e["source"] for e in small if e["type"] == "contact")
    assert sources.most_common(1)[0][0] == "6"  # the police send the most contacts
    decided = Counter(e["outcome"] for e in small if e["type"] == "screening")
    assert set(decided) == {"nfa", "advice", "early_help", "referral", "strategy_discussion"}
    reasons = Counter(e["reason"] for e in small if e["type"] == "case_closure")
    assert reasons.most_common(1)[0][0] == "RC7"
    assert {"RC5", "RC7", "RC8", "RC9"} <= set(reasons)
    assert all(e.get("rationale") for e in small if e["type"] == "screening")


def _load(out, *options: str) -> str:
    printed = io.StringIO()
    call_command(
        "demo",
        "--size",
        "small",
        "--seed",
        "3",
        "--as-of",
        AS_OF.isoformat(),
        "--out",
        str(out),
        *options,
        stdout=printed,
    )
    return printed.getvalue()


def _counts() -> dict[str, int]:
    """How many records of each kind the database holds, but for those that outlive a
    deletion by design: the history of changes and the access log."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if not model.__name__.startswith("Historical") and model is not AccessRecord
    }


@pytest.mark.demo
@pytest.mark.django_db
def test_the_demo_loads_a_social_worker_sees_their_caseload_and_it_replaces_itself(tmp_path):
    """One load of the small authority (about a minute), checked, then loaded again in its
    place: the two slowest things the suite does, done once."""
    printed = _load(tmp_path / "demo.jsonl")
    # 700 children of the authority, 26 young people who left care before the history and 6
    # privately fostered children not otherwise known (kinfolk/demo/private_fostering.py).
    assert Child.objects.count() == 732
    assert 30 <= PeriodOfCare.objects.filter(end_on__isnull=True).count() <= 60
    assert f"with password '{DEMO_PASSWORD}'" in printed
    for role in Role:
        assert str(role.label) in printed
    username = printed.split("Social worker", 1)[1].split()[0]
    worker = User.objects.get(username=username)
    assert worker.role == Role.SOCIAL_WORKER
    assert worker.check_password(DEMO_PASSWORD)
    # The account's authenticator key is printed beside its sign-in.
    device = TOTPDevice.objects.get(user=worker, confirmed=True)
    assert formatted_key(device) in printed
    assert "kinfolk demo-code USERNAME" in printed
    held = set(Allocation.objects.open().filter(worker=worker).values_list("child_id", flat=True))
    assert held
    page = signed_in(worker).get(reverse("caseload"))
    assert {a.child_id for a in page.context["allocations"]} == held
    # Every child in care has an IRO (kinfolk/demo/iro.py); the IRO who signs in has some, and
    # some children's IRO has changed.
    in_care = PeriodOfCare.objects.filter(end_on__isnull=True).values_list("child_id", flat=True)
    with_iro = IROAllocation.objects.filter(end_on__isnull=True).values_list("child_id", flat=True)
    assert sorted(with_iro) == sorted(in_care)
    iro = User.objects.get(username=printed.split("Independent reviewing officer", 1)[1].split()[0])
    theirs = IROAllocation.objects.filter(iro=iro, end_on__isnull=True)
    assert theirs.exists()
    workspace = signed_in(iro).get(reverse("home"))
    assert {row["child"].pk for row in workspace.context["rows"]} == set(
        theirs.values_list("child_id", flat=True)
    )
    assert IROAllocation.objects.exclude(reason=IROChangeReason.FIRST).exists()

    # Every duty status has real examples on the as-of date, and the rules that can meet
    # each status do.
    statuses = Counter((d.rule, d.status) for d in duties_as_of(AS_OF))
    assert {status for _rule, status in statuses} == set(Status.ALL)
    for rule, expected in {
        "screening-1wd": {Status.DONE, Status.DONE_LATE, Status.DUE},
        "assessment-45wd": {Status.DONE, Status.DONE_LATE, Status.DUE},
        "icpc-15wd": {Status.DONE, Status.DONE_LATE, Status.CANCELLED, Status.MISSED},
        "core-group-10wd": {Status.DONE, Status.DONE_LATE},
        "cp-review-first-3m": {Status.DONE, Status.DONE_LATE, Status.DUE},
        "cp-review-6m": {Status.DONE, Status.DUE},
        "cp-visit-10wd": {Status.DONE, Status.DONE_LATE, Status.DUE, Status.CANCELLED},
        "care-plan-10wd": {Status.DONE, Status.DONE_LATE},
        "cla-review-first-20wd": {Status.DONE, Status.DONE_LATE},
        "cla-review-6m": {Status.DONE, Status.DONE_LATE, Status.DUE, Status.CANCELLED},
        "cla-visit-6w": {Status.DONE, Status.DONE_LATE, Status.DUE, Status.CANCELLED},
        "iha-20wd": {Status.DONE, Status.DONE_LATE},
        "rha": {Status.DONE, Status.DONE_LATE, Status.DUE, Status.CANCELLED},
        "pep-20wd": {Status.DONE, Status.DONE_LATE},
        "rhi-72h": {Status.DONE, Status.DONE_LATE},
        "pathway-plan-review-6m": {Status.DONE, Status.DONE_LATE, Status.DUE},
        "care-leaver-contact-2m": {Status.DONE, Status.DONE_LATE, Status.DUE},
        "case-supervision-1m": set(Status.ALL),
        "lado-initial-1wd": {Status.DONE, Status.DONE_LATE, Status.DUE, Status.OVERDUE},
        "pf-first-visit-7wd": {Status.DONE, Status.DONE_LATE, Status.OVERDUE},
        "pf-visit-6w": {
            Status.DONE,
            Status.DONE_LATE,
            Status.DUE,
            Status.OVERDUE,
            Status.CANCELLED,
        },
        "pf-visit-12w": {Status.DONE, Status.DUE},
        "complaint-stage1-10wd": set(Status.ALL),
        "complaint-stage2-25wd": set(Status.ALL),
    }.items():
        assert expected <= {status for r, status in statuses if r == rule}, rule

    with pytest.raises(CommandError, match="already holds children"):
        call_command(
            "demo", "--size", "small", "--out", str(tmp_path / "again.jsonl"), stdout=io.StringIO()
        )

    # Loading the demo again in place of the one already loaded. What the first load holds
    # includes records that protect others (a care episode its placement), which a plain
    # deletion of the children refuses to remove.
    assert CareEpisode.objects.filter(placement__isnull=False).exists()
    loaded = _counts()

    printed = _load(tmp_path / "second.jsonl", "--replace")

    assert "Loaded " in printed
    assert (tmp_path / "second.jsonl").read_bytes() == (tmp_path / "demo.jsonl").read_bytes()
    assert Child.objects.count() == 732
    assert _counts() == loaded


def test_a_change_of_worker_in_the_last_days_of_march_waits_for_april():
    def allocation(day: str, worker: str, reason: str = "TSPROC") -> dict:
        return {"type": "allocation", "date": day, "worker": worker, "reason": reason}

    visit = {"type": "visit", "date": "2026-03-30"}
    events = [
        allocation("2025-06-01", "SW1", "FCONTA"),
        allocation("2026-03-27", "SW2", "FCONTA"),
        visit,
        {"type": "visit", "date": "2026-04-02"},
    ]
    settled = settle_allocations(events, dt.date(2026, 6, 30))
    assert [(e["type"], e["date"], e.get("reason")) for e in settled] == [
        ("allocation", "2025-06-01", "FCONTA"),
        ("visit", "2026-03-30", None),
        ("allocation", "2026-04-01", "TSPROC"),
        ("visit", "2026-04-02", None),
    ]
    ending = [
        allocation("2025-06-01", "SW1"),
        allocation("2026-03-27", "SW2"),
        {"type": "visit", "date": "2026-03-28"},
        {"type": "care_end", "date": "2026-03-29"},
    ]
    settled = settle_allocations(ending, dt.date(2026, 6, 30))
    assert [(e["type"], e["date"]) for e in settled] == [
        ("allocation", "2025-06-01"),
        ("allocation", "2026-03-27"),
        ("visit", "2026-03-28"),
        ("care_end", "2026-03-29"),
    ]
