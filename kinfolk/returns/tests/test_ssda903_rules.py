"""One test per implemented SSDA903 rule (docs/reference/ssda903.md §4): the baseline return of
``ssda903_tables`` passes every rule; each case breaks it in one way and checks exactly which
rules fail, for which child and column; then fixes it and checks that nothing fails."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from kinfolk.returns.framework import CollectionYear
from kinfolk.returns.ssda903.rules import RULES, validate_ssda903
from kinfolk.returns.ssda903.rules.dates import parse_date
from kinfolk.returns.ssda903.tables import TABLES
from kinfolk.returns.tests.ssda903_tables import Tables, baseline, previous

YEAR = CollectionYear.parse("2025-26")

#: A change to the return (and to last year's, for tables named ``previous:...``).
Change = Callable[[Tables, Tables], None]


def _table(tables: Tables, last_year: Tables, name: str) -> list[dict[str, str]]:
    if name.startswith("previous:"):
        return last_year[name.removeprefix("previous:")]
    return tables[name]


def _child_rows(rows: list[dict[str, str]], child: str) -> list[dict[str, str]]:
    """The child's rows; episodes-like tables in date order, as the rules read them."""
    mine = [r for r in rows if r["CHILD"] == child]
    if mine and "DECOM" in mine[0]:
        mine.sort(key=lambda r: parse_date(r["DECOM"]) or dt.date.max)
    return mine


def put(table: str, child: str, column: str, value: str, index: int = 0) -> Change:
    def change(tables: Tables, last_year: Tables) -> None:
        _child_rows(_table(tables, last_year, table), child)[index][column] = value

    return change


def add(table: str, **values: str) -> Change:
    def change(tables: Tables, last_year: Tables) -> None:
        columns = TABLES[table.removeprefix("previous:")]
        _table(tables, last_year, table).append(
            {column: values.get(column, "") for column in columns}
        )

    return change


def drop(table: str, child: str, index: int = 0) -> Change:
    def change(tables: Tables, last_year: Tables) -> None:
        rows = _table(tables, last_year, table)
        rows.remove(_child_rows(rows, child)[index])

    return change


def duplicate(table: str, child: str) -> Change:
    def change(tables: Tables, last_year: Tables) -> None:
        rows = _table(tables, last_year, table)
        rows.append(dict(_child_rows(rows, child)[0]))

    return change


def dob_everywhere(child: str, dob: str) -> list[Change]:
    """The child's date of birth, changed in every table that has it."""

    def change(tables: Tables, last_year: Tables) -> None:
        for rows in tables.values():
            for row in rows:
                if row["CHILD"] == child and "DOB" in row:
                    row["DOB"] = dob

    return [change]


def v3_break(child: str, start: str, end: str) -> list[Change]:
    """The child's first episode becomes a single short break (V3), without postcodes or
    URN, and their reviews and missing periods go (short breaks have neither)."""
    changes = [
        put("episodes", child, "LS", "V3"),
        put("episodes", child, "DECOM", start),
        put("episodes", child, "DEC", end),
        put("episodes", child, "REC", "E13"),
    ]
    changes += [put("episodes", child, column, "") for column in ("HOME_POST", "PL_POST", "URN")]

    def forget(tables: Tables, last_year: Tables) -> None:
        for table in ("reviews", "missing"):
            tables[table] = [r for r in tables[table] if r["CHILD"] != child]

    return [*changes, forget]


def add_v3(child: str, start: str, end: str, ls: str = "V3") -> Change:
    return add(
        "episodes",
        CHILD=child,
        DECOM=start,
        RNE="S",
        LS=ls,
        CIN="N8",
        PLACE="K2",
        PLACE_PROVIDER="PR4",
        DEC=end,
        REC="E13",
    )


def temporary(child: str, place: str, start: str, end: str) -> list[Change]:
    """A temporary placement (T0 to T4) from ``start`` to ``end`` in the middle of the child's
    open episode, which resumes afterwards (RNE P, same placement)."""

    def change(tables: Tables, last_year: Tables) -> None:
        current = _child_rows(tables["episodes"], child)[-1]
        back = dict(current, DECOM=end, RNE="P")
        away = dict(
            current,
            DECOM=start,
            RNE="P",
            PLACE=place,
            PLACE_PROVIDER="",
            URN="",
            PL_POST="KF0 0TT",
            DEC=end,
            REC="X1",
        )
        current.update(DEC=start, REC="X1")
        tables["episodes"] += [away, back]

    return [change]


@dataclass(frozen=True)
class Case:
    code: str
    breaks: list[Change]
    fixes: list[Change]
    fails: list[tuple[str, str]] = field(default_factory=list)
    also: list[tuple[str, str, str]] = field(default_factory=list)
    previous: bool = False


def C(
    code: str,
    breaks: list[Change],
    fixes: list[Change],
    fails: list[tuple[str, str]] | None = None,
    also: list[tuple[str, str, str]] | None = None,
    previous: bool = False,
) -> Case:
    return Case(code, breaks, fixes, fails or [], also or [], previous)


