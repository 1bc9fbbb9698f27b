"""The demo authority's child protection meetings in full (kinfolk/demo/meetings.py): the last
year's meetings carry their detail, a few conferences show short notice or a late report, and
adding the detail changes nothing else."""

import datetime as dt
import json

from django.conf import settings

from kinfolk.core.working_days import working_days_between
from kinfolk.demo import generator
from kinfolk.demo.generator import DemoAuthority
from kinfolk.demo.narrative import WRITTEN_FOR_DAYS
from kinfolk.demo.tests.test_demo import AS_OF, events

MEETINGS = ("strategy_discussion", "s47_end", "icpc", "core_group", "cp_review")
#: The fields the meetings module adds, per event type (docs/journeys.md, "Child protection").
DETAIL = {
    "strategy_discussion": {
        "at",
        "triggered_at",
        "attendees",
        "information",
        "rationale",
        "delay_reason",
        "actions",
    },
    "s47_end": {"seen", "seen_alone", "checks", "outcome"},
    "icpc": {
        "invitees",
        "participation",
        "advocate",
        "assessment_rating",
        "rationale",
        "contingency",
        "outcome",
        "action",
    },
    "core_group": {"attendees", "minutes"},
    "cp_review": {"invitees", "participation", "advocate", "rationale"},
}


def _day(event):
    return dt.date.fromisoformat(event["date"])


def test_only_the_last_years_meetings_have_their_detail():
    written_from = AS_OF - dt.timedelta(days=WRITTEN_FOR_DAYS)
    meetings = [e for e in events() if e["type"] in MEETINGS]
    for event in meetings:
        detail = set(event) & DETAIL[event["type"]]
        if _day(event) < written_from:
            assert not detail, event
        else:
            assert detail, event
    recent = {e["type"] for e in meetings if _day(e) >= written_from}
    assert recent == set(MEETINGS)


def test_some_conferences_show_short_notice_or_a_late_report_most_not():
    notice = settings.KINFOLK_CONFERENCE_NOTICE_WORKING_DAYS
    conferences = [e for e in events() if e["type"] in ("icpc", "cp_review") and "invitees" in e]
    short, late = 0, 0
    for conference in conferences:
        held = _day(conference)
        invited = [dt.date.fromisoformat(i["invited"]) for i in conference["invitees"]]
        assert all(day <= held for day in invited)
        if any(working_days_between(day, held) < notice for day in invited):
            short += 1
        reports = [i for i in conference["invitees"] if "report_received" in i]
        if any(
            "report_shared" not in i
            or working_days_between(dt.date.fromisoformat(i["report_shared"]), held)
            < settings.KINFOLK_REPORT_SHARED_WORKING_DAYS
            for i in reports
        ):
            late += 1
    assert len(conferences) >= 30
    assert 0 < short < len(conferences) / 3
    assert 0 < late < len(conferences) / 3


def test_the_detail_names_no_one_from_outside_the_name_lists():
    from kinfolk.demo import names

    given = {n for sexes in names.GIVEN_NAMES.values() for ns in sexes.values() for n in ns}
    surnames = {n for ns in names.SURNAMES.values() for n in ns}
    for event in events():
        for person in event.get("attendees", []) + event.get("invitees", []):
            first, last = person["name"].split(" ", 1)
            assert first in given and last in surnames, person


def test_adding_the_detail_changes_nothing_else(monkeypatch):
    monkeypatch.setattr(generator, "hold_meetings", lambda written, **_: written)
    without = [
        json.loads(line)
        for line in DemoAuthority(size="small", seed=1, as_of=AS_OF).journey_lines()
        if not line.startswith("#")
    ]
    stripped = [
        {k: v for k, v in e.items() if k not in DETAIL.get(e["type"], set())} for e in events()
    ]
    assert stripped == without
