"""Kinds of chronology entry. Each casework area adds the kinds its services write."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EntryKind(models.TextChoices):
    RECORD = "record", _("Record")
    IDENTITY = "identity", _("Identity")
    BIRTH = "birth", _("Birth")
    DEATH = "death", _("Death")
    ADDRESS = "address", _("Address")
    RELATIONSHIP = "relationship", _("Relationship")
    ALLOCATION = "allocation", _("Allocation")
    ALERT = "alert", _("Alert")
    ACCESS = "access", _("Access")
    CONTACT = "contact", _("Contact")
    SCREENING = "screening", _("Screening decision")
    EARLY_HELP = "early_help", _("Early help")
    REFERRAL = "referral", _("Referral")
    ASSESSMENT = "assessment", _("Assessment")
    PLAN = "plan", _("Plan")
    VISIT = "visit", _("Visit")
    CLOSURE = "closure", _("Case closure")
    STRATEGY = "strategy", _("Strategy discussion")
    ENQUIRY = "enquiry", _("Section 47 enquiry")
    CONFERENCE = "conference", _("Child protection conference")
    CORE_GROUP = "core_group", _("Core group")
    CARE = "care", _("Looked after")
    PLACEMENT = "placement", _("Placement")
    LEGAL_STATUS = "legal_status", _("Legal status")
    HEALTH = "health", _("Health")
    EDUCATION = "education", _("Education")
    MISSING = "missing", _("Missing from home or care")
    EXPLOITATION = "exploitation", _("Exploitation")
    UASC = "uasc", _("Unaccompanied asylum-seeking child")
    PERMANENCE = "permanence", _("Permanence")
    PROCEEDINGS = "proceedings", _("Pre-proceedings and court")
    LOOKED_AFTER_REVIEW = "looked_after_review", _("Looked-after review")
