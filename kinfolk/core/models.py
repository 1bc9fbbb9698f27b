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


class Postcode(models.Model):
    """A postcode from the ONS Postcode Directory, with the local authority it lies in and
    where it is, so that a placement's distance from the child's home and whether it is
    inside the authority can be worked out (SSDA903 derived items PL_DISTANCE, PL_LA and
    PL_LOCATION).

    ``la_code`` is the ONS code of the local authority district (ONSPD column ``oslaua``).
    Postcodes the directory gives no grid reference have no coordinates.
    """

    postcode = models.CharField(_("postcode"), max_length=8, unique=True)
    la_code = models.CharField(_("ONS local authority code"), max_length=9)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    class Meta:
        ordering = ["postcode"]
        verbose_name = _("postcode")
        verbose_name_plural = _("postcodes")

    def __str__(self) -> str:
        return self.postcode

    @property
    def coordinates(self) -> tuple[float, float] | None:
        """Latitude and longitude in degrees, when the directory gives them."""
        if self.latitude is None or self.longitude is None:
            return None
        return (self.latitude, self.longitude)
