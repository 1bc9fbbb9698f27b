"""Small, valid SSDA903 returns for the rule tests: five invented children of the 2025-26 year
and last year's return for three of them. Every rule passes on ``baseline()``; a test breaks
one item and checks the one rule that should object.

- C1: a girl of 13 in long-term foster care since 2023 (the OC2 cohort), moved in the year.
- C2: a boy of 5 who came into care in the year; his interim care order became a full one.
- C3: a girl of 3 placed for adoption with her foster carers and adopted in the year.
- C4: a care leaver who turned 18 in the year (Header and OC3 only).
- C5: an unaccompanied asylum-seeking boy of 15 in a children's home since May.
"""

import copy

from kinfolk.returns.ssda903.tables import TABLES

Tables = dict[str, list[dict[str, str]]]


def _rows(table: str, *rows: tuple[str, ...]) -> list[dict[str, str]]:
    columns = TABLES[table]
    return [dict(zip(columns, row, strict=True)) for row in rows]


def _episode(
    child: str,
    decom: str,
    rne: str,
    ls: str,
    cin: str,
    place: str,
    provider: str,
    dec: str = "",
    rec: str = "",
    reason: str = "",
    home: str = "KF1 1AA",
    placed: str = "KF2 2BB",
    urn: str = "",
) -> tuple[str, ...]:
    return (child, decom, rne, ls, cin, place, provider, dec, rec, reason, home, placed, urn)


_BASELINE: Tables = {
    "header": _rows(
        "header",
        ("C1", "F", "10/05/2012", "WBRI", "A123456789012", "0", ""),
        ("C2", "M", "01/02/2020", "MWBC", "B123456789012", "", ""),
        ("C3", "F", "01/03/2022", "WBRI", "UN1", "", ""),
        ("C4", "M", "15/06/2007", "BAFR", "C123456789012", "", ""),
        ("C5", "M", "10/10/2009", "AOTH", "UN2", "", ""),
    ),
    "episodes": _rows(
        "episodes",
        _episode(
            "C1",
            "15/06/2023",
            "S",
            "C2",
            "N1",
            "U6",
            "PR1",
            "01/09/2025",
            "X1",
            "CARPL",
            urn="1000001",
        ),
        _episode("C1", "01/09/2025", "P", "C2", "N1", "U4", "PR4", placed="KF3 3CC", urn="1000002"),
        _episode(
            "C2",
            "20/05/2025",
            "S",
            "C1",
            "N1",
            "U6",
            "PR1",
            "10/08/2025",
            "X1",
            placed="KF4 4DD",
            urn="1000003",
        ),
        _episode("C2", "10/08/2025", "L", "C2", "N1", "U6", "PR1", placed="KF4 4DD", urn="1000003"),
        _episode(
            "C3",
            "01/02/2024",
            "S",
            "C2",
            "N1",
            "U6",
            "PR1",
            "01/06/2025",
            "X1",
            "CARPL",
            placed="KF5 5EE",
            urn="1000004",
        ),
        _episode(
            "C3",
            "01/06/2025",
            "U",
            "E1",
            "N1",
            "A5",
            "PR1",
            "15/12/2025",
            "E11",
            placed="KF6 6FF",
            urn="XXXXXXX",
        ),
        _episode("C5", "05/05/2025", "S", "V2", "N8", "K2", "PR4", placed="KF7 7GG", urn="1000005"),
    ),
    "reviews": _rows(
        "reviews",
        ("C1", "10/05/2012", "10/10/2025", "PN1"),
        ("C2", "01/02/2020", "15/07/2025", "PN1"),
        ("C3", "01/03/2022", "10/09/2025", "PN0"),
        ("C5", "10/10/2009", "20/06/2025", "PN1"),
    ),
    "uasc": _rows("uasc", ("C5", "M", "10/10/2009", "")),
    "oc2": _rows("oc2", ("C1", "10/05/2012", "12", "", "0", "", "1", "1", "1", "0", "", "")),
    "oc3": _rows("oc3", ("C4", "15/06/2007", "YES", "F2", "D1")),
    "ad1": _rows("ad1", ("C3", "01/03/2022", "01/04/2025", "15/05/2025", "1", "2", "MF", "L11")),
    "placed_adoption": _rows("placed_adoption", ("C3", "01/03/2022", "01/04/2025", "", "")),
    "prev_perm": _rows(
        "prev_perm",
        ("C2", "01/02/2020", "Z1", "", ""),
        ("C5", "10/10/2009", "P4", "", ""),
    ),
    "missing": _rows(
        "missing",
        ("C1", "10/05/2012", "M", "03/11/2025", "04/11/2025"),
        ("C5", "10/10/2009", "A", "01/08/2025", "02/08/2025"),
    ),
    "sw_episodes": _rows(
        "sw_episodes",
        ("C1", "10/05/2012", "SW1001", "01/01/2025", "10/12/2025", "FCONTA"),
        ("C1", "10/05/2012", "SW1002", "10/12/2025", "", "LEFTRL"),
        ("C2", "01/02/2020", "SW2001", "20/05/2025", "", "FCONTA"),
        ("C3", "01/03/2022", "SW3001", "01/02/2024", "15/12/2025", "FCONTA"),
        ("C5", "10/10/2009", "SW5001", "05/05/2025", "", "FCONTA"),
    ),
}

_PREVIOUS: Tables = {
    "header": _rows(
        "header",
        ("C1", "F", "10/05/2012", "WBRI", "A123456789012", "0", ""),
        ("C3", "F", "01/03/2022", "WBRI", "UN1", "", ""),
        ("C4", "M", "15/06/2007", "BAFR", "C123456789012", "", ""),
    ),
    "episodes": _rows(
        "episodes",
        _episode("C1", "15/06/2023", "S", "C2", "N1", "U6", "PR1", urn="1000001"),
        _episode("C3", "01/02/2024", "S", "C2", "N1", "U6", "PR1", placed="KF5 5EE", urn="1000004"),
        _episode(
            "C4",
            "01/09/2023",
            "S",
            "V2",
            "N8",
            "K2",
            "PR4",
            "14/06/2024",
            "E13",
            placed="KF8 8HH",
            urn="1000006",
        ),
    ),
}


def baseline() -> Tables:
    """A fresh copy of the valid 2025-26 return (every table, every rule passing)."""
    tables = copy.deepcopy(_BASELINE)
    for name in TABLES:
        tables.setdefault(name, [])
    return tables


def previous() -> Tables:
    """A fresh copy of last year's (2024-25) return for C1, C3 and C4."""
    tables = copy.deepcopy(_PREVIOUS)
    for name in TABLES:
        tables.setdefault(name, [])
    return tables


def row(tables: Tables, table: str, child: str, index: int = 0) -> dict[str, str]:
    """The child's ``index``-th row of ``table`` (their episodes in date order)."""
    return [r for r in tables[table] if r["CHILD"] == child][index]
