"""The leaving-care pages: the young person's leaving-care record, the forms that record
work with them, and the list of every current care leaver.

Status is never stored: each page derives it from the periods of care it has loaded
(``kinfolk.leaving.standing``), so both pages cost the same number of queries however many
contacts and plans there are.
"""

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Exists, OuterRef, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from kinfolk.access.policy import P
from kinfolk.access.services import record_listing, request_source
from kinfolk.care.history import birthday, is_looked_after_on
from kinfolk.care.models import PeriodOfCare
from kinfolk.core.dates import long_date
from kinfolk.leaving import services
from kinfolk.leaving.forms import (
    CareLeaverContactForm,
    EndForm,
    PathwayPlanAuditForm,
    PathwayPlanForm,
    PersonalAdviserForm,
    StayingPutForm,
    SupportTo25Form,
)
from kinfolk.leaving.standing import (
    LEAVING_PREFETCH,
    YoungPerson,
    next_oc3_birthday,
    summarise,
)
from kinfolk.people.models import Child
from kinfolk.people.views.mixins import ChildRecordMixin
from kinfolk.people.views.record_form import ChildRecordFormView

#: The forms return to the young person's leaving-care record.
BACK_URL_NAME = "leaving:child-leaving"
BACK_LABEL = gettext_lazy("Back to leaving care")

#: The flags the list of care leavers can be narrowed to (docs/domain.md findings 57 and 64).
LIST_FILTERS = {
    "no_recent_contact": gettext_lazy("No contact in 2 months"),
    "no_pathway_plan": gettext_lazy("No pathway plan"),
    "neet": gettext_lazy("Not in education, employment or training"),
}


class ChildLeavingView(ChildRecordMixin, TemplateView):
    """The young person's leaving-care record: their status and why, their personal adviser,
    pathway plans, contacts, staying put, support to 25, and what SSDA903 OC3 will need."""

    permission = P.VIEW_RECORD

    template_name = "leaving/child_leaving.html"
    record_label = "Child record: leaving care"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        child = self.child
        prefetch_related_objects([child], *LEAVING_PREFETCH)
        person = summarise(child, today)
        dob = child.date_of_birth
        eighteenth = birthday(dob, 18) if dob else None
        allocations = list(child.personal_adviser_allocations.all())
        for allocation in allocations:
            allocation.is_joint_visit_before_18 = bool(
                allocation.joint_visit_on and eighteenth and allocation.joint_visit_on < eighteenth
            )
        contacts = list(child.care_leaver_contacts.all())
        plans = list(child.pathway_plans.all())
        staying_put = list(child.staying_put.all())
        supports = list(child.support_to_25.all())
        standing = person.standing
        context.update(
            today=today,
            person=person,
            standing=standing,
            eighteenth=eighteenth,
            allocations=allocations,
            plans=plans,
            contacts=contacts,
            staying_put=staying_put,
            supports=supports,
            show_records=bool(
                standing.may_have_pathway_plan
                or standing.left_care_on
                or allocations
                or plans
                or contacts
                or staying_put
                or supports
            ),
            oc3=next_oc3_birthday(dob, person.stays, contacts, today) if dob else None,
            may_stay_put=self.may_stay_put(person),
            next_steps=self.next_steps(person),
        )
        return context

    def may_stay_put(self, person: YoungPerson) -> bool:
        """Whether the young person, now 18 or over, was looked after on the day before their
        18th birthday, so could stay put with their foster carers (the service checks that
        the placement was foster care)."""
        dob = self.child.date_of_birth
        if dob is None or not person.standing.was_former_relevant:
            return False
        day_before_18 = birthday(dob, 18) - dt.timedelta(days=1)
        return (person.standing.age or 0) >= 18 and is_looked_after_on(person.stays, day_before_18)

    def next_steps(self, person: YoungPerson) -> list[dict[str, str]]:
        """Links to record what can be recorded for this young person now."""
        standing = person.standing
        steps: list[dict[str, str]] = []

        def add(name: str, label: str) -> None:
            steps.append({"url": reverse(name, args=[self.child.pk]), "label": label})

        if standing.may_have_adviser:
            add("leaving:adviser-allocate", _("Allocate a personal adviser"))
        if standing.may_have_pathway_plan:
            add("leaving:pathway-plan-create", _("Record a pathway plan"))
        if standing.may_have_adviser:
            add("leaving:contact-create", _("Record a contact"))
        if self.may_stay_put(person):
            if any(arrangement.is_open for arrangement in self.child.staying_put.all()):
                add("leaving:staying-put-end", _("End staying put"))
            elif standing.age < 25:
                add("leaving:staying-put-create", _("Record staying put"))
        if standing.was_former_relevant and standing.age is not None and 21 <= standing.age < 25:
            if any(support.is_open for support in self.child.support_to_25.all()):
                add("leaving:support-end", _("End support to 25"))
            else:
                add("leaving:support-create", _("Record a request for support to 25"))
        return steps


