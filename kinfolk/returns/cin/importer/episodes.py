"""Reading one CINdetails of a census child into journey events: the referral, the
assessments, the child in need plans, the section 47 enquiries with their initial
conferences, the child protection plans with their reviews, and the closure.

The events of one day of one episode are ordered by what must exist before what (``order``):
an enquiry starts before its conference, a plan is made by its conference, a review before the
plan it ends, and the episode closes last.
"""

import datetime as dt
from typing import Any

from kinfolk.core.codes import (
    AssessmentFactor,
    CategoryOfAbuse,
    PrimaryNeed,
    ReasonForClosure,
    ReferralSource,
)
from kinfolk.returns.cin.importer.reader import ChildReader
from kinfolk.returns.cin.importer.reader import line_of as at
from kinfolk.returns.cin.parse import EpisodeData

# The order of events on one day of one episode: what must exist before what.
_REFERRAL, _ASSESSMENT_START, _S47_START, _AUTHORISED, _S47_END = 0, 1, 2, 3, 4
_CP_REVIEW, _CP_END, _CIN_PLAN_END, _ICPC, _CIN_PLAN_START, _CLOSURE = 5, 6, 7, 8, 9, 11


def read_episode(reader: ChildReader, index: int, episode: EpisodeData) -> None:
    """The events of the ``index``-th CINdetails of the child, in the reader."""
    closure = _read_referral(reader, index, episode)
    for number, assessment in enumerate(episode.assessments, start=1):
        _read_assessment(reader, index, number, assessment)
    for plan in episode.child_in_need_plans:
        _read_child_in_need_plan(reader, index, plan)
    plans = _protection_plans_by_start(reader, episode)
    conferences = _read_enquiries(reader, index, episode, plans)
    for start, plan in plans.items():
        _read_protection_plan(reader, index, start, plan, conferences)
    closed, reason = closure
    if closed is not None and reason is not None:
        reader.add(
            closed,
            (index, _CLOSURE),
            {"type": "case_closure", "date": closed, "reason": reason},
            at(episode, "CINclosureDate"),
            "CINclosureDate",
        )


def _read_referral(
    reader: ChildReader, index: int, episode: EpisodeData
) -> tuple[dt.date | None, str | None]:
    """The referral that opens the episode; returns the closure date and reason, checked here
    with the rest of the episode's own items and recorded once everything else is."""
    referral = reader.date(episode.referral_date, at(episode, "CINreferralDate"), "CINreferralDate")
    reader.required(episode.referral_date, at(episode, "CINreferralDate"), "CINreferralDate")
    source = reader.code(
        episode.referral_source, ReferralSource, at(episode, "ReferralSource"), "ReferralSource"
    )
    reader.required(episode.referral_source, at(episode, "ReferralSource"), "ReferralSource")
    need = reader.code(
        episode.primary_need, PrimaryNeed, at(episode, "PrimaryNeedCode"), "PrimaryNeedCode"
    )
    is_nfa = reader.boolean(episode.referral_nfa, at(episode, "ReferralNFA"), "ReferralNFA")
    closed = reader.date(episode.closure_date, at(episode, "CINclosureDate"), "CINclosureDate")
    reason = reader.code(
        episode.closure_reason,
        ReasonForClosure,
        at(episode, "ReasonForClosure"),
        "ReasonForClosure",
    )
    if episode.closure_date and not episode.closure_reason:
        reader.problem(
            at(episode, "ReasonForClosure"),
            "ReasonForClosure",
            "missing: a closed episode needs its reason",
        )
    if episode.closure_reason and not episode.closure_date:
        reader.problem(
            at(episode, "CINclosureDate"), "CINclosureDate", "missing: ReasonForClosure is given"
        )
    if episode.initial_conference_date:
        reader.problem(
            at(episode, "DateOfInitialCPC"),
            "DateOfInitialCPC",
            "an initial conference at episode level, with no Section47 record: Kinfolk records "
            "a conference as the outcome of a section 47 enquiry, and the census does not say "
            "when that enquiry started",
        )
    if referral is not None and source is not None and is_nfa is not None:
        referral_event: dict[str, Any] = {"type": "referral", "date": referral, "source": source}
        if need:
            referral_event["primary_need"] = need
        if is_nfa:
            referral_event["nfa"] = True
        reader.add(
            referral,
            (index, _REFERRAL),
            referral_event,
            at(episode, "CINreferralDate"),
            "CINreferralDate",
        )
    return closed, reason


