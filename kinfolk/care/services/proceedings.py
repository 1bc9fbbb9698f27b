"""Recording pre-proceedings under the Public Law Outline and care proceedings (docs/domain.md
stages 13 and 14, findings 11 and 13).

A legal gateway (legal planning) meeting decides whether to start pre-proceedings, to issue
care proceedings or that the threshold is not met. Pre-proceedings need a letter before
proceedings that says plainly what the concerns are, what the parents must do and by when,
the support offered, and what happens if things do not change: each part is required,
because inspectors found letters unclear about what parents had to do. Pre-proceedings are
tracked in weeks against an alert (``KINFOLK_PLO_ALERT_WEEKS``, 16 unless set); care
proceedings against 26 weeks (Children Act 1989 s32(1)(a)).

Every function runs in one transaction, writes the chronology and publishes
``casework_changed``; a refusal raises ``ValidationError`` keyed by field and changes nothing.
"""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinfolk.care.models.proceedings import (
    CareProceedings,
    CourtHearing,
    FinalOrder,
    GatewayDecision,
    HearingKind,
    PreProceedings,
    PreProceedingsMeeting,
    PreProceedingsOutcome,
)
from kinfolk.casework.services import check_not_future, lock_child
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.core.guards import Guard, open_record_facts
from kinfolk.people.models import Child


def plo_alert_weeks() -> int:
    """The weeks in pre-proceedings after which the record shows an alert."""
    return settings.KINFOLK_PLO_ALERT_WEEKS


def open_pre_proceedings(child: Child) -> PreProceedings | None:
    """The child's pre-proceedings that have not ended, if any."""
    return PreProceedings.objects.filter(child=child, end_on__isnull=True).first()


def open_proceedings(child: Child) -> CareProceedings | None:
    """The child's care proceedings still waiting for the final order, if any."""
    return CareProceedings.objects.filter(child=child, final_order_on__isnull=True).first()


#: The letter, meetings and end of pre-proceedings are recorded while they are open.
IN_PRE_PROCEEDINGS: Guard[Child] = Guard(
    name="in-pre-proceedings",
    message=gettext_lazy(
        "%(subject)s is not in pre-proceedings: record the legal gateway meeting first"
    ),
    holds=lambda child: open_pre_proceedings(child) is not None,
)

#: A legal gateway meeting starts pre-proceedings, so none may be open already.
NOT_IN_PRE_PROCEEDINGS: Guard[Child] = Guard(
    name="not-in-pre-proceedings",
    message=gettext_lazy("%(subject)s has been in pre-proceedings since %(date)s"),
    holds=lambda child: open_pre_proceedings(child) is None,
    facts=open_record_facts(open_pre_proceedings, "gateway_on"),
    field="held_on",
)

#: Hearings and the final order are recorded in open care proceedings.
PROCEEDINGS_OPEN: Guard[Child] = Guard(
    name="proceedings-open",
    message=gettext_lazy("%(subject)s has no care proceedings open"),
    holds=lambda child: open_proceedings(child) is not None,
)

#: Care proceedings are issued when none are open.
NO_PROCEEDINGS_OPEN: Guard[Child] = Guard(
    name="no-proceedings-open",
    message=gettext_lazy("Care proceedings for %(subject)s were issued on %(date)s"),
    holds=lambda child: open_proceedings(child) is None,
    facts=open_record_facts(open_proceedings, "issued_on"),
    field="issued_on",
)


def _open_pre_proceedings(child: Child, on: dt.date, field: str) -> PreProceedings:
    """The child's open pre-proceedings, which must have started on or before ``on``."""
    record = open_pre_proceedings(child)
    if record is None:
        raise ValidationError({field: IN_PRE_PROCEEDINGS.render(child)})
    if on < record.gateway_on:
        raise ValidationError(
            {
                field: _("This is before the legal gateway meeting of %(date)s")
                % {"date": long_date(record.gateway_on)}
            }
        )
    return record


def _open_proceedings(child: Child, on: dt.date, field: str) -> CareProceedings:
    proceedings = open_proceedings(child)
    if proceedings is None:
        raise ValidationError({field: PROCEEDINGS_OPEN.render(child)})
    if on < proceedings.issued_on:
        raise ValidationError(
            {
                field: _("This is before the proceedings were issued, on %(date)s")
                % {"date": long_date(proceedings.issued_on)}
            }
        )
    return proceedings


