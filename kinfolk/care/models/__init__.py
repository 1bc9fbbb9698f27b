"""The care app's models: periods and episodes of care with their placements (``episodes``);
pre-proceedings and care proceedings (``proceedings``); care plans, reviews and visits
(``reviews``); family time and life-story work (``family``); the child's independent reviewing
officer (``iro``); ``health``, ``education`` (PEPs), ``missing`` (missing episodes and
exploitation), ``uasc``, and the care page's ``summary`` of them."""

from kinfolk.care.models.education import *  # noqa: F403
from kinfolk.care.models.episodes import (
    ADOPTED,
    ADOPTION_PLACEMENTS,
    PLACEMENTS_WITHOUT_PROVIDER,
    PLACEMENTS_WITHOUT_URN,
    TEMPORARY_PLACEMENTS,
    CareEpisode,
    PeriodOfCare,
    Placement,
    PlacementDisruption,
)
from kinfolk.care.models.family import *  # noqa: F403
from kinfolk.care.models.health import *  # noqa: F403
from kinfolk.care.models.iro import *  # noqa: F403
from kinfolk.care.models.missing import *  # noqa: F403
from kinfolk.care.models.proceedings import (
    CareProceedings,
    CourtHearing,
    PreProceedings,
    PreProceedingsMeeting,
)
from kinfolk.care.models.reviews import *  # noqa: F403
from kinfolk.care.models.summary import *  # noqa: F403
from kinfolk.care.models.uasc import *  # noqa: F403

__all__ = [
    "ADOPTED",
    "ADOPTION_PLACEMENTS",
    "PLACEMENTS_WITHOUT_PROVIDER",
    "PLACEMENTS_WITHOUT_URN",
    "TEMPORARY_PLACEMENTS",
    "CareEpisode",
    "CareProceedings",
    "CourtHearing",
    "PeriodOfCare",
    "Placement",
    "PlacementDisruption",
    "PreProceedings",
    "PreProceedingsMeeting",
]
