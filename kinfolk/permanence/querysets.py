"""Questions asked of permanence records across children."""

from django.db import models


class AdoptionDecisionQuerySet(models.QuerySet):
    def open(self) -> "AdoptionDecisionQuerySet":
        """Decisions that the child should be placed for adoption that have not been
        reversed."""
        return self.filter(reversed_on__isnull=True)

    def adoption_plans(self) -> "AdoptionDecisionQuerySet":
        """Children still looked after with a plan for adoption: an open decision in a period
        of care that has not ended (docs/domain.md finding 85)."""
        return self.open().filter(period__end_on__isnull=True)
