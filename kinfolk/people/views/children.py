"""Pages for finding, recording and reading a child's record."""

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms import BaseForm
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from kinfolk.access.policy import P
from kinfolk.access.reauth import RecentAuthenticationRequired
from kinfolk.access.services import record_listing, request_source
from kinfolk.chronology.choices import EntryKind
from kinfolk.core.forms import add_service_errors
from kinfolk.core.models import Versioned
from kinfolk.people.forms import (
    AddressForm,
    AlertForm,
    ChildForm,
    LiftRestrictionForm,
    RelationshipForm,
    RestrictionForm,
    SealForm,
)
from kinfolk.people.models import Child, Relationship
from kinfolk.people.restrictions import lift_restriction, restrict_record, seal_adoption_record
from kinfolk.people.services import (
    IDENTITY_FIELDS,
    HiddenRecordConflict,
    PossibleDuplicate,
    create_child,
    move_child_to_address,
    raise_alert,
    relate,
    relate_new_adult,
    update_child,
)
from kinfolk.people.summary import summary_of
from kinfolk.people.views.mixins import ChildRecordMixin, record_refused
from kinfolk.people.views.record_form import ChildRecordFormView

CHRONOLOGY_PAGE_SIZE = 50


class ChildCreateView(FormView):
    """Record a child who is new to children's social care."""

    permission = P.RECORD_CHILD

    template_name = "people/child_form.html"
    form_class = ChildForm

    def get_initial(self) -> dict[str, Any]:
        initial = super().get_initial()
        name = self.request.GET.get("name", "").split()
        if name:
            initial["first_name"] = name[0]
            initial["last_name"] = " ".join(name[1:])
        return initial

    def form_valid(self, form: ChildForm) -> HttpResponse:
        request = self.request
        try:
            child = create_child(actor=request.user, **form.cleaned_data)
        except PossibleDuplicate as duplicate:
            # The warning names the children the user may see (logged as listed); a match
            # they may not see is not named, and the attempt goes in its access log.
            seen = set(
                Child.objects.visible_to(request.user)
                .filter(pk__in=[match.pk for match in duplicate.matches])
                .values_list("pk", flat=True)
            )
            visible = [match for match in duplicate.matches if match.pk in seen]
            hidden = [match.pk for match in duplicate.matches if match.pk not in seen]
            record_listing(
                user=request.user,
                child_ids=[match.pk for match in visible],
                what=_("Recording a child: possible duplicates"),
                path=request.get_full_path(),
                source=request_source(request),
            )
            record_refused(request, hidden, what="Recording a child like this one")
            form.add_error("is_not_duplicate", duplicate.messages[0])
            return self.render_to_response(
                self.get_context_data(
                    form=form, possible_duplicates=visible, has_hidden_duplicate=bool(hidden)
                )
            )
        except ValidationError as error:
            record_refused(
                request,
                getattr(error, "hidden_child_ids", ()),
                what="Recording a child",
            )
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("%(name)s has been recorded") % {"name": child})
        return HttpResponseRedirect(reverse("children:detail", args=[child.pk]))


class ChildDetailView(ChildRecordMixin, TemplateView):
    """The child's record at a glance: who they are, who holds the case, and the sections the
    apps declare (kinfolk.people.summary): legal status and placement, open plans, the last
    visit, duties and key dates, the latest significant events."""

    permission = P.VIEW_RECORD

    template_name = "people/child_detail.html"
    record_label = "Child record: summary"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        sections = summary_of(self.child, self.request.user, timezone.localdate())
        context["main_sections"] = [s for s in sections if s.column == "main"]
        context["side_sections"] = [s for s in sections if s.column == "side"]
        context["current_address"] = self.child.addresses.filter(end_on__isnull=True).first()
        return context


class ChildIdentityView(ChildRecordMixin, TemplateView):
    """Identity: names, dates, identifiers, characteristics and addresses."""

    permission = P.VIEW_RECORD

    template_name = "people/child_identity.html"
    record_label = "Child record: identity"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["disabilities"] = list(self.child.disabilities.all())
        context["addresses"] = list(self.child.addresses.all())
        return context


