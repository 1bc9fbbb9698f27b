from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What a member of staff does (docs/journeys.md ``worker``)."""

    SOCIAL_WORKER = "social_worker", _("Social worker")
    TEAM_MANAGER = "team_manager", _("Team manager")
    IRO = "iro", _("Independent reviewing officer")
    CP_CHAIR = "cp_chair", _("Child protection chair")
    PERSONAL_ADVISER = "personal_adviser", _("Personal adviser")
    FRONTDOOR = "frontdoor", _("Front door worker")
    LADO = "lado", _("Local authority designated officer")
    ANALYST = "analyst", _("Performance analyst")
    ADMIN = "admin", _("Administrator")


#: Roles that oversee other people's work: they allocate cases and read access logs.
MANAGER_ROLES = frozenset({Role.TEAM_MANAGER, Role.ADMIN})
#: Roles that hold children's cases.
CASE_HOLDING_ROLES = frozenset({Role.SOCIAL_WORKER, Role.PERSONAL_ADVISER, Role.TEAM_MANAGER})