def _read_assessment(reader: ChildReader, index: int, number: int, assessment: Any) -> None:
    """An assessment started, and authorised with the factors identified; the journey names it
    ``CIN<episode>A<number>`` so that its authorisation finds it."""
    start = reader.date(
        assessment.start_date,
        at(assessment, "AssessmentActualStartDate"),
        "AssessmentActualStartDate",
    )
    reader.required(
        assessment.start_date,
        at(assessment, "AssessmentActualStartDate"),
        "AssessmentActualStartDate",
    )
    authorised = reader.date(
        assessment.authorisation_date,
        at(assessment, "AssessmentAuthorisationDate"),
        "AssessmentAuthorisationDate",
    )
    factors = [
        code
        for position, code in enumerate(assessment.factors)
        if reader.code(
            code,
            AssessmentFactor,
            at(assessment, f"AssessmentFactors[{position}]"),
            "AssessmentFactors",
        )
    ]
    if assessment.authorisation_date and not assessment.factors:
        reader.problem(
            at(assessment, "FactorsIdentifiedAtAssessment"),
            "FactorsIdentifiedAtAssessment",
            "missing: an authorised assessment records the factors identified (21 when none)",
        )
    if assessment.factors and not assessment.authorisation_date:
        reader.problem(
            at(assessment, "AssessmentFactors[0]"),
            "AssessmentFactors",
            "factors on an assessment that is not authorised (no AssessmentAuthorisationDate)",
        )
    if start is None:
        return
    reference = f"CIN{index + 1}A{number}"
    reader.add(
        start,
        (index, _ASSESSMENT_START),
        {"type": "assessment_start", "date": start, "id": reference},
        at(assessment, "AssessmentActualStartDate"),
        "AssessmentActualStartDate",
    )
    if authorised and factors:
        reader.add(
            authorised,
            (index, _AUTHORISED),
            {
                "type": "assessment_authorised",
                "date": authorised,
                "id": reference,
                "factors": factors,
            },
            at(assessment, "AssessmentAuthorisationDate"),
            "AssessmentAuthorisationDate",
        )


def _read_child_in_need_plan(reader: ChildReader, index: int, plan: Any) -> None:
    start = reader.date(plan.start_date, at(plan, "CINPlanStartDate"), "CINPlanStartDate")
    reader.required(plan.start_date, at(plan, "CINPlanStartDate"), "CINPlanStartDate")
    end = reader.date(plan.end_date, at(plan, "CINPlanEndDate"), "CINPlanEndDate")
    if start is None:
        return
    reader.add(
        start,
        (index, _CIN_PLAN_START),
        {"type": "cin_plan_start", "date": start},
        at(plan, "CINPlanStartDate"),
        "CINPlanStartDate",
    )
    if end is not None:
        # A plan ended the day it started ends before a new plan of that day starts.
        order = _CIN_PLAN_END if end > start else _CIN_PLAN_START + 0.5
        reader.add(
            end,
            (index, order),
            {"type": "cin_plan_end", "date": end},
            at(plan, "CINPlanEndDate"),
            "CINPlanEndDate",
        )


def _protection_plans_by_start(reader: ChildReader, episode: EpisodeData) -> dict[dt.date, Any]:
    """The episode's child protection plans by their start date (one plan a day)."""
    plans: dict[dt.date, Any] = {}
    for plan in episode.child_protection_plans:
        start = reader.date(plan.start_date, at(plan, "CPPstartDate"), "CPPstartDate")
        reader.required(plan.start_date, at(plan, "CPPstartDate"), "CPPstartDate")
        if start is not None:
            if start in plans:
                reader.problem(
                    at(plan, "CPPstartDate"), "CPPstartDate", f"two plans start on {start}"
                )
            plans[start] = plan
    return plans


def _read_enquiries(
    reader: ChildReader, index: int, episode: EpisodeData, plans: dict[dt.date, Any]
) -> set[dt.date]:
    """The section 47 enquiries, each with its initial conference (making the plan that starts
    that day) or concluded with no conference needed; returns the days conferences were held."""
    conference_dates: set[dt.date] = set()
    for enquiry in episode.section_47_enquiries:
        start = reader.date(
            enquiry.start_date, at(enquiry, "S47ActualStartDate"), "S47ActualStartDate"
        )
        reader.required(enquiry.start_date, at(enquiry, "S47ActualStartDate"), "S47ActualStartDate")
        held = reader.date(
            enquiry.initial_conference_date, at(enquiry, "DateOfInitialCPC"), "DateOfInitialCPC"
        )
        reader.date(
            enquiry.initial_conference_target, at(enquiry, "InitialCPCtarget"), "InitialCPCtarget"
        )
        not_required = reader.boolean(
            enquiry.initial_conference_not_required,
            at(enquiry, "ICPCnotRequired"),
            "ICPCnotRequired",
        )
        if start is None:
            continue
        reader.add(
            start,
            (index, _S47_START),
            {"type": "s47_start", "date": start},
            at(enquiry, "S47ActualStartDate"),
            "S47ActualStartDate",
        )
        if held is not None:
            conference_dates.add(held)
            _read_initial_conference(reader, index, enquiry, held, plans.get(held))
        elif not_required:
            # The census gives no end date: the earliest it allows is the start, or 1 April
            # for an enquiry begun before the year (it was still open in the year).
            concluded = max(start, reader.year.start)
            reader.add(
                concluded,
                (index, _S47_END),
                {"type": "s47_end", "date": concluded, "icpc_required": False},
                at(enquiry, "ICPCnotRequired"),
                "ICPCnotRequired",
            )
    return conference_dates


