"""Benchmark: building and validating the statutory returns, beside the sector's validators.

Run by hand against a loaded demo authority (``kinfolk demo --size medium``, or ``large``):

    DATABASE_URL=sqlite:///build/medium.sqlite3 .venv/bin/python bench/returns.py \
        --ecosystem build/ci-ecosystem/bin/python [--year 2025-26] [--repeat 3]

``--ecosystem`` is the Python of a virtual environment with ``csc-validator-be-cin`` and
``csc-validator-be-903`` (``.ci/returns-check`` makes one in ``build/ci-ecosystem``). It prints,
for each return, the median time to build it and to validate it with Kinfolk's rules, the time
the sector's validator takes on the same file (its own process start-up included), and the
ratio.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(function, repeat: int) -> tuple[float, object]:
    timings, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings), result


def sector(python: Path, script: Path, kind: str, path: Path) -> str:
    """Run the sector's validator on a file, in its own environment; its summary line (so
    that a validator that stopped early is not mistaken for a fast one)."""
    command = [str(python), str(script), kind, str(path)]
    done = subprocess.run(command, capture_output=True, check=False, text=True)  # noqa: S603
    lines = done.stderr.strip().splitlines()
    return lines[-1] if lines else f"no summary (exit {done.returncode})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ecosystem", type=Path, required=True)
    parser.add_argument("--year", default="2025-26")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinfolk.settings")
    import django

    django.setup()
    from kinfolk.people.models import Child
    from kinfolk.returns.cin.builder import build_cin_census
    from kinfolk.returns.cin.rules import validate_cin_census
    from kinfolk.returns.framework import CollectionYear
    from kinfolk.returns.ssda903.builder import build_ssda903
    from kinfolk.returns.ssda903.rules import validate_ssda903
    from kinfolk.returns.ssda903.tables import write_tables

    year = CollectionYear.parse(args.year)
    print(f"{Child.objects.count()} children; collection year {year.label}")
    script = ROOT / ".ci" / "ecosystem.py"
    with tempfile.TemporaryDirectory() as workdir:
        folder = Path(workdir)
        build, xml = timed(lambda: build_cin_census(year), args.repeat)
        validate, failures = timed(lambda: validate_cin_census(xml), args.repeat)
        (folder / "cin.xml").write_bytes(xml)
        theirs, summary = timed(
            lambda: sector(args.ecosystem, script, "cin", folder / "cin.xml"), 1
        )
        print(
            f"CIN census   build {build:6.2f} s   validate {validate:6.2f} s "
            f"({len(failures)} failures)   csc-validator-be-cin {theirs:6.2f} s   "
            f"ratio {theirs / validate:5.1f}x\n             theirs: {summary}"
        )
        build, tables = timed(lambda: build_ssda903(year), args.repeat)
        validate, failures = timed(lambda: validate_ssda903(tables, year=year), args.repeat)
        write_tables(tables, folder / "903")
        theirs, summary = timed(lambda: sector(args.ecosystem, script, "903", folder / "903"), 1)
        print(
            f"SSDA903      build {build:6.2f} s   validate {validate:6.2f} s "
            f"({len(failures)} failures)   csc-validator-be-903 {theirs:6.2f} s   "
            f"ratio {theirs / validate:5.1f}x\n             theirs: {summary}"
        )


if __name__ == "__main__":
    main()
