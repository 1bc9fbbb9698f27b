"""Every statutory timescale Kinfolk watches, in one place (docs/duties.md), by topic:

- ``children_in_need``: screening a contact and authorising an assessment;
- ``protection``: conferences, the core group and visits to a child on a protection plan;
- ``care``: the care plan, looked-after reviews and visits to a child in care;
- ``health``: health assessments, the personal education plan and return interviews;
- ``leaving``: the pathway plan, its reviews and keeping in touch with a care leaver;
- ``oversight``: discussing each open case in case supervision;
- ``allegations``: the LADO's initial consideration of an allegation;
- ``complaints``: the responses at stages 1 and 2 of the complaints procedure;
- ``private_fostering``: visiting a privately fostered child.

Each rule is a class named after its identifier, with its source in its docstring. A rule
turns a child's casework facts (``kinfolk.duties.facts``) into duties: what triggered each
one, when it is due, what completed it and when its context ended. Deadlines are computed with
the rule's timescale (``kinfolk.core.timescales``), never typed in; the values of the rules
marked *local* come from settings. Each rule is declared in the rule registry
(``kinfolk.core.rules``), which the duties engine and the catalogue (docs/rules.md) read.
"""

from kinfolk.core.rules import RuleKind, rules
from kinfolk.duties.facts import ChildCasework
from kinfolk.duties.rules.allegations import LadoInitialConsiderationOneWorkingDay
from kinfolk.duties.rules.base import DutyFact, Rule, Status, status_on
from kinfolk.duties.rules.care import (
    CarePlanTenWorkingDays,
    FirstLookedAfterReview,
    LaterLookedAfterReviews,
    SecondLookedAfterReview,
    VisitEverySixWeeks,
    VisitWithinAWeekOfPlacement,
)
from kinfolk.duties.rules.children_in_need import (
    AssessmentFortyFiveWorkingDays,
    ScreeningOneWorkingDay,
)
from kinfolk.duties.rules.complaints import (
    ComplaintStageOneTenWorkingDays,
    ComplaintStageTwoTwentyFiveWorkingDays,
)
from kinfolk.duties.rules.health import (
    InitialHealthAssessment,
    PersonalEducationPlanTwentyWorkingDays,
    ReturnInterviewSeventyTwoHours,
    ReviewHealthAssessment,
)
from kinfolk.duties.rules.leaving import (
    CareLeaverContactTwoMonths,
    PathwayPlanReviewSixMonths,
    PathwayPlanThreeMonths,
)
from kinfolk.duties.rules.oversight import CaseSupervisionMonthly
from kinfolk.duties.rules.private_fostering import (
    PrivateFosteringFirstVisit,
    PrivateFosteringVisitSixWeeks,
    PrivateFosteringVisitTwelveWeeks,
)
from kinfolk.duties.rules.protection import (
    CoreGroupTenWorkingDays,
    FirstReviewThreeMonths,
    InitialConferenceFifteenWorkingDays,
    ProtectionVisitTenWorkingDays,
    ReviewSixMonths,
)

# The rules, declared in the order docs/duties.md lists them.
for _rule in (
    ScreeningOneWorkingDay(),
    AssessmentFortyFiveWorkingDays(),
    InitialConferenceFifteenWorkingDays(),
    CoreGroupTenWorkingDays(),
    FirstReviewThreeMonths(),
    ReviewSixMonths(),
    ProtectionVisitTenWorkingDays(),
    CarePlanTenWorkingDays(),
    FirstLookedAfterReview(),
    SecondLookedAfterReview(),
    LaterLookedAfterReviews(),
    VisitWithinAWeekOfPlacement(),
    VisitEverySixWeeks(),
    InitialHealthAssessment(),
    ReviewHealthAssessment(),
    PersonalEducationPlanTwentyWorkingDays(),
    ReturnInterviewSeventyTwoHours(),
    PathwayPlanThreeMonths(),
    PathwayPlanReviewSixMonths(),
    CareLeaverContactTwoMonths(),
    CaseSupervisionMonthly(),
    LadoInitialConsiderationOneWorkingDay(),
    ComplaintStageOneTenWorkingDays(),
    ComplaintStageTwoTwentyFiveWorkingDays(),
    PrivateFosteringFirstVisit(),
    PrivateFosteringVisitSixWeeks(),
    PrivateFosteringVisitTwelveWeeks(),
):
    rules.register(_rule.info())

#: The duty rules, as the registry holds them.
RULES: tuple[Rule, ...] = tuple(rules.implementations(RuleKind.DUTY))
RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}


def derive_duties(casework: ChildCasework) -> list[DutyFact]:
    """Every duty of every rule for one child, in a stable order."""
    return sorted(fact for rule in RULES for fact in rule.duties(casework))


__all__ = ["RULES", "RULES_BY_CODE", "DutyFact", "Rule", "Status", "derive_duties", "status_on"]
