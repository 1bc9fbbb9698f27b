"""What the authority records about its care leavers: their personal adviser, pathway plans,
contacts with them (the SSDA903 OC3 items), staying put with former foster carers, and
personal adviser support to 25.

Whether a young person is a care leaver at all is never stored: it is derived from their
periods of care by ``kinfolk.care.history``. The services in ``kinfolk.leaving.services`` are
the only way these records are written.
"""

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.core.codes import CareLeaverAccommodation, CareLeaverActivity, CareLeaverInTouch
from kinfolk.core.models import Versioned
from kinfolk.leaving.choices import AuditGrade

#: OC3 activities that are education, employment or training (SSDA903 ACTIV).
EET_ACTIVITIES = frozenset({"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5"})
#: OC3 activities that are not in education, employment or training (G4-G6).
NEET_ACTIVITIES = frozenset({"G4", "G5", "G6"})


def accommodation_is_suitable(code: str) -> bool | None:
    """Whether an OC3 accommodation code says the accommodation is suitable: the suffix 1 is
    suitable, 2 unsuitable (SSDA903 ACCOM); None when not known."""
    if not code or code == CareLeaverAccommodation.NOT_KNOWN:
        return None
    return code.endswith("1")


def activity_is_eet(code: str) -> bool | None:
    """Whether an OC3 activity is education, employment or training; None when not known."""
    if code in EET_ACTIVITIES:
        return True
    if code in NEET_ACTIVITIES:
        return False
    return None


class PersonalAdviserAllocation(models.Model):
    """A period during which a personal adviser supports a care leaver (Children Act 1989
    Sch. 2 para. 19C and s23D; Care Leavers (England) Regulations 2010, reg. 8).

    A young person has at most one open allocation. ``introduced_on`` and ``joint_visit_on``
    record the handover from the social worker: inspectors found poor handovers to personal
    advisers and expect the adviser to be introduced, with a joint visit, before 18 (docs/domain.md
    finding 26).
    """

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="personal_adviser_allocations"
    )
    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="personal_adviser_allocations",
        verbose_name=_("personal adviser"),
    )
    start_on = models.DateField(_("allocated from"))
    end_on = models.DateField(_("allocated to"), null=True, blank=True)
    introduced_on = models.DateField(
        _("date the personal adviser was introduced to the young person"), null=True, blank=True
    )
    joint_visit_on = models.DateField(
        _("date of the joint visit with the social worker"), null=True, blank=True
    )
    is_imported = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-start_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(end_on__isnull=True),
                name="personal_adviser_one_open_per_child",
            ),
            models.CheckConstraint(
                condition=models.Q(end_on__isnull=True)
                | models.Q(end_on__gte=models.F("start_on")),
                name="personal_adviser_ends_after_start",
            ),
        ]
        verbose_name = _("personal adviser allocation")

    def __str__(self) -> str:
        return f"{self.adviser} from {self.start_on}"

    @property
    def is_open(self) -> bool:
        return self.end_on is None


class PathwayPlan(Versioned):
    """A pathway plan: how the authority will support the young person towards independence,
    made from an assessment of their needs and reviewed at least every six months (Care
    Leavers (England) Regulations 2010, reg. 6 and Schedule 1; Children Act 1989 guidance
    vol. 3).

    It records needs and goals in each area the Schedule names, the young person's views,
    whether they were given a copy and a version written for them (findings 72 and 82), and a
    target date for settled accommodation, so that delays can be flagged (finding 27). A
    manager may audit it (finding 72). Plans loaded from a journey carry only their date and
    say so (``is_imported``).
    """

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="pathway_plans"
    )
    made_on = models.DateField(_("date of the pathway plan"))
    accommodation = models.TextField(_("accommodation: needs and goals"), blank=True)
    accommodation_target_on = models.DateField(
        _("target date for settled accommodation"), null=True, blank=True
    )
    education_training_employment = models.TextField(
        _("education, training and employment: needs and goals"), blank=True
    )
    health = models.TextField(_("health and development: needs and goals"), blank=True)
    relationships = models.TextField(
        _("family and social relationships: needs and goals"), blank=True
    )
    finance = models.TextField(_("financial support and money: needs and goals"), blank=True)
    young_person_views = models.TextField(_("the young person's views"), blank=True)
    is_copy_given = models.BooleanField(
        _("the young person was given a copy"), null=True, blank=True
    )
    has_young_persons_version = models.BooleanField(
        _("a version written for the young person"), null=True, blank=True
    )
    is_local_offer_explained = models.BooleanField(
        _("the local offer for care leavers was explained"), null=True, blank=True
    )
    audit_grade = models.CharField(
        _("audit grade"), max_length=20, choices=AuditGrade.choices, blank=True
    )
    audit_note = models.TextField(_("audit findings"), blank=True)
    audited_on = models.DateField(_("date audited"), null=True, blank=True)
    audited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    is_imported = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-made_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["child", "made_on"], name="pathway_plan_one_per_child_per_day"
            ),
        ]
        verbose_name = _("pathway plan")

    def __str__(self) -> str:
        return f"Pathway plan of {self.made_on}"

    def last_saved(self) -> tuple[Any, dt.date] | None:
        """Who audited the plan, and when: the only change made to a plan once it is made."""
        if self.audited_on is None:
            return None
        return self.audited_by, self.audited_on