class ChildRelationshipsView(ChildRecordMixin, TemplateView):
    """Household and relationships."""

    permission = P.VIEW_RECORD

    template_name = "people/child_relationships.html"
    record_label = "Child record: household and relationships"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        relationships = list(self.child.relationships.select_related("other_child", "other_adult"))
        # A related child the user may not see is shown without a name or a link.
        other_ids = [r.other_child_id for r in relationships if r.other_child_id]
        visible = set(
            Child.objects.visible_to(self.request.user)
            .filter(pk__in=other_ids)
            .values_list("pk", flat=True)
        )
        for relationship in relationships:
            relationship.is_visible = (
                relationship.other_child_id is None or relationship.other_child_id in visible
            )
        # The other children named on the page are listed in their own access logs.
        record_listing(
            user=self.request.user,
            child_ids=sorted(visible),
            what=_("Named on another child's household and relationships"),
            path=self.request.path,
            source=request_source(self.request),
        )
        context["household"] = [r for r in relationships if r.lives_with]
        context["others"] = [r for r in relationships if not r.lives_with]
        return context


class ChildAllocationsView(ChildRecordMixin, TemplateView):
    """Who has held the child's case, since when, and why it changed."""

    permission = P.VIEW_RECORD

    template_name = "people/child_allocations.html"
    record_label = "Child record: allocation history"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["allocations"] = list(
            self.child.allocations.select_related("worker", "team", "recorded_by")
        )
        return context


class ChildChronologyView(ChildRecordMixin, TemplateView):
    """The child's chronology, newest first, filterable by kind of event."""

    permission = P.VIEW_RECORD

    template_name = "people/child_chronology.html"
    record_label = "Child record: chronology"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        kind = self.request.GET.get("kind", "")
        if kind not in EntryKind.values:
            kind = ""
        significant_only = self.request.GET.get("significant") == "1"
        entries = (
            self.child.chronology_entries.of_kind(kind)
            .read_by(Child.objects.visible_to(self.request.user), reader=self.request.user)
            .select_related("recorded_by")
        )
        if significant_only:
            entries = entries.filter(is_significant=True)
        page = Paginator(entries.newest_first(), CHRONOLOGY_PAGE_SIZE).get_page(
            self.request.GET.get("page")
        )
        context.update(
            page=page,
            kind=kind,
            kinds=EntryKind.choices,
            significant_only=significant_only,
            filter_query=urlencode({"kind": kind, "significant": "1" if significant_only else ""})
            + "&",
        )
        return context


class ChildAccessLogView(ChildRecordMixin, TemplateView):
    """Who has looked at this record: for managers."""

    permission = P.VIEW_ACCESS_LOG

    template_name = "people/child_access_log.html"
    record_label = "Child record: access log"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["page"] = Paginator(self.child.access_records.select_related("user"), 100).get_page(
            self.request.GET.get("page")
        )
        return context


class ChildUpdateView(ChildRecordFormView):
    """Correct a child's identity details."""

    permission = P.RECORD_CHILD

    template_name = "people/child_form.html"
    form_class = ChildForm
    service = staticmethod(update_child)
    success_message = gettext_lazy("Identity details saved")
    record_label = "Child record: identity changed"
    back_url_name = "children:identity"
    edits = "child"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "editing": True}

    def get_initial(self) -> dict[str, Any]:
        initial = {field: getattr(self.child, field) for field in IDENTITY_FIELDS}
        initial["disabilities"] = list(self.child.disabilities.values_list("code", flat=True))
        return initial

    def saved_values(self, record: Versioned, form: BaseForm) -> dict[str, Any]:
        assert isinstance(record, Child)
        values = super().saved_values(record, form)
        values["disabilities"] = list(record.disabilities.values_list("code", flat=True))
        return values


class AddressCreateView(ChildRecordFormView):
    """Record that the child has moved."""

    permission = P.RECORD_CHILD

    template_name = "people/address_form.html"
    form_class = AddressForm
    service = staticmethod(move_child_to_address)
    heading = gettext_lazy("Record a new address")
    success_message = gettext_lazy("Address saved")
    record_label = "Child record: address added"
    back_url_name = "children:detail"

    def get_success_url(self) -> str:
        return reverse("children:identity", args=[self.child.pk])


