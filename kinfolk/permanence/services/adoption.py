"""Adoption: the agency decision that the child should be placed for adoption, its reversal,
and the match with adopters (Adoption Agencies Regulations 2005; SSDA903 PLACED_ADOPTION and
AD1)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinfolk.care.models import ADOPTED
from kinfolk.casework.services import check_not_future, lock_child
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.codes import AdoptersLegalStatus, AdoptersSex, ReasonNoLongerPlacedForAdoption
from kinfolk.core.dates import long_date
from kinfolk.core.guards import Guard, open_record_facts
from kinfolk.people.models import Child
from kinfolk.permanence.models import AdoptionDecision, AdoptionMatch
from kinfolk.permanence.services.child import (
    check_date,
    period_on,
    permanence_changed,
)

SINGLE = {AdoptersSex.M1, AdoptersSex.F1}
SAME_SEX_COUPLE = {AdoptersSex.MM, AdoptersSex.FF}

#: The adopters' sex that each legal status allows (SSDA903 rules 514, 517-520, 524).
SEX_FOR_LEGAL_STATUS: dict[str, set[AdoptersSex]] = {
    AdoptersLegalStatus.L0: SINGLE,
    AdoptersLegalStatus.L11: {AdoptersSex.MF},
    AdoptersLegalStatus.L12: SAME_SEX_COUPLE,
    AdoptersLegalStatus.L2: {*SAME_SEX_COUPLE, AdoptersSex.MF},
    AdoptersLegalStatus.L3: {AdoptersSex.MF},
    AdoptersLegalStatus.L4: SAME_SEX_COUPLE,
}


def _open_decision(child: Child) -> AdoptionDecision | None:
    return AdoptionDecision.objects.open().filter(child=child).select_related("period").first()


def _has_open_decision(child: Child) -> bool:
    return AdoptionDecision.objects.open().filter(child=child).exists()


def _open_match(child: Child) -> AdoptionMatch | None:
    return AdoptionMatch.objects.filter(
        decision__in=AdoptionDecision.objects.open().filter(child=child)
    ).first()


#: A decision can be reversed while it is open (SSDA903 rule 119).
OPEN_DECISION_TO_REVERSE: Guard[Child] = Guard(
    name="open-adoption-decision-to-reverse",
    message=gettext_lazy(
        "%(subject)s has no open decision to be placed for adoption: there is nothing to reverse"
    ),
    holds=_has_open_decision,
    field="reversed_on",
)
#: A match with adopters follows an open decision that the child should be placed for adoption
#: (SSDA903 rule 333).
OPEN_DECISION_TO_MATCH: Guard[Child] = Guard(
    name="open-adoption-decision-to-match",
    message=gettext_lazy(
        "%(subject)s has no open decision that they should be placed for adoption: record the "
        "decision first"
    ),
    holds=_has_open_decision,
    field="matched_on",
)
#: An open decision has one match with adopters.
NOT_YET_MATCHED: Guard[Child] = Guard(
    name="not-yet-matched-with-adopters",
    message=gettext_lazy("%(subject)s was already matched with adopters on %(date)s"),
    holds=lambda child: _open_match(child) is None,
    field="matched_on",
    facts=open_record_facts(_open_match, "matched_on"),
)


@transaction.atomic
def record_adoption_decision(
    *,
    child: Child,
    decided_on: dt.date,
    is_imported: bool = False,
    actor: Actor | None = None,
) -> AdoptionDecision:
    """The agency decision maker decides that the child should be placed for adoption
    (Adoption Agencies Regulations 2005, reg. 19; SSDA903 DATE_PLACED).

    The child must be looked after on that day (SSDA903 rules 117, 1003), and a new decision
    waits until any earlier one is reversed (579, 583).
    """
    child = lock_child(child)
    check_date(child, decided_on, "decided_on", _("date of the decision"))
    current = _open_decision(child)
    if current is not None:
        raise ValidationError(
            {
                "decided_on": _(
                    "The decision of %(date)s that %(child)s should be placed for adoption is "
                    "still open: record its reversal before a new decision"
                )
                % {"date": long_date(current.decided_on), "child": child}
            }
        )
    period = period_on(child, decided_on, "decided_on")
    decision = AdoptionDecision.objects.create(
        child=child,
        period=period,
        decided_on=decided_on,
        is_imported=is_imported,
        recorded_by=staff_member(actor),
    )
    permanence_changed(
        child, decided_on, _("Decision that the child should be placed for adoption"), actor
    )
    return decision


@transaction.atomic
def reverse_adoption_decision(
    *,
    child: Child,
    reversed_on: dt.date,
    reason: str,
    detail: str = "",
    is_imported: bool = False,
    actor: Actor | None = None,
) -> AdoptionDecision:
    """The agency decides that the child should no longer be placed for adoption, with the
    reason (SSDA903 DATE_PLACED_CEASED, REASON_PLACED_CEASED RD1-RD4, rule 119).

    A child who was adopted keeps the decision (rule 558). The pages ask for more detail when
    the reason is "any other reason"; a journey need not give it.
    """
    child = lock_child(child)
    check_not_future(reversed_on, "reversed_on", _("date of the reversal"))
    if reason not in ReasonNoLongerPlacedForAdoption.values:
        raise ValidationError(
            {"reason": _("Choose why the child should no longer be placed for adoption")}
        )
    OPEN_DECISION_TO_REVERSE.check(child)
    decision = _open_decision(child)
    assert decision is not None  # the guard holds while the child is locked
    if reversed_on < decision.decided_on:
        raise ValidationError(
            {
                "reversed_on": _("This is before the decision it reverses, of %(date)s")
                % {"date": long_date(decision.decided_on)}
            }
        )
    period = decision.period
    if period.reason_ceased in ADOPTED:
        assert period.end_on is not None  # a period that ceased has ended
        raise ValidationError(
            {
                "reversed_on": _("%(child)s was adopted on %(date)s: the decision stands")
                % {"child": child, "date": long_date(period.end_on)}
            }
        )
    if period.end_on is not None and reversed_on > period.end_on:
        raise ValidationError(
            {
                "reversed_on": _(
                    "%(child)s ceased to be looked after on %(date)s: the reversal must be on "
                    "or before that day"
                )
                % {"child": child, "date": long_date(period.end_on)}
            }
        )
    if not is_imported and reason == ReasonNoLongerPlacedForAdoption.RD4 and not detail.strip():
        raise ValidationError({"detail": _("Say what the other reason is")})
    decision.reversed_on = reversed_on
    decision.reversal_reason = reason
    decision.reversal_detail = detail.strip()
    decision.save(update_fields=["reversed_on", "reversal_reason", "reversal_detail"])
    permanence_changed(
        child,
        reversed_on,
        _("No longer to be placed for adoption: %(reason)s")
        % {"reason": ReasonNoLongerPlacedForAdoption(reason).label},
        actor,
        detail=detail.strip(),
    )
    return decision


def _check_adopters(number_of_adopters: int, sex: str, legal_status: str) -> None:
    """The adopters' number, sex and legal status agree (SSDA903 rules 175-177, 511, 514,
    517-520, 524)."""
    if number_of_adopters not in (1, 2):
        raise ValidationError({"number_of_adopters": _("Choose one adopter or two")})
    if sex not in AdoptersSex.values:
        raise ValidationError({"adopters_sex": _("Choose the adopters' sex")})
    if legal_status not in AdoptersLegalStatus.values:
        raise ValidationError({"adopters_legal_status": _("Choose the adopters' legal status")})
    if number_of_adopters == 1 and sex not in SINGLE:
        raise ValidationError(
            {
                "adopters_sex": _(
                    "One adopter is a single adopter: choose single male (M1) or single female (F1)"
                )
            }
        )
    if number_of_adopters == 2 and sex in SINGLE:
        raise ValidationError(
            {
                "adopters_sex": _(
                    "Two adopters are a couple: choose both male (MM), both female (FF) or "
                    "male and female (MF)"
                )
            }
        )
    if sex not in SEX_FOR_LEGAL_STATUS[legal_status]:
        allowed = ", ".join(sorted(SEX_FOR_LEGAL_STATUS[legal_status]))
        raise ValidationError(
            {
                "adopters_legal_status": _(
                    "%(status)s (%(code)s) does not fit adopters who are %(sex)s: it needs %(allowed)s"
                )
                % {
                    "status": AdoptersLegalStatus(legal_status).label,
                    "code": legal_status,
                    "sex": AdoptersSex(sex).label.lower(),
                    "allowed": allowed,
                }
            }
        )


@transaction.atomic
def record_adoption_match(
    *,
    child: Child,
    matched_on: dt.date,
    number_of_adopters: int,
    adopters_sex: str,
    adopters_legal_status: str,
    is_former_foster_carers: bool,
    panel_on: dt.date | None = None,
    moved_in_on: dt.date | None = None,
    adopters_names: str = "",
    is_imported: bool = False,
    actor: Actor | None = None,
) -> AdoptionMatch:
    """The agency decision maker decides, after the adoption panel, that the child should be
    placed with these adopters (Adoption Agencies Regulations 2005, reg. 32-33; SSDA903 AD1).

    The match follows an open decision that the child should be placed for adoption (rule
    333) and comes before the child moves in, unless the adopters are already the child's
    foster carers (331). The pages ask for the matching panel's date; a journey need not.
    """
    child = lock_child(child)
    check_not_future(matched_on, "matched_on", _("date of the match"))
    _check_adopters(number_of_adopters, adopters_sex, adopters_legal_status)
    OPEN_DECISION_TO_MATCH.check(child)
    decision = _open_decision(child)
    assert decision is not None  # the guard holds while the child is locked
    if matched_on < decision.decided_on:
        raise ValidationError(
            {
                "matched_on": _(
                    "The match must be on or after the decision of %(date)s that the child "
                    "should be placed for adoption"
                )
                % {"date": long_date(decision.decided_on)}
            }
        )
    NOT_YET_MATCHED.check(child)
    period = decision.period
    if period.end_on is not None and matched_on > period.end_on:
        raise ValidationError(
            {
                "matched_on": _("%(child)s ceased to be looked after on %(date)s")
                % {"child": child, "date": long_date(period.end_on)}
            }
        )
    if panel_on is None and not is_imported:
        raise ValidationError({"panel_on": _("Enter the date of the matching panel")})
    if panel_on is not None and not decision.decided_on <= panel_on <= matched_on:
        raise ValidationError(
            {
                "panel_on": _(
                    "The matching panel meets after the decision of %(decided)s and before "
                    "the match of %(matched)s"
                )
                % {
                    "decided": long_date(decision.decided_on),
                    "matched": long_date(matched_on),
                }
            }
        )
    if moved_in_on is not None:
        check_not_future(moved_in_on, "moved_in_on", _("date the child moved in"))
        if is_former_foster_carers and moved_in_on < period.start_on:
            raise ValidationError(
                {
                    "moved_in_on": _("This is before %(child)s came into care, on %(date)s")
                    % {"child": child, "date": long_date(period.start_on)}
                }
            )
        if not is_former_foster_carers and moved_in_on < matched_on:
            raise ValidationError(
                {
                    "moved_in_on": _(
                        "A child moves in with adopters on or after the match: when the "
                        "adopters were already the child's foster carers, say so"
                    )
                }
            )
    match = AdoptionMatch.objects.create(
        decision=decision,
        child=child,
        matched_on=matched_on,
        panel_on=panel_on,
        moved_in_on=moved_in_on,
        number_of_adopters=number_of_adopters,
        adopters_sex=adopters_sex,
        adopters_legal_status=adopters_legal_status,
        is_former_foster_carers=is_former_foster_carers,
        adopters_names=adopters_names.strip(),
        is_imported=is_imported,
        recorded_by=staff_member(actor),
    )
    permanence_changed(
        child,
        matched_on,
        _("Matched with adopters"),
        actor,
        detail=str(AdoptersSex(adopters_sex).label),
    )
    return match
