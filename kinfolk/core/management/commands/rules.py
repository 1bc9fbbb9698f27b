"""``kinfolk rules``: every rule Kinfolk checks, from the rule registry (kinfolk.core.rules).

``kinfolk rules`` lists them, one a line; ``kinfolk rules --catalogue`` writes the catalogue,
docs/rules.md (``--out FILE``, or ``--out -`` for standard output); with ``--check`` it writes
nothing and fails when the file differs from the registry.
"""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from kinfolk.core.rules import catalogue, rules

DEFAULT_OUT = "docs/rules.md"


class Command(BaseCommand):
    help = "List every rule Kinfolk checks, or write their catalogue (docs/rules.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--catalogue", action="store_true", help="write the catalogue of the rules"
        )
        parser.add_argument(
            "--out",
            default=DEFAULT_OUT,
            help=f"where the catalogue goes ({DEFAULT_OUT}, from the checkout; - for the output)",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="with --catalogue: fail if the file differs from the registry, writing nothing",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["catalogue"]:
            for info in rules:
                self.stdout.write(f"{info.kind}\t{info.code}\t{info.severity}\t{info.title}")
            return
        text = catalogue()
        if options["out"] == "-":
            self.stdout.write(text, ending="")
            return
        path = Path(options["out"])
        if not path.is_absolute():
            path = Path(settings.BASE_DIR) / path
        if options["check"]:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                raise CommandError(
                    f"{path} is out of date with the rule registry: run kinfolk rules --catalogue"
                )
            self.stdout.write(f"{path} is up to date with the rule registry")
            return
        path.write_text(text, encoding="utf-8")
        self.stdout.write(f"Wrote {len(rules)} rules to {path}")
