"""Forms for the health, education, missing and exploitation pages of a child in care.

The forms only parse what was typed. The rules (looked after on the date, one initial
assessment, one open missing episode, a score or a reason for an SDQ) live in
``kinfolk.care.services.health``, whose messages the forms show next to the field they are
about. A moment (went missing, returned, interview) is entered as a GOV.UK date and a time,
and given to the service as a date-time in Europe/London.
"""

import datetime as dt
import re
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kinfolk.care.models import (
    ExploitationKind,
    HealthAssessment,
    HealthAssessmentKind,
    HealthConsent,
    HealthPlanAction,
    MissingEpisode,
    PEPQuality,
    PersonalEducationPlan,
    PupilProgress,
    RiskLevel,
    SENStatus,
)
from kinfolk.care.services.health import ActionInput, long_datetime
from kinfolk.core.codes import MissingKind, SDQReason
from kinfolk.core.forms import CaseworkForm, date_field, text_area, yes_no_field
from kinfolk.core.working_days import LONDON

TIME_HINT = _("Use the 24-hour clock, for example 21:30")
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


def text_field(label: Any, *, required: bool = True, max_length: int = 200, **kwargs: Any):
    return forms.CharField(label=label, required=required, max_length=max_length, **kwargs)


def radios(label: Any, choices: Any, **kwargs: Any) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=choices, widget=forms.RadioSelect, **kwargs)


def time_field(label: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=TIME_HINT,
        max_length=5,
        widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-5"}),
    )


class MomentForm(CaseworkForm):
    """A form with moments entered as a date field ``<name>_on`` and a time ``<name>_time``;
    ``moments`` names them, and ``cleaned_data["<name>_at"]`` is the date-time."""

    moments: tuple[str, ...] = ()

    def service_error_fields(self) -> dict[str, str]:
        return {f"{name}_at": f"{name}_on" for name in self.moments}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for name in self.moments:
            day, time = data.get(f"{name}_on"), data.get(f"{name}_time")
            if time is not None:
                match = _TIME.match(time.strip())
                if match is None:
                    self.add_error(f"{name}_time", _("Enter a real time, like 09:15 or 21:30"))
                    continue
                if day is not None:
                    data[f"{name}_at"] = dt.datetime.combine(
                        day, dt.time(int(match[1]), int(match[2])), tzinfo=LONDON
                    )
        return data


