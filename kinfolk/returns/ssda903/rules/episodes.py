"""Episodes: validity and sequencing. Each episode is one spell of care with the same legal
status and placement; together they must read as one unbroken story of each period of care
(docs/reference/ssda903.md §4, "Episodes: validity and sequencing")."""

import datetime as dt
from collections.abc import Iterator

from kinfolk.core.codes import (
    CategoryOfNeed,
    LegalStatus,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonForNewEpisode,
)
from kinfolk.returns.framework import Failure
from kinfolk.returns.ssda903.rules.base import (
    ADOPTED,
    ADOPTION_PLACEMENTS,
    FOSTER_PLACEMENTS,
    CodeRule,
    DateRule,
    Return903,
    Row,
    Rule903,
    codes,
    ended_care,
)
from kinfolk.returns.ssda903.rules.dates import age_on, is_blank, parse_date


def _placement_same(before: Row, after: Row) -> bool:
    return before.get("PLACE") == after.get("PLACE") and before.get("PL_POST") == after.get(
        "PL_POST"
    )


class Rule141(DateRule):
    """Every episode has the date it began."""

    code = "141"
    message = "Date episode began is not a valid date."
    table, column, required = "episodes", "DECOM", True


class Rule142(Rule903):
    """Only the latest episode may be open: an earlier one needs the date it ended."""

    code = "142"
    message = "A later episode exists but this episode has no date it ceased."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, before, _after in data.episode_pairs():
            if is_blank(before.get("DEC")):
                yield self.fail(child, "DEC")


class Rule143(CodeRule):
    """Reason for new episode must be a valid code."""

    code = "143"
    message = "Reason for new episode is not a valid code."
    table, column, codes, required = "episodes", "RNE", codes(ReasonForNewEpisode), True


class Rule144(CodeRule):
    """Legal status must be a valid code."""

    code = "144"
    message = "Legal status is not a valid code."
    table, column, codes, required = "episodes", "LS", codes(LegalStatus), True


class Rule145(CodeRule):
    """Category of need must be N1 to N8."""

    code = "145"
    message = "Category of need is not a valid code."
    table, column, codes, required = "episodes", "CIN", codes(CategoryOfNeed), True


class Rule146(CodeRule):
    """Placement type must be on the 2025-26 list (H5, P2 and Z1 are retired)."""

    code = "146"
    message = "Placement type is not a valid code for 2025-26."
    table, column, codes, required = "episodes", "PLACE", codes(PlacementType), True


class Rule147(DateRule):
    """The date the episode ceased, when given, must be a real date."""

    code = "147"
    message = "Date episode ceased is not a valid date."
    table, column = "episodes", "DEC"


class Rule148(Rule903):
    """The date an episode ceased and the reason come together."""

    code = "148"
    message = "Date episode ceased and reason episode ceased must both be given or both be blank."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            if is_blank(row.get("DEC")) != is_blank(row.get("REC")):
                column = "REC" if is_blank(row.get("REC")) else "DEC"
                yield self.fail(row.get("CHILD", ""), column)


class Rule149(CodeRule):
    """Reason episode ceased must be a valid code."""

    code = "149"
    message = "Reason episode ceased is not a valid code."
    table, column, codes = "episodes", "REC", codes(ReasonEpisodeCeased)


class Rule199(Rule903):
    """A child adopted from care cannot come back with later episodes under the same
    identifier (last year's adoptions are checked when last year's return is given)."""

    code = "199"
    message = "The child was adopted from care earlier but has later episodes."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, episodes in data.episodes.items():
            adopted = [
                parse_date(e.get("DEC"))
                for e in data.previous_episodes.get(child, []) + episodes
                if e.get("REC") in ADOPTED
            ]
            adopted_on = min((day for day in adopted if day), default=None)
            if adopted_on is None:
                continue
            for episode in episodes:
                start = parse_date(episode.get("DECOM"))
                if start and start >= adopted_on and episode.get("REC") not in ADOPTED:
                    yield self.fail(child, "DECOM")


class Rule217(Rule903):
    """A placement for adoption with the current foster carers (A3, A5) from April 2015 starts
    with a new period of care or a change of placement with the same carers (S, T or U)."""

    code = "217"
    message = "Placement for adoption with current foster carers needs reason S, T or U."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            start = parse_date(row.get("DECOM"))
            if (
                row.get("PLACE") in ("A3", "A5")
                and start
                and start >= dt.date(2015, 4, 1)
                and row.get("RNE") not in ("S", "T", "U")
            ):
                yield self.fail(row.get("CHILD", ""), "RNE")


class Rule353(Rule903):
    """No episode starts before the Children Act 1989 came into force (14 October 1991)."""

    code = "353"
    message = "The episode starts before 14 October 1991."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            start = parse_date(row.get("DECOM"))
            if start and start < dt.date(1991, 10, 14):
                yield self.fail(row.get("CHILD", ""), "DECOM")


