"""What the oversight pages parse: a supervision of a whole caseload in one form, a supervision
action marked done, a management decision and a personal supervision."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinfolk.core.forms import CaseworkForm, date_field, text_area
from kinfolk.oversight.services import AgreedAction, CaseDiscussion
from kinfolk.oversight.services.supervision import field_prefix

#: How many actions a supervision can agree for one child on the page.
ACTION_ROWS = 3


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.display_name or obj.username


class SupervisionForm(CaseworkForm):
    """A supervision of a worker's caseload: the date, then a block for each child the
    worker holds. Only the children ticked as discussed are recorded."""

    held_on = date_field(_("Date of the supervision"))
    required_messages = {"held_on": _("Enter the date of the supervision")}

    def __init__(self, *args: Any, children: list[Any], staff: Any, worker: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.children = children
        for child in children:
            prefix = field_prefix(child)
            self.fields[f"{prefix}discussed"] = forms.BooleanField(
                label=_("Discussed %(child)s") % {"child": child.full_name}, required=False
            )
            self.fields[f"{prefix}reflection"] = text_area(_("Reflection and analysis"))
            self.fields[f"{prefix}decision"] = text_area(_("Decision"), rows=3)
            self.fields[f"{prefix}rationale"] = text_area(_("Rationale"), rows=3)
            for index in range(1, ACTION_ROWS + 1):
                name = f"{prefix}action_{index}_"
                self.fields[f"{name}text"] = text_area(
                    _("What is to be done"), rows=2, max_length=2000
                )
                self.fields[f"{name}owner"] = StaffChoiceField(
                    label=_("Who does it"),
                    queryset=staff,
                    initial=worker.pk,
                    required=False,
                    empty_label=None,
                )
                self.fields[f"{name}due"] = date_field(_("Due by"), required=False)

    def blocks(self) -> list[dict[str, Any]]:
        """Each child's fields, for the template: the tick box, the text and the actions."""
        result = []
        for child in self.children:
            prefix = field_prefix(child)
            result.append(
                {
                    "child": child,
                    "discussed": self[f"{prefix}discussed"],
                    "texts": [
                        self[f"{prefix}{n}"] for n in ("reflection", "decision", "rationale")
                    ],
                    "actions": [
                        [self[f"{prefix}action_{i}_{part}"] for part in ("text", "owner", "due")]
                        for i in range(1, ACTION_ROWS + 1)
                    ],
                    "has_errors": any(
                        self[name].errors for name in self.fields if name.startswith(prefix)
                    ),
                }
            )
        return result

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        cases = []
        for child in self.children:
            prefix = field_prefix(child)
            if not data.get(f"{prefix}discussed"):
                continue
            if not (data.get(f"{prefix}decision") or "").strip():
                self.add_error(
                    f"{prefix}decision",
                    _("Enter what was decided for %(child)s") % {"child": child.full_name},
                )
            actions = []
            for index in range(1, ACTION_ROWS + 1):
                name = f"{prefix}action_{index}_"
                text, due = (data.get(f"{name}text") or "").strip(), data.get(f"{name}due")
                if not text and due is None:
                    continue
                if not text:
                    self.add_error(f"{name}text", _("Enter action %(n)d") % {"n": index})
                elif due is None and f"{name}due" not in self.errors:
                    self.add_error(
                        f"{name}due", _("Enter the date action %(n)d is due by") % {"n": index}
                    )
                else:
                    owner = data.get(f"{name}owner")
                    actions.append(AgreedAction(text=text, owner=owner, due_on=due))
            cases.append(
                CaseDiscussion(
                    child=child,
                    reflection=data.get(f"{prefix}reflection") or "",
                    decision=data.get(f"{prefix}decision") or "",
                    rationale=data.get(f"{prefix}rationale") or "",
                    actions=tuple(actions),
                )
            )
        if not cases and not self.errors and self.children:
            self.add_error(
                f"{field_prefix(self.children[0])}discussed",
                _("Tick at least one child you discussed"),
            )
        data["cases"] = cases
        return data


class ActionDoneForm(CaseworkForm):
    """An open supervision action, marked done on a date."""

    action = forms.ModelChoiceField(label=_("Action"), queryset=None)
    done_on = date_field(_("Date it was done"))
    required_messages = {
        "action": _("Choose the action"),
        "done_on": _("Enter the date it was done"),
    }

    def __init__(self, *args: Any, actions: Any, chosen: str | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.choose_one(
            "action",
            actions,
            chosen,
            label=lambda action: f"{action.text} ({action.due_on:%-d %B %Y})",
            caption=_("Action"),
        )


class ManagementDecisionForm(CaseworkForm):
    decided_on = date_field(_("Date of the decision"))
    outcome_sought = text_area(
        _("Outcome sought for the child"),
        rows=3,
        help_text=_("What should be different for the child because of this decision"),
    )
    decision = text_area(_("Decision"), required=True)
    rationale = text_area(_("Rationale"), required=True)
    owner = StaffChoiceField(label=_("Owner"), queryset=None, required=False)
    due_on = date_field(_("To happen by"), required=False)
    required_messages = {
        "decided_on": _("Enter the date of the decision"),
        "decision": _("Enter the decision"),
        "rationale": _("Enter why the decision was taken"),
    }

    def __init__(self, *args: Any, staff: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = staff
        self.fields["owner"].empty_label = _("No one named")


class PersonalSupervisionForm(CaseworkForm):
    held_on = date_field(_("Date of the supervision"))
    wellbeing = text_area(_("Wellbeing"))
    development = text_area(_("Learning and development"))
    caseload = text_area(_("Caseload and workload"))
    next_on = date_field(_("Next supervision"), required=False)
    required_messages = {"held_on": _("Enter the date of the supervision")}
