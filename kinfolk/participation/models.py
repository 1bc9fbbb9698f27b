"""Voice and participation (docs/participation.md): independent visitors offered and matched
(docs/domain.md finding 58), advocacy and the themes advocates raise, the children in care
council's consultations (finding 23), telling each child how to complain and about the
council (finding 70), transition plans for disabled young people from 14 (finding 75), and
the details of an unaccompanied asylum-seeking child that the care record's UASC periods do
not hold."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.core.models import Versioned
from kinfolk.participation.choices import (
    AdvocacyReason,
    AgeAssessmentOutcome,
    AgeBand,
    ImmigrationStatus,
    OfferAnswer,
    ToldHow,
)


def _recorded_by() -> models.ForeignKey:
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )


class IndependentVisitorOffer(Versioned):
    """An independent visitor offered to a child in care, the child's answer and, once
    accepted, the visitor matched with them (finding 58)."""

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="independent_visitor_offers"
    )
    offered_on = models.DateField(_("date offered"))
    offered_by = models.CharField(_("offered by"), max_length=200)
    answer = models.CharField(_("the child's answer"), max_length=10, choices=OfferAnswer.choices)
    visitor_name = models.CharField(_("visitor's name"), max_length=200, blank=True)
    matched_on = models.DateField(_("date matched"), null=True, blank=True)
    first_visit_on = models.DateField(_("date of the first visit"), null=True, blank=True)
    ended_on = models.DateField(_("date the match ended"), null=True, blank=True)
    recorded_by = _recorded_by()
    is_imported = models.BooleanField(default=False)

    class Meta:
        ordering = ["-offered_on", "-pk"]
        indexes = [models.Index(fields=["child", "offered_on"])]
        verbose_name = _("independent visitor offer")

    def __str__(self) -> str:
        return f"Independent visitor offered on {self.offered_on}"

    @property
    def is_waiting(self) -> bool:
        return self.answer == OfferAnswer.ACCEPTED and self.matched_on is None


class AdvocacyTheme(models.Model):
    """A theme advocates raise, from the list the authority keeps."""

    name = models.CharField(_("theme"), max_length=100, unique=True)
    is_active = models.BooleanField(_("offered for new referrals"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("advocacy theme")

    def __str__(self) -> str:
        return self.name


class AdvocacyReferral(Versioned):
    """A referral of a child to an advocacy service, and the themes the advocate raised."""

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="advocacy_referrals"
    )
    referred_on = models.DateField(_("date referred"))
    reason = models.CharField(_("reason"), max_length=20, choices=AdvocacyReason.choices)
    reason_detail = models.CharField(_("more about the reason"), max_length=300, blank=True)
    service = models.CharField(_("advocacy service"), max_length=200)
    started_on = models.DateField(_("date advocacy started"), null=True, blank=True)
    ended_on = models.DateField(_("date advocacy ended"), null=True, blank=True)
    themes = models.ManyToManyField(AdvocacyTheme, blank=True, related_name="referrals")
    themes_text = models.TextField(_("what the advocate raised"), blank=True)
    recorded_by = _recorded_by()
    is_imported = models.BooleanField(default=False)

    class Meta:
        ordering = ["-referred_on", "-pk"]
        indexes = [models.Index(fields=["referred_on"])]
        verbose_name = _("advocacy referral")

    def __str__(self) -> str:
        return f"Advocacy referral on {self.referred_on}"


class Consultation(models.Model):
    """A consultation of the children in care council: "you said, we did" (finding 23)."""

    held_on = models.DateField(_("date of the consultation"))
    topic = models.CharField(_("topic"), max_length=200)
    children_said = models.TextField(_("what the children said"))
    council_did = models.TextField(_("what the council did"), blank=True)
    action_by = models.CharField(_("by whom"), max_length=200, blank=True)
    fed_back_on = models.DateField(_("date fed back to the children"), null=True, blank=True)
    recorded_by = _recorded_by()
    is_imported = models.BooleanField(default=False)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("children in care council consultation")

    def __str__(self) -> str:
        return f"{self.topic} ({self.held_on})"


class ConsultationParticipant(models.Model):
    """A named child in care who took part in a consultation."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="named_participants"
    )
    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="consultations_taken_part_in"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "child"], name="consultation_participant_once"
            )
        ]
        verbose_name = _("consultation participant")

    def __str__(self) -> str:
        return f"Took part in {self.consultation_id}"


