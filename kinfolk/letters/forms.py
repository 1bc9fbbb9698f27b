"""What a letter's page asks for: the recipient, the facts the letter states and its
free-text parts. Each form writes the letter's subject and paragraphs from what it was given;
the fixed paragraphs are the template's, the others the worker's (docs/printing.md).

All the wording is synthetic placeholder text, to be replaced by each authority's own."""

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinfolk.casework.models import Assessment
from kinfolk.core.dates import long_date
from kinfolk.core.forms import CaseworkForm, date_field, text_area
from kinfolk.people.models import Child, Relationship
from kinfolk.protection.choices import ConferenceKind
from kinfolk.protection.models import Conference

#: The recipient choice for a person who is not among the child's recorded adults.
SOMEONE_ELSE = "other"
#: The relationships whose adults a letter may be addressed to.
FAMILY_KINDS = ("mother", "father", "carer", "other")


def family_adults(child: Child) -> list[Relationship]:
    """The adults recorded in the child's relationships: the parents and carers first."""
    order = {kind: n for n, kind in enumerate(FAMILY_KINDS)}
    relationships = list(
        child.relationships.filter(other_adult__isnull=False, kind__in=FAMILY_KINDS)
        .select_related("other_adult")
        .order_by("pk")
    )
    return sorted(relationships, key=lambda r: order.get(r.kind, 9))


