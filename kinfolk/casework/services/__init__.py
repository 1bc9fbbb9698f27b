"""Recording child in need work: referrals, assessments, plans, visits and closure.

The invariants that keep the CIN census valid are enforced here, with messages in casework
words: one open episode per child; nothing dated in the future; nothing recorded outside an
open episode or after its closure; no child in need plan overlapping a child protection plan
except on the day one changes into the other; no closure while an assessment or a section 47
enquiry is open.
"""

from kinfolk.casework.services.assessments import (
    ASSESSMENT_AWAITING_AUTHORISATION,
    authorise_assessment,
    decide_assessment,
    find_open_assessment,
    return_assessment,
    save_assessment_draft,
    start_assessment,
    submit_assessment,
)
from kinfolk.casework.services.closures import (
    agree_closure,
    answer_closure_return,
    pending_closure,
    request_closure,
    return_closure,
)
from kinfolk.casework.services.common import (
    check_not_future,
    episode_for_work,
    lock_child,
    open_episode,
)
from kinfolk.casework.services.episodes import close_episode, open_referral
from kinfolk.casework.services.family import record_family_version
from kinfolk.casework.services.notes import (
    add_case_note_addendum,
    correct_case_note,
    correction_refusal,
    record_case_note,
)
from kinfolk.casework.services.plan_sign_off import (
    agree_plan,
    answer_plan_return,
    ask_plan_sign_off,
    pending_plan_sign_off,
    return_plan,
)
from kinfolk.casework.services.plans import (
    CHILD_HAS_OPEN_PLAN,
    CHILD_HAS_OPEN_PLAN_ACTION,
    add_plan_action,
    add_plan_outcome,
    end_child_in_need_plan,
    end_plan_record,
    open_plan,
    record_plan_contingency,
    start_child_in_need_plan,
    update_plan_action,
)
from kinfolk.casework.services.visits import record_visit

__all__ = [
    "ASSESSMENT_AWAITING_AUTHORISATION",
    "CHILD_HAS_OPEN_PLAN",
    "CHILD_HAS_OPEN_PLAN_ACTION",
    "add_case_note_addendum",
    "add_plan_action",
    "add_plan_outcome",
    "agree_closure",
    "agree_plan",
    "answer_closure_return",
    "answer_plan_return",
    "ask_plan_sign_off",
    "authorise_assessment",
    "check_not_future",
    "close_episode",
    "correct_case_note",
    "correction_refusal",
    "decide_assessment",
    "end_child_in_need_plan",
    "end_plan_record",
    "episode_for_work",
    "find_open_assessment",
    "lock_child",
    "open_episode",
    "open_plan",
    "open_referral",
    "pending_closure",
    "pending_plan_sign_off",
    "record_case_note",
    "record_family_version",
    "record_plan_contingency",
    "record_visit",
    "request_closure",
    "return_assessment",
    "return_closure",
    "return_plan",
    "save_assessment_draft",
    "start_assessment",
    "start_child_in_need_plan",
    "submit_assessment",
    "update_plan_action",
]
