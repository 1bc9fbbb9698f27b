"""Forms for recording and finding children."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinfolk.core.codes import Disability, Ethnicity, Sex, UPNUnknown
from kinfolk.core.forms import CaseworkForm, GovukDateField, GovukFormMixin
from kinfolk.core.postcodes import is_valid_postcode
from kinfolk.people.choices import AlertKind, RelationshipKind


class ChildSearchForm(GovukFormMixin, forms.Form):
    """Find a child by any of name, date of birth, UPN, NHS number or postcode."""

    name = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=200,
        help_text=_("First name, last name or both; spelling need not be exact"),
    )
    date_of_birth = GovukDateField(label=_("Date of birth"), required=False)
    upn = forms.CharField(label=_("UPN"), required=False, max_length=20)
    nhs_number = forms.CharField(label=_("NHS number"), required=False, max_length=20)
    postcode = forms.CharField(
        label=_("Postcode"),
        required=False,
        max_length=10,
        help_text=_("A full postcode, or the first part, like WN1"),
    )
    la_child_id = forms.CharField(label=_("Child ID"), required=False, max_length=20)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["la_child_id"].widget.attrs["class"] = "govuk-input govuk-input--width-10"
        self.fields["upn"].widget.attrs["class"] = "govuk-input govuk-input--width-20"
        self.fields["nhs_number"].widget.attrs["class"] = "govuk-input govuk-input--width-10"
        self.fields["postcode"].widget.attrs["class"] = "govuk-input govuk-input--width-10"
        self.fields["date_of_birth"].help_text = _("For example, 27 3 2016")


class ChildForm(CaseworkForm):
    """A child's identity, for recording a new child or correcting an existing one."""

    la_child_id = forms.CharField(
        label=_("Child ID"),
        max_length=20,
        help_text=_("The authority's own identifier: up to 20 letters and digits"),
    )
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    date_of_birth = GovukDateField(
        label=_("Date of birth"), required=False, help_text=_("For example, 27 3 2016")
    )
    expected_date_of_birth = GovukDateField(
        label=_("Expected date of birth"),
        required=False,
        help_text=_("Only for an unborn child, instead of the date of birth"),
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices, widget=forms.RadioSelect)
    ethnicity = forms.ChoiceField(
        label=_("Ethnicity"), choices=[("", _("Choose ethnicity")), *Ethnicity.choices]
    )
    upn = forms.CharField(
        label=_("UPN"),
        max_length=20,
        required=False,
        help_text=_("Unique Pupil Number: 13 characters, like A123456789012"),
    )
    former_upn = forms.CharField(label=_("Former UPN"), max_length=20, required=False)
    upn_unknown = forms.ChoiceField(
        label=_("Reason there is no UPN"),
        required=False,
        choices=[("", _("Not applicable")), *UPNUnknown.choices],
    )
    nhs_number = forms.CharField(
        label=_("NHS number"),
        max_length=20,
        required=False,
        help_text=_("10 digits, like 943 476 5919"),
    )
    disabilities = forms.MultipleChoiceField(
        label=_("Disabilities"),
        choices=Disability.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    language = forms.CharField(label=_("First language"), max_length=100, required=False)
    religion = forms.CharField(label=_("Religion"), max_length=100, required=False)
    postcode = forms.CharField(label=_("Home postcode"), max_length=10, required=False)
    is_not_duplicate = forms.BooleanField(
        label=_("I have checked: this is a different child"), required=False
    )

    def __init__(self, *args: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("upn", "former_upn"):
            self.fields[name].widget.attrs["class"] = "govuk-input govuk-input--width-20"
        self.fields["nhs_number"].widget.attrs["class"] = "govuk-input govuk-input--width-10"
        self.fields["postcode"].widget.attrs["class"] = "govuk-input govuk-input--width-10"
        self.fields["la_child_id"].widget.attrs["class"] = "govuk-input govuk-input--width-20"
        if editing:
            for name in ("la_child_id", "postcode", "is_not_duplicate"):
                del self.fields[name]

    def clean_postcode(self) -> str:
        postcode = self.cleaned_data.get("postcode", "").strip()
        if postcode and not is_valid_postcode(postcode):
            raise forms.ValidationError(_("Enter a real postcode, like WN1 1AA"))
        return postcode


class AddressForm(CaseworkForm):
    """A child's new address."""

    line_1 = forms.CharField(label=_("Address line 1"), max_length=200, required=False)
    line_2 = forms.CharField(label=_("Address line 2"), max_length=200, required=False)
    town = forms.CharField(label=_("Town or city"), max_length=100, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=10)
    start_on = GovukDateField(
        label=_("Date the child moved here"), help_text=_("For example, 27 3 2025")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["postcode"].widget.attrs["class"] = "govuk-input govuk-input--width-10"

    def clean_postcode(self) -> str:
        postcode = self.cleaned_data["postcode"].strip()
        if not is_valid_postcode(postcode):
            raise forms.ValidationError(_("Enter a real postcode, like WN1 1AA"))
        return postcode


class AlertForm(CaseworkForm):
    """A warning on a child's record."""

    kind = forms.ChoiceField(
        label=_("Type of alert"), choices=AlertKind.choices, widget=forms.RadioSelect
    )
    description = forms.CharField(
        label=_("What people opening the record need to know"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    start_on = GovukDateField(label=_("From"), help_text=_("For example, 27 3 2025"))
    end_on = GovukDateField(
        label=_("Until"),
        required=False,
        help_text=_("Leave blank if it applies until it is removed"),
    )


class RelationshipForm(CaseworkForm):
    """Someone related to the child: another child already recorded, or an adult."""

    kind = forms.ChoiceField(
        label=_("How are they related to the child?"),
        error_messages={"required": _("Choose how they are related to the child")},
        choices=RelationshipKind.choices,
        widget=forms.RadioSelect,
        help_text=_("Mother means this person is the child's mother"),
    )
    other_child_id = forms.CharField(
        label=_("Child ID of the other child"),
        max_length=20,
        required=False,
        help_text=_("For a brother, sister or other child already recorded"),
    )
    adult_first_name = forms.CharField(
        label=_("Adult's first name"), max_length=100, required=False
    )
    adult_last_name = forms.CharField(label=_("Adult's last name"), max_length=100, required=False)
    lives_with = forms.BooleanField(label=_("They live with the child"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        has_child = bool(data.get("other_child_id", "").strip())
        has_adult = bool(
            data.get("adult_first_name", "").strip() or data.get("adult_last_name", "").strip()
        )
        if has_child == has_adult:
            raise forms.ValidationError(
                _("Give either the Child ID of another child or an adult's name, not both")
            )
        return data


class RestrictionForm(CaseworkForm):
    """Restrict a child's record to named staff."""

    users = forms.ModelMultipleChoiceField(
        label=_("Who may see this record"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("You will still see it. Everyone else will not find it anywhere."),
    )
    other_usernames = forms.CharField(
        label=_("Usernames of other staff who may see it"),
        required=False,
        max_length=500,
        help_text=_("Separate usernames with commas"),
    )
    reason = forms.CharField(
        label=_("Why is the record restricted?"),
        error_messages={"required": _("Say why the record is restricted")},
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example, the child is a relative of a member of staff"),
    )

    def __init__(self, *args: Any, users: Any, user_model: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user_model = user_model
        self.fields["users"].queryset = users
        self.fields["users"].label_from_instance = lambda user: str(user)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        names = [n.strip() for n in data.get("other_usernames", "").split(",") if n.strip()]
        found = list(self.user_model.objects.filter(username__in=names, is_active=True))
        missing = sorted(set(names) - {user.username for user in found})
        if missing:
            self.add_error(
                "other_usernames",
                _("No member of staff has the username %(names)s") % {"names": ", ".join(missing)},
            )
        data["named"] = [*data.get("users", []), *found]
        return data


class LiftRestrictionForm(CaseworkForm):
    """Why a restricted record is opened to all staff again."""

    reason = forms.CharField(
        label=_("Why is the restriction lifted?"),
        error_messages={"required": _("Say why the restriction is lifted")},
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SealForm(CaseworkForm):
    """Why a child's adoption record is sealed."""

    reason = forms.CharField(
        label=_("Why is the adoption record sealed?"),
        error_messages={"required": _("Say why the adoption record is sealed")},
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example, the adoption order was made on 3 March 2026"),
    )


class BreakGlassForm(CaseworkForm):
    """Why a member of staff must open a restricted record now."""

    reason = forms.CharField(
        label=_("Why do you need to open this record now?"),
        error_messages={"required": _("Say why you need to open this record")},
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "At least a sentence: what has happened, and why it cannot wait for the staff "
            "named on the record"
        ),
    )
