"""Forms for recording work with care leavers. They only parse what was typed; the rules live
in ``kinfolk.leaving.services``, whose refusals the forms show next to the field they are
about."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinfolk.core.codes import CareLeaverAccommodation, CareLeaverActivity, CareLeaverInTouch
from kinfolk.core.forms import CaseworkForm, date_field, text_area, yes_no_field
from kinfolk.leaving.choices import AuditGrade
from kinfolk.leaving.models import PathwayPlan
from kinfolk.workforce.choices import CASE_HOLDING_ROLES, Role
from kinfolk.workforce.models import User


def _with_blank(choices: list[tuple[str, Any]], blank: Any) -> list[tuple[str, Any]]:
    return [("", blank), *choices]


class PersonalAdviserForm(CaseworkForm):
    """Allocate a personal adviser, with the handover from the social worker (finding 26)."""

    adviser = forms.ModelChoiceField(
        label=_("Personal adviser"),
        queryset=User.objects.none(),
        empty_label=_("Choose a personal adviser"),
    )
    start_on = date_field(_("Allocated from"))
    introduced_on = date_field(
        _("Date the personal adviser was introduced to the young person"),
        required=False,
        help_text=_("Leave blank if they have not met yet. For example, 27 3 2026"),
    )
    joint_visit_on = date_field(
        _("Date of the joint visit with the social worker"),
        required=False,
        help_text=_("The joint visit should happen before 18. For example, 27 3 2026"),
    )
    required_messages = {
        "adviser": _("Choose the personal adviser"),
        "start_on": _("Enter the date the personal adviser was allocated"),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["adviser"]
        field.queryset = User.objects.filter(
            is_active=True, role__in=list(CASE_HOLDING_ROLES)
        ).order_by("display_name")
        roles = dict(Role.choices)
        field.label_from_instance = lambda user: f"{user.display_name}, {roles.get(user.role, '')}"


class PathwayPlanForm(CaseworkForm):
    """A pathway plan: needs and goals in each area of the Care Leavers (England) Regulations
    2010, Schedule 1, with the young person's views and whether they have a copy."""

    made_on = date_field(_("Date of the pathway plan"))
    accommodation = text_area(_("Accommodation: needs and goals"))
    accommodation_target_on = date_field(
        _("Target date for settled accommodation"),
        required=False,
        help_text=_(
            "When the young person should have somewhere settled to live. For example, 27 3 2027"
        ),
    )
    education_training_employment = text_area(
        _("Education, training and employment: needs and goals")
    )
    health = text_area(_("Health and development: needs and goals"))
    relationships = text_area(_("Family and social relationships: needs and goals"))
    finance = text_area(_("Financial support and money: needs and goals"))
    young_person_views = text_area(_("The young person's views"), required=True)
    is_copy_given = yes_no_field(_("Was the young person given a copy of the plan?"))
    has_young_persons_version = yes_no_field(
        _("Is there a version written for the young person?"), required=False
    )
    is_local_offer_explained = yes_no_field(
        _("Was the local offer for care leavers explained?"), required=False
    )
    required_messages = {
        "made_on": _("Enter the date of the pathway plan"),
        "young_person_views": _("Enter the young person's views of their plan"),
        "is_copy_given": _("Say whether the young person was given a copy of the plan"),
    }


class CareLeaverContactForm(CaseworkForm):
    """A contact with a care leaver, recording the SSDA903 OC3 items."""

    contacted_on = date_field(_("Date of contact"))
    in_touch = forms.ChoiceField(
        label=_("Is the authority in touch with the young person?"),
        choices=CareLeaverInTouch.choices,
        widget=forms.RadioSelect,
    )
    accommodation = forms.ChoiceField(
        label=_("Accommodation"),
        choices=_with_blank(CareLeaverAccommodation.choices, _("Choose accommodation")),
        required=False,
        help_text=_("Needed when in touch. Suitable or not is part of each choice."),
    )
    activity = forms.ChoiceField(
        label=_("Main activity"),
        choices=_with_blank(CareLeaverActivity.choices, _("Choose main activity")),
        required=False,
        help_text=_("Needed when in touch"),
    )
    notes = text_area(_("Notes"))
    required_messages = {
        "contacted_on": _("Enter the date of the contact"),
        "in_touch": _("Choose whether the authority is in touch"),
    }


class StayingPutForm(CaseworkForm):
    """A staying put arrangement with former foster carers."""

    start_on = date_field(_("Staying put from"))
    end_on = date_field(
        _("Staying put to"),
        required=False,
        help_text=_("Leave blank while the arrangement goes on. For example, 27 3 2027"),
    )
    carers = forms.CharField(label=_("Former foster carers"), max_length=200, required=False)
    is_in_full_time_education = yes_no_field(
        _("Is the young person in full-time education?"),
        help_text=_("Staying put runs to 21, or to 25 in full-time education"),
    )
    required_messages = {
        "start_on": _("Enter the date staying put started"),
        "is_in_full_time_education": _("Say whether the young person is in full-time education"),
    }


class EndForm(CaseworkForm):
    """The date an arrangement ends."""

    end_on = date_field(_("End date"))
    required_messages = {"end_on": _("Enter the end date")}


class SupportTo25Form(CaseworkForm):
    """A former relevant young person asks for a personal adviser's support to 25."""

    requested_on = date_field(_("Date the young person asked for support"))
    required_messages = {"requested_on": _("Enter the date the young person asked for support")}


class PathwayPlanAuditForm(CaseworkForm):
    """A manager's audit of one pathway plan (finding 72)."""

    plan = forms.ModelChoiceField(
        label=_("Pathway plan"), queryset=PathwayPlan.objects.none(), empty_label=None
    )
    grade = forms.ChoiceField(
        label=_("Audit grade"), choices=AuditGrade.choices, widget=forms.RadioSelect
    )
    note = text_area(_("What the audit found"), required=True)
    required_messages = {
        "plan": _("Choose the pathway plan"),
        "grade": _("Choose the audit grade"),
        "note": _("Enter what the audit found"),
    }
