"""The sign-in forms, in GOV.UK markup."""

from typing import Any

from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth import forms as auth_forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from kinfolk.core.forms import GovukFormMixin

HALF = "govuk-input govuk-!-width-one-half"


class SignInForm(GovukFormMixin, auth_forms.AuthenticationForm):
    """The username and password."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Username")
        self.fields["username"].widget.attrs.update(
            {"class": HALF, "autocomplete": "username", "spellcheck": "false"}
        )
        self.fields["password"].widget.attrs.update(
            {"class": HALF, "autocomplete": "current-password"}
        )
        self.error_messages["invalid_login"] = _(
            "Enter a correct username and password. Both are case-sensitive."
        )


def code_field(label: str, help_text: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=20,
        error_messages={"required": _("Enter the code")},
        widget=forms.TextInput(
            attrs={
                "class": "govuk-input govuk-input--width-10",
                "autocomplete": "one-time-code",
                "spellcheck": "false",
                "autocapitalize": "none",
            }
        ),
    )


class CodeForm(GovukFormMixin, forms.Form):
    """The second factor: the authenticator app's code, or a recovery code."""

    code = code_field(
        _("Code"),
        _("The 6-digit code your authenticator app shows, or one of your recovery codes"),
    )


class SetUpCodeForm(GovukFormMixin, forms.Form):
    """The first code from the authenticator app being set up."""

    code = code_field(_("Code from the app"), _("The 6-digit code the app shows for Kinfolk"))


class ReauthenticateForm(GovukFormMixin, forms.Form):
    """The password again, and a code when the person signs in with one."""

    password = forms.CharField(
        label=_("Password"),
        strip=False,
        error_messages={"required": _("Enter your password")},
        widget=forms.PasswordInput(attrs={"class": HALF, "autocomplete": "current-password"}),
    )

    def __init__(self, *args: Any, request: HttpRequest, needs_code: bool, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.request = request
        if needs_code:
            self.fields["code"] = code_field(
                _("Code"),
                _("The 6-digit code your authenticator app shows, or one of your recovery codes"),
            )

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        user = self.request.user
        # Through ``authenticate``, so that a wrong password counts towards the lockout.
        if authenticate(self.request, username=user.get_username(), password=password) != user:
            raise forms.ValidationError(_("The password is not right"))
        return password


class GovukPasswordChangeForm(GovukFormMixin, auth_forms.PasswordChangeForm):
    """Change one's own password."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Current password")
        self.fields["new_password1"].label = _("New password")
        self.fields["new_password2"].label = _("New password again")
        for field in self.fields.values():
            field.widget.attrs["class"] = HALF


class GovukPasswordResetForm(GovukFormMixin, auth_forms.PasswordResetForm):
    """Ask for a link to set a new password."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Email address")
        self.fields["email"].widget.attrs.update({"class": HALF, "spellcheck": "false"})
        self.fields["email"].error_messages.update(
            {
                "required": _("Enter your email address"),
                "invalid": _("Enter an email address in the correct format, like name@example.org"),
            }
        )


class GovukSetPasswordForm(GovukFormMixin, auth_forms.SetPasswordForm):
    """Set a new password from the link in the e-mail."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("New password")
        self.fields["new_password2"].label = _("New password again")
        for field in self.fields.values():
            field.widget.attrs["class"] = HALF
