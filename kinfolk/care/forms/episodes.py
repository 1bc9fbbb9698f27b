"""Forms for a child's time in care: starting and ending care, moving placement, changing
legal status, approving an unregistered setting.

The forms only parse what was typed: the rules (SSDA903's, and those of docs/domain.md stages
15 to 17) live in ``kinfolk.care.services``, whose refusals are shown next to the field they
are about. Labels are plain words; each DfE code is shown beside its meaning, and the
SSDA903 item a question feeds is named in its hint. Workers never choose the reason for a
new episode: it is derived.
"""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kinfolk.care.forms.fields import choose, coded, radios
from kinfolk.care.models.episodes import (
    ConnectedPersonsAssessment,
    EntryPanel,
    OfstedGrade,
    Placement,
)
from kinfolk.core.codes import (
    CategoryOfNeed,
    LegalStatus,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonForPlacementChange,
)
from kinfolk.core.dates import long_date
from kinfolk.core.forms import CaseworkForm, date_field, text_area, yes_no_field

#: The value of the provider radio for placements that have none (SSDA903 rule 213).
NO_PROVIDER = "none"


class PlacementFieldsMixin(forms.Form):
    """The placement as SSDA903 records it (PLACE, PLACE_PROVIDER, PL_POST, URN), and the
    setting's name, registration, grade and cost (docs/domain.md stage 17, findings 24 and 84)."""

    placement_type = choose(
        _("Type of placement"),
        coded(PlacementType.choices),
        _("Choose the type of placement"),
        help_text=_("SSDA903 placement type (PLACE)"),
    )
    provider = radios(
        _("Who provides the placement"),
        [
            *coded(PlacementProvider.choices),
            (NO_PROVIDER, _("No provider: a temporary move (T0 to T4) or Z11 to Z14")),
        ],
        help_text=_("SSDA903 placement provider (PLACE_PROVIDER)"),
    )
    setting_name = forms.CharField(
        label=_("Name of the carers or setting"),
        max_length=200,
        required=False,
        help_text=_("For example, Oakfield Children's Home, or the foster carers' names"),
    )
    placement_postcode = forms.CharField(
        label=_("Postcode of the placement"),
        max_length=8,
        required=False,
        help_text=_("SSDA903 PL_POST. Used to work out the distance from home"),
    )
    urn = forms.CharField(
        label=_("Ofsted unique reference number (URN)"),
        max_length=8,
        required=False,
        help_text=_(
            "For Ofsted-registered settings. Leave blank for placements with parents, in "
            "hospital or temporary moves"
        ),
    )
    is_registered = forms.ChoiceField(
        label=_("Is the setting registered with Ofsted?"),
        choices=[
            ("yes", _("Yes")),
            ("no", _("No: an unregistered setting, which a senior manager must approve")),
            ("na", _("Does not apply: with parents, in hospital or a temporary move")),
        ],
        widget=forms.RadioSelect,
    )
    registered_on = date_field(
        _("Date the setting was registered"),
        required=False,
        help_text=_("If known. For example, 27 3 2024"),
    )
    ofsted_grade = choose(
        _("Latest Ofsted grade"),
        list(OfstedGrade.choices),
        _("Not known"),
        required=False,
    )
    weekly_cost = forms.DecimalField(
        label=_("Weekly cost in pounds"),
        max_digits=8,
        decimal_places=2,
        required=False,
        help_text=_("For a placement the authority pays for. For example, 4250.00"),
        error_messages={"invalid": _("Enter the weekly cost as a number, like 4250.00")},
    )

    def clean_provider(self) -> str:
        """The provider as the services take it: none is blank."""
        provider = self.cleaned_data["provider"]
        return "" if provider == NO_PROVIDER else provider

    def clean_is_registered(self) -> bool | None:
        """Whether the setting is registered with Ofsted; ``None`` when that does not apply."""
        return {"yes": True, "no": False}.get(self.cleaned_data["is_registered"])


class StartCareForm(PlacementFieldsMixin, CaseworkForm):
    """The child starts to be looked after (docs/domain.md stage 15)."""

    start_on = date_field(_("Date the child started to be looked after"))
    legal_status = choose(
        _("Legal status"),
        coded(LegalStatus.choices),
        _("Choose the legal status"),
        help_text=_("SSDA903 legal status (LS)"),
    )
    category_of_need = radios(
        _("Category of need"),
        coded(CategoryOfNeed.choices),
        help_text=_("The main reason the child is looked after (SSDA903 CIN)"),
    )
    entry_reason = text_area(
        _("Why the child came into care"),
        required=True,
        help_text=_("What happened, in words the child could read later"),
    )
    entry_panel = radios(_("Who agreed the child should come into care?"), EntryPanel.choices)
    connected_persons = radios(
        _("Were family or friends assessed to care for the child?"),
        ConnectedPersonsAssessment.choices,
        help_text=_("A connected persons assessment"),
    )
    home_postcode = forms.CharField(
        label=_("Postcode of the child's home"),
        max_length=8,
        required=False,
        help_text=_("SSDA903 HOME_POST: where the child lived before coming into care"),
    )
    field_order = [
        "start_on",
        "legal_status",
        "category_of_need",
        "entry_reason",
        "entry_panel",
        "connected_persons",
        "home_postcode",
        "placement_type",
        "provider",
        "setting_name",
        "placement_postcode",
        "urn",
        "is_registered",
        "registered_on",
        "ofsted_grade",
        "weekly_cost",
    ]
    required_messages = {
        "start_on": _("Enter the date the child started to be looked after"),
        "entry_reason": _("Enter why the child came into care"),
        "entry_panel": _("Choose who agreed the child should come into care"),
        "connected_persons": _("Choose whether family or friends were assessed"),
        "provider": _("Choose who provides the placement"),
        "is_registered": _("Choose whether the setting is registered with Ofsted"),
    }


