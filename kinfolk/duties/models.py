"""Duties: statutory things that must happen for a child by a date, derived from casework."""

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.core.rules import RuleKind, rules
from kinfolk.duties.querysets import DutyQuerySet
from kinfolk.duties.rules import status_on


class Duty(models.Model):
    """One duty of one rule for one child, as the rules derived it from the casework.

    Rows are written only by the duties engine (``kinfolk.duties.engine``): recomputed for a
    child whenever its casework changes, and checked by the nightly sweep. The status is not
    stored: it depends on the date it is read on.
    """

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="duties")
    rule = models.CharField(_("rule"), max_length=40)
    key = models.CharField(_("trigger"), max_length=60)
    trigger_on = models.DateField(_("triggered on"))
    due_on = models.DateField(_("due"), db_index=True)
    completed_on = models.DateField(_("completed"), null=True, blank=True)
    context_ended_on = models.DateField(_("context ended"), null=True, blank=True)

    objects = DutyQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "rule", "pk"]
        verbose_name_plural = _("duties")
        constraints = [
            models.UniqueConstraint(fields=["child", "rule", "key"], name="duty_unique_trigger")
        ]
        indexes = [
            models.Index(
                fields=["completed_on", "context_ended_on", "due_on"], name="duty_outstanding"
            )
        ]

    def __str__(self) -> str:
        return f"{self.rule} due {self.due_on}"

    def status_on(self, day: dt.date) -> str:
        return status_on(
            day,
            due_on=self.due_on,
            completed_on=self.completed_on,
            context_ended_on=self.context_ended_on,
        )

    @property
    def rule_title(self) -> str:
        info = rules.get(RuleKind.DUTY, self.rule)
        return info.title if info else self.rule
