"""``kinfolk records export --child ID --out FILE.json``: every record held about a child as
one JSON document (docs/records.md; docs/journeys.md, "The commands around journeys")."""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from kinfolk.people.models import Child
from kinfolk.records.services import export_child_record

SOURCE = "kinfolk records export"


class Command(BaseCommand):
    help = "Export every record held about a child as one JSON document."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        export = commands.add_parser("export", help="every record held about one child, as JSON")
        export.add_argument("--child", required=True, help="the child's Child ID, like C0042")
        export.add_argument("--out", required=True, type=Path, help="the JSON file to write")

    def handle(self, *args: Any, **options: Any) -> None:
        identifier = options["child"].strip()
        child = Child.objects.filter(la_child_id=identifier).first()
        if child is None:
            raise CommandError(f"no child with identifier {identifier}")
        out: Path = options["out"]
        if not out.parent.is_dir():
            raise CommandError(f"cannot write {out}: the folder {out.parent} does not exist")
        # The access record is kept only when the file is written.
        with transaction.atomic():
            records = export_child_record(child=child, actor=None, source=SOURCE, path=str(out))
            try:
                out.write_text(
                    json.dumps(records, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
                )
            except OSError as error:
                raise CommandError(f"cannot write {out}: {error.strerror}") from None
        self.stdout.write(f"{len(records)} records about child {identifier} written to {out}")