class ChangePlacementForm(PlacementFieldsMixin, CaseworkForm):
    """The child moves placement (docs/domain.md stage 17), with a disruption record when the move
    was not planned (finding 83) and, when a strategy discussion is due, a manager's reason to
    go ahead without one (finding 5)."""

    moved_on = date_field(_("Date of the move"))
    reason = choose(
        _("Reason for the move"),
        coded(ReasonForPlacementChange.choices),
        _("Choose the reason"),
        required=False,
        help_text=_(
            "SSDA903 REASON_PLACE_CHANGE. Not needed for a temporary move or the return from one"
        ),
    )
    is_planned = yes_no_field(_("Was the move planned?"))
    disruption_reasons = text_area(
        _("Why the placement ended"),
        help_text=_("If the move was not planned: what led to the placement ending"),
    )
    is_disruption_meeting_held = yes_no_field(
        _("Has a disruption meeting been held?"), required=False
    )
    disruption_meeting_on = date_field(_("Date of the disruption meeting"), required=False)
    disruption_learning = text_area(
        _("What was learnt"),
        help_text=_("What the disruption meeting found, for the child's next placement"),
    )
    no_strategy_discussion_reason = text_area(
        _("Manager's reason for moving the child without a strategy discussion"),
        help_text=_("Why the move cannot wait until the agencies have met"),
    )
    field_order = [
        "moved_on",
        "placement_type",
        "provider",
        "setting_name",
        "placement_postcode",
        "urn",
        "is_registered",
        "registered_on",
        "ofsted_grade",
        "weekly_cost",
        "reason",
        "is_planned",
        "disruption_reasons",
        "is_disruption_meeting_held",
        "disruption_meeting_on",
        "disruption_learning",
        "no_strategy_discussion_reason",
    ]
    required_messages = {
        "moved_on": _("Enter the date of the move"),
        "provider": _("Choose who provides the placement"),
        "is_registered": _("Choose whether the setting is registered with Ofsted"),
        "is_planned": _("Select whether the move was planned"),
    }

    #: The fields about an unplanned ending, shown together under their own heading.
    disruption_fields = (
        "disruption_reasons",
        "is_disruption_meeting_held",
        "disruption_meeting_on",
        "disruption_learning",
    )

    def __init__(self, *args: Any, can_give_reason: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not can_give_reason:
            del self.fields["no_strategy_discussion_reason"]

    def service_error_fields(self) -> dict[str, str]:
        return {"on": "moved_on"}

    def main_fields(self) -> list[forms.BoundField]:
        return [
            self[name]
            for name in self.fields
            if name not in self.disruption_fields and name != "no_strategy_discussion_reason"
        ]

    def unplanned_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.disruption_fields]


class ChangeLegalStatusForm(CaseworkForm):
    """The legal basis on which the child is looked after changes."""

    changed_on = date_field(_("Date the legal status changed"))
    legal_status = choose(
        _("New legal status"),
        coded(LegalStatus.choices),
        _("Choose the legal status"),
        help_text=_("SSDA903 legal status (LS)"),
    )
    required_messages = {"changed_on": _("Enter the date the legal status changed")}

    def service_error_fields(self) -> dict[str, str]:
        return {"on": "changed_on"}


class EndCareForm(CaseworkForm):
    """The child ceases to be looked after."""

    ended_on = date_field(_("Date the child ceased to be looked after"))
    reason = choose(
        _("Why the child ceased to be looked after"),
        coded(ReasonEpisodeCeased.choices, exclude=frozenset({"X1"})),
        _("Choose the reason"),
        help_text=_("SSDA903 reason episode ceased (REC)"),
    )
    required_messages = {
        "ended_on": _("Enter the date the child ceased to be looked after"),
        "reason": _("Choose why the child ceased to be looked after"),
    }

    def service_error_fields(self) -> dict[str, str]:
        return {"on": "ended_on"}


def placement_label(placement: Placement) -> str:
    name = placement.setting_name or _("Unnamed setting")
    return _("%(name)s, from %(date)s") % {
        "name": name,
        "date": long_date(placement.start_on),
    }


class ApproveUnregisteredForm(CaseworkForm):
    """A senior manager approves a placement in an unregistered setting (finding 24)."""

    placement = forms.ModelChoiceField(
        label=_("Which placement?"),
        queryset=Placement.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose a placement waiting for approval")},
    )
    approved_on = date_field(_("Date of the approval"))
    rationale = text_area(
        _("Why this setting is right for the child for now"),
        rows=6,
        required=True,
        help_text=_("The checks made, how the child will be kept safe, and the plan to move"),
    )
    required_messages = {
        "placement": _("Choose the placement"),
        "approved_on": _("Enter the date of the approval"),
        "rationale": _("Enter why this unregistered setting is right for the child for now"),
    }

    def __init__(
        self, *args: Any, placements: QuerySet, chosen: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.choose_one(
            "placement", placements, chosen, label=placement_label, caption=_("Placement")
        )
