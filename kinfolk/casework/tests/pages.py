"""Helpers for testing the casework and child protection pages: form data, the counts of
records that must not change when a page refuses, and how an error must be shown."""

import datetime as dt
from typing import Any

from django.http import HttpResponse
from django.urls import reverse
from django.utils.html import escape

from kinfolk.casework.models import (
    Assessment,
    ChildInNeedEpisode,
    Plan,
    PlanAction,
    PlanOutcome,
    Visit,
)
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.people.models import Child
from kinfolk.protection.models import (
    Conference,
    CoreGroupMeeting,
    Section47Enquiry,
    StrategyDiscussion,
)

#: Every casework and child protection page about one child, and whether it is for
#: managers only.
PAGES = {
    "casework:child-casework": False,
    "casework:referral-create": False,
    "casework:assessment-create": False,
    "casework:assessment-authorise": True,
    "casework:child-in-need-plan-create": False,
    "casework:child-in-need-plan-end": False,
    "casework:contingency-edit": False,
    "casework:outcome-create": False,
    "casework:action-create": False,
    "casework:action-edit": False,
    "casework:visit-create": False,
    "casework:episode-close": False,
    "casework:closure-decide": True,
    "protection:strategy-discussion-create": False,
    "protection:strategy-action-done": False,
    "protection:section-47-create": False,
    "protection:section-47-end": True,
    "protection:initial-conference-create": False,
    "protection:review-conference-create": False,
    "protection:core-group-create": False,
    "protection:core-group-minutes-review": False,
    "protection:child-protection-plan-end": True,
}


def page(name: str, child: Child, query: str = "") -> str:
    return reverse(name, args=[child.pk]) + query


def date_data(name: str, day: dt.date) -> dict[str, str]:
    """A date as the GOV.UK date input posts it."""
    return {
        f"{name}_day": str(day.day),
        f"{name}_month": str(day.month),
        f"{name}_year": str(day.year),
    }


def record_counts(child: Child) -> dict[str, int]:
    """How many casework records of each kind the child has, with the chronology."""
    return {
        "episodes": ChildInNeedEpisode.objects.filter(child=child).count(),
        "open episodes": ChildInNeedEpisode.objects.filter(child=child, closed_on=None).count(),
        "assessments": Assessment.objects.filter(child=child).count(),
        "authorised": Assessment.objects.filter(child=child, authorised_on__isnull=False).count(),
        "plans": Plan.objects.filter(child=child).count(),
        "open plans": Plan.objects.filter(child=child, end_on=None).count(),
        "outcomes": PlanOutcome.objects.filter(plan__child=child).count(),
        "evidence": PlanOutcome.objects.filter(plan__child=child).exclude(evidence="").count(),
        "actions": PlanAction.objects.filter(plan__child=child).count(),
        "visits": Visit.objects.filter(child=child).count(),
        "strategy discussions": StrategyDiscussion.objects.filter(child=child).count(),
        "enquiries": Section47Enquiry.objects.filter(child=child).count(),
        "open enquiries": Section47Enquiry.objects.filter(child=child, ended_on=None).count(),
        "conferences": Conference.objects.filter(child=child).count(),
        "core groups": CoreGroupMeeting.objects.filter(child=child).count(),
        "chronology": ChronologyEntry.objects.filter(child=child).count(),
    }


def assert_refused(response: HttpResponse, field: str | None, message: str) -> None:
    """The page was shown again with ``message`` next to ``field`` and in the error summary
    (or, for ``field=None``, at the top of the error summary)."""
    assert response.status_code == 200
    form = response.context["form"]
    html = response.content.decode()
    assert '<div class="govuk-error-summary" data-module="govuk-error-summary">' in html
    if field is None:
        assert form.non_field_errors() == [message]
        assert f'<li><a href="#main-content">{escape(message)}</a></li>' in html
        return
    assert form.errors == {field: [message]}
    shown = (
        f'<p id="id_{field}-error" class="govuk-error-message">'
        f'<span class="govuk-visually-hidden">Error:</span> {escape(message)}</p>'
    )
    assert shown in html
    assert f"{escape(message)}</a></li>" in html


def post_data(**values: Any) -> dict[str, Any]:
    """Form data, with dates given as ``dt.date`` spread into day, month and year."""
    data: dict[str, Any] = {}
    for name, value in values.items():
        if isinstance(value, dt.date):
            data.update(date_data(name, value))
        else:
            data[name] = value
    return data
