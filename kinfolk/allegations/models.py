"""Allegations against people who work with children, managed by the local authority
designated officer (the LADO): the allegation, the children it concerns, the initial
consideration with its rationale, the allegation management meetings and their actions, the
outcome, the employer's action and the closure (docs/allegations.md; docs/domain.md,
"Side processes", and findings 14 and 34)."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.allegations.choices import (
    Category,
    ConsiderationOutcome,
    EmployerAction,
    Outcome,
    Sector,
)
from kinfolk.allegations.querysets import AllegationQuerySet
from kinfolk.core.models import Versioned


class Allegation(Versioned):
    """An allegation that an adult who works with children has harmed a child, or may pose a
    risk to children. Read only by the LADO and by the staff it names as readers
    (``Allegation.objects.visible_to``)."""

    #: The allegation's identifier in a journey file (``id``); empty for one typed on a page.
    journey_id = models.CharField(_("journey identifier"), max_length=60, blank=True)
    person_name = models.CharField(_("name of the adult"), max_length=200)
    person_role = models.CharField(_("their role"), max_length=200, blank=True)
    employer = models.CharField(_("employer"), max_length=200)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    referrer_name = models.CharField(_("referrer"), max_length=200, blank=True)
    referrer_sector = models.CharField(
        _("referrer's sector"), max_length=20, choices=Sector.choices, blank=True
    )
    received_at = models.DateTimeField(_("received"))
    category = models.CharField(_("category"), max_length=20, choices=Category.choices, blank=True)
    description = models.TextField(_("what is alleged"), blank=True)
    #: The LADO managing the allegation: the one who recorded it, unless imported without one.
    lado = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="allegations_managed",
        verbose_name=_("LADO"),
    )
    considered_on = models.DateField(_("initial consideration"), null=True, blank=True)
    consideration_outcome = models.CharField(
        _("outcome of the initial consideration"),
        max_length=30,
        choices=ConsiderationOutcome.choices,
        blank=True,
    )
    consideration_rationale = models.TextField(_("rationale"), blank=True)
    considered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    outcome_on = models.DateField(_("outcome date"), null=True, blank=True)
    employer_action = models.CharField(
        _("employer's action"), max_length=20, choices=EmployerAction.choices, blank=True
    )
    closed_on = models.DateField(_("closed"), null=True, blank=True)
    closure_note = models.TextField(_("closure note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    is_imported = models.BooleanField(default=False)

    objects = AllegationQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-pk"]
        indexes = [
            models.Index(fields=["closed_on", "received_at"], name="allegation_open"),
            models.Index(fields=["journey_id"], name="allegation_journey_id"),
        ]

    def __str__(self) -> str:
        return f"Allegation about {self.person_name} ({self.employer})"

    @property
    def received_on(self) -> dt.date:
        from kinfolk.core.working_days import LONDON

        return self.received_at.astimezone(LONDON).date()

    def days_open_on(self, day: dt.date) -> int:
        """Calendar days from receipt to closure, or to ``day`` while open."""
        return ((self.closed_on or day) - self.received_on).days

    @property
    def is_considered(self) -> bool:
        return self.considered_on is not None


class AllegationChild(models.Model):
    """A child the allegation concerns. An allegation concerns at least one child: when the
    last child's record is removed, the allegation goes with it (kinfolk/allegations/signals.py).
    """

    #: The export of a child's record takes the allegation this row links it to, with what
    #: hangs from the allegation, but not the rows of the other children concerned
    #: (kinfolk/records/collect.py).
    collected_through = ("allegation",)

    allegation = models.ForeignKey(Allegation, on_delete=models.CASCADE, related_name="links")
    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="allegation_links"
    )
    #: The child's chronology entries about the allegation, shown only to its readers.
    chronology_entries = models.ManyToManyField(
        "chronology.ChronologyEntry", related_name="+", blank=True
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["allegation", "child"], name="allegation_child_once")
        ]

    def __str__(self) -> str:
        return f"Allegation {self.allegation_id}: child {self.child_id}"


class AllegationReader(models.Model):
    """Someone other than the LADO who may read the allegation, named by the LADO with the
    reason (a social worker of the child, the head of service)."""

    allegation = models.ForeignKey(Allegation, on_delete=models.CASCADE, related_name="readers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("reason"), max_length=300)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(_("named at"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["allegation", "user"], name="allegation_reader_once")
        ]

    def __str__(self) -> str:
        return f"Reader of allegation {self.allegation_id}: {self.user}"


class AllegationMeeting(models.Model):
    """An allegation management meeting: who attended, what was discussed, the actions."""

    allegation = models.ForeignKey(Allegation, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("date of the meeting"))
    #: One attendee a line: name, role and agency.
    attendees = models.TextField(_("attendees"))
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["held_on", "pk"]

    def __str__(self) -> str:
        return f"Allegation management meeting on {self.held_on}"

    @property
    def attendee_lines(self) -> list[str]:
        return [line.strip() for line in self.attendees.splitlines() if line.strip()]


class MeetingAction(models.Model):
    """An action agreed at an allegation management meeting: who does it, by when, and when it
    was done. The owner is often in another agency, so is named in words."""

    meeting = models.ForeignKey(AllegationMeeting, on_delete=models.CASCADE, related_name="actions")
    text = models.CharField(_("action"), max_length=500)
    owner = models.CharField(_("owner"), max_length=200)
    due_on = models.DateField(_("due"))
    done_on = models.DateField(_("done"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.text
