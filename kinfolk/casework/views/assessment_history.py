"""What the worker draws the assessment's relevant history from: the child's chronology, and
the earlier referrals, assessments and plans of the child and of the children of the
household (docs/assessments.md)."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from kinfolk.casework.models import Assessment, ChildInNeedEpisode, Plan
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.core.dates import long_date
from kinfolk.people.models import Child, Relationship

#: How many chronology entries of the child the page lists beside the history section.
CHRONOLOGY_SHOWN = 40


@dataclass
class HouseholdChild:
    child: Child
    relationship: str
    records: list[str]


def relevant_history(child: Child, user: Any, current: Assessment) -> dict[str, Any]:
    """The records the relevant history is drawn from, newest first, for a read-only list."""
    entries = list(
        ChronologyEntry.objects.filter(child=child)
        .read_by(Child.objects.visible_to(user), reader=user)
        .order_by("-occurred_on", "-pk")[:CHRONOLOGY_SHOWN]
    )
    others = (
        Relationship.objects.filter(child=child, other_child__isnull=False)
        .filter(other_child__in=Child.objects.visible_to(user))
        .select_related("other_child")
    )
    household = []
    for relationship in others:
        other = relationship.other_child
        assert other is not None
        household.append(
            HouseholdChild(
                child=other,
                relationship=relationship.get_kind_display(),
                records=child_records(other),
            )
        )
    return {
        "entries": entries,
        "earlier": child_records(child, leave_out=current),
        "household": household,
    }


def child_records(child: Child, *, leave_out: Assessment | None = None) -> list[str]:
    """A child's referrals, assessments and plans, newest first, each a line saying what it
    was."""
    records: list[tuple[dt.date, str]] = []
    for episode in ChildInNeedEpisode.objects.filter(child=child):
        records.append(
            (
                episode.referral_on,
                _("%(date)s: referral (%(source)s)")
                % {
                    "date": long_date(episode.referral_on),
                    "source": episode.get_referral_source_display(),
                },
            )
        )
    for assessment in Assessment.objects.filter(child=child).exclude(
        pk=leave_out.pk if leave_out else None
    ):
        line = _("%(date)s: assessment started") % {"date": long_date(assessment.started_on)}
        if assessment.authorised_on:
            line += _(", authorised on %(date)s") % {"date": long_date(assessment.authorised_on)}
        records.append((assessment.started_on, line))
    for plan in Plan.objects.filter(child=child):
        line = _("%(date)s: %(plan)s") % {
            "date": long_date(plan.start_on),
            "plan": plan.get_kind_display().lower(),
        }
        if plan.end_on:
            line += _(", ended on %(date)s") % {"date": long_date(plan.end_on)}
        records.append((plan.start_on, line))
    return [line for _day, line in sorted(records, key=lambda r: r[0], reverse=True)]
