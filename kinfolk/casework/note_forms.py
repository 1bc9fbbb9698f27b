"""Forms for case notes: recording one, correcting it within 24 hours, an addendum, and the
search box of the notes list. They only parse what was typed; the rules are in
``kinfolk.casework.services.notes``."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kinfolk.casework.choices import CaseNoteKind
from kinfolk.casework.meetings import find_meeting, meeting_choices
from kinfolk.casework.models import PlanAction
from kinfolk.core.dates import long_date
from kinfolk.core.forms import (
    CaseworkForm,
    MomentForm,
    RowsMixin,
    date_field,
    text_area,
    time_field,
)
from kinfolk.people.models import Relationship

#: How many professionals the form has room for.
PROFESSIONAL_ROWS = 3


def _kind_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Kind of work"), choices=CaseNoteKind.choices, widget=forms.RadioSelect
    )


def _text_field() -> forms.CharField:
    return text_area(
        _("What happened"),
        rows=10,
        required=True,
        help_text=_("What was said and seen, what was decided, and what happens next"),
    )


def _child_views_field() -> forms.CharField:
    return text_area(
        _("The child's views"),
        rows=4,
        help_text=_("What the child said, or showed, about what they want and how they feel"),
    )


def _significant_field() -> forms.BooleanField:
    return forms.BooleanField(
        label=_("This is a significant event in the child's life"),
        required=False,
        help_text=_("Significant events are marked in the chronology"),
    )


def relationship_label(relationship: Relationship) -> str:
    return _("%(name)s (%(kind)s)") % {
        "name": relationship.other,
        "kind": relationship.get_kind_display().lower(),
    }


def action_label(action: PlanAction) -> str:
    return _("%(action)s (due %(date)s)") % {
        "action": action.description,
        "date": long_date(action.due_on),
    }


class CaseNoteForm(RowsMixin, MomentForm):
    """A case note: what kind of work, when, who was there, what happened in the worker's
    words, the child's views, and the plan action or meeting it was about."""

    moments = ("occurred",)
    row_prefix = "professional"
    row_parts = (
        ("_name", _("Enter the name of professional %(n)s")),
        ("_role", None),
        ("_agency", _("Enter the agency of professional %(n)s")),
    )
    row_count = PROFESSIONAL_ROWS
    row_legend = _("Professional")
    row_hint = _("From this or another agency, for example a teacher or a health visitor")

    kind = _kind_field()
    occurred_on = date_field(_("Date"))
    occurred_time = time_field(_("Time"))
    present = forms.ModelMultipleChoiceField(
        label=_("Who from the family was there?"),
        queryset=Relationship.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Select all that apply. The child's household and family are listed"),
    )
    text = _text_field()
    child_views = _child_views_field()
    is_significant = _significant_field()
    plan_action = forms.ModelChoiceField(
        label=_("Plan action this was about (optional)"),
        queryset=PlanAction.objects.none(),
        required=False,
        empty_label=_("None"),
    )
    meeting = forms.ChoiceField(label=_("Meeting this was about (optional)"), required=False)
    required_messages = {
        "kind": _("Choose the kind of work"),
        "occurred_on": _("Enter the date of the work"),
        "occurred_time": _("Enter the time of the work"),
        "text": _("Enter what happened"),
    }

    def __init__(
        self,
        *args: Any,
        relationships: QuerySet[Relationship],
        actions: QuerySet[PlanAction],
        child_id: int,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.child_id = child_id
        for number in range(1, self.row_count + 1):
            for name, label in zip(
                self.row_names(number), (_("Name"), _("Role"), _("Agency")), strict=True
            ):
                self.fields[name] = forms.CharField(
                    label=label,
                    required=False,
                    max_length=200,
                    widget=forms.TextInput(attrs={"class": "govuk-input govuk-!-width-one-half"}),
                )
        present = self.fields["present"]
        assert isinstance(present, forms.ModelMultipleChoiceField)
        present.queryset = relationships
        present.label_from_instance = relationship_label  # type: ignore[method-assign]
        if not relationships.exists():
            del self.fields["present"]
        action = self.fields["plan_action"]
        assert isinstance(action, forms.ModelChoiceField)
        action.queryset = actions
        action.label_from_instance = action_label  # type: ignore[method-assign]
        if not actions.exists():
            del self.fields["plan_action"]
        meetings = meeting_choices(child_id)
        if meetings:
            self.fields["meeting"].choices = [("", _("None")), *meetings]  # type: ignore[attr-defined]
        else:
            del self.fields["meeting"]

    def before_rows(self) -> list[forms.BoundField]:
        """The fields shown before the professionals: the kind, when, and the family."""
        names = ("kind", "occurred_on", "occurred_time", "present")
        return [self[name] for name in names if name in self.fields]

    def after_rows(self) -> list[forms.BoundField]:
        """The fields shown after the professionals."""
        names = ("text", "child_views", "is_significant", "plan_action", "meeting")
        return [self[name] for name in names if name in self.fields]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["professionals"] = self.clean_rows(data)
        for row in data["professionals"]:
            for suffix in ("_name", "_role", "_agency"):
                row[suffix.lstrip("_")] = row.pop(suffix) or ""
        key = data.get("meeting") or ""
        data["meeting"] = find_meeting(key, child_id=self.child_id) if key else None
        if key and data["meeting"] is None:
            self.add_error("meeting", _("Choose a meeting about the child"))
        if "present" in data:
            data["present"] = list(data["present"])
        return data


class CaseNoteCorrectionForm(MomentForm):
    """A correction of a case note, within 24 hours of its recording."""

    moments = ("occurred",)
    kind = _kind_field()
    occurred_on = date_field(_("Date"))
    occurred_time = time_field(_("Time"))
    text = _text_field()
    child_views = _child_views_field()
    is_significant = _significant_field()
    required_messages = {
        "kind": _("Choose the kind of work"),
        "occurred_on": _("Enter the date of the work"),
        "occurred_time": _("Enter the time of the work"),
        "text": _("Enter what happened"),
    }


class CaseNoteAddendumForm(CaseworkForm):
    """Something added to a case note."""

    text = text_area(
        _("Addendum"),
        rows=6,
        required=True,
        help_text=_("What was learned later, or what the note should have said"),
    )
    required_messages = {"text": _("Enter the addendum")}


class NoteSearchForm(forms.Form):
    """The search box of a list of case notes."""

    q = forms.CharField(label=_("Search the case notes"), required=False, max_length=200)
