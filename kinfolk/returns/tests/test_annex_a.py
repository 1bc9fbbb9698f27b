"""Ofsted Annex A from a small hand-made casework: the expected rows in the expected columns of
each sheet, read back with openpyxl, and the edges of each list's window.

The records are made by the factories, directly, to put exact data in front of the builder:
each test gives the values its assertions depend on and lets the factories fill the rest."""

import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from conftest import make_child
from kinfolk.care.tests.factories import (
    CareEpisodeFactory,
    CarePlanFactory,
    HealthAssessmentFactory,
    LookedAfterReviewFactory,
    MissingEpisodeFactory,
    OutcomeRecordFactory,
    PeriodOfCareFactory,
    PlacementFactory,
    UASCPeriodFactory,
)
from kinfolk.casework.tests.factories import (
    AssessmentFactory,
    ChildInNeedEpisodeFactory,
    PlanFactory,
    VisitFactory,
)
from kinfolk.core.models import Authority, Postcode
from kinfolk.core.tests.factories import AuthorityFactory, PostcodeFactory
from kinfolk.frontdoor.tests.factories import ContactFactory, EarlyHelpEpisodeFactory
from kinfolk.leaving.tests.factories import CareLeaverContactFactory
from kinfolk.permanence.tests.factories import AdoptionDecisionFactory, AdoptionMatchFactory
from kinfolk.protection.tests.factories import (
    ConferenceFactory,
    Section47EnquiryFactory,
    StrategyDiscussionFactory,
)
from kinfolk.returns.annex_a import LISTS, Window, build_annex_a, placement_area, sheet_name
from kinfolk.workforce.tests.factories import AllocationFactory

pytestmark = pytest.mark.django_db

AS_OF = dt.date(2026, 3, 31)
#: Six months before 31 March 2026 is 30 September 2025; twelve is 31 March 2025.
START = dt.date(2025, 9, 30)
BEFORE = dt.date(2025, 9, 29)
D = dt.datetime


def _sheets(as_of: dt.date = AS_OF) -> dict[int, list[dict]]:
    book = load_workbook(io.BytesIO(build_annex_a(as_of)))
    sheets = {}
    for number in LISTS:
        rows = list(book[sheet_name(number)].iter_rows(values_only=True))
        assert rows[0] == LISTS[number][1]
        sheets[number] = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    return sheets


def _day(value) -> dt.date | None:
    return value.date() if isinstance(value, D) else value


def _received(day: dt.date):
    return timezone.make_aware(D(day.year, day.month, day.day, 10, 30))


def test_the_window_runs_six_months_back_and_twelve_for_adoption():
    window = Window.ending(AS_OF)
    assert (window.start, window.year_start) == (START, dt.date(2025, 3, 31))
    assert window.covers(START) and window.covers(AS_OF)
    assert not window.covers(BEFORE) and not window.covers(AS_OF + dt.timedelta(days=1))


def test_every_sheet_has_its_headings_when_there_is_no_casework():
    sheets = _sheets()
    assert list(sheets) == list(range(1, 12))
    assert all(rows == [] for rows in sheets.values())


def test_contacts_in_the_window_one_row_each(social_worker):
    child = make_child(la_child_id="C1", sex="M", ethnicity="MWBA")
    for day, source in ((START, "2A"), (AS_OF, "5D"), (BEFORE, "6"), (dt.date(2026, 4, 1), "6")):
        ContactFactory(child=child, received_at=_received(day), source=source)
    rows = _sheets()[1]
    assert rows == [
        {
            "Child Unique ID": "C1",
            "Gender": "a) Male",
            "Ethnicity": "g) MWBA",
            "Date of Birth": D(2015, 4, 3),
            "Age": 10,
            "Date of Contact": D(2025, 9, 30),
            "Contact Source": "e) 2A: Schools",
        },
        {
            "Child Unique ID": "C1",
            "Gender": "a) Male",
            "Ethnicity": "g) MWBA",
            "Date of Birth": D(2015, 4, 3),
            "Age": 10,
            "Date of Contact": D(2026, 3, 31),
            "Contact Source": "p1) 5D: LA services",
        },
    ]


