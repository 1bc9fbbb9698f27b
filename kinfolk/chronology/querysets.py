from django.db import models


class ChronologyEntryQuerySet(models.QuerySet):
    def of_kind(self, kind: str | None) -> "ChronologyEntryQuerySet":
        """Entries of one kind, or all entries when ``kind`` is empty."""
        return self.filter(kind=kind) if kind else self

    def newest_first(self) -> "ChronologyEntryQuerySet":
        return self.order_by("-occurred_on", "-pk")
