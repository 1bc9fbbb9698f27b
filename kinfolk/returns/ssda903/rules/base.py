"""What every SSDA903 rule reads: the return's tables (and last year's, when given), the
collection year, and the questions many rules ask about a child's care history.

Values are compared as the DfE validator compares them: stripped and in capitals."""

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterator
from functools import cached_property

from django.utils import timezone

from kinfolk.core.rules import RuleKind
from kinfolk.returns.framework import CollectionYear, Failure, Rule
from kinfolk.returns.ssda903.rules.dates import is_bad_date, is_blank, parse_date

Row = dict[str, str]
Tables = dict[str, list[Row]]

#: The tables of a return, named as the CSV files are (docs/journeys.md).
TABLE_NAMES = (
    "header",
    "episodes",
    "reviews",
    "uasc",
    "oc2",
    "oc3",
    "ad1",
    "placed_adoption",
    "prev_perm",
    "missing",
    "sw_episodes",
)

#: Legal statuses of short breaks (respite): not "looked after" for most rules.
SHORT_BREAKS = frozenset({"V3", "V4"})
#: Temporary placements: the child returns to the placement they left.
TEMPORARY_PLACEMENTS = frozenset({"T0", "T1", "T2", "T3", "T4"})
#: The placement types that replaced Z1 "other placements" in 2025-26: no provider, no URN.
OTHER_PLACEMENTS = frozenset({"Z11", "Z12", "Z13", "Z14"})
ADOPTION_PLACEMENTS = frozenset({"A3", "A4", "A5", "A6"})
FOSTER_PLACEMENTS = frozenset({"U1", "U2", "U3", "U4", "U5", "U6"})
ADOPTED = frozenset({"E11", "E12"})


def _normalise(tables: Tables | None) -> Tables:
    """Every table present (empty when the return has none), values stripped and in capitals."""
    tables = tables or {}
    return {
        name: [
            {column: (value or "").strip().upper() for column, value in row.items()}
            for row in tables.get(name, [])
        ]
        for name in TABLE_NAMES
    }


def episode_order(row: Row) -> tuple[dt.date, dt.date]:
    """Episodes by start date; of two starting the same day, the one that ended first."""
    return (parse_date(row.get("DECOM")) or dt.date.max, parse_date(row.get("DEC")) or dt.date.max)


def _by_child(rows: list[Row], sort: bool = False) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[row.get("CHILD", "")].append(row)
    if sort:
        for child_rows in grouped.values():
            child_rows.sort(key=episode_order)
    return dict(grouped)


def ended_care(episode: Row) -> bool:
    """The episode ended the period of care (a reason other than X1, care continuing)."""
    return not is_blank(episode.get("REC")) and episode.get("REC") != "X1"


def infer_year(tables: Tables) -> CollectionYear:
    """The collection year whose 31 March is on or after the latest episode date (DECOM or DEC)
    in the return; without episodes, the latest date of a review, missing period or social
    worker episode; with no dates at all, the year that ends on the next 31 March."""
    tables = _normalise(tables)
    candidates = [
        ("episodes", ("DECOM", "DEC")),
        ("reviews", ("REVIEW",)),
        ("missing", ("MIS_START", "MIS_END")),
        ("sw_episodes", ("SW_DECOM", "SW_DEC")),
    ]
    latest: dt.date | None = None
    for table, columns in candidates:
        dates = [
            date
            for row in tables[table]
            for column in columns
            if (date := parse_date(row.get(column))) is not None
        ]
        if dates:
            latest = max(dates)
            break
    latest = latest or timezone.localdate()
    end_year = latest.year if (latest.month, latest.day) <= (3, 31) else latest.year + 1
    return CollectionYear.parse(str(end_year))


