from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.access.roles import Role

__all__ = ["CASE_HOLDING_ROLES", "AccountChangeAction", "Role"]

#: Roles that hold children's cases.
CASE_HOLDING_ROLES = frozenset(
    {Role.SOCIAL_WORKER, Role.PERSONAL_ADVISER, Role.TEAM_MANAGER, Role.ADOPTION}
)


class AccountChangeAction(models.TextChoices):
    """What an administrator did to a member of staff's account or to a team."""

    CREATED = "created", _("Account created")
    CHANGED = "changed", _("Account changed")
    DEACTIVATED = "deactivated", _("Account deactivated")
    REACTIVATED = "reactivated", _("Account reactivated")
    UNLOCKED = "unlocked", _("Account unlocked")
    SET_PASSWORD_SENT = "set_password_sent", _("Set-password email sent")
    SECOND_FACTOR_RESET = "second_factor_reset", _("Authenticator app and recovery codes removed")
    TEAM_CREATED = "team_created", _("Team created")
    TEAM_RENAMED = "team_renamed", _("Team renamed")
    TEAM_DELETED = "team_deleted", _("Team deleted")
