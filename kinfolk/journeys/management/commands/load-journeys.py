"""``kinfolk load-journeys PATH``: load a journey file (docs/journeys.md)."""

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kinfolk.journeys.loader import load_journeys


class Command(BaseCommand):
    help = "Load a journey file (JSON Lines; '-' for standard input) through the services."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="the journey file, or - for standard input")
        parser.add_argument(
            "--per-child",
            action="store_true",
            help="load each child's events in its own transaction",
        )
        parser.add_argument(
            "--replace", action="store_true", help="load children that are already recorded again"
        )

    def handle(self, *args: Any, path: str, per_child: bool, replace: bool, **options: Any) -> None:
        if path == "-":
            lines = sys.stdin.read().splitlines()
            source = "kinfolk load-journeys (standard input)"
        else:
            file = Path(path)
            if not file.is_file():
                raise CommandError(f"{path}: no such file")
            try:
                lines = file.read_text(encoding="utf-8").splitlines()
            except UnicodeDecodeError as error:
                raise CommandError(
                    f"{path}: not UTF-8 text ({error.reason} at byte {error.start})"
                ) from error
            source = f"kinfolk load-journeys {file.name}"
        result = load_journeys(lines, per_child=per_child, replace=replace, source=source)
        for error in result.errors:
            self.stderr.write(str(error))
        if result.counts:
            summary = ", ".join(f"{kind} {count}" for kind, count in sorted(result.counts.items()))
            self.stdout.write(f"Loaded {sum(result.counts.values())} events: {summary}")
        if result.errors:
            if per_child:
                self.stderr.write(
                    f"{len(result.errors)} line(s) failed; {result.children_kept} children loaded"
                )
            else:
                self.stderr.write(f"{len(result.errors)} line(s) failed; nothing was loaded")
            sys.exit(1)
        if not result.counts:
            self.stdout.write("The file has no events")
