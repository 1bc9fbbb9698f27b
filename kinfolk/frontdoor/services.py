"""Recording front-door work: contacts, screening decisions, a manager's sign-off or return
of a decision and the worker's answer, a contact's urgency and deadline, and early help."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinfolk.casework.services import check_not_future
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.codes import ReferralSource
from kinfolk.core.dates import long_date, long_datetime
from kinfolk.core.events import publish_casework_changed
from kinfolk.frontdoor.choices import ReturnState, ScreeningOutcome, Urgency
from kinfolk.frontdoor.models import Contact, EarlyHelpEpisode, ScreeningDecision, ScreeningReturn
from kinfolk.people.models import Child
from kinfolk.people.services import lock_child


@transaction.atomic
def record_contact(
    *,
    child: Child,
    received_at: dt.datetime,
    source: str,
    concern: str = "",
    contact_person: str = "",
    reference: str = "",
    is_domestic_abuse: bool = False,
    actor: Actor | None = None,
) -> Contact:
    """Record a contact received at the front door."""
    if received_at > timezone.now():
        raise ValidationError({"received_at": _("The contact must have been received already")})
    if source not in ReferralSource.values:
        raise ValidationError({"source": _("Choose where the contact came from")})
    if reference and Contact.objects.filter(child=child, reference=reference).exists():
        raise ValidationError(
            {"reference": _("A contact %(id)s is already recorded") % {"id": reference}}
        )
    contact = Contact.objects.create(
        child=child,
        received_at=received_at,
        source=source,
        concern=concern.strip(),
        contact_person=contact_person.strip(),
        reference=reference,
        is_domestic_abuse=is_domestic_abuse,
        recorded_by=staff_member(actor),
    )
    add_entry(
        child_id=child.pk,
        occurred_on=timezone.localtime(received_at).date(),
        kind=EntryKind.CONTACT,
        summary=_("Contact from %(source)s") % {"source": contact.get_source_display()},
        detail=concern.strip(),
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return contact


def find_unscreened_contact(child: Child, reference: str = "") -> Contact:
    """The contact named by ``reference``, or the child's oldest contact not yet screened."""
    contacts = Contact.objects.filter(child=child, screening__isnull=True)
    if reference:
        contacts = Contact.objects.filter(child=child, reference=reference)
    contact = contacts.order_by("received_at", "pk").first()
    if contact is None:
        raise ValidationError(
            {
                "contact": _("%(child)s has no contact%(named)s waiting to be screened")
                % {"child": child, "named": f" {reference}" if reference else ""}
            }
        )
    return contact


@transaction.atomic
def screen_contact(
    *,
    contact: Contact,
    decided_at: dt.datetime,
    outcome: str,
    rationale: str,
    urgency: str = "",
    decided_by: Actor | None = None,
    signed_off_by: Actor | None = None,
    is_imported: bool = False,
) -> ScreeningDecision:
    """Record the screening decision on a contact. A rationale is always required."""
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    if ScreeningDecision.objects.filter(contact=contact).exists():
        raise ValidationError({"contact": _("This contact has already been screened")})
    if outcome not in ScreeningOutcome.values:
        raise ValidationError({"outcome": _("Choose the decision")})
    if urgency and urgency not in Urgency.values:
        raise ValidationError({"urgency": _("Choose the urgency")})
    if not rationale.strip():
        raise ValidationError({"rationale": _("Enter the rationale for the decision")})
    if decided_at > timezone.now():
        raise ValidationError({"decided_at": _("The decision must have been made already")})
    if decided_at < contact.received_at:
        raise ValidationError(
            {"decided_at": _("The decision cannot come before the contact was received")}
        )
    decision = ScreeningDecision(
        contact=contact,
        decided_at=decided_at,
        outcome=outcome,
        urgency=urgency,
        rationale=rationale.strip(),
        decided_by=staff_member(decided_by),
        is_imported=is_imported,
    )
    if signed_off_by is not None and decision.needs_sign_off:
        decision.signed_off_by = signed_off_by
        decision.signed_off_at = decided_at
    decision.save()
    add_entry(
        child_id=contact.child_id,
        occurred_on=timezone.localtime(decided_at).date(),
        kind=EntryKind.SCREENING,
        summary=_("Screening decision: %(outcome)s")
        % {"outcome": decision.get_outcome_display().lower()},
        detail=rationale.strip(),
        recorded_by=decided_by,
    )
    publish_casework_changed(contact.child_id)
    return decision


