"""Recording a child's time in care, one module a topic: ``episodes`` (starting and ending
care, legal status) and ``placements`` (moves, approval of unregistered settings);
``proceedings`` (pre-proceedings and care proceedings); ``plans`` (care plans), ``reviews``
(looked-after reviews, IRO challenges, statutory visits), ``iro`` (the child's independent
reviewing officer) and ``family`` (family time, life-story work); ``health``, ``education``
(PEPs), ``missing`` (missing episodes and exploitation) and ``uasc``."""

from kinfolk.care.services.education import (
    rate_pep,
    record_pep,
)
from kinfolk.care.services.episodes import (
    change_legal_status,
    end_care,
    period_on,
    start_care,
)
from kinfolk.care.services.family import (
    add_life_story_decision,
    record_family_time,
    review_family_time_risk,
    update_life_story_work,
)
from kinfolk.care.services.health import (
    ActionInput,
    add_health_plan_action,
    complete_health_plan_action,
    record_conviction,
    record_dental_check,
    record_development_check,
    record_health_assessment,
    record_immunisations,
    record_sdq,
    record_substance_misuse,
)
from kinfolk.care.services.iro import (
    allocate_iro,
    end_iro_allocation,
)
from kinfolk.care.services.missing import (
    end_missing_episode,
    offer_return_interview,
    record_return_interview,
    screen_for_exploitation,
    start_missing_episode,
    strategy_discussion_warning,
)
from kinfolk.care.services.placements import (
    approve_unregistered_placement,
    change_placement,
)
from kinfolk.care.services.plans import (
    Objective,
    record_care_plan,
)
from kinfolk.care.services.proceedings import (
    conclude_care_proceedings,
    end_pre_proceedings,
    issue_care_proceedings,
    plo_alert_weeks,
    record_hearing,
    record_legal_gateway,
    record_pre_proceedings_meeting,
    send_letter_before_proceedings,
)
from kinfolk.care.services.reviews import (
    Decision,
    complete_review_decision,
    raise_iro_challenge,
    record_care_visit,
    record_review,
    record_review_minutes,
    resolve_iro_challenge,
)
from kinfolk.care.services.uasc import (
    end_uasc,
    start_uasc,
)

__all__ = [
    "ActionInput",
    "Decision",
    "Objective",
    "add_health_plan_action",
    "add_life_story_decision",
    "allocate_iro",
    "approve_unregistered_placement",
    "change_legal_status",
    "change_placement",
    "complete_health_plan_action",
    "complete_review_decision",
    "conclude_care_proceedings",
    "end_care",
    "end_iro_allocation",
    "end_missing_episode",
    "end_pre_proceedings",
    "end_uasc",
    "issue_care_proceedings",
    "offer_return_interview",
    "period_on",
    "plo_alert_weeks",
    "raise_iro_challenge",
    "rate_pep",
    "record_care_plan",
    "record_care_visit",
    "record_conviction",
    "record_dental_check",
    "record_development_check",
    "record_family_time",
    "record_health_assessment",
    "record_hearing",
    "record_immunisations",
    "record_legal_gateway",
    "record_pep",
    "record_pre_proceedings_meeting",
    "record_return_interview",
    "record_review",
    "record_review_minutes",
    "record_sdq",
    "record_substance_misuse",
    "resolve_iro_challenge",
    "review_family_time_risk",
    "screen_for_exploitation",
    "send_letter_before_proceedings",
    "start_care",
    "start_missing_episode",
    "start_uasc",
    "strategy_discussion_warning",
    "update_life_story_work",
]