class AlertCreateView(ChildRecordFormView):
    """Put a warning on the child's record."""

    permission = P.RECORD_CHILD

    template_name = "people/alert_form.html"
    form_class = AlertForm
    service = staticmethod(raise_alert)
    heading = gettext_lazy("Add an alert")
    success_message = gettext_lazy("Alert added")
    record_label = "Child record: alert added"
    back_url_name = "children:detail"

    def get_initial(self) -> dict[str, Any]:
        return {"start_on": timezone.localdate()}


class RelationshipCreateView(ChildRecordFormView):
    """Record someone related to the child: another child known by their Child ID, or an
    adult new to the record."""

    permission = P.RECORD_CHILD

    template_name = "people/relationship_form.html"
    form_class = RelationshipForm
    heading = gettext_lazy("Add a relationship")
    success_message = gettext_lazy("Relationship saved")
    record_label = "Child record: relationship added"
    back_url_name = "children:detail"

    def record(self, form: RelationshipForm) -> Relationship:
        # Which service records the relationship depends on who the other person is.
        data = form.cleaned_data
        common = {"child": self.child, "kind": data["kind"], "lives_with": data["lives_with"]}
        if not data["other_child_id"].strip():
            return relate_new_adult(
                **common,
                first_name=data["adult_first_name"],
                last_name=data["adult_last_name"],
                actor=self.request.user,
            )
        other_id = data["other_child_id"].strip()
        other = Child.objects.visible_to(self.request.user).filter(la_child_id=other_id).first()
        if other is None:
            # The same words whether no child has the ID or one the user may not see does.
            hidden = Child.objects.hidden_from(self.request.user).filter(la_child_id=other_id)
            raise HiddenRecordConflict(
                {"other_child_id": [_("No child has this Child ID")]},
                hidden_child_ids=hidden.values_list("pk", flat=True),
            )
        return relate(**common, other_child=other, actor=self.request.user)

    def get_success_url(self) -> str:
        return reverse("children:relationships", args=[self.child.pk])


class RestrictionView(RecentAuthenticationRequired, ChildRecordFormView):
    """A manager restricts the record to named staff."""

    permission = P.RESTRICT

    template_name = "people/restriction_form.html"
    form_class = RestrictionForm
    service = staticmethod(restrict_record)
    heading = gettext_lazy("Restrict this record to named staff")
    success_message = gettext_lazy("The record is restricted to the staff named")
    record_label = "Child record: restriction"
    back_url_name = "children:detail"

    def get_form_kwargs(self) -> dict[str, Any]:
        user_model = get_user_model()
        users = user_model.objects.filter(is_active=True, team=self.request.user.team).exclude(
            pk=self.request.user.pk
        )
        return {**super().get_form_kwargs(), "user_model": user_model, "users": users}

    def service_kwargs(self, form: RestrictionForm) -> dict[str, Any]:
        # The staff named are those ticked and those given by username.
        kwargs = super().service_kwargs(form)
        del kwargs["other_usernames"]
        kwargs["users"] = kwargs.pop("named")
        return kwargs


class LiftRestrictionView(RecentAuthenticationRequired, ChildRecordFormView):
    """A manager named on a restricted record opens it to all staff again."""

    permission = P.RESTRICT

    template_name = "people/lift_restriction_form.html"
    form_class = LiftRestrictionForm
    service = staticmethod(lift_restriction)
    heading = gettext_lazy("Lift the restriction")
    success_message = gettext_lazy("The record is open to all staff again")
    record_label = "Child record: restriction lifted"
    back_url_name = "children:detail"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["named"] = [
            grant.user for grant in self.child.restriction_grants.select_related("user")
        ]
        return context


class SealView(RecentAuthenticationRequired, ChildRecordFormView):
    """The adoption service seals a child's adoption record: from then on only the adoption
    service sees it, and nobody can break the glass on it."""

    permission = P.VIEW_SEALED

    template_name = "people/seal_form.html"
    form_class = SealForm
    service = staticmethod(seal_adoption_record)
    heading = gettext_lazy("Seal the adoption record")
    success_message = gettext_lazy("The adoption record is sealed")
    record_label = "Child record: adoption record sealed"
    back_url_name = "children:detail"

    def unavailable(self) -> str:
        if self.child.is_sealed:
            return _("This adoption record is already sealed.")
        return super().unavailable()
