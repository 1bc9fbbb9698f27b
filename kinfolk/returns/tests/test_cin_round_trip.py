"""Import followed by export gives back the same census: the same children, episodes, dates
and codes (issue 5, "Import"), as a property over generated casework."""

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinfolk.people.models import Child
from kinfolk.returns.cin.builder import build_cin_census
from kinfolk.returns.cin.importer import import_cin_census
from kinfolk.returns.cin.schema import schema_errors
from kinfolk.returns.framework import CollectionYear
from kinfolk.returns.tests.test_cin_builder import AUTHORITY, child, load

YEAR = CollectionYear.parse("2025-26")
#: The last day casework is generated on, so that a few later steps still fit in the year.
LAST = dt.date(2026, 3, 31)
FACTORS = ["1B", "3B", "4A", "16A", "18C", "21"]
CATEGORIES = ["NEG", "PHY", "EMO", "SAB", "MUL"]


class _Journey:
    """A child's casework in date order, stopping at the first step past the year."""

    def __init__(self, child_id: str, start: dt.date):
        self.child_id = child_id
        self.day = start
        self.events: list[dict] = []
        self.stopped = False

    def step(self, days: int, kind: str, *, weekday: bool = False, **fields: object) -> bool:
        day = self.day + dt.timedelta(days=days)
        while weekday and day.weekday() >= 5:
            day += dt.timedelta(days=1)
        if self.stopped or day > LAST:
            self.stopped = True
            return False
        self.day = day
        self.events.append(
            {"type": kind, "child": self.child_id, "date": day.isoformat(), **fields}
        )
        return True


@st.composite
def casework(draw: st.DrawFn, child_id: str) -> list[dict]:
    unborn = draw(st.booleans())
    record = child(
        child_id,
        sex=draw(st.sampled_from(["M", "F"])),
        ethnicity=draw(st.sampled_from(["WBRI", "BAFR", "MWAS", "NOBT"])),
        disabilities=draw(st.sampled_from([[], ["NONE"], ["AUT", "LD"]])),
    )
    if unborn:
        record.pop("dob")
        record["expected_dob"] = "2026-07-01"
    journey = _Journey(child_id, YEAR.start + dt.timedelta(days=draw(st.integers(0, 60))))
    journey.day -= dt.timedelta(days=1)
    episodes = draw(st.integers(1, 2))
    for number in range(episodes):
        gap = draw(st.integers(1, 20))
        if draw(st.booleans()) and number == 0:
            journey.step(gap, "referral", source="6", nfa=True)
            journey.step(draw(st.integers(0, 3)), "case_closure", reason="RC8")
            continue
        journey.step(
            gap,
            "referral",
            source=draw(st.sampled_from(["2A", "3B", "6"])),
            primary_need=draw(st.sampled_from(["N1", "N4"])),
        )
        journey.step(draw(st.integers(0, 3)), "assessment_start")
        factors = draw(st.sampled_from([["21"], ["3B", "16A"], ["1B"], ["4A", "18C"]]))
        journey.step(draw(st.integers(0, 20)), "assessment_authorised", factors=factors)
        if draw(st.booleans()):
            journey.step(draw(st.integers(1, 5)), "cin_plan_start")
        outcome = draw(st.sampled_from(["none", "no_conference", "no_plan", "plan"]))
        if outcome != "none":
            journey.step(draw(st.integers(1, 15)), "s47_start")
            if outcome == "no_conference":
                journey.step(draw(st.integers(0, 10)), "s47_end", icpc_required=False)
            else:
                if draw(st.booleans()):
                    journey.step(draw(st.integers(0, 5)), "s47_end", icpc_required=True)
                category = draw(st.sampled_from(CATEGORIES))
                plan = outcome == "plan"
                made = journey.step(
                    draw(st.integers(1, 10)),
                    "icpc",
                    weekday=True,
                    plan=plan,
                    **({"category": category} if plan else {}),
                )
                if plan and made:
                    for _review in range(draw(st.integers(0, 2))):
                        fields: dict = {"continue_plan": True}
                        if draw(st.booleans()):
                            fields["category"] = draw(st.sampled_from(CATEGORIES))
                        journey.step(draw(st.integers(20, 60)), "cp_review", weekday=True, **fields)
                    ending = draw(st.sampled_from(["open", "review", "end"]))
                    if ending == "review":
                        journey.step(
                            draw(st.integers(20, 60)),
                            "cp_review",
                            weekday=True,
                            continue_plan=False,
                        )
                    elif ending == "end":
                        journey.step(draw(st.integers(1, 30)), "cp_plan_end")
                    if ending != "open" and draw(st.booleans()):
                        journey.step(draw(st.integers(0, 5)), "cin_plan_start")
        # The last episode may still be open on 31 March.
        if number < episodes - 1 or draw(st.booleans()):
            if not journey.step(draw(st.integers(1, 40)), "case_closure", reason="RC7"):
                break
        else:
            break
    return [record, *journey.events]


def normalised(xml: bytes) -> bytes:
    return re.sub(rb"<DateTime>[^<]*</DateTime>", b"<DateTime/>", xml)


@pytest.mark.django_db
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    children=st.lists(st.integers(1, 99), min_size=1, max_size=3, unique=True).flatmap(
        lambda numbers: st.tuples(*(casework(f"R{n}") for n in numbers))
    )
)
def test_import_then_export_gives_back_the_same_census(children):
    Child.objects.all().delete()
    load(AUTHORITY, *[event for journey in children for event in journey])
    first = build_cin_census(YEAR)
    assert schema_errors(first) == []
    Child.objects.all().delete()

    result = import_cin_census(first)

    assert result.errors == []
    assert result.counts["children"] == len(children)
    assert normalised(build_cin_census(YEAR)) == normalised(first)
    assert import_cin_census(first).counts == {
        "children already imported (left as they were)": len(children)
    }
