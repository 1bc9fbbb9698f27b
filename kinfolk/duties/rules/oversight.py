"""The duty of management oversight: each open case is discussed in case supervision at the
authority's interval (docs/oversight.md)."""

from collections.abc import Iterator

from kinfolk.core import timescales
from kinfolk.duties.facts import ChildCasework
from kinfolk.duties.rules.base import DutyFact, Rule, first_after


class CaseSupervisionMonthly(Rule):
    """case-supervision-1m (local): a child whose child in need episode is open is discussed
    in case supervision within 1 month of the referral and of each case supervision.

    Source: local supervision policy; Working Together 2023 expects regular reflective
    supervision of casework. The number of months is ``KINFOLK_CASE_SUPERVISION_MONTHS``.
    """

    code = "case-supervision-1m"
    title = "Discuss the case in supervision"
    timescale = timescales.CASE_SUPERVISION

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        for episode in casework.episodes:
            if episode.is_nfa:
                continue
            closed_on = episode.closed_on
            # A supervision on the day the episode closes still completes the duty before it;
            # it starts none of its own.
            within = [
                (pk, day)
                for pk, day in casework.case_supervisions
                if day >= episode.referral_on and (closed_on is None or day <= closed_on)
            ]
            days = [day for _pk, day in within]
            triggers = [(f"episode:{episode.pk}", episode.referral_on)] + [
                (f"supervision:{pk}", day)
                for pk, day in within
                if closed_on is None or day < closed_on
            ]
            for key, trigger_on in triggers:
                yield self.fact(
                    casework,
                    key,
                    trigger_on,
                    self.due_after(trigger_on),
                    first_after(days, trigger_on),
                    closed_on,
                )
