"""The permanence pages: as anonymous, as the wrong role and as the right role; what they
show; errors next to the fields with nothing saved; and queries that do not grow."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import signed_in
from kinfolk.access.models import AccessRecord
from kinfolk.care.services import end_care
from kinfolk.casework.tests.pages import assert_refused, post_data
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.people.restrictions import restrict_record
from kinfolk.permanence import services
from kinfolk.permanence.models import (
    AdoptionDecision,
    AdoptionMatch,
    DevelopmentGoal,
    FosteringHousehold,
    PermanenceMatch,
    PreviousPermanence,
    TrainingRecord,
)
from kinfolk.permanence.tests.care_history import (
    DECIDED,
    MATCHED,
    adopted,
    baby,
    in_care,
    placed_for_adoption,
    with_orders,
)

pytestmark = pytest.mark.django_db

D = dt.date

CHILD_PAGES = [
    "permanence:child-permanence",
    "permanence:adoption-decision-create",
    "permanence:adoption-decision-reverse",
    "permanence:adoption-match-create",
    "permanence:previous-permanence",
    "permanence:permanence-match-create",
]
HOUSEHOLD_PAGES = {
    "permanence:household": False,
    "permanence:household-temporary-approval": True,
    "permanence:household-extension": True,
    "permanence:household-approval": True,
    "permanence:household-training-create": False,
    "permanence:household-goal-create": False,
}

MATCH_FORM = post_data(
    panel_on=D(2025, 9, 4),
    matched_on=MATCHED,
    number_of_adopters="2",
    adopters_sex="MF",
    adopters_legal_status="L11",
    is_former_foster_carers="no",
    adopters_names="Sara and Ben Holt",
)


@pytest.fixture
def noah():
    return with_orders(in_care(baby()))


@pytest.fixture
def decided(noah):
    services.record_adoption_decision(child=noah, decided_on=DECIDED)
    return noah


@pytest.fixture
def okafors():
    return services.add_household(
        name="The Okafor household",
        postcode="WN2 2BB",
        kind="connected_person",
        carers=[("Ruth", "Okafor"), ("Daniel", "Okafor")],
    )


def url(name, record, query=""):
    return reverse(name, args=[record.pk]) + query


def stored():
    models = [
        AdoptionDecision,
        AdoptionMatch,
        PreviousPermanence,
        PermanenceMatch,
        FosteringHousehold,
        DevelopmentGoal,
        TrainingRecord,
        ChronologyEntry,
    ]
    return [list(model.objects.order_by("pk").values()) for model in models]


# Anonymous, wrong role, right role -----------------------------------------------------------


@pytest.mark.parametrize("name", CHILD_PAGES)
def test_anonymous_people_are_sent_to_sign_in_from_child_pages(client, child, name):
    address = url(name, child)
    for response in (client.get(address), client.post(address, {})):
        assert response.status_code == 302
        assert response["Location"] == f"/sign-in/?next={address}"


@pytest.mark.parametrize(
    "address",
    ["/fostering/", "/fostering/create/", "/permanence/adoption/"],
)
def test_anonymous_people_are_sent_to_sign_in_from_lists(client, address):
    response = client.get(address)
    assert response["Location"] == f"/sign-in/?next={address}"


@pytest.mark.parametrize("name", CHILD_PAGES)
def test_child_pages_open_for_a_social_worker_and_are_logged(
    worker_client, social_worker, decided, name
):
    response = worker_client.get(url(name, decided))
    assert response.status_code == 200
    assert AccessRecord.objects.filter(user=social_worker, child=decided, action="view").exists()


@pytest.mark.parametrize("name", CHILD_PAGES)
def test_a_restricted_child_is_404_to_others(worker_client, manager, noah, name):
    restrict_record(child=noah, users=[manager], actor=manager, reason="Staff relative")
    assert worker_client.get(url(name, noah)).status_code == 404


@pytest.mark.parametrize(("name", "managers"), HOUSEHOLD_PAGES.items())
def test_household_pages_are_open_to_staff_and_approval_to_managers(
    worker_client, manager_client, okafors, name, managers
):
    assert manager_client.get(url(name, okafors)).status_code == 200
    assert worker_client.get(url(name, okafors)).status_code == (403 if managers else 200)


@pytest.mark.parametrize(
    "name",
    [name for name, managers in HOUSEHOLD_PAGES.items() if managers],
)
def test_a_social_worker_cannot_approve_and_nothing_changes(worker_client, okafors, name):
    before = stored()
    response = worker_client.post(
        url(name, okafors),
        post_data(
            approved_on=D(2026, 10, 1),
            extended_on=D(2026, 10, 2),
            panel_on=D(2026, 10, 1),
            reason="Waiting",
            terms="One child",
        ),
    )
    assert response.status_code == 403
    assert stored() == before


# The child's permanence page -----------------------------------------------------------------


def test_the_permanence_page_shows_the_pathway_and_the_measures(worker_client, decided):
    services.record_adoption_match(
        child=decided,
        matched_on=MATCHED,
        panel_on=D(2025, 9, 4),
        number_of_adopters=1,
        adopters_sex="F1",
        adopters_legal_status="L0",
        is_former_foster_carers=False,
    )
    placed_for_adoption(decided)
    adopted(decided)
    response = worker_client.get(url("permanence:child-permanence", decided))
    html = response.content.decode()
    [pathway] = response.context["pathways"]
    assert [(step["on"], step["title"]) for step in pathway["steps"]] == [
        (D(2025, 1, 10), "Came into care"),
        (D(2025, 3, 3), "Decision that the child should be placed for adoption"),
        (D(2025, 6, 2), "Placement order made"),
        (D(2025, 9, 4), "Matching panel"),
        (D(2025, 9, 15), "Matched with adopters"),
        (D(2025, 10, 1), "Moved in with the adopters"),
        (D(2026, 3, 2), "Adoption order: adopted"),
    ]
    assert "264 days" in html
    assert "105 days" in html
    assert "Adoption scorecard measure A1" in html
    assert "Adopted" in html


def test_the_permanence_page_offers_the_next_steps(worker_client, noah):
    labels = lambda response: [s["label"] for s in response.context["next_steps"]]  # noqa: E731
    page = url("permanence:child-permanence", noah)
    assert labels(worker_client.get(page))[0] == (
        "Record a decision that the child should be placed for adoption"
    )
    services.record_adoption_decision(child=noah, decided_on=DECIDED)
    assert labels(worker_client.get(page))[:2] == [
        "Record the match with adopters",
        "Record that the child should no longer be placed for adoption",
    ]


def _history(child, size):
    """``size`` periods of care, each with a reversed adoption decision but the last, and
    ``size`` special guardianship matches."""
    start = D(2025, 1, 10)
    for number in range(size):
        if number:
            in_care(child, start_on=start)
        services.record_adoption_decision(child=child, decided_on=start + dt.timedelta(days=5))
        if number < size - 1:
            services.reverse_adoption_decision(
                child=child, reversed_on=start + dt.timedelta(days=10), reason="RD1"
            )
            end_care(child=child, on=start + dt.timedelta(days=20), reason="E13")
        services.record_permanence_match(
            child=child,
            kind="special_guardianship",
            carers=f"Carer {number}",
            matched_on=start + dt.timedelta(days=15),
            assessment_on=start + dt.timedelta(days=12),
            support_plan_on=start + dt.timedelta(days=14),
        )
        start += dt.timedelta(days=40)
    services.record_previous_permanence(child=child, code="Z1")


def test_the_permanence_page_does_not_grow_in_queries(social_worker):
    client = signed_in(social_worker)
    counts = []
    for size, child_id in ((1, "C31"), (4, "C32")):
        child = in_care(baby(la_child_id=child_id))
        _history(child, size)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url("permanence:child-permanence", child))
        assert response.status_code == 200
        assert len(response.context["pathways"]) == size
        assert len(response.context["permanence_matches"]) == size
        counts.append(len(queries))
    assert counts[0] == counts[1]


# Forms ---------------------------------------------------------------------------------------


def test_recording_a_decision_through_the_page(worker_client, social_worker, noah):
    response = worker_client.post(
        url("permanence:adoption-decision-create", noah), post_data(decided_on=DECIDED)
    )
    assert response.status_code == 302
    assert response["Location"] == url("permanence:child-permanence", noah)
    decision = AdoptionDecision.objects.get()
    assert (decision.decided_on, decision.recorded_by) == (DECIDED, social_worker)


def test_a_decision_before_care_is_shown_next_to_the_date(worker_client, noah):
    before = stored()
    response = worker_client.post(
        url("permanence:adoption-decision-create", noah), post_data(decided_on=D(2025, 1, 2))
    )
    assert_refused(response, "decided_on", "Noah Price was not looked after on 2 January 2025")
    assert stored() == before


def test_recording_a_match_through_the_page(worker_client, decided):
    response = worker_client.post(url("permanence:adoption-match-create", decided), MATCH_FORM)
    assert response.status_code == 302
    match = AdoptionMatch.objects.get()
    assert (match.number_of_adopters, match.adopters_sex, match.adopters_names) == (
        2,
        "MF",
        "Sara and Ben Holt",
    )


def test_a_match_whose_adopters_do_not_agree_is_refused_next_to_the_field(worker_client, decided):
    before = stored()
    response = worker_client.post(
        url("permanence:adoption-match-create", decided),
        {**MATCH_FORM, "adopters_sex": "F1"},
    )
    assert_refused(
        response,
        "adopters_sex",
        "Two adopters are a couple: choose both male (MM), both female (FF) or male and "
        "female (MF)",
    )
    assert stored() == before


def test_a_match_form_missing_answers_says_what_is_needed(worker_client, decided):
    response = worker_client.post(url("permanence:adoption-match-create", decided), {})
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "panel_on": ["Enter the date of the matching panel"],
        "matched_on": ["Enter the date of the decision to match"],
        "number_of_adopters": ["Choose one adopter or two"],
        "adopters_sex": ["Choose the adopters' sex"],
        "adopters_legal_status": ["Choose the adopters' legal status"],
        "is_former_foster_carers": ["Select whether the adopters were the child's foster carers"],
    }
    assert AdoptionMatch.objects.count() == 0


def test_the_match_page_says_when_there_is_no_decision(worker_client, noah):
    response = worker_client.get(url("permanence:adoption-match-create", noah))
    assert "Noah Price has no open decision that they should be placed for adoption." in (
        response.content.decode()
    )
    response = worker_client.post(url("permanence:adoption-match-create", noah), MATCH_FORM)
    assert response.status_code == 200
    assert AdoptionMatch.objects.count() == 0


def test_reversing_needs_a_reason_and_records_it(worker_client, decided):
    page = url("permanence:adoption-decision-reverse", decided)
    response = worker_client.post(page, post_data(reversed_on=D(2025, 5, 1)))
    assert_refused(
        response, "reason", "Choose why the child should no longer be placed for adoption"
    )
    response = worker_client.post(page, post_data(reversed_on=D(2025, 5, 1), reason="RD4"))
    assert_refused(response, "detail", "Say what the other reason is")
    assert AdoptionDecision.objects.open().count() == 1
    response = worker_client.post(
        page, post_data(reversed_on=D(2025, 5, 1), reason="RD4", detail="Birth father came forward")
    )
    assert response.status_code == 302
    decision = AdoptionDecision.objects.get()
    assert (decision.reversal_reason, decision.reversal_detail) == (
        "RD4",
        "Birth father came forward",
    )


def test_previous_permanence_through_the_page(worker_client, noah):
    page = url("permanence:previous-permanence", noah)
    response = worker_client.post(page, post_data(code="P2", local_authority="Wigan"))
    assert_refused(
        response,
        "local_authority",
        "Enter the authority's 3-digit number, or 999 if not known, NIR, NUK (outside the UK), "
        "SCO or WAL",
    )
    response = worker_client.post(
        page, post_data(code="P2", order_on=D(2024, 12, 1), local_authority="310")
    )
    assert response.status_code == 302
    assert PreviousPermanence.objects.get().code == "P2"


def test_a_long_term_fostering_match_with_a_household(worker_client, noah, okafors):
    page = url("permanence:permanence-match-create", noah)
    data = post_data(
        kind="long_term_fostering",
        carers="Ruth and Daniel Okafor",
        household=str(okafors.pk),
        matched_on=D(2025, 8, 1),
    )
    assert_refused(
        worker_client.post(page, data), "panel_on", "Enter the date of the permanence panel"
    )
    response = worker_client.post(page, {**data, **post_data(panel_on=D(2025, 7, 28))})
    assert response.status_code == 302
    assert PermanenceMatch.objects.get().household == okafors


# Children with an adoption plan --------------------------------------------------------------


def test_the_adoption_plan_list_shows_waiting_and_matched_children(
    worker_client, social_worker, decided, today
):
    waiting = in_care(baby(la_child_id="C22", first_name="Mia", last_name="Hart"))
    services.record_adoption_decision(child=waiting, decided_on=D(2025, 4, 1))
    services.record_adoption_match(
        child=decided,
        matched_on=MATCHED,
        panel_on=D(2025, 9, 4),
        number_of_adopters=1,
        adopters_sex="F1",
        adopters_legal_status="L0",
        is_former_foster_carers=False,
    )
    left = in_care(baby(la_child_id="C23", first_name="Leo", last_name="Hart"))
    services.record_adoption_decision(child=left, decided_on=D(2025, 4, 1))
    services.reverse_adoption_decision(child=left, reversed_on=D(2025, 5, 1), reason="RD3")
    response = worker_client.get(reverse("permanence:adoption-plans"))
    rows = response.context["rows"]
    assert [
        (r["child"].la_child_id, r["placement_order_on"], r["match"] is not None, r["days_waiting"])
        for r in rows
    ] == [
        # Decided 3 Mar 2025, matched 15 Sep: 28 + 30 + 31 + 30 + 31 + 31 + 15 = 196 days.
        ("C21", D(2025, 6, 2), True, 196),
        ("C22", None, False, (today - D(2025, 4, 1)).days),
    ]
    assert rows[0]["days_in_care"] == (today - D(2025, 1, 10)).days
    assert response.context["waiting"] == 1
    listed = AccessRecord.objects.filter(user=social_worker, action="list")
    assert sorted(listed.values_list("child__la_child_id", flat=True)) == ["C21", "C22"]


def test_the_adoption_plan_list_hides_restricted_children(worker_client, manager, decided):
    restrict_record(child=decided, users=[manager], actor=manager, reason="Staff relative")
    assert worker_client.get(reverse("permanence:adoption-plans")).context["rows"] == []


def test_the_adoption_plan_list_does_not_grow_in_queries(worker_client):
    counts = []
    for size in (1, 4):
        for number in range(size):
            child = with_orders(in_care(baby(la_child_id=f"C{size}{number}")))
            services.record_adoption_decision(child=child, decided_on=DECIDED)
        with CaptureQueriesContext(connection) as queries:
            response = worker_client.get(reverse("permanence:adoption-plans"))
        assert len(response.context["rows"]) == (1 if size == 1 else 5)
        counts.append(len(queries))
    assert counts[0] == counts[1]


# Fostering households ------------------------------------------------------------------------


def test_adding_a_household_through_the_page(worker_client):
    page = reverse("permanence:household-create")
    data = {
        "name": "The Okafor household",
        "postcode": "WN2 2BB",
        "kind": "mainstream",
        "carer_first_name": "Ruth",
        "carer_last_name": "Okafor",
        "second_carer_first_name": "Daniel",
        "second_carer_last_name": "",
    }
    assert_refused(
        worker_client.post(page, data),
        "second_carer_first_name",
        "Enter each carer's first and last name",
    )
    assert FosteringHousehold.objects.count() == 0
    response = worker_client.post(page, {**data, "second_carer_last_name": "Okafor"})
    household = FosteringHousehold.objects.get()
    assert response["Location"] == url("permanence:household", household)
    assert household.carers.count() == 2


def test_the_household_list_flags_temporary_approvals_running_out(worker_client, okafors, today):
    due = services.add_household(
        name="The Ahmed household",
        postcode="WN3 3DF",
        kind="connected_person",
        carers=[("Aisha", "Ahmed")],
    )
    # Approved 16 weeks less 10 days ago: runs out in 10 days.
    services.grant_temporary_approval(
        household=due, approved_on=today - dt.timedelta(weeks=16) + dt.timedelta(days=10)
    )
    services.grant_temporary_approval(
        household=okafors, approved_on=today - dt.timedelta(weeks=16, days=1)
    )
    response = worker_client.get(reverse("permanence:households"))
    flags = {
        h.name: (h.status, h.is_due_soon, h.temporary_approval_ends_on)
        for h in response.context["households"]
    }
    assert flags == {
        "The Ahmed household": ("temporary", True, today + dt.timedelta(days=10)),
        "The Okafor household": ("temporary_expired", False, today - dt.timedelta(days=1)),
    }
    assert (response.context["expired"], response.context["due_soon"]) == (1, 1)
    html = response.content.decode()
    assert "Overdue" in html and "Due within 14 days" in html


def test_the_household_list_does_not_grow_in_queries(worker_client):
    counts = []
    for size in (1, 4):
        for number in range(size):
            services.add_household(
                name=f"Household {size}-{number}",
                postcode="WN1 1AA",
                kind="mainstream",
                carers=[("Amy", "Bell"), ("Joe", "Bell")],
            )
        with CaptureQueriesContext(connection) as queries:
            worker_client.get(reverse("permanence:households"))
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_a_manager_approves_and_the_history_shows_it(manager_client, manager, okafors):
    manager_client.post(
        url("permanence:household-temporary-approval", okafors),
        post_data(approved_on=D(2026, 8, 3)),
    )
    manager_client.post(
        url("permanence:household-extension", okafors),
        post_data(extended_on=D(2026, 11, 16), reason="Medical report awaited"),
    )
    response = manager_client.post(
        url("permanence:household-approval", okafors),
        post_data(panel_on=D(2026, 11, 18), approved_on=D(2026, 11, 20), terms="One named child"),
    )
    assert response.status_code == 302
    page = manager_client.get(url("permanence:household", okafors))
    assert [(s["on"], s["title"]) for s in page.context["history"]] == [
        (D(2026, 8, 3), "Temporarily approved as a connected person"),
        (D(2026, 11, 16), "Temporary approval extended by 8 weeks"),
        (D(2026, 11, 18), "Fostering panel"),
        (D(2026, 11, 20), "Approved"),
    ]
    assert page.context["status"] == "approved"


def test_an_extension_without_a_reason_is_refused_on_the_page(manager_client, okafors):
    services.grant_temporary_approval(household=okafors, approved_on=D(2026, 8, 3))
    response = manager_client.post(
        url("permanence:household-extension", okafors), post_data(extended_on=D(2026, 11, 16))
    )
    assert_refused(
        response, "reason", "Say why the assessment is not complete and the approval is extended"
    )
    okafors.refresh_from_db()
    assert okafors.temporary_extended_on is None


def test_an_extension_made_in_time_is_recorded_after_the_approval_ran_out(
    manager_client, okafors, today
):
    # The extension was decided two weeks ago, a week before the 16 weeks ran out, but is only
    # being recorded now: the page still offers it, and the service checks its date.
    services.grant_temporary_approval(household=okafors, approved_on=today - dt.timedelta(weeks=17))
    page = manager_client.get(url("permanence:household", okafors))
    assert page.context["status"] == "temporary_expired"
    assert url("permanence:household-extension", okafors) in page.content.decode()
    response = manager_client.post(
        url("permanence:household-extension", okafors),
        post_data(extended_on=today - dt.timedelta(weeks=2), reason="Medical report awaited"),
    )
    assert response.status_code == 302
    page = manager_client.get(url("permanence:household", okafors))
    assert (page.context["status"], page.context["household"].temporary_approval_ends_on) == (
        "temporary",
        today + dt.timedelta(weeks=7),
    )
    assert url("permanence:household-extension", okafors) not in page.content.decode()


def test_training_and_development_plan_through_the_pages(worker_client, okafors):
    ruth = okafors.carers.get(first_name="Ruth")
    response = worker_client.post(
        url("permanence:household-training-create", okafors),
        post_data(
            course="Safer caring", carer=str(ruth.pk), completed_on=D(2026, 10, 1), hours="x"
        ),
    )
    assert_refused(response, "hours", "Enter the hours as a whole number from 1 to 200")
    worker_client.post(
        url("permanence:household-training-create", okafors),
        post_data(
            course="Safer caring", carer=str(ruth.pk), completed_on=D(2026, 10, 1), hours="6"
        ),
    )
    worker_client.post(
        url("permanence:household-goal-create", okafors),
        post_data(
            goal="Complete the Training, Support and Development Standards", due_on=D(2027, 3, 1)
        ),
    )
    page = worker_client.get(url("permanence:household", okafors))
    assert [(t.course, t.carer, t.hours) for t in page.context["training"]] == [
        ("Safer caring", ruth, 6)
    ]
    assert [g.due_on for g in page.context["goals"]] == [D(2027, 3, 1)]
