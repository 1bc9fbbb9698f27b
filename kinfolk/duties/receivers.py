"""The duties engine's subscription to ``core.events.casework_changed``."""

from typing import Any

from kinfolk.duties.engine import recompute_children


def recompute_on_casework_change(sender: Any, child_ids: list[int], **kwargs: Any) -> None:
    """Recompute the duties of the children whose casework a committed transaction changed."""
    recompute_children(child_ids)
