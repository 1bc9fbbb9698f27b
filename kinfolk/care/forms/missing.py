"""Forms for missing episodes, return interviews and exploitation screenings.

A moment (went missing, returned, interview) is entered as a GOV.UK date and a time, and given
to the service as a date-time in Europe/London. The rules (one open missing episode, episodes
that do not overlap) live in ``kinfolk.care.services.missing``.
"""

import datetime as dt
import re
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
from kinfolk.core.forms import CaseworkForm, date_field, text_area, yes_no_field
from kinfolk.core.working_days import LONDON

TIME_HINT = _("Use the 24-hour clock, for example 21:30")
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


def time_field(label: Any) -> forms.CharField:
    """A time of day on the 24-hour clock."""
    return forms.CharField(
        label=label,
        help_text=TIME_HINT,
        max_length=5,
        widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-5"}),
    )


class MomentForm(CaseworkForm):
    """A form with moments entered as a date field ``<name>_on`` and a time ``<name>_time``;
    ``moments`` names them, and ``cleaned_data["<name>_at"]`` is the date-time, in place of
    the two."""

    moments: tuple[str, ...] = ()

    def service_error_fields(self) -> dict[str, str]:
        return {f"{name}_at": f"{name}_on" for name in self.moments}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for name in self.moments:
            # The date and the time leave the cleaned data, which holds the moment instead.
            day, time = data.pop(f"{name}_on", None), data.pop(f"{name}_time", None)
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
