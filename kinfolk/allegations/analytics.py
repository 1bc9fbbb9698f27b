"""The figures of the LADO's annual report (docs/domain.md, finding 34; docs/allegations.md):
allegations received by the adult's sector and by the referrer's sector over time, by outcome
and by category, how many initial considerations were made within 1 working day, referrals to
the Disclosure and Barring Service and the time to close. Periods are the authority's financial
years (April to March) or their quarters. Read in one query."""

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import TextChoices
from django.utils.translation import gettext as _

from kinfolk.allegations.choices import Category, EmployerAction, Outcome, Sector
from kinfolk.core import timescales
from kinfolk.core.working_days import LONDON

YEAR = "year"
#: Shown for a figure with nothing to count.
NONE = "\N{EN DASH}"
QUARTER = "quarter"


def period_of(day: dt.date, by: str) -> str:
    """The financial year (``2025-26``) or its quarter (``2025-26 Q1``, April to June)."""
    start = day.year if day.month >= 4 else day.year - 1
    year = f"{start}-{(start + 1) % 100:02d}"
    if by == YEAR:
        return year
    return f"{year} Q{((day.month - 4) % 12) // 3 + 1}"


@dataclass
class Table:
    caption: str
    periods: list[str]
    rows: list[tuple[str, list[Any]]] = field(default_factory=list)


@dataclass
class Analytics:
    periods: list[str]
    tables: list[Table]


def _count_table(
    caption: str, periods: list[str], values: list[tuple[str, str]], choices: type[TextChoices]
) -> Table:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for period, code in values:
        counts[code][period] += 1
    table = Table(caption=caption, periods=periods)
    for code, label in [*choices.choices, ("", _("Not recorded"))]:
        if counts.get(code):
            table.rows.append((str(label), [counts[code][p] for p in periods]))
    return table


def analytics(allegations: Any, *, by: str = YEAR) -> Analytics:
    """The figures for ``allegations`` (those the reader may see), by period received."""
    rows = list(
        allegations.values_list(
            "received_at",
            "sector",
            "referrer_sector",
            "category",
            "outcome",
            "employer_action",
            "considered_on",
            "closed_on",
        )
    )
    facts = []
    for received_at, sector, referrer, category, outcome, action, considered_on, closed in rows:
        received_on = received_at.astimezone(LONDON).date()
        facts.append(
            {
                "period": period_of(received_on, by),
                "received_on": received_on,
                "sector": sector,
                "referrer": referrer,
                "category": category,
                "outcome": outcome,
                "action": action,
                "considered": considered_on,
                "closed": closed,
            }
        )
    periods = sorted({f["period"] for f in facts})
    tables = [
        _count_table(
            _("Allegations received, by the sector the adult works in"),
            periods,
            [(f["period"], f["sector"]) for f in facts],
            Sector,
        ),
        _count_table(
            _("Allegations received, by the referrer's sector"),
            periods,
            [(f["period"], f["referrer"]) for f in facts],
            Sector,
        ),
        _count_table(
            _("Allegations by outcome"),
            periods,
            [(f["period"], f["outcome"]) for f in facts],
            Outcome,
        ),
        _count_table(
            _("Allegations by category"),
            periods,
            [(f["period"], f["category"]) for f in facts],
            Category,
        ),
    ]
    summary = Table(caption=_("Timeliness and results"), periods=periods)
    received: Counter[str] = Counter()
    in_time: Counter[str] = Counter()
    considered: Counter[str] = Counter()
    dbs: Counter[str] = Counter()
    closed_days: dict[str, list[int]] = defaultdict(list)
    for f in facts:
        period = f["period"]
        received[period] += 1
        if f["considered"] is not None:
            considered[period] += 1
            due = timescales.LADO_INITIAL_CONSIDERATION.due_after(f["received_on"])
            if f["considered"] <= due:
                in_time[period] += 1
        if f["action"] == EmployerAction.DBS_REFERRAL:
            dbs[period] += 1
        if f["closed"] is not None:
            closed_days[period].append((f["closed"] - f["received_on"]).days)

    def percent(period: str) -> str:
        if not considered[period]:
            return NONE
        return f"{round(100 * in_time[period] / considered[period])}%"

    def mean(period: str) -> str:
        days = closed_days[period]
        return f"{sum(days) / len(days):.1f}" if days else NONE

    summary.rows = [
        (_("Received"), [received[p] for p in periods]),
        (_("Initial considerations made"), [considered[p] for p in periods]),
        (_("Of those, within 1 working day"), [in_time[p] for p in periods]),
        (_("Initial considerations within 1 working day"), [percent(p) for p in periods]),
        (_("Referrals to the Disclosure and Barring Service"), [dbs[p] for p in periods]),
        (_("Closed"), [len(closed_days[p]) for p in periods]),
        (_("Mean days from receipt to closure"), [mean(p) for p in periods]),
    ]
    return Analytics(periods=periods, tables=[summary, *tables])
