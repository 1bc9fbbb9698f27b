from django.db import models

from kinfolk.access.models import RestrictionGrant
from kinfolk.core.actors import Actor


class ChildQuerySet(models.QuerySet):
    def visible_to(self, user: Actor) -> "ChildQuerySet":
        """The children this user may see: every unrestricted child, and restricted children
        only where the user is named on the record.

        Every page, search and count of children goes through this method (docs/architecture.md, row-level
        access), so a restricted child is invisible everywhere else.
        """
        if not user.is_authenticated:
            return self.none()
        granted = RestrictionGrant.objects.filter(child=models.OuterRef("pk"), user=user)
        return self.filter(models.Q(is_restricted=False) | models.Exists(granted))
