from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessAction(models.TextChoices):
    VIEW = "view", _("Viewed")
    LIST = "list", _("Listed")
    CHANGE = "change", _("Changed")
    EXPORT = "export", _("Exported")
    #: The person asked for a record they may not see (a restricted or sealed record): the
    #: page was a 404, or a form refused a value that belongs to it.
    REFUSED = "refused", _("Refused")
    #: The person broke the glass: opened a restricted record they are not named on.
    BREAK_GLASS = "break-glass", _("Broke the glass")
