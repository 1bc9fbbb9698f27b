"""Independent visitors offered to children in care, the child's answer, and the match
(docs/domain.md finding 58)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinfolk.casework.services import lock_child
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.dates import long_date
from kinfolk.participation.choices import OfferAnswer
from kinfolk.participation.models import IndependentVisitorOffer
from kinfolk.participation.registrations import ParticipationEntryKind as Kind
from kinfolk.participation.services.common import (
    LOOKED_AFTER,
    check_after,
    check_day,
    entry,
    required,
)
from kinfolk.people.models import Child


def _lock(offer: IndependentVisitorOffer, version: int | None) -> IndependentVisitorOffer:
    lock_child(offer.child)
    offer = (
        IndependentVisitorOffer.objects.select_for_update().select_related("child").get(pk=offer.pk)
    )
    offer.check_version(version)
    return offer


@transaction.atomic
def offer_independent_visitor(
    *,
    child: Child,
    offered_on: dt.date,
    offered_by: str,
    answer: str,
    actor: Actor | None = None,
    is_imported: bool = False,
) -> IndependentVisitorOffer:
    """An independent visitor is offered to a child in care, and the child answers (or takes
    time to think about it)."""
    child = lock_child(child)
    LOOKED_AFTER.check(child)
    check_day(child, offered_on, "offered_on", _("date offered"))
    offered_by = required(offered_by, "offered_by", _("Enter who offered the visitor"))
    if answer not in OfferAnswer.values:
        raise ValidationError({"answer": _("Choose the child's answer")})
    pending = IndependentVisitorOffer.objects.filter(
        child=child, answer__in=[OfferAnswer.ACCEPTED, OfferAnswer.THINKING], ended_on__isnull=True
    ).first()
    if pending is not None:
        raise ValidationError(
            {
                "offered_on": _(
                    "An independent visitor offered on %(date)s is still open: record the "
                    "answer, match or end it there"
                )
                % {"date": long_date(pending.offered_on)}
            }
        )
    offer = IndependentVisitorOffer.objects.create(
        child=child,
        offered_on=offered_on,
        offered_by=offered_by,
        answer=answer,
        recorded_by=staff_member(actor),
        is_imported=is_imported,
    )
    entry(
        child,
        offered_on,
        Kind.INDEPENDENT_VISITOR,
        _("Independent visitor offered by %(by)s: %(answer)s")
        % {"by": offered_by, "answer": offer.get_answer_display().lower()},
        actor,
    )
    return offer


@transaction.atomic
def answer_independent_visitor(
    *,
    offer: IndependentVisitorOffer,
    answer: str,
    answered_on: dt.date,
    actor: Actor | None = None,
    version: int | None = None,
) -> IndependentVisitorOffer:
    """The child answers an offer they were thinking about."""
    offer = _lock(offer, version)
    if offer.answer != OfferAnswer.THINKING:
        raise ValidationError(
            {
                "answer": _("The child has already answered: %(answer)s")
                % {"answer": offer.get_answer_display().lower()}
            }
        )
    if answer not in (OfferAnswer.ACCEPTED, OfferAnswer.DECLINED):
        raise ValidationError({"answer": _("Choose whether the child accepted or declined")})
    check_day(offer.child, answered_on, "answered_on", _("date the child answered"))
    check_after(
        answered_on,
        offer.offered_on,
        "answered_on",
        _("The answer cannot be before the offer, on %(date)s")
        % {"date": long_date(offer.offered_on)},
    )
    offer.answer = answer
    offer.next_version(version)
    offer.save(update_fields=["answer", "version"])
    entry(
        offer.child,
        answered_on,
        Kind.INDEPENDENT_VISITOR,
        _("Independent visitor offer: %(answer)s") % {"answer": offer.get_answer_display().lower()},
        actor,
    )
    return offer


@transaction.atomic
def match_independent_visitor(
    *,
    offer: IndependentVisitorOffer,
    visitor_name: str,
    matched_on: dt.date,
    first_visit_on: dt.date | None = None,
    actor: Actor | None = None,
    version: int | None = None,
) -> IndependentVisitorOffer:
    """The child who accepted is matched with a visitor; the first visit may follow later."""
    offer = _lock(offer, version)
    if offer.answer != OfferAnswer.ACCEPTED:
        raise ValidationError(
            {"visitor_name": _("Only an offer the child accepted can be matched")}
        )
    if offer.ended_on is not None:
        raise ValidationError(
            {
                "visitor_name": _("This match ended on %(date)s")
                % {"date": long_date(offer.ended_on)}
            }
        )
    visitor_name = required(visitor_name, "visitor_name", _("Enter the visitor's name"))
    check_day(offer.child, matched_on, "matched_on", _("date matched"))
    check_after(
        matched_on,
        offer.offered_on,
        "matched_on",
        _("The match cannot be before the offer, on %(date)s")
        % {"date": long_date(offer.offered_on)},
    )
    if first_visit_on is not None:
        check_day(offer.child, first_visit_on, "first_visit_on", _("date of the first visit"))
        check_after(
            first_visit_on,
            matched_on,
            "first_visit_on",
            _("The first visit cannot be before the match"),
        )
    is_new = offer.matched_on is None
    offer.visitor_name = visitor_name
    offer.matched_on = matched_on
    offer.first_visit_on = first_visit_on
    offer.next_version(version)
    offer.save(update_fields=["visitor_name", "matched_on", "first_visit_on", "version"])
    if is_new:
        entry(
            offer.child,
            matched_on,
            Kind.INDEPENDENT_VISITOR,
            _("Matched with an independent visitor, %(name)s") % {"name": visitor_name},
            actor,
        )
    return offer


@transaction.atomic
def end_independent_visitor(
    *,
    offer: IndependentVisitorOffer,
    ended_on: dt.date,
    actor: Actor | None = None,
    version: int | None = None,
) -> IndependentVisitorOffer:
    """The match (or an offer never matched) ends."""
    offer = _lock(offer, version)
    if offer.ended_on is not None:
        raise ValidationError(
            {"ended_on": _("This ended on %(date)s") % {"date": long_date(offer.ended_on)}}
        )
    if offer.answer == OfferAnswer.DECLINED:
        raise ValidationError(
            {"ended_on": _("The child declined this offer: there is nothing to end")}
        )
    check_day(offer.child, ended_on, "ended_on", _("date it ended"))
    start = offer.first_visit_on or offer.matched_on or offer.offered_on
    check_after(
        ended_on,
        start,
        "ended_on",
        _("It cannot end before %(date)s") % {"date": long_date(start)},
    )
    offer.ended_on = ended_on
    offer.next_version(version)
    offer.save(update_fields=["ended_on", "version"])
    entry(offer.child, ended_on, Kind.INDEPENDENT_VISITOR, _("Independent visitor ended"), actor)
    return offer
