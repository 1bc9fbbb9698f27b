"""Episodes: legal status, placement, provider, durations and the reason for a placement change
(docs/reference/ssda903.md §4, "Episodes: legal status, placement and durations")."""

import datetime as dt
from collections.abc import Iterator

from kinfolk.core.codes import PlacementProvider, ReasonForPlacementChange
from kinfolk.returns.framework import Failure
from kinfolk.returns.ssda903.rules.base import (
    ADOPTION_PLACEMENTS,
    FOSTER_PLACEMENTS,
    OTHER_PLACEMENTS,
    SHORT_BREAKS,
    TEMPORARY_PLACEMENTS,
    CodeRule,
    Return903,
    Rule903,
    codes,
    ended_care,
)
from kinfolk.returns.ssda903.rules.dates import age_on, is_blank, parse_date


class _LastsTooLong(Rule903):
    """An episode with ``legal_status`` (or ``placement``) lasting more than ``days`` days
    (an open episode counts up to the end of the year)."""

    legal_status = ""
    placement = ""
    days = 0
    column = "DEC"

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            matches = (self.legal_status and row.get("LS") == self.legal_status) or (
                self.placement and row.get("PLACE") == self.placement
            )
            start = parse_date(row.get("DECOM"))
            if matches and start and (data.episode_end(row) - start).days > self.days:
                yield self.fail(row.get("CHILD", ""), self.column)


class Rule361(_LastsTooLong):
    """Police protection (L1) lasts at most 72 hours."""

    code = "361"
    message = "Police protection (L1) lasted longer than 72 hours."
    legal_status, days = "L1", 3


class Rule362(_LastsTooLong):
    """An emergency protection order (L2) lasts at most 21 days with its extension."""

    code = "362"
    message = "Emergency protection order (L2) lasted longer than 21 days."
    legal_status, days = "L2", 21


class Rule363(_LastsTooLong):
    """A child assessment order (L3) lasts at most 7 days."""

    code = "363"
    message = "Child assessment order (L3) lasted longer than 7 days."
    legal_status, days = "L3", 7


class Rule364(Rule903):
    """PACE accommodation (J2) is strictly limited: a run of J2 episodes lasts at most
    21 days."""

    code = "364"
    message = "Accommodation under PACE (J2) lasted longer than allowed (21 days)."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, episodes in data.episodes.items():
            run: list[dict[str, str]] = []
            for episode in [*episodes, {}]:
                continues = run and episode.get("DECOM") == run[-1].get("DEC")
                if episode.get("LS") == "J2" and (continues or not run):
                    run.append(episode)
                    continue
                if run:
                    start = parse_date(run[0].get("DECOM"))
                    if start and (data.episode_end(run[-1]) - start).days > 21:
                        for _ in run:
                            yield self.fail(child, "LS")
                run = [episode] if episode.get("LS") == "J2" else []


class Rule365(_LastsTooLong):
    """A single short break (V3) lasts at most 17 days."""

    code = "365"
    message = "A single short break (V3) lasted longer than 17 days."
    legal_status, days = "V3", 17


class Rule366(Rule903):
    """Each short break (V3) is its own period of care: the placement cannot change during one."""

    code = "366"
    message = "The placement changed during a short break (V3 episode not starting with S)."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            if row.get("LS") == "V3" and row.get("RNE") not in ("S", ""):
                yield self.fail(row.get("CHILD", ""), "RNE")


class Rule367(Rule903):
    """Short breaks (V3) add up to at most 75 days in the year."""

    code = "367"
    message = "Short breaks add up to more than 75 days in the year."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, episodes in data.episodes.items():
            total = 0
            for episode in episodes:
                start = parse_date(episode.get("DECOM"))
                if episode.get("LS") != "V3" or start is None:
                    continue
                end = min(data.episode_end(episode), data.year.end)
                total += max((end - max(start, data.year.start)).days, 0)
            if total > 75:
                yield self.fail(child, "DEC")


