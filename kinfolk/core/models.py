"""Shared kernel records: the authority that runs this Kinfolk."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Authority(models.Model):
    """The local authority whose records these are (one row).

    ``la_number`` is the old three-digit DfE LA number used by the CIN census (LEA) and in UPNs;
    ``la_code`` is the nine-character ONS code used by SSDA903 postcode derivations.
    """

    name = models.CharField(_("name"), max_length=200)
    la_number = models.CharField(_("LA number"), max_length=3)
    la_code = models.CharField(_("ONS code"), max_length=9)
    postcode_prefixes = models.JSONField(_("postcode areas"), default=list, blank=True)

    class Meta:
        verbose_name = _("authority")
        verbose_name_plural = _("authorities")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def current(cls) -> "Authority | None":
        """The authority this installation serves, if one has been set up."""
        return cls.objects.order_by("pk").first()
