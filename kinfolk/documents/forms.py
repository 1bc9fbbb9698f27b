"""The upload form. It only parses what was sent; the checks of the file are the service's."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kinfolk.core.forms import CaseworkForm
from kinfolk.documents.choices import DocumentKind
from kinfolk.documents.detection import ALLOWED_TYPES_TEXT


class DocumentUploadForm(CaseworkForm):
    """A document for the child's record: its title, what kind it is, and the file."""

    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(
        label=_("What kind of document is it?"),
        choices=DocumentKind.choices,
        widget=forms.RadioSelect,
    )
    file = forms.FileField(
        label=_("Upload a file"),
        help_text=format_lazy("{} {}", _("It must be"), ALLOWED_TYPES_TEXT),
        widget=forms.ClearableFileInput(attrs={"class": "govuk-file-upload"}),
    )
    required_messages = {
        "title": _("Enter a title for the document"),
        "kind": _("Choose what kind of document this is"),
        "file": _("Select a file"),
    }