class _PlacementUnderAge(Rule903):
    placement = ""
    minimum = 0

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, episodes in data.episodes.items():
            born = data.date_of_birth(child)
            for episode in episodes:
                start = parse_date(episode.get("DECOM"))
                if (
                    episode.get("PLACE") == self.placement
                    and born
                    and start
                    and age_on(born, start) < self.minimum
                ):
                    yield self.fail(child, "PLACE")


class Rule371(_PlacementUnderAge):
    """Registered supported accommodation (K3) is for young people of 16 or over."""

    code = "371"
    message = "Supported accommodation (K3) for a child under 16."
    placement, minimum = "K3", 16


class Rule372(_PlacementUnderAge):
    """A young offender institution or prison (R5) is never for a child under 10."""

    code = "372"
    message = "Young offender institution or prison (R5) for a child under 10."
    placement, minimum = "R5", 10


class Rule373(_PlacementUnderAge):
    """A residential school (S1) is for children of school age (4 or over)."""

    code = "373"
    message = "Residential school (S1) for a child under 4."
    placement, minimum = "S1", 4


class Rule374(_PlacementUnderAge):
    """Residential employment (P3) is for young people of 14 or over."""

    code = "374"
    message = "Residential employment (P3) for a child under 14."
    placement, minimum = "P3", 14


class Rule375(_LastsTooLong):
    """A temporary period in hospital (T1) lasts at most 6 weeks."""

    code = "375"
    message = "Temporary period in hospital (T1) lasted longer than 6 weeks."
    placement, days = "T1", 42


class Rule376(_LastsTooLong):
    """A temporary placement while the foster carers are on holiday (T3) lasts at most
    3 weeks."""

    code = "376"
    message = "Temporary placement while carers are on holiday (T3) lasted longer than 3 weeks."
    placement, days = "T3", 21


class Rule377(Rule903):
    """No more than two temporary placements for the carers' holidays (T3) in the year."""

    code = "377"
    message = "More than two temporary placements for the carers' holidays (T3) in the year."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, episodes in data.episodes.items():
            holidays = [
                e
                for e in episodes
                if e.get("PLACE") == "T3"
                and (parse_date(e.get("DECOM")) or dt.date.min) >= data.year.start
            ]
            if len(holidays) > 2:
                yield self.fail(child, "PLACE")


class Rule378(Rule903):
    """A child placed with parents (P1) is not accommodated under a single s20 period (V2)."""

    code = "378"
    message = "Placed with parents (P1) under a single period of accommodation (V2)."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            if row.get("PLACE") == "P1" and row.get("LS") == "V2":
                yield self.fail(row.get("CHILD", ""), "PLACE")


class Rule379(_LastsTooLong):
    """A temporary placement for any other reason (T4) lasts at most 7 days."""

    code = "379"
    message = "Temporary placement (T4) lasted longer than 7 days."
    placement, days = "T4", 7


class Rule380(Rule903):
    """A temporary placement (T0 to T4) is a change of placement (P or B), never the start of
    care."""

    code = "380"
    message = "A temporary placement must start with reason P or B, not a new period of care."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            if row.get("PLACE") in TEMPORARY_PLACEMENTS and row.get("RNE") not in ("P", "B"):
                yield self.fail(row.get("CHILD", ""), "RNE")


class Rule381(Rule903):
    """Care does not end in a temporary placement."""

    code = "381"
    message = "The period of care ended in a temporary placement."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            if row.get("PLACE") in TEMPORARY_PLACEMENTS and ended_care(row):
                yield self.fail(row.get("CHILD", ""), "REC")


class Rule382(Rule903):
    """A child on short breaks (V3, V4) is not in a temporary placement."""

    code = "382"
    message = "A short break child is recorded in a temporary placement."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            if row.get("LS") in SHORT_BREAKS and row.get("PLACE") in TEMPORARY_PLACEMENTS:
                yield self.fail(row.get("CHILD", ""), "PLACE")


