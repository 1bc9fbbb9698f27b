"""``kinfolk load-postcodes FILE``: load the ONS Postcode Directory.

The file is the ONS Postcode Directory (ONSPD) CSV, as published by the Office for National
Statistics on the Open Geography Portal, or any CSV with the same columns. Four are read:

- ``pcds``: the postcode, with one space (``WN1 1AA``);
- ``oslaua``: the ONS code of the local authority district it lies in (``E08000010``);
- ``lat`` and ``long``: its latitude and longitude in degrees (ONSPD gives ``99.999999`` and
  ``0.000000`` to postcodes with no grid reference; they are kept without coordinates).

Other columns are ignored. Good rows are added or updated, so loading a newer directory, or
the same one twice, is safe; each bad row is reported by its line number and skipped, and the
command then exits with status 1. Placement distances and "out of area" flags use these
postcodes; the authority's own code is ``Authority.la_code``.
"""

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kinfolk.core.geography import DirectoryFormatError, load_postcode_directory


class Command(BaseCommand):
    help = (
        "Load the ONS Postcode Directory CSV (columns pcds, oslaua, lat, long; others are "
        "ignored) so that placement distances and out-of-area placements can be worked out. "
        "Rows are added or updated, so it is safe to run again; bad rows are reported by line "
        "number and skipped."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="the ONS Postcode Directory CSV file")

    def handle(self, *args: Any, file: str, **options: Any) -> None:
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file")
        try:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                result = load_postcode_directory(handle)
        except DirectoryFormatError as error:
            raise CommandError(f"{file}: {error}") from error
        except UnicodeDecodeError as error:
            raise CommandError(
                f"{file}: not UTF-8 text ({error.reason} at byte {error.start})"
            ) from error
        for error in result.errors:
            self.stderr.write(f"{path.name} {error}")
        self.stdout.write(f"Recorded {result.recorded} postcodes")
        if result.errors:
            self.stderr.write(f"{len(result.errors)} row(s) skipped")
            sys.exit(1)