def _entry(child: Child, on: dt.date, summary: str, detail: str, actor: Actor | None) -> None:
    add_entry(
        child_id=child.pk,
        occurred_on=on,
        kind=EntryKind.PROCEEDINGS,
        summary=summary,
        detail=detail,
        is_significant=True,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)


@transaction.atomic
def record_legal_gateway(
    *,
    child: Child,
    held_on: dt.date,
    decision: str,
    rationale: str,
    actor: Actor | None = None,
) -> PreProceedings:
    """A legal gateway meeting decides whether the threshold for proceedings is met and what
    to do: start pre-proceedings, issue care proceedings, or continue the current plan. Only
    a decision to start pre-proceedings leaves the record open."""
    child = lock_child(child)
    check_not_future(held_on, "held_on", _("date of the legal gateway meeting"))
    if decision not in GatewayDecision.values:
        raise ValidationError({"decision": _("Choose the decision of the meeting")})
    if not rationale.strip():
        raise ValidationError({"rationale": _("Enter the reasons for the decision")})
    NOT_IN_PRE_PROCEEDINGS.check(child)
    is_open = decision == GatewayDecision.PRE_PROCEEDINGS
    record = PreProceedings.objects.create(
        child=child,
        gateway_on=held_on,
        gateway_decision=decision,
        gateway_rationale=rationale.strip(),
        end_on=None if is_open else held_on,
        outcome=(
            ""
            if is_open
            else PreProceedingsOutcome.PROCEEDINGS
            if decision == GatewayDecision.ISSUE
            else PreProceedingsOutcome.OTHER
        ),
        recorded_by=staff_member(actor),
    )
    _entry(
        child,
        held_on,
        _("Legal gateway meeting: %(decision)s")
        % {"decision": record.get_gateway_decision_display()},
        rationale.strip(),
        actor,
    )
    return record


@transaction.atomic
def send_letter_before_proceedings(
    *,
    child: Child,
    sent_on: dt.date,
    concerns: str,
    expectations: str,
    expectations_due_on: dt.date | None,
    support_offered: str,
    consequences: str,
    actor: Actor | None = None,
) -> PreProceedings:
    """The letter before proceedings: every section is required, and the date by which the
    parents must make the changes comes after the letter (docs/domain.md finding 13)."""
    child = lock_child(child)
    check_not_future(sent_on, "sent_on", _("date the letter was sent"))
    record = _open_pre_proceedings(child, sent_on, "sent_on")
    if record.letter_sent_on is not None:  # record.has_letter
        raise ValidationError(
            {
                "sent_on": _("The letter before proceedings was sent on %(date)s")
                % {"date": long_date(record.letter_sent_on)}
            }
        )
    sections = {
        "concerns": (concerns, _("Enter the concerns, in words the parents will understand")),
        "expectations": (expectations, _("Enter what the parents must do")),
        "support_offered": (support_offered, _("Enter the support offered to the parents")),
        "consequences": (consequences, _("Enter what happens if things do not change")),
    }
    for field, (text, message) in sections.items():
        if not text.strip():
            raise ValidationError({field: message})
    if expectations_due_on is None:
        raise ValidationError(
            {"expectations_due_on": _("Enter the date by which the parents must make the changes")}
        )
    if expectations_due_on <= sent_on:
        raise ValidationError(
            {"expectations_due_on": _("The date for the changes must be after the letter is sent")}
        )
    record.letter_sent_on = sent_on
    record.concerns = concerns.strip()
    record.expectations = expectations.strip()
    record.expectations_due_on = expectations_due_on
    record.support_offered = support_offered.strip()
    record.consequences = consequences.strip()
    record.save()
    _entry(
        child,
        sent_on,
        _("Letter before proceedings sent: changes due by %(date)s")
        % {"date": long_date(expectations_due_on)},
        expectations.strip(),
        actor,
    )
    return record