class Rule354(Rule903):
    """No episode starts after the end of the year."""

    code = "354"
    message = "Date episode began is after the end of the collection year."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            start = parse_date(row.get("DECOM"))
            if start and start > data.year.end:
                yield self.fail(row.get("CHILD", ""), "DECOM")


class Rule355(Rule903):
    """An episode lasts at least 24 hours: it cannot end the day it began."""

    code = "355"
    message = "The episode lasted less than 24 hours."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            start, end = parse_date(row.get("DECOM")), parse_date(row.get("DEC"))
            if start and end and start == end:
                yield self.fail(row.get("CHILD", ""), "DEC")


class Rule356(Rule903):
    """An episode cannot end before it began."""

    code = "356"
    message = "Date episode ceased is before the date it began."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            start, end = parse_date(row.get("DECOM")), parse_date(row.get("DEC"))
            if start and end and end < start:
                yield self.fail(row.get("CHILD", ""), "DEC")


class Rule357(Rule903):
    """A child's first episode, when it begins in the year, starts the period of care (S)."""

    code = "357"
    message = "The child's first episode must have reason for new episode S."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, episodes in data.episodes.items():
            first = episodes[0]
            start = parse_date(first.get("DECOM"))
            continues = data.has_previous and child in data.previous_episodes
            if start and start >= data.year.start and not continues and first.get("RNE") != "S":
                yield self.fail(child, "RNE")


class Rule358(Rule903):
    """Remand and youth justice legal statuses (J1 to J3) are only for children 10 or over."""

    code = "358"
    message = "Legal status J1, J2 or J3 is recorded for a child under 10."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, episodes in data.episodes.items():
            born = data.date_of_birth(child)
            for episode in episodes:
                start = parse_date(episode.get("DECOM"))
                if (
                    episode.get("LS") in ("J1", "J2", "J3")
                    and born
                    and start
                    and age_on(born, start) < 10
                ):
                    yield self.fail(child, "LS")


class Rule359(Rule903):
    """A young person still looked after past 18 must be accommodated under s20(5) (V2) in a
    children's home (K2)."""

    code = "359"
    message = "The young person is looked after past 18 but not under V2 in a K2 home."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, episodes in data.episodes.items():
            born, last = data.date_of_birth(child), episodes[-1]
            if (
                born
                and is_blank(last.get("DEC"))
                and age_on(born, data.year.end) >= 18
                and not (last.get("LS") == "V2" and last.get("PLACE") == "K2")
            ):
                yield self.fail(child, "LS")


class Rule385(Rule903):
    """No episode ends after the end of the year."""

    code = "385"
    message = "Date episode ceased is after the end of the collection year."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            end = parse_date(row.get("DEC"))
            if end and end > data.year.end:
                yield self.fail(row.get("CHILD", ""), "DEC")


class _CeasedAtAge(Rule903):
    """An episode ending for one of ``reasons`` at an age outside what the reason allows."""

    reasons: frozenset[str] = frozenset()
    minimum: int | None = None
    maximum: int | None = None

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, episodes in data.episodes.items():
            born = data.date_of_birth(child)
            for episode in episodes:
                end = parse_date(episode.get("DEC"))
                if episode.get("REC") not in self.reasons or not (born and end):
                    continue
                age = age_on(born, end)
                too_young = self.minimum is not None and age < self.minimum
                too_old = self.maximum is not None and age > self.maximum
                if too_young or too_old:
                    yield self.fail(child, "REC")


class Rule386(_CeasedAtAge):
    """Adoption (E11, E12) happens before the child is 18."""

    code = "386"
    message = "The child was adopted at 18 or over."
    reasons, maximum = ADOPTED, 17


class Rule387(_CeasedAtAge):
    """Independent living (E5, E6) is not for a child under 14."""

    code = "387"
    message = "The child moved to independent living under 14."
    reasons, minimum = frozenset({"E5", "E6"}), 14


class Rule389(_CeasedAtAge):
    """Transfer to adult social care (E7) is not for a child under 16."""

    code = "389"
    message = "The child transferred to adult social care under 16."
    reasons, minimum = frozenset({"E7"}), 16


class Rule407(_CeasedAtAge):
    """A special guardianship order (E45 to E48) is made before the child is 18."""

    code = "407"
    message = "The special guardianship order was made at 18 or over."
    reasons, maximum = frozenset({"E45", "E46", "E47", "E48"}), 17


class Rule460(_CeasedAtAge):
    """Staying with carers at 18 or over (E17) is only for young people of 18."""

    code = "460"
    message = "Reason E17 (stayed with carers at 18 or over) is recorded for a child under 18."
    reasons, minimum = frozenset({"E17"}), 18


