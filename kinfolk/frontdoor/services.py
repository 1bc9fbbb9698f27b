"""Recording front-door work: contacts, screening decisions, sign-off and early help."""

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
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.frontdoor.choices import ScreeningOutcome, Urgency
from kinfolk.frontdoor.models import Contact, EarlyHelpEpisode, ScreeningDecision
from kinfolk.people.models import Child


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


@transaction.atomic
def sign_off_screening(
    *, decision: ScreeningDecision, manager: Actor, rationale: str
) -> ScreeningDecision:
    """A manager agrees a no-further-action or early help decision, saying why."""
    decision = ScreeningDecision.objects.select_for_update().get(pk=decision.pk)
    if not decision.needs_sign_off:
        raise ValidationError({"rationale": _("This decision does not need a sign-off")})
    if decision.signed_off_at is not None:
        raise ValidationError({"rationale": _("This decision is already signed off")})
    if not rationale.strip():
        raise ValidationError({"rationale": _("Enter your rationale for agreeing the decision")})
    if decision.decided_by_id == manager.pk:
        raise ValidationError({"rationale": _("Another manager must sign off your own decision")})
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