def test_early_help_started_in_the_window_or_still_open():
    child = make_child(la_child_id="C2")
    EarlyHelpEpisodeFactory(child=child, start_on=START, end_on=dt.date(2025, 12, 1))
    EarlyHelpEpisodeFactory(child=child, start_on=dt.date(2025, 1, 1), end_on=BEFORE)
    other = make_child(la_child_id="C3", first_name="Ola")
    EarlyHelpEpisodeFactory(child=other, start_on=dt.date(2024, 6, 1))
    rows = _sheets()[2]
    assert [
        (
            r["Child Unique ID"],
            _day(r["Assessment start date"]),
            _day(r["Assessment completion date"]),
        )
        for r in rows
    ] == [("C3", dt.date(2024, 6, 1), None), ("C2", START, dt.date(2025, 12, 1))]


@pytest.fixture
def allocated(social_worker, team):
    child = make_child(la_child_id="C10", disabilities=["AUT"])
    AllocationFactory(child=child, worker=social_worker, team=team, start_on=dt.date(2025, 1, 1))
    return child


def test_referrals_with_their_other_referrals_in_12_months_and_the_allocated_worker(allocated):
    child = allocated
    ChildInNeedEpisodeFactory(
        child=child, referral_on=dt.date(2025, 5, 1), closed_on=dt.date(2025, 6, 1)
    )
    ChildInNeedEpisodeFactory(child=child, referral_on=BEFORE, closed_on=BEFORE, is_nfa=True)
    ChildInNeedEpisodeFactory(
        child=child, referral_on=dt.date(2026, 1, 5), referral_source="6", is_nfa=False
    )
    rows = _sheets()[3]
    assert [
        (
            _day(r["Date of Referral"]),
            r["Referral Source"],
            r["Referral NFA?"],
            r["Number of Referrals in Last 12 Months"],
            r["Allocated Team"],
            r["Allocated Worker"],
        )
        for r in rows
    ] == [(dt.date(2026, 1, 5), "q) 6: Police", "b) No", 2, "Assessment North", "Sam Social")]


def test_assessments_children_in_need_and_section_47(allocated):
    child = allocated
    episode = ChildInNeedEpisodeFactory(
        child=child, referral_on=dt.date(2025, 10, 1), primary_need="N1"
    )
    AssessmentFactory(
        episode=episode,
        child=child,
        started_on=dt.date(2025, 10, 2),
        authorised_on=dt.date(2025, 11, 20),
        is_child_seen=True,
    )
    VisitFactory(
        child=child, episode=episode, visited_on=dt.date(2026, 2, 1), kind="cin", is_child_seen=True
    )
    VisitFactory(
        child=child,
        episode=episode,
        visited_on=dt.date(2026, 3, 1),
        kind="cin",
        is_child_seen=False,
    )
    StrategyDiscussionFactory(child=child, episode=episode, held_on=dt.date(2025, 12, 1))
    enquiry = Section47EnquiryFactory(
        child=child,
        episode=episode,
        started_on=dt.date(2025, 12, 2),
        ended_on=dt.date(2025, 12, 16),
        is_conference_required=True,
    )
    plan = PlanFactory(
        child=child,
        episode=episode,
        kind="cp",
        start_on=dt.date(2025, 12, 18),
        initial_category="NEG",
        latest_category="EMO",
        previous_plans=1,
    )
    ConferenceFactory(
        child=child,
        episode=episode,
        enquiry=enquiry,
        plan=plan,
        kind="initial",
        held_on=dt.date(2025, 12, 18),
        is_plan_needed=True,
    )
    ConferenceFactory(
        child=child,
        episode=episode,
        plan=plan,
        kind="review",
        held_on=dt.date(2026, 3, 10),
        is_plan_needed=True,
    )
    VisitFactory(
        child=child,
        episode=episode,
        visited_on=dt.date(2026, 3, 20),
        kind="cp",
        is_child_seen=True,
        is_seen_alone=False,
    )
    sheets = _sheets()
    [assessment] = sheets[4]
    assert [assessment[h] for h in LISTS[4][1][5:10]] == [
        "a) Yes",
        D(2025, 10, 2),
        "a) Yes",
        D(2025, 11, 20),
        "a) Yes",
    ]
    [need] = sheets[6]
    assert [need[h] for h in LISTS[6][1][5:12]] == [
        "a) Yes",
        D(2025, 10, 1),
        "N1 - Abuse or neglect",
        D(2026, 3, 20),
        None,
        None,
        "b) Child Protection plan",
    ]
    [section_47] = sheets[5]
    assert [section_47[h] for h in LISTS[5][1][6:12]] == [
        D(2025, 12, 1),
        "b) No",
        D(2025, 12, 18),
        "a) Yes",
        1,
        1,
    ]
    [protection] = sheets[7]
    assert [protection[h] for h in LISTS[7][1][6:15]] == [
        D(2025, 12, 18),
        "a) Neglect",
        "d) Emotional abuse",
        D(2026, 3, 20),
        "b) No",
        D(2026, 3, 10),
        None,
        "b) No",
        1,
    ]


