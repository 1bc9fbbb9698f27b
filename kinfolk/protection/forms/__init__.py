"""Forms for recording child protection work (docs/child-protection-meetings.md)."""

from kinfolk.protection.forms.meetings import (
    CoreGroupForm,
    InitialConferenceForm,
    MinutesReviewForm,
    ReviewConferenceForm,
    Section47EndForm,
    Section47StartForm,
    StrategyActionDoneForm,
    StrategyDiscussionForm,
)

__all__ = [
    "CoreGroupForm",
    "InitialConferenceForm",
    "MinutesReviewForm",
    "ReviewConferenceForm",
    "Section47EndForm",
    "Section47StartForm",
    "StrategyActionDoneForm",
    "StrategyDiscussionForm",
]
