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
    PRIVATE_FOSTERING = "private_fostering", _("Private fostering visit")


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


class AssessmentStatus(models.TextChoices):
    """Where an assessment has got to (docs/assessments.md): the worker drafts it, submits it
    to a manager, who returns it with reasons or authorises it."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted to a manager")
    RETURNED = "returned", _("Returned for changes")
    AUTHORISED = "authorised", _("Authorised")


class Verification(models.TextChoices):
    """Whether what a risk or a protective factor rests on was checked with its source."""

    VERIFIED = "verified", _("Verified with the source")
    SELF_REPORT = "self_report", _("Self-report")
    NOT_VERIFIED = "not_verified", _("Not verified")


class AuthorisationCheck(models.TextChoices):
    """What a manager confirms before authorising an assessment (docs/domain.md finding 42)."""

    VIEWS_RECORDED = "views_recorded", _("The child's views, wishes and feelings are recorded")
    CHILD_SEEN = "child_seen", _("The child was seen, and seen alone")
    HISTORY = "history", _("The history was considered")
    RISKS = "risks", _("The risks are analysed")
    SOURCES = "sources", _("The sources were checked")
    RECOMMENDATION = "recommendation", _("The recommendation follows from the analysis")


class VersionOutcome(models.TextChoices):
    """What the manager did with a submitted version of an assessment."""

    AWAITING = "awaiting", _("Awaiting a manager")
    RETURNED = "returned", _("Returned")
    AUTHORISED = "authorised", _("Authorised")
