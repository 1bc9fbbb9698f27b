"""Writing the access log. Called inside the transaction of the request or command.

These functions are the only writers of ``AccessRecord``: each append locks the chain head,
hashes the new rows onto the chain (``kinfolk.access.chain``) and moves the head on, in one
transaction, so that two requests writing at once take turns and the chain never forks. The
lock is held until the request's transaction ends.
"""

from collections.abc import Iterable

from django.db import transaction
from django.http import HttpRequest

from kinfolk.access.chain import FIELDS, GENESIS, chain_hash
from kinfolk.access.choices import AccessAction
from kinfolk.access.models import AccessChainHead, AccessRecord
from kinfolk.core.actors import Actor, staff_member


def request_source(request: HttpRequest) -> str:
    """Where a web request came from: the client's address as the server saw it."""
    return request.META.get("REMOTE_ADDR", "")[:200]


def _locked_head() -> AccessChainHead:
    """The chain head, locked until the transaction ends. Made at the genesis when missing
    (a new database, or one a test emptied): a head missing while rows remain is then found
    by ``kinfolk access verify``, because the next row no longer follows the last."""
    head = AccessChainHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        head, _created = AccessChainHead.objects.select_for_update().get_or_create(
            pk=1, defaults={"last_hash": GENESIS, "length": 0}
        )
    return head


def _append(records: list[AccessRecord]) -> list[AccessRecord]:
    """Hash the records onto the chain, in order, and write them."""
    if not records:
        return records
    # No savepoint of its own: a log that cannot be written fails the whole request.
    with transaction.atomic(savepoint=False):
        head = _locked_head()
        previous = head.last_hash
        for record in records:
            record.chain_hash = chain_hash(
                previous, {name: getattr(record, name) for name in FIELDS}
            )
            previous = record.chain_hash
        AccessRecord.objects.bulk_create(records)
        head.last_hash = previous
        head.length += len(records)
        head.save(update_fields=["last_hash", "length"])
    return records


def _record(
    *,
    user: Actor | None,
    child_id: int | None,
    action: AccessAction,
    what: str,
    path: str,
    source: str,
) -> AccessRecord:
    member = staff_member(user)
    return AccessRecord(
        user_id=member.pk if member is not None else None,
        child_id=child_id,
        action=action,
        what=str(what)[:200],
        path=path[:500],
        source=source[:200],
    )


def record_access(
    *,
    user: Actor | None,
    child_id: int | None,
    action: AccessAction,
    what: str,
    path: str = "",
    source: str = "",
) -> AccessRecord:
    """Append one access record."""
    record = _record(
        user=user, child_id=child_id, action=action, what=what, path=path, source=source
    )
    return _append([record])[0]


def record_listing(
    *,
    user: Actor | None,
    child_ids: Iterable[int],
    what: str,
    path: str,
    source: str,
    action: AccessAction = AccessAction.LIST,
) -> None:
    """Append a record for each child shown in a list (search results, caseloads: ``list``),
    included in a download (``export``) or changed by a command (``change``)."""
    _append(
        [
            _record(
                user=user, child_id=child_id, action=action, what=what, path=path, source=source
            )
            for child_id in child_ids
        ]
    )
