from typing import Any

from django.db import models


class DutyQuerySet(models.QuerySet):
    def outstanding(self) -> "DutyQuerySet":
        """Duties neither completed nor ended: still to be done."""
        return self.filter(completed_on__isnull=True, context_ended_on__isnull=True)

    def shown_to(self, reader: Any) -> "DutyQuerySet":
        """The duties ``reader`` may learn of. The duties of a restricted rule (the LADO's,
        about an allegation) are shown only to those who may read what triggered them (the
        rule's ``visible_keys``), in the same query; with no reader, to no one."""
        from kinfolk.duties.rules import RULES

        condition = models.Q()
        for rule in RULES:
            if rule.is_restricted:
                keys = rule.visible_keys(reader) if reader is not None else []
                condition &= ~models.Q(rule=rule.code) | models.Q(key__in=keys)
        return self.filter(condition)