class Rule383(Rule903):
    """After a temporary placement the child goes back to the placement they left: reason P,
    the same placement type and postcode."""

    code = "383"
    message = "After a temporary placement the child must return to the previous placement."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, episodes in data.episodes.items():
            for before, temporary, after in zip(episodes, episodes[1:], episodes[2:], strict=False):
                if temporary.get("PLACE") not in TEMPORARY_PLACEMENTS:
                    continue
                if temporary.get("REC") != "X1" or before.get("PLACE") in TEMPORARY_PLACEMENTS:
                    continue
                same = before.get("PLACE") == after.get("PLACE") and before.get(
                    "PL_POST"
                ) == after.get("PL_POST")
                if after.get("RNE") != "P" or not same:
                    yield self.fail(child, "PLACE")


class Rule384(Rule903):
    """A child on short breaks (V3, V4) is not in long-term fostering (U1, U4)."""

    code = "384"
    message = "A short break child is recorded in a long-term foster placement."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            if row.get("LS") in SHORT_BREAKS and row.get("PLACE") in ("U1", "U4"):
                yield self.fail(row.get("CHILD", ""), "PLACE")


class Rule408(Rule903):
    """A placement for adoption under a placement order (A5, A6) needs the order (E1, or a
    freeing order D1)."""

    code = "408"
    message = "Placed for adoption under a placement order (A5, A6) but legal status is not E1."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            if row.get("PLACE") in ("A5", "A6") and row.get("LS") not in ("E1", "D1"):
                yield self.fail(row.get("CHILD", ""), "LS")


class Rule426(Rule903):
    """A child's short breaks are recorded one way: each episode (V3) or the agreements (V4),
    not both."""

    code = "426"
    message = "Both V3 and V4 short break statuses are recorded for the child in the year."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, episodes in data.episodes.items():
            statuses = {episode.get("LS") for episode in episodes}
            if {"V3", "V4"} <= statuses:
                yield self.fail(child, "LS")


class Rule178(CodeRule):
    """The placement provider, when given, is PR0 to PR5."""

    code = "178"
    message = "Placement provider is not a valid code."
    table, column, codes = "episodes", "PLACE_PROVIDER", codes(PlacementProvider)


class Rule213(Rule903):
    """Temporary placements (T0 to T4) and the Z11 to Z14 placements have no provider."""

    code = "213"
    message = "A placement provider is given for a temporary or Z11 to Z14 placement."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            exempt = row.get("PLACE") in TEMPORARY_PLACEMENTS | OTHER_PLACEMENTS
            if exempt and not is_blank(row.get("PLACE_PROVIDER")):
                yield self.fail(row.get("CHILD", ""), "PLACE_PROVIDER")


class Rule526(Rule903):
    """Every other placement has a provider."""

    code = "526"
    message = "Placement provider is missing."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            exempt = row.get("PLACE") in TEMPORARY_PLACEMENTS | OTHER_PLACEMENTS
            if not exempt and is_blank(row.get("PLACE_PROVIDER")):
                yield self.fail(row.get("CHILD", ""), "PLACE_PROVIDER")


class _ProviderNotWith(Rule903):
    provider = ""
    placements: frozenset[str] = frozenset()

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            if row.get("PLACE_PROVIDER") == self.provider and row.get("PLACE") in self.placements:
                yield self.fail(row.get("CHILD", ""), "PLACE_PROVIDER")


class Rule527(_ProviderNotWith):
    """Own provision (PR1) is not a placement with parents, in hospital or in custody."""

    code = "527"
    message = "Own LA provision (PR1) cannot be used with P1, R2 or R5."
    provider, placements = "PR1", frozenset({"P1", "R2", "R5"})


