import datetime as dt

from django.db import models


class DutyQuerySet(models.QuerySet):
    def outstanding(self) -> "DutyQuerySet":
        """Duties neither completed nor ended: still to be done."""
        return self.filter(completed_on__isnull=True, context_ended_on__isnull=True)

    def overdue_on(self, day: dt.date) -> "DutyQuerySet":
        """Outstanding duties whose due date has passed."""
        return self.outstanding().filter(due_on__lt=day)

    def due_within(self, day: dt.date, last: dt.date) -> "DutyQuerySet":
        """Outstanding duties due from ``day`` to ``last``."""
        return self.outstanding().filter(due_on__gte=day, due_on__lte=last)
