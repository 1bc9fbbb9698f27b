"""The duties of private fostering: visiting a privately fostered child within 7 working days
of the notification, then at least every 6 weeks in the arrangement's first year and every 12
weeks after it (docs/private-fostering.md)."""

import datetime as dt
from collections.abc import Iterator

from kinfolk.core import timescales
from kinfolk.duties.facts import ChildCasework, PrivateFosteringFact
from kinfolk.duties.rules.base import DutyFact, Rule, first_after
from kinfolk.privatefostering.due import first_anniversary


def _visits(
    casework: ChildCasework, arrangement: PrivateFosteringFact
) -> list[tuple[int, dt.date]]:
    """The private fostering visits at which the child was seen while the authority knew of
    the arrangement and it had not ended."""
    return [
        (pk, day)
        for pk, day in casework.private_fostering_visits_seen
        if day >= arrangement.known_from
        and (arrangement.ended_on is None or day <= arrangement.ended_on)
    ]


class PrivateFosteringFirstVisit(Rule):
    """pf-first-visit-7wd: a privately fostered child is visited, and seen, within 7 working
    days of the authority being told of the arrangement.

    Source: Children (Private Arrangements for Fostering) Regulations 2005, reg. 4.
    """

    code = "pf-first-visit-7wd"
    title = "Make the first private fostering visit"
    timescale = timescales.PRIVATE_FOSTERING_FIRST_VISIT

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        for arrangement in casework.private_fostering:
            days = [
                day for _pk, day in _visits(casework, arrangement) if day >= arrangement.notified_on
            ]
            yield self.fact(
                casework,
                f"arrangement:{arrangement.pk}",
                arrangement.notified_on,
                self.due_after(arrangement.notified_on),
                min(days) if days else None,
                arrangement.ended_on,
            )


class _LaterVisits(Rule):
    """After each private fostering visit at which the child was seen, the next within the
    rule's interval; ``in_first_year`` says which visits start this rule's duties."""

    in_first_year = True

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        for arrangement in casework.private_fostering:
            visits = _visits(casework, arrangement)
            days = [day for _pk, day in visits]
            anniversary = first_anniversary(arrangement.began_on)
            ended_on = arrangement.ended_on
            for pk, visited_on in visits:
                if (visited_on < anniversary) != self.in_first_year:
                    continue
                # A visit on the day the arrangement ends still completes the duty before it;
                # it starts none of its own.
                if ended_on is not None and visited_on >= ended_on:
                    continue
                yield self.fact(
                    casework,
                    f"visit:{pk}",
                    visited_on,
                    self.due_after(visited_on),
                    first_after(days, visited_on),
                    ended_on,
                )


class PrivateFosteringVisitSixWeeks(_LaterVisits):
    """pf-visit-6w: in the first year of a private fostering arrangement, after each visit at
    which the child was seen, the next is within 6 weeks.

    Source: same Regulations, reg. 8(1)(a).
    """

    code = "pf-visit-6w"
    title = "Visit the privately fostered child"
    timescale = timescales.PRIVATE_FOSTERING_VISIT
    in_first_year = True


class PrivateFosteringVisitTwelveWeeks(_LaterVisits):
    """pf-visit-12w: after the first anniversary of a private fostering arrangement, after each
    visit at which the child was seen, the next is within 12 weeks.

    Source: same Regulations, reg. 8(1)(b).
    """

    code = "pf-visit-12w"
    title = "Visit the privately fostered child"
    timescale = timescales.PRIVATE_FOSTERING_LATER_VISIT
    in_first_year = False
