"""The registers kept beside a child's journey (docs/domain.md, "Side processes"; findings 15
and 36; docs/registers.md): young carers with their needs assessment, support and the school
told; children missing education and children educated at home, with the council's consent
where the law requires it; and homeless 16- and 17-year-olds with the joint assessment with
housing and the decision."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.core.models import Versioned
from kinfolk.registers.choices import (
    AssessmentOutcome,
    CaredForNeed,
    ConsentDecision,
    HomelessDecision,
    Suitability,
)


def _recorded_by() -> models.ForeignKey:
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )


class YoungCarer(Versioned):
    """A child on the young carers register: who they care for and why, their needs
    assessment (requested, completed, the outcome and their views) and whether their school
    was told (docs/domain.md finding 36). Requested but not completed is the waiting list."""

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="+")
    registered_on = models.DateField(_("date added to the register"))
    cares_for = models.CharField(_("who they care for (relationship)"), max_length=100)
    need = models.CharField(_("the cared-for person's need"), max_length=20, choices=CaredForNeed)
    assessment_requested_on = models.DateField(_("assessment requested on"), null=True, blank=True)
    assessment_completed_on = models.DateField(_("assessment completed on"), null=True, blank=True)
    assessment_outcome = models.CharField(
        _("outcome of the assessment"), max_length=20, choices=AssessmentOutcome, blank=True
    )
    young_carer_views = models.TextField(_("the young carer's views"), blank=True)
    school_told_on = models.DateField(_("school told on"), null=True, blank=True)
    school_told_who = models.CharField(_("who at the school was told"), max_length=200, blank=True)
    ended_on = models.DateField(_("date left the register"), null=True, blank=True)
    recorded_by = _recorded_by()
    is_imported = models.BooleanField(default=False)

    class Meta:
        ordering = ["-registered_on", "-pk"]
        indexes = [
            models.Index(fields=["child", "registered_on"]),
            models.Index(fields=["assessment_requested_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.cares_for} ({self.get_need_display()})"


class YoungCarerSupport(models.Model):
    """Support given to a young carer: what, by whom, from and to."""

    young_carer = models.ForeignKey(YoungCarer, on_delete=models.CASCADE, related_name="support")
    what = models.CharField(_("support"), max_length=300)
    provided_by = models.CharField(_("provided by"), max_length=200)
    start_on = models.DateField(_("from"))
    end_on = models.DateField(_("to"), null=True, blank=True)
    recorded_by = _recorded_by()

    class Meta:
        ordering = ["start_on", "pk"]

    def __str__(self) -> str:
        return f"{self.what}, {self.provided_by}"


class MissingEducation(Versioned):
    """A child missing education: not on a school roll and not educated otherwise (docs/
    domain.md finding 15). Open until resolved, with its outcome."""

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="+")
    reported_on = models.DateField(_("date reported"))
    reported_by = models.CharField(_("reported by"), max_length=200)
    reason = models.TextField(_("reason"))
    last_known_school = models.CharField(_("last known school"), max_length=200, blank=True)
    actions = models.TextField(_("actions taken"), blank=True)
    resolved_on = models.DateField(_("date resolved"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    recorded_by = _recorded_by()
    is_imported = models.BooleanField(default=False)

    class Meta:
        ordering = ["-reported_on", "-pk"]
        indexes = [models.Index(fields=["child", "reported_on"])]

    def __str__(self) -> str:
        return f"Missing education from {self.reported_on:%-d %B %Y}"


class HomeEducation(Versioned):
    """A child educated at home: from when, the parents' notice, the next review due and the
    council's view of whether the education is suitable (docs/domain.md finding 15)."""

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="+")
    started_on = models.DateField(_("date home education started"))
    notice_on = models.DateField(_("date of the parents' notice"))
    notice = models.TextField(_("the parents' notice"), blank=True)
    next_review_on = models.DateField(_("next review due"))
    suitability = models.CharField(
        _("suitability of the education"), max_length=20, choices=Suitability, blank=True
    )
    last_reviewed_on = models.DateField(_("last reviewed on"), null=True, blank=True)
    ended_on = models.DateField(_("date home education ended"), null=True, blank=True)
    consent = models.ForeignKey(
        "registers.HomeEducationConsent",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_by = _recorded_by()
    is_imported = models.BooleanField(default=False)

    class Meta:
        ordering = ["-started_on", "-pk"]
        indexes = [
            models.Index(fields=["child", "started_on"]),
            models.Index(fields=["next_review_on"]),
        ]

    def __str__(self) -> str:
        return f"Educated at home from {self.started_on:%-d %B %Y}"


class HomeEducationReview(models.Model):
    """A review of a child's home education: its date, the view of suitability and the next
    review due."""

    home_education = models.ForeignKey(
        HomeEducation, on_delete=models.CASCADE, related_name="reviews"
    )
    reviewed_on = models.DateField(_("date reviewed"))
    suitability = models.CharField(
        _("suitability of the education"), max_length=20, choices=Suitability
    )
    next_review_on = models.DateField(_("next review due"))
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = _recorded_by()

    class Meta:
        ordering = ["reviewed_on", "pk"]

    def __str__(self) -> str:
        return f"Reviewed {self.reviewed_on:%-d %B %Y}: {self.get_suitability_display()}"


class HomeEducationConsent(models.Model):
    """The council's decision on a request to educate at home a child under a section 47
    enquiry or on a child protection plan (Children's Wellbeing and Schools Act 2026, s38;
    docs/registers.md): requested, decided, by which manager and why."""

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="+")
    requested_on = models.DateField(_("date consent was requested"))
    decided_on = models.DateField(_("date of the decision"))
    decision = models.CharField(_("decision"), max_length=10, choices=ConsentDecision)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("reason"))
    recorded_by = _recorded_by()
    is_imported = models.BooleanField(default=False)

    class Meta:
        ordering = ["-decided_on", "-pk"]
        indexes = [models.Index(fields=["child", "decided_on"])]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} on {self.decided_on:%-d %B %Y}"


class HomelessPresentation(Versioned):
    """A 16- or 17-year-old who presented as homeless: the joint assessment with housing, the
    young person's rights explained (section 20 accommodation among them) and the decision,
    with their view and the outcome."""

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="+")
    presented_on = models.DateField(_("date presented"))
    presented_by = models.CharField(_("presented by, or referred by"), max_length=200)
    is_from_housing = models.BooleanField(_("referred by housing"), default=False)
    assessment_started_on = models.DateField(_("joint assessment started"), null=True, blank=True)
    assessment_completed_on = models.DateField(
        _("joint assessment completed"), null=True, blank=True
    )
    housing_officer = models.CharField(_("housing officer"), max_length=200, blank=True)
    rights_explained_on = models.DateField(_("rights explained on"), null=True, blank=True)
    rights_explained_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision = models.CharField(_("decision"), max_length=10, choices=HomelessDecision, blank=True)
    decided_on = models.DateField(_("date of the decision"), null=True, blank=True)
    young_person_view = models.TextField(_("the young person's view"), blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    recorded_by = _recorded_by()
    is_imported = models.BooleanField(default=False)

    class Meta:
        ordering = ["-presented_on", "-pk"]
        indexes = [models.Index(fields=["child", "presented_on"])]

    def __str__(self) -> str:
        return f"Presented homeless on {self.presented_on:%-d %B %Y}"
