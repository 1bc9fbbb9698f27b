"""The demo authority's complaints: a year of them at a metropolitan borough's rate, about one
for every 70 children (about 100 for the medium authority, ten for the small one), recorded by
the demo's complaints manager through the services once the journey is loaded
(docs/complaints.md). Each is about a child whose case is held, and the team that holds it.

The first fifteen follow one course each, so that even the small authority shows every status
of both duties: answered in time, late, extended, still due, overdue, withdrawn before and after
its deadline, escalated to stage 2 (answered in time, extended, late, still due, overdue,
withdrawn before and after its deadline) and to a review panel. The rest follow the
same courses at the rates below. All names and words are synthetic.
"""

import datetime as dt
import random

from django.db.models import Q

from kinfolk.access.roles import Role
from kinfolk.complaints import services
from kinfolk.complaints.models import Complaint, ComplaintTheme
from kinfolk.core.working_days import add_working_days
from kinfolk.demo import names
from kinfolk.people.models import Child
from kinfolk.workforce.models import Allocation, User

CHILDREN_PER_COMPLAINT = 70
#: The courses a complaint takes, and how often beyond the first ten.
COURSES = {
    "in_time": 40,
    "late": 12,
    "extended": 10,
    "due": 6,
    "overdue": 6,
    "withdrawn_early": 4,
    "withdrawn_late": 3,
    "stage_2": 10,
    "stage_2_extended": 4,
    "stage_3": 5,
    "stage_2_late": 3,
    "stage_2_due": 2,
    "stage_2_overdue": 2,
    "stage_2_withdrawn": 1,
    "stage_2_withdrawn_late": 1,
}
#: The courses that go on to stage 2.
STAGE_2_COURSES = {course for course in COURSES if course.startswith("stage_")}
#: How long before the end of the year each course's complaint was received (days).
RECEIVED_DAYS_AGO = {
    "due": (0, 5),
    "overdue": (25, 60),
    "stage_2": (100, 365),
    "stage_2_extended": (200, 365),
    "stage_3": (220, 365),
    "stage_2_late": (150, 365),
    "stage_2_due": (35, 45),
    "stage_2_overdue": (120, 200),
    "stage_2_withdrawn": (120, 365),
    "stage_2_withdrawn_late": (120, 365),
    "late": (60, 365),
}
COMPLAINANTS = {"parent": 45, "child": 20, "carer": 15, "other": 20}
COMPLAINTS = [
    "Nobody returned my calls for two weeks.",
    "The visit was cancelled without telling us.",
    "I was not told that the review had moved.",
    "The plan was changed without asking me.",
    "My contact with my brother keeps being cancelled.",
    "The worker changed again and nobody explained why.",
    "The assessment has taken months.",
    "The letter had the wrong details about my family.",
]
RESPONSES = [
    "We are sorry. The team will call back within two working days from now on.",
    "We looked at the records and the decision was made properly; we explained it in a meeting.",
    "We agree the change should have been explained, and have apologised.",
]
LEARNING = "Tell families in writing when a meeting moves, and why."
ACTIONS = [
    "Send a letter to the family when a review or visit moves",
    "Discuss the complaint in team meeting",
    "Check the contact plan with the child",
]


def record_demo_complaints(*, as_of: dt.date, seed: str) -> int:
    """Record the demo's complaints; return how many."""
    manager = User.objects.filter(role=Role.COMPLAINTS_MANAGER).order_by("pk").first()
    themes = list(ComplaintTheme.objects.filter(is_active=True).order_by("name"))
    if manager is None or not themes or Complaint.objects.exists():
        return 0
    allocations = list(
        Allocation.objects.filter(Q(end_on__isnull=True) | Q(end_on__gte=as_of))
        .filter(worker__role=Role.SOCIAL_WORKER, child__date_of_death__isnull=True)
        .select_related("child", "worker", "team")
        .order_by("child__la_child_id", "pk")
    )
    count = max(len(COURSES), round(Child.objects.count() / CHILDREN_PER_COMPLAINT))
    if not allocations:
        return 0
    chooser = random.Random(f"{seed}:complaints")
    # The first courses go to cases held for a year or more, so that each complaint is received
    # when its course needs (a complaint is never older than the case it is about).
    year_ago = as_of - dt.timedelta(days=365)
    held_long = [allocation for allocation in allocations if allocation.start_on <= year_ago]
    chosen = chooser.sample(held_long, min(len(COURSES), len(held_long)))
    taken = {allocation.pk for allocation in chosen}
    others = [allocation for allocation in allocations if allocation.pk not in taken]
    chosen += chooser.sample(others, min(max(count - len(chosen), 0), len(others)))
    first = list(COURSES)
    for number, allocation in enumerate(chosen):
        course = (
            first[number]
            if number < len(first)
            else chooser.choices(list(COURSES), weights=list(COURSES.values()))[0]
        )
        _complaint(chooser, course, allocation, manager, themes, as_of)
    return len(chosen)


