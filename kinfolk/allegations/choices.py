"""The code lists of allegations against people who work with children (docs/allegations.md):
the codes of the journey events ``allegation``, ``allegation_consideration`` and
``allegation_outcome`` (docs/journeys.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    """Where the adult works, and where the referrer works."""

    EDUCATION = "education", _("Education")
    EARLY_YEARS = "early_years", _("Early years")
    HEALTH = "health", _("Health")
    SOCIAL_CARE = "social_care", _("Social care")
    FOSTER_CARER = "foster_carer", _("Foster carer")
    RESIDENTIAL = "residential", _("Residential care")
    FAITH = "faith", _("Faith group")
    SPORT = "sport", _("Sport and leisure")
    POLICE = "police", _("Police")
    TRANSPORT = "transport", _("Transport")
    OTHER = "other", _("Other")


class Category(models.TextChoices):
    """What the adult is alleged to have done (Working Together 2023, the LADO's criteria)."""

    HARM = "harm", _("Behaved in a way that has harmed a child, or may have")
    OFFENCE = "offence", _("Possibly committed a criminal offence against or related to a child")
    SUITABILITY = (
        "suitability",
        _("Behaved in a way that indicates they may not be suitable to work with children"),
    )
    BEHAVIOUR = (
        "behaviour",
        _("Behaved towards a child in a way that indicates they may pose a risk of harm"),
    )


class ConsiderationOutcome(models.TextChoices):
    """What the LADO decided at the initial consideration."""

    NO_FURTHER_ACTION = "no_further_action", _("No further action by the LADO")
    STRATEGY_MEETING = "strategy_meeting", _("Allegation management meeting")
    EMPLOYER_INVESTIGATION = "employer_investigation", _("Investigation by the employer")
    POLICE = "police", _("Referred to the police")


class Outcome(models.TextChoices):
    """The outcome of the allegation (Keeping children safe in education's definitions)."""

    SUBSTANTIATED = "substantiated", _("Substantiated")
    UNSUBSTANTIATED = "unsubstantiated", _("Unsubstantiated")
    FALSE = "false", _("False")
    MALICIOUS = "malicious", _("Malicious")
    UNFOUNDED = "unfounded", _("Unfounded")


class EmployerAction(models.TextChoices):
    """What the employer did about the adult."""

    DISMISSAL = "dismissal", _("Dismissal")
    DBS_REFERRAL = "dbs_referral", _("Referral to the Disclosure and Barring Service")
    TRAINING = "training", _("Training")
    NONE = "none", _("None")