class PersonalAdviserAllocateView(ChildRecordFormView):
    """A manager allocates a personal adviser (finding 26)."""

    permission = P.ALLOCATE

    form_class = PersonalAdviserForm
    service = staticmethod(services.allocate_personal_adviser)
    guard = services.IS_CARE_LEAVER
    heading = gettext_lazy("Allocate a personal adviser")
    success_message = gettext_lazy("Personal adviser allocated")
    record_label = "Child record: personal adviser allocated"
    back_url_name = BACK_URL_NAME
    back_label = BACK_LABEL


class PathwayPlanCreateView(ChildRecordFormView):
    """Record a pathway plan or its review."""

    permission = P.RECORD_LEAVING_CARE

    form_class = PathwayPlanForm
    service = staticmethod(services.record_pathway_plan)
    guard = services.MAY_HAVE_PATHWAY_PLAN
    heading = gettext_lazy("Record a pathway plan")
    success_message = gettext_lazy("Pathway plan recorded")
    record_label = "Child record: pathway plan recorded"
    back_url_name = BACK_URL_NAME
    back_label = BACK_LABEL


class PathwayPlanAuditView(ChildRecordFormView):
    """A manager audits a pathway plan (finding 72)."""

    permission = P.AUDIT_PATHWAY_PLAN

    form_class = PathwayPlanAuditForm
    service = staticmethod(services.audit_pathway_plan)
    edits = "plan"
    saved_as = {"grade": "audit_grade", "note": "audit_note"}
    guard = services.HAS_PATHWAY_PLAN
    child_argument = None
    heading = gettext_lazy("Audit a pathway plan")
    success_message = gettext_lazy("Pathway plan audited")
    record_label = "Child record: pathway plan audited"
    back_url_name = BACK_URL_NAME
    back_label = BACK_LABEL

    def get_form(self, form_class: Any = None) -> PathwayPlanAuditForm:
        form = super().get_form(form_class)
        form.choose_one(
            "plan",
            self.child.pathway_plans.all(),
            self.chosen("plan"),
            label=lambda plan: _("Pathway plan of %(date)s") % {"date": long_date(plan.made_on)},
            caption=_("Pathway plan"),
        )
        return form


class CareLeaverContactCreateView(ChildRecordFormView):
    """Record a contact with a care leaver, with the OC3 items."""

    permission = P.RECORD_LEAVING_CARE

    form_class = CareLeaverContactForm
    service = staticmethod(services.record_care_leaver_contact)
    guard = services.IS_CARE_LEAVER
    heading = gettext_lazy("Record a contact with a care leaver")
    success_message = gettext_lazy("Contact recorded")
    record_label = "Child record: care leaver contact recorded"
    back_url_name = BACK_URL_NAME
    back_label = BACK_LABEL


class StayingPutCreateView(ChildRecordFormView):
    """Record a staying put arrangement with former foster carers."""

    permission = P.RECORD_LEAVING_CARE

    form_class = StayingPutForm
    service = staticmethod(services.start_staying_put)
    guard = (services.WAS_FORMER_RELEVANT, services.NOT_STAYING_PUT)
    heading = gettext_lazy("Record staying put")
    intro = gettext_lazy(
        "A former relevant young person who was living with foster carers at 18 can stay on "
        "with them until 21, or until 25 in full-time education."
    )
    success_message = gettext_lazy("Staying put recorded")
    record_label = "Child record: staying put recorded"
    back_url_name = BACK_URL_NAME
    back_label = BACK_LABEL


