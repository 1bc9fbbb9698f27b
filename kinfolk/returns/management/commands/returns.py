"""``kinfolk returns``: build, validate and import the statutory returns (docs/journeys.md, "The
commands around journeys")."""

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from kinfolk.returns.contents import child_ids_in_file
from kinfolk.returns.framework import CollectionYear, Failure, ImportResult
from kinfolk.returns.models import ReturnKind


def _year(text: str) -> CollectionYear:
    try:
        return CollectionYear.parse(text)
    except ValueError as error:
        raise CommandError(str(error)) from None


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{text!r} is not a date like 2026-03-31") from None


class Command(BaseCommand):
    help = "Build, validate and import the CIN census, the SSDA903 return and Ofsted Annex A."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        cin = commands.add_parser("cin-census", help="build the CIN census XML")
        cin.add_argument("--year", required=True, help="collection year, like 2025-26")
        cin.add_argument("--out", required=True, type=Path, help="the XML file to write")
        lac = commands.add_parser("ssda903", help="build the SSDA903 return, one CSV per table")
        lac.add_argument("--year", required=True, help="collection year, like 2025-26")
        lac.add_argument("--out", required=True, type=Path, help="the folder to write into")
        annex = commands.add_parser("annex-a", help="build the Ofsted Annex A workbook")
        annex.add_argument("--as-of", required=True, help="the date of the lists, like 2026-03-31")
        annex.add_argument("--out", required=True, type=Path, help="the xlsx file to write")
        quality = commands.add_parser(
            "data-quality",
            help="the stored data quality of the CIN census and SSDA903 (the data quality page)",
        )
        quality.add_argument(
            "--sweep",
            action="store_true",
            help="check everything again (nightly): every stored year, or the years given",
        )
        quality.add_argument(
            "--year",
            action="append",
            default=[],
            help="collection year, like 2026-27 (repeat for more than one)",
        )
        for action, words in (("validate", "validate"), ("import", "load")):
            sub = commands.add_parser(action, help=f"{words} a return")
            kinds = sub.add_subparsers(dest="kind", required=True, metavar="RETURN")
            kind = kinds.add_parser("cin-census", help="a CIN census XML file")
            kind.add_argument("path", type=Path)
            kind = kinds.add_parser("ssda903", help="a folder of SSDA903 CSV files")
            kind.add_argument("path", type=Path)
            kind.add_argument("--year", default=None, help="collection year, like 2025-26")
            if action == "validate":
                kind.add_argument(
                    "--previous", type=Path, default=None, help="last year's return (a folder)"
                )

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "cin-census":
            self._cin_census(_year(options["year"]), options["out"])
        elif action == "ssda903":
            self._ssda903(_year(options["year"]), options["out"])
        elif action == "annex-a":
            self._annex_a(_date(options["as_of"]), options["out"])
        elif action == "data-quality":
            self._data_quality([_year(text) for text in options["year"]], options["sweep"])
        elif action == "validate":
            self._validate(options)
        else:
            self._import(options)

    def _cin_census(self, year: CollectionYear, out: Path) -> None:
        from kinfolk.returns.cin.builder import build_cin_census
        from kinfolk.returns.cin.schema import schema_errors

        xml = build_cin_census(year)
        problems = schema_errors(xml)
        out.write_bytes(xml)
        self._log_export(
            child_ids_in_file(ReturnKind.CIN_CENSUS, xml), f"Wrote the CIN census {year.label}"
        )
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"Wrote {out}, but it does not match the {year.label} schema")
        self.stdout.write(f"Wrote the CIN census {year.label} to {out}")

    def _ssda903(self, year: CollectionYear, out: Path) -> None:
        from kinfolk.returns.ssda903.builder import build_ssda903
        from kinfolk.returns.ssda903.tables import write_tables

        tables = build_ssda903(year)
        write_tables(tables, out)
        self._log_export(
            {row["CHILD"] for rows in tables.values() for row in rows if row.get("CHILD")},
            f"Wrote the SSDA903 return {year.label}",
        )
        counts = ", ".join(f"{name} {len(rows)}" for name, rows in tables.items())
        self.stdout.write(f"Wrote the SSDA903 return {year.label} to {out}: {counts}")

    def _annex_a(self, as_of: dt.date, out: Path) -> None:
        from kinfolk.returns.annex_a import build_annex_a

        content = build_annex_a(as_of)
        out.write_bytes(content)
        self._log_export(
            child_ids_in_file(ReturnKind.ANNEX_A, content),
            f"Wrote Annex A as of {as_of.isoformat()}",
        )
        self.stdout.write(f"Wrote Annex A as of {as_of.isoformat()} to {out}")

    def _log_export(self, child_ids: set[str], what: str) -> None:
        """The children the file names, each logged as exported by the command."""
        from kinfolk.returns.services import record_command_export

        record_command_export(child_ids=child_ids, what=what)

    def _data_quality(self, years: list[CollectionYear], sweep: bool) -> None:
        """Report the stored data quality of each year; with ``--sweep``, check it all first
        (when no year is stored yet nor given, the current year)."""
        from kinfolk.returns import data_quality, services
        from kinfolk.returns.models import DataQualitySnapshot

        if sweep:
            if not years and not data_quality.stored_years():
                years = [services.current_year()]
            snapshots = data_quality.sweep(years or None)
        else:
            labels = [year.label for year in years] or data_quality.stored_years()
            snapshots = list(DataQualitySnapshot.objects.filter(year__in=labels))
            if not snapshots:
                self.stdout.write("No data quality is stored yet: run with --sweep")
        for snapshot in sorted(snapshots, key=lambda snapshot: snapshot.year, reverse=True):
            failures = snapshot.failures.count()
            errors = snapshot.failures.filter(is_error=True).count()
            waiting = snapshot.rechecks.values("child").distinct().count()
            checked = timezone.localtime(snapshot.checked_at).strftime("%d/%m/%Y %H:%M")
            self.stdout.write(
                f"{snapshot.year}: {failures} failure(s), {errors} error(s); everything checked"
                f" {checked}; {waiting} child(ren) to check again"
            )

    def _read(self, path: Path, kind: str) -> Any:
        if kind == "cin-census":
            if not path.is_file():
                raise CommandError(f"{path} is not a file")
            return path.read_bytes()
        from kinfolk.returns.ssda903.tables import read_tables

        if not path.is_dir():
            raise CommandError(f"{path} is not a folder")
        try:
            return read_tables(path)
        except ValueError as error:
            raise CommandError(str(error)) from None

    def _validate(self, options: dict[str, Any]) -> None:
        kind, path = options["kind"], options["path"]
        data = self._read(path, kind)
        failures: list[Failure]
        if kind == "cin-census":
            from kinfolk.returns.cin.rules import validate_cin_census
            from kinfolk.returns.cin.schema import schema_errors

            for problem in schema_errors(data):
                self.stdout.write(f"XSD\terror\t-\t-\t{problem}")
            failures = validate_cin_census(data)
        else:
            from kinfolk.returns.ssda903.rules import validate_ssda903

            previous = self._read(options["previous"], kind) if options["previous"] else None
            year = _year(options["year"]) if options["year"] else None
            failures = validate_ssda903(data, year=year, previous=previous)
        for failure in failures:
            self.stdout.write(str(failure))
        errors = sum(failure.is_error for failure in failures)
        self.stderr.write(f"{errors} error(s), {len(failures) - errors} query(ies)")
        if errors:
            raise SystemExit(1)

    def _import(self, options: dict[str, Any]) -> None:
        kind, path = options["kind"], options["path"]
        data = self._read(path, kind)
        result: ImportResult
        if kind == "cin-census":
            from kinfolk.returns.cin.importer import import_cin_census

            result = import_cin_census(data)
        else:
            from kinfolk.returns.ssda903.importer import import_ssda903

            year = _year(options["year"]) if options["year"] else None
            result = import_ssda903(data, year=year)
        if not result.ok:
            for error in result.errors:
                self.stderr.write(error)
            raise CommandError(f"{len(result.errors)} problem(s); nothing was loaded")
        counts = ", ".join(f"{name} {count}" for name, count in sorted(result.counts.items()))
        self.stdout.write(f"Loaded {counts}")
