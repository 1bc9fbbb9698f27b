"""The care page and the pages that record care, placements and proceedings: as anonymous,
as a social worker and as a manager; each form's success and its errors next to the fields,
with nothing saved; and the care page's query count as the history grows."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinfolk.care.models import CareEpisode, PeriodOfCare
from kinfolk.care.models.episodes import (
    Placement,
    PlacementDisruption,
)
from kinfolk.care.models.proceedings import (
    CareProceedings,
    CourtHearing,
    PreProceedings,
    PreProceedingsMeeting,
)
from kinfolk.care.services import (
    change_legal_status,
    change_placement,
    issue_care_proceedings,
    record_legal_gateway,
    start_care,
)
from kinfolk.casework.tests.pages import assert_refused, page, post_data
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.core.geography import record_postcodes
from kinfolk.core.tests.factories import AuthorityFactory

pytestmark = pytest.mark.django_db

D = dt.date
STARTED = D(2025, 1, 10)

#: Every page of this part of the care app, and whether it is for managers only.
PAGES = {
    "care:child-care": False,
    "care:care-start": False,
    "care:placement-change": False,
    "care:legal-status-change": False,
    "care:care-end": False,
    "care:unregistered-approve": True,
    "care:legal-gateway-create": False,
    "care:letter-create": False,
    "care:pre-proceedings-meeting-create": False,
    "care:pre-proceedings-end": False,
    "care:proceedings-issue": False,
    "care:hearing-create": False,
    "care:proceedings-conclude": False,
}


@pytest.fixture
def geography(db):
    """Wigan (the authority), a home in Wigan, a foster home in Wigan 3 miles away and a
    children's home in Cumbria 54.3 miles away (0.783 degrees north and 0.114 west: by hand,
    the square root of 54.10 squared plus 4.62 squared)."""
    AuthorityFactory(name="Wigan", la_code="E08000010")
    record_postcodes(
        [
            ("WN1 1AA", "E08000010", 53.5450, -2.6325),
            ("WN2 2BB", "E08000010", 53.5000, -2.6000),
            ("LA9 4AA", "E07000031", 54.3280, -2.7460),
        ]
    )


def start(child, **overrides):
    values = {
        "start_on": STARTED,
        "legal_status": "C1",
        "category_of_need": "N1",
        "placement_type": "K2",
        "provider": "PR4",
        "placement_postcode": "LA9 4AA",
        "home_postcode": "WN1 1AA",
        "urn": "SC123456",
        "setting_name": "Fellside House",
        "is_registered": False,
    }
    values.update(overrides)
    return start_care(child=child, **values)


def counts(child) -> dict[str, int]:
    return {
        "periods": PeriodOfCare.objects.filter(child=child).count(),
        "episodes": CareEpisode.objects.filter(child=child).count(),
        "placements": Placement.objects.filter(child=child).count(),
        "approved": Placement.objects.filter(child=child, approved_on__isnull=False).count(),
        "disruptions": PlacementDisruption.objects.filter(child=child).count(),
        "pre-proceedings": PreProceedings.objects.filter(child=child).count(),
        "letters": PreProceedings.objects.filter(child=child, letter_sent_on__isnull=False).count(),
        "meetings": PreProceedingsMeeting.objects.filter(pre_proceedings__child=child).count(),
        "proceedings": CareProceedings.objects.filter(child=child).count(),
        "hearings": CourtHearing.objects.filter(proceedings__child=child).count(),
        "chronology": ChronologyEntry.objects.filter(child=child).count(),
    }


# Anonymous, wrong role and right role.


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_people_are_sent_to_sign_in(client, child, name):
    response = client.get(page(name, child))
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")


@pytest.mark.parametrize("name", PAGES)
def test_each_page_opens_for_the_right_role(worker_client, manager_client, child, name):
    assert manager_client.get(page(name, child)).status_code == 200
    assert worker_client.get(page(name, child)).status_code == (403 if PAGES[name] else 200)


def test_a_social_worker_cannot_approve_an_unregistered_placement(worker_client, child):
    start(child)
    placement = Placement.objects.get(child=child)
    before = counts(child)
    response = worker_client.post(
        page("care:unregistered-approve", child, f"?placement={placement.pk}"),
        post_data(placement=placement.pk, approved_on=D(2025, 1, 11), rationale="Checked daily"),
    )
    assert response.status_code == 403
    assert counts(child) == before


# The care page.


def test_the_care_page_of_a_child_never_looked_after(worker_client, child):
    response = worker_client.get(page("care:child-care", child))
    html = response.content.decode()
    assert "Lily Smith has never been looked after." in html
    assert (
        f'<a class="govuk-button" data-module="govuk-button" role="button" draggable="false" '
        f'href="/children/{child.pk}/care/start/">Record the start of care</a>'
    ) in html
    assert response.context["period"] is None


def test_the_care_page_summarises_care_and_flags_the_placement(
    worker_client, child, geography, today
):
    start(child, start_on=today - dt.timedelta(days=200), legal_status="V2")
    for days, postcode in ((150, "WN2 2BB"), (100, "LA9 4AA")):
        change_placement(
            child=child,
            on=today - dt.timedelta(days=days),
            placement_type="K2",
            provider="PR4",
            reason="STAND",
            placement_postcode=postcode,
            urn="SC123456",
            setting_name="Fellside House",
            is_registered=False,
        )
    response = worker_client.get(page("care:child-care", child))
    html = response.content.decode()
    current = response.context["current"]
    assert (
        current.weeks_looked_after,
        current.weeks_under_section_20,
        current.moves_in_12_months,
        current.location.distance_miles,
        current.location.is_in_area,
        current.is_far_from_home,
        current.is_out_of_area,
    ) == (28, 28, 3, 54.3, False, True, True)
    for tag in (
        "3 or more placements in 12 months",
        "More than 20 miles from home",
        "Out of area",
        "Unregistered: approval needed",
        "Drift to watch",
    ):
        assert tag in html
    assert "54.3 miles" in html
    assert "Outside the authority, in E07000031" in html
    assert "Under section 20 for 28 weeks in this period" in html
    assert response.context["period"] == PeriodOfCare.objects.get(child=child)
    assert "Approve the unregistered placement" not in html  # managers only


def test_an_approved_unregistered_placement_says_who_approved_it(manager_client, child, manager):
    from kinfolk.care.services import approve_unregistered_placement

    start(child)
    approve_unregistered_placement(
        child=child,
        placement=Placement.objects.get(child=child),
        approved_on=D(2025, 1, 11),
        rationale="Daily checks by the team",
        actor=manager,
    )
    html = manager_client.get(page("care:child-care", child)).content.decode()
    assert "Unregistered: approved by Meg Manager on 11 January 2025" in html
    assert "Unregistered: approval needed" not in html
    assert "Distance from home" in html and "Not known" in html


def test_the_episodes_table_shows_codes_with_their_labels(worker_client, child):
    start(child)
    change_legal_status(child=child, on=D(2025, 2, 14), legal_status="C2")
    html = worker_client.get(page("care:child-care", child)).content.decode()
    assert "<strong>L</strong> Change of legal status only" in html
    assert "<strong>X1</strong> Episode ends and a new one begins the same day" in html
    assert "<strong>C2</strong> Full care order" in html
    assert "<strong>K2</strong> Children&#x27;s home" in html
    assert "<strong>PR4</strong> Private provision" in html


def history(child, size: int) -> None:
    """A period of care of ``size`` episodes, alternating carers and legal status."""
    start(child, start_on=D(2024, 1, 1))
    for index in range(1, size):
        on = D(2024, 1, 1) + dt.timedelta(days=7 * index)
        if index % 2:
            change_placement(
                child=child,
                on=on,
                placement_type="U6",
                provider="PR1",
                reason="CARPL",
                placement_postcode="WN2 2BB" if index % 4 == 1 else "WN1 1AA",
                is_planned=index % 3 != 0,
                disruption_reasons="Carers gave notice",
                is_disruption_meeting_held=False,
            )
        else:
            change_legal_status(child=child, on=on, legal_status="C2" if index % 4 else "C1")


def test_the_care_page_queries_do_not_grow_with_the_episodes(client, geography, manager):
    from conftest import make_child, signed_in

    sizes = []
    for size, number in ((3, "C31"), (30, "C32")):
        child = make_child(la_child_id=number)
        history(child, size)
        record_legal_gateway(child=child, held_on=D(2024, 1, 2), decision="issue", rationale="x")
        issue_care_proceedings(child=child, issued_on=D(2024, 1, 3))
        viewer = signed_in(manager)
        with CaptureQueriesContext(connection) as queries:
            response = viewer.get(page("care:child-care", child))
        assert response.status_code == 200
        assert len(response.context["periods"][0].episode_list) == size
        sizes.append(len(queries))
    assert sizes[0] == sizes[1]


# Start care.

START = {
    "start_on": STARTED,
    "legal_status": "V2",
    "category_of_need": "N1",
    "entry_reason": "Lily's mother was admitted to hospital and there was no one to care for her.",
    "entry_panel": "emergency",
    "connected_persons": "none",
    "home_postcode": "WN1 1AA",
    "placement_type": "U6",
    "provider": "PR1",
    "setting_name": "Mr and Mrs Jones",
    "placement_postcode": "WN2 2BB",
    "urn": "SC654321",
    "is_registered": "yes",
    "registered_on": D(2018, 5, 1),
    "ofsted_grade": "good",
    "weekly_cost": "450.00",
}


def test_the_start_page_suggests_the_childs_home_postcode(worker_client, child):
    response = worker_client.get(page("care:care-start", child))
    assert response.context["form"]["home_postcode"].value() == "WN1 1AA"


def test_starting_care_through_the_page(worker_client, child, social_worker):
    response = worker_client.post(page("care:care-start", child), post_data(**START))
    assert response.status_code == 302
    assert response["Location"] == page("care:child-care", child)
    period = PeriodOfCare.objects.get(child=child)
    episode = CareEpisode.objects.get(child=child)
    assert (
        period.entry_panel,
        period.connected_persons,
        episode.reason_for_new_episode,
        episode.legal_status,
        episode.placement_provider,
        episode.home_postcode,
        episode.recorded_by,
    ) == ("emergency", "none", "S", "V2", "PR1", "WN1 1AA", social_worker)
    assert (
        episode.placement.setting_name,
        episode.placement.is_registered,
        episode.placement.registered_on,
        episode.placement.weekly_cost,
    ) == ("Mr and Mrs Jones", True, D(2018, 5, 1), Decimal("450.00"))


def test_starting_care_with_nothing_filled_in(worker_client, child):
    before = counts(child)
    response = worker_client.post(page("care:care-start", child), {})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["start_on"] == ["Enter the date the child started to be looked after"]
    assert errors["legal_status"] == ["Choose the legal status"]
    assert errors["provider"] == ["Choose who provides the placement"]
    assert errors["is_registered"] == ["Choose whether the setting is registered with Ofsted"]
    assert counts(child) == before


def test_a_service_refusal_is_shown_next_to_its_field(worker_client, child):
    before = counts(child)
    response = worker_client.post(
        page("care:care-start", child),
        post_data(**{**START, "placement_type": "Z11", "urn": "", "registered_on": ""}),
    )
    assert_refused(response, "provider", "A Z11 placement has no provider: leave it blank")
    assert counts(child) == before


def test_starting_care_twice_is_not_offered(worker_client, child):
    start(child)
    response = worker_client.get(page("care:care-start", child))
    assert response.context["unavailable"] == (
        "Lily Smith is already looked after, since 10 January 2025"
    )
    before = counts(child)
    worker_client.post(page("care:care-start", child), post_data(**START))
    assert counts(child) == before


# Moves of placement.

MOVE = {
    "moved_on": D(2025, 3, 1),
    "placement_type": "U6",
    "provider": "PR1",
    "setting_name": "Mr and Mrs Jones",
    "placement_postcode": "WN2 2BB",
    "urn": "",
    "is_registered": "na",
    "reason": "STAND",
    "is_planned": "yes",
}


def test_moving_placement_through_the_page(worker_client, child):
    start(child)
    response = worker_client.post(page("care:placement-change", child), post_data(**MOVE))
    assert response.status_code == 302
    assert list(
        CareEpisode.objects.filter(child=child)
        .order_by("start_on")
        .values_list("reason_for_new_episode", "reason_for_placement_change")
    ) == [("S", "STAND"), ("P", "")]


def test_an_unplanned_move_through_the_page_records_the_disruption(worker_client, child):
    start(child)
    response = worker_client.post(
        page("care:placement-change", child),
        post_data(
            **{
                **MOVE,
                "is_planned": "no",
                "disruption_reasons": "An allegation against staff.",
                "is_disruption_meeting_held": "yes",
                "disruption_meeting_on": D(2025, 3, 10),
                "disruption_learning": "Check the home's last inspection before placing.",
            }
        ),
    )
    assert response.status_code == 302
    disruption = PlacementDisruption.objects.get(child=child)
    assert (disruption.reasons, disruption.meeting_on) == (
        "An allegation against staff.",
        D(2025, 3, 10),
    )


def test_an_unplanned_move_without_the_reasons_is_refused(worker_client, child):
    start(child)
    before = counts(child)
    response = worker_client.post(
        page("care:placement-change", child), post_data(**{**MOVE, "is_planned": "no"})
    )
    assert_refused(response, "disruption_reasons", "Enter why the placement ended")
    assert counts(child) == before


def test_a_move_date_before_the_episode_is_shown_next_to_the_date(worker_client, child):
    start(child)
    before = counts(child)
    response = worker_client.post(
        page("care:placement-change", child), post_data(**{**MOVE, "moved_on": D(2025, 1, 2)})
    )
    assert_refused(
        response,
        "moved_on",
        "This is before the current episode of care, which started on 10 January 2025",
    )
    assert counts(child) == before


@pytest.fixture
def strategy_warning(monkeypatch):
    """The health records' warning that a strategy discussion is due (finding 5), in place of
    the one ``kinfolk.care.services.health`` works out from the missing episodes."""
    monkeypatch.setattr(
        "kinfolk.care.views.episodes.strategy_discussion_warning",
        lambda child, on: (
            f"{child} was missing on 20 February 2025: no strategy discussion has been held since"
        ),
    )


def test_the_move_page_warns_and_a_social_worker_cannot_go_on(
    worker_client, child, strategy_warning
):
    start(child)
    response = worker_client.get(page("care:placement-change", child))
    html = response.content.decode()
    assert "Lily Smith was missing on 20 February 2025: no strategy discussion" in html
    assert "Only a manager can record why the move cannot wait" in html
    before = counts(child)
    response = worker_client.post(page("care:placement-change", child), post_data(**MOVE))
    assert_refused(
        response,
        None,
        "A strategy discussion has not been held: a manager must record why the move cannot "
        "wait for one",
    )
    assert counts(child) == before


def test_a_manager_records_why_the_move_cannot_wait(manager_client, child, strategy_warning):
    start(child)
    before = counts(child)
    response = manager_client.post(page("care:placement-change", child), post_data(**MOVE))
    assert_refused(
        response,
        "no_strategy_discussion_reason",
        "A strategy discussion has not been held: a manager must record why the move cannot "
        "wait for one",
    )
    assert counts(child) == before
    response = manager_client.post(
        page("care:placement-change", child),
        post_data(**MOVE, no_strategy_discussion_reason="The home closed; discussion booked."),
    )
    assert response.status_code == 302
    placement = CareEpisode.objects.get(child=child, end_on=None).placement
    assert placement.no_strategy_discussion_reason == "The home closed; discussion booked."


def test_without_the_health_warning_the_move_page_does_not_warn(worker_client, child):
    start(child)  # never missing, so the health records give no warning
    response = worker_client.get(page("care:placement-change", child))
    assert response.context["strategy_warning"] is None


# Legal status and the end of care.


def test_changing_legal_status_through_the_page(worker_client, child):
    start(child)
    response = worker_client.post(
        page("care:legal-status-change", child),
        post_data(changed_on=D(2025, 2, 14), legal_status="C2"),
    )
    assert response.status_code == 302
    assert CareEpisode.objects.get(child=child, end_on=None).reason_for_new_episode == "L"


def test_changing_to_the_same_legal_status_is_refused(worker_client, child):
    start(child)
    before = counts(child)
    response = worker_client.post(
        page("care:legal-status-change", child),
        post_data(changed_on=D(2025, 2, 14), legal_status="C1"),
    )
    assert_refused(response, "legal_status", "The legal status is already Interim care order")
    assert counts(child) == before


def test_ending_care_through_the_page(worker_client, child):
    start(child)
    response = worker_client.post(
        page("care:care-end", child), post_data(ended_on=D(2025, 6, 1), reason="E4A")
    )
    assert response.status_code == 302
    assert PeriodOfCare.objects.get(child=child).reason_ceased == "E4A"


def test_ending_care_without_a_reason_is_refused(worker_client, child):
    start(child)
    before = counts(child)
    response = worker_client.post(page("care:care-end", child), post_data(ended_on=D(2025, 6, 1)))
    assert_refused(response, "reason", "Choose why the child ceased to be looked after")
    assert counts(child) == before


def test_the_pages_for_a_child_not_looked_after_say_so(worker_client, child):
    for name in ("care:placement-change", "care:legal-status-change", "care:care-end"):
        response = worker_client.get(page(name, child))
        assert response.context["unavailable"] == (
            "Lily Smith is not looked after: record the start of care first"
        )


# Approval of an unregistered setting.


def test_a_manager_approves_through_the_page(manager_client, child, manager):
    start(child)
    placement = Placement.objects.get(child=child)
    response = manager_client.post(
        page("care:unregistered-approve", child, f"?placement={placement.pk}"),
        post_data(placement=placement.pk, approved_on=D(2025, 1, 11), rationale="Checked daily"),
    )
    assert response.status_code == 302
    placement.refresh_from_db()
    assert (placement.approved_by, placement.approved_on) == (manager, D(2025, 1, 11))


def test_an_approval_without_reasons_is_refused(manager_client, child):
    start(child)
    placement = Placement.objects.get(child=child)
    before = counts(child)
    response = manager_client.post(
        page("care:unregistered-approve", child, f"?placement={placement.pk}"),
        post_data(placement=placement.pk, approved_on=D(2025, 1, 11)),
    )
    assert_refused(
        response, "rationale", "Enter why this unregistered setting is right for the child for now"
    )
    assert counts(child) == before


# Pre-proceedings and proceedings.

LETTER = {
    "sent_on": D(2026, 3, 9),
    "concerns": "Lily has been left alone at night.",
    "expectations": "An adult at home every night.",
    "expectations_due_on": D(2026, 6, 1),
    "support_offered": "A family support worker twice a week.",
    "consequences": "The council will apply for a care order.",
}


def test_recording_pre_proceedings_through_the_pages(worker_client, child):
    steps = [
        (
            "care:legal-gateway-create",
            {"held_on": D(2026, 3, 2), "decision": "pre_proceedings", "rationale": "Neglect"},
        ),
        ("care:letter-create", LETTER),
        (
            "care:pre-proceedings-meeting-create",
            {"held_on": D(2026, 3, 16), "summary": "A written agreement"},
        ),
        ("care:pre-proceedings-end", {"ended_on": D(2026, 6, 8), "outcome": "stepped_down"}),
    ]
    for name, data in steps:
        response = worker_client.post(page(name, child), post_data(**data))
        assert response.status_code == 302, (name, response.context["form"].errors)
    record = PreProceedings.objects.get(child=child)
    assert (record.letter_sent_on, record.outcome, record.end_on, record.meetings.count()) == (
        D(2026, 3, 9),
        "stepped_down",
        D(2026, 6, 8),
        1,
    )
    html = worker_client.get(page("care:child-care", child)).content.decode()
    assert "14 weeks in pre-proceedings" in html
    assert "An adult at home every night." in html


def test_a_letter_without_what_the_parents_must_do_is_refused(worker_client, child):
    record_legal_gateway(
        child=child, held_on=D(2026, 3, 2), decision="pre_proceedings", rationale="Neglect"
    )
    before = counts(child)
    response = worker_client.post(
        page("care:letter-create", child), post_data(**{**LETTER, "expectations": ""})
    )
    assert_refused(response, "expectations", "Enter what the parents must do")
    assert counts(child) == before


def test_a_gateway_without_a_decision_is_refused(worker_client, child):
    before = counts(child)
    response = worker_client.post(
        page("care:legal-gateway-create", child),
        post_data(held_on=D(2026, 3, 2), rationale="Neglect"),
    )
    assert_refused(response, "decision", "Choose the decision of the meeting")
    assert counts(child) == before


def test_recording_care_proceedings_through_the_pages(worker_client, child):
    steps = [
        ("care:proceedings-issue", {"issued_on": D(2026, 1, 5)}),
        ("care:hearing-create", {"held_on": D(2026, 1, 19), "kind": "case_management"}),
        (
            "care:proceedings-conclude",
            {"final_order_on": D(2026, 8, 3), "final_order": "care_order"},
        ),
    ]
    for name, data in steps:
        response = worker_client.post(page(name, child), post_data(**data))
        assert response.status_code == 302, (name, response.context["form"].errors)
    case = CareProceedings.objects.get(child=child)
    assert (case.final_order, case.hearings.count()) == ("care_order", 1)
    html = worker_client.get(page("care:child-care", child)).content.decode()
    assert "Week 30 of 26" in html
    assert "Care order, on 3 August 2026" in html


def test_a_hearing_without_its_kind_is_refused(worker_client, child):
    issue_care_proceedings(child=child, issued_on=D(2026, 1, 5))
    before = counts(child)
    response = worker_client.post(
        page("care:hearing-create", child), post_data(held_on=D(2026, 1, 19))
    )
    assert_refused(response, "kind", "Choose the kind of hearing")
    assert counts(child) == before