class StayingPutEndView(ChildRecordFormView):
    """The staying put arrangement ends."""

    permission = P.RECORD_LEAVING_CARE

    form_class = EndForm
    service = staticmethod(services.end_staying_put)
    guard = services.IS_STAYING_PUT
    heading = gettext_lazy("End staying put")
    success_message = gettext_lazy("Staying put ended")
    record_label = "Child record: staying put ended"
    back_url_name = BACK_URL_NAME
    back_label = BACK_LABEL


class SupportTo25CreateView(ChildRecordFormView):
    """A former relevant young person aged 21 to 24 asks for support to 25."""

    permission = P.RECORD_LEAVING_CARE

    form_class = SupportTo25Form
    service = staticmethod(services.request_support_to_25)
    guard = services.MAY_ASK_FOR_SUPPORT_TO_25
    heading = gettext_lazy("Record a request for support to 25")
    success_message = gettext_lazy("Request for support to 25 recorded")
    record_label = "Child record: support to 25 recorded"
    back_url_name = BACK_URL_NAME
    back_label = BACK_LABEL


class SupportTo25EndView(ChildRecordFormView):
    """Support to 25 ends."""

    permission = P.RECORD_LEAVING_CARE

    form_class = EndForm
    service = staticmethod(services.end_support_to_25)
    guard = services.HAS_SUPPORT_TO_25
    renamed = {"end_on": "ended_on"}
    heading = gettext_lazy("End support to 25")
    success_message = gettext_lazy("Support to 25 ended")
    record_label = "Child record: support to 25 ended"
    back_url_name = BACK_URL_NAME
    back_label = BACK_LABEL


def current_care_leavers(user: Any, today: dt.date) -> list[YoungPerson]:
    """Every care leaver the user may see on ``today`` (eligible, relevant, former relevant,
    or with support to 25), by name, read in a fixed number of queries."""
    oldest = birthday(today, -26)
    youngest = birthday(today, -15)
    children = (
        Child.objects.visible_to(user)
        .filter(date_of_birth__gt=oldest, date_of_birth__lte=youngest)
        .filter(Exists(PeriodOfCare.objects.filter(child=OuterRef("pk"))))
        .prefetch_related(*LEAVING_PREFETCH)
        .order_by("last_name", "first_name", "pk")
    )
    people = (summarise(child, today) for child in children)
    return [person for person in people if person.standing.is_care_leaver]


def by_age(people: list[YoungPerson]) -> list[dict[str, Any]]:
    """Education, employment or training and accommodation by age (docs/domain.md stage 28;
    findings 57 and 67)."""
    rows: dict[int, dict[str, Any]] = defaultdict(
        lambda: {"count": 0, "eet": 0, "neet": 0, "suitable": 0, "unsuitable": 0}
    )
    for person in people:
        row = rows[person.standing.age or 0]
        row["count"] += 1
        row["eet"] += person.is_eet is True
        row["neet"] += person.is_eet is False
        row["suitable"] += person.is_accommodation_suitable is True
        row["unsuitable"] += person.is_accommodation_suitable is False
    return [{"age": age, **rows[age]} for age in sorted(rows)]


class CareLeaverListView(TemplateView):
    """Every current care leaver, with their personal adviser, last contact, accommodation and
    activity, and the flags that need attention; narrowed to the signed-in adviser's young
    people or to one flag."""

    permission = P.VIEW_RECORD

    template_name = "leaving/care_leavers.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        user = self.request.user
        everyone = current_care_leavers(user, today)
        is_mine = self.request.GET.get("mine") == "1"
        flags = [code for code in self.request.GET.getlist("flag") if code in LIST_FILTERS]
        people = everyone
        if is_mine:
            people = [
                p
                for p in people
                if p.current_adviser_allocation is not None
                and p.current_adviser_allocation.adviser_id == user.pk
            ]
        for code in flags:
            people = [p for p in people if p.has_flag(code)]
        record_listing(
            user=user,
            child_ids=[p.child.pk for p in people],
            what=_("Care leavers"),
            path=self.request.path,
            source=request_source(self.request),
        )
        context.update(
            today=today,
            people=people,
            total=len(everyone),
            is_mine=is_mine,
            chosen_flags=flags,
            filters=list(LIST_FILTERS.items()),
            by_age=by_age(people),
        )
        return context