def test_a_plan_that_ended_before_the_window_is_left_out(allocated):
    child = allocated
    episode = ChildInNeedEpisodeFactory(
        child=child, referral_on=dt.date(2025, 1, 1), closed_on=BEFORE
    )
    PlanFactory(
        child=child, episode=episode, kind="cp", start_on=dt.date(2025, 2, 1), end_on=BEFORE
    )
    sheets = _sheets()
    assert sheets[6] == [] and sheets[7] == []
    # As of 29 March the window starts on 29 September 2025, the day both ended.
    earlier = _sheets(dt.date(2026, 3, 29))
    assert len(earlier[6]) == 1 and len(earlier[7]) == 1


def _care(child, start, *, end=None, reason=""):
    period = PeriodOfCareFactory(child=child, start_on=start, end_on=end, reason_ceased=reason)
    placement = PlacementFactory(child=child, period=period, start_on=start)
    return period, placement


def test_children_in_care_now_and_ceased_in_the_window_but_not_short_breaks(allocated):
    child = allocated
    period, placement = _care(child, dt.date(2025, 6, 1))
    CareEpisodeFactory(
        period=period,
        child=child,
        start_on=dt.date(2025, 6, 1),
        end_on=dt.date(2025, 11, 1),
        legal_status="C1",
        placement=placement,
    )
    CareEpisodeFactory(
        period=period,
        child=child,
        start_on=dt.date(2025, 11, 1),
        reason_for_new_episode="L",
        legal_status="C2",
        category_of_need="N1",
        placement_type="U6",
        placement_provider="PR1",
        placement_postcode="WN1 2AB",
        urn="SC123456",
        placement=placement,
    )
    LookedAfterReviewFactory(
        child=child,
        period=period,
        held_on=dt.date(2026, 1, 10),
        iro_contact_on=dt.date(2026, 1, 5),
    )
    VisitFactory(child=child, visited_on=dt.date(2026, 3, 2), kind="cla")
    CarePlanFactory(
        child=child,
        period=period,
        made_on=dt.date(2025, 7, 1),
        permanence_plan="long_term_fostering",
    )
    HealthAssessmentFactory(child=child, period=period, assessed_on=dt.date(2025, 6, 20))
    OutcomeRecordFactory(child=child, kind="dental", recorded_on=dt.date(2025, 12, 1))
    UASCPeriodFactory(child=child, start_on=dt.date(2025, 6, 1))
    MissingEpisodeFactory(
        child=child,
        kind="M",
        started_at=_received(dt.date(2026, 2, 1)),
        ended_at=_received(dt.date(2026, 2, 2)),
        return_interview_offered_at=_received(dt.date(2026, 2, 3)),
        return_interview_accepted=False,
    )
    MissingEpisodeFactory(child=child, kind="A", started_at=_received(dt.date(2026, 3, 1)))
    short_breaks = make_child(la_child_id="C11", first_name="Bea")
    breaks, _ = _care(short_breaks, dt.date(2025, 12, 1))
    CareEpisodeFactory(
        period=breaks, child=short_breaks, start_on=dt.date(2025, 12, 1), legal_status="V3"
    )
    ceased = make_child(la_child_id="C12", first_name="Cal")
    gone, home = _care(ceased, dt.date(2025, 1, 1), end=START, reason="E4A")
    CareEpisodeFactory(
        period=gone,
        child=ceased,
        start_on=dt.date(2025, 1, 1),
        end_on=START,
        legal_status="V2",
        placement=home,
        reason_ceased="E4A",
    )
    AuthorityFactory(la_code="E08000010")
    PostcodeFactory(postcode="WN1 2AB", la_code="E08000010")
    rows = {row["Child Unique ID"]: row for row in _sheets()[8]}
    assert sorted(rows) == ["C10", "C12"]
    row = rows["C10"]
    assert [row[h] for h in LISTS[8][1][5:]] == [
        "a) Yes",
        "a) Yes",
        D(2025, 6, 1),
        "N1 - Abuse or neglect",
        "b) No",
        D(2025, 11, 1),
        "C2: FCO",
        D(2026, 1, 10),
        D(2026, 3, 2),
        "f) Long-term fostering",
        D(2026, 1, 5),
        D(2025, 6, 20),
        D(2025, 12, 1),
        1,
        None,
        None,
        D(2025, 6, 1),
        "f) U6: Foster placement - not FFA",
        "b) PR1: Own provision",
        "WN1 2AB",
        "SC123456",
        "a) In",
        "E08000010",
        1,
        1,
        "a) Yes",
        "b) No",
        "Assessment North",
        "Sam Social",
    ]
    assert (
        _day(rows["C12"]["Date Ceased to be Looked After"]),
        rows["C12"]["Reason Ceased to be Looked After"],
    ) == (START, "e) E4A: Returned home to live with parents or relatives - part of planning")
    assert all(r["Child Unique ID"] != "C12" for r in _sheets(dt.date(2026, 4, 1))[8])


