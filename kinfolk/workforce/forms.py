from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinfolk.core.codes import SocialWorkerChangeReason
from kinfolk.core.forms import CaseworkForm, GovukDateField, GovukFormMixin, text_area
from kinfolk.workforce.caseloads import Caseload, caseloads
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
    over_cap_reason = text_area(
        _("Reason for allocating over the caseload cap"),
        rows=3,
        max_length=500,
        help_text=_("Needed only when the worker already holds as many cases as their cap"),
    )
    handover_note = text_area(
        _("Handover note"),
        rows=5,
        help_text=_(
            "For the new worker: what is happening for the child, what is urgent, and who "
            "they should speak to first"
        ),
    )
    #: The open allocation when the page was opened: its id, or ``NO_ALLOCATION``.
    replacing = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(
        self, *args: Any, is_reallocation: bool = False, viewer: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if not is_reallocation:
            # A first allocation hands nothing over.
            del self.fields["handover_note"]
        workers = list(
            User.objects.filter(is_active=True, role__in=CASE_HOLDING_ROLES)
            .select_related("team")
            .order_by("team__name", "display_name")
        )
        #: Each worker's caseload against their cap, by id (one query per kind of case).
        self.caseloads = {
            load.worker.pk: load for load in caseloads(workers, timezone.localdate(), viewer=viewer)
        }
        field = self.fields["worker"]
        field.queryset = User.objects.filter(pk__in=[w.pk for w in workers])
        field.choices = [("", field.empty_label)] + [(w.pk, self._worker_label(w)) for w in workers]

    def _worker_label(self, user: User) -> str:
        load = self.caseloads[user.pk]
        label = f"{user.display_name} ({user.team or _('no team')})"
        if load.cap is None:
            return _("%(worker)s, %(count)d cases") % {"worker": label, "count": load.count}
        return _("%(worker)s, %(count)d of %(cap)d cases%(flag)s") % {
            "worker": label,
            "count": load.count,
            "cap": load.cap,
            "flag": _(" (at the cap)") if load.is_at_cap else "",
        }

    def chosen_caseload(self) -> Caseload | None:
        """The caseload of the worker chosen on a submitted form, when they are at their cap."""
        if not self.is_bound:
            return None
        sent = str(self.data.get("worker", ""))
        load = self.caseloads.get(int(sent)) if sent.isdigit() else None
        return load if load is not None and load.is_at_cap else None

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
