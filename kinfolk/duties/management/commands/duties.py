"""``kinfolk duties``: duties on a date, and the nightly sweep and its check."""

import datetime as dt
import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kinfolk.duties import engine
from kinfolk.people.models import Child


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--as-of must be a date written YYYY-MM-DD, not {value!r}") from error


class Command(BaseCommand):
    help = "Print duties on a date (--as-of), recompute them all (--sweep) or check (--verify)."

    def add_arguments(self, parser: CommandParser) -> None:
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--as-of", type=str, help="print every duty triggered by this date")
        action.add_argument(
            "--sweep", action="store_true", help="recompute every child's stored duties"
        )
        action.add_argument(
            "--verify",
            action="store_true",
            help="report where stored duties differ from a full computation",
        )
        parser.add_argument("--child", help="only this child (the authority's child ID)")
        parser.add_argument("--format", choices=["json", "table"], default="json")

    def handle(
        self,
        *args: Any,
        as_of: str | None,
        sweep: bool,
        verify: bool,
        child: str | None,
        format: str,
        **options: Any,
    ) -> None:
        if sweep:
            changed = engine.sweep()
            self.stdout.write(f"Swept {Child.objects.count()} children: {changed} duties changed")
            return
        if verify:
            differences = engine.verify()
            for difference in differences:
                self.stdout.write(str(difference))
            if differences:
                self.stderr.write(
                    f"{len(differences)} differences between incremental and full computation"
                )
                sys.exit(1)
            self.stdout.write(
                f"No differences: the stored duties of {Child.objects.count()} "
                "children match a full computation"
            )
            return
        day = _date(as_of)
        child_ids = None
        if child:
            child_ids = list(Child.objects.filter(la_child_id=child).values_list("pk", flat=True))
            if not child_ids:
                raise CommandError(f"No child has the ID {child}")
        rows = engine.duties_as_of(day, child_ids=child_ids)
        if format == "json":
            self.stdout.write(
                json.dumps(
                    [
                        {
                            "child": r.child,
                            "rule": r.rule,
                            "due": r.due.isoformat(),
                            "completed": r.completed.isoformat() if r.completed else None,
                            "status": r.status,
                        }
                        for r in rows
                    ],
                    indent=2,
                )
            )
            return
        widths = (20, 22, 10, 10, 9)
        header = ("child", "rule", "due", "completed", "status")
        self.stdout.write("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
        for r in rows:
            cells = (
                r.child,
                r.rule,
                r.due.isoformat(),
                r.completed.isoformat() if r.completed else "",
                r.status,
            )
            self.stdout.write("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)))
