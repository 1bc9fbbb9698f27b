"""The requests a worker makes for a manager to agree their work, and the manager's returns
(docs/sign-off.md): closing a case, agreeing a plan. Each kind of request has its table, its
``state`` and its table of returns; ``kinfolk.casework.models`` re-exports them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.core.codes import ReasonForClosure


class ClosureState(models.TextChoices):
    """Where a worker's request to close the case stands (docs/sign-off.md)."""

    WAITING = "waiting", _("Waiting for a manager")
    RETURNED = "returned", _("Returned to the worker")
    ANSWERED = "answered", _("Answered, waiting for a manager")
    AGREED = "agreed", _("Agreed: the case is closed")


class ManagerRequest(models.Model):
    """A worker's request that a manager agree their work, which the manager agrees with a
    rationale or returns with reasons the worker answers (docs/sign-off.md). Each kind of
    request has its table, its ``state`` (waiting, returned, answered, agreed) and its returns
    (``ManagerReturn``)."""

    requested_at = models.DateTimeField(_("requested"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    #: When it last came to the managers: the request, or the worker's answer to a return.
    waiting_since = models.DateTimeField(_("waiting since"))
    decided_at = models.DateTimeField(_("agreed"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rationale = models.TextField(_("manager's rationale"), blank=True)

    #: The states (of each table's own ``state``) in which a request waits for a manager:
    #: asked, or answered after a return.
    WAITING_STATES = ("waiting", "answered")

    class Meta:
        abstract = True
        ordering = ["requested_at", "pk"]

    @property
    def is_waiting(self) -> bool:
        """Waiting for a manager: asked, or answered after a return."""
        return getattr(self, "state", "") in self.WAITING_STATES


class ClosureRequest(ManagerRequest):
    """A worker's request to close a child in need episode, with the reason and a summary of
    the work, which a manager agrees (the episode closes on the date asked for) or returns
    with reasons (docs/sign-off.md). A manager closing a case needs no request."""

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="closure_requests"
    )
    episode = models.ForeignKey(
        "casework.ChildInNeedEpisode", on_delete=models.CASCADE, related_name="closure_requests"
    )
    closed_on = models.DateField(_("date the case is to close"))
    reason = models.CharField(
        _("reason for closure"), max_length=3, choices=ReasonForClosure.choices
    )
    summary = models.TextField(_("summary of the work and why the case can close"))
    evidence = models.JSONField(_("evidence for each outcome"), default=dict, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=ClosureState.choices, default=ClosureState.WAITING
    )

    class Meta(ManagerRequest.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["episode"],
                condition=~models.Q(state="agreed"),
                name="closure_request_one_open_per_episode",
            ),
        ]
        indexes = [
            # The sign-off queue reads the requests that wait: a few among every closure.
            models.Index(
                fields=["waiting_since"],
                condition=models.Q(state__in=["waiting", "answered"]),
                name="closure_request_waiting",
            ),
        ]

    def __str__(self) -> str:
        return f"Closure requested {self.requested_at:%Y-%m-%d}"


class ManagerReturn(models.Model):
    """A manager's return of work to its worker, with the reasons, and the worker's answer;
    kept for every return. Each kind of work a manager can return has its table of these."""

    returned_at = models.DateTimeField(_("returned"))
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reasons = models.TextField(_("reasons for returning"))
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    response = models.TextField(_("the worker's answer"), blank=True)

    class Meta:
        abstract = True
        ordering = ["returned_at", "pk"]

    def __str__(self) -> str:
        return f"Returned {self.returned_at:%Y-%m-%d %H:%M}"


class ClosureReturn(ManagerReturn):
    """A manager's return of a closure request, with the reasons, and the worker's answer."""

    request = models.ForeignKey(ClosureRequest, on_delete=models.CASCADE, related_name="returns")

    class Meta(ManagerReturn.Meta):
        pass


class PlanSignOffState(models.TextChoices):
    """Where a plan asked to be agreed by a manager stands (docs/sign-off.md)."""

    WAITING = "waiting", _("Waiting for a manager")
    RETURNED = "returned", _("Returned to the worker")
    ANSWERED = "answered", _("Answered, waiting for a manager")
    AGREED = "agreed", _("Agreed by a manager")


class PlanSignOff(ManagerRequest):
    """A worker's request that a manager agree a child in need or child protection plan as
    it stands (its outcomes, actions and contingency), which the manager agrees with a
    rationale or returns with reasons the worker must answer (docs/sign-off.md; docs/domain.md
    findings 8 and 41). A plan may be asked to be agreed again after it changes."""

    plan = models.ForeignKey("casework.Plan", on_delete=models.CASCADE, related_name="sign_offs")
    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="plan_sign_offs"
    )
    note = models.TextField(_("what the manager is asked to agree"))
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=PlanSignOffState.choices,
        default=PlanSignOffState.WAITING,
    )

    class Meta(ManagerRequest.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["plan"],
                condition=~models.Q(state="agreed"),
                name="plan_sign_off_one_open_per_plan",
            ),
        ]
        indexes = [
            # The sign-off queue reads the plans that wait: a few among every sign-off.
            models.Index(
                fields=["waiting_since"],
                condition=models.Q(state__in=["waiting", "answered"]),
                name="plan_sign_off_waiting",
            ),
        ]

    def __str__(self) -> str:
        return f"Plan sign-off asked {self.requested_at:%Y-%m-%d}"


class PlanSignOffReturn(ManagerReturn):
    """A manager's return of a plan asked to be agreed."""

    request = models.ForeignKey(PlanSignOff, on_delete=models.CASCADE, related_name="returns")

    class Meta(ManagerReturn.Meta):
        pass