class CareLeaverContact(models.Model):
    """A contact between the authority and a care leaver, recording what SSDA903 OC3 reports
    around each birthday from the 17th to the 21st: whether the authority is in touch, the
    young person's accommodation (and whether it is suitable) and their main activity.

    When the authority is in touch, accommodation and activity are asked for on the page
    (OC3 rule 345); a contact loaded from a journey may leave them out and says so
    (``is_imported``).
    """

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="care_leaver_contacts"
    )
    contacted_on = models.DateField(_("date of contact"))
    in_touch = models.CharField(_("in touch"), max_length=4, choices=CareLeaverInTouch.choices)
    accommodation = models.CharField(
        _("accommodation"), max_length=2, choices=CareLeaverAccommodation.choices, blank=True
    )
    activity = models.CharField(
        _("main activity"), max_length=2, choices=CareLeaverActivity.choices, blank=True
    )
    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="care_leaver_contacts",
        verbose_name=_("personal adviser"),
    )
    notes = models.TextField(_("notes"), blank=True)
    is_imported = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-contacted_on", "-pk"]
        indexes = [models.Index(fields=["child", "contacted_on"], name="care_leaver_contact_date")]
        verbose_name = _("care leaver contact")

    def __str__(self) -> str:
        return f"Contact of {self.contacted_on}"

    @property
    def is_accommodation_suitable(self) -> bool | None:
        return accommodation_is_suitable(self.accommodation)

    @property
    def is_eet(self) -> bool | None:
        return activity_is_eet(self.activity)


class StayingPut(models.Model):
    """A staying put arrangement: a former relevant young person goes on living with their
    former foster carers after 18 (Children Act 1989 s23CZA, inserted by the Children and
    Families Act 2014). The duty runs to 21; the authority's local offer extends it to 25
    for a young person in full-time education (docs/domain.md stage 28, Wigan 2012).
    """

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="staying_put")
    start_on = models.DateField(_("staying put from"))
    end_on = models.DateField(_("staying put to"), null=True, blank=True)
    carers = models.CharField(_("former foster carers"), max_length=200, blank=True)
    is_in_full_time_education = models.BooleanField(_("in full-time education"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-start_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(end_on__isnull=True),
                name="staying_put_one_open_per_child",
            ),
            models.CheckConstraint(
                condition=models.Q(end_on__isnull=True)
                | models.Q(end_on__gte=models.F("start_on")),
                name="staying_put_ends_after_start",
            ),
        ]
        verbose_name = _("staying put arrangement")

    def __str__(self) -> str:
        return f"Staying put from {self.start_on}"

    @property
    def is_open(self) -> bool:
        return self.end_on is None


class SupportTo25(models.Model):
    """Personal adviser support for a former relevant young person aged 21 to 24 who asks for
    it (Children Act 1989 s23CZB, inserted by the Children and Social Work Act 2017 s3)."""

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="support_to_25"
    )
    requested_on = models.DateField(_("date the young person asked for support"))
    ended_on = models.DateField(_("date support ended"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-requested_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(ended_on__isnull=True),
                name="support_to_25_one_open_per_child",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("requested_on")),
                name="support_to_25_ends_after_request",
            ),
        ]
        verbose_name = _("support to 25")
        verbose_name_plural = _("support to 25")

    def __str__(self) -> str:
        return f"Support to 25 from {self.requested_on}"

    @property
    def is_open(self) -> bool:
        return self.ended_on is None
