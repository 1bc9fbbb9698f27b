"""Who may read an allegation (docs/allegations.md, "Who may see an allegation")."""

from typing import Any

from django.db import models

from kinfolk.access.policy import P, allows


class AllegationQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> "AllegationQuerySet":
        """The allegations ``user`` may read: every allegation for the holders of
        ``record-allegation`` (the LADO; kinfolk/access/policy.py is where that is granted),
        and for anyone else only those that name them as a reader. Being able to open a
        child concerned is not enough."""
        if allows(user, P.RECORD_ALLEGATION):
            return self.all()
        if user is None or not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(readers__user=user).distinct()

    def open(self) -> "AllegationQuerySet":
        return self.filter(closed_on__isnull=True)
