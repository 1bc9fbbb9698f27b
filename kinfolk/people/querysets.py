from django.db import models
from django.utils import timezone

from kinfolk.access.models import BreakGlassAccess, RestrictionGrant
from kinfolk.access.policy import P, allows
from kinfolk.core.actors import Actor


class ChildQuerySet(models.QuerySet):
    def visible_to(self, user: Actor) -> "ChildQuerySet":
        """The children this user may see: every unrestricted child; a restricted child only
        where the user is named on the record or has broken the glass on it in the last few
        hours (kinfolk.access.break_glass); and a sealed adoption record only for the adoption
        service (``P.VIEW_SEALED``), whatever else holds.

        Every page, search and count of children goes through this method (docs/architecture.md,
        row-level access; docs/access.md), so a restricted or sealed child is invisible
        everywhere else.
        """
        if not user.is_authenticated:
            return self.none()
        granted = RestrictionGrant.objects.filter(child=models.OuterRef("pk"), user=user)
        broken = BreakGlassAccess.objects.filter(
            child=models.OuterRef("pk"), user=user, expires_at__gt=timezone.now()
        )
        visible = self.filter(
            models.Q(is_restricted=False) | models.Exists(granted) | models.Exists(broken)
        )
        if not allows(user, P.VIEW_SEALED):
            visible = visible.filter(is_sealed=False)
        return visible

    def hidden_from(self, user: Actor) -> "ChildQuerySet":
        """The children this user may not see (``visible_to``'s complement): for refusing a
        value that belongs to one without naming it, and logging the attempt."""
        return self.exclude(pk__in=self.model.objects.visible_to(user).values("pk"))
