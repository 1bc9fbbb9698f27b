"""The SSDA903 return as files: one CSV per table, each with a header row of the DfE column
names (docs/reference/ssda903.md section 2, "Columns").

A return in memory is ``dict[str, list[dict[str, str]]]``: the table's name as docs/journeys.md
names its file (``episodes`` for ``episodes.csv``) to its rows, each a mapping of the DfE
column names to the value as written in the file (dates ``dd/mm/yyyy``, blanks ``""``).

Files are written in UTF-8 with ``\\n`` line endings, as the sector's own sample files are
(csc-validator-be-903 ``tests/fake_data``). When reading, a table is recognised by its exact
set of columns, in any order, whatever the file is called, as the DfE's validator does; a file
that matches no table is refused with the columns it lacks or has too many of.
"""

import csv
import io
from pathlib import Path

#: Every table of the 2025-26 return with its columns in the DfE order.
TABLES: dict[str, tuple[str, ...]] = {
    "header": ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
    "episodes": (
        "CHILD",
        "DECOM",
        "RNE",
        "LS",
        "CIN",
        "PLACE",
        "PLACE_PROVIDER",
        "DEC",
        "REC",
        "REASON_PLACE_CHANGE",
        "HOME_POST",
        "PL_POST",
        "URN",
    ),
    "reviews": ("CHILD", "DOB", "REVIEW", "REVIEW_CODE"),
    "uasc": ("CHILD", "SEX", "DOB", "DUC"),
    "oc2": (
        "CHILD",
        "DOB",
        "SDQ_SCORE",
        "SDQ_REASON",
        "CONVICTED",
        "HEALTH_CHECK",
        "IMMUNISATIONS",
        "TEETH_CHECK",
        "HEALTH_ASSESSMENT",
        "SUBSTANCE_MISUSE",
        "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED",
    ),
    "oc3": ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"),
    "ad1": (
        "CHILD",
        "DOB",
        "DATE_INT",
        "DATE_MATCH",
        "FOSTER_CARE",
        "NB_ADOPTR",
        "SEX_ADOPTR",
        "LS_ADOPTR",
    ),
    "placed_adoption": (
        "CHILD",
        "DOB",
        "DATE_PLACED",
        "DATE_PLACED_CEASED",
        "REASON_PLACED_CEASED",
    ),
    "prev_perm": ("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"),
    "missing": ("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"),
    "sw_episodes": ("CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"),
}

Tables = dict[str, list[dict[str, str]]]


def empty_tables() -> Tables:
    """A return with every table and no rows."""
    return {name: [] for name in TABLES}


def write_tables(tables: Tables, folder: Path) -> None:
    """Write one ``<name>.csv`` per table into ``folder`` (created if need be), each with its
    header row even when the table is empty. Columns a row lacks are written blank; a column
    the table does not have is refused, so that nothing is silently dropped."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, columns in TABLES.items():
        rows = tables.get(name, [])
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        for number, row in enumerate(rows, start=1):
            unknown = sorted(set(row) - set(columns))
            if unknown:
                raise ValueError(f"{name} row {number}: unknown column(s) {', '.join(unknown)}")
            writer.writerow([row.get(column, "") for column in columns])
        (folder / f"{name}.csv").write_text(buffer.getvalue(), encoding="utf-8")


def _table_for(columns: list[str], file_name: str) -> str:
    """The table whose column set is exactly ``columns``; otherwise a ValueError that names
    the nearest table and what differs from it."""
    given = set(columns)
    for name, expected in TABLES.items():
        if given == set(expected):
            return name
    nearest = max(TABLES, key=lambda name: (len(given & set(TABLES[name])), name == file_name))
    missing = [column for column in TABLES[nearest] if column not in given]
    unknown = [column for column in columns if column not in TABLES[nearest]]
    parts = []
    if missing:
        parts.append(f"missing column(s) {', '.join(missing)}")
    if unknown:
        parts.append(f"unknown column(s) {', '.join(unknown)}")
    return_error = (
        f"line 1: the columns match no SSDA903 table; nearest is {nearest} ({'; '.join(parts)})"
    )
    raise ValueError(return_error)


def read_tables(folder: Path) -> Tables:
    """Read every ``*.csv`` file in ``folder`` into a return, recognising each table by its
    columns. Tables without a file are empty. Values are stripped of surrounding spaces.

    Raises ValueError naming the file and line: a file that is not UTF-8, a header that
    matches no table (with the columns missing or unknown), a column named twice, two files
    for one table, or a row with more or fewer values than the header."""
    tables = empty_tables()
    seen: dict[str, str] = {}
    paths = sorted(path for path in folder.iterdir() if path.suffix.lower() == ".csv")
    if not paths:
        raise ValueError(f"{folder}: no CSV files")
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValueError(f"{path.name}: not UTF-8 text ({error.reason})") from None
        reader = csv.reader(io.StringIO(text, newline=""))
        try:
            header = next(reader)
        except StopIteration:
            raise ValueError(f"{path.name} line 1: the file is empty, with no header row") from None
        columns = [column.strip().upper() for column in header]
        duplicated = sorted({column for column in columns if columns.count(column) > 1})
        if duplicated:
            raise ValueError(f"{path.name} line 1: column(s) named twice: {', '.join(duplicated)}")
        try:
            name = _table_for(columns, path.stem.lower())
        except ValueError as error:
            raise ValueError(f"{path.name} {error}") from None
        if name in seen:
            raise ValueError(
                f"{path.name} line 1: has the columns of the {name} table, "
                f"which {seen[name]} already gave"
            )
        seen[name] = path.name
        rows = tables[name]
        for values in reader:
            line = reader.line_num
            if not values or all(not value.strip() for value in values):
                continue
            if len(values) != len(columns):
                raise ValueError(
                    f"{path.name} line {line}: {len(values)} value(s), but the header has "
                    f"{len(columns)} columns"
                )
            row = {column: value.strip() for column, value in zip(columns, values, strict=True)}
            rows.append({column: row[column] for column in TABLES[name]})
    return tables
