"""The synthetic authority: deterministic, valid, and loaded through the services."""

import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from conftest import signed_in
from kinfolk.demo.generator import DEMO_PASSWORD, DemoAuthority
from kinfolk.people.models import Child
from kinfolk.people.nhs_number import validate_nhs_number
from kinfolk.people.upn import validate_upn
from kinfolk.workforce.choices import Role
from kinfolk.workforce.models import Allocation, User

AS_OF = dt.date(2026, 11, 2)


def events(size="small", seed=1):
    return [
        json.loads(line)
        for line in DemoAuthority(size=size, seed=seed, as_of=AS_OF).journey_lines()
        if not line.startswith("#")
    ]


def test_the_same_seed_gives_the_same_authority():
    assert events(seed=7) == events(seed=7)
    assert events(seed=7) != events(seed=8)


def test_the_authority_is_shaped_like_its_size():
    small = events()
    children = [e for e in small if e["type"] == "child"]
    workers = [e for e in small if e["type"] == "worker"]
    assert len(children) == 400
    assert 38 <= len(workers) <= 42
    assert {w["role"] for w in workers} == set(Role.values)
    assert len({c["ethnicity"] for c in children}) >= 10
    ages = [(AS_OF - dt.date.fromisoformat(c["dob"])).days // 365 for c in children if "dob" in c]
    assert min(ages) == 0 and max(ages) == 17


def test_identifiers_are_valid_and_synthetic():
    children = [e for e in events() if e["type"] == "child"]
    nhs_numbers = [c["nhs_number"] for c in children if "nhs_number" in c]
    upns = [c["upn"] for c in children if "upn" in c]
    assert len(set(nhs_numbers)) == len(nhs_numbers) > 350
    assert len(set(upns)) == len(upns) > 200
    for number in nhs_numbers:
        validate_nhs_number(number)
        assert number.startswith("999")  # the NHS's range for test data
    for upn in upns:
        validate_upn(upn)


@pytest.mark.django_db
def test_the_demo_loads_and_a_social_worker_sees_their_caseload(tmp_path):
    out = io.StringIO()
    call_command(
        "demo",
        "--size",
        "small",
        "--seed",
        "3",
        "--as-of",
        AS_OF.isoformat(),
        "--out",
        str(tmp_path / "demo.jsonl"),
        stdout=out,
    )
    printed = out.getvalue()
    assert Child.objects.count() == 400
    assert f"with password '{DEMO_PASSWORD}'" in printed
    for role in Role:
        assert str(role.label) in printed
    username = printed.split("Social worker", 1)[1].split()[0]
    worker = User.objects.get(username=username)
    assert worker.role == Role.SOCIAL_WORKER
    assert worker.check_password(DEMO_PASSWORD)
    held = set(Allocation.objects.open().filter(worker=worker).values_list("child_id", flat=True))
    assert held
    page = signed_in(worker).get(reverse("home"))
    assert {a.child_id for a in page.context["allocations"]} == held
    with pytest.raises(CommandError, match="already holds children"):
        call_command(
            "demo", "--size", "small", "--out", str(tmp_path / "again.jsonl"), stdout=io.StringIO()
        )
