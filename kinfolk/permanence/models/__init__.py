"""The permanence app's models: adoption decisions and matches, previous permanence, special
guardianship and long-term fostering matches (``adoption``); fostering households, their
approval, development plans and training logs (``fostering``)."""

from kinfolk.permanence.models.adoption import (
    AdoptionDecision,
    AdoptionMatch,
    PermanenceMatch,
    PreviousPermanence,
)
from kinfolk.permanence.models.fostering import (
    DevelopmentGoal,
    FosterCarer,
    FosteringHousehold,
    TrainingRecord,
)

__all__ = [
    "AdoptionDecision",
    "AdoptionMatch",
    "DevelopmentGoal",
    "FosterCarer",
    "FosteringHousehold",
    "PermanenceMatch",
    "PreviousPermanence",
    "TrainingRecord",
]
