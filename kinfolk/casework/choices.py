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
    """Why the child was visited (docs/journeys.md ``visit``)."""

    CHILD_IN_NEED = "cin", _("Child in need visit")
    CHILD_PROTECTION = "cp", _("Child protection visit")
    CHILD_IN_CARE = "cla", _("Statutory visit to a child in care")
    CARE_LEAVER = "care_leaver", _("Care leaver contact")


class Agency(models.TextChoices):
    """The agencies that attend multi-agency meetings (strategy discussions, conferences, core
    groups) and own actions in a child's plan (Working Together 2023, ch. 2 and 4)."""

    CHILDRENS_SOCIAL_CARE = "childrens_social_care", _("Children's social care")
    POLICE = "police", _("Police")
    GP = "gp", _("GP")
    HEALTH = "health", _("Other health services")
    EDUCATION = "education", _("School or education")
    EARLY_YEARS = "early_years", _("Early years")
    PROBATION = "probation", _("Probation")
    YOUTH_JUSTICE = "youth_justice", _("Youth justice")
    HOUSING = "housing", _("Housing")
    ADULT_SOCIAL_CARE = "adult_social_care", _("Adult social care")
    LEGAL = "legal", _("Legal services")
    OTHER = "other", _("Other")


class CaseNoteKind(models.TextChoices):
    """What a case note records: the everyday work with the child and family
    (docs/journeys.md ``case_note``)."""

    HOME_VISIT = "home_visit", _("Home visit")
    OFFICE_VISIT = "office_visit", _("Office visit")
    PHONE_CALL = "phone_call", _("Phone call")
    EMAIL = "email", _("Email")
    MEETING = "meeting", _("Meeting")
    DIRECT_WORK = "direct_work", _("Direct work with the child")
    OTHER = "other", _("Other")
