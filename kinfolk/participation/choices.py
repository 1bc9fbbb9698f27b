"""The code lists of voice and participation (docs/participation.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OfferAnswer(models.TextChoices):
    """The child's answer to the offer of an independent visitor."""

    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    THINKING = "thinking", _("To think about")


class AdvocacyReason(models.TextChoices):
    """What the child wanted an advocate for."""

    REVIEW = "review", _("Looked-after review")
    CP_CONFERENCE = "cp_conference", _("Child protection conference")
    COMPLAINT = "complaint", _("Complaint")
    PLACEMENT_MOVE = "placement_move", _("Placement move")
    OTHER = "other", _("Other")


class ToldHow(models.TextChoices):
    """How the child was told how to complain and about the children in care council."""

    IN_PERSON = "in_person", _("In person")
    LEAFLET = "leaflet", _("Leaflet")
    APP = "app", _("App")


class AgeBand(models.TextChoices):
    """The age bands participation in the children in care council is counted by."""

    UNDER_11 = "under_11", _("Under 11")
    FROM_11 = "11_15", _("11 to 15")
    FROM_16 = "16_17", _("16 and 17")
    ADULT = "18_plus", _("18 and over")


def age_band(age: int | None) -> str:
    """The band of an age in whole years."""
    if age is None or age < 11:
        return AgeBand.UNDER_11
    if age < 16:
        return AgeBand.FROM_11
    if age < 18:
        return AgeBand.FROM_16
    return AgeBand.ADULT


class AgeAssessmentOutcome(models.TextChoices):
    """What an age assessment concluded."""

    ACCEPTED = "accepted", _("Age accepted")
    ASSESSED = "assessed", _("Assessed age differs")


class ImmigrationStatus(models.TextChoices):
    """An unaccompanied asylum-seeking child's immigration status."""

    CLAIM_LODGED = "claim_lodged", _("Claim lodged")
    REFUGEE = "refugee", _("Refugee status")
    HUMANITARIAN = "humanitarian", _("Humanitarian protection")
    DISCRETIONARY = "discretionary", _("Discretionary leave")
    REFUSED = "refused", _("Refused")
    APPEAL = "appeal", _("Appeal")
    OTHER = "other", _("Other")