def _read_initial_conference(
    reader: ChildReader, index: int, enquiry: Any, held: dt.date, made: Any | None
) -> None:
    """The initial conference of an enquiry, and the plan it made (``made``), if any, with that
    plan's initial category of abuse."""
    icpc: dict[str, Any] = {"type": "icpc", "date": held, "plan": made is not None}
    if made is not None:
        category = reader.code(
            made.initial_category,
            CategoryOfAbuse,
            at(made, "InitialCategoryOfAbuse"),
            "InitialCategoryOfAbuse",
        )
        reader.required(
            made.initial_category,
            at(made, "InitialCategoryOfAbuse"),
            "InitialCategoryOfAbuse",
        )
        if category:
            icpc["category"] = category
    reader.add(held, (index, _ICPC), icpc, at(enquiry, "DateOfInitialCPC"), "DateOfInitialCPC")


def _read_protection_plan(
    reader: ChildReader, index: int, start: dt.date, plan: Any, conferences: set[dt.date]
) -> None:
    """A child protection plan: made at an initial conference of the episode (or before the
    year), then its reviews and its end."""
    if start not in conferences and start < reader.year.start:
        _record_conference_before_the_year(reader, index, start, plan)
        conferences.add(start)
    if start not in conferences:
        reader.problem(
            at(plan, "CPPstartDate"),
            "CPPstartDate",
            f"{start} is not the DateOfInitialCPC of a Section47 record of this episode: a "
            "child protection plan starts at the initial conference that made it",
        )
        return
    end = reader.date(plan.end_date, at(plan, "CPPendDate"), "CPPendDate")
    initial = reader.code(
        plan.initial_category,
        CategoryOfAbuse,
        at(plan, "InitialCategoryOfAbuse"),
        "InitialCategoryOfAbuse",
    )
    latest = reader.code(
        plan.latest_category,
        CategoryOfAbuse,
        at(plan, "LatestCategoryOfAbuse"),
        "LatestCategoryOfAbuse",
    )
    reader.required(
        plan.latest_category, at(plan, "LatestCategoryOfAbuse"), "LatestCategoryOfAbuse"
    )
    if plan.previous_plans is None or not plan.previous_plans.isdigit():
        reader.problem(
            at(plan, "NumberOfPreviousCPP"),
            "NumberOfPreviousCPP",
            f"{plan.previous_plans!r} is not a whole number",
        )
    reviews = _read_reviews(reader, index, plan, end, initial, latest)
    if end is not None and end not in reviews:
        # A plan ended at the conference that made it ends once that conference is held.
        order = _CP_END if end > start else _ICPC + 0.5
        reader.add(
            end,
            (index, order),
            {"type": "cp_plan_end", "date": end},
            at(plan, "CPPendDate"),
            "CPPendDate",
        )


def _record_conference_before_the_year(
    reader: ChildReader, index: int, start: dt.date, plan: Any
) -> None:
    """A plan made before the year: its enquiry and conference are not in this census (rule
    8715), but the conference was held the day the plan started (rule 2885). The enquiry is
    recorded as started that day, the earliest the census allows."""
    category = reader.code(
        plan.initial_category,
        CategoryOfAbuse,
        at(plan, "InitialCategoryOfAbuse"),
        "InitialCategoryOfAbuse",
    )
    reader.add(
        start,
        (index, _S47_START),
        {"type": "s47_start", "date": start},
        at(plan, "CPPstartDate"),
        "CPPstartDate",
    )
    icpc: dict[str, Any] = {"type": "icpc", "date": start, "plan": True}
    if category:
        icpc["category"] = category
    reader.add(start, (index, _ICPC), icpc, at(plan, "CPPstartDate"), "CPPstartDate")


def _read_reviews(
    reader: ChildReader,
    index: int,
    plan: Any,
    end: dt.date | None,
    initial: str | None,
    latest: str | None,
) -> list[dt.date]:
    """The plan's review conferences, in date order; the last gives the latest category of
    abuse when it differs from the initial one, and one held the day the plan ends ends it."""
    review_lines: dict[dt.date, int] = {}
    for position, text in enumerate(plan.review_dates):
        review_line = at(plan, f"CPPreviewDate[{position}]")
        day = reader.date(text, review_line, "CPPreviewDate")
        if day is not None:
            review_lines.setdefault(day, review_line)
    reviews = sorted(review_lines)
    changed = latest is not None and initial is not None and latest != initial
    if changed and not reviews:
        reader.problem(
            at(plan, "LatestCategoryOfAbuse"),
            "LatestCategoryOfAbuse",
            f"{latest} differs from the initial category {initial}, but the plan has no "
            "review: the category changes at a review conference",
        )
    for position, day in enumerate(reviews):
        review: dict[str, Any] = {"type": "cp_review", "date": day, "continue_plan": day != end}
        if changed and position == len(reviews) - 1:
            review["category"] = latest
        reader.add(day, (index, _CP_REVIEW), review, review_lines[day], "CPPreviewDate")
    return reviews
