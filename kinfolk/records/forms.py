"""Forms of the subject access pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kinfolk.core.forms import CaseworkForm, date_field, text_area, yes_no_field
from kinfolk.records.choices import (
    BundleFormat,
    ExemptionReason,
    ExtensionReason,
    Requester,
    SendingMethod,
)


class ChildFindForm(CaseworkForm):
    """Find the child a request is about, among the children the officer may see."""

    q = forms.CharField(
        label=_("Child ID or name"),
        max_length=200,
        error_messages={"required": _("Enter a Child ID or a name")},
    )


class RequestForm(CaseworkForm):
    requester = forms.ChoiceField(
        label=_("Who asked?"),
        choices=Requester.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select who asked")},
    )
    requester_name = forms.CharField(
        label=_("Name of the person who asked"),
        max_length=200,
        error_messages={"required": _("Enter the name of the person who asked")},
    )
    requester_contact = text_area(
        _("Where to send the disclosure (optional)"), rows=3, max_length=1000
    )
    received_on = date_field(
        _("Date the request was received"),
        error_messages={"required": _("Enter the date the request was received")},
    )
    identity_verified = yes_no_field(_("Has their identity been verified?"))
    identity_evidence = forms.CharField(
        label=_("How was their identity verified?"),
        max_length=500,
        required=False,
        help_text=_("For example, passport and a council tax bill seen at the office"),
    )


class IdentityForm(CaseworkForm):
    identity_evidence = forms.CharField(
        label=_("How was their identity verified?"),
        max_length=500,
        error_messages={"required": _("Say how their identity was verified")},
    )


class ExtensionForm(CaseworkForm):
    reason = forms.ChoiceField(
        label=_("Why is more time needed?"),
        choices=ExtensionReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select why the time limit is extended")},
    )
    note = forms.CharField(
        label=_("Explain the reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Say why more time is needed")},
        help_text=_("This is recorded, and the person who asked must be told within the month"),
    )


class RedactionForm(CaseworkForm):
    field_name = forms.ChoiceField(label=_("What to withhold"), required=False)
    reason = forms.ChoiceField(
        label=_("Exemption"),
        choices=ExemptionReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the exemption")},
    )
    reason_text = forms.CharField(
        label=_("The other reason"),
        max_length=500,
        required=False,
        help_text=_("Only when the exemption is Other"),
    )

    def __init__(self, *args, fields: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["field_name"].choices = [("", _("The whole record")), *fields]


class NoteForm(CaseworkForm):
    text = forms.CharField(
        label=_("Note"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Enter the note")},
        help_text=_("Notes are kept with the request and are not disclosed"),
    )


class CompletionForm(CaseworkForm):
    sent_to = forms.CharField(
        label=_("Sent to"),
        max_length=200,
        error_messages={"required": _("Enter who the disclosure is sent to")},
    )
    sent_to_address = text_area(_("Address or email (optional)"), rows=3, max_length=1000)
    method = forms.ChoiceField(
        label=_("How is it sent?"),
        choices=SendingMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how it is sent")},
    )
    bundle_format = forms.ChoiceField(
        label=_("Format"),
        choices=BundleFormat.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the format")},
    )
    sent_on = date_field(
        _("Date sent"), error_messages={"required": _("Enter the date it is sent")}
    )
    purpose = forms.CharField(
        label=_("Why it is sent (optional)"),
        max_length=500,
        required=False,
        help_text=_("Leave empty for: Subject access request (UK GDPR Art. 15)"),
    )
