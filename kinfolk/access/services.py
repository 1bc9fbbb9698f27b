"""Writing the access log. Called inside the transaction of the request or command."""

from collections.abc import Iterable

from django.http import HttpRequest

from kinfolk.access.choices import AccessAction
from kinfolk.access.models import AccessRecord
from kinfolk.core.actors import Actor, staff_member


def request_source(request: HttpRequest) -> str:
    """Where a web request came from: the client's address as the server saw it."""
    return request.META.get("REMOTE_ADDR", "")[:200]


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
    return AccessRecord.objects.create(
        user=staff_member(user),
        child_id=child_id,
        action=action,
        what=what[:200],
        path=path[:500],
        source=source,
    )


def record_listing(
    *, user: Actor, child_ids: Iterable[int], what: str, path: str, source: str
) -> None:
    """Append a ``list`` record for each child shown in a list (search results, caseloads)."""
    AccessRecord.objects.bulk_create(
        AccessRecord(
            user=user,
            child_id=child_id,
            action=AccessAction.LIST,
            what=what[:200],
            path=path[:500],
            source=source,
        )
        for child_id in child_ids
    )