def test_care_leavers_with_their_latest_contact(social_worker):
    young = make_child(la_child_id="C20", date_of_birth=dt.date(2007, 5, 1))
    period, placement = _care(young, dt.date(2021, 1, 1), end=dt.date(2025, 5, 1), reason="E17")
    CareEpisodeFactory(
        period=period,
        child=young,
        start_on=dt.date(2021, 1, 1),
        end_on=dt.date(2025, 5, 1),
        legal_status="C2",
        placement=placement,
        reason_ceased="E17",
    )
    CareLeaverContactFactory(
        child=young,
        contacted_on=dt.date(2026, 2, 1),
        in_touch="YES",
        accommodation="Z1",
        activity="F2",
    )
    [row] = _sheets()[9]
    assert [
        row[h]
        for h in (
            "Child Unique ID",
            "Eligibility Category",
            "LA in Touch",
            "Type of Accommodation",
            "Suitability of Accommodation",
            "Activity Status",
            "Date of latest contact",
        )
    ] == [
        "C20",
        "b) Former relevant child",
        "a) Yes",
        "Z: With former foster carers",
        "a) Suitable",
        "F2: Full time in education other than higher education",
        D(2026, 2, 1),
    ]


def test_adoption_and_adopters_within_twelve_months():
    child = make_child(la_child_id="C30", date_of_birth=dt.date(2022, 1, 1))
    period, placement = _care(child, dt.date(2024, 1, 1))
    CareEpisodeFactory(
        period=period,
        child=child,
        start_on=dt.date(2024, 1, 1),
        end_on=dt.date(2025, 2, 1),
        legal_status="C1",
        placement_type="U5",
        placement=placement,
    )
    CareEpisodeFactory(
        period=period,
        child=child,
        start_on=dt.date(2025, 2, 1),
        reason_for_new_episode="L",
        legal_status="E1",
        placement_type="U5",
        placement=placement,
    )
    decision = AdoptionDecisionFactory(child=child, period=period, decided_on=dt.date(2024, 11, 1))
    match = AdoptionMatchFactory(
        decision=decision,
        child=child,
        matched_on=dt.date(2025, 4, 1),
        number_of_adopters=2,
        adopters_sex="MF",
    )
    reversed_child = make_child(la_child_id="C31", first_name="Dee")
    old_period, _ = _care(reversed_child, dt.date(2023, 1, 1))
    AdoptionDecisionFactory(
        child=reversed_child,
        period=old_period,
        decided_on=dt.date(2023, 6, 1),
        reversed_on=dt.date(2025, 3, 30),
    )
    sheets = _sheets()
    [row] = sheets[10]
    assert [row[h] for h in LISTS[10][1]] == [
        "C30",
        f"F{match.pk}",
        "b) Female",
        "a) WBRI",
        D(2022, 1, 1),
        4,
        "b) No",
        D(2024, 1, 1),
        D(2024, 11, 1),
        D(2025, 2, 1),
        D(2025, 4, 1),
        None,
        None,
        None,
        None,
        D(2024, 1, 1),
    ]
    adopters = sheets[11]
    assert [
        (r["Individual adopter identifier"], r["Family identifier"], r["Gender"]) for r in adopters
    ] == [
        (f"F{match.pk}-1", f"F{match.pk}", "a) Male"),
        (f"F{match.pk}-2", f"F{match.pk}", "b) Female"),
    ]
    assert _day(adopters[0]["Date adopter matched with child(ren)"]) == dt.date(2025, 4, 1)
    # A year on, the match is outside the 12 months and the reversal has gone.
    assert _sheets(dt.date(2026, 4, 2))[11] == []
    assert [r["Child Unique ID"] for r in _sheets(dt.date(2026, 3, 30))[10]] == ["C31", "C30"]


