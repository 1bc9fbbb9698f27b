"""The family version of a child in need or child protection plan: written on a page opened
from the plan, shown in the child's record, printed by the browser and as a PDF
(docs/printing.md)."""

import re
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from kinfolk.access.policy import P
from kinfolk.casework.forms import PlanFamilyVersionForm
from kinfolk.casework.models import Plan, PlanAction
from kinfolk.casework.services import record_family_version
from kinfolk.casework.views.plans import OpenPlanFormView
from kinfolk.people.views.printing import PrintableMixin, pdf_filename


class PlanFamilyVersionUpdateView(OpenPlanFormView):
    """Write or rewrite the family version of an open plan."""

    permission = P.RECORD_CASEWORK

    form_class = PlanFamilyVersionForm
    service = staticmethod(record_family_version)
    edits = "plan"
    heading = gettext_lazy("Family version of the plan")
    intro = gettext_lazy(
        "The family version is printed for the parents and carers and given to them. The "
        "plan's outcomes and actions are printed with it."
    )
    success_message = gettext_lazy("Family version saved")
    record_label = "Child record: family version of a plan changed"

    def get_success_url(self) -> str:
        plan = self.recorded
        return reverse("casework:family-version", args=[self.child.pk]) + f"?plan={plan.pk}"


def plans_for_family(child_id: int) -> QuerySet[Plan]:
    """The child's plans with their outcomes and actions, open plans first."""
    return (
        Plan.objects.filter(child_id=child_id)
        .prefetch_related(
            "outcomes",
            Prefetch("actions", queryset=PlanAction.objects.select_related("owner")),
        )
        .order_by("end_on", "-start_on", "-pk")
    )


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a text typed with blank lines between them."""
    return [
        part.strip() for part in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if part.strip()
    ]


class PlanFamilyVersionView(PrintableMixin, TemplateView):
    """A plan in plain words for the family: its family version, what should change for the
    child and who will do what by when. The plan in ``?plan=``, or the child's open plan;
    ``?format=pdf`` prints it."""

    permission = P.VIEW_RECORD

    template_name = "casework/family/family_version.html"
    document_template = "casework/family/family_version_document.html"
    record_label = "Child record: family version of a plan"
    export_label = "Child record: family version of a plan, printed to PDF"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        plans = plans_for_family(self.child.pk)
        chosen = self.request.GET.get("plan", "")
        plan = (plans.filter(pk=chosen).first() if chosen.isdigit() else None) or plans.first()
        title = (
            _("Your family's %(plan)s") % {"plan": plan.get_kind_display().lower()}
            if plan
            else _("Family version of the plan")
        )
        context.update(
            plan=plan,
            family_paragraphs=paragraphs(plan.family_version if plan else ""),
            document_title=title,
            worker=self.current_allocation.worker if self.current_allocation else None,
            edit_url=(
                reverse("casework:family-version-edit", args=[self.child.pk]) + f"?plan={plan.pk}"
                if plan and plan.is_open
                else ""
            ),
            pdf_url=(
                reverse("casework:family-version", args=[self.child.pk])
                + f"?plan={plan.pk}&format=pdf"
                if plan
                else ""
            ),
            back_url=reverse("casework:child-casework", args=[self.child.pk]),
        )
        return context

    def document_filename(self, context: dict[str, Any]) -> str:
        plan = context.get("plan")
        kind = plan.kind if plan else "plan"
        return pdf_filename("family-version", kind, "plan", self.child.la_child_id)
