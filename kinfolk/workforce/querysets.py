import datetime as dt

from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models

from kinfolk.core.actors import Actor
from kinfolk.people.models import Child


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
    def matching(self, text: str) -> "UserQuerySet":
        """Members of staff whose name, username or email address contains the text."""
        text = text.strip()
        if not text:
            return self
        return self.filter(
            models.Q(display_name__icontains=text)
            | models.Q(username__icontains=text)
            | models.Q(email__icontains=text)
        )

    def with_caseload(self, *, viewer: Actor) -> "UserQuerySet":
        """Annotate ``caseload``: how many children each worker holds now, counting only the
        children that ``viewer`` may see (``Child.objects.visible_to``: a restricted or sealed
        record is absent from counts too)."""
        visible = models.Q(allocations__child__in=Child.objects.visible_to(viewer))
        return self.annotate(
            caseload=models.Count(
                "allocations",
                filter=models.Q(allocations__end_on__isnull=True) & visible,
                distinct=True,
            )
        )


class TeamQuerySet(models.QuerySet):
    def with_members(self) -> "TeamQuerySet":
        """Annotate ``active_members`` (members who can sign in) and ``inactive_members``
        (members whose accounts are deactivated)."""
        return self.annotate(
            active_members=models.Count("members", filter=models.Q(members__is_active=True)),
            inactive_members=models.Count("members", filter=models.Q(members__is_active=False)),
        )


class AccountChangeQuerySet(models.QuerySet):
    def about_team(self, team_id: int) -> "AccountChangeQuerySet":
        """The changes made to a team, newest first."""
        return self.filter(team_id=team_id).order_by("-at", "-pk")


class UserManager(DjangoUserManager.from_queryset(UserQuerySet)):  # type: ignore[misc]
    pass
