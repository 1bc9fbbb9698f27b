from typing import Any

from django.db import models

from kinfolk.chronology.restricted import restricted_kinds


class ChronologyEntryQuerySet(models.QuerySet):
    def of_kind(self, kind: str | None) -> "ChronologyEntryQuerySet":
        """Entries of one kind, or all entries when ``kind`` is empty."""
        return self.filter(kind=kind) if kind else self

    def read_by(
        self, visible_children: models.QuerySet, *, reader: Any
    ) -> "ChronologyEntryQuerySet":
        """The entries as ``reader`` sees them: each knows whether the other child it names is
        among ``visible_children`` (``Child.objects.visible_to(reader)``), so that an entry
        naming a child the reader may not see shows "a restricted record"; and the entries of
        a restricted kind (kinfolk.chronology.restricted) the reader may not see are left
        out altogether."""
        return self.filter(restricted_kinds.condition(reader)).annotate(
            other_child_is_visible=models.Exists(
                visible_children.filter(pk=models.OuterRef("other_child_id"))
            )
        )

    def newest_first(self) -> "ChronologyEntryQuerySet":
        return self.order_by("-occurred_on", "-pk")
