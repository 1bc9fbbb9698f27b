"""The forms of work that waits for a manager (docs/sign-off.md): a manager agreeing or
returning a closure or a plan, a worker sending a plan and answering a return."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kinfolk.casework.forms import OpenPlanForm
from kinfolk.core.forms import CaseworkForm, text_area


class ClosureDecisionForm(CaseworkForm):
    """A manager agrees a worker's request to close the case with a rationale, or returns it
    with reasons (docs/sign-off.md)."""

    AGREE, RETURN = "agree", "return"

    choice = forms.ChoiceField(
        label=_("Do you agree the case can close?"),
        choices=[(AGREE, _("Yes, close the case")), (RETURN, _("No, return it to the worker"))],
        widget=forms.RadioSelect,
    )
    rationale = text_area(
        _("Your rationale, or your reasons for returning it"),
        rows=6,
        help_text=_("The worker sees your reasons and must answer them"),
    )
    required_messages = {
        "choice": _("Choose whether you agree the case can close"),
        "rationale": _("Enter your rationale, or your reasons for returning the closure"),
    }


class ClosureAnswerForm(CaseworkForm):
    """The worker's answer to a manager's return of their closure request."""

    response = text_area(_("Your answer"), rows=6)
    summary = text_area(
        _("Summary of the work and why the case can close"),
        rows=6,
        required=False,
        help_text=_("Change it if your answer changes it; leave it to keep it as it is"),
    )
    required_messages = {"response": _("Enter your answer to the manager's reasons")}


class PlanSignOffForm(OpenPlanForm):
    """The worker asks a manager to agree an open plan as it stands."""

    note = text_area(
        _("What are you asking the manager to agree?"),
        rows=5,
        help_text=_("For example: the plan after the review, and what has changed in it"),
    )
    required_messages = {"note": _("Enter what you are asking the manager to agree")}


class PlanDecisionForm(CaseworkForm):
    """A manager agrees a plan with a rationale, or returns it with reasons (docs/sign-off.md)."""

    AGREE, RETURN = "agree", "return"

    choice = forms.ChoiceField(
        label=_("Do you agree the plan?"),
        choices=[(AGREE, _("Yes, agree the plan")), (RETURN, _("No, return it to the worker"))],
        widget=forms.RadioSelect,
    )
    rationale = text_area(
        _("Your rationale, or your reasons for returning it"),
        rows=6,
        help_text=_("The worker sees your reasons and must answer them"),
    )
    required_messages = {
        "choice": _("Choose whether you agree the plan"),
        "rationale": _("Enter your rationale, or your reasons for returning the plan"),
    }


class PlanAnswerForm(CaseworkForm):
    """The worker's answer to a manager's return of their plan."""

    response = text_area(
        _("Your answer"),
        rows=6,
        help_text=_("Say what you changed in the plan, or why it stays as it is"),
    )
    required_messages = {"response": _("Enter your answer to the manager's reasons")}