def test_queries_do_not_grow_with_the_casework(allocated):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            build_annex_a(AS_OF)
        return len(queries.captured_queries)

    def add(index: int) -> None:
        child = make_child(la_child_id=f"Q{index}", first_name=f"Q{index}")
        episode = ChildInNeedEpisodeFactory(child=child, referral_on=dt.date(2025, 11, 1))
        ContactFactory(child=child, received_at=_received(dt.date(2025, 11, 1)))
        Section47EnquiryFactory(child=child, episode=episode, started_on=dt.date(2025, 11, 2))
        period, placement = _care(child, dt.date(2025, 11, 1))
        CareEpisodeFactory(
            period=period,
            child=child,
            start_on=dt.date(2025, 11, 1),
            legal_status="C1",
            placement=placement,
        )

    add(1)
    small = count()
    for index in range(2, 6):
        add(index)
    assert count() == small


@pytest.mark.parametrize(
    ("la_code", "expected"),
    [
        ("E08000010", ("a) In", "E08000010")),
        ("E08000012", ("b) Out", "E08000012")),
        ("W06000015", ("b) Out", "WAL")),
        ("S12000036", ("b) Out", "SCO")),
    ],
)
def test_placement_area_from_the_postcode_directory(la_code, expected):
    authority = Authority(name="Northmoor", la_number="359", la_code="E08000010")
    directory = {"AB1 2CD": Postcode(postcode="AB1 2CD", la_code=la_code)}
    assert placement_area("AB1 2CD", authority, directory) == expected
    assert placement_area("ZZ9 9ZZ", authority, directory) == ("", "")
