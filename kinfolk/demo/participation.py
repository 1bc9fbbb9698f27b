"""The demo authority's voice and participation (docs/participation.md), recorded through the
participation services once the journey is loaded: the journey format has no events for them.

Of the children in care on the as-of date, taken in the order of their IDs: most were told
how to complain (every seventh was not); most were offered an independent visitor (every
fifth was not), some declined, some are thinking about it, some wait for a match and some are
matched; every fourth was referred to advocacy. Disabled young people of 14 to 17 have a
transition plan every other one. The children in care council held ten consultations over
the last year (those of a demo loaded before are replaced). The demo has no unaccompanied asylum-seeking children, so no asylum details.
"""

import datetime as dt

from django.utils import timezone

from kinfolk.care.models import PeriodOfCare
from kinfolk.core.codes import Disability
from kinfolk.core.working_days import add_months
from kinfolk.participation import services
from kinfolk.participation.choices import AdvocacyReason
from kinfolk.participation.models import AdvocacyTheme, Consultation
from kinfolk.people.models import Child

SERVICES = ("Speak Up Advocacy (synthetic)", "Young Voices Advocacy (synthetic)")
REASONS = [r for r in AdvocacyReason.values if r != AdvocacyReason.OTHER]
TOPICS = [
    (
        "Pocket money",
        "It does not go far enough for the bus and lunch.",
        "Raised pocket money by a tenth.",
    ),
    (
        "Contact with brothers and sisters",
        "We want to see each other more, not only at contact centres.",
        "Family time plans now ask where the children want to meet.",
    ),
    (
        "Reviews",
        "Reviews feel like meetings about us, not with us.",
        "Children now choose the venue and chair part of the review.",
    ),
    (
        "Moving placement",
        "We are told about moves at the last minute.",
        "A move now has a week's notice except in an emergency.",
    ),
    (
        "School",
        "Teachers do not know what being in care means.",
        "The virtual school trained every designated teacher.",
    ),
    (
        "Social workers changing",
        "We have to tell our story again and again.",
        "A handover visit with the old and new worker is now expected.",
    ),
    (
        "Health checks",
        "Health assessments are at school and everyone knows.",
        "Assessments are now offered at home or the clinic.",
    ),
    (
        "Leaving care",
        "We do not know what help we get at 18.",
        "The local offer was rewritten with the council.",
    ),
    (
        "Bedrooms",
        "We cannot choose how our rooms look.",
        "Every new placement has a budget for the child's room.",
    ),
    ("Activities", "Clubs cost too much.", "A leisure pass is now given to every child in care."),
]
ASPIRATIONS = [
    "To go to the local college and live with friends.",
    "To work with animals and live near family.",
    "To have a supported flat and a part-time job.",
]


def record_demo_participation(as_of: dt.date) -> int:
    """Record the demo's participation, and return how many children it touched."""
    as_of = min(as_of, timezone.localdate())
    # A demo loaded in place of another replaces its council's log too: the consultations
    # belong to no child, so removing the children leaves them behind.
    Consultation.objects.filter(
        topic__in=[topic for topic, _said, _did in TOPICS], recorded_by__isnull=True
    ).delete()
    periods = list(
        PeriodOfCare.objects.filter(end_on__isnull=True, start_on__lte=as_of)
        .select_related("child")
        .order_by("child__la_child_id")
    )
    themes = list(AdvocacyTheme.objects.filter(is_active=True))

    def day(start: dt.date, days: int) -> dt.date:
        return min(start + dt.timedelta(days=days), as_of)

    for i, period in enumerate(periods):
        child, start = period.child, period.start_on
        if i % 7 != 3:
            services.record_told_how_to_complain(
                child=child,
                told_on=day(start, 14),
                told_by="Social worker",
                how=("in_person", "leaflet", "app")[i % 3],
            )
        kind = i % 5
        if kind:
            offered = day(start, 30)
            answer = {1: "declined", 2: "thinking"}.get(kind, "accepted")
            offer = services.offer_independent_visitor(
                child=child, offered_on=offered, offered_by="Social worker", answer=answer
            )
            matched = offered + dt.timedelta(days=60)
            if kind == 4 and matched <= as_of:
                services.match_independent_visitor(
                    offer=offer,
                    visitor_name=f"Volunteer {i + 1} (synthetic)",
                    matched_on=matched,
                    first_visit_on=day(matched, 14),
                )
        if i % 4 == 0:
            referred = day(start, 45)
            referral = services.refer_to_advocacy(
                child=child,
                referred_on=referred,
                reason=REASONS[i // 4 % len(REASONS)],
                service=SERVICES[i % 2],
            )
            if themes:
                services.record_advocacy(
                    referral=referral,
                    started_on=day(referred, 7),
                    themes=[themes[i % len(themes)], themes[(i + 3) % len(themes)]],
                    themes_text="Wants more say in the plan.",
                )
    _plans(as_of)
    _consultations(as_of, [p.child for p in periods])
    return len(periods)


def _plans(as_of: dt.date) -> None:
    young = (
        Child.objects.filter(
            date_of_birth__lte=add_months(as_of, -14 * 12),
            date_of_birth__gt=add_months(as_of, -18 * 12),
            date_of_death__isnull=True,
            disabilities__isnull=False,
        )
        .exclude(disabilities__code=Disability.NONE)
        .distinct()
        .order_by("la_child_id")
    )
    for i, child in enumerate(young):
        if i % 2:
            continue
        assert child.date_of_birth is not None
        started = max(add_months(child.date_of_birth, 14 * 12), add_months(as_of, -10))
        services.start_transition_plan(
            child=child,
            started_on=min(started, as_of),
            adult_services="Adult social care transitions team; the college's learning support",
            aspirations=ASPIRATIONS[i // 2 % len(ASPIRATIONS)],
            next_review_on=add_months(min(started, as_of), 6),
        )


def _consultations(as_of: dt.date, children: list[Child]) -> None:
    old_enough = [c for c in children if (c.age_on(as_of) or 0) >= 8]
    for n, (topic, said, did) in enumerate(TOPICS):
        held = add_months(as_of, -(11 - n))
        fed_back = held + dt.timedelta(days=28)
        named = old_enough[n % max(len(old_enough), 1) :][:4] if old_enough else []
        services.record_consultation(
            held_on=held,
            topic=topic,
            children_said=said,
            council_did=did if fed_back <= as_of else "",
            action_by="Head of service" if fed_back <= as_of else "",
            fed_back_on=fed_back if fed_back <= as_of else None,
            participants=[c for c in named if c.age_on(held) is not None],
            counts={"11_15": 2 + n % 3, "16_17": 1 + n % 2},
        )
