"""Run the sector's own validators on returns Kinfolk built: an independent check.

This script runs in its own virtual environment (``.ci/run`` makes it), because
``csc-validator-be-cin`` and ``csc-validator-be-903`` pin old pandas and numpy. It prints one
line per failure, ``rule<TAB>error|query|crashed<TAB>child``, and exits 1 if any error-type
rule fails.

    python ecosystem.py cin FILE.xml
    python ecosystem.py 903 DIR [--previous DIR] [--la E08000010] [--year 2026]
    python ecosystem.py batch DIR [--workers N]
                                     (every cin-*.xml and 903-* folder of DIR, written by
                                      broken_returns.py, over N processes, one per core by
                                      default: DIR/ecosystem.tsv, the rules found)
"""

import argparse
import importlib
import io
import logging
import multiprocessing
import os
import sys
import warnings
import xml.etree.ElementTree as ET
from concurrent.futures import ProcessPoolExecutor
from contextlib import redirect_stdout
from functools import partial
from pathlib import Path


def cin(path: Path) -> list[tuple[str, str, str]]:
    from cin_validator import cin_validator

    registry = importlib.import_module("cin_validator.rules.cin2025_26").registry
    root = ET.parse(path).getroot()  # noqa: S314 - a file Kinfolk itself just built
    data = cin_validator.process_data(cin_validator.convert_data(root))
    with redirect_stdout(io.StringIO()):
        validator = cin_validator.CinValidator(data, registry)
    types = {str(rule.code): rule.rule_type.value for rule in registry.values()}
    found = set()
    for row in validator.full_issue_df.itertuples():
        code = str(row.rule_code)
        found.add((code, types.get(code, "Error"), str(row.child_id)))
    for row in validator.multichild_issues.itertuples():
        code = str(row.rule_code)
        found.add((code, types.get(code, "Error"), "-"))
    return sorted(found)


def ssda903(path: Path, previous: Path | None, la: str, year: str) -> list[tuple[str, str, str]]:
    from lac_validator import lac_validator
    from lac_validator.report import Report
    from lac_validator.utils import process_uploaded_files

    registry = importlib.import_module("lac_validator.rules.lac2025_26").registry
    files = {"This year": [str(p) for p in sorted(path.glob("*.csv"))]}
    if previous is not None:
        files["Prev year"] = [str(p) for p in sorted(previous.glob("*.csv"))]
    with redirect_stdout(io.StringIO()):
        validator = lac_validator.LacValidator(
            metadata={"collectionYear": year, "localAuthority": la},
            files=process_uploaded_files(files),
            registry=registry,
        )
    report = Report(validator.ds_results, registry).report
    found = set()
    for column in report.columns:
        if not column.startswith("ERR_"):
            continue
        for child in report.loc[report[column] == True, "CHILD"]:  # noqa: E712 - pandas
            found.add((column[4:], "Error", str(child)))
    # A rule of theirs that crashes on well-formed data (in 0.1.17, 231 and 233 read columns
    # that the CSV tables do not have) is reported, not counted as a failure of the return.
    for code in validator.fails:
        found.add((str(code), "Crashed", "-"))
    return sorted(found)


def _rules_found(path: Path, la: str, year: str) -> str:
    """One line of the batch's report: the file and the rules the sector's validator found."""
    if path.name.startswith("cin-"):
        codes = {code for code, _kind, _child in cin(path)}
    else:
        codes = {code for code, _kind, _child in ssda903(path, None, la, year)}
    return f"{path.name}\t{' '.join(sorted(codes))}\n"


def batch(folder: Path, la: str, year: str, workers: int) -> int:
    """Validate every broken file of ``folder``, each on its own, over ``workers`` processes;
    the report lists them in name order whatever order they finish in."""
    paths = [p for p in sorted(folder.iterdir()) if p.name.startswith(("cin-", "903-"))]
    # The validators' modules are imported once, before the workers are forked.
    importlib.import_module("cin_validator.rules.cin2025_26")
    importlib.import_module("lac_validator.rules.lac2025_26")
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        lines = list(pool.map(partial(_rules_found, la=la, year=year), paths, chunksize=4))
    (folder / "ecosystem.tsv").write_text("".join(lines))
    return 0


def main() -> int:
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["cin", "903", "batch"])
    parser.add_argument("path", type=Path)
    parser.add_argument("--previous", type=Path, default=None)
    parser.add_argument("--la", default="E08000010")
    parser.add_argument("--year", default="2026")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="for batch")
    args = parser.parse_args()
    if args.kind == "batch":
        return batch(args.path, args.la, args.year, args.workers)
    if args.kind == "cin":
        failures = cin(args.path)
    else:
        failures = ssda903(args.path, args.previous, args.la, args.year)
    for code, kind, child in failures:
        print(f"{code}\t{kind.lower()}\t{child}")
    errors = sum(kind == "Error" for _code, kind, _child in failures)
    crashed = sum(kind == "Crashed" for _code, kind, _child in failures)
    queries = len(failures) - errors - crashed
    print(f"{errors} error(s), {queries} query(ies), {crashed} rule(s) crashed", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
