import datetime as dt

from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models


class AllocationQuerySet(models.QuerySet):
    def open(self) -> "AllocationQuerySet":
        """Allocations that have not ended."""
        return self.filter(end_on__isnull=True)

    def open_on(self, day: dt.date) -> "AllocationQuerySet":
        """Allocations in force on a date."""
        return self.filter(start_on__lte=day).filter(
            models.Q(end_on__isnull=True) | models.Q(end_on__gt=day)
        )


class UserQuerySet(models.QuerySet):
    def with_caseload(self, *, viewer: models.Model) -> "UserQuerySet":
        """Annotate ``caseload``: how many children each worker holds now, counting only the
        children that ``viewer`` may see (a restricted record is absent from counts too)."""
        visible = models.Q(allocations__child__is_restricted=False) | models.Q(
            allocations__child__restriction_grants__user=viewer
        )
        return self.annotate(
            caseload=models.Count(
                "allocations",
                filter=models.Q(allocations__end_on__isnull=True) & visible,
                distinct=True,
            )
        )


class UserManager(DjangoUserManager.from_queryset(UserQuerySet)):  # type: ignore[misc]
    pass
