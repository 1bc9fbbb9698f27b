"""Loading the journey events read from a census with ``kinfolk.journeys.loader``, in one
transaction: every event goes through the services the pages use, and if any is refused
nothing is kept."""

import datetime as dt
import json
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import models, transaction

from kinfolk.journeys.loader import load_journeys
from kinfolk.people.models import Child
from kinfolk.people.upn import normalise_upn
from kinfolk.returns.cin.importer.reader import ChildReader, Origin

SOURCE = "kinfolk returns import cin-census"
#: What the access log says of each child an import records.
WHAT = "Loaded from a CIN census file"
#: The longest UPN a journey's child event carries (docs/journeys.md).
_UPN_LENGTH = 13


def load(readers: list[ChildReader]) -> list[str]:
    """Record the children's events in one transaction; if any is refused, keep nothing and
    say why, where in the file it comes from. What follows for a child depends on what was
    refused, so each child's first refusal alone is reported."""
    refused: dict[str, str] = {}
    lines: list[str] = []
    origins: list[Origin] = []
    for reader in readers:
        problem = _upn_refused(reader)
        if problem:
            refused[reader.child_id] = problem
            continue
        for event in reader.ordered():
            lines.append(json.dumps(_journey_values(event.values), default=_iso))
            origins.append(event.origin)
    with transaction.atomic():
        result = load_journeys(lines, source=SOURCE, what=WHAT)
        for error in result.errors:
            origin = origins[error.line - 1]
            refused.setdefault(
                origin.child,
                f"line {origin.line}: child {origin.child}, {origin.element}: "
                f"{error.reason or error.message}",
            )
        if refused:
            transaction.set_rollback(True)
    return [refused[reader.child_id] for reader in readers if reader.child_id in refused]


def _journey_values(values: dict[str, Any]) -> dict[str, Any]:
    """An event's values as a journey line carries them: UPNs written without spaces, as the
    child's record keeps them."""
    if values["type"] != "child":
        return values
    return {
        name: normalise_upn(value) if name in ("upn", "former_upn") else value
        for name, value in values.items()
    }


def _upn_refused(reader: ChildReader) -> str | None:
    """Why the child's record is refused when a UPN is longer than a UPN can be (and than a
    journey carries), in the words of the child's record."""
    record = next(event for event in reader.events if event.values["type"] == "child")
    upns = {
        name: normalise_upn(record.values[name])
        for name in ("upn", "former_upn")
        if record.values.get(name)
    }
    if all(len(upn) <= _UPN_LENGTH for upn in upns.values()):
        return None
    messages: list[str] = []
    for name, upn in upns.items():
        try:
            cast(models.CharField, Child._meta.get_field(name)).clean(upn, None)
        except ValidationError as error:
            messages.extend(error.messages)
    origin = record.origin
    return f"line {origin.line}: child {origin.child}, {origin.element}: {'; '.join(messages)}"


def _iso(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{value!r} cannot be written in a journey line")
