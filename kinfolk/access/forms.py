"""Forms for reviewing break-the-glass."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kinfolk.core.forms import CaseworkForm


class BreakGlassReviewForm(CaseworkForm):
    """What the reviewer found about one use of break-the-glass."""

    note = forms.CharField(
        label=_("What did the review find?"),
        error_messages={"required": _("Say what the review found")},
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "For example, whether the reason was an emergency, and anything to follow up "
            "with the member of staff or their manager"
        ),
    )
