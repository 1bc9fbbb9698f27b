"""Episodes: continuity with last year's return. The episode open at the end of last year
carries on unchanged into this year's first episode, and every episode that began before this
year was in last year's return (docs/reference/ssda903.md §4, "Episodes: validity and sequencing",
the rules marked "last yr"). These rules run only when last year's return is given."""

from collections.abc import Iterator

from kinfolk.returns.framework import Failure
from kinfolk.returns.ssda903.rules.base import (
    OTHER_PLACEMENTS,
    Return903,
    Row,
    Rule903,
)
from kinfolk.returns.ssda903.rules.dates import is_blank, parse_date


def _last_open_episode(data: Return903, child: str) -> Row | None:
    episodes = data.previous_episodes.get(child, [])
    if episodes and is_blank(episodes[-1].get("DEC")):
        return episodes[-1]
    return None


class Rule502(Rule903):
    """Last year's open episode carries on: this year's first episode has its start date."""

    code = "502"
    message = "The first episode does not continue last year's open episode (start dates differ)."
    needs_previous = True

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, episodes in data.episodes.items():
            last = _last_open_episode(data, child)
            if last is not None and episodes[0].get("DECOM") != last.get("DECOM"):
                yield self.fail(child, "DECOM")


class _ContinuesLastYear(Rule903):
    """This year's first episode, continuing last year's open one, keeps its ``column``."""

    needs_previous = True
    column = ""

    def differs(self, before: str, now: str) -> bool:
        return before != now

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, episodes in data.episodes.items():
            last, first = _last_open_episode(data, child), episodes[0]
            if last is None or first.get("DECOM") != last.get("DECOM"):
                continue
            if self.differs(last.get(self.column, ""), first.get(self.column, "")):
                yield self.fail(child, self.column)


class Rule503A(_ContinuesLastYear):
    """Reason for new episode matches last year's open episode."""

    code, column = "503A", "RNE"
    message = "The first episode's reason for new episode differs from last year's open episode."


class Rule503B(_ContinuesLastYear):
    """Legal status matches last year's open episode."""

    code, column = "503B", "LS"
    message = "The first episode's legal status differs from last year's open episode."


class Rule503C(_ContinuesLastYear):
    """Category of need matches last year's open episode."""

    code, column = "503C", "CIN"
    message = "The first episode's category of need differs from last year's open episode."


class Rule503D(_ContinuesLastYear):
    """Placement type matches last year's open episode; Z1 may have become one of Z11 to Z14
    (and H5 may have become K3)."""

    code, column = "503D", "PLACE"
    message = "The first episode's placement type differs from last year's open episode."

    def differs(self, before: str, now: str) -> bool:
        if before == "Z1" and now in OTHER_PLACEMENTS:
            return False
        return before != now and not (before == "H5" and now == "K3")


class Rule503E(_ContinuesLastYear):
    """Placement provider matches last year's open episode."""

    code, column = "503E", "PLACE_PROVIDER"
    message = "The first episode's placement provider differs from last year's open episode."


class Rule503F(_ContinuesLastYear):
    """Ofsted URN matches last year's open episode."""

    code, column = "503F", "URN"
    message = "The first episode's Ofsted URN differs from last year's open episode."


class Rule562(Rule903):
    """An episode that began before this year was in last year's return."""

    code = "562"
    message = "The episode began before this year but is not in last year's return."
    needs_previous = True

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, episodes in data.episodes.items():
            last_year = {e.get("DECOM") for e in data.previous_episodes.get(child, [])}
            for episode in episodes:
                start = parse_date(episode.get("DECOM"))
                if start and start < data.year.start and episode.get("DECOM") not in last_year:
                    yield self.fail(child, "DECOM")


class RuleNoE(Rule903):
    """A child whose care began before this year was in last year's episodes."""

    code = "NoE"
    message = "The episode began before this year but the child has no episodes last year."
    needs_previous = True

    def check(self, data: Return903) -> Iterator[Failure]:
        for child, episodes in data.episodes.items():
            start = parse_date(episodes[0].get("DECOM"))
            if start and start < data.year.start and child not in data.previous_episodes:
                yield self.fail(child, "DECOM")
