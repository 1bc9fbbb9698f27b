"""The access log's hash chain: each row proves the rows before it.

Each access record carries ``chain_hash``: the SHA-256 of the previous row's hash followed by
this row's fields in one fixed form (``canonical``). The first row follows ``GENESIS``. The
chain runs in the order of the rows' primary keys, which the lock taken by every append
(``kinfolk.access.services``) makes the order in which they were written.

Changing a row's fields, removing a row or putting one between two others breaks the chain at
that row: every later hash depends on it. Removing rows from the end is found by comparing
the chain with its head (``AccessChainHead``), which every append updates. ``verify`` recomputes
the whole chain; ``kinfolk access verify`` runs it.

What the chain proves is that nobody changed the log without recomputing every hash after the
change. Someone who can write to the database and knows this module can do that too, so the
head's hash is worth keeping outside the database as well (``kinfolk access verify`` prints it):
a later head that does not follow from the kept one shows the log was rewritten.
"""

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

#: What the first row's hash follows.
GENESIS = "0" * 64
#: The fields of a row that its hash covers, in the order they are hashed.
FIELDS = ("at", "user_id", "child_id", "action", "what", "path", "source")


def canonical_time(moment: dt.datetime) -> str:
    """A moment as UTC to the microsecond, as both databases keep it."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(previous: str, row: dict[str, Any]) -> bytes:
    """The bytes hashed for a row: a JSON array of the previous hash and the row's fields in
    the order of ``FIELDS``, UTF-8, no spaces."""
    values = [previous, canonical_time(row["at"]), *(row[name] for name in FIELDS[1:])]
    return json.dumps(values, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def chain_hash(previous: str, row: dict[str, Any]) -> str:
    """The hash of a row that follows a row whose hash is ``previous``."""
    return hashlib.sha256(canonical(previous, row)).hexdigest()


@dataclass(frozen=True)
class ChainReport:
    """What ``verify`` found: how many rows it read, the first row whose hash is wrong (None
    when every hash is right) and whether the head agrees with the last row."""

    rows: int
    last_hash: str
    broken_pk: int | None = None
    broken_at: dt.datetime | None = None
    head_problem: str = ""

    @property
    def is_intact(self) -> bool:
        return self.broken_pk is None and not self.head_problem


def _rows(chunk_size: int) -> Iterator[dict[str, Any]]:
    from kinfolk.access.models import AccessRecord

    yield from (
        AccessRecord.objects.order_by("pk")
        .values("pk", "chain_hash", *FIELDS)
        .iterator(chunk_size=chunk_size)
    )


def verify(*, chunk_size: int = 5000) -> ChainReport:
    """Recompute the chain over every access record, in primary-key order, and compare its
    end with the head."""
    from kinfolk.access.models import AccessChainHead

    previous = GENESIS
    count = 0
    for row in _rows(chunk_size):
        expected = chain_hash(previous, row)
        if row["chain_hash"] != expected:
            return ChainReport(count, previous, broken_pk=row["pk"], broken_at=row["at"])
        previous = expected
        count += 1
    head = AccessChainHead.objects.filter(pk=1).first()
    problem = ""
    if head is None:
        if count:
            problem = "the chain head is missing"
    elif head.last_hash != previous or head.length != count:
        problem = (
            f"the chain head says {head.length} rows ending {head.last_hash[:12]}, "
            f"the log has {count} ending {previous[:12]}: rows were removed from the end"
        )
    return ChainReport(count, previous, head_problem=problem)
