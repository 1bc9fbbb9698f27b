"""The independent reviewing officer allocated to a child in care, with the history of who held
the role and why it changed.

Every looked-after child has an IRO, named by the authority, who chairs the child's reviews,
monitors the care plan and challenges drift (Children Act 1989 s25A; Care Planning Regulations
2010, Part 8; IRO Handbook 2010, ch. 2; docs/domain.md stage 19). The history is kept, with
the reason for each change, because continuity of the IRO matters to the child. A child has at
most one open allocation; a change ends the previous one on the day the next starts.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["IROAllocation", "IROChangeReason"]


class IROChangeReason(models.TextChoices):
    """Why an independent reviewing officer was allocated to the child."""

    FIRST = "first", _("First IRO for the child")
    IRO_LEFT = "iro_left", _("The previous IRO left the service or the role")
    CASELOAD = "caseload", _("To balance IROs' caseloads")
    CHILD_ASKED = "child_asked", _("The child or family asked for a change")
    CONFLICT = "conflict", _("A conflict of interest")
    RETURN_TO_CARE = "return_to_care", _("The child came back into care")
    OTHER = "other", _("Another reason")


class IROAllocation(models.Model):
    """A period during which an independent reviewing officer is the child's IRO (Children Act
    1989 s25A: the authority appoints an IRO for each looked-after child)."""

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="iro_allocations"
    )
    iro = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="iro_allocations",
        verbose_name=_("independent reviewing officer"),
    )
    start_on = models.DateField(_("from"))
    end_on = models.DateField(_("to"), null=True, blank=True)
    reason = models.CharField(
        _("reason for the allocation"), max_length=20, choices=IROChangeReason.choices
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-start_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(end_on__isnull=True),
                name="iro_allocation_one_open_per_child",
            ),
            models.CheckConstraint(
                condition=models.Q(end_on__isnull=True)
                | models.Q(end_on__gte=models.F("start_on")),
                name="iro_allocation_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["iro", "end_on"], name="iro_allocation_iro_open")]
        verbose_name = _("IRO allocation")

    def __str__(self) -> str:
        return f"{self.iro} from {self.start_on}"

    @property
    def is_open(self) -> bool:
        return self.end_on is None
