"""The returns' subscription to ``core.events.casework_changed``: the children named are
marked for the data quality pages to check again, and nothing is rebuilt here."""

from typing import Any

from kinfolk.returns.data_quality import mark_children_changed


def mark_for_data_quality_recheck(sender: Any, child_ids: list[int], **kwargs: Any) -> None:
    """Mark the children whose casework a committed transaction changed (a journey load names
    thousands at once: one insert)."""
    mark_children_changed(child_ids)
