"""Forms for missing episodes, return interviews and exploitation screenings.

A moment (went missing, returned, interview) is entered as a GOV.UK date and a time
(``kinfolk.core.forms.MomentForm``). The rules (one open missing episode, episodes
that do not overlap) live in ``kinfolk.care.services.missing``.
"""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kinfolk.care.forms.fields import radios, text_field
from kinfolk.care.models import (
    ExploitationKind,
    MissingEpisode,
    RiskLevel,
)
from kinfolk.core.codes import MissingKind
from kinfolk.core.dates import long_datetime
from kinfolk.core.forms import (
    CaseworkForm,
    MomentForm,
    date_field,
    text_area,
    time_field,
    yes_no_field,
)


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
