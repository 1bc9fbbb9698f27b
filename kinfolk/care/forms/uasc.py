"""Forms for the status of an unaccompanied asylum-seeking child. The rules live in
``kinfolk.care.services.uasc``."""

from django.utils.translation import gettext_lazy as _

from kinfolk.care.forms.fields import text_field
from kinfolk.core.forms import CaseworkForm, date_field


class UASCStartForm(CaseworkForm):
    start_on = date_field(_("Date UASC status began"))
    immigration_status = text_field(_("Immigration status"), required=False)
    required_messages = {"start_on": _("Enter the date UASC status began")}


class UASCEndForm(CaseworkForm):
    end_on = date_field(_("Date UASC status ceased"))
    required_messages = {"end_on": _("Enter the date UASC status ceased")}
