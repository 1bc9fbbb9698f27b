"""The records of management oversight (docs/oversight.md): case supervision of a worker's
children, with the actions it agreed; management decisions on a child; and the personal
supervision of a worker, which is about the worker and names no child.

A case supervision names its child (``CaseSupervision.child``), so it is part of the child's
record: it is in the child's chronology, in ``kinfolk records export`` and in a subject access
disclosure. A personal supervision is not: it is the worker's, seen only by them and by their
manager.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinfolk.core.models import Versioned


class SupervisionSession(models.Model):
    """One sitting in which a supervisor discussed some of a worker's children.

    One session for a supervisor, a worker and a day: what is recorded of it later that day
    joins it. The supervisor is never the worker whose cases are discussed.
    """

    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="supervisions_given",
        verbose_name=_("supervisor"),
    )
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="supervisions_received",
        verbose_name=_("worker"),
    )
    held_on = models.DateField(_("date of the supervision"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["supervisor", "worker", "held_on"], name="supervision_session_one_a_day"
            ),
            models.CheckConstraint(
                condition=~Q(supervisor=F("worker")), name="supervision_not_of_oneself"
            ),
        ]

    def __str__(self) -> str:
        return f"Supervision of {self.worker} by {self.supervisor} on {self.held_on}"


class CaseSupervision(models.Model):
    """What a supervision said about one child: the reflection and analysis, the decision and
    why it was taken (docs/domain.md finding 32: supervision with context and analysis)."""

    session = models.ForeignKey(SupervisionSession, on_delete=models.CASCADE, related_name="cases")
    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="case_supervisions"
    )
    reflection = models.TextField(_("reflection and analysis"), blank=True)
    decision = models.TextField(_("decision"))
    rationale = models.TextField(_("rationale"), blank=True)

    class Meta:
        ordering = ["-session__held_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "child"], name="case_supervision_once_a_session"
            )
        ]

    def __str__(self) -> str:
        return f"Case supervision of child {self.child_id} ({self.session_id})"


class SupervisionAction(Versioned):
    """Something a supervision agreed should happen for the child: who does it, by when, and
    when it was done. An open action is in its owner's work."""

    case = models.ForeignKey(CaseSupervision, on_delete=models.CASCADE, related_name="actions")
    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="supervision_actions"
    )
    text = models.TextField(_("action"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="supervision_actions",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due by"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def is_open(self) -> bool:
        return self.done_on is None


class ManagementDecision(models.Model):
    """A manager's decision on a child's case: the outcome it seeks for the child, what was
    decided and why, who makes it happen and by when (docs/domain.md finding 77: directions
    about outcomes, not only process)."""

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="management_decisions"
    )
    decided_on = models.DateField(_("date of the decision"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("decided by"),
    )
    outcome_sought = models.TextField(_("outcome sought for the child"), blank=True)
    decision = models.TextField(_("decision"))
    rationale = models.TextField(_("rationale"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("to happen by"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        return f"Management decision on child {self.child_id} on {self.decided_on}"


class PersonalSupervision(models.Model):
    """A worker's personal supervision: their wellbeing, their development, their caseload,
    and when the next is to be. It names no child and is seen only by the worker, a team
    manager of their team and the supervisor who recorded it."""

    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="personal_supervisions",
        verbose_name=_("worker"),
    )
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("supervisor"),
    )
    held_on = models.DateField(_("date of the supervision"))
    wellbeing = models.TextField(_("wellbeing"), blank=True)
    development = models.TextField(_("learning and development"), blank=True)
    caseload = models.TextField(_("caseload and workload"), blank=True)
    next_on = models.DateField(_("next supervision"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(supervisor=F("worker")), name="personal_supervision_not_of_oneself"
            ),
        ]

    def __str__(self) -> str:
        return f"Personal supervision of {self.worker} on {self.held_on}"