class Rule388(Rule903):
    """X1 means care continues in a new episode starting the same day."""

    code = "388"
    message = "Reason episode ceased is X1 but no new episode starts the same day."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, episodes in data.episodes.items():
            starts = {episode.get("DECOM") for episode in episodes}
            for episode in episodes:
                if episode.get("REC") == "X1" and episode.get("DEC") not in starts:
                    yield self.fail(child, "REC")


class Rule390(Rule903):
    """A child is adopted from a placement for adoption (A3 to A6)."""

    code = "390"
    message = "The child was adopted from a placement other than a placement for adoption."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            if row.get("REC") in ADOPTED and row.get("PLACE") not in ADOPTION_PLACEMENTS:
                yield self.fail(row.get("CHILD", ""), "REC")


class Rule431(Rule903):
    """A new period of care (S) does not start the day the last one ended."""

    code = "431"
    message = "The episode starts a new period of care the day the previous episode ended."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, before, after in data.episode_pairs():
            if after.get("RNE") == "S" and after.get("DECOM") == before.get("DEC"):
                yield self.fail(child, "RNE")


class Rule432(Rule903):
    """After care ended (a reason other than X1), the next episode starts a new period (S)."""

    code = "432"
    message = "The previous episode ended care but this episode's reason is not S."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, before, after in data.episode_pairs():
            if ended_care(before) and after.get("RNE") not in ("S", ""):
                yield self.fail(child, "RNE")


class Rule433(Rule903):
    """A continuing episode (not S) starts the day the previous one ended."""

    code = "433"
    message = "The episode continues care but does not start the day the previous one ended."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, before, after in data.episode_pairs():
            if after.get("RNE") not in ("S", "") and after.get("DECOM") != before.get("DEC"):
                yield self.fail(child, "DECOM")


class Rule434(Rule903):
    """L (change of legal status only): the legal status changes and the placement does not."""

    code = "434"
    message = "Reason L, but the legal status is unchanged or the placement changed."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, before, after in data.episode_pairs():
            if after.get("RNE") == "L" and (
                before.get("LS") == after.get("LS") or not _placement_same(before, after)
            ):
                yield self.fail(child, "RNE")


class Rule435(Rule903):
    """P or T (change of placement only): the placement changes and the legal status does
    not."""

    code = "435"
    message = "Reason P or T, but the placement is unchanged or the legal status changed."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, before, after in data.episode_pairs():
            if after.get("RNE") in ("P", "T") and (
                before.get("LS") != after.get("LS") or _placement_same(before, after)
            ):
                yield self.fail(child, "RNE")


class Rule436(Rule903):
    """B or U (change of legal status and placement): both change."""

    code = "436"
    message = "Reason B or U, but the legal status and the placement have not both changed."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, before, after in data.episode_pairs():
            if after.get("RNE") in ("B", "U") and (
                before.get("LS") == after.get("LS") or _placement_same(before, after)
            ):
                yield self.fail(child, "RNE")


class Rule437(Rule903):
    """Nothing follows the death of a child (E2) or an age assessment finding them an adult
    (E15)."""

    code = "437"
    message = "There are episodes after the child died or was assessed as 18 or over."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, before, _after in data.episode_pairs():
            if before.get("REC") in ("E2", "E15"):
                yield self.fail(child, "REC")


class Rule446(Rule903):
    """Placement orders (E1) exist from 30 December 2005."""

    code = "446"
    message = "Legal status E1 (placement order) on an episode starting before 30 December 2005."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            start = parse_date(row.get("DECOM"))
            if row.get("LS") == "E1" and start and start < dt.date(2005, 12, 30):
                yield self.fail(row.get("CHILD", ""), "LS")


class Rule501(Rule903):
    """Episodes do not overlap."""

    code = "501"
    message = "The episode starts before the previous episode ended."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, before, after in data.episode_pairs():
            end, start = parse_date(before.get("DEC")), parse_date(after.get("DECOM"))
            if end and start and start < end:
                yield self.fail(child, "DECOM")


class Rule504(Rule903):
    """The category of need stays the same within a period of care."""

    code = "504"
    message = "The category of need changes within a period of care."

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, before, after in data.episode_pairs():
            if (
                before.get("REC") == "X1"
                and after.get("RNE") != "S"
                and before.get("CIN") != after.get("CIN")
            ):
                yield self.fail(child, "CIN")


class Rule516(Rule903):
    """A special guardianship order to former foster carers (E45, E46) follows a foster
    placement (U1 to U6)."""

    code = "516"
    message = "Special guardianship to former foster carers but the placement was not fostering."

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows("episodes"):
            if row.get("REC") in ("E45", "E46") and row.get("PLACE") not in FOSTER_PLACEMENTS:
                yield self.fail(row.get("CHILD", ""), "REC")
