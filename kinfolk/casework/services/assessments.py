"""Child and family assessments as documents (docs/assessments.md).

The worker starts an assessment, drafts it in sections (saved as they type, each save a new
version of the draft: a stale save is refused), and submits it. Each submission is kept as an
``AssessmentVersion``. A manager other than the author returns it with reasons, or authorises
it with a rationale once the checklist of docs/domain.md finding 42 is confirmed. One
assessment is open at a time in an episode.
"""

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinfolk.casework.choices import (
    AssessmentStatus,
    AuthorisationCheck,
    Verification,
    VersionOutcome,
)
from kinfolk.casework.models import Assessment, AssessmentVersion
from kinfolk.casework.services.common import check_not_future, episode_for_work, lock_child
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.codes import AssessmentFactor
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.core.guards import Guard
from kinfolk.people.models import Child

#: The written sections of an assessment, in the order the worker drafts them.
TEXT_SECTIONS = (
    "reason",
    "lived_experience",
    "child_views",
    "relevant_history",
    "parenting_capacity",
    "identity_needs",
    "analysis",
    "recommendation",
)
#: The lists of items: each ``{"text", "source", "verification"}``.
ITEM_SECTIONS = ("risks", "protective_factors")
#: Everything the draft holds and a version keeps.
ASSESSMENT_SECTIONS = (
    *TEXT_SECTIONS,
    *ITEM_SECTIONS,
    "child_views_on",
    "child_views_method",
    "factors",
    "is_child_seen",
    "is_child_seen_alone",
    "pre_birth_meeting_on",
    "neglect_tool",
)
#: The areas of the neglect tool, each scored 1 (best) to 5 (worst).
NEGLECT_AREAS = {
    "physical_care": gettext_lazy("Physical care"),
    "safety": gettext_lazy("Care of safety"),
    "love_and_care": gettext_lazy("Love and care"),
    "stimulation": gettext_lazy("Stimulation and education"),
    "parental_motivation": gettext_lazy("Parental motivation"),
}
NO_FACTORS = "21"

#: An assessment can be authorised or returned only while one is waiting for a manager.
ASSESSMENT_AWAITING_AUTHORISATION: Guard[Child] = Guard(
    name="assessment-awaiting-authorisation",
    message=gettext_lazy("There is no assessment waiting to be authorised."),
    holds=lambda child: Assessment.objects.filter(
        child=child, status=AssessmentStatus.SUBMITTED
    ).exists(),
)