@transaction.atomic
def record_pre_proceedings_meeting(
    *,
    child: Child,
    held_on: dt.date,
    summary: str,
    actor: Actor | None = None,
) -> PreProceedingsMeeting:
    """A pre-proceedings meeting with the parents and their lawyers."""
    child = lock_child(child)
    check_not_future(held_on, "held_on", _("date of the meeting"))
    record = _open_pre_proceedings(child, held_on, "held_on")
    if not summary.strip():
        raise ValidationError({"summary": _("Enter what was agreed at the meeting")})
    meeting = PreProceedingsMeeting.objects.create(
        pre_proceedings=record,
        held_on=held_on,
        summary=summary.strip(),
        recorded_by=staff_member(actor),
    )
    _entry(child, held_on, _("Pre-proceedings meeting"), summary.strip(), actor)
    return meeting


@transaction.atomic
def end_pre_proceedings(
    *,
    child: Child,
    ended_on: dt.date,
    outcome: str,
    actor: Actor | None = None,
) -> PreProceedings:
    """Pre-proceedings end: the concerns reduced, proceedings were issued, or otherwise."""
    child = lock_child(child)
    check_not_future(ended_on, "ended_on", _("date pre-proceedings ended"))
    if outcome not in PreProceedingsOutcome.values:
        raise ValidationError({"outcome": _("Choose how pre-proceedings ended")})
    record = _open_pre_proceedings(child, ended_on, "ended_on")
    record.outcome = outcome
    record.end_on = ended_on
    record.save()
    _entry(
        child,
        ended_on,
        _("Pre-proceedings ended: %(outcome)s") % {"outcome": record.get_outcome_display()},
        "",
        actor,
    )
    return record


@transaction.atomic
def issue_care_proceedings(
    *,
    child: Child,
    issued_on: dt.date,
    actor: Actor | None = None,
) -> CareProceedings:
    """The authority applies to the court for a care or supervision order. Open
    pre-proceedings end that day with the outcome "care proceedings issued"."""
    child = lock_child(child)
    check_not_future(issued_on, "issued_on", _("date proceedings were issued"))
    NO_PROCEEDINGS_OPEN.check(child)
    pre = PreProceedings.objects.filter(child=child, end_on__isnull=True).first()
    if pre is not None:
        if issued_on < pre.gateway_on:
            raise ValidationError(
                {
                    "issued_on": _("This is before the legal gateway meeting of %(date)s")
                    % {"date": long_date(pre.gateway_on)}
                }
            )
        pre.end_on = issued_on
        pre.outcome = PreProceedingsOutcome.PROCEEDINGS
        pre.save()
    proceedings = CareProceedings.objects.create(
        child=child, issued_on=issued_on, recorded_by=staff_member(actor)
    )
    _entry(child, issued_on, _("Care proceedings issued"), "", actor)
    return proceedings


@transaction.atomic
def record_hearing(
    *,
    child: Child,
    held_on: dt.date,
    kind: str,
    actor: Actor | None = None,
) -> CourtHearing:
    """A hearing in the open care proceedings."""
    child = lock_child(child)
    check_not_future(held_on, "held_on", _("date of the hearing"))
    if kind not in HearingKind.values:
        raise ValidationError({"kind": _("Choose the kind of hearing")})
    proceedings = _open_proceedings(child, held_on, "held_on")
    hearing = CourtHearing.objects.create(
        proceedings=proceedings, held_on=held_on, kind=kind, recorded_by=staff_member(actor)
    )
    _entry(child, held_on, hearing.get_kind_display(), "", actor)
    return hearing


@transaction.atomic
def conclude_care_proceedings(
    *,
    child: Child,
    final_order_on: dt.date,
    final_order: str,
    actor: Actor | None = None,
) -> CareProceedings:
    """The court makes its final order, or the application is withdrawn. A change of legal
    status that follows is recorded separately, on the care page."""
    child = lock_child(child)
    check_not_future(final_order_on, "final_order_on", _("date of the final order"))
    if final_order not in FinalOrder.values:
        raise ValidationError({"final_order": _("Choose the final order")})
    proceedings = _open_proceedings(child, final_order_on, "final_order_on")
    proceedings.final_order = final_order
    proceedings.final_order_on = final_order_on
    proceedings.save()
    _entry(
        child,
        final_order_on,
        _("Care proceedings concluded: %(order)s")
        % {"order": proceedings.get_final_order_display()},
        "",
        actor,
    )
    return proceedings
