"""Events that lower layers publish and higher layers subscribe to.

This is the one way up the layering (docs/architecture.md): a casework service publishes
``casework_changed`` for a child, and once the transaction commits the duties engine
recomputes that child's duties. A transaction that changes many children (a journey load)
sends one signal naming them all.
"""

import threading

from django.db import transaction
from django.dispatch import Signal

#: Sent with ``child_ids`` after a transaction that changed those children's casework commits.
casework_changed = Signal()

_pending = threading.local()


def _changed_children() -> set[int]:
    if not hasattr(_pending, "child_ids"):
        _pending.child_ids = set()
    return _pending.child_ids


def _send_pending() -> None:
    child_ids = _changed_children()
    if not child_ids:
        return
    batch = sorted(child_ids)
    child_ids.clear()
    casework_changed.send(sender=None, child_ids=batch)


def publish_casework_changed(child_id: int) -> None:
    """Publish ``casework_changed`` for a child when the current transaction commits.

    Every call registers a callback, so that a callback lost with a rolled-back savepoint
    never strands a change; the first callback to run sends all pending children at once.
    Children left pending when no callback is waiting were changed by a transaction that was
    rolled back: they are forgotten.
    """
    if not transaction.get_connection().run_on_commit:
        _changed_children().clear()
    _changed_children().add(child_id)
    transaction.on_commit(_send_pending, robust=True)
