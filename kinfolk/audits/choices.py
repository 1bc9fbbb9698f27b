"""The audits' own lists of values."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Grade(models.TextChoices):
    """Ofsted's four grades, which a case file audit gives each question and the whole file.
    The codes are those of the ``case_audit`` journey event (docs/journeys.md)."""

    OUTSTANDING = "outstanding", _("Outstanding")
    GOOD = "good", _("Good")
    REQUIRES_IMPROVEMENT = "requires_improvement", _("Requires improvement")
    INADEQUATE = "inadequate", _("Inadequate")


class AuditStatus(models.TextChoices):
    """Where an audit has got to: assigned to an auditor, begun (some questions graded),
    completed with an overall grade, then moderated by a second auditor."""

    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    MODERATED = "moderated", _("Moderated")


class AuditSource(models.TextChoices):
    """How the child came to be audited (docs/audits.md, choosing audits)."""

    RANDOM = "random", _("Chosen at random from open cases")
    SERVICE = "service", _("Chosen from children in a service")
    APPROVED_WORK = "approved_work", _("Sample of work a manager approved")
    CHOSEN = "chosen", _("Chosen by name")
    IMPORTED = "imported", _("Recorded from a file")


class AuditService(models.TextChoices):
    """The services a themed sample of audits can be drawn from."""

    CHILD_IN_NEED = "cin", _("Children in need (on a child in need plan)")
    CHILD_PROTECTION = "cp", _("Children on a child protection plan")
    IN_CARE = "care", _("Children in care")


class ApprovedWork(models.TextChoices):
    """The kinds of work a manager approves that a sample of audits can be drawn from
    (docs/domain.md finding 42: managers sign off weak assessments)."""

    SCREENING = "screening", _("Screening decisions signed off")
    ASSESSMENT = "assessment", _("Assessments authorised")
    PLACEMENT = "placement", _("Placements approved")
