from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from kinfolk.core.codes import SocialWorkerChangeReason
from kinfolk.core.forms import CaseworkForm, GovukDateField, GovukFormMixin
from kinfolk.workforce.choices import CASE_HOLDING_ROLES
from kinfolk.workforce.models import User
from kinfolk.workforce.services import UNCHECKED

#: What the allocation page carries when the case was not allocated as it was opened.
NO_ALLOCATION = "none"


class AllocationForm(CaseworkForm):
    """Give a child's case to a worker."""

    worker = forms.ModelChoiceField(
        label=_("Worker"), queryset=User.objects.none(), empty_label=_("Choose a worker")
    )
    start_on = GovukDateField(label=_("From"), help_text=_("For example, 27 3 2025"))
    reason = forms.ChoiceField(
        label=_("Reason for the change"),
        choices=[("", _("Choose a reason")), *SocialWorkerChangeReason.choices],
    )
    note = forms.CharField(
        label=_("Note"), max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    #: The open allocation when the page was opened: its id, or ``NO_ALLOCATION``.
    replacing = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        workers = User.objects.filter(is_active=True, role__in=CASE_HOLDING_ROLES)
        self.fields["worker"].queryset = workers.select_related("team").order_by(
            "team__name", "display_name"
        )
        self.fields["worker"].label_from_instance = lambda user: (
            f"{user.display_name} ({user.team or _('no team')})"
        )

    def clean_replacing(self) -> int | object | None:
        """What the service compares with the open allocation (``allocate_child``)."""
        sent = self.cleaned_data["replacing"]
        if sent == "":
            return UNCHECKED
        if sent == NO_ALLOCATION:
            return None
        return int(sent) if sent.isdigit() else 0


class SignInForm(GovukFormMixin, AuthenticationForm):
    """The sign-in form, in GOV.UK markup."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Username")
        self.fields["username"].widget.attrs["class"] = "govuk-input govuk-!-width-one-half"
        self.fields["password"].widget.attrs["class"] = "govuk-input govuk-!-width-one-half"
        self.error_messages["invalid_login"] = _(
            "Enter a correct username and password. Both are case-sensitive."
        )
