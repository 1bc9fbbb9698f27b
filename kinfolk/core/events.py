"""Events that lower layers publish and higher layers subscribe to.

This is the one way up the layering (ARCHITECTURE.md): a casework service publishes
``casework_changed`` for a child once its transaction commits, and the duties engine listens.
"""

from django.db import transaction
from django.dispatch import Signal

#: Sent with ``child_id`` after a transaction that changed a child's casework commits.
casework_changed = Signal()


def publish_casework_changed(child_id: int) -> None:
    """Publish ``casework_changed`` for a child when the current transaction commits."""
    transaction.on_commit(
        lambda: casework_changed.send(sender=None, child_id=child_id), robust=True
    )
