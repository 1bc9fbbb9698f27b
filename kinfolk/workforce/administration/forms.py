"""The forms of user administration."""

from typing import Any

from django import forms
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import gettext_lazy as _

from kinfolk.core.forms import CaseworkForm, GovukFormMixin, date_field
from kinfolk.workforce.choices import Role
from kinfolk.workforce.models import Team, User


def _team_field() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=_("Team"),
        queryset=Team.objects.order_by("name"),
        required=False,
        empty_label=_("No team"),
    )


class WorkerForm(CaseworkForm):
    """A member of staff's account: who they are, what they do, and where."""

    display_name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("Their work email address, to which set-password links are sent"),
        required=False,
        error_messages={"invalid": _("Enter an email address like name@council.gov.uk")},
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[("", _("Choose a role")), *Role.choices],
        help_text=_("Their role decides what they may see and do"),
    )
    team = _team_field()
    is_agency = forms.BooleanField(label=_("Agency worker"), required=False)
    is_qualified = forms.BooleanField(
        label=_("Qualified social worker"),
        required=False,
        help_text=_("Registered with Social Work England"),
    )
    qualified_on = date_field(
        _("Date qualified (optional)"),
        required=False,
        help_text=_(
            "For a social worker: the 12 months after it are their assessed and supported "
            "year in employment, with a protected caseload. For example, 1 9 2025"
        ),
    )
    required_messages = {
        "display_name": _("Enter their full name"),
        "email": _("Enter their email address"),
        "role": _("Choose their role"),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.order_by("name")
        self.fields["display_name"].widget.attrs["autocomplete"] = "off"
        self.fields["email"].widget.attrs.update(
            {"autocomplete": "off", "spellcheck": "false", "class": "govuk-input"}
        )


class WorkerCreateForm(WorkerForm):
    """A new account: a username as well. Nobody types a password."""

    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        help_text=_(
            "What they sign in with, for example sam.jones. Letters, digits and @ . + - _ only"
        ),
        validators=[UnicodeUsernameValidator()],
        error_messages={"invalid": _("Use only letters, digits and @ . + - _ in the username")},
    )
    required_messages = {**WorkerForm.required_messages, "username": _("Enter a username")}
    field_order = ["username", "display_name", "email", "role", "team", "is_agency"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["username"].widget.attrs.update(
            {"autocomplete": "off", "spellcheck": "false", "autocapitalize": "none"}
        )

    def clean_username(self) -> str:
        username = self.cleaned_data["username"].strip()
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("There is already an account with this username"))
        return username


class TeamForm(CaseworkForm):
    """A team's name."""

    name = forms.CharField(label=_("Team name"), max_length=100)
    required_messages = {"name": _("Enter the team's name")}


STATUS_CHOICES = [
    ("active", _("Active")),
    ("deactivated", _("Deactivated")),
    ("locked", _("Locked out")),
    ("all", _("All")),
]


class UserFilterForm(GovukFormMixin, forms.Form):
    """The filters of the list of users: words to search for, role, team and status."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        help_text=_("Name, username or email address"),
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=[("", _("Any role")), *Role.choices], required=False
    )
    team = forms.ChoiceField(label=_("Team"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=STATUS_CHOICES, required=False, widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = [
            ("", _("Any team")),
            ("none", _("No team")),
            *((str(team.pk), team.name) for team in Team.objects.order_by("name")),
        ]
