"""Code lists of subject access: who asked, why a deadline was extended, why something was
withheld, how a disclosure was sent."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Requester(models.TextChoices):
    """Who made the subject access request about the child."""

    CHILD = "child", _("The child (or young person)")
    PARENT = "parent", _("A parent or someone with parental responsibility")
    REPRESENTATIVE = "representative", _("A representative (a solicitor or an advocate)")


class RequestStatus(models.TextChoices):
    OPEN = "open", _("Open")
    COMPLETED = "completed", _("Completed")


class ExtensionReason(models.TextChoices):
    """Why the time limit was extended by two further months (UK GDPR Art. 12(3))."""

    COMPLEX = "complex", _("The request is complex")
    NUMEROUS = "numerous", _("The person has made numerous requests")


class ExemptionReason(models.TextChoices):
    """Why an item or a field is withheld from a disclosure (Data Protection Act 2018)."""

    THIRD_PARTY = "third-party", _("Third-party information (DPA 2018 Sch. 2 para. 16)")
    SOCIAL_WORK = "social-work", _("Social work exemption: serious harm (DPA 2018 Sch. 3 Part 3)")
    LEGAL_PRIVILEGE = (
        "legal-privilege",
        _("Legal professional privilege (DPA 2018 Sch. 2 para. 19)"),
    )
    CRIME_TAXATION = "crime-taxation", _("Crime and taxation (DPA 2018 Sch. 2 para. 2)")
    OTHER = "other", _("Other")


class SendingMethod(models.TextChoices):
    """How a disclosure was sent."""

    SECURE_EMAIL = "secure-email", _("Secure email")
    POST = "post", _("Recorded post")
    PORTAL = "portal", _("Secure online portal")
    IN_PERSON = "in-person", _("Handed over in person")


class BundleFormat(models.TextChoices):
    JSON = "json", _("JSON file")
    HTML = "html", _("Printed from the print view")
