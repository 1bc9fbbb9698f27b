"""Shared kernel records: the authority that runs this Kinfolk, and the versions of records
changed in forms."""

import datetime as dt
from typing import Any

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


class RecordChanged(Exception):
    """A change refused because someone else saved the record after the person opened the
    form they made it in: saving it would silently undo the other change (a lost update).

    ``record`` is the record as it is saved now; ``opened_at`` is the version the form was
    opened at. Nothing of the refused change has been applied.
    """

    def __init__(self, record: "Versioned", *, opened_at: int) -> None:
        self.record = record
        self.opened_at = opened_at
        super().__init__(
            f"{type(record).__name__} {record.pk} is at version {record.version}, not {opened_at}"
        )


class Versioned(models.Model):
    """A record that people change in a form after it was made, counting its saved versions.

    A form opened on the record carries the version it was opened at. The service that saves
    the change locks the record's row in its transaction, then calls ``next_version`` with
    that version: when the record has been saved since (its version moved on), the change is
    refused with ``RecordChanged``; otherwise the record moves to its next version, saved with
    the change (``check_version`` compares alone, for a service that may save nothing). A
    record is created at version 1; a record that does not exist yet is at
    version 0 for a form that would create it.
    """

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True

    def check_version(self, opened_at: int | None) -> None:
        """Refuse a change made from ``opened_at`` when the record's version is another one.
        ``None`` is a change made without a form (a journey, an import), which is never
        stale. The caller holds the row's lock, so that no one saves between this comparison
        and the caller's save."""
        if opened_at is not None and opened_at != self.version:
            raise RecordChanged(self, opened_at=opened_at)

    def next_version(self, opened_at: int | None) -> None:
        """Compare and swap: refuse a stale change (``check_version``), else count the change
        as the record's next version, saved with it."""
        self.check_version(opened_at)
        self.version += 1

    def last_saved(self) -> tuple[Any, dt.datetime | dt.date] | None:
        """Who saved the record's current version and when, where the record keeps it: its
        latest history row (django-simple-history). ``None`` when the record does not know."""
        history = getattr(self, "history", None)
        if history is None:
            return None
        latest = history.order_by("-history_date", "-history_id").first()
        if latest is None:
            return None
        return latest.history_user, latest.history_date
