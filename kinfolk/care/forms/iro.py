"""The form that allocates an independent reviewing officer to a child in care. The rules (an
IRO, looked after on the day, a reason for a change) live in ``kinfolk.care.services.iro``,
whose messages the form shows next to the field they are about."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinfolk.care.models.iro import IROChangeReason
from kinfolk.care.services.iro import independent_reviewing_officers
from kinfolk.core.forms import CaseworkForm, date_field


class IROAllocationForm(CaseworkForm):
    """Allocate an IRO, or change the child's IRO, from a date, with the reason."""

    iro = forms.ModelChoiceField(
        label=_("Independent reviewing officer"),
        queryset=None,
        empty_label=_("Choose the reviewing officer"),
    )
    start_on = date_field(_("Allocated from"))
    reason = forms.ChoiceField(
        label=_("Reason"),
        choices=IROChangeReason.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Needed when the child's IRO changes"),
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
    required_messages = {
        "iro": _("Choose the independent reviewing officer"),
        "start_on": _("Enter the date the IRO was allocated from"),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["iro"]
        field.queryset = independent_reviewing_officers()
        field.label_from_instance = lambda user: user.display_name or user.username