def _locked_decision(decision: ScreeningDecision, field: str) -> ScreeningDecision:
    """The decision, its child's record locked, refused unless it needs a sign-off and has
    none yet."""
    lock_child(decision.contact.child)
    decision = (
        ScreeningDecision.objects.select_for_update().select_related("contact").get(pk=decision.pk)
    )
    if decision.is_imported:
        raise ValidationError({field: _("An imported decision does not wait for a sign-off")})
    if not decision.needs_sign_off:
        raise ValidationError({field: _("This decision does not need a sign-off")})
    if decision.signed_off_at is not None:
        raise ValidationError({field: _("This decision is already signed off")})
    return decision


@transaction.atomic
def sign_off_screening(
    *,
    decision: ScreeningDecision,
    manager: Actor,
    rationale: str,
    urgency: str = "",
    respond_by: dt.datetime | None = None,
) -> ScreeningDecision:
    """A manager agrees a no-further-action or early help decision, saying why; they may set
    the contact's urgency and deadline at the same time (docs/sign-off.md)."""
    decision = _locked_decision(decision, "rationale")
    if decision.is_returned:
        raise ValidationError(
            {"rationale": _("This decision is with its worker, who has not answered yet")}
        )
    if not rationale.strip():
        raise ValidationError({"rationale": _("Enter your rationale for agreeing the decision")})
    if decision.decided_by_id == manager.pk:
        raise ValidationError({"rationale": _("Another manager must sign off your own decision")})
    if urgency or respond_by:
        _set_urgency(decision.contact, urgency=urgency, respond_by=respond_by, actor=manager)
    decision.signed_off_by = manager
    decision.signed_off_at = timezone.now()
    decision.sign_off_rationale = rationale.strip()
    decision.save(update_fields=["signed_off_by", "signed_off_at", "sign_off_rationale"])
    add_entry(
        child_id=decision.contact.child_id,
        occurred_on=timezone.localdate(),
        kind=EntryKind.SCREENING,
        summary=_("Screening decision signed off"),
        detail=rationale.strip(),
        recorded_by=manager,
    )
    publish_casework_changed(decision.contact.child_id)
    return decision


@transaction.atomic
def return_screening(
    *,
    decision: ScreeningDecision,
    manager: Actor,
    reasons: str,
    urgency: str = "",
    respond_by: dt.datetime | None = None,
) -> ScreeningReturn:
    """A manager returns a no-further-action or early help decision to the worker with the
    reasons; the worker sees them and must answer before it comes back to the managers."""
    decision = _locked_decision(decision, "rationale")
    if decision.is_returned:
        raise ValidationError({"rationale": _("This decision is already returned to its worker")})
    if not reasons.strip():
        raise ValidationError({"rationale": _("Enter the reasons for returning the decision")})
    if decision.decided_by_id == manager.pk:
        raise ValidationError({"rationale": _("Another manager must return your own decision")})
    if urgency or respond_by:
        _set_urgency(decision.contact, urgency=urgency, respond_by=respond_by, actor=manager)
    returned = ScreeningReturn.objects.create(
        decision=decision,
        returned_at=timezone.now(),
        returned_by=staff_member(manager),
        reasons=reasons.strip(),
        outcome_before=decision.outcome,
        urgency_before=decision.urgency,
    )
    decision.return_state = ReturnState.RETURNED
    decision.save(update_fields=["return_state"])
    add_entry(
        child_id=decision.contact.child_id,
        occurred_on=timezone.localdate(),
        kind=EntryKind.SCREENING,
        summary=_("Screening decision returned to the worker"),
        detail=reasons.strip(),
        recorded_by=manager,
    )
    publish_casework_changed(decision.contact.child_id)
    return returned


@transaction.atomic
def answer_screening_return(
    *,
    decision: ScreeningDecision,
    response: str,
    outcome: str,
    urgency: str,
    actor: Actor,
) -> ScreeningDecision:
    """The worker answers a manager's return: their response and the decision, changed or
    not. A decision that still needs a sign-off goes back to the managers, answered; one
    that no longer does (a referral, say) stands without one."""
    lock_child(decision.contact.child)
    decision = ScreeningDecision.objects.select_for_update().get(pk=decision.pk)
    if not decision.is_returned:
        raise ValidationError({"response": _("This decision is not waiting for your answer")})
    if not response.strip():
        raise ValidationError({"response": _("Enter your answer to the manager's reasons")})
    if outcome not in ScreeningOutcome.values:
        raise ValidationError({"outcome": _("Choose the decision")})
    if urgency not in Urgency.values:
        raise ValidationError({"urgency": _("Choose the urgency")})
    returned = decision.returns.order_by("-returned_at", "-pk").first()
    assert returned is not None  # a returned decision has its return
    returned.answered_at = timezone.now()
    returned.answered_by = staff_member(actor)
    returned.response = response.strip()
    returned.save(update_fields=["answered_at", "answered_by", "response"])
    changed = outcome != decision.outcome or urgency != decision.urgency
    decision.outcome = outcome
    decision.urgency = urgency
    decision.return_state = ReturnState.ANSWERED
    decision.save(update_fields=["outcome", "urgency", "return_state"])
    summary = _("Returned screening decision answered")
    if changed:
        summary = _(
            "Returned screening decision answered and changed: %(outcome)s, %(urgency)s"
        ) % {
            "outcome": decision.get_outcome_display().lower(),
            "urgency": decision.get_urgency_display().lower(),
        }
    add_entry(
        child_id=decision.contact.child_id,
        occurred_on=timezone.localdate(),
        kind=EntryKind.SCREENING,
        summary=summary,
        detail=response.strip(),
        recorded_by=actor,
    )
    publish_casework_changed(decision.contact.child_id)
    return decision


