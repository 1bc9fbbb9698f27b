"""The child's Summary page: the sections the apps declare (kinfolk.people.summary), each with
what it shows, and a page whose number of queries does not grow with the child's records."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import make_child, signed_in
from kinfolk.care.models.iro import IROAllocation, IROChangeReason
from kinfolk.care.tests.factories import CareEpisodeFactory, PeriodOfCareFactory, PlacementFactory
from kinfolk.casework.choices import ActionStatus, PlanKind, VisitKind
from kinfolk.casework.models import PlanAction
from kinfolk.casework.tests.factories import (
    ChildInNeedEpisodeFactory,
    PlanFactory,
    VisitFactory,
)
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.duties.models import Duty
from kinfolk.oversight.models import (
    CaseSupervision,
    ManagementDecision,
    SupervisionAction,
    SupervisionSession,
)
from kinfolk.participation.models import IndependentVisitorOffer, ToldHowToComplain
from kinfolk.people.models import Alert
from kinfolk.people.summary import summary_of, summary_sections
from kinfolk.privatefostering.models import Arrangement, SuitabilityCheck
from kinfolk.workforce.models import Allocation


def page_text(client, child) -> str:
    response = client.get(reverse("children:detail", args=[child.pk]))
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def fill(child, *, count: int, today: dt.date, worker, iro) -> None:
    """Records of every kind the Summary page reads, ``count`` of each."""
    Allocation.objects.create(
        child=child, worker=worker, team=worker.team, start_on=dt.date(2025, 1, 6)
    )
    period = PeriodOfCareFactory(child=child, start_on=dt.date(2025, 2, 3))
    episode = ChildInNeedEpisodeFactory(child=child)
    for n in range(count):
        CareEpisodeFactory(
            child=child,
            period=period,
            start_on=period.start_on + dt.timedelta(days=n),
            end_on=None if n == count - 1 else period.start_on + dt.timedelta(days=n + 1),
        )
        PlacementFactory(
            child=child,
            period=period,
            start_on=period.start_on + dt.timedelta(days=n),
            setting_name=f"Carers number {n + 1}",
        )
        Alert.objects.create(
            child=child, kind="other", description=f"Alert {n + 1}", start_on=dt.date(2025, 1, 6)
        )
        plan = PlanFactory(
            child=child,
            episode=episode,
            kind=PlanKind.CHILD_PROTECTION if n == 0 else PlanKind.CHILD_IN_NEED,
            start_on=dt.date(2025, 3, 10),
            end_on=None if n < 2 else dt.date(2025, 3, 20),
            latest_category="NEG",
        )
        PlanAction.objects.create(
            plan=plan,
            description="Walk to school",
            owner=worker,
            due_on=today - dt.timedelta(days=3),
            status=ActionStatus.IN_PROGRESS,
        )
        VisitFactory(
            child=child,
            visited_on=dt.date(2025, 4, 1) + dt.timedelta(days=n),
            kind=VisitKind.CHILD_PROTECTION,
            is_child_seen=True,
            is_seen_alone=n == 0,
        )
        ChronologyEntry.objects.create(
            child=child,
            occurred_on=dt.date(2025, 5, 1) + dt.timedelta(days=n),
            kind="plan",
            summary=f"Significant event {n + 1}",
            detail=f"What happened, number {n + 1}",
            is_significant=True,
        )
        session, _new = SupervisionSession.objects.get_or_create(
            supervisor=iro, worker=worker, held_on=dt.date(2025, 4, 1) + dt.timedelta(days=n)
        )
        case = CaseSupervision.objects.create(
            session=session, child=child, decision=f"Supervision decision {n + 1}"
        )
        SupervisionAction.objects.create(
            case=case, child=child, text=f"Supervision action {n + 1}", owner=worker, due_on=today
        )
        ToldHowToComplain.objects.create(
            child=child,
            told_on=dt.date(2025, 2, 10) + dt.timedelta(days=n),
            told_by="Sam",
            how="app",
        )
        IndependentVisitorOffer.objects.create(
            child=child,
            offered_on=dt.date(2025, 2, 20) + dt.timedelta(days=n),
            offered_by="Sam",
            answer="accepted",
        )
        ManagementDecision.objects.create(
            child=child,
            decided_on=dt.date(2025, 3, 1) + dt.timedelta(days=n),
            decided_by=iro,
            decision=f"Management decision {n + 1}",
            rationale="Why",
        )
        Duty.objects.create(
            child=child,
            rule="cp-visit-10wd",
            key=f"visit:{n}",
            trigger_on=today - dt.timedelta(days=30),
            due_on=today - dt.timedelta(days=2 + n),
        )
        Duty.objects.create(
            child=child,
            rule="cla-review-6m",
            key=f"review:{n}",
            trigger_on=today,
            due_on=today + dt.timedelta(days=20 + n),
        )
    Duty.objects.create(
        child=child,
        rule="cp-review-6m",
        key="cp-review",
        trigger_on=today,
        due_on=today + dt.timedelta(days=10),
    )
    IROAllocation.objects.create(
        child=child, iro=iro, start_on=period.start_on, reason=IROChangeReason.FIRST
    )
    arrangement = Arrangement.objects.create(
        child=child,
        began_on=dt.date(2025, 2, 3),
        notified_on=dt.date(2025, 2, 3),
        notified_by="school",
        carer_name="Jo Example",
    )
    for n in range(count):
        VisitFactory(
            child=child,
            visited_on=dt.date(2025, 2, 5) + dt.timedelta(days=n),
            kind=VisitKind.PRIVATE_FOSTERING,
            is_child_seen=True,
        )
        SuitabilityCheck.objects.create(
            arrangement=arrangement, kind="health", checked_on=dt.date(2025, 2, 4), result="clear"
        )


def test_every_app_declares_its_section():
    assert [code for code, _ in sorted(summary_sections.items(), key=lambda i: i[1].order)] == [
        "case",
        "duties",
        "care",
        "worker-changes",
        "plans",
        "oversight",
        "registers",
        "private-fostering",
        "last-visit",
        "participation",
        "significant-events",
    ]


def test_each_section_shows_what_it_reads(social_worker, reviewing_officer, today):
    child = make_child(la_child_id="S1")
    fill(child, count=3, today=today, worker=social_worker, iro=reviewing_officer)

    sections = {s.code: s.context for s in summary_of(child, social_worker, today)}

    assert sections["case"]["allocation"].worker == social_worker
    assert [a.description for a in sections["case"]["alerts"]] == ["Alert 3", "Alert 2", "Alert 1"]
    care = sections["care"]
    assert (care["episode"].legal_status, care["placement"].setting_name) == (
        "C2",
        "Carers number 3",
    )
    assert care["iro"].iro == reviewing_officer
    assert (care["next_review"].due_on, care["is_review_overdue"]) == (
        today + dt.timedelta(days=20),
        False,
    )
    plans = sections["plans"]["plans"]
    assert [(p.kind, p.overdue_actions) for p in plans] == [("cp", 1), ("cin", 1)]
    assert plans[0].next_review.due_on == today + dt.timedelta(days=10)
    assert plans[1].next_review is None
    visit = sections["last-visit"]
    assert (visit["visit"].visited_on, visit["visit"].is_seen_alone) == (dt.date(2025, 4, 3), False)
    assert visit["seen_alone"].visited_on == dt.date(2025, 4, 1)
    duties = sections["duties"]
    assert [d.due_on for d in duties["overdue"]] == [
        today - dt.timedelta(days=d) for d in (4, 3, 2)
    ]
    assert [d.rule for d in duties["key_dates"]] == ["cp-review-6m"] + ["cla-review-6m"] * 3
    oversight = sections["oversight"]
    assert oversight["supervision"].decision == "Supervision decision 3"
    assert oversight["decision"].decision == "Management decision 3"
    assert oversight["last_oversight_on"] == dt.date(2025, 4, 3)
    assert [a.text for a in oversight["actions"]] == [f"Supervision action {n}" for n in (1, 2, 3)]
    participation = sections["participation"]
    assert participation["told"].told_on == dt.date(2025, 2, 12)
    assert participation["offer"].offered_on == dt.date(2025, 2, 22)
    fostering = sections["private-fostering"]
    assert fostering["arrangement"].carer_name == "Jo Example"
    # Six weeks after the last private fostering visit at which the child was seen.
    assert fostering["next_visit_due"] == dt.date(2025, 3, 21)
    assert [e.summary for e in sections["significant-events"]["entries"]] == [
        "Significant event 3",
        "Significant event 2",
        "Significant event 1",
        "Born",
    ]


def test_the_page_reads_as_an_at_a_glance_view(social_worker, reviewing_officer, today):
    child = make_child(la_child_id="S1")
    fill(child, count=1, today=today, worker=social_worker, iro=reviewing_officer)

    text = page_text(signed_in(social_worker), child)

    assert (
        'Allocated worker</dt> <dd class="govuk-summary-list__value">Sam Social, Assessment North'
        in text
    )
    assert "Full care order" in text
    assert "Carers number 1" in text
    assert (
        f'Independent reviewing officer</dt> <dd class="govuk-summary-list__value">{reviewing_officer.display_name}</dd>'
        in text
    )
    assert "Child protection plan</dt>" in text
    assert "Since 10 March 2025, neglect" in text
    assert "1 action overdue" in text
    assert "Yes, and seen alone" in text
    assert "Visit and see the child (child protection plan)</a>, due" in text
    assert "<strong>Significant event 1</strong>" in text
    assert "What happened, number 1" in text


def test_a_child_with_no_casework_has_a_plain_summary(social_worker, today):
    child = make_child(la_child_id="S0")
    codes = [s.code for s in summary_of(child, social_worker, today)]
    assert codes == ["case", "duties", "plans", "oversight", "last-visit", "significant-events"]
    text = page_text(signed_in(social_worker), child)
    assert "Not allocated" in text
    assert "Nothing is overdue." in text
    assert "No child in need or child protection plan is open." in text
    assert "No visit recorded." in text
    assert "Legal status and placement" not in text


def test_the_summary_s_queries_do_not_grow_with_the_records(
    social_worker, reviewing_officer, today
):
    one = make_child(la_child_id="S1")
    many = make_child(la_child_id="S40", first_name="Noah", last_name="Jones")
    fill(one, count=1, today=today, worker=social_worker, iro=reviewing_officer)
    fill(many, count=40, today=today, worker=social_worker, iro=reviewing_officer)
    client = signed_in(social_worker)
    page_text(client, one)  # the first page of a session reads what later pages need not
    counts = []
    for child in (one, many):
        with CaptureQueriesContext(connection) as queries:
            page_text(client, child)
        counts.append(len(queries))
    assert counts[0] == counts[1]
