"""Periods in which a child was an unaccompanied asylum-seeking child: ``UASCPeriod`` gives the
SSDA903 UASC table (DUC is the end of the last period)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.care.models.health import recorded_by_field

__all__ = [
    "UASCPeriod",
]


class UASCPeriod(models.Model):
    """A period in which the child was an unaccompanied asylum-seeking child (SSDA903 UASC
    table; its end is DUC, on or before the 18th birthday, rule 304). At most one open."""

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="uasc_periods")
    start_on = models.DateField(_("date UASC status began"))
    end_on = models.DateField(_("date UASC status ceased"), null=True, blank=True)
    immigration_status = models.CharField(_("immigration status"), max_length=200, blank=True)
    recorded_by = recorded_by_field()

    class Meta:
        ordering = ["-start_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(end_on__isnull=True),
                name="uasc_period_one_open_per_child",
            ),
            models.CheckConstraint(
                condition=models.Q(end_on__isnull=True)
                | models.Q(end_on__gte=models.F("start_on")),
                name="uasc_period_ends_after_start",
            ),
        ]
        verbose_name = _("UASC period")

    def __str__(self) -> str:
        return f"UASC from {self.start_on}"
