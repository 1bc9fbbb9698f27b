"""Returns as generated and as submitted to the DfE and Ofsted.

A generated return keeps the exact file built from the casework on that day. Once marked as
submitted it never changes: next year's continuity rules (SSDA903 rules that compare with
last year's return) read it, so it must stay what the DfE received.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReturnKind(models.TextChoices):
    """The three statutory returns the authority produces."""

    CIN_CENSUS = "cin-census", _("CIN census")
    SSDA903 = "ssda903", _("SSDA903 children looked after return")
    ANNEX_A = "annex-a", _("Ofsted Annex A")


class BuildStatus(models.TextChoices):
    """Where the building of a return has got to: the largest take tens of seconds, so the
    page builds them in the background and shows progress."""

    BUILDING = "building", _("Building")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class Submission(models.Model):
    """One generated return: the CIN census XML, the SSDA903 CSVs (zipped) or the Annex A
    workbook, for a collection year (``2025-26``) or, for Annex A, the date of the lists.

    ``submitted_at`` set means the authority sent this file: the services then refuse to
    change it, and at most one return of a kind and year is submitted.
    """

    kind = models.CharField(_("return"), max_length=12, choices=ReturnKind.choices)
    year = models.CharField(
        _("collection year"), max_length=7, blank=True, help_text=_("Like 2025-26")
    )
    as_of = models.DateField(_("date of the lists"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=BuildStatus.choices, default=BuildStatus.READY
    )
    problem = models.TextField(_("why the build failed"), blank=True)
    content = models.BinaryField(_("file"), default=bytes, blank=True)
    generated_at = models.DateTimeField(_("generated"))
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-generated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "year"],
                condition=models.Q(submitted_at__isnull=False),
                name="submission_one_submitted_per_kind_and_year",
            ),
        ]
        verbose_name = _("generated return")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_label}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def period_label(self) -> str:
        """The collection year, or the date of the lists for Annex A."""
        return self.as_of.strftime("%d/%m/%Y") if self.as_of else self.year

    @property
    def filename(self) -> str:
        """The download's file name, such as ``cin-census-2025-26.xml``."""
        period = self.as_of.isoformat() if self.as_of else self.year
        extension = {"cin-census": "xml", "ssda903": "zip", "annex-a": "xlsx"}[self.kind]
        return f"{self.kind}-{period}.{extension}"

    @property
    def content_type(self) -> str:
        return {
            "cin-census": "application/xml",
            "ssda903": "application/zip",
            "annex-a": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }[self.kind]


class DataQualitySnapshot(models.Model):
    """The stored data quality of one collection year: every failure of its CIN census and
    SSDA903 rules as last checked (``DataQualityFailure``), and the children whose casework
    changed since (``DataQualityRecheck``), so that the data quality page need not rebuild
    both returns on every request (docs/adr/0003-data-quality-store.md).

    ``checked_at`` is the last full check, which alone recomputes the failures about the whole
    return or comparing children with each other; ``rechecked_at`` is the last time the
    children marked since were checked again. ``unavailable`` lists the returns that could not
    be checked (not built yet).
    """

    year = models.CharField(_("collection year"), max_length=7, unique=True)
    checked_at = models.DateTimeField(_("everything checked"))
    rechecked_at = models.DateTimeField(_("changed children checked"))
    unavailable = models.JSONField(_("returns that could not be checked"), default=list)

    class Meta:
        verbose_name = _("data quality snapshot")

    def __str__(self) -> str:
        return f"Data quality {self.year}"


class DataQualityFailure(models.Model):
    """One DfE rule failing for one child (``child`` empty: for the whole return) in the
    stored data quality of a year, as ``framework.Failure`` has it."""

    snapshot = models.ForeignKey(
        DataQualitySnapshot, on_delete=models.CASCADE, related_name="failures"
    )
    kind = models.CharField(_("return"), max_length=12, choices=ReturnKind.choices)
    rule = models.CharField(_("rule"), max_length=20)
    la_child_id = models.CharField(_("child ID in the return"), max_length=40, blank=True)
    child = models.ForeignKey(
        "people.Child", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    field = models.CharField(_("field"), max_length=40, blank=True)
    message = models.TextField(_("what is wrong"))
    is_error = models.BooleanField(_("error"), default=True)

    class Meta:
        ordering = ["kind", "la_child_id", "rule", "field", "message"]
        indexes = [
            models.Index(fields=["snapshot", "child"], name="dq_failure_snapshot_child"),
            models.Index(fields=["snapshot", "rule"], name="dq_failure_snapshot_rule"),
        ]
        verbose_name = _("data quality failure")

    def __str__(self) -> str:
        return f"{self.rule} {self.la_child_id or '-'} {self.field}"


class DataQualityRecheck(models.Model):
    """A child whose casework changed after the year's data quality was last checked: written
    on ``casework_changed`` and consumed (deleted, row by row) by the next recheck, so that a
    change made during a recheck is never lost. Shared by every web process."""

    snapshot = models.ForeignKey(
        DataQualitySnapshot, on_delete=models.CASCADE, related_name="rechecks"
    )
    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="+")
    marked_at = models.DateTimeField(_("marked"))

    class Meta:
        verbose_name = _("child to check again")

    def __str__(self) -> str:
        return f"Check child {self.child_id} again"
