"""Who a council account is in Kinfolk (docs/sign-in.md)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CouncilIdentity(models.Model):
    """The council identity provider's account that signs in as a member of staff.

    The provider names each account by its subject (``sub``), which never changes and is
    never given to anyone else; usernames and e-mail addresses can. Kinfolk keys the link
    on the issuer and the subject, so a renamed account stays the same member of staff.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="council_identity"
    )
    issuer = models.CharField(_("identity provider"), max_length=500)
    subject = models.CharField(_("subject"), max_length=255)
    first_signed_in_at = models.DateTimeField(_("first signed in"), auto_now_add=True)
    last_signed_in_at = models.DateTimeField(_("last signed in"))

    class Meta:
        verbose_name = _("council account")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "subject"], name="accounts_one_user_per_council_account"
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject} at {self.issuer}"
