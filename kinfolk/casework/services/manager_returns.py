"""A manager's return of work to its worker and the worker's answer, kept the same way for
every kind of work a manager can return (closure requests, plans asked to be agreed;
docs/sign-off.md). The caller holds the lock on the work and checks its state."""

import datetime as dt
from typing import Any

from kinfolk.casework.models import ManagerReturn
from kinfolk.core.actors import Actor, staff_member


def add_return(
    work: Any, *, model: type[ManagerReturn], manager: Actor, reasons: str, at: dt.datetime
) -> ManagerReturn:
    """Keep the manager's return of ``work`` with the reasons (already checked not blank)."""
    # Each concrete table names the work it returns ``request``; the abstract base cannot.
    fields: dict[str, Any] = {"request": work}
    return model._default_manager.create(
        **fields, returned_at=at, returned_by=staff_member(manager), reasons=reasons.strip()
    )


def answer_latest_return(
    work: Any, *, response: str, actor: Actor, at: dt.datetime
) -> ManagerReturn:
    """Record the worker's answer (already checked not blank) to the latest return of
    ``work``."""
    returned = work.returns.order_by("-returned_at", "-pk").first()
    assert returned is not None  # work that was returned has its return
    returned.answered_at = at
    returned.answered_by = staff_member(actor)
    returned.response = response.strip()
    returned.save(update_fields=["answered_at", "answered_by", "response"])
    return returned
