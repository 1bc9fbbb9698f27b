"""The lists of the complaints procedure (docs/complaints.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Complainant(models.TextChoices):
    """Who made the complaint (docs/journeys.md ``complaint``)."""

    CHILD = "child", _("The child")
    PARENT = "parent", _("A parent")
    CARER = "carer", _("A carer")
    OTHER = "other", _("Someone else")


class Stage(models.IntegerChoices):
    """The three stages of the Children Act 1989 representations procedure."""

    LOCAL_RESOLUTION = 1, _("Stage 1: local resolution")
    INVESTIGATION = 2, _("Stage 2: investigation")
    REVIEW_PANEL = 3, _("Stage 3: review panel")


class Outcome(models.TextChoices):
    """What a response found (docs/journeys.md ``complaint_response``)."""

    UPHELD = "upheld", _("Upheld")
    PARTLY_UPHELD = "partly_upheld", _("Partly upheld")
    NOT_UPHELD = "not_upheld", _("Not upheld")


class ComplaintStatus(models.TextChoices):
    """Where a complaint stands."""

    OPEN = "open", _("Open")
    RESPONDED = "responded", _("Responded")
    WITHDRAWN = "withdrawn", _("Withdrawn")
