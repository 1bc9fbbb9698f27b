"""What a member of staff does. Each role is granted permissions in ``kinfolk.access.policy``."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What a member of staff does (docs/journeys.md ``worker``)."""

    SOCIAL_WORKER = "social_worker", _("Social worker")
    TEAM_MANAGER = "team_manager", _("Team manager")
    HEAD_OF_SERVICE = "head_of_service", _("Head of service")
    IRO = "iro", _("Independent reviewing officer")
    CP_CHAIR = "cp_chair", _("Child protection chair")
    PERSONAL_ADVISER = "personal_adviser", _("Personal adviser")
    FRONTDOOR = "frontdoor", _("Front door worker")
    ADOPTION = "adoption_worker", _("Adoption social worker")
    LADO = "lado", _("Local authority designated officer")
    ANALYST = "analyst", _("Performance analyst")
    INFORMATION_GOVERNANCE = "info_governance", _("Information governance officer")
    ADMIN = "admin", _("Administrator")
    COMPLAINTS_MANAGER = "complaints_manager", _("Complaints manager")
