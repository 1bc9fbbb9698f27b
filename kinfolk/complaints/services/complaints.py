"""Recording a complaint and taking it through its stages (docs/complaints.md): receipt at
stage 1, an extension of stage 1 or 2 with its reason, the response at each stage, the
request for stage 2 (an investigation) or stage 3 (a review panel), and withdrawal.

Every function locks the child, checks, writes, adds the chronology entry and publishes the
change, so that the duties complaint-stage1-10wd and complaint-stage2-25wd follow at once.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinfolk.casework.services import check_not_future, lock_child
from kinfolk.chronology.services import add_entry
from kinfolk.complaints.choices import Complainant, ComplaintStatus, Outcome, Stage
from kinfolk.complaints.models import Complaint, ComplaintResponse, ComplaintTheme
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.people.models import Child
from kinfolk.workforce.models import Team

STAGE_WORDS = {1: gettext_lazy("stage 1"), 2: gettext_lazy("stage 2"), 3: gettext_lazy("stage 3")}


def _refuse(field: str, message: str) -> ValidationError:
    return ValidationError({field: message})


def _not_before(day: dt.date, earliest: dt.date, field: str, what: str) -> None:
    if day < earliest:
        raise _refuse(
            field,
            _("The %(what)s cannot be before %(date)s")
            % {"what": what, "date": long_date(earliest)},
        )


def _locked(complaint: Complaint) -> Complaint:
    """The complaint as it is now, with its child locked: what was checked still holds when
    the change commits."""
    lock_child(complaint.child)
    return Complaint.objects.select_related("child", "theme").get(pk=complaint.pk)


def _check_open(complaint: Complaint, field: str) -> None:
    if complaint.withdrawn_on is not None:
        raise _refuse(
            field,
            _("The complaint was withdrawn on %(date)s")
            % {"date": long_date(complaint.withdrawn_on)},
        )


@transaction.atomic
def record_complaint(
    *,
    child: Child,
    received_on: dt.date,
    complainant: str,
    complainant_name: str = "",
    complainant_contact: str = "",
    team: Team | None = None,
    service_area: str = "",
    theme: ComplaintTheme | None = None,
    theme_detail: str = "",
    summary: str = "",
    is_advocate_offered: bool | None = None,
    advocate_offered_on: dt.date | None = None,
    is_advocate_accepted: bool | None = None,
    advocate_name: str = "",
    handled_by: Actor | None = None,
    reference: str = "",
    actor: Actor | None = None,
    is_imported: bool = False,
) -> Complaint:
    """Record a complaint received at stage 1. The complaints manager who handles it is
    ``handled_by``, or the person recording it.

    A complaint typed on the page says who complained, by name, what it is about (a theme of
    the list or in words) and the complaint itself; when the child complains, whether they
    were offered an advocate, and when.
    """
    child = lock_child(child)
    check_not_future(received_on, "received_on", _("date the complaint was received"))
    if complainant not in Complainant.values:
        raise _refuse("complainant", _("Choose who made the complaint"))
    if reference and Complaint.objects.filter(reference=reference).exists():
        raise _refuse("reference", _("A complaint %(id)s is already recorded") % {"id": reference})
    if (
        theme is not None
        and not is_imported
        and not ComplaintTheme.objects.filter(pk=theme.pk, is_active=True).exists()
    ):
        raise _refuse("theme", _("The theme %(theme)s is no longer used") % {"theme": theme})
    if not is_imported:
        if not complainant_name.strip():
            raise _refuse("complainant_name", _("Enter the name of the person who complained"))
        if theme is None and not theme_detail.strip():
            raise _refuse("theme", _("Choose a theme or describe what the complaint is about"))
        if not summary.strip():
            raise _refuse("summary", _("Enter the complaint in the complainant's words"))
    advocacy = _check_advocacy(
        complainant=complainant,
        received_on=received_on,
        is_offered=is_advocate_offered,
        offered_on=advocate_offered_on,
        is_accepted=is_advocate_accepted,
        name=advocate_name,
        required=not is_imported,
    )
    handler = handled_by or staff_member(actor)
    complaint = Complaint.objects.create(
        child=child,
        reference=reference,
        received_on=received_on,
        complainant=complainant,
        complainant_name=complainant_name.strip(),
        complainant_contact=complainant_contact.strip(),
        team=team,
        service_area=service_area.strip(),
        theme=theme,
        theme_detail=theme_detail.strip(),
        summary=summary.strip(),
        handled_by=handler,
        recorded_by=staff_member(actor),
        is_imported=is_imported,
        **advocacy,
    )
    add_entry(
        child_id=child.pk,
        occurred_on=received_on,
        kind="complaint",
        summary=_("Complaint received from %(who)s")
        % {"who": str(complaint.get_complainant_display()).lower()},
        detail=complaint.theme_label,
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return complaint


def _check_advocacy(
    *,
    complainant: str,
    received_on: dt.date,
    is_offered: bool | None,
    offered_on: dt.date | None,
    is_accepted: bool | None,
    name: str,
    required: bool,
) -> dict:
    """The advocacy fields, checked: a child who complains is asked whether they were
    offered an advocate, and if so when and whether they accepted."""
    if complainant != Complainant.CHILD:
        if is_offered is None:
            return {}
        required = False
    if is_offered is None:
        if required:
            raise _refuse("is_advocate_offered", _("Say whether the child was offered an advocate"))
        return {}
    if not is_offered:
        return {"is_advocate_offered": False}
    if offered_on is None:
        raise _refuse("advocate_offered_on", _("Enter the date the advocate was offered"))
    check_not_future(offered_on, "advocate_offered_on", _("date the advocate was offered"))
    if is_accepted is None:
        raise _refuse("is_advocate_accepted", _("Say whether the child accepted an advocate"))
    return {
        "is_advocate_offered": True,
        "advocate_offered_on": offered_on,
        "is_advocate_accepted": is_accepted,
        "advocate_name": name.strip() if is_accepted else "",
    }


@transaction.atomic
def record_advocacy(
    *,
    complaint: Complaint,
    is_advocate_offered: bool | None,
    advocate_offered_on: dt.date | None = None,
    is_advocate_accepted: bool | None = None,
    advocate_name: str = "",
    actor: Actor | None = None,
) -> Complaint:
    """Record (or bring up to date) the advocate offered to the child for a complaint."""
    complaint = _locked(complaint)
    advocacy = _check_advocacy(
        complainant=Complainant.CHILD,
        received_on=complaint.received_on,
        is_offered=is_advocate_offered,
        offered_on=advocate_offered_on,
        is_accepted=is_advocate_accepted,
        name=advocate_name,
        required=True,
    )
    for name in ("advocate_offered_on", "is_advocate_accepted"):
        setattr(complaint, name, None)
    complaint.advocate_name = ""
    for name, value in advocacy.items():
        setattr(complaint, name, value)
    complaint.save()
    publish_casework_changed(complaint.child_id)
    return complaint


@transaction.atomic
def extend_stage(
    *,
    complaint: Complaint,
    stage: int,
    extended_on: dt.date,
    reason: str = "",
    actor: Actor | None = None,
    is_imported: bool = False,
) -> Complaint:
    """Record an extension of stage 1 (to 20 working days) or stage 2 (to 65), with why."""
    complaint = _locked(complaint)
    _check_open(complaint, "extended_on")
    if stage not in (1, 2):
        raise _refuse("stage", _("Only stage 1 or stage 2 can be extended"))
    if complaint.stage != stage:
        raise _refuse(
            "stage",
            _("The complaint is at %(now)s, not %(stage)s")
            % {"now": STAGE_WORDS[complaint.stage], "stage": STAGE_WORDS[stage]},
        )
    if complaint.is_extended(stage):
        raise _refuse(
            "extended_on",
            _("The extension of %(stage)s is already recorded") % {"stage": STAGE_WORDS[stage]},
        )
    if complaint.responses.filter(stage=stage).exists():
        raise _refuse(
            "extended_on",
            _("The %(stage)s response is already recorded") % {"stage": STAGE_WORDS[stage]},
        )
    check_not_future(extended_on, "extended_on", _("date of the extension"))
    started = complaint.stage_started_on(stage)
    assert started is not None
    _not_before(extended_on, started, "extended_on", _("extension"))
    if not is_imported and not reason.strip():
        raise _refuse("reason", _("Enter why more time is needed"))
    setattr(complaint, f"stage{stage}_extended_on", extended_on)
    setattr(complaint, f"stage{stage}_extension_reason", reason.strip())
    complaint.save()
    due_on = complaint.due_on(stage)
    assert due_on is not None
    add_entry(
        child_id=complaint.child_id,
        occurred_on=extended_on,
        kind="complaint",
        summary=_("Complaint: %(stage)s extended, now due %(date)s")
        % {"stage": STAGE_WORDS[stage], "date": long_date(due_on)},
        detail=reason.strip(),
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(complaint.child_id)
    return complaint


@transaction.atomic
def record_response(
    *,
    complaint: Complaint,
    stage: int,
    responded_on: dt.date,
    outcome: str,
    response: str = "",
    actor: Actor | None = None,
    is_imported: bool = False,
) -> ComplaintResponse:
    """Record the response at the complaint's current stage, with its outcome."""
    complaint = _locked(complaint)
    _check_open(complaint, "responded_on")
    if stage not in Stage.values:
        raise _refuse("stage", _("Choose stage 1, 2 or 3"))
    if complaint.stage != stage:
        raise _refuse(
            "stage",
            _("The complaint is at %(now)s, not %(stage)s")
            % {"now": STAGE_WORDS[complaint.stage], "stage": STAGE_WORDS[stage]},
        )
    if complaint.responses.filter(stage=stage).exists():
        raise _refuse(
            "responded_on",
            _("The %(stage)s response is already recorded") % {"stage": STAGE_WORDS[stage]},
        )
    if outcome not in Outcome.values:
        raise _refuse("outcome", _("Choose whether the complaint was upheld"))
    check_not_future(responded_on, "responded_on", _("date of the response"))
    started = complaint.stage_started_on(stage)
    assert started is not None
    _not_before(responded_on, started, "responded_on", _("response"))
    if not is_imported and not response.strip():
        raise _refuse("response", _("Enter the response given to the complainant"))
    answer = ComplaintResponse.objects.create(
        complaint=complaint,
        child_id=complaint.child_id,
        stage=stage,
        responded_on=responded_on,
        outcome=outcome,
        response=response.strip(),
        recorded_by=staff_member(actor),
        is_imported=is_imported,
    )
    complaint.status = ComplaintStatus.RESPONDED
    complaint.save(update_fields=["status"])
    add_entry(
        child_id=complaint.child_id,
        occurred_on=responded_on,
        kind="complaint_response",
        summary=_("Complaint: %(stage)s response, %(outcome)s")
        % {"stage": STAGE_WORDS[stage], "outcome": answer.get_outcome_display().lower()},
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(complaint.child_id)
    return answer


@transaction.atomic
def escalate_complaint(
    *,
    complaint: Complaint,
    stage: int,
    requested_on: dt.date,
    investigator: str = "",
    independent_person: str = "",
    panel_on: dt.date | None = None,
    actor: Actor | None = None,
    is_imported: bool = False,
) -> Complaint:
    """Record the complainant's request for stage 2 (an investigation, with the investigating
    officer and the independent person named) or stage 3 (a review panel, with its date once
    set). A complainant may ask for the next stage before the last stage's response is late
    or after it: the request opens the next stage either way."""
    complaint = _locked(complaint)
    _check_open(complaint, "requested_on")
    if stage not in (2, 3):
        raise _refuse("stage", _("A complaint can be escalated to stage 2 or stage 3"))
    if complaint.stage != stage - 1:
        raise _refuse(
            "stage",
            _("The complaint is at %(now)s: it can be escalated only to the next stage")
            % {"now": STAGE_WORDS[complaint.stage]},
        )
    check_not_future(requested_on, "requested_on", _("date of the request"))
    started = complaint.stage_started_on(stage - 1)
    assert started is not None
    _not_before(requested_on, started, "requested_on", _("request"))
    if stage == 2 and not is_imported:
        if not investigator.strip():
            raise _refuse("investigator", _("Enter the name of the investigating officer"))
        if not independent_person.strip():
            raise _refuse("independent_person", _("Enter the name of the independent person"))
    if panel_on is not None:
        _not_before(panel_on, requested_on, "panel_on", _("review panel"))
    if stage == 2:
        complaint.stage2_requested_on = requested_on
        complaint.investigator = investigator.strip()
        complaint.independent_person = independent_person.strip()
    else:
        complaint.stage3_requested_on = requested_on
        complaint.panel_on = panel_on
    complaint.stage = stage
    complaint.status = ComplaintStatus.OPEN
    complaint.save()
    add_entry(
        child_id=complaint.child_id,
        occurred_on=requested_on,
        kind="complaint_escalated",
        summary=_("Complaint escalated to %(stage)s") % {"stage": STAGE_WORDS[stage]},
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(complaint.child_id)
    return complaint


@transaction.atomic
def set_panel_date(
    *, complaint: Complaint, panel_on: dt.date, actor: Actor | None = None
) -> Complaint:
    """Record the date of the stage 3 review panel once it is arranged."""
    complaint = _locked(complaint)
    _check_open(complaint, "panel_on")
    if complaint.stage3_requested_on is None:
        raise _refuse("panel_on", _("A review panel has not been requested"))
    _not_before(panel_on, complaint.stage3_requested_on, "panel_on", _("review panel"))
    complaint.panel_on = panel_on
    complaint.save(update_fields=["panel_on"])
    publish_casework_changed(complaint.child_id)
    return complaint


@transaction.atomic
def withdraw_complaint(
    *,
    complaint: Complaint,
    withdrawn_on: dt.date,
    reason: str = "",
    actor: Actor | None = None,
    is_imported: bool = False,
) -> Complaint:
    """Record that the complainant withdrew the complaint: its open duty ends."""
    complaint = _locked(complaint)
    _check_open(complaint, "withdrawn_on")
    if complaint.status != ComplaintStatus.OPEN:
        raise _refuse(
            "withdrawn_on",
            _("The complaint was answered at %(stage)s and has not been escalated")
            % {"stage": STAGE_WORDS[complaint.stage]},
        )
    check_not_future(withdrawn_on, "withdrawn_on", _("date of the withdrawal"))
    started = complaint.stage_started_on(complaint.stage)
    assert started is not None
    _not_before(withdrawn_on, started, "withdrawn_on", _("withdrawal"))
    if not is_imported and not reason.strip():
        raise _refuse("reason", _("Enter why the complaint was withdrawn"))
    complaint.withdrawn_on = withdrawn_on
    complaint.withdrawal_reason = reason.strip()
    complaint.status = ComplaintStatus.WITHDRAWN
    complaint.save()
    add_entry(
        child_id=complaint.child_id,
        occurred_on=withdrawn_on,
        kind="complaint_withdrawn",
        summary=_("Complaint withdrawn at %(stage)s") % {"stage": STAGE_WORDS[complaint.stage]},
        detail=reason.strip(),
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(complaint.child_id)
    return complaint