def _set_urgency(
    contact: Contact, *, urgency: str, respond_by: dt.datetime | None, actor: Actor
) -> Contact:
    """Set the contact's urgency and deadline (the child's record is locked by the caller)."""
    if urgency not in Urgency.values:
        raise ValidationError({"urgency": _("Choose the urgency")})
    if respond_by is not None and respond_by < contact.received_at:
        raise ValidationError(
            {"respond_by_at": _("The deadline cannot be before the contact was received")}
        )
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    contact.urgency = urgency
    contact.respond_by = respond_by
    contact.urgency_set_by = staff_member(actor)
    contact.urgency_set_at = timezone.now()
    contact.save(update_fields=["urgency", "respond_by", "urgency_set_by", "urgency_set_at"])
    detail = contact.get_urgency_display()
    if respond_by is not None:
        detail = _("%(urgency)s; decide by %(deadline)s") % {
            "urgency": detail,
            "deadline": long_datetime(respond_by),
        }
    add_entry(
        child_id=contact.child_id,
        occurred_on=timezone.localdate(),
        kind=EntryKind.CONTACT,
        summary=_("Urgency of the contact set by a manager"),
        detail=str(detail),
        recorded_by=actor,
    )
    return contact


@transaction.atomic
def set_contact_urgency(
    *, contact: Contact, urgency: str, respond_by: dt.datetime | None = None, actor: Actor
) -> Contact:
    """A manager sets how urgent a contact is and the date and time by which the front door
    must decide on it (docs/domain.md finding 1)."""
    lock_child(contact.child)
    contact = _set_urgency(contact, urgency=urgency, respond_by=respond_by, actor=actor)
    publish_casework_changed(contact.child_id)
    return contact


@transaction.atomic
def start_early_help(
    *, child: Child, start_on: dt.date, reason: str = "", actor: Actor | None = None
) -> EarlyHelpEpisode:
    """Start early help for the child (a step-down from social care, or from screening)."""
    check_not_future(start_on, "start_on", _("start date"))
    current = EarlyHelpEpisode.objects.filter(child=child, end_on__isnull=True).first()
    if current is not None:
        raise ValidationError(
            {
                "start_on": _("Early help is already open, from %(date)s")
                % {"date": long_date(current.start_on)}
            }
        )
    episode = EarlyHelpEpisode.objects.create(
        child=child, start_on=start_on, start_reason=reason.strip()
    )
    add_entry(
        child_id=child.pk,
        occurred_on=start_on,
        kind=EntryKind.EARLY_HELP,
        summary=_("Early help started"),
        detail=reason.strip(),
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return episode


@transaction.atomic
def end_early_help(
    *, child: Child, end_on: dt.date, reason: str = "", actor: Actor | None = None
) -> EarlyHelpEpisode:
    """End early help (a step-up to social care, or the work is done)."""
    check_not_future(end_on, "end_on", _("end date"))
    episode = EarlyHelpEpisode.objects.filter(child=child, end_on__isnull=True).first()
    if episode is None:
        raise ValidationError(
            {"end_on": _("%(child)s is not receiving early help") % {"child": child}}
        )
    if end_on < episode.start_on:
        raise ValidationError(
            {
                "end_on": _("Early help cannot end before it started on %(date)s")
                % {"date": long_date(episode.start_on)}
            }
        )
    episode.end_on = end_on
    episode.end_reason = reason.strip()
    episode.save(update_fields=["end_on", "end_reason"])
    add_entry(
        child_id=child.pk,
        occurred_on=end_on,
        kind=EntryKind.EARLY_HELP,
        summary=_("Early help ended"),
        detail=reason.strip(),
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return episode
