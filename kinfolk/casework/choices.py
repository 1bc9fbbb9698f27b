from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanKind(models.TextChoices):
    """The kind of plan: child in need (section 17) or child protection."""

    CHILD_IN_NEED = "cin", _("Child in need plan")
    CHILD_PROTECTION = "cp", _("Child protection plan")


class ActionStatus(models.TextChoices):
    """Where a plan action has got to."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("No longer needed")


class VisitKind(models.TextChoices):
    """Why the child was visited (JOURNEYS.md ``visit``)."""

    CHILD_IN_NEED = "cin", _("Child in need visit")
    CHILD_PROTECTION = "cp", _("Child protection visit")
    CHILD_IN_CARE = "cla", _("Statutory visit to a child in care")
    CARE_LEAVER = "care_leaver", _("Care leaver contact")