CASES = [
    # Episodes: validity and sequencing
    C(
        "141",
        [put("episodes", "C5", "DECOM", "31/02/2025")],
        [put("episodes", "C5", "DECOM", "05/05/2025")],
        fails=[("C5", "DECOM")],
        also=[("634", "C5", "PREV_PERM"), ("SW12STG2", "C5", "SW_DECOM")],
    ),
    C(
        "142",
        [put("episodes", "C2", "DEC", ""), put("episodes", "C2", "REC", "")],
        [put("episodes", "C2", "DEC", "10/08/2025"), put("episodes", "C2", "REC", "X1")],
        fails=[("C2", "DEC")],
        also=[("433", "C2", "DECOM")],
    ),
    C(
        "143",
        [put("episodes", "C5", "RNE", "X")],
        [put("episodes", "C5", "RNE", "S")],
        fails=[("C5", "RNE")],
        also=[("357", "C5", "RNE"), ("634", "C5", "PREV_PERM")],
    ),
    C(
        "144",
        [put("episodes", "C5", "LS", "V1")],
        [put("episodes", "C5", "LS", "V2")],
        fails=[("C5", "LS")],
    ),
    C(
        "145",
        [put("episodes", "C5", "CIN", "N9")],
        [put("episodes", "C5", "CIN", "N8")],
        fails=[("C5", "CIN")],
    ),
    C(
        "146",
        [put("episodes", "C5", "PLACE", "H5")],
        [put("episodes", "C5", "PLACE", "K2")],
        fails=[("C5", "PLACE")],
    ),
    C(
        "147",
        [put("episodes", "C2", "DEC", "2025-08-10")],
        [put("episodes", "C2", "DEC", "10/08/2025")],
        fails=[("C2", "DEC")],
        also=[("388", "C2", "REC"), ("433", "C2", "DECOM")],
    ),
    C(
        "148",
        [put("episodes", "C5", "REC", "E13")],
        [put("episodes", "C5", "REC", "")],
        fails=[("C5", "DEC")],
    ),
    C(
        "149",
        [put("episodes", "C3", "REC", "E1", 1)],
        [put("episodes", "C3", "REC", "E11", 1)],
        fails=[("C3", "REC")],
        also=[("557", "C3", "DATE_PLACED_CEASED"), ("602", "C3", "CHILD")],
    ),
    C(
        "199",
        [
            add(
                "episodes",
                CHILD="C3",
                DECOM="01/02/2026",
                RNE="S",
                LS="V2",
                CIN="N1",
                PLACE="U6",
                PLACE_PROVIDER="PR1",
                HOME_POST="KF1 1AA",
                PL_POST="KF2 2BB",
                URN="1000009",
            )
        ],
        [drop("episodes", "C3", 2)],
        fails=[("C3", "DECOM")],
        also=[
            ("334", "C3", "DATE_INT"),
            ("630", "C3", "PREV_PERM"),
            ("SW12STG2", "C3", "SW_DECOM"),
            ("SW17STG2", "C3", "SW_DEC"),
        ],
    ),
    C(
        "217",
        [put("episodes", "C3", "RNE", "B", 1)],
        [put("episodes", "C3", "RNE", "U", 1)],
        fails=[("C3", "RNE")],
    ),
    C(
        "353",
        [
            put("episodes", "C1", "DECOM", "01/01/1990"),
            put("previous:episodes", "C1", "DECOM", "01/01/1990"),
        ],
        [
            put("episodes", "C1", "DECOM", "15/06/2023"),
            put("previous:episodes", "C1", "DECOM", "15/06/2023"),
        ],
        fails=[("C1", "DECOM")],
        also=[("302", "C1", "DECOM")],
    ),
    C(
        "354",
        [put("episodes", "C5", "DECOM", "05/05/2026")],
        [put("episodes", "C5", "DECOM", "05/05/2025")],
        fails=[("C5", "DECOM")],
        also=[("581", "C5", "MIS_START")],
    ),
    C(
        "355",
        [
            put("episodes", "C2", "DEC", "20/05/2025"),
            put("episodes", "C2", "DECOM", "20/05/2025", 1),
        ],
        [
            put("episodes", "C2", "DEC", "10/08/2025"),
            put("episodes", "C2", "DECOM", "10/08/2025", 1),
        ],
        fails=[("C2", "DEC")],
    ),
    C(
        "356",
        [put("episodes", "C3", "DEC", "01/05/2025", 1)],
        [put("episodes", "C3", "DEC", "15/12/2025", 1)],
        fails=[("C3", "DEC")],
    ),
    C(
        "357",
        [put("episodes", "C5", "RNE", "P")],
        [put("episodes", "C5", "RNE", "S")],
        fails=[("C5", "RNE")],
        also=[("634", "C5", "PREV_PERM")],
    ),
    C(
        "358",
        [put("episodes", "C2", "LS", "J1", 1)],
        [put("episodes", "C2", "LS", "C2", 1)],
        fails=[("C2", "LS")],
    ),
    C(
        "359",
        [*dob_everywhere("C5", "10/10/2007"), put("episodes", "C5", "LS", "C2")],
        [put("episodes", "C5", "LS", "V2")],
        fails=[("C5", "LS")],
    ),
    C(
        "385",
        [put("episodes", "C3", "DEC", "15/04/2026", 1)],
        [put("episodes", "C3", "DEC", "15/12/2025", 1)],
        fails=[("C3", "DEC")],
    ),
    C(
        "386",
        dob_everywhere("C3", "01/03/2007"),
        dob_everywhere("C3", "01/03/2022"),
        fails=[("C3", "REC")],
        also=[("209", "C3", "UPN"), ("440", "C3", "REVIEW_CODE"), ("607", "C3", "MOTHER")],
    ),
    C(
        "387",
        [
            put("episodes", "C5", "DEC", "01/02/2026"),
            put("episodes", "C5", "REC", "E5"),
            *dob_everywhere("C5", "10/10/2012"),
        ],
        [put("episodes", "C5", "REC", "E13")],
        fails=[("C5", "REC")],
    ),
    C(
        "388",
        [put("episodes", "C5", "DEC", "01/02/2026"), put("episodes", "C5", "REC", "X1")],
        [put("episodes", "C5", "REC", "E13")],
        fails=[("C5", "REC")],
    ),
    C(
        "389",
        [
            *dob_everywhere("C5", "10/10/2012"),
            put("episodes", "C5", "DEC", "01/02/2026"),
            put("episodes", "C5", "REC", "E7"),
        ],
        [put("episodes", "C5", "REC", "E13")],
        fails=[("C5", "REC")],
    ),
    C(
        "390",
        [put("episodes", "C3", "PLACE", "U6", 1)],
        [put("episodes", "C3", "PLACE", "A5", 1)],
        fails=[("C3", "REC")],
    ),
    C(
        "407",
        [
            put("episodes", "C5", "DEC", "01/02/2026"),
            put("episodes", "C5", "REC", "E48"),
            *dob_everywhere("C5", "10/10/2007"),
        ],
        [put("episodes", "C5", "REC", "E13"), put("episodes", "C5", "PLACE", "K2")],
        fails=[("C5", "REC")],
    ),
    C(
        "431",
        [put("episodes", "C2", "RNE", "S", 1), put("episodes", "C2", "REC", "E13")],
        [put("episodes", "C2", "DECOM", "11/08/2025", 1)],
        fails=[("C2", "RNE")],
    ),
    C(
        "432",
        [put("episodes", "C2", "REC", "E13")],
        [put("episodes", "C2", "REC", "X1")],
        fails=[("C2", "RNE")],
    ),
    C(
        "433",
        [put("episodes", "C2", "DECOM", "11/08/2025", 1)],
        [put("episodes", "C2", "DECOM", "10/08/2025", 1)],
        fails=[("C2", "DECOM")],
        also=[("388", "C2", "REC")],
    ),
    C(
        "434",
        [put("episodes", "C2", "LS", "C1", 1)],
        [put("episodes", "C2", "LS", "C2", 1)],
        fails=[("C2", "RNE")],
    ),
    C(
        "435",
        [put("episodes", "C1", "PLACE", "U6", 1), put("episodes", "C1", "PL_POST", "KF2 2BB", 1)],
        [put("episodes", "C1", "PL_POST", "KF3 3CC", 1)],
        fails=[("C1", "RNE")],
    ),
    C(
        "436",
        [put("episodes", "C3", "LS", "C2", 1)],
        [put("episodes", "C3", "LS", "E1", 1)],
        fails=[("C3", "RNE")],
        also=[("408", "C3", "LS")],
    ),
    C(
        "437",
        [
            put("episodes", "C2", "REC", "E2"),
            put("episodes", "C2", "RNE", "S", 1),
            put("episodes", "C2", "DECOM", "12/08/2025", 1),
        ],
        [
            put("episodes", "C2", "REC", "X1"),
            put("episodes", "C2", "RNE", "L", 1),
            put("episodes", "C2", "DECOM", "10/08/2025", 1),
        ],
        fails=[("C2", "REC")],
    ),
    C(
        "446",
        [
            put("episodes", "C1", "LS", "E1"),
            put("episodes", "C1", "DECOM", "15/06/2005"),
            put("previous:episodes", "C1", "DECOM", "15/06/2005"),
            put("previous:episodes", "C1", "LS", "E1"),
        ],
        [
            put("episodes", "C1", "DECOM", "15/06/2023"),
            put("previous:episodes", "C1", "DECOM", "15/06/2023"),
            put("episodes", "C1", "LS", "C2"),
            put("previous:episodes", "C1", "LS", "C2"),
        ],
        fails=[("C1", "LS")],
        also=[("302", "C1", "DECOM"), ("435", "C1", "RNE"), ("553", "C1", "DATE_PLACED")],
    ),
    C(
        "460",
        [put("episodes", "C5", "DEC", "01/02/2026"), put("episodes", "C5", "REC", "E17")],
        [put("episodes", "C5", "REC", "E13")],
        fails=[("C5", "REC")],
    ),
    C(
        "501",
        [put("episodes", "C2", "DEC", "12/08/2025")],
        [put("episodes", "C2", "DEC", "10/08/2025")],
        fails=[("C2", "DECOM")],
        also=[("388", "C2", "REC"), ("433", "C2", "DECOM")],
    ),
    C(
        "504",
        [put("episodes", "C2", "CIN", "N2", 1)],
        [put("episodes", "C2", "CIN", "N1", 1)],
        fails=[("C2", "CIN")],
    ),
    C(
        "516",
        [put("episodes", "C5", "DEC", "01/02/2026"), put("episodes", "C5", "REC", "E45")],
        [put("episodes", "C5", "REC", "E13")],
        fails=[("C5", "REC")],
    ),
    C(
        "502",
        [put("episodes", "C1", "DECOM", "16/06/2023")],
        [put("episodes", "C1", "DECOM", "15/06/2023")],
        previous=True,
        fails=[("C1", "DECOM")],
        also=[("562", "C1", "DECOM")],
    ),
    C(
        "503A",
        [put("previous:episodes", "C1", "RNE", "P")],
        [put("previous:episodes", "C1", "RNE", "S")],
        previous=True,
        fails=[("C1", "RNE")],
    ),
    C(
        "503B",
        [put("previous:episodes", "C1", "LS", "C1")],
        [put("previous:episodes", "C1", "LS", "C2")],
        previous=True,
        fails=[("C1", "LS")],
    ),
    C(
        "503C",
        [put("previous:episodes", "C1", "CIN", "N2")],
        [put("previous:episodes", "C1", "CIN", "N1")],
        previous=True,
        fails=[("C1", "CIN")],
    ),
    C(
        "503D",
        [put("previous:episodes", "C1", "PLACE", "U5")],
        [put("previous:episodes", "C1", "PLACE", "U6")],
        previous=True,
        fails=[("C1", "PLACE")],
    ),
    C(
        "503E",
        [put("previous:episodes", "C1", "PLACE_PROVIDER", "PR4")],
        [put("previous:episodes", "C1", "PLACE_PROVIDER", "PR1")],
        previous=True,
        fails=[("C1", "PLACE_PROVIDER")],
    ),
    C(
        "503F",
        [put("previous:episodes", "C1", "URN", "1000099")],
        [put("previous:episodes", "C1", "URN", "1000001")],
        previous=True,
        fails=[("C1", "URN")],
    ),
    C(
        "562",
        [
            put("previous:episodes", "C3", "DECOM", "01/01/2024"),
            put("previous:episodes", "C3", "DEC", "01/02/2024"),
            put("previous:episodes", "C3", "REC", "E13"),
        ],
        [
            put("previous:episodes", "C3", "DECOM", "01/02/2024"),
            put("previous:episodes", "C3", "DEC", ""),
            put("previous:episodes", "C3", "REC", ""),
        ],
        previous=True,
        fails=[("C3", "DECOM")],
    ),
    C(
        "NoE",
        [drop("previous:episodes", "C3")],
        [
            add(
                "previous:episodes",
                CHILD="C3",
                DECOM="01/02/2024",
                RNE="S",
                LS="C2",
                CIN="N1",
                PLACE="U6",
                PLACE_PROVIDER="PR1",
                HOME_POST="KF1 1AA",
                PL_POST="KF5 5EE",
                URN="1000004",
            )
        ],
        previous=True,
        fails=[("C3", "DECOM")],
        also=[("562", "C3", "DECOM")],
    ),
    # Episodes: legal status, placement, provider and durations
    C(
        "361",
        [put("episodes", "C5", "LS", "L1")],
        [put("episodes", "C5", "LS", "V2")],
        fails=[("C5", "DEC")],
    ),
    C(
        "362",
        [put("episodes", "C5", "LS", "L2")],
        [put("episodes", "C5", "LS", "V2")],
        fails=[("C5", "DEC")],
    ),
    C(
        "363",
        [put("episodes", "C5", "LS", "L3")],
        [put("episodes", "C5", "LS", "V2")],
        fails=[("C5", "DEC")],
    ),
    C(
        "364",
        [put("episodes", "C5", "LS", "J2")],
        [put("episodes", "C5", "LS", "V2")],
        fails=[("C5", "LS")],
    ),
    C(
        "365",
        v3_break("C5", "05/05/2025", "30/05/2025"),
        [put("episodes", "C5", "DEC", "20/05/2025")],
        fails=[("C5", "DEC")],
    ),
    C(
        "366",
        [*v3_break("C5", "05/05/2025", "15/05/2025"), put("episodes", "C5", "RNE", "P")],
        [put("episodes", "C5", "RNE", "S")],
        fails=[("C5", "RNE")],
        also=[("357", "C5", "RNE"), ("634", "C5", "PREV_PERM")],
    ),
    C(
        "367",
        [
            *v3_break("C5", "05/05/2025", "20/05/2025"),
            add_v3("C5", "01/06/2025", "15/06/2025"),
            add_v3("C5", "01/07/2025", "15/07/2025"),
            add_v3("C5", "01/08/2025", "15/08/2025"),
            add_v3("C5", "01/09/2025", "15/09/2025"),
            add_v3("C5", "01/10/2025", "15/10/2025"),
        ],
        [drop("episodes", "C5", 5)],
        fails=[("C5", "DEC")],
    ),
    C(
        "371",
        [put("episodes", "C5", "PLACE", "K3")],
        [put("header", "C5", "DOB", "10/10/2008"), *dob_everywhere("C5", "10/10/2008")],
        fails=[("C5", "PLACE")],
    ),
    C(
        "372",
        [
            put("episodes", "C2", "PLACE", "R5", 1),
            put("episodes", "C2", "PLACE_PROVIDER", "PR4", 1),
            put("episodes", "C2", "URN", "", 1),
            put("episodes", "C2", "PLACE", "R5"),
            put("episodes", "C2", "PLACE_PROVIDER", "PR4"),
            put("episodes", "C2", "URN", ""),
        ],
        [put("episodes", "C2", "PLACE", "R1", 1), put("episodes", "C2", "PLACE", "R1")],
        fails=[("C2", "PLACE")],
    ),
    C(
        "373",
        [put("episodes", "C3", "PLACE", "S1"), put("previous:episodes", "C3", "PLACE", "S1")],
        [put("episodes", "C3", "PLACE", "U6"), put("previous:episodes", "C3", "PLACE", "U6")],
        fails=[("C3", "PLACE")],
        also=[("336", "C3", "PLACE")],
    ),
    C(
        "374",
        [
            put("episodes", "C2", "PLACE", "P3", 1),
            put("episodes", "C2", "URN", "", 1),
            put("episodes", "C2", "PLACE", "P3"),
            put("episodes", "C2", "URN", ""),
        ],
        [put("episodes", "C2", "PLACE", "R1", 1), put("episodes", "C2", "PLACE", "R1")],
        fails=[("C2", "PLACE")],
    ),
    C(
        "375",
        temporary("C1", "T1", "01/10/2025", "20/11/2025"),
        [
            put("episodes", "C1", "DEC", "01/11/2025", 2),
            put("episodes", "C1", "DECOM", "01/11/2025", 3),
        ],
        fails=[("C1", "DEC")],
    ),
    C(
        "376",
        temporary("C1", "T3", "01/10/2025", "01/11/2025"),
        [
            put("episodes", "C1", "DEC", "15/10/2025", 2),
            put("episodes", "C1", "DECOM", "15/10/2025", 3),
        ],
        fails=[("C1", "DEC")],
    ),
    C(
        "377",
        temporary("C1", "T3", "01/10/2025", "05/10/2025")
        + temporary("C1", "T3", "01/11/2025", "05/11/2025")
        + temporary("C1", "T3", "01/12/2025", "05/12/2025"),
        [put("episodes", "C1", "PLACE", "T2", 6)],
        fails=[("C1", "PLACE")],
    ),
    C(
        "378",
        [
            put("episodes", "C5", "PLACE", "P1"),
            put("episodes", "C5", "PLACE_PROVIDER", "PR0"),
            put("episodes", "C5", "URN", ""),
            put("episodes", "C5", "PL_POST", "KF9 9JJ"),
        ],
        [put("episodes", "C5", "LS", "C2")],
        fails=[("C5", "PLACE")],
    ),
    C(
        "379",
        temporary("C1", "T4", "01/10/2025", "10/10/2025"),
        [
            put("episodes", "C1", "DEC", "05/10/2025", 2),
            put("episodes", "C1", "DECOM", "05/10/2025", 3),
        ],
        fails=[("C1", "DEC")],
    ),
    C(
        "380",
        [
            put("episodes", "C5", "PLACE", "T4"),
            put("episodes", "C5", "PLACE_PROVIDER", ""),
            put("episodes", "C5", "URN", ""),
            put("episodes", "C5", "DEC", "08/05/2025"),
            put("episodes", "C5", "REC", "X1"),
            add(
                "episodes",
                CHILD="C5",
                DECOM="08/05/2025",
                RNE="P",
                LS="V2",
                CIN="N8",
                PLACE="K2",
                PLACE_PROVIDER="PR4",
                HOME_POST="KF1 1AA",
                PL_POST="KF7 7GG",
                URN="1000005",
            ),
        ],
        [
            put("episodes", "C5", "RNE", "S"),
            put("episodes", "C5", "PLACE", "K2"),
            put("episodes", "C5", "PLACE_PROVIDER", "PR4"),
            put("episodes", "C5", "URN", "1000005"),
            put("episodes", "C5", "PL_POST", "KF6 6FF"),
            put("episodes", "C5", "REASON_PLACE_CHANGE", "CARPL"),
        ],
        fails=[("C5", "RNE")],
    ),
    C(
        "381",
        [
            put("episodes", "C5", "PLACE", "T2"),
            put("episodes", "C5", "PLACE_PROVIDER", ""),
            put("episodes", "C5", "URN", ""),
            put("episodes", "C5", "DEC", "01/02/2026"),
            put("episodes", "C5", "REC", "E13"),
        ],
        [
            put("episodes", "C5", "PLACE", "K2"),
            put("episodes", "C5", "PLACE_PROVIDER", "PR4"),
            put("episodes", "C5", "URN", "1000005"),
        ],
        fails=[("C5", "REC")],
        also=[("380", "C5", "RNE")],
    ),
    C(
        "382",
        [
            *v3_break("C5", "05/05/2025", "10/05/2025"),
            put("episodes", "C5", "PLACE", "T0"),
            put("episodes", "C5", "PLACE_PROVIDER", ""),
        ],
        [put("episodes", "C5", "PLACE", "K2"), put("episodes", "C5", "PLACE_PROVIDER", "PR4")],
        fails=[("C5", "PLACE")],
        also=[("380", "C5", "RNE"), ("381", "C5", "REC")],
    ),
    C(
        "383",
        [
            *temporary("C1", "T2", "01/10/2025", "05/10/2025"),
            put("episodes", "C1", "PL_POST", "KF9 9JJ", 3),
        ],
        [put("episodes", "C1", "PL_POST", "KF3 3CC", 3)],
        fails=[("C1", "PLACE")],
    ),
    C(
        "384",
        [
            *v3_break("C5", "05/05/2025", "15/05/2025"),
            put("episodes", "C5", "PLACE", "U4"),
            put("episodes", "C5", "PLACE_PROVIDER", "PR1"),
        ],
        [put("episodes", "C5", "PLACE", "U6")],
        fails=[("C5", "PLACE")],
    ),
    C(
        "408",
        [put("episodes", "C3", "LS", "C2", 1), put("episodes", "C3", "RNE", "T", 1)],
        [put("episodes", "C3", "LS", "E1", 1), put("episodes", "C3", "RNE", "U", 1)],
        fails=[("C3", "LS")],
    ),
    C(
        "426",
        [
            *v3_break("C5", "05/05/2025", "15/05/2025"),
            add_v3("C5", "01/06/2025", "05/06/2025", ls="V4"),
        ],
        [put("episodes", "C5", "LS", "V3", 1)],
        fails=[("C5", "LS")],
    ),
    C(
        "178",
        [put("episodes", "C5", "PLACE_PROVIDER", "PR9")],
        [put("episodes", "C5", "PLACE_PROVIDER", "PR4")],
        fails=[("C5", "PLACE_PROVIDER")],
    ),
    C(
        "213",
        [put("episodes", "C5", "PLACE", "Z11"), put("episodes", "C5", "URN", "")],
        [put("episodes", "C5", "PLACE_PROVIDER", "")],
        fails=[("C5", "PLACE_PROVIDER")],
    ),
    C(
        "526",
        [put("episodes", "C5", "PLACE_PROVIDER", "")],
        [put("episodes", "C5", "PLACE_PROVIDER", "PR5")],
        fails=[("C5", "PLACE_PROVIDER")],
    ),
    C(
        "527",
        [
            put("episodes", "C5", "PLACE", "R2"),
            put("episodes", "C5", "PLACE_PROVIDER", "PR1"),
            put("episodes", "C5", "URN", ""),
        ],
        [put("episodes", "C5", "PLACE_PROVIDER", "PR3")],
        fails=[("C5", "PLACE_PROVIDER")],
    ),
    C(
        "528",
        [
            put("episodes", "C5", "PLACE", "R2"),
            put("episodes", "C5", "PLACE_PROVIDER", "PR2"),
            put("episodes", "C5", "URN", ""),
        ],
        [put("episodes", "C5", "PLACE_PROVIDER", "PR3")],
        fails=[("C5", "PLACE_PROVIDER")],
    ),
    C(
        "529",
        [put("episodes", "C5", "PLACE_PROVIDER", "PR3")],
        [put("episodes", "C5", "PLACE_PROVIDER", "PR4")],
        fails=[("C5", "PLACE_PROVIDER")],
    ),
    C(
        "530",
        [
            put("episodes", "C5", "PLACE", "P1"),
            put("episodes", "C5", "LS", "C2"),
            put("episodes", "C5", "URN", ""),
            put("episodes", "C5", "PL_POST", "KF9 9JJ"),
        ],
        [put("episodes", "C5", "PLACE_PROVIDER", "PR0")],
        fails=[("C5", "PLACE_PROVIDER")],
    ),
    C(
        "531",
        [
            put("episodes", "C5", "PLACE", "P1"),
            put("episodes", "C5", "LS", "C2"),
            put("episodes", "C5", "URN", ""),
            put("episodes", "C5", "PL_POST", "KF9 9JJ"),
            put("episodes", "C5", "PLACE_PROVIDER", "PR5"),
        ],
        [put("episodes", "C5", "PLACE_PROVIDER", "PR0")],
        fails=[("C5", "PLACE_PROVIDER")],
    ),
    C(
        "550",
        [put("episodes", "C5", "PLACE_PROVIDER", "PR0")],
        [put("episodes", "C5", "PLACE_PROVIDER", "PR4")],
        fails=[("C5", "PLACE_PROVIDER")],
    ),
    C(
        "225",
        [put("episodes", "C1", "REASON_PLACE_CHANGE", "")],
        [put("episodes", "C1", "REASON_PLACE_CHANGE", "CHILD")],
        fails=[("C1", "REASON_PLACE_CHANGE")],
    ),
    C(
        "226",
        [
            *temporary("C1", "T2", "01/10/2025", "05/10/2025"),
            put("episodes", "C1", "REASON_PLACE_CHANGE", "OTHER", 1),
        ],
        [put("episodes", "C1", "REASON_PLACE_CHANGE", "", 1)],
        fails=[("C1", "REASON_PLACE_CHANGE")],
    ),
    C(
        "233",
        [put("episodes", "C5", "REASON_PLACE_CHANGE", "CARPL")],
        [put("episodes", "C5", "REASON_PLACE_CHANGE", "")],
        fails=[("C5", "REASON_PLACE_CHANGE")],
    ),
    C(
        "234",
        [put("episodes", "C3", "REASON_PLACE_CHANGE", "CUSTOD")],
        [put("episodes", "C3", "REASON_PLACE_CHANGE", "CARPL")],
        fails=[("C3", "REASON_PLACE_CHANGE")],
    ),
    C(
        "1009",
        [put("episodes", "C1", "REASON_PLACE_CHANGE", "MOVED")],
        [put("episodes", "C1", "REASON_PLACE_CHANGE", "CARPL")],
        fails=[("C1", "REASON_PLACE_CHANGE")],
    ),
    C(
        "214",
        [*v3_break("C5", "05/05/2025", "15/05/2025"), put("episodes", "C5", "URN", "1000005")],
        [put("episodes", "C5", "URN", "")],
        fails=[("C5", "URN")],
    ),
    C(
        "218",
        [put("episodes", "C5", "URN", "")],
        [put("episodes", "C5", "URN", "1000008")],
        fails=[("C5", "URN")],
    ),
    C(
        "222",
        [put("episodes", "C5", "PLACE", "R1")],
        [put("episodes", "C5", "URN", "")],
        fails=[("C5", "URN")],
    ),
    C(
        "242",
        [put("episodes", "C5", "URN", "XXXXXXX")],
        [put("episodes", "C5", "URN", "1000005")],
        fails=[("C5", "URN")],
    ),
    C(
        "392b",
        [put("episodes", "C5", "HOME_POST", "")],
        [put("episodes", "C5", "HOME_POST", "KF1 1AA")],
        fails=[("C5", "HOME_POST")],
    ),
    C(
        "392d",
        [put("episodes", "C5", "PL_POST", "KF1 1AA")],
        [put("episodes", "C5", "PL_POST", "KF7 7GG")],
        fails=[("C5", "PL_POST")],
    ),
    C(
        "398",
        [
            *v3_break("C5", "05/05/2025", "15/05/2025"),
            put("episodes", "C5", "HOME_POST", "KF1 1AA"),
        ],
        [put("episodes", "C5", "HOME_POST", "")],
        fails=[("C5", "HOME_POST")],
    ),
    # Header, UASC and identity
    C(
        "101",
        [put("header", "C2", "SEX", "1")],
        [put("header", "C2", "SEX", "M")],
        fails=[("C2", "SEX")],
    ),
    C(
        "102",
        [put("header", "C2", "DOB", "1/2/2020")],
        [put("header", "C2", "DOB", "01/02/2020")],
        fails=[("C2", "DOB")],
        also=[("INT16", "C2", "DOB"), ("INT17", "C2", "DOB")],
    ),
    C(
        "103",
        [put("header", "C2", "ETHNIC", "WHIT")],
        [put("header", "C2", "ETHNIC", "MWBC")],
        fails=[("C2", "ETHNIC")],
    ),
    C(
        "104",
        [put("uasc", "C5", "DUC", "31/09/2025")],
        [put("uasc", "C5", "DUC", "")],
        fails=[("C5", "DUC")],
    ),
    C(
        "165",
        [put("header", "C1", "MOTHER", "2")],
        [put("header", "C1", "MOTHER", "0")],
        fails=[("C1", "MOTHER")],
    ),
    C(
        "168",
        [put("header", "C2", "UPN", "I123456789012")],
        [put("header", "C2", "UPN", "UN2")],
        fails=[("C2", "UPN")],
    ),
    C(
        "171",
        [put("header", "C1", "MC_DOB", "32/01/2025"), put("header", "C1", "MOTHER", "1")],
        [put("header", "C1", "MC_DOB", "12/01/2025")],
        fails=[("C1", "MC_DOB")],
    ),
    C(
        "174",
        [put("header", "C2", "MC_DOB", "01/01/2025")],
        [put("header", "C2", "MC_DOB", "")],
        fails=[("C2", "MC_DOB")],
        also=[("612", "C2", "MOTHER"), ("620", "C2", "MC_DOB")],
    ),
    C(
        "202",
        [put("previous:header", "C1", "SEX", "M")],
        [put("previous:header", "C1", "SEX", "F")],
        previous=True,
        fails=[("C1", "SEX")],
    ),
    C(
        "203",
        [put("previous:header", "C1", "DOB", "11/05/2012")],
        [put("previous:header", "C1", "DOB", "10/05/2012")],
        previous=True,
        fails=[("C1", "DOB")],
    ),
    C(
        "204",
        [put("previous:header", "C1", "ETHNIC", "WOTH")],
        [put("previous:header", "C1", "ETHNIC", "WBRI")],
        previous=True,
        fails=[("C1", "ETHNIC")],
    ),
    C(
        "205A",
        [add("previous:uasc", CHILD="C1", SEX="F", DOB="10/05/2012", DUC="")],
        [put("previous:uasc", "C1", "DUC", "01/01/2025")],
        previous=True,
        fails=[("C1", "DUC")],
    ),
    C(
        "205B",
        [
            add("previous:header", CHILD="C5", SEX="M", DOB="10/10/2009", ETHNIC="AOTH", UPN="UN2"),
            add("previous:uasc", CHILD="C5", SEX="M", DOB="10/10/2009", DUC="01/01/2025"),
            put("uasc", "C5", "DUC", ""),
        ],
        [put("uasc", "C5", "DUC", "01/01/2025")],
        previous=True,
        fails=[("C5", "DUC")],
    ),
    C(
        "205D",
        [add("previous:header", CHILD="C5", SEX="M", DOB="10/10/2009", ETHNIC="AOTH", UPN="UN2")],
        [add("previous:uasc", CHILD="C5", SEX="M", DOB="10/10/2009", DUC="")],
        previous=True,
        fails=[("C5", "DUC")],
    ),
    C(
        "207",
        [
            put("previous:header", "C1", "MOTHER", "1"),
            put("previous:header", "C1", "MC_DOB", "01/01/2025"),
        ],
        [put("header", "C1", "MOTHER", "1"), put("header", "C1", "MC_DOB", "01/01/2025")],
        previous=True,
        fails=[("C1", "MOTHER")],
    ),
    C(
        "208",
        [put("previous:header", "C1", "UPN", "A999999999999")],
        [put("previous:header", "C1", "UPN", "A123456789012")],
        previous=True,
        fails=[("C1", "UPN")],
    ),
    C(
        "209",
        [put("header", "C2", "UPN", "UN1")],
        [put("header", "C2", "UPN", "UN2")],
        fails=[("C2", "UPN")],
    ),
    C(
        "210",
        [put("header", "C5", "UPN", "UN4")],
        [put("header", "C5", "UPN", "UN5")],
        fails=[("C5", "UPN")],
    ),
    C(
        "231",
        dob_everywhere("C5", "10/10/2016"),
        dob_everywhere("C5", "10/10/2013"),
        fails=[("C5", "DOB")],
    ),
    C(
        "232",
        [put("header", "C2", "SEX", "U")],
        [put("header", "C2", "SEX", "M")],
        fails=[("C2", "SEX")],
    ),
    C(
        "301",
        dob_everywhere("C2", "01/02/2027"),
        dob_everywhere("C2", "01/02/2020"),
        fails=[("C2", "DOB")],
        also=[("302", "C2", "DECOM"), ("441", "C2", "REVIEW_CODE")],
    ),
    C(
        "302",
        dob_everywhere("C2", "01/06/2025"),
        dob_everywhere("C2", "01/02/2020"),
        fails=[("C2", "DECOM")],
        also=[("441", "C2", "REVIEW_CODE")],
    ),
    C(
        "304",
        [put("uasc", "C5", "DUC", "11/10/2027")],
        [put("uasc", "C5", "DUC", "10/10/2027")],
        fails=[("C5", "DUC")],
    ),
    C(
        "351",
        [put("header", "C4", "DOB", "15/06/1999"), put("oc3", "C4", "DOB", "15/06/1999")],
        [put("header", "C4", "DOB", "15/06/2007"), put("oc3", "C4", "DOB", "15/06/2007")],
        fails=[("C4", "DOB")],
        also=[("391", "C4", "DOB")],
    ),
    C(
        "352",
        [
            *dob_everywhere("C5", "10/10/2006"),
            put("episodes", "C5", "DEC", "01/02/2026"),
            put("episodes", "C5", "REC", "E8"),
        ],
        dob_everywhere("C5", "10/10/2009"),
        fails=[("C5", "DECOM")],
    ),
    C(
        "393",
        [put("header", "C1", "MOTHER", "")],
        [put("header", "C1", "MOTHER", "0")],
        fails=[("C1", "MOTHER")],
    ),
    C(
        "442",
        [put("header", "C2", "UPN", "")],
        [put("header", "C2", "UPN", "UN5")],
        fails=[("C2", "UPN")],
    ),
    C(
        "444",
        [put("header", "C2", "UPN", "A123456789012")],
        [put("header", "C2", "UPN", "B123456789012")],
        fails=[("C1", "UPN"), ("C2", "UPN")],
    ),
    C(
        "607",
        [
            put("episodes", "C1", "DEC", "01/02/2026", 1),
            put("episodes", "C1", "REC", "E13", 1),
            put("header", "C1", "MOTHER", ""),
            drop("oc2", "C1"),
        ],
        [put("header", "C1", "MOTHER", "0")],
        fails=[("C1", "MOTHER")],
    ),
    C(
        "611",
        [put("header", "C1", "MOTHER", "1")],
        [put("header", "C1", "MC_DOB", "01/01/2026")],
        fails=[("C1", "MC_DOB")],
    ),
    C(
        "612",
        [put("header", "C1", "MC_DOB", "01/01/2026")],
        [put("header", "C1", "MOTHER", "1")],
        fails=[("C1", "MOTHER")],
    ),
    C(
        "620",
        [put("header", "C1", "MOTHER", "1"), put("header", "C1", "MC_DOB", "01/01/2022")],
        [put("header", "C1", "MC_DOB", "01/01/2026")],
        fails=[("C1", "MC_DOB")],
    ),
    C(
        "621",
        [put("header", "C1", "MOTHER", "1"), put("header", "C1", "MC_DOB", "01/01/2012")],
        [put("header", "C1", "MC_DOB", "01/01/2026")],
        fails=[("C1", "MC_DOB")],
    ),
    C(
        "624",
        [
            put("header", "C1", "MOTHER", "1"),
            put("header", "C1", "MC_DOB", "01/01/2025"),
            put("previous:header", "C1", "MOTHER", "1"),
            put("previous:header", "C1", "MC_DOB", "02/01/2025"),
        ],
        [put("previous:header", "C1", "MC_DOB", "01/01/2025")],
        previous=True,
        fails=[("C1", "MC_DOB")],
    ),
    C(
        "625",
        [put("header", "C1", "MOTHER", "1"), put("header", "C1", "MC_DOB", "01/04/2026")],
        [put("header", "C1", "MC_DOB", "01/03/2026")],
        fails=[("C1", "MC_DOB")],
    ),
    C(
        "626",
        [put("header", "C1", "MOTHER", "1"), put("header", "C1", "MC_DOB", "01/01/2025")],
        [put("header", "C1", "MC_DOB", "01/01/2026")],
        previous=True,
        fails=[("C1", "MC_DOB")],
    ),
    C(
        "628",
        [put("header", "C4", "MOTHER", "0")],
        [put("header", "C4", "MOTHER", "")],
        fails=[("C4", "MOTHER")],
    ),
    C("EPI", [drop("oc3", "C4")], [drop("header", "C4")], fails=[("C4", "CHILD")]),
    C(
        "INT01",
        [put("ad1", "C3", "CHILD", "C9")],
        [put("ad1", "C9", "CHILD", "C3")],
        fails=[("C9", "CHILD")],
        also=[("601", "C3", "CHILD"), ("602", "C9", "CHILD")],
    ),
    C(
        "INT02",
        [put("placed_adoption", "C3", "CHILD", "C9")],
        [put("placed_adoption", "C9", "CHILD", "C3")],
        fails=[("C9", "CHILD")],
        also=[("551", "C3", "DATE_PLACED"), ("553", "C3", "DATE_PLACED")],
    ),
    C(
        "INT03",
        [put("episodes", "C5", "CHILD", "C9")],
        [put("episodes", "C9", "CHILD", "C5")],
        fails=[("C9", "CHILD")],
        also=[
            ("630", "C9", "PREV_PERM"),
            ("634", "C5", "PREV_PERM"),
            ("EPI", "C5", "CHILD"),
            ("SW12STG2", "C9", "SW_DECOM"),
            ("SW17STG2", "C9", "SW_DEC"),
        ],
    ),
    C(
        "INT04",
        [put("missing", "C5", "CHILD", "C9")],
        [put("missing", "C9", "CHILD", "C5")],
        fails=[("C9", "CHILD")],
    ),
    C(
        "INT05",
        [put("oc2", "C1", "CHILD", "C9")],
        [put("oc2", "C9", "CHILD", "C1")],
        fails=[("C9", "CHILD")],
        also=[
            ("185", "C9", "SDQ_SCORE"),
            ("186", "C1", "SDQ_SCORE"),
            ("190", "C9", "CONVICTED"),
            ("191", "C1", "CHILD"),
            ("543", "C1", "CONVICTED"),
        ],
    ),
    C(
        "INT06",
        [put("oc3", "C4", "CHILD", "C9")],
        [put("oc3", "C9", "CHILD", "C4")],
        fails=[("C9", "CHILD")],
        also=[("EPI", "C4", "CHILD")],
    ),
    C(
        "INT07",
        [put("prev_perm", "C5", "CHILD", "C9")],
        [put("prev_perm", "C9", "CHILD", "C5")],
        fails=[("C9", "CHILD")],
        also=[("630", "C5", "PREV_PERM"), ("634", "C9", "PREV_PERM")],
    ),
    C(
        "INT08",
        [put("reviews", "C5", "CHILD", "C9")],
        [put("reviews", "C9", "CHILD", "C5")],
        fails=[("C9", "CHILD")],
    ),
    C(
        "INT09",
        [put("uasc", "C5", "CHILD", "C9")],
        [put("uasc", "C9", "CHILD", "C5")],
        fails=[("C9", "CHILD")],
    ),
    C(
        "INT11",
        [put("ad1", "C3", "DOB", "02/03/2022")],
        [put("ad1", "C3", "DOB", "01/03/2022")],
        fails=[("C3", "DOB")],
    ),
    C(
        "INT12",
        [put("placed_adoption", "C3", "DOB", "02/03/2022")],
        [put("placed_adoption", "C3", "DOB", "01/03/2022")],
        fails=[("C3", "DOB")],
    ),
    C(
        "INT13",
        [put("missing", "C5", "DOB", "11/10/2009")],
        [put("missing", "C5", "DOB", "10/10/2009")],
        fails=[("C5", "DOB")],
    ),
    C(
        "INT14",
        [put("oc2", "C1", "DOB", "11/05/2012")],
        [put("oc2", "C1", "DOB", "10/05/2012")],
        fails=[("C1", "DOB")],
    ),
    C(
        "INT15",
        [put("oc3", "C4", "DOB", "16/06/2007")],
        [put("oc3", "C4", "DOB", "15/06/2007")],
        fails=[("C4", "DOB")],
    ),
    C(
        "INT16",
        [put("prev_perm", "C5", "DOB", "11/10/2009")],
        [put("prev_perm", "C5", "DOB", "10/10/2009")],
        fails=[("C5", "DOB")],
    ),
    C(
        "INT17",
        [put("reviews", "C5", "DOB", "11/10/2009")],
        [put("reviews", "C5", "DOB", "10/10/2009")],
        fails=[("C5", "DOB")],
    ),
    C(
        "INT18",
        [put("uasc", "C5", "DOB", "11/10/2009")],
        [put("uasc", "C5", "DOB", "10/10/2009")],
        fails=[("C5", "DOB")],
    ),
    C(
        "INT21",
        [put("uasc", "C5", "SEX", "F")],
        [put("uasc", "C5", "SEX", "M")],
        fails=[("C5", "SEX")],
    ),
    C("INT31", [duplicate("ad1", "C3")], [drop("ad1", "C3", 1)], fails=[("C3", "CHILD")]),
    C("INT32", [duplicate("header", "C2")], [drop("header", "C2", 1)], fails=[("C2", "CHILD")]),
    C("INT33", [duplicate("oc2", "C1")], [drop("oc2", "C1", 1)], fails=[("C1", "CHILD")]),
    C("INT34", [duplicate("oc3", "C4")], [drop("oc3", "C4", 1)], fails=[("C4", "CHILD")]),
    C(
        "INT35",
        [duplicate("prev_perm", "C5")],
        [drop("prev_perm", "C5", 1)],
        fails=[("C5", "CHILD")],
    ),
    C("INT36", [duplicate("uasc", "C5")], [drop("uasc", "C5", 1)], fails=[("C5", "CHILD")]),
    # Reviews
    C(
        "166",
        [put("reviews", "C5", "REVIEW", "")],
        [put("reviews", "C5", "REVIEW", "20/06/2025")],
        fails=[("C5", "REVIEW")],
    ),
    C(
        "167",
        [put("reviews", "C5", "REVIEW_CODE", "PN8")],
        [put("reviews", "C5", "REVIEW_CODE", "PN7")],
        fails=[("C5", "REVIEW_CODE")],
    ),
    C(
        "399",
        [
            *v3_break("C5", "05/05/2025", "15/05/2025"),
            add("reviews", CHILD="C5", DOB="10/10/2009", REVIEW="12/05/2025", REVIEW_CODE="PN1"),
        ],
        [drop("reviews", "C5")],
        fails=[("C5", "REVIEW")],
    ),
    C(
        "440",
        [put("reviews", "C5", "REVIEW_CODE", "PN0")],
        [put("reviews", "C5", "REVIEW_CODE", "PN6")],
        fails=[("C5", "REVIEW_CODE")],
    ),
    C(
        "441",
        [put("reviews", "C3", "REVIEW_CODE", "PN1")],
        [put("reviews", "C3", "REVIEW_CODE", "PN0")],
        fails=[("C3", "REVIEW_CODE")],
    ),
    # OC2
    C(
        "157",
        [put("oc2", "C1", "SDQ_SCORE", ""), put("oc2", "C1", "SDQ_REASON", "SDQ1")],
        [put("oc2", "C1", "SDQ_REASON", "SDQ5")],
        fails=[("C1", "SDQ_REASON")],
    ),
    C(
        "158",
        [
            put("oc2", "C1", "SUBSTANCE_MISUSE", "1"),
            put("oc2", "C1", "INTERVENTION_RECEIVED", "1"),
            put("oc2", "C1", "INTERVENTION_OFFERED", "0"),
        ],
        [put("oc2", "C1", "INTERVENTION_OFFERED", "")],
        fails=[("C1", "INTERVENTION_OFFERED")],
    ),
    C(
        "159",
        [put("oc2", "C1", "SUBSTANCE_MISUSE", "1"), put("oc2", "C1", "INTERVENTION_RECEIVED", "0")],
        [put("oc2", "C1", "INTERVENTION_OFFERED", "1")],
        fails=[("C1", "INTERVENTION_OFFERED")],
    ),
    C(
        "180",
        [put("oc2", "C1", "SDQ_SCORE", "41")],
        [put("oc2", "C1", "SDQ_SCORE", "40")],
        fails=[("C1", "SDQ_SCORE")],
    ),
    C(
        "181",
        [put("oc2", "C1", "TEETH_CHECK", "Y")],
        [put("oc2", "C1", "TEETH_CHECK", "1")],
        fails=[("C1", "TEETH_CHECK")],
    ),
    C(
        "182",
        [put("oc2", "C1", "TEETH_CHECK", "")],
        [put("oc2", "C1", "TEETH_CHECK", "0")],
        fails=[("C1", "TEETH_CHECK")],
    ),
    C(
        "185",
        [add("oc2", CHILD="C2", DOB="01/02/2020", SDQ_SCORE="10")],
        [drop("oc2", "C2")],
        fails=[("C2", "SDQ_SCORE")],
    ),
    C(
        "186",
        [put("oc2", "C1", "SDQ_SCORE", "")],
        [put("oc2", "C1", "SDQ_REASON", "SDQ4")],
        fails=[("C1", "SDQ_SCORE")],
    ),
    C(
        "187",
        [add("oc3", CHILD="C1", DOB="10/05/2012")],
        [drop("oc3", "C1")],
        fails=[("C1", "CHILD")],
        also=[("131", "C1", "IN_TOUCH"), ("132", "C1", "ACTIV"), ("133", "C1", "ACCOM")],
    ),
    C(
        "188",
        [
            *dob_everywhere("C3", "01/03/2023"),
            add("oc2", CHILD="C3", DOB="01/03/2023", SDQ_REASON="SDQ1"),
        ],
        [drop("oc2", "C3")],
        fails=[("C3", "SDQ_SCORE")],
        also=[("187", "C3", "CHILD"), ("198", "C3", "SDQ_REASON")],
    ),
    C(
        "189",
        [
            add("oc2", CHILD="C5", DOB="10/10/2009", SDQ_REASON="SDQ4"),
            *dob_everywhere("C5", "10/10/2007"),
            put("episodes", "C5", "DEC", "01/02/2026"),
            put("episodes", "C5", "REC", "E8"),
        ],
        [drop("oc2", "C5")],
        fails=[("C5", "SDQ_SCORE")],
        also=[("198", "C5", "SDQ_REASON")],
    ),
    C(
        "190",
        [
            add(
                "oc2",
                CHILD="C2",
                DOB="01/02/2020",
                IMMUNISATIONS="1",
                TEETH_CHECK="1",
                HEALTH_ASSESSMENT="1",
                SUBSTANCE_MISUSE="0",
            )
        ],
        [drop("oc2", "C2")],
        fails=[("C2", "IMMUNISATIONS")],
    ),
    C(
        "191",
        [
            put("oc2", "C1", item, "")
            for item in (
                "IMMUNISATIONS",
                "TEETH_CHECK",
                "HEALTH_ASSESSMENT",
                "SUBSTANCE_MISUSE",
                "CONVICTED",
            )
        ],
        [
            put("oc2", "C1", item, "1")
            for item in ("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "CONVICTED")
        ]
        + [put("oc2", "C1", "SUBSTANCE_MISUSE", "0")],
        fails=[("C1", "IMMUNISATIONS")],
        also=[("543", "C1", "CONVICTED")],
    ),
    C(
        "192",
        [put("oc2", "C1", "SUBSTANCE_MISUSE", "1")],
        [put("oc2", "C1", "INTERVENTION_RECEIVED", "1")],
        fails=[("C1", "INTERVENTION_RECEIVED")],
    ),
    C(
        "193",
        [put("oc2", "C1", "INTERVENTION_RECEIVED", "1")],
        [put("oc2", "C1", "INTERVENTION_RECEIVED", "")],
        fails=[("C1", "INTERVENTION_RECEIVED")],
    ),
    C(
        "196",
        [put("oc2", "C1", "SDQ_SCORE", ""), put("oc2", "C1", "SDQ_REASON", "SDQ6")],
        [put("oc2", "C1", "SDQ_REASON", "SDQ2")],
        fails=[("C1", "SDQ_REASON")],
    ),
    C(
        "197a",
        [put("oc2", "C1", "SDQ_REASON", "SDQ2")],
        [put("oc2", "C1", "SDQ_SCORE", "")],
        fails=[("C1", "SDQ_REASON")],
    ),
    C(
        "197B",
        [
            *dob_everywhere("C1", "10/05/2021"),
            put("header", "C1", "MOTHER", ""),
            put("oc2", "C1", "SDQ_SCORE", ""),
            put("oc2", "C1", "CONVICTED", ""),
        ],
        [put("oc2", "C1", "SDQ_REASON", "SDQ4"), put("oc2", "C1", "HEALTH_CHECK", "1")],
        fails=[("C1", "SDQ_REASON")],
        also=[("545", "C1", "HEALTH_CHECK")],
    ),
    C(
        "198",
        [add("oc2", CHILD="C2", DOB="01/02/2020", SDQ_REASON="SDQ4")],
        [drop("oc2", "C2")],
        fails=[("C2", "SDQ_REASON")],
    ),
    C(
        "215",
        [add("oc3", CHILD="C1", DOB="10/05/2012", IN_TOUCH="YES", ACTIV="F2", ACCOM="B1")],
        [drop("oc3", "C1")],
        fails=[("C1", "IMMUNISATIONS")],
        also=[("1007", "C1", "IN_TOUCH"), ("187", "C1", "CHILD"), ("391", "C1", "DOB")],
    ),
    C(
        "542",
        [*dob_everywhere("C1", "10/05/2017"), put("header", "C1", "MOTHER", "")],
        [put("oc2", "C1", "CONVICTED", "")],
        fails=[("C1", "CONVICTED")],
    ),
    C(
        "543",
        [put("oc2", "C1", "CONVICTED", "")],
        [put("oc2", "C1", "CONVICTED", "1")],
        fails=[("C1", "CONVICTED")],
    ),
    C(
        "544",
        [add("oc2", CHILD="C2", DOB="01/02/2020", CONVICTED="0")],
        [drop("oc2", "C2")],
        fails=[("C2", "CONVICTED")],
        also=[("190", "C2", "CONVICTED"), ("542", "C2", "CONVICTED")],
    ),
    C(
        "545",
        [
            *dob_everywhere("C1", "10/05/2022"),
            put("header", "C1", "MOTHER", ""),
            put("oc2", "C1", "SDQ_SCORE", ""),
            put("oc2", "C1", "CONVICTED", ""),
            put("reviews", "C1", "REVIEW_CODE", "PN0"),
        ],
        [put("oc2", "C1", "HEALTH_CHECK", "1")],
        fails=[("C1", "HEALTH_CHECK")],
    ),
    C(
        "546",
        [put("oc2", "C1", "HEALTH_CHECK", "1")],
        [put("oc2", "C1", "HEALTH_CHECK", "")],
        fails=[("C1", "HEALTH_CHECK")],
    ),
    C(
        "547",
        [add("oc2", CHILD="C2", DOB="01/02/2020", HEALTH_CHECK="1")],
        [drop("oc2", "C2")],
        fails=[("C2", "HEALTH_CHECK")],
        also=[("190", "C2", "HEALTH_CHECK"), ("546", "C2", "HEALTH_CHECK")],
    ),
    # OC3
    C(
        "131",
        [put("oc3", "C4", "IN_TOUCH", "Y")],
        [put("oc3", "C4", "IN_TOUCH", "YES")],
        fails=[("C4", "IN_TOUCH")],
    ),
    C(
        "132",
        [put("oc3", "C4", "ACTIV", "F3")],
        [put("oc3", "C4", "ACTIV", "F2")],
        fails=[("C4", "ACTIV")],
    ),
    C(
        "133",
        [put("oc3", "C4", "ACCOM", "S1")],
        [put("oc3", "C4", "ACCOM", "S2")],
        fails=[("C4", "ACCOM")],
    ),
    C(
        "134",
        [add("ad1", CHILD="C4", DOB="15/06/2007")],
        [drop("ad1", "C4")],
        fails=[("C4", "CHILD")],
        also=[("1012", "C4", "CHILD"), ("602", "C4", "CHILD")],
    ),
    C(
        "153",
        [put("oc3", "C4", "ACCOM", "")],
        [put("oc3", "C4", "ACCOM", "U1")],
        fails=[("C4", "ACCOM")],
        also=[("133", "C4", "ACCOM")],
    ),
    C(
        "344",
        [put("oc3", "C4", "IN_TOUCH", "DIED")],
        [put("oc3", "C4", "ACTIV", "0"), put("oc3", "C4", "ACCOM", "0")],
        fails=[("C4", "ACCOM"), ("C4", "ACTIV")],
    ),
    C(
        "345",
        [put("oc3", "C4", "ACTIV", "0")],
        [put("oc3", "C4", "IN_TOUCH", "NO"), put("oc3", "C4", "ACCOM", "0")],
        fails=[("C4", "ACTIV")],
    ),
    C(
        "347",
        [put("oc3", "C4", "ACCOM", "T1"), *dob_everywhere("C4", "15/06/2008")],
        [put("oc3", "C4", "ACCOM", "D1")],
        fails=[("C4", "ACCOM")],
    ),
    C(
        "348",
        [add("previous:oc3", CHILD="C4", DOB="15/06/2007", IN_TOUCH="DIED", ACTIV="0", ACCOM="0")],
        [
            put("oc3", "C4", "IN_TOUCH", "DIED"),
            put("oc3", "C4", "ACTIV", "0"),
            put("oc3", "C4", "ACCOM", "0"),
        ],
        previous=True,
        fails=[("C4", "IN_TOUCH")],
    ),
    C(
        "391",
        dob_everywhere("C4", "15/06/2009"),
        dob_everywhere("C4", "15/06/2008"),
        fails=[("C4", "DOB")],
    ),
    C(
        "1000",
        [put("previous:episodes", "C4", "REC", "E2")],
        [put("previous:episodes", "C4", "REC", "E13")],
        previous=True,
        fails=[("C4", "IN_TOUCH")],
    ),
    C(
        "1002",
        [drop("previous:header", "C4"), drop("previous:episodes", "C4")],
        [
            add(
                "previous:header",
                CHILD="C4",
                SEX="M",
                DOB="15/06/2007",
                ETHNIC="BAFR",
                UPN="C123456789012",
            )
        ],
        previous=True,
        fails=[("C4", "CHILD")],
    ),
    C(
        "1007",
        [add("oc3", CHILD="C5", DOB="10/10/2009", IN_TOUCH="YES", ACTIV="F2", ACCOM="B1")],
        [drop("oc3", "C5")],
        fails=[("C5", "IN_TOUCH")],
        also=[("391", "C5", "DOB")],
    ),
    C(
        "1010",
        [put("previous:episodes", "C4", "DEC", ""), put("previous:episodes", "C4", "REC", "")],
        [
            put("previous:episodes", "C4", "DEC", "14/06/2024"),
            put("previous:episodes", "C4", "REC", "E13"),
        ],
        previous=True,
        fails=[("C4", "CHILD")],
    ),
    C(
        "1011",
        [
            put("episodes", "C5", "DEC", "01/02/2026"),
            put("episodes", "C5", "REC", "E3"),
            add("oc3", CHILD="C5", DOB="10/10/2009", IN_TOUCH="YES", ACTIV="F2", ACCOM="B1"),
        ],
        [drop("oc3", "C5")],
        fails=[("C5", "IN_TOUCH")],
        also=[("391", "C5", "DOB")],
    ),
    C(
        "1012",
        [
            add(
                "missing",
                CHILD="C4",
                DOB="15/06/2007",
                MISSING="M",
                MIS_START="01/05/2025",
                MIS_END="02/05/2025",
            )
        ],
        [drop("missing", "C4")],
        fails=[("C4", "CHILD")],
    ),
    C(
        "1014",
        [add("uasc", CHILD="C4", SEX="M", DOB="15/06/2007", DUC="15/06/2025")],
        [drop("uasc", "C4")],
        fails=[("C4", "DUC")],
    ),
    C(
        "3001",
        [put("oc3", "C4", "ACCOM", "Z1"), *dob_everywhere("C4", "15/06/2008")],
        [put("oc3", "C4", "ACCOM", "D1")],
        fails=[("C4", "ACCOM")],
    ),
    # Adoption (AD1, PlacedAdoption)
    C(
        "112",
        [put("ad1", "C3", "DATE_INT", "01-04-2025")],
        [put("ad1", "C3", "DATE_INT", "01/04/2025")],
        fails=[("C3", "DATE_INT")],
        also=[("523", "C3", "DATE_INT")],
    ),
    C(
        "113",
        [put("ad1", "C3", "DATE_MATCH", "15/13/2025")],
        [put("ad1", "C3", "DATE_MATCH", "15/05/2025")],
        fails=[("C3", "DATE_MATCH")],
    ),
    C(
        "114",
        [put("ad1", "C3", "FOSTER_CARE", "2")],
        [put("ad1", "C3", "FOSTER_CARE", "1")],
        fails=[("C3", "FOSTER_CARE")],
        also=[("335", "C3", "FOSTER_CARE")],
    ),
    C(
        "115",
        [put("placed_adoption", "C3", "DATE_PLACED", "00/04/2025")],
        [put("placed_adoption", "C3", "DATE_PLACED", "01/04/2025")],
        fails=[("C3", "DATE_PLACED")],
        also=[("523", "C3", "DATE_INT")],
    ),
    C(
        "116",
        [
            put("placed_adoption", "C3", "DATE_PLACED_CEASED", "x"),
            put("placed_adoption", "C3", "REASON_PLACED_CEASED", "RD1"),
        ],
        [
            drop("placed_adoption", "C3"),
            add("placed_adoption", CHILD="C3", DOB="01/03/2022", DATE_PLACED="01/04/2025"),
        ],
        fails=[("C3", "DATE_PLACED_CEASED")],
        also=[("525", "C3", "CHILD"), ("558", "C3", "DATE_PLACED_CEASED")],
    ),
    C(
        "117",
        [add("placed_adoption", CHILD="C2", DOB="01/02/2020", DATE_PLACED="01/05/2026")],
        [put("placed_adoption", "C2", "DATE_PLACED", "01/03/2026")],
        fails=[("C2", "DATE_PLACED")],
    ),
    C(
        "118",
        [
            add(
                "placed_adoption",
                CHILD="C2",
                DOB="01/02/2020",
                DATE_PLACED="01/06/2025",
                DATE_PLACED_CEASED="01/05/2025",
                REASON_PLACED_CEASED="RD1",
            )
        ],
        [
            put("placed_adoption", "C2", "DATE_PLACED", "01/06/2025"),
            put("placed_adoption", "C2", "DATE_PLACED_CEASED", "01/07/2025"),
        ],
        fails=[("C2", "DATE_PLACED_CEASED")],
        also=[("522", "C2", "DATE_PLACED")],
    ),
    C(
        "119",
        [
            add(
                "placed_adoption",
                CHILD="C2",
                DOB="01/02/2020",
                DATE_PLACED="01/06/2025",
                DATE_PLACED_CEASED="01/07/2025",
            )
        ],
        [put("placed_adoption", "C2", "REASON_PLACED_CEASED", "RD3")],
        fails=[("C2", "REASON_PLACED_CEASED")],
    ),
    C(
        "120",
        [
            add(
                "placed_adoption",
                CHILD="C2",
                DOB="01/02/2020",
                DATE_PLACED="01/06/2025",
                DATE_PLACED_CEASED="01/07/2025",
                REASON_PLACED_CEASED="RD5",
            )
        ],
        [put("placed_adoption", "C2", "REASON_PLACED_CEASED", "RD4")],
        fails=[("C2", "REASON_PLACED_CEASED")],
    ),
    C(
        "151",
        [put("ad1", "C3", "LS_ADOPTR", "")],
        [put("ad1", "C3", "LS_ADOPTR", "L3")],
        fails=[("C3", "LS_ADOPTR")],
    ),
    C(
        "175",
        [put("ad1", "C3", "NB_ADOPTR", "3")],
        [put("ad1", "C3", "NB_ADOPTR", "2")],
        fails=[("C3", "NB_ADOPTR")],
    ),
    C(
        "176",
        [put("ad1", "C3", "SEX_ADOPTR", "FM")],
        [put("ad1", "C3", "SEX_ADOPTR", "MF")],
        fails=[("C3", "SEX_ADOPTR")],
        also=[("511", "C3", "SEX_ADOPTR"), ("520", "C3", "SEX_ADOPTR")],
    ),
    C(
        "177",
        [put("ad1", "C3", "LS_ADOPTR", "L1")],
        [put("ad1", "C3", "LS_ADOPTR", "L11")],
        fails=[("C3", "LS_ADOPTR")],
    ),
    C(
        "184",
        [
            add(
                "placed_adoption",
                CHILD="C2",
                DOB="01/02/2020",
                DATE_PLACED="01/01/2020",
                DATE_PLACED_CEASED="01/07/2025",
                REASON_PLACED_CEASED="RD1",
            )
        ],
        [drop("placed_adoption", "C2")],
        fails=[("C2", "DATE_PLACED")],
        also=[("1003", "C2", "DATE_PLACED")],
    ),
    C(
        "331",
        [put("ad1", "C3", "DATE_MATCH", "02/06/2025")],
        [put("ad1", "C3", "DATE_MATCH", "01/06/2025")],
        fails=[("C3", "DATE_MATCH")],
    ),
    C(
        "333",
        [put("ad1", "C3", "DATE_MATCH", "01/03/2025")],
        [put("ad1", "C3", "DATE_MATCH", "01/04/2025")],
        fails=[("C3", "DATE_INT")],
    ),
    C(
        "334",
        [
            put("ad1", "C3", "DATE_INT", "01/01/2024"),
            put("placed_adoption", "C3", "DATE_PLACED", "01/01/2024"),
        ],
        [
            put("ad1", "C3", "DATE_INT", "01/02/2024"),
            put("placed_adoption", "C3", "DATE_PLACED", "01/02/2024"),
        ],
        fails=[("C3", "DATE_INT")],
        also=[("1003", "C3", "DATE_PLACED")],
    ),
    C(
        "335",
        [put("ad1", "C3", "FOSTER_CARE", "0")],
        [put("ad1", "C3", "FOSTER_CARE", "1")],
        fails=[("C3", "FOSTER_CARE")],
    ),
    C(
        "336",
        [
            put("episodes", "C3", "PLACE", "K2"),
            put("episodes", "C3", "PLACE_PROVIDER", "PR4"),
            put("previous:episodes", "C3", "PLACE", "K2"),
            put("previous:episodes", "C3", "PLACE_PROVIDER", "PR4"),
        ],
        [
            put("episodes", "C3", "PLACE", "U3"),
            put("previous:episodes", "C3", "PLACE", "U3"),
            put("episodes", "C3", "PLACE_PROVIDER", "PR1"),
            put("previous:episodes", "C3", "PLACE_PROVIDER", "PR1"),
        ],
        fails=[("C3", "PLACE")],
    ),
    C(
        "511",
        [put("ad1", "C3", "SEX_ADOPTR", "F1")],
        [put("ad1", "C3", "SEX_ADOPTR", "MF")],
        fails=[("C3", "SEX_ADOPTR")],
        also=[("520", "C3", "SEX_ADOPTR")],
    ),
    C(
        "514",
        [put("ad1", "C3", "LS_ADOPTR", "L0")],
        [put("ad1", "C3", "LS_ADOPTR", "L3")],
        fails=[("C3", "SEX_ADOPTR")],
    ),
    C(
        "517",
        [put("ad1", "C3", "LS_ADOPTR", "L3"), put("ad1", "C3", "SEX_ADOPTR", "FF")],
        [put("ad1", "C3", "SEX_ADOPTR", "MF")],
        fails=[("C3", "SEX_ADOPTR")],
    ),
    C(
        "518",
        [put("ad1", "C3", "LS_ADOPTR", "L4")],
        [put("ad1", "C3", "SEX_ADOPTR", "MM")],
        fails=[("C3", "SEX_ADOPTR")],
    ),
    C(
        "519",
        [
            put("ad1", "C3", "LS_ADOPTR", "L2"),
            put("ad1", "C3", "NB_ADOPTR", "1"),
            put("ad1", "C3", "SEX_ADOPTR", "M1"),
        ],
        [put("ad1", "C3", "LS_ADOPTR", "L0")],
        fails=[("C3", "SEX_ADOPTR")],
    ),
    C(
        "520",
        [put("ad1", "C3", "SEX_ADOPTR", "FF")],
        [put("ad1", "C3", "SEX_ADOPTR", "MF")],
        fails=[("C3", "SEX_ADOPTR")],
    ),
    C(
        "521",
        [
            put("ad1", "C3", "DATE_INT", "02/06/2025"),
            put("ad1", "C3", "DATE_MATCH", "02/06/2025"),
            put("placed_adoption", "C3", "DATE_PLACED", "02/06/2025"),
        ],
        [
            put("ad1", "C3", "DATE_INT", "01/06/2025"),
            put("ad1", "C3", "DATE_MATCH", "01/06/2025"),
            put("placed_adoption", "C3", "DATE_PLACED", "01/06/2025"),
        ],
        fails=[("C3", "DATE_INT")],
        also=[
            ("331", "C3", "DATE_MATCH"),
            ("552", "C3", "DATE_PLACED"),
            ("554", "C3", "DATE_PLACED"),
        ],
    ),
    C(
        "522",
        [
            add(
                "placed_adoption",
                CHILD="C2",
                DOB="01/02/2020",
                DATE_PLACED="01/08/2025",
                DATE_PLACED_CEASED="01/07/2025",
                REASON_PLACED_CEASED="RD1",
            )
        ],
        [put("placed_adoption", "C2", "DATE_PLACED", "01/06/2025")],
        fails=[("C2", "DATE_PLACED")],
    ),
    C(
        "523",
        [put("ad1", "C3", "DATE_INT", "02/04/2025")],
        [put("ad1", "C3", "DATE_INT", "01/04/2025")],
        fails=[("C3", "DATE_INT")],
    ),
    C(
        "524",
        [put("ad1", "C3", "LS_ADOPTR", "L12")],
        [put("ad1", "C3", "SEX_ADOPTR", "FF")],
        fails=[("C3", "SEX_ADOPTR")],
    ),
    C(
        "525",
        [
            put("placed_adoption", "C3", "DATE_PLACED_CEASED", "01/05/2025"),
            put("placed_adoption", "C3", "REASON_PLACED_CEASED", "RD1"),
        ],
        [
            put("placed_adoption", "C3", "DATE_PLACED_CEASED", ""),
            put("placed_adoption", "C3", "REASON_PLACED_CEASED", ""),
        ],
        fails=[("C3", "CHILD")],
        also=[("558", "C3", "DATE_PLACED_CEASED")],
    ),
    C(
        "551",
        [put("episodes", "C1", "PLACE", "A4", 1), put("episodes", "C1", "RNE", "P", 1)],
        [add("placed_adoption", CHILD="C1", DOB="10/05/2012", DATE_PLACED="01/08/2025")],
        fails=[("C1", "DATE_PLACED")],
    ),
    C(
        "552",
        [
            put("placed_adoption", "C3", "DATE_PLACED", "02/06/2025"),
            put("ad1", "C3", "DATE_INT", "02/06/2025"),
        ],
        [
            put("placed_adoption", "C3", "DATE_PLACED", "01/06/2025"),
            put("ad1", "C3", "DATE_INT", "01/06/2025"),
            put("ad1", "C3", "DATE_MATCH", "01/06/2025"),
        ],
        fails=[("C3", "DATE_PLACED")],
        also=[("333", "C3", "DATE_INT"), ("521", "C3", "DATE_INT"), ("554", "C3", "DATE_PLACED")],
    ),
    C(
        "553",
        [put("episodes", "C2", "LS", "E1", 1)],
        [add("placed_adoption", CHILD="C2", DOB="01/02/2020", DATE_PLACED="01/08/2025")],
        fails=[("C2", "DATE_PLACED")],
    ),
    C(
        "554",
        [
            put("episodes", "C2", "LS", "E1", 1),
            add("placed_adoption", CHILD="C2", DOB="01/02/2020", DATE_PLACED="11/08/2025"),
        ],
        [put("placed_adoption", "C2", "DATE_PLACED", "10/08/2025")],
        fails=[("C2", "DATE_PLACED")],
    ),
    C(
        "557",
        [
            add("placed_adoption", CHILD="C5", DOB="10/10/2009", DATE_PLACED="01/06/2025"),
            put("episodes", "C5", "DEC", "01/02/2026"),
            put("episodes", "C5", "REC", "E13"),
        ],
        [
            put("placed_adoption", "C5", "DATE_PLACED_CEASED", "01/01/2026"),
            put("placed_adoption", "C5", "REASON_PLACED_CEASED", "RD4"),
        ],
        fails=[("C5", "DATE_PLACED_CEASED")],
    ),
    C(
        "558",
        [
            put("placed_adoption", "C3", "DATE_PLACED_CEASED", "01/05/2025"),
            put("placed_adoption", "C3", "REASON_PLACED_CEASED", "RD1"),
            drop("ad1", "C3"),
        ],
        [
            put("placed_adoption", "C3", "DATE_PLACED_CEASED", ""),
            put("placed_adoption", "C3", "REASON_PLACED_CEASED", ""),
            add(
                "ad1",
                CHILD="C3",
                DOB="01/03/2022",
                DATE_INT="01/04/2025",
                DATE_MATCH="15/05/2025",
                FOSTER_CARE="1",
                NB_ADOPTR="2",
                SEX_ADOPTR="MF",
                LS_ADOPTR="L11",
            ),
        ],
        fails=[("C3", "DATE_PLACED_CEASED")],
        also=[("601", "C3", "CHILD")],
    ),
    C(
        "563",
        [
            add(
                "placed_adoption",
                CHILD="C2",
                DOB="01/02/2020",
                DATE_PLACED_CEASED="01/07/2025",
                REASON_PLACED_CEASED="RD1",
            )
        ],
        [put("placed_adoption", "C2", "DATE_PLACED", "01/06/2025")],
        fails=[("C2", "DATE_PLACED")],
    ),
    C(
        "579",
        [
            add(
                "placed_adoption",
                CHILD="C2",
                DOB="01/02/2020",
                DATE_PLACED="01/06/2025",
                DATE_PLACED_CEASED="01/08/2025",
                REASON_PLACED_CEASED="RD1",
            ),
            add(
                "placed_adoption",
                CHILD="C2",
                DOB="01/02/2020",
                DATE_PLACED="01/07/2025",
                DATE_PLACED_CEASED="01/09/2025",
                REASON_PLACED_CEASED="RD2",
            ),
        ],
        [put("placed_adoption", "C2", "DATE_PLACED", "01/08/2025", 1)],
        fails=[("C2", "DATE_PLACED")],
    ),
    C(
        "582",
        [put("ad1", "C3", "DATE_MATCH", "15/12/2025")],
        [put("ad1", "C3", "DATE_MATCH", "15/05/2025")],
        fails=[("C3", "DATE_MATCH")],
        also=[("331", "C3", "DATE_MATCH")],
    ),
    C(
        "583",
        [
            add("placed_adoption", CHILD="C2", DOB="01/02/2020", DATE_PLACED="01/06/2025"),
            add(
                "placed_adoption",
                CHILD="C2",
                DOB="01/02/2020",
                DATE_PLACED="01/07/2025",
                DATE_PLACED_CEASED="01/09/2025",
                REASON_PLACED_CEASED="RD2",
            ),
        ],
        [
            put("placed_adoption", "C2", "DATE_PLACED_CEASED", "01/06/2025"),
            put("placed_adoption", "C2", "REASON_PLACED_CEASED", "RD1"),
        ],
        fails=[("C2", "DATE_PLACED_CEASED")],
    ),
    C(
        "601",
        [drop("ad1", "C3")],
        [
            add(
                "ad1",
                CHILD="C3",
                DOB="01/03/2022",
                DATE_INT="01/04/2025",
                DATE_MATCH="15/05/2025",
                FOSTER_CARE="1",
                NB_ADOPTR="2",
                SEX_ADOPTR="MF",
                LS_ADOPTR="L11",
            )
        ],
        fails=[("C3", "CHILD")],
    ),
    C(
        "602",
        [add("ad1", CHILD="C5", DOB="10/10/2009")],
        [drop("ad1", "C5")],
        fails=[("C5", "CHILD")],
    ),
    C(
        "1003",
        [
            add(
                "placed_adoption",
                CHILD="C2",
                DOB="01/02/2020",
                DATE_PLACED="01/05/2025",
                DATE_PLACED_CEASED="01/07/2025",
                REASON_PLACED_CEASED="RD1",
            )
        ],
        [put("placed_adoption", "C2", "DATE_PLACED", "01/06/2025")],
        fails=[("C2", "DATE_PLACED")],
    ),
    C(
        "559",
        [
            put("placed_adoption", "C3", "DATE_PLACED", "01/03/2025"),
            put("ad1", "C3", "DATE_INT", "01/03/2025"),
        ],
        [add("previous:placed_adoption", CHILD="C3", DOB="01/03/2022", DATE_PLACED="01/03/2025")],
        previous=True,
        fails=[("C3", "DATE_PLACED")],
    ),
    C(
        "560",
        [add("previous:placed_adoption", CHILD="C3", DOB="01/03/2022", DATE_PLACED="01/03/2025")],
        [
            add(
                "placed_adoption",
                CHILD="C3",
                DOB="01/03/2022",
                DATE_PLACED="01/03/2025",
                DATE_PLACED_CEASED="01/04/2025",
                REASON_PLACED_CEASED="RD4",
            )
        ],
        previous=True,
        fails=[("C3", "DATE_PLACED")],
    ),
    C(
        "561",
        [
            add(
                "previous:placed_adoption",
                CHILD="C3",
                DOB="01/03/2022",
                DATE_PLACED="01/04/2025",
                DATE_PLACED_CEASED="01/05/2025",
                REASON_PLACED_CEASED="RD1",
            )
        ],
        [drop("previous:placed_adoption", "C3")],
        previous=True,
        fails=[("C3", "DATE_PLACED_CEASED")],
    ),
    # Previous permanence
    C(
        "630",
        [drop("prev_perm", "C2")],
        [add("prev_perm", CHILD="C2", DOB="01/02/2020", PREV_PERM="P4")],
        fails=[("C2", "PREV_PERM")],
    ),
    C(
        "631",
        [put("prev_perm", "C2", "PREV_PERM", "P5")],
        [put("prev_perm", "C2", "PREV_PERM", "P2")],
        fails=[("C2", "PREV_PERM")],
    ),
    C(
        "632",
        [
            put("prev_perm", "C5", "PREV_PERM", "P2"),
            put("prev_perm", "C5", "DATE_PERM", "06/05/2025"),
        ],
        [put("prev_perm", "C5", "DATE_PERM", "ZZ/05/2015")],
        fails=[("C5", "DATE_PERM")],
    ),
    C(
        "633",
        [put("prev_perm", "C5", "PREV_PERM", "P2"), put("prev_perm", "C5", "LA_PERM", "ENG")],
        [put("prev_perm", "C5", "LA_PERM", "999")],
        fails=[("C5", "LA_PERM")],
    ),
    C(
        "634",
        [
            add("prev_perm", CHILD="C1", DOB="10/05/2012", PREV_PERM="Z1"),
            put("episodes", "C1", "DECOM", "15/06/2015"),
            put("previous:episodes", "C1", "DECOM", "15/06/2015"),
        ],
        [drop("prev_perm", "C1")],
        fails=[("C1", "PREV_PERM")],
    ),
    C(
        "635",
        [put("prev_perm", "C2", "LA_PERM", "999")],
        [put("prev_perm", "C2", "PREV_PERM", "P4")],
        fails=[("C2", "LA_PERM")],
    ),
    # Missing
    C(
        "564",
        [put("missing", "C5", "MIS_START", ""), put("missing", "C5", "MIS_END", "")],
        [put("missing", "C5", "MIS_START", "01/08/2025")],
        fails=[("C5", "MIS_START")],
    ),
    C(
        "565",
        [put("missing", "C5", "MISSING", "")],
        [put("missing", "C5", "MISSING", "M")],
        fails=[("C5", "MISSING")],
        also=[("566", "C5", "MISSING")],
    ),
    C(
        "566",
        [put("missing", "C5", "MISSING", ""), put("missing", "C5", "MIS_START", "")],
        [drop("missing", "C5")],
        fails=[("C5", "MISSING")],
    ),
    C(
        "567",
        [put("missing", "C5", "MIS_END", "31/07/2025")],
        [put("missing", "C5", "MIS_END", "01/08/2025")],
        fails=[("C5", "MIS_END")],
    ),
    C(
        "570",
        [put("missing", "C5", "MIS_START", "01/04/2026"), put("missing", "C5", "MIS_END", "")],
        [put("missing", "C5", "MIS_START", "01/03/2026")],
        fails=[("C5", "MIS_START")],
    ),
    C(
        "571",
        [put("missing", "C5", "MIS_END", "01/04/2026")],
        [put("missing", "C5", "MIS_END", "")],
        fails=[("C5", "MIS_END")],
    ),
    C(
        "574",
        [
            add(
                "missing",
                CHILD="C5",
                DOB="10/10/2009",
                MISSING="M",
                MIS_START="01/08/2025",
                MIS_END="03/08/2025",
            )
        ],
        [put("missing", "C5", "MIS_START", "02/08/2025", 1)],
        fails=[("C5", "MIS_START")],
    ),
    C(
        "575",
        [put("missing", "C1", "MIS_START", "01/08/2025"), put("missing", "C1", "MIS_END", "")],
        [put("missing", "C1", "MIS_END", "02/08/2025")],
        fails=[("C1", "MIS_END")],
    ),
    C(
        "576",
        [
            add(
                "previous:missing",
                CHILD="C1",
                DOB="10/05/2012",
                MISSING="M",
                MIS_START="01/03/2025",
            )
        ],
        [
            add(
                "missing",
                CHILD="C1",
                DOB="10/05/2012",
                MISSING="M",
                MIS_START="01/03/2025",
                MIS_END="02/04/2025",
            )
        ],
        previous=True,
        fails=[("C1", "MIS_START")],
    ),
    C(
        "577",
        [
            put("episodes", "C5", "DEC", "01/02/2026"),
            put("episodes", "C5", "REC", "E8"),
            put("missing", "C5", "MIS_END", ""),
        ],
        [put("missing", "C5", "MIS_END", "02/08/2025")],
        fails=[("C5", "MIS_END")],
        also=[("575", "C5", "MIS_END")],
    ),
    C(
        "578",
        [put("episodes", "C5", "DEC", "01/07/2025"), put("episodes", "C5", "REC", "E13")],
        [put("episodes", "C5", "DEC", "01/09/2025")],
        fails=[("C5", "MIS_START")],
    ),
    C(
        "580",
        [put("episodes", "C5", "DEC", "02/08/2025"), put("episodes", "C5", "REC", "E13")],
        [put("episodes", "C5", "REC", "E8")],
        fails=[("C5", "MIS_END")],
    ),
    C(
        "581",
        [put("missing", "C5", "MIS_START", "01/05/2025")],
        [put("missing", "C5", "MIS_START", "05/05/2025")],
        fails=[("C5", "MIS_START")],
    ),
    C(
        "586",
        [
            add(
                "missing",
                CHILD="C2",
                DOB="01/02/2020",
                MISSING="M",
                MIS_START="01/01/2020",
                MIS_END="02/01/2020",
            )
        ],
        [drop("missing", "C2")],
        fails=[("C2", "MIS_END"), ("C2", "MIS_START")],
        also=[("571", "C2", "MIS_END"), ("581", "C2", "MIS_START")],
    ),
    C(
        "1004",
        [put("missing", "C5", "MIS_START", "1 Aug 2025")],
        [put("missing", "C5", "MIS_START", "01/08/2025")],
        fails=[("C5", "MIS_START")],
    ),
    C(
        "1005",
        [put("missing", "C5", "MIS_END", "02/08/25")],
        [put("missing", "C5", "MIS_END", "02/08/2025")],
        fails=[("C5", "MIS_END")],
    ),
    C(
        "1006",
        [put("missing", "C5", "MISSING", "X")],
        [put("missing", "C5", "MISSING", "A")],
        fails=[("C5", "MISSING")],
    ),
    # Social worker episodes
    C(
        "SW02STG1",
        [put("sw_episodes", "C5", "SW_ID", "AB5001")],
        [put("sw_episodes", "C5", "SW_ID", "XX5001")],
        fails=[("C5", "SW_ID")],
    ),
    C(
        "SW04STG1",
        [put("sw_episodes", "C5", "SW_DECOM", "")],
        [put("sw_episodes", "C5", "SW_DECOM", "05/05/2025")],
        fails=[("C5", "SW_DECOM")],
        also=[("SW12STG2", "C5", "SW_DECOM")],
    ),
    C(
        "SW05STG1",
        [put("sw_episodes", "C3", "SW_DEC", "15.12.2025")],
        [put("sw_episodes", "C3", "SW_DEC", "15/12/2025")],
        fails=[("C3", "SW_DEC")],
    ),
    C(
        "SW06STG2",
        [
            add(
                "sw_episodes",
                CHILD="C3",
                DOB="01/03/2022",
                SW_ID="SW3002",
                SW_DECOM="01/04/2026",
                SW_REASON="OTHERS",
            )
        ],
        [drop("sw_episodes", "C3", 1)],
        fails=[("C3", "SW_DECOM")],
        also=[("SW10aSTG2", "C3", "SW_DECOM")],
    ),
    C(
        "SW07STG2",
        [put("sw_episodes", "C3", "SW_DEC", "01/04/2026")],
        [put("sw_episodes", "C3", "SW_DEC", "31/03/2026")],
        fails=[("C3", "SW_DEC")],
    ),
    C(
        "SW08STG2",
        [put("sw_episodes", "C1", "SW_DEC", "")],
        [put("sw_episodes", "C1", "SW_DEC", "10/12/2025")],
        fails=[("C1", "SW_DEC")],
    ),
    C(
        "SW09STG2",
        [put("sw_episodes", "C3", "SW_DECOM", "15/12/2025")],
        [put("sw_episodes", "C3", "SW_DECOM", "01/02/2024")],
        fails=[("C3", "SW_DEC")],
    ),
    C(
        "SW10STG2",
        [put("sw_episodes", "C1", "SW_DECOM", "01/12/2025", 1)],
        [put("sw_episodes", "C1", "SW_DECOM", "05/12/2025", 1)],
        fails=[("C1", "SW_DECOM")],
        also=[("SW10aSTG2", "C1", "SW_DECOM")],
    ),
    C(
        "SW10aSTG2",
        [put("sw_episodes", "C1", "SW_DECOM", "18/12/2025", 1)],
        [put("sw_episodes", "C1", "SW_DECOM", "17/12/2025", 1)],
        fails=[("C1", "SW_DECOM")],
        also=[("SW12STG2", "C1", "SW_DECOM")],
    ),
    C(
        "SW10bSTG2",
        [
            put("sw_episodes", "C1", "SW_DECOM", "09/12/2025", 1),
            put("sw_episodes", "C1", "SW_REASON", "FCONTA", 1),
        ],
        [put("sw_episodes", "C1", "SW_DECOM", "10/12/2025", 1)],
        fails=[("C1", "SW_DECOM")],
    ),
    C(
        "SW12STG2",
        [put("sw_episodes", "C2", "SW_DECOM", "28/05/2025")],
        [put("sw_episodes", "C2", "SW_DECOM", "27/05/2025")],
        fails=[("C2", "SW_DECOM")],
    ),
    C(
        "SW13STG1",
        [put("sw_episodes", "C2", "SW_REASON", "")],
        [put("sw_episodes", "C2", "SW_REASON", "MANAGE")],
        fails=[("C2", "SW_REASON")],
    ),
    C(
        "SW17STG2",
        [put("sw_episodes", "C5", "SW_DEC", "31/03/2026")],
        [put("sw_episodes", "C5", "SW_DEC", "")],
        fails=[("C5", "SW_DEC")],
    ),
    C(
        "SW18STG2",
        [put("sw_episodes", "C3", "SW_DEC", "31/01/2024")],
        [put("sw_episodes", "C3", "SW_DEC", "15/12/2025")],
        fails=[("C3", "SW_DEC")],
        also=[("SW07STG2", "C3", "SW_DEC")],
    ),
    C(
        "SW19STG2",
        [
            add(
                "sw_episodes",
                CHILD="C3",
                DOB="01/03/2022",
                SW_ID="SW3002",
                SW_DECOM="01/02/2024",
                SW_DEC="15/12/2025",
                SW_REASON="OTHERS",
            )
        ],
        [drop("sw_episodes", "C3", 1)],
        fails=[("C3", "SW_DECOM")],
        also=[("SW10STG2", "C3", "SW_DECOM"), ("SW10aSTG2", "C3", "SW_DECOM")],
    ),
]


def _validate(case: Case, changes: list[Change]) -> set[tuple[str, str, str]]:
    tables, last_year = baseline(), previous()
    for change in changes:
        change(tables, last_year)
    failures = validate_ssda903(tables, year=YEAR, previous=last_year if case.previous else None)
    return {(f.rule, f.child, f.field) for f in failures}


def test_the_baseline_passes_every_rule() -> None:
    assert validate_ssda903(baseline(), year=YEAR) == []
    assert validate_ssda903(baseline(), year=YEAR, previous=previous()) == []


def test_every_rule_has_a_case() -> None:
    assert sorted(rule.code for rule in RULES) == sorted(case.code for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.code for case in CASES])
def test_rule(case: Case) -> None:
    broken = _validate(case, case.breaks)
    expected = {(case.code, child, column) for child, column in case.fails} | set(case.also)
    assert broken == expected
    assert _validate(case, case.breaks + case.fixes) == set()


def test_a_decision_before_a_period_the_return_does_not_start_is_not_checked() -> None:
    """334 and 1003 compare with the start of care only when the return shows it (an episode
    with RNE S): a period begun before the year may have begun before the decision."""
    tables = baseline()
    first = _child_rows(tables["episodes"], "C3")[0]
    first["RNE"], first["DECOM"] = "L", "01/03/2025"
    _child_rows(tables["ad1"], "C3")[0]["DATE_INT"] = "01/01/2025"
    _child_rows(tables["placed_adoption"], "C3")[0]["DATE_PLACED"] = "01/01/2025"
    rules = {f.rule for f in validate_ssda903(tables, year=YEAR)}
    assert not rules & {"334", "1003"}
