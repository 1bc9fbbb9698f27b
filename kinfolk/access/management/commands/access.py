"""``kinfolk access``: the access policy and the access log, from the command line.

``kinfolk access matrix`` prints who may do what (the permission matrix of
kinfolk.access.policy); ``--markdown`` writes it as docs/permissions.md (``--out FILE``, or
``--out -`` for standard output), and with ``--check`` writes nothing and fails when the file
differs from the policy.

``kinfolk access verify`` recomputes the access log's hash chain (kinfolk.access.chain) and
prints "N rows, chain intact" with the hash the chain ends on (worth keeping outside the
database), or the first row that breaks it, exiting non-zero.
"""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from kinfolk.access.chain import verify
from kinfolk.access.policy import matrix_markdown, matrix_rows
from kinfolk.access.roles import Role

DEFAULT_MATRIX_OUT = "docs/permissions.md"


class Command(BaseCommand):
    help = (
        "The access policy and the access log: print the permission matrix; verify the "
        "access log's hash chain."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="subcommand", required=True)
        matrix = commands.add_parser(
            "matrix", help="print who may do what", description="Print who may do what."
        )
        matrix.add_argument("--markdown", action="store_true", help="write docs/permissions.md")
        matrix.add_argument(
            "--out",
            default=DEFAULT_MATRIX_OUT,
            help=f"with --markdown: where it goes ({DEFAULT_MATRIX_OUT}; - for the output)",
        )
        matrix.add_argument(
            "--check",
            action="store_true",
            help="with --markdown: fail if the file differs from the policy, writing nothing",
        )
        commands.add_parser(
            "verify",
            help="recompute the access log's hash chain",
            description=(
                "Recompute the access log's hash chain and print the first row that breaks "
                "it, or how many rows are intact. Exits non-zero when the chain is broken."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        handler = getattr(self, "handle_" + options["subcommand"])
        handler(**options)

    def handle_matrix(self, **options: Any) -> None:
        if not options["markdown"]:
            self._print_matrix()
            return
        text = matrix_markdown()
        if options["out"] == "-":
            self.stdout.write(text, ending="")
            return
        path = Path(options["out"])
        if not path.is_absolute():
            path = Path(settings.BASE_DIR) / path
        if options["check"]:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                raise CommandError(
                    f"{path} is out of date with the access policy: "
                    "run kinfolk access matrix --markdown"
                )
            self.stdout.write(f"{path} is up to date with the access policy")
            return
        path.write_text(text, encoding="utf-8")
        self.stdout.write(f"Wrote the permission matrix to {path}")

    def handle_verify(self, **options: Any) -> None:
        report = verify()
        if report.broken_pk is not None:
            raise CommandError(
                f"Chain broken at row {report.broken_pk} (written "
                f"{report.broken_at:%Y-%m-%d %H:%M:%S %Z}): its hash does not follow from the "
                f"rows before it. The {report.rows} rows before it are intact.",
                returncode=1,
            )
        if report.head_problem:
            raise CommandError(
                f"{report.rows} rows, each following from the one before, but "
                f"{report.head_problem}.",
                returncode=1,
            )
        self.stdout.write(f"{report.rows} rows, chain intact (ends {report.last_hash})")

    def _print_matrix(self) -> None:
        """Permissions down, roles across (numbered, with a key), one mark per grant."""
        roles = list(Role)
        for number, role in enumerate(roles, start=1):
            self.stdout.write(f"{number:>2}  {role.label} ({role.value})")
        self.stdout.write("")
        width = max(len(permission.code) for permission, _cells in matrix_rows())
        header = " " * width + "  " + " ".join(f"{n:>4}" for n in range(1, len(roles) + 1))
        self.stdout.write(header)
        for permission, cells in matrix_rows():
            marks = " ".join(f"{cell or '-':>4}" for cell in cells)
            self.stdout.write(f"{permission.code:<{width}}  {marks}")
        self.stdout.write("")
        self.stdout.write(
            "yes: every child the role may see; team: its own team's children "
            "and those no team holds; -: refused"
        )