@transaction.atomic
def start_assessment(
    *,
    child: Child,
    started_on: dt.date,
    reference: str = "",
    actor: Actor | None = None,
) -> Assessment:
    """Start a child and family assessment in the open episode; for an unborn child, a
    pre-birth assessment keyed to the expected date of birth."""
    child = lock_child(child)
    episode = episode_for_work(child, started_on, "started_on", _("assessment start date"))
    if reference and Assessment.objects.filter(child=child, reference=reference).exists():
        raise ValidationError(
            {"reference": _("An assessment %(id)s is already recorded") % {"id": reference}}
        )
    current = episode.assessments.filter(authorised_on__isnull=True).first()
    if current is not None:
        raise ValidationError(
            {
                "started_on": _(
                    "The assessment started on %(date)s is still open: there is one open "
                    "assessment at a time in an episode"
                )
                % {"date": long_date(current.started_on)}
            }
        )
    assessment = Assessment.objects.create(
        episode=episode,
        child=child,
        started_on=started_on,
        reference=reference,
        author=staff_member(actor),
        expected_birth_on=child.expected_date_of_birth if child.is_unborn else None,
    )
    add_entry(
        child_id=child.pk,
        occurred_on=started_on,
        kind=EntryKind.ASSESSMENT,
        summary=_("Pre-birth assessment started")
        if assessment.is_pre_birth
        else _("Assessment started"),
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return assessment


def find_open_assessment(child: Child, reference: str = "") -> Assessment:
    """The assessment named by ``reference``, or the child's oldest open assessment."""
    assessments = Assessment.objects.filter(child=child, authorised_on__isnull=True)
    if reference:
        assessments = assessments.filter(reference=reference)
    assessment = assessments.order_by("started_on", "pk").first()
    if assessment is None:
        raise ValidationError(
            {
                "assessment": _("%(child)s has no open assessment%(named)s")
                % {"child": child, "named": f" {reference}" if reference else ""}
            }
        )
    return assessment


def clean_items(items: Iterable[Mapping[str, Any]], field: str) -> list[dict[str, str]]:
    """Risks or protective factors as stored: the rows with text, each with its source and
    whether it was verified with that source."""
    cleaned = []
    for item in items:
        text = str(item.get("text", "")).strip()
        source = str(item.get("source", "")).strip()
        verification = str(item.get("verification", "")).strip()
        if not text:
            if source:
                raise ValidationError({field: _("Enter what each item is, or remove its source")})
            continue
        if verification and verification not in Verification.values:
            raise ValidationError({field: _("Choose whether each item was verified")})
        cleaned.append({"text": text, "source": source, "verification": verification})
    return cleaned


def clean_factors(factors: Sequence[str]) -> list[str]:
    unknown = [f for f in factors if f not in AssessmentFactor.values]
    if unknown:
        raise ValidationError(
            {"factors": _("Unknown factor codes: %(codes)s") % {"codes": ", ".join(unknown)}}
        )
    if NO_FACTORS in factors and len(set(factors)) > 1:
        raise ValidationError(
            {"factors": _("'No factors identified' cannot be chosen with other factors")}
        )
    return sorted(set(factors), key=list(AssessmentFactor.values).index)


def score(value: Any, message: str) -> int | None:
    """A neglect tool score, 1 to 5, or ``None`` when not scored."""
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if number not in range(1, 6):
        raise ValidationError({"neglect_tool": message})
    return number


def clean_neglect_tool(tool: Mapping[str, Any]) -> dict[str, Any]:
    """The neglect tool's scores: each area and the overall score, 1 to 5, or none at all."""
    areas = {}
    for area, value in (tool.get("areas") or {}).items():
        if area not in NEGLECT_AREAS:
            raise ValidationError({"neglect_tool": _("Unknown area of the neglect tool")})
        number = score(value, _("Each score is from 1 to 5"))
        if number is not None:
            areas[area] = number
    overall = score(tool.get("overall"), _("The overall score is from 1 to 5"))
    if not areas and overall is None:
        return {}
    return {"areas": areas, "overall": overall}


def apply_content(assessment: Assessment, content: Mapping[str, Any]) -> None:
    """Put the draft's sections on the assessment, cleaned; unknown keys are refused."""
    unknown = set(content) - set(ASSESSMENT_SECTIONS)
    if unknown:
        raise ValueError(f"not sections of an assessment: {sorted(unknown)}")
    for name in TEXT_SECTIONS:
        if name in content:
            setattr(assessment, name, (content[name] or "").strip())
    for name in ITEM_SECTIONS:
        if name in content:
            setattr(assessment, name, clean_items(content[name] or [], name))
    if "child_views_method" in content:
        assessment.child_views_method = (content["child_views_method"] or "").strip()
    for name, what in (
        ("child_views_on", _("date the views were gained")),
        ("pre_birth_meeting_on", _("date of the pre-birth planning meeting")),
    ):
        if name in content:
            day = content[name]
            if day is not None and name == "child_views_on":
                check_not_future(day, name, what)
            setattr(assessment, name, day)
    if "factors" in content:
        assessment.factors = clean_factors(content["factors"] or [])
    for name in ("is_child_seen", "is_child_seen_alone"):
        if name in content:
            setattr(assessment, name, content[name])
    if "neglect_tool" in content:
        assessment.neglect_tool = clean_neglect_tool(content["neglect_tool"] or {})
    if assessment.is_child_seen is False and assessment.is_child_seen_alone:
        raise ValidationError(
            {"is_child_seen_alone": _("The child cannot be seen alone without being seen")}
        )


def snapshot(assessment: Assessment) -> dict[str, Any]:
    """The sections as a version keeps them (dates as ISO text)."""
    content: dict[str, Any] = {}
    for name in ASSESSMENT_SECTIONS:
        value = getattr(assessment, name)
        content[name] = value.isoformat() if isinstance(value, dt.date) else value
    return content


def editable(assessment: Assessment, version: int | None) -> Assessment:
    """The assessment locked for a change by its worker: refused unless a draft or returned,
    and when someone saved it after ``version`` (``RecordChanged``)."""
    lock_child(assessment.child)
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if not assessment.is_editable:
        raise ValidationError(
            {
                "assessment": _("This assessment is %(status)s: it cannot be changed")
                % {"status": assessment.get_status_display().lower()}
            }
        )
    assessment.next_version(version)
    return assessment


@transaction.atomic
def save_assessment_draft(
    *,
    assessment: Assessment,
    content: Mapping[str, Any],
    version: int | None = None,
    actor: Actor | None = None,
) -> Assessment:
    """Save the worker's draft as it stands: nothing is required yet."""
    assessment = editable(assessment, version)
    apply_content(assessment, content)
    if assessment.author is None:
        assessment.author = staff_member(actor)
    assessment.save()
    return assessment


def missing_sections(assessment: Assessment) -> dict[str, str]:
    """What a submission needs that the draft lacks, by field."""
    missing: dict[str, str] = {}
    required = {
        "reason": _("Enter the reason for the assessment"),
        "lived_experience": _("Enter the child's lived experience"),
        "relevant_history": _("Enter the relevant history"),
        "parenting_capacity": _("Enter the parenting capacity"),
        "analysis": _("Enter the analysis"),
        "recommendation": _("Enter the recommendation"),
    }
    if not assessment.is_pre_birth:
        required["child_views"] = _("Enter the child's views, wishes and feelings")
        required["child_views_method"] = _("Enter how the child's views were gained")
    for name, message in required.items():
        if not getattr(assessment, name).strip():
            missing[name] = message
    if not assessment.is_pre_birth:
        if assessment.child_views_on is None:
            missing["child_views_on"] = _("Enter the date the child's views were gained")
        if assessment.is_child_seen is None:
            missing["is_child_seen"] = _("Select whether the child was seen")
        elif assessment.is_child_seen and assessment.is_child_seen_alone is None:
            missing["is_child_seen_alone"] = _("Select whether the child was seen alone")
    elif assessment.pre_birth_meeting_on is None:
        missing["pre_birth_meeting_on"] = _("Enter the date of the pre-birth planning meeting")
    if not assessment.factors:
        missing["factors"] = _("Choose the factors identified, or 'No factors identified'")
    for name in ITEM_SECTIONS:
        items = getattr(assessment, name)
        if any(not item["source"] or not item["verification"] for item in items):
            missing[name] = _("Give the source of each item and whether it was verified with it")
    return missing


@transaction.atomic
def submit_assessment(
    *,
    assessment: Assessment,
    content: Mapping[str, Any],
    submitted_on: dt.date | None = None,
    version: int | None = None,
    actor: Actor | None = None,
    is_imported: bool = False,
) -> Assessment:
    """Save the draft and send it to a manager, keeping it as the next version.

    On a page every section is required (``missing_sections``); history loaded from another
    system is kept as it came.
    """
    submitted_on = submitted_on or timezone.localdate()
    assessment = editable(assessment, version)
    apply_content(assessment, content)
    check_not_future(submitted_on, "submitted_on", _("date of submission"))
    if not is_imported:
        missing = missing_sections(assessment)
        if missing:
            raise ValidationError(missing)
    if assessment.author is None:
        assessment.author = staff_member(actor)
    assessment.status = AssessmentStatus.SUBMITTED
    assessment.save()
    number = assessment.versions.count() + 1
    AssessmentVersion.objects.create(
        assessment=assessment,
        number=number,
        content=snapshot(assessment),
        submitted_on=submitted_on,
        submitted_at=None if is_imported else timezone.now(),
        submitted_by=staff_member(actor),
    )
    add_entry(
        child_id=assessment.child_id,
        occurred_on=submitted_on,
        kind=EntryKind.ASSESSMENT,
        summary=_("Assessment submitted to a manager (version %(number)d)") % {"number": number},
        recorded_by=actor,
    )
    publish_casework_changed(assessment.child_id)
    return assessment


def awaiting(assessment: Assessment, field: str) -> tuple[Assessment, AssessmentVersion]:
    """The assessment, locked, and its submitted version waiting for a manager."""
    lock_child(assessment.child)
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if assessment.status != AssessmentStatus.SUBMITTED:
        raise ValidationError({field: _("This assessment is not waiting for a manager")})
    latest = assessment.versions.order_by("-number").first()
    assert latest is not None  # a submitted assessment has a version
    return assessment, latest


def before_submission(day: dt.date, version: AssessmentVersion, field: str) -> None:
    """Refuse a manager's decision dated before the version it is about was submitted."""
    if day < version.submitted_on:
        raise ValidationError(
            {
                field: _("The decision cannot be before the assessment was submitted, on %(date)s")
                % {"date": long_date(version.submitted_on)}
            }
        )


@transaction.atomic
def return_assessment(
    *,
    assessment: Assessment,
    returned_on: dt.date,
    reasons: str,
    actor: Actor | None = None,
    is_imported: bool = False,
) -> Assessment:
    """A manager returns a submitted assessment to its worker with the reasons."""
    assessment, latest = awaiting(assessment, "reasons")
    check_not_future(returned_on, "returned_on", _("date returned"))
    before_submission(returned_on, latest, "returned_on")
    if not reasons.strip():
        raise ValidationError({"reasons": _("Enter the reasons for returning the assessment")})
    if not is_imported and actor is not None and assessment.author_id == actor.pk:
        raise ValidationError({"reasons": _("Another manager returns an assessment you wrote")})
    assessment.status = AssessmentStatus.RETURNED
    assessment.next_version(None)
    assessment.save()
    latest.outcome = VersionOutcome.RETURNED
    latest.response = reasons.strip()
    latest.responded_on = returned_on
    latest.responded_by = staff_member(actor)
    latest.save()
    add_entry(
        child_id=assessment.child_id,
        occurred_on=returned_on,
        kind=EntryKind.ASSESSMENT,
        summary=_("Assessment returned for changes"),
        detail=reasons.strip(),
        recorded_by=actor,
    )
    publish_casework_changed(assessment.child_id)
    return assessment


@transaction.atomic
def authorise_assessment(
    *,
    assessment: Assessment,
    authorised_on: dt.date,
    factors: Sequence[str] | None = None,
    is_child_seen: bool | None = None,
    rationale: str = "",
    checklist: Sequence[str] = (),
    authorised_by: Actor | None = None,
    is_imported: bool = False,
) -> Assessment:
    """A manager authorises (completes) a submitted assessment with a rationale, having
    confirmed each check of docs/domain.md finding 42; not the assessment's own author.

    History from another system may authorise an assessment never submitted, with the factors
    it carries: it is marked as imported without content. One that was submitted is
    authorised with its submitted content.
    """
    lock_child(assessment.child)
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if assessment.authorised_on is not None:
        raise ValidationError({"authorised_on": _("This assessment is already authorised")})
    check_not_future(authorised_on, "authorised_on", _("authorisation date"))
    if authorised_on < assessment.started_on:
        raise ValidationError(
            {
                "authorised_on": _(
                    "The assessment cannot be authorised before it started on %(date)s"
                )
                % {"date": long_date(assessment.started_on)}
            }
        )
    submitted = assessment.status == AssessmentStatus.SUBMITTED
    if not is_imported and not submitted:
        raise ValidationError(
            {"assessment": _("The worker submits the assessment before it is authorised")}
        )
    if factors is not None:
        assessment.factors = clean_factors(factors)
    if not assessment.factors:
        raise ValidationError(
            {"factors": _("Choose the factors identified, or 'No factors identified'")}
        )
    if is_child_seen is not None:
        assessment.is_child_seen = is_child_seen
    if not is_imported:
        if authorised_by is not None and assessment.author_id == authorised_by.pk:
            raise ValidationError(
                {"assessment": _("Another manager authorises an assessment you wrote")}
            )
        latest = assessment.versions.order_by("-number").first()
        if latest is not None:
            before_submission(authorised_on, latest, "authorised_on")
        unchecked = [c for c in AuthorisationCheck.values if c not in checklist]
        if unchecked:
            raise ValidationError(
                {"checklist": _("Confirm each check before authorising the assessment")}
            )
        if not rationale.strip():
            raise ValidationError({"rationale": _("Enter the rationale for authorising")})
    assessment.authorised_on = authorised_on
    assessment.authorised_by = staff_member(authorised_by)
    assessment.rationale = rationale.strip()
    assessment.is_imported = is_imported and not submitted
    assessment.status = AssessmentStatus.AUTHORISED
    assessment.next_version(None)
    assessment.save()
    latest = assessment.versions.order_by("-number").first()
    if submitted and latest is not None:
        latest.outcome = VersionOutcome.AUTHORISED
        latest.response = rationale.strip()
        latest.checklist = list(checklist)
        latest.responded_on = authorised_on
        latest.responded_by = staff_member(authorised_by)
        latest.save()
    add_entry(
        child_id=assessment.child_id,
        occurred_on=authorised_on,
        kind=EntryKind.ASSESSMENT,
        summary=_("Assessment authorised"),
        detail=rationale.strip(),
        is_significant=True,
        recorded_by=authorised_by,
    )
    publish_casework_changed(assessment.child_id)
    return assessment


def decide_assessment(
    *,
    assessment: Assessment,
    decision: str,
    decided_on: dt.date,
    checklist: Sequence[str] = (),
    rationale: str = "",
    reasons: str = "",
    actor: Actor | None = None,
) -> Assessment:
    """The manager's decision on the page: authorise, or return with reasons."""
    if decision == "return":
        return return_assessment(
            assessment=assessment, returned_on=decided_on, reasons=reasons, actor=actor
        )
    return authorise_assessment(
        assessment=assessment,
        authorised_on=decided_on,
        rationale=rationale,
        checklist=checklist,
        authorised_by=actor,
    )
