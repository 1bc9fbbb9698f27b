"""How long children wait for adoption, computed from the care and adoption records
(docs/domain.md finding 51: long waits for adoption).

The two measures are those of the DfE adoption scorecard:

- **A1**: the days between a child entering care and moving in with the family who adopt
  them;
- **A2**: the days between the authority receiving the court's authority to place the child
  for adoption (the placement order) and the decision to match the child with adopters.

The functions take the records already read (a period of care, its episodes, the match) so
that a page listing many children computes them without further queries.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from kinfolk.care.models import ADOPTION_PLACEMENTS, CareEpisode, PeriodOfCare
from kinfolk.core.codes import LegalStatus
from kinfolk.permanence.models import AdoptionMatch


def placement_order_on(episodes: Iterable[CareEpisode]) -> dt.date | None:
    """The day the placement order was made: the start of the period's first episode with
    legal status E1 (placement order granted, SSDA903 LS)."""
    starts = [e.start_on for e in episodes if e.legal_status == LegalStatus.E1]
    return min(starts, default=None)


def moved_in_with_adopters_on(
    episodes: Iterable[CareEpisode], match: AdoptionMatch | None
) -> dt.date | None:
    """The day the child moved in with the family who adopt them.

    That is the start of the period's first placement for adoption (A3-A6), or, for a
    foster-to-adopt placement (the adopters were the child's foster carers), the day the
    child moved in with them as foster carers, when recorded: whichever is earlier, as the
    scorecard counts the day the child started living with the family.
    """
    days = [e.start_on for e in episodes if e.placement_type in ADOPTION_PLACEMENTS]
    if match is not None and match.is_former_foster_carers and match.moved_in_on is not None:
        days.append(match.moved_in_on)
    return min(days, default=None)


@dataclass(frozen=True)
class AdoptionTimeliness:
    """The dates of one child's adoption pathway in a period of care, and the two scorecard
    measures they give (None until both dates are known)."""

    entered_care_on: dt.date
    placement_order_on: dt.date | None
    matched_on: dt.date | None
    moved_in_on: dt.date | None

    @property
    def days_to_moving_in(self) -> int | None:
        """Adoption scorecard A1: days from entering care to moving in with the adopters."""
        if self.moved_in_on is None:
            return None
        return (self.moved_in_on - self.entered_care_on).days

    @property
    def days_from_placement_order_to_match(self) -> int | None:
        """Adoption scorecard A2: days from the placement order to the match."""
        if self.placement_order_on is None or self.matched_on is None:
            return None
        return (self.matched_on - self.placement_order_on).days

    def days_in_care_on(self, today: dt.date) -> int:
        """Days since the child entered care, for a child still waiting."""
        return (today - self.entered_care_on).days


def adoption_timeliness(
    period: PeriodOfCare, episodes: Iterable[CareEpisode], match: AdoptionMatch | None
) -> AdoptionTimeliness:
    """The adoption pathway of ``period`` (entering care is ``PeriodOfCare.start_on``), from
    its episodes and the match, if any."""
    episodes = [e for e in episodes if e.period_id == period.pk]
    return AdoptionTimeliness(
        entered_care_on=period.start_on,
        placement_order_on=placement_order_on(episodes),
        matched_on=match.matched_on if match is not None else None,
        moved_in_on=moved_in_with_adopters_on(episodes, match),
    )
