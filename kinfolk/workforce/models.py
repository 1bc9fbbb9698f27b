"""Staff, teams and who holds each child's case."""

from typing import ClassVar

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinfolk.core.codes import SocialWorkerChangeReason
from kinfolk.workforce.choices import AccountChangeAction, Role
from kinfolk.workforce.querysets import (
    AccountChangeQuerySet,
    AllocationQuerySet,
    TeamQuerySet,
    UserManager,
)


class Team(models.Model):
    """A team of staff (a locality team, the front door, the children in care service)."""

    name = models.CharField(_("name"), max_length=100, unique=True)

    objects = TeamQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A member of staff who signs in to Kinfolk (a worker in docs/journeys.md).

    ``username`` is the worker's identifier. Agency staff and qualified social workers are
    flagged: inspectors look at reliance on agency staff and at newly qualified workers'
    caseloads (docs/domain.md, findings 30 and 31).
    """

    display_name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )
    is_agency = models.BooleanField(_("agency worker"), default=False)
    is_qualified = models.BooleanField(_("qualified social worker"), default=False)
    #: The day a social worker qualified: the 12 months after it are their assessed and
    #: supported year in employment, with a protected caseload (docs/caseloads.md).
    qualified_on = models.DateField(_("date qualified"), null=True, blank=True)

    objects: ClassVar[UserManager] = UserManager()

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("worker")

    def __str__(self) -> str:
        return self.display_name or self.username


class Allocation(models.Model):
    """A period during which a worker holds a child's case.

    The history of allocations answers "who holds this child's case, since when, and why did
    it change" and feeds the SSDA903 social worker episodes (SW_REASON). A child has at most
    one open allocation.
    """

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="allocations")
    worker = models.ForeignKey(User, on_delete=models.PROTECT, related_name="allocations")
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    start_on = models.DateField(_("from"))
    end_on = models.DateField(_("to"), null=True, blank=True)
    reason = models.CharField(
        _("reason for the change"),
        max_length=6,
        choices=SocialWorkerChangeReason.choices,
        blank=True,
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    #: Why the manager gave the case to a worker already at or over their caseload cap.
    over_cap_reason = models.CharField(
        _("reason for allocating over the cap"), max_length=500, blank=True
    )
    #: What the manager told the new worker when the case changed hands (docs/caseloads.md).
    handover_note = models.TextField(_("handover note"), blank=True)
    recorded_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = AllocationQuerySet.as_manager()

    class Meta:
        ordering = ["-start_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(end_on__isnull=True),
                name="allocation_one_open_per_child",
            ),
            models.CheckConstraint(
                condition=models.Q(end_on__isnull=True)
                | models.Q(end_on__gte=models.F("start_on")),
                name="allocation_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["worker", "end_on"], name="allocation_worker_open")]

    def __str__(self) -> str:
        return f"{self.worker} from {self.start_on}"


class AccountChange(models.Model):
    """A change an administrator made to a member of staff's account or to a team: who made
    it, when, and each value before and after. This is what a council's IT service and its
    auditors read to see who gave whom which access, and when it was taken away.

    Append-only: the database refuses to update the rows (migration 0004), as it does for the
    access log. ``team`` keeps the id of a team after the team is deleted (no foreign-key
    constraint), and ``subject`` keeps its name.
    """

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("changed by"),
    )
    worker = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="account_changes",
    )
    team = models.ForeignKey(
        Team,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="changes",
    )
    action = models.CharField(
        _("what was done"), max_length=20, choices=AccountChangeAction.choices
    )
    #: The worker's or the team's name when the change was made.
    subject = models.CharField(_("account or team"), max_length=200)
    #: Each value changed: ``[{"field": "Role", "before": "...", "after": "..."}]``, in the
    #: words of the pages; a note without before and after has only ``"field"`` and ``"after"``.
    changes = models.JSONField(_("changes"), default=list, blank=True)

    objects = AccountChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("account change")

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.subject}"


class SignedInSession(models.Model):
    """A session in which a member of staff signed in, recorded when they sign in and
    forgotten when they sign out, so that deactivating their account can end every session
    they have at once without reading every session of everyone."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="signed_in_sessions")
    session_key = models.CharField(max_length=40, unique=True)
    signed_in_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-signed_in_at"]

    def __str__(self) -> str:
        return f"{self.user} since {self.signed_in_at}"
