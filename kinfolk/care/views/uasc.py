"""Pages that record the status of an unaccompanied asylum-seeking child, under
``/children/<pk>/care/uasc/``."""

from django.utils.translation import gettext_lazy as _

from kinfolk.care import services
from kinfolk.care.forms import uasc as forms
from kinfolk.care.models import UASCPeriod
from kinfolk.care.views.missing import MissingFormView
from kinfolk.core.dates import long_date


class UASCStartView(MissingFormView):
    """Record that the child is an unaccompanied asylum-seeking child."""

    form_class = forms.UASCStartForm
    heading = _("Record UASC status")
    success_message = _("UASC status recorded")
    record_label = "Child record: UASC status started"

    def unavailable(self) -> str:
        current = UASCPeriod.objects.filter(child=self.child, end_on__isnull=True).first()
        if current is None:
            return ""
        return _("%(child)s has been an unaccompanied asylum-seeking child since %(date)s.") % {
            "child": self.child,
            "date": long_date(current.start_on),
        }

    def record(self, form: forms.UASCStartForm) -> UASCPeriod:
        return services.start_uasc(
            child=self.child,
            start_on=form.cleaned_data["start_on"],
            immigration_status=form.cleaned_data["immigration_status"],
            actor=self.request.user,
        )


class UASCEndView(MissingFormView):
    """Record that the child's UASC status ceased."""

    form_class = forms.UASCEndForm
    heading = _("Record the end of UASC status")
    success_message = _("End of UASC status recorded")
    record_label = "Child record: UASC status ended"

    def unavailable(self) -> str:
        if UASCPeriod.objects.filter(child=self.child, end_on__isnull=True).exists():
            return ""
        return _("%(child)s is not an unaccompanied asylum-seeking child.") % {"child": self.child}

    def record(self, form: forms.UASCEndForm) -> UASCPeriod:
        return services.end_uasc(
            child=self.child, end_on=form.cleaned_data["end_on"], actor=self.request.user
        )
