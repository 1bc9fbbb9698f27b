"""The access log, restricted records and break-the-glass."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import Exact
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinfolk.access.choices import AccessAction


class AccessRecord(models.Model):
    """One look at, listing of, change to or export of a child's record.

    Append-only: the database refuses to update, delete or truncate rows (triggers in
    migrations 0004 and 0007), so that "who has looked at this record" can be trusted (UK GDPR
    Article 5(2), accountability; councils' data protection officers ask for it). Each row
    carries ``chain_hash``, the SHA-256 of the previous row's hash and this row's fields
    (``kinfolk.access.chain``): a row changed or removed behind the database's back breaks the
    chain, and ``kinfolk access verify`` says where. Rows are written only by
    ``kinfolk.access.services``, which keeps the chain.
    """

    # Set before the row is written (not auto_now_add), because the hash covers it.
    at = models.DateTimeField(_("when"), default=timezone.now, editable=False, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="access_records",
    )
    # No foreign-key constraint: the log outlives the record it speaks of (a record replaced
    # by a migration load keeps its history of who looked at it).
    child = models.ForeignKey(
        "people.Child",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="access_records",
    )
    action = models.CharField(_("action"), max_length=20, choices=AccessAction.choices)
    what = models.CharField(_("what"), max_length=200)
    path = models.CharField(_("address"), max_length=500, blank=True)
    source = models.CharField(
        _("from where"),
        max_length=200,
        blank=True,
        help_text=_("IP address of a web request, or the command that made the change"),
    )
    chain_hash = models.CharField(_("chain hash"), max_length=64, editable=False)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["child", "-at"], name="access_child_at")]
        constraints = [
            # A row written without the chain (a bulk insert that bypasses the services) is
            # refused rather than left to break the chain silently.
            models.CheckConstraint(
                condition=Exact(Length("chain_hash"), 64), name="access_record_is_chained"
            )
        ]
        verbose_name = _("access record")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user} {self.action} {self.what}"


class RestrictionGrant(models.Model):
    """A named user allowed to see a restricted child's record.

    A record is restricted when, for example, the child is a relative of a member of staff:
    only the users named here see it; to anyone else it does not exist (404, absent from
    search and counts).
    """

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="restriction_grants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="restriction_grants"
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    granted_at = models.DateTimeField(auto_now_add=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["child", "user"], name="restriction_grant_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} may see {self.child_id}"


class AccessChainHead(models.Model):
    """Where the access log's hash chain ends: the hash of the last row and how many rows the
    chain holds. One row (pk 1). Every append locks it (``SELECT ... FOR UPDATE``) so that
    concurrent requests take turns and the chain never forks; ``kinfolk access verify``
    compares it with the log to find rows removed from the end."""

    last_hash = models.CharField(max_length=64)
    length = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("access chain head")

    def __str__(self) -> str:
        return f"{self.length} rows, last {self.last_hash[:12]}"


class BreakGlassAccess(models.Model):
    """A member of staff broke the glass: opened a restricted record they are not named on,
    saying why, for a few hours (``KINFOLK_BREAK_GLASS_HOURS``, 4 by default).

    Break-the-glass is for an emergency in which a child may come to harm while the people
    named on the record are not there (UK GDPR Article 5(1)(f), integrity and confidentiality,
    weighed against Working Together 2023's duty to share to protect a child). Each use is
    told to the child's managers and the staff named on the record, written in the child's
    access log, and reviewed by the head of service or information governance
    (``reviewed_at``, ``review_note``). A sealed adoption record is never opened this way.
    """

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="break_glass_accesses"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="break_glass_accesses"
    )
    reason = models.TextField(_("why the record was needed"))
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    expires_at = models.DateTimeField(_("open until"))
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    review_note = models.TextField(_("review note"), blank=True)

    class Meta:
        ordering = ["-opened_at", "-pk"]
        indexes = [
            models.Index(fields=["child", "user", "expires_at"], name="break_glass_open"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("opened_at")),
                name="break_glass_expires_after_opening",
            ),
            models.CheckConstraint(
                condition=models.Q(reviewed_at__isnull=True) | models.Q(reviewed_by__isnull=False),
                name="break_glass_review_has_reviewer",
            ),
        ]
        verbose_name = _("break-the-glass access")
        verbose_name_plural = _("break-the-glass accesses")

    def __str__(self) -> str:
        return f"{self.user} broke the glass on {self.child_id} at {self.opened_at:%Y-%m-%d %H:%M}"

    @property
    def is_open(self) -> bool:
        return self.expires_at > timezone.now()

    @property
    def is_reviewed(self) -> bool:
        return self.reviewed_at is not None


class BreakGlassNotice(models.Model):
    """A member of staff told of a break-the-glass use: a manager of the team holding the
    child, or someone named on the restricted record. Shown on their notices page until they
    mark it read; an email is sent as well."""

    access = models.ForeignKey(BreakGlassAccess, on_delete=models.CASCADE, related_name="notices")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="break_glass_notices"
    )
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        ordering = ["-access__opened_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["access", "user"], name="break_glass_notice_unique")
        ]
        verbose_name = _("break-the-glass notice")

    def __str__(self) -> str:
        return f"{self.user} told of {self.access}"