class Rule528(_ProviderNotWith):
    """Other LA provision (PR2) is not a placement with parents, in hospital or in custody."""

    code = "528"
    message = "Other LA provision (PR2) cannot be used with P1, R2 or R5."
    provider, placements = "PR2", frozenset({"P1", "R2", "R5"})


class Rule529(_ProviderNotWith):
    """Other public provision (PR3) does not run adoption, foster placements or children's
    homes, nor is it a placement with parents."""

    code = "529"
    message = "Other public provision (PR3) cannot be used with P1, A3 to A6, K1, K2 or U1 to U6."
    provider = "PR3"
    placements = frozenset({"P1", "K1", "K2"}) | ADOPTION_PLACEMENTS | FOSTER_PLACEMENTS


class Rule530(_ProviderNotWith):
    """Private provision (PR4) is not a placement with parents."""

    code = "530"
    message = "Private provision (PR4) cannot be used with P1."
    provider, placements = "PR4", frozenset({"P1"})


class Rule531(_ProviderNotWith):
    """Voluntary provision (PR5) is not a placement with parents."""

    code = "531"
    message = "Voluntary or third sector provision (PR5) cannot be used with P1."
    provider, placements = "PR5", frozenset({"P1"})


class Rule550(Rule903):
    """Parents as provider (PR0) only for a placement with parents (P1)."""

    code = "550"
    message = "Provider PR0 (parents) is used with a placement other than P1."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            if row.get("PLACE_PROVIDER") == "PR0" and row.get("PLACE") != "P1":
                yield self.fail(row.get("CHILD", ""), "PLACE_PROVIDER")


def _is_temporary_move(before: dict[str, str], after: dict[str, str]) -> bool:
    return before.get("PLACE") in TEMPORARY_PLACEMENTS or after.get("PLACE") in TEMPORARY_PLACEMENTS


class Rule225(Rule903):
    """When the placement changes (P, B, T or U next), the ending episode records why."""

    code = "225"
    message = "The placement changed but the reason for the change is missing."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, before, after in data.episode_pairs():
            moved = before.get("REC") == "X1" and after.get("RNE") in ("P", "B", "T", "U")
            if (
                moved
                and not _is_temporary_move(before, after)
                and is_blank(before.get("REASON_PLACE_CHANGE"))
            ):
                yield self.fail(child, "REASON_PLACE_CHANGE")


class Rule226(Rule903):
    """Moves into and out of a temporary placement have no reason for the change."""

    code = "226"
    message = "A reason for placement change is recorded around a temporary placement."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, before, after in data.episode_pairs():
            if _is_temporary_move(before, after) and not is_blank(
                before.get("REASON_PLACE_CHANGE")
            ):
                yield self.fail(child, "REASON_PLACE_CHANGE")


class Rule233(Rule903):
    """An episode still open has no reason for a placement change yet."""

    code = "233"
    message = "A reason for placement change is recorded on an episode that has not ended."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            if is_blank(row.get("DEC")) and not is_blank(row.get("REASON_PLACE_CHANGE")):
                yield self.fail(row.get("CHILD", ""), "REASON_PLACE_CHANGE")


class Rule234(Rule903):
    """A custody arrangement (CUSTOD) is never the reason a child under 10 moved."""

    code = "234"
    message = "Reason for placement change is CUSTOD for a child under 10."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, episodes in data.episodes.items():
            born = data.date_of_birth(child)
            for episode in episodes:
                end = parse_date(episode.get("DEC"))
                if (
                    episode.get("REASON_PLACE_CHANGE") == "CUSTOD"
                    and born
                    and end
                    and age_on(born, end) < 10
                ):
                    yield self.fail(child, "REASON_PLACE_CHANGE")


class Rule1009(CodeRule):
    """The reason for a placement change, when given, is a valid code."""

    code = "1009"
    message = "Reason for placement change is not a valid code."
    table, column, codes = "episodes", "REASON_PLACE_CHANGE", codes(ReasonForPlacementChange)
