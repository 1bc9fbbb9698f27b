"""The child's casework page: the open episode and everything recorded in it.

The page reads the protection records (strategy discussions, section 47 enquiries,
conferences, core groups) through the reverse relations of the child and the episode, and
the assessment deadline from the duties the duties engine derived, so that casework imports
neither (docs/adr/0001-layers.md). Its number of queries does not grow with the history.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from kinfolk.access.policy import P
from kinfolk.casework.choices import ActionStatus, Agency, AssessmentStatus, PlanKind
from kinfolk.casework.models import Assessment, ChildInNeedEpisode, Plan, PlanAction, PlanSignOff
from kinfolk.core.codes import AssessmentFactor
from kinfolk.core.dates import long_date
from kinfolk.core.working_days import working_days_between
from kinfolk.people.views.mixins import ChildRecordMixin

#: The duties engine's rule for the assessment timescale (``kinfolk.duties.rules``): its
#: deadline is read from the stored duty, never computed here.
ASSESSMENT_DUTY = "assessment-45wd"

ACTION_STATUS_COLOURS = {
    ActionStatus.NOT_STARTED: "grey",
    ActionStatus.IN_PROGRESS: "blue",
    ActionStatus.DONE: "green",
    ActionStatus.DROPPED: "grey",
}


@dataclass(frozen=True)
class AssessmentClock:
    """Where an assessment is against its timescale, in working days."""

    working_day: int
    allowed: int | None
    due_on: dt.date | None
    is_late: bool


def assessment_clock(
    assessment: Assessment, due_on: dt.date | None, today: dt.date
) -> AssessmentClock:
    """The working day an assessment has reached (today, or when it was authorised) against
    the deadline the duties engine set for it."""
    end = assessment.authorised_on or today
    allowed = working_days_between(assessment.started_on, due_on) if due_on else None
    return AssessmentClock(
        working_day=working_days_between(assessment.started_on, end),
        allowed=allowed,
        due_on=due_on,
        is_late=due_on is not None and end > due_on,
    )


#: How many of the latest case notes the casework page shows; the chronology has them all.
RECENT_CASE_NOTES = 5


class ChildCaseworkView(ChildRecordMixin, TemplateView):
    """The child's casework: the open episode, its assessments, plans, visits and child
    protection work, previous episodes, and links to record each step possible now."""

    permission = P.VIEW_RECORD

    template_name = "casework/child_casework.html"
    record_label = "Child record: casework"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        episodes = list(
            self.child.cin_episodes.prefetch_related(
                Prefetch("plans", queryset=Plan.objects.order_by("-start_on", "-pk"))
            )
        )
        episode = next((e for e in episodes if e.is_open), None)
        records = self.episode_records(episode, today) if episode else self.no_episode_records()
        context.update(
            today=today,
            episode=episode,
            previous_episodes=[e for e in episodes if not e.is_open],
            next_steps=self.next_steps(episode, records),
            agency_names=dict(Agency.choices),
            case_notes=list(
                self.child.case_notes.select_related("author", "recorded_by").prefetch_related(
                    "addenda"
                )[:RECENT_CASE_NOTES]
            ),
            **records,
        )
        return context

    def no_episode_records(self) -> dict[str, Any]:
        return {
            "assessments": [],
            "plans": [],
            "visits": [],
            "strategy_discussions": self.strategy_discussions(None),
            "enquiries": [],
            "conferences": [],
            "core_groups": [],
        }

    def strategy_discussions(self, episode: ChildInNeedEpisode | None) -> list[Any]:
        """The episode's strategy discussions, and any held while no episode was open."""
        linked = Q(episode__isnull=True)
        if episode is not None:
            linked |= Q(episode=episode)
        discussions = list(
            self.child.strategy_discussions.filter(linked).prefetch_related("actions")
        )
        agencies = dict(Agency.choices)
        for discussion in discussions:
            discussion.agency_names = [agencies.get(a, a) for a in discussion.attendees]
        return discussions

    def episode_records(self, episode: ChildInNeedEpisode, today: dt.date) -> dict[str, Any]:
        assessments = list(episode.assessments.select_related("authorised_by"))
        deadlines = dict(
            self.child.duties.filter(rule=ASSESSMENT_DUTY).values_list("key", "due_on")
        )
        factors = dict(AssessmentFactor.choices)
        for assessment in assessments:
            assessment.factor_names = [factors.get(code, code) for code in assessment.factors]
            assessment.clock = assessment_clock(
                assessment, deadlines.get(f"assessment:{assessment.pk}"), today
            )
        plans = sorted(episode.plans.all(), key=lambda p: (not p.is_open, -p.start_on.toordinal()))
        prefetch_related_objects(
            plans,
            "outcomes",
            Prefetch("actions", queryset=PlanAction.objects.select_related("owner", "outcome")),
            Prefetch(
                "sign_offs",
                queryset=PlanSignOff.objects.select_related("decided_by").order_by(
                    "-requested_at", "-pk"
                ),
            ),
        )
        contingency_url = reverse("casework:contingency-edit", args=[self.child.pk])
        for plan in plans:
            plan.contingency_url = f"{contingency_url}?plan={plan.pk}" if plan.is_open else ""
            plan.latest_sign_off = next(iter(plan.sign_offs.all()), None)
            for action in plan.actions.all():
                action.is_overdue = action.is_overdue_on(today)
                action.status_colour = ACTION_STATUS_COLOURS.get(action.status, "grey")
        return {
            "assessments": assessments,
            "plans": plans,
            "visits": list(episode.visits.select_related("recorded_by")),
            "strategy_discussions": self.strategy_discussions(episode),
            "enquiries": list(episode.section_47_enquiries.select_related("signed_off_by")),
            "conferences": list(episode.conferences.select_related("chair")),
            "core_groups": list(self.child.core_group_meetings.filter(plan__episode=episode)),
        }

    def next_steps(
        self, episode: ChildInNeedEpisode | None, records: dict[str, Any]
    ) -> list[dict[str, str]]:
        """Links to record each step of the casework that is possible now (the page keeps
        those its user may take)."""
        steps: list[dict[str, str]] = []

        def add(name: str, label: str, query: str = "") -> None:
            steps.append({"url": reverse(name, args=[self.child.pk]) + query, "label": label})

        if episode is None:
            add("casework:referral-create", _("Record a referral"))
            add("protection:strategy-discussion-create", _("Record a strategy discussion"))
            return steps
        open_assessments = [a for a in records["assessments"] if a.is_open]
        open_enquiry = next((e for e in records["enquiries"] if e.ended_on is None), None)
        if not episode.is_nfa:
            open_plans = {p.kind: p for p in records["plans"] if p.is_open}
            protection_plan = open_plans.get(PlanKind.CHILD_PROTECTION)
            need_plan = open_plans.get(PlanKind.CHILD_IN_NEED)
            if not open_assessments:
                add("casework:assessment-create", _("Start an assessment"))
            for assessment in open_assessments:
                if assessment.status == AssessmentStatus.SUBMITTED:
                    add(
                        "casework:assessment-authorise",
                        _("Authorise or return the assessment started on %(date)s")
                        % {"date": long_date(assessment.started_on)},
                        f"?assessment={assessment.pk}",
                    )
                else:
                    steps.append(
                        {
                            "url": reverse("casework:assessment-draft", args=[self.child.pk])
                            + f"?assessment={assessment.pk}",
                            "label": _("Draft the assessment started on %(date)s")
                            % {"date": long_date(assessment.started_on)},
                        }
                    )
            authorised = any(a.authorised_on for a in records["assessments"])
            if need_plan is None and protection_plan is None and authorised:
                add("casework:child-in-need-plan-create", _("Start a child in need plan"))
            if need_plan is not None:
                add("casework:child-in-need-plan-end", _("End the child in need plan"))
            add("casework:visit-create", _("Record a visit"))
            add("protection:strategy-discussion-create", _("Record a strategy discussion"))
            if open_enquiry is None:
                add("protection:section-47-create", _("Start a section 47 enquiry"))
            else:
                add("protection:section-47-end", _("Record the outcome of the section 47 enquiry"))
            conferenced = {c.enquiry_id for c in records["conferences"] if c.enquiry_id}
            # The enquiry's outcome comes before its conference (docs/child-protection-meetings.md).
            awaiting_conference = any(
                e.is_conference_required and e.pk not in conferenced for e in records["enquiries"]
            )
            if awaiting_conference and protection_plan is None:
                add(
                    "protection:initial-conference-create",
                    _("Record the initial child protection conference"),
                )
            if protection_plan is not None:
                if not protection_plan.contingency:
                    add(
                        "casework:contingency-edit",
                        _("Record the contingency of the child protection plan"),
                        f"?plan={protection_plan.pk}",
                    )
                add("protection:core-group-create", _("Record a core group meeting"))
                add(
                    "protection:review-conference-create",
                    _("Record a review child protection conference"),
                )
                add("protection:child-protection-plan-end", _("End the child protection plan"))
        if not open_assessments and open_enquiry is None:
            add("casework:episode-close", _("Close the case"))
        return steps