def _complaint(
    chooser: random.Random,
    course: str,
    allocation: Allocation,
    manager: User,
    themes: list[ComplaintTheme],
    as_of: dt.date,
) -> None:
    low, high = RECEIVED_DAYS_AGO.get(course, (30, 365))
    received_on = as_of - dt.timedelta(days=chooser.randint(low, high))
    received_on = max(received_on, allocation.start_on)
    complainant = chooser.choices(list(COMPLAINANTS), weights=list(COMPLAINANTS.values()))[0]
    child = allocation.child
    if complainant == "child":
        name = child.full_name
    else:
        heritage = chooser.choice(list(names.SURNAMES))
        name = f"{chooser.choice(names.GIVEN_NAMES['british']['F'])} {child.last_name}"
        if complainant == "other":
            name = f"{chooser.choice(names.GIVEN_NAMES['british']['M'])} "
            name += chooser.choice(names.SURNAMES[heritage])
    advocacy = {}
    if complainant == "child":
        accepted = chooser.random() < 0.6
        advocacy = {
            "is_advocate_offered": True,
            "advocate_offered_on": received_on,
            "is_advocate_accepted": accepted,
            "advocate_name": "Advocacy service (synthetic)" if accepted else "",
        }
    complaint = services.record_complaint(
        child=child,
        received_on=received_on,
        complainant=complainant,
        complainant_name=name,
        complainant_contact="01942 000000 (synthetic)",
        team=allocation.team,
        theme=chooser.choice(themes),
        summary=chooser.choice(COMPLAINTS),
        handled_by=manager,
        **advocacy,
    )

    def on(day: dt.date) -> dt.date | None:
        return day if day <= as_of else None

    if course == "due":
        return
    if course == "overdue":
        return
    if course in ("withdrawn_early", "withdrawn_late"):
        after = 5 if course == "withdrawn_early" else 13
        day = on(add_working_days(received_on, after))
        if day:
            services.withdraw_complaint(
                complaint=complaint, withdrawn_on=day, reason="The family said it was resolved."
            )
        return
    extended = course == "extended" or (course != "late" and chooser.random() < 0.1)
    if extended and (day := on(add_working_days(received_on, 6))):
        services.extend_stage(
            complaint=complaint, stage=1, extended_on=day, reason="The worker was on leave."
        )
    limit = 20 if extended else 10
    late = course == "late"
    answered = on(add_working_days(received_on, limit + 4 if late else chooser.randint(5, limit)))
    if answered is None:
        return
    outcome = chooser.choice(["upheld", "partly_upheld", "not_upheld"])
    services.record_response(
        complaint=complaint,
        stage=1,
        responded_on=answered,
        outcome=outcome,
        response=chooser.choice(RESPONSES),
    )
    _learning(chooser, complaint, allocation, answered, outcome, as_of)
    if course not in STAGE_2_COURSES:
        return
    _stage_2(chooser, course, complaint, answered, as_of)


def _stage_2(
    chooser: random.Random, course: str, complaint: Complaint, answered: dt.date, as_of: dt.date
) -> None:
    requested = answered + dt.timedelta(
        days=5 if course == "stage_2_due" else chooser.randint(5, 20)
    )
    if requested > as_of:
        return
    services.escalate_complaint(
        complaint=complaint,
        stage=2,
        requested_on=requested,
        investigator="Investigating officer (synthetic)",
        independent_person="Independent person (synthetic)",
    )
    limit = 25
    if course == "stage_2_extended" and (day := _not_after(add_working_days(requested, 20), as_of)):
        services.extend_stage(
            complaint=complaint, stage=2, extended_on=day, reason="Records from health awaited."
        )
        limit = 65
    if course in ("stage_2_due", "stage_2_overdue"):
        return
    if course in ("stage_2_withdrawn", "stage_2_withdrawn_late"):
        after = 10 if course == "stage_2_withdrawn" else 30
        if day := _not_after(add_working_days(requested, after), as_of):
            services.withdraw_complaint(
                complaint=complaint, withdrawn_on=day, reason="The family met the manager."
            )
        return
    after = limit + 5 if course == "stage_2_late" else chooser.randint(15, limit)
    answered_2 = _not_after(add_working_days(requested, after), as_of)
    if answered_2 is None:
        return
    services.record_response(
        complaint=complaint,
        stage=2,
        responded_on=answered_2,
        outcome=chooser.choice(["upheld", "partly_upheld", "not_upheld"]),
        response="The investigation's findings were sent to the family.",
    )
    if course != "stage_3":
        return
    asked = answered_2 + dt.timedelta(days=chooser.randint(5, 15))
    if asked > as_of:
        return
    panel = add_working_days(asked, chooser.randint(20, 32))
    services.escalate_complaint(complaint=complaint, stage=3, requested_on=asked, panel_on=panel)
    if panel < as_of:
        services.record_response(
            complaint=complaint,
            stage=3,
            responded_on=_not_after(add_working_days(panel, 10), as_of) or panel,
            outcome=chooser.choice(["partly_upheld", "not_upheld"]),
            response="The panel's recommendations and the authority's answer were sent.",
        )


def _not_after(day: dt.date, as_of: dt.date) -> dt.date | None:
    return day if day <= as_of else None


def _learning(
    chooser: random.Random,
    complaint: Complaint,
    allocation: Allocation,
    answered: dt.date,
    outcome: str,
    as_of: dt.date,
) -> None:
    if outcome == "not_upheld" or chooser.random() < 0.4:
        return
    services.record_learning(complaint=complaint, learning=LEARNING)
    due_on = answered + dt.timedelta(days=30)
    action = services.add_learning_action(
        complaint=complaint, text=chooser.choice(ACTIONS), owner=allocation.worker, due_on=due_on
    )
    done_on = answered + dt.timedelta(days=chooser.randint(7, 40))
    if done_on <= as_of and chooser.random() < 0.6:
        services.mark_learning_action_done(action=action, done_on=done_on)
