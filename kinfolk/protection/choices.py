from django.db import models
from django.utils.translation import gettext_lazy as _


class StrategyOutcome(models.TextChoices):
    """What a strategy discussion decided (docs/journeys.md ``strategy_discussion``)."""

    SECTION_47 = "s47", _("Section 47 enquiry")
    NO_FURTHER_ACTION = "no_further_action", _("No further action")
    CHILD_IN_NEED = "cin", _("Child in need work")


class ConferenceKind(models.TextChoices):
    INITIAL = "initial", _("Initial child protection conference")
    REVIEW = "review", _("Review child protection conference")


class Attendance(models.TextChoices):
    """How an invited professional or family member took part in a meeting."""

    PRESENT = "present", _("Present")
    APOLOGIES = "apologies", _("Apologies")
    REPORT_ONLY = "report_only", _("Report only")
    NOT_ATTENDED = "not_attended", _("Did not attend")


class ChildParticipation(models.TextChoices):
    """How the child took part in their conference."""

    ATTENDED = "attended", _("Attended")
    VIEWS_SHARED = "views_shared", _("Views shared in writing, drawing or by someone else")
    ADVOCATE = "advocate", _("Represented by an advocate")
    NOT_PARTICIPATED = "not_participated", _("Did not take part")
    TOO_YOUNG = "too_young", _("Too young to take part")


class QualityRating(models.TextChoices):
    """The conference chair's view of the quality of the assessment before the conference."""

    GOOD = "good", _("Good")
    ADEQUATE = "adequate", _("Adequate")
    POOR = "poor", _("Poor")


class Progress(models.TextChoices):
    """Red, amber or green progress on an action or an outcome of the plan."""

    RED = "red", _("Red: no progress, or worse")
    AMBER = "amber", _("Amber: some progress")
    GREEN = "green", _("Green: on track or done")


#: The GOV.UK tag colour of each progress rating.
PROGRESS_COLOURS: dict[str, str] = {
    Progress.RED: "red",
    Progress.AMBER: "yellow",
    Progress.GREEN: "green",
}