class Return903:
    """One year's SSDA903 return, with last year's when the continuity rules can run."""

    def __init__(self, tables: Tables, year: CollectionYear, previous: Tables | None = None):
        self.tables = _normalise(tables)
        self.year = year
        self.has_previous = previous is not None
        self.previous_tables = _normalise(previous)

    def rows(self, table: str) -> list[Row]:
        return self.tables[table]

    def previous_rows(self, table: str) -> list[Row]:
        return self.previous_tables[table]

    @cached_property
    def header(self) -> dict[str, Row]:
        """Each child's Header row (the first, if the child is there twice: INT32 says so)."""
        rows: dict[str, Row] = {}
        for row in self.rows("header"):
            rows.setdefault(row.get("CHILD", ""), row)
        return rows

    @cached_property
    def previous_header(self) -> dict[str, Row]:
        rows: dict[str, Row] = {}
        for row in self.previous_rows("header"):
            rows.setdefault(row.get("CHILD", ""), row)
        return rows

    @cached_property
    def episodes(self) -> dict[str, list[Row]]:
        """Each child's episodes in date order."""
        return _by_child(self.rows("episodes"), sort=True)

    @cached_property
    def previous_episodes(self) -> dict[str, list[Row]]:
        return _by_child(self.previous_rows("episodes"), sort=True)

    def by_child(self, table: str) -> dict[str, list[Row]]:
        return _by_child(self.rows(table))

    def date_of_birth(self, child: str) -> dt.date | None:
        return parse_date(self.header.get(child, {}).get("DOB"))

    def episode_pairs(self) -> Iterator[tuple[str, Row, Row]]:
        """Each child's consecutive episodes (previous, next), for the sequencing rules."""
        for child, episodes in self.episodes.items():
            for before, after in itertools.pairwise(episodes):
                yield child, before, after

    def episode_end(self, episode: Row) -> dt.date:
        """When the episode ended, or the end of the year while it is still open."""
        return parse_date(episode.get("DEC")) or self.year.end

    def is_looked_after_on(self, child: str, day: dt.date) -> bool:
        """Some episode (not a short break) runs over ``day`` (the day it ends excluded)."""
        for episode in self.episodes.get(child, []):
            start = parse_date(episode.get("DECOM"))
            end = parse_date(episode.get("DEC"))
            if episode.get("LS") in SHORT_BREAKS or start is None:
                continue
            if start <= day and (end is None or end > day):
                return True
        return False

    def care_end(self, child: str) -> dt.date | None:
        """The day the child left care in the year (their last episode ended it), if they did."""
        episodes = self.episodes.get(child, [])
        if episodes and ended_care(episodes[-1]):
            return parse_date(episodes[-1].get("DEC"))
        return None

    def care_start(self, child: str) -> dt.date | None:
        """When the child's latest period of care began (the last episode with RNE S, or the
        first episode of the return when the period began before it)."""
        episodes = self.episodes.get(child, [])
        starts = [episode for episode in episodes if episode.get("RNE") == "S"]
        first = starts[-1] if starts else (episodes[0] if episodes else None)
        return parse_date(first.get("DECOM")) if first else None

    def known_care_start(self, child: str) -> dt.date | None:
        """When the child's latest period of care began, if the return shows it (an episode
        with RNE S); None when the period began before the first episode of the return."""
        starts = [e for e in self.episodes.get(child, []) if e.get("RNE") == "S"]
        return parse_date(starts[-1].get("DECOM")) if starts else None

    def only_short_breaks(self, child: str) -> bool:
        episodes = self.episodes.get(child, [])
        return bool(episodes) and all(e.get("LS") in SHORT_BREAKS for e in episodes)

    @cached_property
    def oc2_cohort(self) -> frozenset[str]:
        """Children looked after continuously for 12 months at 31 March: looked after on
        1 April, and no episode in the year that ends their care, starts a new period of care
        or is a short break."""
        cohort = set()
        for child, episodes in self.episodes.items():
            if not self.is_looked_after_on(child, self.year.start):
                continue
            if not any(
                (parse_date(e.get("DECOM")) or dt.date.max) < self.year.start for e in episodes
            ):
                continue
            in_year = [
                e
                for e in episodes
                if (parse_date(e.get("DEC")) or self.year.end) >= self.year.start
            ]
            if any(
                ended_care(e)
                or e.get("LS") in SHORT_BREAKS
                or (
                    e.get("RNE") == "S"
                    and (parse_date(e.get("DECOM")) or dt.date.min) >= self.year.start
                )
                for e in in_year
            ):
                continue
            cohort.add(child)
        return frozenset(cohort)


class Rule903(Rule[Return903]):
    """An SSDA903 rule. ``needs_previous`` rules compare with last year's return and run only
    when it is given."""

    kind = RuleKind.SSDA903
    source = "DfE SSDA903 validation rules 2025-26, lac2025_26 (docs/reference/ssda903.md)"
    fixed_on = (
        "The record the failure's column belongs to: the child's identity page for the "
        "header, the care page for episodes, reviews, UASC, OC2 and missing, leaving care for "
        "OC3, permanence for adoption and previous permanence, allocations for social workers"
    )
    needs_previous: bool = False


class CodeRule(Rule903):
    """A column whose value, when filled in (or always, if ``required``), is one of ``codes``."""

    table: str = ""
    column: str = ""
    codes: frozenset[str] = frozenset()
    required: bool = False

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows(self.table):
            value = row.get(self.column, "")
            if (value or self.required) and value not in self.codes:
                yield self.fail(row.get("CHILD", ""), self.column)


class DateRule(Rule903):
    """A column that, when filled in (or always, if ``required``), is a real dd/mm/yyyy date."""

    table: str = ""
    column: str = ""
    required: bool = False

    def check(self, data: Return903) -> Iterator[Failure]:
        for row in data.rows(self.table):
            value = row.get(self.column, "")
            if is_bad_date(value) or (self.required and is_blank(value)):
                yield self.fail(row.get("CHILD", ""), self.column)


def codes(choices: type) -> frozenset[str]:
    """The DfE codes of a TextChoices list of kinfolk.core.codes."""
    return frozenset(str(value) for value in choices.values)  # type: ignore[attr-defined]