class RowsMixin:
    """A form with rows of what, who and by when, shown as one fieldset each after the other
    fields (``row_prefix``, ``row_count``, ``row_legend``)."""

    row_prefix: str = ""
    row_count: int = 0
    row_legend: Any = ""
    row_hint: Any = ""

    def _row_names(self) -> set[str]:
        return {
            f"{self.row_prefix}_{n}_{part}"
            for n in range(1, self.row_count + 1)
            for part in ("description", "owner", "due_on")
        }

    def main_fields(self) -> list[forms.BoundField]:
        names = self._row_names()
        return [f for f in self.visible_fields() if f.name not in names]  # type: ignore[attr-defined]

    def rows(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [
            (
                f"{self.row_legend} {n}",
                [
                    self[f"{self.row_prefix}_{n}_{part}"]  # type: ignore[index]
                    for part in ("description", "owner", "due_on")
                ],
            )
            for n in range(1, self.row_count + 1)
        ]


def _action_rows(form: forms.Form, count: int, prefix: str, what: Any) -> None:
    """Add ``count`` optional rows of what, who and by when."""
    for number in range(1, count + 1):
        form.fields[f"{prefix}_{number}_description"] = text_field(
            what,
            required=False,
            max_length=300,
            widget=forms.TextInput(attrs={"class": "govuk-input"}),
        )
        form.fields[f"{prefix}_{number}_owner"] = text_field(
            _("Who"),
            required=False,
            widget=forms.TextInput(attrs={"class": "govuk-input govuk-!-width-two-thirds"}),
        )
        form.fields[f"{prefix}_{number}_due_on"] = date_field(_("By when"), required=False)


def _cleaned_rows(form: forms.Form, data: dict, count: int, prefix: str) -> list[ActionInput]:
    """The rows that were filled in; a row half filled in is an error on its first gap."""
    rows = []
    for number in range(1, count + 1):
        names = [f"{prefix}_{number}_{part}" for part in ("description", "owner", "due_on")]
        values = [data.get(name) for name in names]
        if not any(values):
            continue
        messages = [_("Enter what needs to happen"), _("Enter who will do it"), _("Enter when")]
        missing = [(n, m) for n, v, m in zip(names, values, messages, strict=True) if not v]
        if missing:
            if missing[0][0] not in form.errors:
                form.add_error(*missing[0])
            continue
        rows.append(ActionInput(values[0], values[1], values[2]))
    return rows


class HealthAssessmentForm(RowsMixin, CaseworkForm):
    """A statutory health assessment, with the first actions of its health plan."""

    row_prefix, row_count, row_legend = "action", 2, _("Health plan action")
    row_hint = _("If the plan has actions: what needs to happen, who will do it and by when")

    assessed_on = date_field(_("Date of the assessment"))
    kind = radios(_("Kind of assessment"), HealthAssessmentKind.choices)
    assessed_by = text_field(
        _("Who carried out the assessment"), help_text=_("Name and role, for example Dr Rao, GP")
    )
    consent = radios(_("Who consented"), HealthConsent.choices)
    is_health_passport_given = yes_no_field(
        _("Was a health passport given?"),
        required=False,
        help_text=_("Young people get a health passport from age 11"),
    )
    summary = text_area(_("Summary of health needs"))
    required_messages = {
        "assessed_on": _("Enter the date of the assessment"),
        "kind": _("Choose initial or review health assessment"),
        "assessed_by": _("Enter who carried out the assessment"),
        "consent": _("Choose who consented to the assessment"),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _action_rows(self, 2, "action", _("What needs to happen"))

    def service_error_fields(self) -> dict[str, str]:
        return {"actions": "action_1_description"}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["actions"] = _cleaned_rows(self, data, 2, "action")
        return data


def action_label(action: HealthPlanAction) -> str:
    return _("%(what)s (%(owner)s, due %(date)s)") % {
        "what": action.description,
        "owner": action.owner,
        "date": action.due_on.strftime("%-d %B %Y"),
    }


class HealthPlanActionForm(CaseworkForm):
    """An action added to the health plan of an assessment."""

    assessment = forms.ModelChoiceField(
        label=_("Which assessment?"),
        queryset=HealthAssessment.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    description = text_field(_("What needs to happen"), max_length=300)
    owner = text_field(_("Who will do it"))
    due_on = date_field(_("Due by"))
    required_messages = {
        "description": _("Enter what needs to happen"),
        "owner": _("Enter who will do it"),
        "due_on": _("Enter when it is due"),
    }

    def __init__(
        self, *args: Any, assessments: QuerySet, chosen: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.choose_one(
            "assessment",
            assessments,
            chosen,
            label=lambda a: (
                _("%(kind)s on %(date)s")
                % {"kind": a.get_kind_display(), "date": a.assessed_on.strftime("%-d %B %Y")}
            ),
            caption=_("Assessment"),
        )


class HealthPlanActionDoneForm(CaseworkForm):
    """An action of a health plan that was done."""

    action = forms.ModelChoiceField(
        label=_("Which action?"),
        queryset=HealthPlanAction.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    done_on = date_field(_("Date done"))
    required_messages = {"done_on": _("Enter the date the action was done")}

    def __init__(self, *args: Any, actions: QuerySet, chosen: str | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.choose_one("action", actions, chosen, label=action_label, caption=_("Action"))


class OutcomeForm(CaseworkForm):
    """A dated OC2 item: dental or development check, conviction."""

    recorded_on = date_field(_("Date"))
    notes = text_area(_("Notes"), rows=3)
    required_messages = {"recorded_on": _("Enter the date")}


class ImmunisationsForm(OutcomeForm):
    is_up_to_date = yes_no_field(_("Are the child's immunisations up to date?"))
    required_messages = {
        "recorded_on": _("Enter the date"),
        "is_up_to_date": _("Say whether the immunisations are up to date"),
    }
    field_order = ["recorded_on", "is_up_to_date", "notes"]


class SDQForm(OutcomeForm):
    score = forms.IntegerField(
        label=_("SDQ score"),
        required=False,
        min_value=0,
        max_value=40,
        help_text=_("The total difficulties score, from 0 to 40"),
        widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-3"}),
        error_messages={
            "invalid": _("The SDQ score must be a whole number from 0 to 40"),
            "min_value": _("The SDQ score must be from 0 to 40"),
            "max_value": _("The SDQ score must be from 0 to 40"),
        },
    )
    reason = forms.ChoiceField(
        label=_("Or, why the SDQ was not completed"),
        choices=[("", _("It was completed")), *SDQReason.choices],
        required=False,
    )
    field_order = ["recorded_on", "score", "reason", "notes"]


class SubstanceMisuseForm(OutcomeForm):
    is_intervention_received = yes_no_field(
        _("Did the child receive an intervention?"), required=False
    )
    is_intervention_offered = yes_no_field(
        _("If not, was one offered and refused?"), required=False
    )
    field_order = ["recorded_on", "is_intervention_received", "is_intervention_offered", "notes"]


class PEPForm(RowsMixin, CaseworkForm):
    """A personal education plan with up to three SMART targets (docs/domain.md findings 55, 56,
    66)."""

    row_prefix, row_count, row_legend = "target", 3, _("SMART target")
    row_hint = _("At least one target: what, who and by when")

    made_on = date_field(_("Date of the PEP meeting"))
    school = text_field(_("School or setting"))
    is_out_of_area = yes_no_field(_("Is the school outside the authority?"), required=False)
    sen_status = radios(_("Special educational needs"), SENStatus.choices, required=False)
    child_views = text_area(_("The child's views"), required=True)
    pupil_premium = forms.DecimalField(
        label=_("Pupil premium plus this term (£)"),
        required=False,
        min_value=0,
        max_digits=8,
        decimal_places=2,
        widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-10"}),
        error_messages={"invalid": _("Enter an amount, like 600")},
    )
    pupil_premium_spending = text_area(_("How the pupil premium is spent"), rows=3)
    attendance_percent = forms.DecimalField(
        label=_("Attendance this term (%)"),
        required=False,
        max_digits=4,
        decimal_places=1,
        widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-4"}),
        error_messages={"invalid": _("Enter attendance as a number, like 95.5")},
    )
    suspensions = forms.IntegerField(
        label=_("Suspensions this term"),
        required=False,
        min_value=0,
        widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-3"}),
        error_messages={"invalid": _("Enter the number of suspensions, like 0")},
    )
    is_permanently_excluded = yes_no_field(_("Permanently excluded?"), required=False)
    progress = radios(_("Progress"), PupilProgress.choices, required=False)
    attainment = text_area(_("Attainment"), rows=3)
    aspirations = text_area(_("The child's aspirations"), rows=3)
    required_messages = {
        "made_on": _("Enter the date of the PEP meeting"),
        "school": _("Enter the school or setting"),
        "child_views": _("Enter the child's views"),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _action_rows(self, 3, "target", _("What the target is"))

    def service_error_fields(self) -> dict[str, str]:
        return {"targets": "target_1_description"}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["targets"] = _cleaned_rows(self, data, 3, "target")
        return data


def pep_label(pep: PersonalEducationPlan) -> str:
    return _("PEP of %(date)s") % {"date": pep.made_on.strftime("%-d %B %Y")}


class PEPRatingForm(CaseworkForm):
    """The virtual school's quality rating of a PEP."""

    pep = forms.ModelChoiceField(
        label=_("Which PEP?"),
        queryset=PersonalEducationPlan.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    quality = radios(_("Quality of the PEP"), PEPQuality.choices)
    rated_on = date_field(_("Date rated"))
    required_messages = {"quality": _("Choose the quality rating")}

    def __init__(self, *args: Any, peps: QuerySet, chosen: str | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.choose_one("pep", peps, chosen, label=pep_label, caption=_("PEP"))


class MissingStartForm(MomentForm):
    moments = ("started",)
    kind = radios(_("Missing or away?"), MissingKind.choices)
    started_on = date_field(_("Date the child went missing"))
    started_time = time_field(_("Time the child went missing"))
    is_police_informed = yes_no_field(_("Were the police informed?"))
    police_reference = text_field(_("Police reference"), required=False, max_length=50)
    required_messages = {
        "kind": _("Choose missing or away without authorisation"),
        "started_on": _("Enter the date the child went missing"),
        "started_time": _("Enter the time the child went missing"),
        "is_police_informed": _("Say whether the police were informed"),
    }


class MissingEndForm(MomentForm):
    moments = ("ended",)
    ended_on = date_field(_("Date the child returned or was found"))
    ended_time = time_field(_("Time the child returned or was found"))
    where_found = text_area(_("Where the child was found"), rows=3, required=True)
    required_messages = {
        "ended_on": _("Enter the date the child returned"),
        "ended_time": _("Enter the time the child returned"),
        "where_found": _("Enter where the child was found"),
    }


def episode_label(episode: MissingEpisode) -> str:
    return _("%(kind)s from %(start)s, returned %(end)s") % {
        "kind": episode.get_kind_display(),
        "start": long_datetime(episode.started_at),
        "end": long_datetime(episode.ended_at) if episode.ended_at else "",
    }


class ReturnedEpisodeForm(MomentForm):
    episode = forms.ModelChoiceField(
        label=_("Which missing episode?"),
        queryset=MissingEpisode.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, episodes: QuerySet, chosen: str | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.choose_one("episode", episodes, chosen, label=episode_label, caption=_("Episode"))


class ReturnInterviewOfferForm(ReturnedEpisodeForm):
    moments = ("offered",)
    offered_on = date_field(_("Date the return interview was offered"))
    offered_time = time_field(_("Time the return interview was offered"))
    required_messages = {
        "offered_on": _("Enter the date the interview was offered"),
        "offered_time": _("Enter the time the interview was offered"),
    }


class ReturnInterviewForm(ReturnedEpisodeForm):
    moments = ("interview",)
    is_accepted = yes_no_field(_("Did the child accept the return interview?"))
    interview_on = date_field(
        _("Date of the interview"), help_text=_("Or the date the child declined it")
    )
    interview_time = time_field(_("Time of the interview"))
    interviewed_by = text_field(_("Who held the interview"), required=False)
    risk = radios(_("Level of risk"), RiskLevel.choices, required=False)
    push_factors = text_area(_("Push factors"), rows=3, help_text=_("What made the child leave"))
    pull_factors = text_area(_("Pull factors"), rows=3, help_text=_("What drew the child away"))
    required_messages = {
        "is_accepted": _("Say whether the child accepted the interview"),
        "interview_on": _("Enter the date of the interview"),
        "interview_time": _("Enter the time of the interview"),
    }


class ExploitationScreeningForm(CaseworkForm):
    screened_on = date_field(_("Date of the screening"))
    kind = radios(_("Kind of exploitation"), ExploitationKind.choices)
    risk_level = radios(_("Level of risk"), RiskLevel.choices)
    is_referred_to_complex_safeguarding = yes_no_field(
        _("Referred to the complex safeguarding team?")
    )
    notes = text_area(_("Notes"))
    required_messages = {
        "screened_on": _("Enter the date of the screening"),
        "kind": _("Choose the kind of exploitation screened for"),
        "risk_level": _("Choose the level of risk"),
        "is_referred_to_complex_safeguarding": _(
            "Say whether the child was referred to the complex safeguarding team"
        ),
    }


class UASCStartForm(CaseworkForm):
    start_on = date_field(_("Date UASC status began"))
    immigration_status = text_field(_("Immigration status"), required=False)
    required_messages = {"start_on": _("Enter the date UASC status began")}


class UASCEndForm(CaseworkForm):
    end_on = date_field(_("Date UASC status ceased"))
    required_messages = {"end_on": _("Enter the date UASC status ceased")}