class LetterForm(CaseworkForm):
    """The part of every letter's form that says who it goes to."""

    recipient = forms.ChoiceField(
        label=gettext_lazy("Who is the letter to?"), widget=forms.RadioSelect
    )
    recipient_name = forms.CharField(
        label=gettext_lazy("Name of the person the letter is to"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Only when the letter is to someone else"),
    )
    recipient_address = text_area(
        gettext_lazy("Address"),
        rows=4,
        required=True,
        help_text=gettext_lazy("Each line of the address on a line of its own"),
    )
    required_messages = {
        "recipient": gettext_lazy("Choose who the letter is to"),
        "recipient_address": gettext_lazy("Enter the address the letter goes to"),
    }

    def __init__(self, *args: Any, child: Child, chosen: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.child = child
        self.adults = {str(r.other_adult_id): r for r in family_adults(child)}
        self.fields["recipient"].choices = [
            (key, f"{r.other_adult.full_name} ({r.get_kind_display().lower()})")
            for key, r in self.adults.items()
        ] + [(SOMEONE_ELSE, _("Someone else"))]
        address = child.addresses.filter(end_on__isnull=True).first()
        if address is not None and not self.is_bound:
            self.initial.setdefault(
                "recipient_address",
                "\n".join(
                    p for p in (address.line_1, address.line_2, address.town, address.postcode) if p
                ),
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        recipient = data.get("recipient")
        if recipient == SOMEONE_ELSE:
            if not data.get("recipient_name", "").strip():
                self.add_error("recipient_name", _("Enter the name of the person the letter is to"))
        elif recipient in self.adults:
            data["recipient_name"] = self.adults[recipient].other_adult.full_name
        return data

    # What each kind of letter says.
    def subject(self) -> str:
        raise NotImplementedError

    def paragraphs(self) -> list[str]:
        raise NotImplementedError

    def records(self) -> dict[str, Any]:
        """The records the letter is about, for the service (a conference, an assessment)."""
        return {}


class ConferenceInvitationForm(LetterForm):
    """An invitation to a child protection conference: when and where, and what it is for.
    Opened from a recorded conference (``?conference=``), it takes the kind and the date."""

    conference_kind = forms.ChoiceField(
        label=gettext_lazy("Kind of conference"),
        choices=ConferenceKind.choices,
        widget=forms.RadioSelect,
    )
    meeting_on = date_field(gettext_lazy("Date of the conference"))
    meeting_time = forms.CharField(
        label=gettext_lazy("Time"), max_length=40, help_text=gettext_lazy("For example, 10am")
    )
    place = forms.CharField(label=gettext_lazy("Where the conference is held"), max_length=300)
    purpose = text_area(
        gettext_lazy("What the conference is for"),
        rows=5,
        required=True,
        help_text=gettext_lazy("In plain words, for the family"),
    )
    required_messages = {
        **LetterForm.required_messages,
        "conference_kind": gettext_lazy("Choose the kind of conference"),
        "meeting_on": gettext_lazy("Enter the date of the conference"),
        "meeting_time": gettext_lazy("Enter the time of the conference"),
        "place": gettext_lazy("Enter where the conference is held"),
        "purpose": gettext_lazy("Say what the conference is for"),
    }

    def __init__(self, *args: Any, child: Child, chosen: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, child=child, **kwargs)
        self.conference = (
            Conference.objects.filter(child=child, pk=chosen).first() if chosen else None
        )
        if not self.is_bound:
            if self.conference is not None:
                self.initial.setdefault("conference_kind", self.conference.kind)
                self.initial.setdefault("meeting_on", self.conference.held_on)
            self.initial.setdefault(
                "purpose",
                _(
                    "The conference brings together your family and the people who work with "
                    "%(name)s to share what is going well and what worries us, and to decide "
                    "whether %(name)s needs a child protection plan."
                )
                % {"name": child.first_name},
            )

    def subject(self) -> str:
        kind = dict(ConferenceKind.choices)[self.cleaned_data["conference_kind"]]
        return _("%(kind)s about %(name)s") % {"kind": kind, "name": self.child.full_name}

    def paragraphs(self) -> list[str]:
        data = self.cleaned_data
        return [
            _(
                "You are invited to a child protection conference about %(name)s. It will be "
                "held on %(date)s at %(time)s, at %(place)s."
            )
            % {
                "name": self.child.full_name,
                "date": long_date(data["meeting_on"]),
                "time": data["meeting_time"],
                "place": data["place"],
            },
            data["purpose"].strip(),
            _(
                "Your views matter. The chair will meet you before the conference starts. You "
                "may bring a friend, a relative or an advocate with you, and you may get advice "
                "from a solicitor."
            ),
            _(
                "If you cannot come, or you need an interpreter or help to get there, please "
                "tell your social worker as soon as you can."
            ),
        ]

    def records(self) -> dict[str, Any]:
        return {"conference": self.conference}


class AssessmentOutcomeForm(LetterForm):
    """The outcome of an authorised assessment: what was found and what happens next."""

    assessment = forms.ModelChoiceField(
        label=gettext_lazy("Which assessment?"),
        queryset=Assessment.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    findings = text_area(
        gettext_lazy("What the assessment found"),
        rows=6,
        required=True,
        help_text=gettext_lazy("In plain words, for the family"),
    )
    next_steps = text_area(gettext_lazy("What happens next"), rows=4, required=True)
    required_messages = {
        **LetterForm.required_messages,
        "assessment": gettext_lazy("Choose the assessment"),
        "findings": gettext_lazy("Say what the assessment found"),
        "next_steps": gettext_lazy("Say what happens next"),
    }

    def __init__(self, *args: Any, child: Child, chosen: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, child=child, **kwargs)
        self.choose_one(
            "assessment",
            Assessment.objects.filter(child=child, authorised_on__isnull=False).order_by(
                "-authorised_on", "-pk"
            ),
            chosen,
            label=lambda a: _("Authorised on %(date)s") % {"date": long_date(a.authorised_on)},
            caption=_("Assessment"),
        )

    def subject(self) -> str:
        return _("The assessment of %(name)s's needs") % {"name": self.child.full_name}

    def paragraphs(self) -> list[str]:
        assessment = self.cleaned_data["assessment"]
        return [
            _(
                "We have finished the assessment of %(name)s's needs. It started on %(start)s "
                "and was completed on %(end)s. Thank you for the time you gave to it."
            )
            % {
                "name": self.child.first_name,
                "start": long_date(assessment.started_on),
                "end": long_date(assessment.authorised_on),
            },
            self.cleaned_data["findings"].strip(),
            self.cleaned_data["next_steps"].strip(),
            _(
                "You may ask for a copy of the assessment. If you do not agree with it, tell "
                "your social worker: what you say will be added to the record."
            ),
        ]

    def records(self) -> dict[str, Any]:
        return {"assessment": self.cleaned_data["assessment"]}


class BeforeProceedingsForm(LetterForm):
    """The letter before proceedings to the parents: the concerns, what must change, the
    meeting, the right to free legal advice and the offer of a family group decision-making
    meeting."""

    concerns = text_area(
        gettext_lazy("What the local authority is worried about"), rows=6, required=True
    )
    must_change = text_area(gettext_lazy("What must change, and by when"), rows=6, required=True)
    meeting_on = date_field(gettext_lazy("Date of the pre-proceedings meeting"))
    meeting_time = forms.CharField(label=gettext_lazy("Time"), max_length=40)
    place = forms.CharField(label=gettext_lazy("Where the meeting is held"), max_length=300)
    required_messages = {
        **LetterForm.required_messages,
        "concerns": gettext_lazy("Say what the local authority is worried about"),
        "must_change": gettext_lazy("Say what must change"),
        "meeting_on": gettext_lazy("Enter the date of the meeting"),
        "meeting_time": gettext_lazy("Enter the time of the meeting"),
        "place": gettext_lazy("Enter where the meeting is held"),
    }

    def subject(self) -> str:
        return _("Letter before proceedings about %(name)s") % {"name": self.child.full_name}

    def paragraphs(self) -> list[str]:
        data = self.cleaned_data
        return [
            _(
                "We are writing because we are very worried about %(name)s. We are thinking "
                "about asking the family court to make decisions about %(name)s's care. Before "
                "we do, we want to meet you to talk about how this can be avoided."
            )
            % {"name": self.child.first_name},
            _("What we are worried about:") + "\n" + data["concerns"].strip(),
            _("What must change:") + "\n" + data["must_change"].strip(),
            _(
                "The meeting will be on %(date)s at %(time)s, at %(place)s. Please come, and "
                "bring your solicitor."
            )
            % {
                "date": long_date(data["meeting_on"]),
                "time": data["meeting_time"],
                "place": data["place"],
            },
            _(
                "Take this letter to a solicitor straight away. You have the right to free "
                "legal advice: because you have this letter, legal aid pays for it whatever "
                "your income. A list of local solicitors who work with families is enclosed."
            ),
            _(
                "We would like to offer your family a family group decision-making meeting, "
                "where your family and friends can make a plan to keep %(name)s safe. Tell "
                "your social worker if you would like one."
            )
            % {"name": self.child.first_name},
        ]


#: The form of each kind of letter.
LETTER_FORMS: dict[str, type[LetterForm]] = {
    "conference_invitation": ConferenceInvitationForm,
    "assessment_outcome": AssessmentOutcomeForm,
    "before_proceedings": BeforeProceedingsForm,
}
