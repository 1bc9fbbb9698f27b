"""Children and the people around them."""

import datetime as dt

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kinfolk.core.codes import Disability, Ethnicity, Sex, UPNUnknown
from kinfolk.core.models import Versioned
from kinfolk.core.postcodes import validate_postcode
from kinfolk.core.working_days import age_on
from kinfolk.people.choices import AlertKind, RelationshipKind
from kinfolk.people.nhs_number import format_nhs_number, validate_nhs_number
from kinfolk.people.querysets import ChildQuerySet
from kinfolk.people.upn import validate_upn


class Child(Versioned):
    """A child (or unborn child) known to children's social care.

    ``la_child_id`` is the authority's own identifier, which is also ``LAchildID`` in the CIN
    census and ``CHILD`` in SSDA903. A child has a date of birth or, before birth, an expected
    date of birth (CIN rule 8525Q). Its version counts the changes to its identity details,
    so that a correction made on an out-of-date form is refused (``Versioned``).
    """

    la_child_id = models.CharField(
        _("child ID"),
        max_length=20,
        unique=True,
        validators=[RegexValidator(r"^[A-Za-z0-9]{1,20}$", _("Use up to 20 letters and digits"))],
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    first_name_folded = models.CharField(max_length=100, editable=False, db_index=True)
    last_name_folded = models.CharField(max_length=100, editable=False, db_index=True)
    first_name_key = models.CharField(max_length=20, editable=False, db_index=True)
    last_name_key = models.CharField(max_length=20, editable=False, db_index=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True, db_index=True)
    expected_date_of_birth = models.DateField(_("expected date of birth"), null=True, blank=True)
    date_of_death = models.DateField(_("date of death"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    ethnicity = models.CharField(_("ethnicity"), max_length=4, choices=Ethnicity.choices)
    upn = models.CharField(
        _("UPN"), max_length=13, blank=True, db_index=True, validators=[validate_upn]
    )
    former_upn = models.CharField(
        _("former UPN"), max_length=13, blank=True, validators=[validate_upn]
    )
    upn_unknown = models.CharField(
        _("reason there is no UPN"), max_length=3, choices=UPNUnknown.choices, blank=True
    )
    nhs_number = models.CharField(
        _("NHS number"), max_length=10, blank=True, validators=[validate_nhs_number]
    )
    language = models.CharField(_("first language"), max_length=100, blank=True)
    religion = models.CharField(_("religion"), max_length=100, blank=True)
    first_child_born_on = models.DateField(
        _("date of birth of her first child"),
        null=True,
        blank=True,
        help_text=_("Recorded when the child is a mother (SSDA903 MOTHER and MC_DOB)"),
    )
    is_restricted = models.BooleanField(
        _("restricted record"),
        default=False,
        help_text=_("Only the users named on the record can see it"),
    )
    is_sealed = models.BooleanField(
        _("sealed adoption record"),
        default=False,
        help_text=_("Only the adoption service can see it"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    objects = ChildQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name", "pk"]
        verbose_name = _("child")
        verbose_name_plural = _("children")
        constraints = [
            models.UniqueConstraint(
                fields=["nhs_number"],
                condition=~models.Q(nhs_number=""),
                name="child_nhs_number_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(date_of_birth__isnull=False)
                | models.Q(expected_date_of_birth__isnull=False),
                name="child_has_birth_or_expected_date",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def is_unborn(self) -> bool:
        return self.date_of_birth is None

    def age_on(self, day: dt.date) -> int | None:
        """Age in whole years on ``day``; None for an unborn child."""
        return age_on(self.date_of_birth, day) if self.date_of_birth else None

    @property
    def age(self) -> int | None:
        return self.age_on(timezone.localdate())

    @property
    def nhs_number_display(self) -> str:
        return format_nhs_number(self.nhs_number)

    @property
    def is_mother(self) -> bool:
        return self.first_child_born_on is not None


class ChildDisability(models.Model):
    """One of a child's disabilities, by DfE code (CIN N00099)."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="disabilities")
    code = models.CharField(_("disability"), max_length=4, choices=Disability.choices)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["child", "code"], name="child_disability_unique")
        ]

    def __str__(self) -> str:
        return self.get_code_display()


class Adult(models.Model):
    """An adult in a child's life: a parent, carer or other household member."""

    reference = models.CharField(_("reference"), max_length=20, unique=True)
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, default=Sex.UNKNOWN)

    class Meta:
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        name = f"{self.first_name} {self.last_name}".strip()
        return name or str(_("Adult %(reference)s") % {"reference": self.reference})


class Address(models.Model):
    """Where a child lived, from a date; the current address has no end date."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="addresses")
    line_1 = models.CharField(_("address line 1"), max_length=200, blank=True)
    line_2 = models.CharField(_("address line 2"), max_length=200, blank=True)
    town = models.CharField(_("town or city"), max_length=100, blank=True)
    postcode = models.CharField(
        _("postcode"), max_length=8, validators=[validate_postcode], db_index=True
    )
    start_on = models.DateField(_("from"))
    end_on = models.DateField(_("to"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_on", "-pk"]
        verbose_name_plural = _("addresses")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_on__isnull=True)
                | models.Q(end_on__gte=models.F("start_on")),
                name="address_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return ", ".join(
            part for part in (self.line_1, self.line_2, self.town, self.postcode) if part
        )


class Relationship(models.Model):
    """How another child or an adult is related to this child.

    ``kind`` reads "``other`` is the child's ``kind``": ``mother`` means the other person is the
    child's mother. ``lives_with`` marks members of the child's household.
    """

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="relationships")
    other_child = models.ForeignKey(
        Child, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    other_adult = models.ForeignKey(
        Adult, null=True, blank=True, on_delete=models.CASCADE, related_name="relationships"
    )
    kind = models.CharField(_("relationship"), max_length=20, choices=RelationshipKind.choices)
    lives_with = models.BooleanField(_("lives with the child"), default=False)
    start_on = models.DateField(_("recorded from"), null=True, blank=True)

    class Meta:
        ordering = ["kind", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(other_child__isnull=False, other_adult__isnull=True)
                    | models.Q(other_child__isnull=True, other_adult__isnull=False)
                ),
                name="relationship_has_one_other",
            ),
            models.UniqueConstraint(
                fields=["child", "other_child", "kind"],
                name="relationship_child_unique",
                condition=models.Q(other_child__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["child", "other_adult", "kind"],
                name="relationship_adult_unique",
                condition=models.Q(other_adult__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.other}: {self.get_kind_display()}"

    @property
    def other(self) -> "Child | Adult":
        other = self.other_child or self.other_adult
        assert other is not None  # the check constraint: exactly one of the two is set
        return other


class Alert(models.Model):
    """A warning shown on a child's record to everyone who opens it."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="alerts")
    kind = models.CharField(_("type of alert"), max_length=20, choices=AlertKind.choices)
    description = models.CharField(_("description"), max_length=300)
    start_on = models.DateField(_("from"))
    end_on = models.DateField(_("until"), null=True, blank=True)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-start_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.description}"

    def is_active_on(self, day: dt.date) -> bool:
        return self.start_on <= day and (self.end_on is None or self.end_on >= day)
