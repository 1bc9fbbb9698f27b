from django.db import models


class DutyQuerySet(models.QuerySet):
    def outstanding(self) -> "DutyQuerySet":
        """Duties neither completed nor ended: still to be done."""
        return self.filter(completed_on__isnull=True, context_ended_on__isnull=True)