class ConsultationCount(models.Model):
    """Children who took part but are not named, counted by age band."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="counts")
    age_band = models.CharField(_("age band"), max_length=10, choices=AgeBand.choices)
    count = models.PositiveIntegerField(_("number taking part"))

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "age_band"], name="consultation_count_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.count} aged {self.age_band}"


class ToldHowToComplain(models.Model):
    """That the child was told how to complain and about the children in care council
    (finding 70)."""

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="told_how_to_complain"
    )
    told_on = models.DateField(_("date told"))
    told_by = models.CharField(_("told by"), max_length=200)
    how = models.CharField(_("how"), max_length=10, choices=ToldHow.choices)
    recorded_by = _recorded_by()
    is_imported = models.BooleanField(default=False)

    class Meta:
        ordering = ["-told_on", "-pk"]
        indexes = [models.Index(fields=["child", "told_on"])]
        verbose_name = _("told how to complain")

    def __str__(self) -> str:
        return f"Told how to complain on {self.told_on}"


class TransitionPlan(Versioned):
    """A disabled young person's plan for moving to adult services, from 14 (finding 75)."""

    child = models.OneToOneField(
        "people.Child", on_delete=models.CASCADE, related_name="transition_plan"
    )
    started_on = models.DateField(_("date the plan started"))
    reviewed_on = models.DateField(_("date last reviewed"), null=True, blank=True)
    adult_services = models.TextField(_("adult services involved"))
    aspirations = models.TextField(_("the young person's aspirations"))
    next_review_on = models.DateField(_("next review due"))
    recorded_by = _recorded_by()
    is_imported = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("transition plan")

    def __str__(self) -> str:
        return f"Transition plan from {self.started_on}"


class Interpreter(Versioned):
    """Whether an unaccompanied asylum-seeking child needs an interpreter, and in which
    languages."""

    child = models.OneToOneField(
        "people.Child", on_delete=models.CASCADE, related_name="interpreter"
    )
    is_needed = models.BooleanField(_("interpreter needed"))
    languages = models.CharField(_("languages"), max_length=300, blank=True)
    recorded_by = _recorded_by()

    class Meta:
        verbose_name = _("interpreter need")

    def __str__(self) -> str:
        return "Interpreter needed" if self.is_needed else "No interpreter needed"


class AgeAssessment(models.Model):
    """An age assessment. An assessed date of birth is kept here as the assessment's finding;
    the child's identity is changed, if at all, on the identity page."""

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="age_assessments"
    )
    assessed_on = models.DateField(_("date of the assessment"))
    assessed_by = models.CharField(_("assessed by"), max_length=200)
    outcome = models.CharField(_("outcome"), max_length=10, choices=AgeAssessmentOutcome.choices)
    assessed_date_of_birth = models.DateField(_("assessed date of birth"), null=True, blank=True)
    recorded_by = _recorded_by()
    is_imported = models.BooleanField(default=False)

    class Meta:
        ordering = ["-assessed_on", "-pk"]
        verbose_name = _("age assessment")

    def __str__(self) -> str:
        return f"Age assessment on {self.assessed_on}"


class ImmigrationStatusRecord(models.Model):
    """An unaccompanied asylum-seeking child's immigration status from a date, and the next
    step."""

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="immigration_statuses"
    )
    status = models.CharField(
        _("immigration status"), max_length=20, choices=ImmigrationStatus.choices
    )
    status_on = models.DateField(_("date of the status"))
    detail = models.CharField(_("more about the status"), max_length=300, blank=True)
    next_step = models.CharField(_("next step"), max_length=300, blank=True)
    recorded_by = _recorded_by()
    is_imported = models.BooleanField(default=False)

    class Meta:
        ordering = ["-status_on", "-pk"]
        verbose_name = _("immigration status")

    def __str__(self) -> str:
        return f"{self.get_status_display()} from {self.status_on}"
