"""Journey events of assessments as documents (docs/journeys.md ``assessment_submitted`` and
``assessment_returned``): the content a worker submitted, and a manager's return with reasons.
An ``assessment_authorised`` after an ``assessment_submitted`` authorises the submitted
content."""

from typing import Any

from kinfolk.casework import services as casework
from kinfolk.casework.choices import AssessmentStatus
from kinfolk.casework.models import Assessment
from kinfolk.journeys import fields as f
from kinfolk.journeys.events import EventError, EventType, JourneyState

#: The sections of an ``assessment_submitted``: each a text, but the lists of text.
TEXTS = (
    "reason",
    "lived_experience",
    "child_views",
    "history",
    "parenting_capacity",
    "analysis",
    "recommendation",
)
LISTS = ("risks", "protective_factors")
SECTION_TEXT = f.text(50000)
#: Sections the assessment keeps under another name.
SECTION_FIELDS = {"history": "relevant_history"}


def sections(value: Any) -> dict[str, Any]:
    """The ``sections`` object: every section, and nothing else."""
    if not isinstance(value, dict):
        raise f.FieldError("must be an object of the assessment's sections")
    unknown = sorted(set(value) - {*TEXTS, *LISTS})
    if unknown:
        raise f.FieldError(f"unknown sections: {', '.join(unknown)}")
    missing = [name for name in (*TEXTS, *LISTS) if name not in value]
    if missing:
        raise f.FieldError(f"missing sections: {', '.join(missing)}")
    parsed: dict[str, Any] = {}
    for name in TEXTS:
        try:
            parsed[name] = SECTION_TEXT(value[name]) if value[name] else ""
        except f.FieldError as error:
            raise f.FieldError(f"{name} {error}") from None
    for name in LISTS:
        try:
            parsed[name] = f.text_list(value[name])
        except f.FieldError as error:
            raise f.FieldError(f"{name} {error}") from None
    return parsed


def _assessment_submitted(event: dict[str, Any], state: JourneyState) -> None:
    child = state.child(event["child"])
    content: dict[str, Any] = {
        **{SECTION_FIELDS.get(name, name): event["sections"][name] for name in TEXTS},
        **{
            name: [
                {"text": text, "source": "", "verification": ""} for text in event["sections"][name]
            ]
            for name in LISTS
        },
    }
    if "child_views_method" in event:
        content["child_views_method"] = event["child_views_method"]
    casework.submit_assessment(
        assessment=casework.find_open_assessment(child, event.get("id", "")),
        content=content,
        submitted_on=event["date"],
        actor=state.worker(event["by"]) if event.get("by") else None,
        is_imported=True,
    )


def _assessment_returned(event: dict[str, Any], state: JourneyState) -> None:
    child = state.child(event["child"])
    submitted = Assessment.objects.filter(child=child, status=AssessmentStatus.SUBMITTED)
    if event.get("id"):
        submitted = submitted.filter(reference=event["id"])
    assessment = submitted.order_by("started_on", "pk").first()
    if assessment is None:
        raise EventError("the child has no submitted assessment to return")
    casework.return_assessment(
        assessment=assessment,
        returned_on=event["date"],
        reasons=event["reason"],
        actor=state.worker(event["by"]) if event.get("by") else None,
        is_imported=True,
    )


EVENTS: list[EventType] = [
    EventType(
        "assessment_submitted",
        required={"child": f.identifier, "date": f.date, "sections": sections},
        optional={"id": f.text(40), "by": f.identifier, "child_views_method": f.text(500)},
        apply=_assessment_submitted,
    ),
    EventType(
        "assessment_returned",
        required={"child": f.identifier, "date": f.date, "reason": f.text(5000)},
        optional={"id": f.text(40), "by": f.identifier},
        apply=_assessment_returned,
    ),
]
