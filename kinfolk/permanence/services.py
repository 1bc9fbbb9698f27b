"""Recording permanence: adoption decisions, their reversal and the match with adopters;
previous permanence; special guardianship and long-term fostering matches; and fostering
households with their approval, development plan and training log.

Every function runs in one transaction; a refusal raises ``ValidationError`` keyed by field,
in casework words, and changes nothing. Services about a child lock the child, write the
chronology and publish ``casework_changed``. Journey loads pass ``is_imported=True``: they
are never refused for detail that only the pages ask for, and the record says so.
"""

import datetime as dt
import re
from collections.abc import Sequence

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinfolk.care.models import ADOPTED, PeriodOfCare
from kinfolk.casework.services import check_not_future, lock_child, long_date
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import staff_member
from kinfolk.core.codes import (
    AdoptersLegalStatus,
    AdoptersSex,
    ReasonNoLongerPlacedForAdoption,
)
from kinfolk.core.codes import PreviousPermanence as PreviousPermanenceCode
from kinfolk.core.events import publish_casework_changed
from kinfolk.core.postcodes import is_valid_postcode, normalise_postcode
from kinfolk.people.models import Child
from kinfolk.permanence.choices import HouseholdKind, PermanenceMatchKind
from kinfolk.permanence.models import (
    AdoptionDecision,
    AdoptionMatch,
    DevelopmentGoal,
    FosterCarer,
    FosteringHousehold,
    PermanenceMatch,
    PreviousPermanence,
    TrainingRecord,
)

SINGLE = {AdoptersSex.M1, AdoptersSex.F1}
SAME_SEX_COUPLE = {AdoptersSex.MM, AdoptersSex.FF}

#: The adopters' sex that each legal status allows (SSDA903 rules 514, 517-520, 524).
SEX_FOR_LEGAL_STATUS = {
    AdoptersLegalStatus.L0: SINGLE,
    AdoptersLegalStatus.L11: {AdoptersSex.MF},
    AdoptersLegalStatus.L12: SAME_SEX_COUPLE,
    AdoptersLegalStatus.L2: {*SAME_SEX_COUPLE, AdoptersSex.MF},
    AdoptersLegalStatus.L3: {AdoptersSex.MF},
    AdoptersLegalStatus.L4: SAME_SEX_COUPLE,
}

#: LA_PERM values other than an authority's 3-digit number (SSDA903 rule 633).
OTHER_PERMANENCE_AUTHORITIES = {"999", "NIR", "NUK", "SCO", "WAL"}


def _check_born(child: Child, on: dt.date, field: str) -> None:
    if child.date_of_birth is None:
        raise ValidationError({field: _("%(child)s is not born yet") % {"child": child}})
    if on < child.date_of_birth:
        raise ValidationError(
            {
                field: _("This is before %(child)s was born, on %(date)s")
                % {"child": child, "date": long_date(child.date_of_birth)}
            }
        )


def _check_date(child: Child, on: dt.date, field: str, what: str) -> None:
    """Casework records what has happened, in the child's life."""
    check_not_future(on, field, what)
    _check_born(child, on, field)


def _period_on(child: Child, on: dt.date, field: str) -> PeriodOfCare:
    """The period of care in which the child was looked after on ``on``."""
    periods = list(PeriodOfCare.objects.filter(child=child).order_by("start_on"))
    for period in periods:
        if period.start_on <= on and (period.end_on is None or on <= period.end_on):
            return period
    if not periods:
        raise ValidationError(
            {
                field: _("%(child)s is not looked after: record the start of care first")
                % {"child": child}
            }
        )
    raise ValidationError(
        {
            field: _("%(child)s was not looked after on %(date)s")
            % {"child": child, "date": long_date(on)}
        }
    )


def _open_decision(child: Child) -> AdoptionDecision | None:
    return AdoptionDecision.objects.open().filter(child=child).select_related("period").first()


def _permanence_changed(
    child: Child, on: dt.date, summary: str, actor: AbstractBaseUser | None, detail: str = ""
) -> None:
    add_entry(
        child_id=child.pk,
        occurred_on=on,
        kind=EntryKind.PERMANENCE,
        summary=summary,
        detail=detail,
        is_significant=True,
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)


# Adoption ------------------------------------------------------------------------------------


@transaction.atomic
def record_adoption_decision(
    *,
    child: Child,
    decided_on: dt.date,
    is_imported: bool = False,
    actor: AbstractBaseUser | None = None,
) -> AdoptionDecision:
    """The agency decision maker decides that the child should be placed for adoption
    (Adoption Agencies Regulations 2005, reg. 19; SSDA903 DATE_PLACED).

    The child must be looked after on that day (SSDA903 rules 117, 1003), and a new decision
    waits until any earlier one is reversed (579, 583).
    """
    child = lock_child(child)
    _check_date(child, decided_on, "decided_on", _("date of the decision"))
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
    period = _period_on(child, decided_on, "decided_on")
    decision = AdoptionDecision.objects.create(
        child=child,
        period=period,
        decided_on=decided_on,
        is_imported=is_imported,
        recorded_by=staff_member(actor),
    )
    _permanence_changed(
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
    actor: AbstractBaseUser | None = None,
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
    decision = _open_decision(child)
    if decision is None:
        raise ValidationError(
            {
                "reversed_on": _(
                    "%(child)s has no open decision to be placed for adoption: there is "
                    "nothing to reverse"
                )
                % {"child": child}
            }
        )
    if reversed_on < decision.decided_on:
        raise ValidationError(
            {
                "reversed_on": _("This is before the decision it reverses, of %(date)s")
                % {"date": long_date(decision.decided_on)}
            }
        )
    period = decision.period
    if period.reason_ceased in ADOPTED:
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
    _permanence_changed(
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
    actor: AbstractBaseUser | None = None,
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
    decision = _open_decision(child)
    if decision is None:
        raise ValidationError(
            {
                "matched_on": _(
                    "%(child)s has no open decision that they should be placed for adoption: "
                    "record the decision first"
                )
                % {"child": child}
            }
        )
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
    existing = AdoptionMatch.objects.filter(decision=decision).first()
    if existing is not None:
        raise ValidationError(
            {
                "matched_on": _("%(child)s was already matched with adopters on %(date)s")
                % {"child": child, "date": long_date(existing.matched_on)}
            }
        )
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
    _permanence_changed(
        child,
        matched_on,
        _("Matched with adopters"),
        actor,
        detail=AdoptersSex(adopters_sex).label,
    )
    return match


# Previous permanence -------------------------------------------------------------------------


@transaction.atomic
def record_previous_permanence(
    *,
    child: Child,
    code: str,
    order_on: dt.date | None = None,
    local_authority: str = "",
    actor: AbstractBaseUser | None = None,
) -> PreviousPermanence:
    """Record the permanence the child had before coming into care (SSDA903 PrevPerm), which
    replaces what was recorded before.

    The order came before the child's latest period of care (rule 632); with no previous
    permanence option (Z1) there is no order, so no date or authority (635). The authority is
    its 3-digit number, or 999 (not known), NIR, NUK, SCO or WAL (633).
    """
    child = lock_child(child)
    if code not in PreviousPermanenceCode.values:
        raise ValidationError({"code": _("Choose the child's previous permanence")})
    local_authority = local_authority.strip().upper()
    if code == PreviousPermanenceCode.Z1:
        if order_on is not None:
            raise ValidationError(
                {
                    "order_on": _(
                        "With no previous permanence option there is no order: leave the date blank"
                    )
                }
            )
        if local_authority:
            raise ValidationError(
                {
                    "local_authority": _(
                        "With no previous permanence option there is no order: leave the "
                        "authority blank"
                    )
                }
            )
    if local_authority and not (
        re.fullmatch(r"\d{3}", local_authority) or local_authority in OTHER_PERMANENCE_AUTHORITIES
    ):
        raise ValidationError(
            {
                "local_authority": _(
                    "Enter the authority's 3-digit number, or 999 if not known, NIR, NUK "
                    "(outside the UK), SCO or WAL"
                )
            }
        )
    latest = PeriodOfCare.objects.filter(child=child).order_by("-start_on").first()
    if order_on is not None:
        _check_date(child, order_on, "order_on", _("date of the order"))
        if latest is not None and order_on >= latest.start_on:
            raise ValidationError(
                {
                    "order_on": _(
                        "The order must be before %(child)s started to be looked after, on %(date)s"
                    )
                    % {"child": child, "date": long_date(latest.start_on)}
                }
            )
    record, _created = PreviousPermanence.objects.update_or_create(
        child=child,
        defaults={
            "code": code,
            "order_on": order_on,
            "local_authority": local_authority,
            "recorded_by": staff_member(actor),
        },
    )
    occurred_on = order_on or (latest.start_on if latest else timezone.localdate())
    _permanence_changed(
        child,
        occurred_on,
        _("Previous permanence: %(option)s") % {"option": PreviousPermanenceCode(code).label},
        actor,
    )
    return record


# Special guardianship and long-term fostering ------------------------------------------------


@transaction.atomic
def record_permanence_match(
    *,
    child: Child,
    kind: str,
    carers: str,
    matched_on: dt.date,
    panel_on: dt.date | None = None,
    assessment_on: dt.date | None = None,
    support_plan_on: dt.date | None = None,
    order_on: dt.date | None = None,
    household: FosteringHousehold | None = None,
    notes: str = "",
    actor: AbstractBaseUser | None = None,
) -> PermanenceMatch:
    """Record that carers were confirmed as the child's permanent carers other than by
    adoption (docs/domain.md stage 27, finding 49).

    Special guardianship needs the completed assessment and the support plan (Special
    Guardianship Regulations 2005, reg. 21); the order, when made, comes after. Long-term
    fostering is a match at the permanence panel for a looked-after child (Care Planning
    Regulations 2010, reg. 22C), which has no assessment, support plan or order here.
    """
    child = lock_child(child)
    if kind not in PermanenceMatchKind.values:
        raise ValidationError({"kind": _("Choose special guardianship or long-term fostering")})
    if not carers.strip():
        raise ValidationError({"carers": _("Enter the carers' names")})
    _check_date(child, matched_on, "matched_on", _("date the carers were confirmed"))
    dates = {
        "panel_on": (panel_on, _("date of the panel")),
        "assessment_on": (assessment_on, _("date of the assessment")),
        "support_plan_on": (support_plan_on, _("date of the support plan")),
        "order_on": (order_on, _("date of the order")),
    }
    for field, (day, what) in dates.items():
        if day is not None:
            _check_date(child, day, field, what)
    if panel_on is not None and panel_on > matched_on:
        raise ValidationError(
            {"panel_on": _("The panel meets on or before the day the carers are confirmed")}
        )
    if kind == PermanenceMatchKind.SPECIAL_GUARDIANSHIP:
        if assessment_on is None:
            raise ValidationError(
                {
                    "assessment_on": _(
                        "Enter the date the special guardianship assessment was completed"
                    )
                }
            )
        if assessment_on > matched_on:
            raise ValidationError(
                {
                    "assessment_on": _(
                        "The assessment is completed on or before the day the carers are confirmed"
                    )
                }
            )
        if support_plan_on is None:
            raise ValidationError(
                {"support_plan_on": _("Enter the date the support plan was agreed")}
            )
        if order_on is not None and order_on < matched_on:
            raise ValidationError(
                {"order_on": _("The order is made on or after the day the carers are confirmed")}
            )
    else:
        if panel_on is None:
            raise ValidationError({"panel_on": _("Enter the date of the permanence panel")})
        for field in ("assessment_on", "support_plan_on", "order_on"):
            if dates[field][0] is not None:
                raise ValidationError(
                    {field: _("Only special guardianship has this date: leave it blank")}
                )
        _period_on(child, matched_on, "matched_on")
    match = PermanenceMatch.objects.create(
        child=child,
        kind=kind,
        carers=carers.strip(),
        household=household,
        matched_on=matched_on,
        panel_on=panel_on,
        assessment_on=assessment_on,
        support_plan_on=support_plan_on,
        order_on=order_on,
        notes=notes.strip(),
        recorded_by=staff_member(actor),
    )
    _permanence_changed(
        child,
        matched_on,
        _("%(kind)s: %(carers)s confirmed as permanent carers")
        % {"kind": match.get_kind_display(), "carers": match.carers},
        actor,
        detail=match.notes,
    )
    return match


# Fostering households ------------------------------------------------------------------------


def _lock_household(household: FosteringHousehold) -> FosteringHousehold:
    return FosteringHousehold.objects.select_for_update().get(pk=household.pk)


@transaction.atomic
def add_household(
    *,
    name: str,
    postcode: str,
    kind: str,
    carers: Sequence[tuple[str, str]],
    actor: AbstractBaseUser | None = None,
) -> FosteringHousehold:
    """Add a household that the fostering service is assessing, with its carers (first and
    last names)."""
    if not name.strip():
        raise ValidationError({"name": _("Enter the household's name")})
    if not is_valid_postcode(postcode):
        raise ValidationError({"postcode": _("Enter a real postcode, like WN1 1AA")})
    if kind not in HouseholdKind.values:
        raise ValidationError({"kind": _("Choose the kind of fostering")})
    named = [
        (first.strip(), last.strip()) for first, last in carers if first.strip() or last.strip()
    ]
    if not named:
        raise ValidationError({"carers": _("Enter the name of at least one carer")})
    if any(not first or not last for first, last in named):
        raise ValidationError({"carers": _("Enter each carer's first and last name")})
    household = FosteringHousehold.objects.create(
        name=name.strip(),
        postcode=normalise_postcode(postcode),
        kind=kind,
        recorded_by=staff_member(actor),
    )
    FosterCarer.objects.bulk_create(
        FosterCarer(household=household, first_name=first, last_name=last) for first, last in named
    )
    return household


@transaction.atomic
def grant_temporary_approval(
    *,
    household: FosteringHousehold,
    approved_on: dt.date,
    actor: AbstractBaseUser | None = None,
) -> FosteringHousehold:
    """Approve a connected person temporarily as a foster carer for a named child, for up to
    16 weeks while their assessment is completed (Care Planning Regulations 2010, reg. 24)."""
    household = _lock_household(household)
    check_not_future(approved_on, "approved_on", _("date of the temporary approval"))
    if household.kind != HouseholdKind.CONNECTED_PERSON:
        raise ValidationError(
            {
                "approved_on": _(
                    "Only a connected person can be approved temporarily: this household is %(kind)s"
                )
                % {"kind": household.get_kind_display().lower()}
            }
        )
    if household.approved_on is not None:
        raise ValidationError(
            {
                "approved_on": _("The household was approved on %(date)s")
                % {"date": long_date(household.approved_on)}
            }
        )
    if household.temporary_approved_on is not None:
        raise ValidationError(
            {
                "approved_on": _("The household was already approved temporarily on %(date)s")
                % {"date": long_date(household.temporary_approved_on)}
            }
        )
    household.temporary_approved_on = approved_on
    household.save(update_fields=["temporary_approved_on"])
    return household


@transaction.atomic
def extend_temporary_approval(
    *,
    household: FosteringHousehold,
    extended_on: dt.date,
    reason: str,
    actor: AbstractBaseUser | None = None,
) -> FosteringHousehold:
    """Extend a temporary approval once, by 8 weeks, before it runs out, recording why the
    assessment is not complete (Care Planning Regulations 2010, reg. 25)."""
    household = _lock_household(household)
    check_not_future(extended_on, "extended_on", _("date of the extension"))
    ends_on = household.temporary_approval_ends_on
    if ends_on is None:
        raise ValidationError(
            {"extended_on": _("The household has no temporary approval to extend")}
        )
    if household.temporary_extended_on is not None:
        raise ValidationError(
            {
                "extended_on": _(
                    "The temporary approval was already extended on %(date)s: it can be "
                    "extended only once"
                )
                % {"date": long_date(household.temporary_extended_on)}
            }
        )
    if extended_on < household.temporary_approved_on:
        raise ValidationError(
            {
                "extended_on": _("This is before the temporary approval of %(date)s")
                % {"date": long_date(household.temporary_approved_on)}
            }
        )
    if extended_on > ends_on:
        raise ValidationError(
            {
                "extended_on": _(
                    "The temporary approval ran out on %(date)s: it can no longer be extended"
                )
                % {"date": long_date(ends_on)}
            }
        )
    if not reason.strip():
        raise ValidationError(
            {"reason": _("Say why the assessment is not complete and the approval is extended")}
        )
    household.temporary_extended_on = extended_on
    household.extension_reason = reason.strip()
    household.save(update_fields=["temporary_extended_on", "extension_reason"])
    return household


@transaction.atomic
def approve_household(
    *,
    household: FosteringHousehold,
    panel_on: dt.date,
    approved_on: dt.date,
    terms: str,
    actor: AbstractBaseUser | None = None,
) -> FosteringHousehold:
    """The agency decision maker approves the household as foster carers after the fostering
    panel's recommendation, on terms (Fostering Services (England) Regulations 2011, reg. 27)."""
    household = _lock_household(household)
    check_not_future(panel_on, "panel_on", _("date of the panel"))
    check_not_future(approved_on, "approved_on", _("date of approval"))
    if household.approved_on is not None:
        raise ValidationError(
            {
                "approved_on": _("The household was already approved on %(date)s")
                % {"date": long_date(household.approved_on)}
            }
        )
    if approved_on < panel_on:
        raise ValidationError(
            {"approved_on": _("Approval follows the panel: it must be on or after the panel date")}
        )
    if not terms.strip():
        raise ValidationError(
            {
                "terms": _(
                    "Enter the terms of approval, such as how many children, their ages and "
                    "the kind of care"
                )
            }
        )
    household.panel_on = panel_on
    household.approved_on = approved_on
    household.terms_of_approval = terms.strip()
    household.approved_by = staff_member(actor)
    household.save(update_fields=["panel_on", "approved_on", "terms_of_approval", "approved_by"])
    return household


@transaction.atomic
def add_development_goal(
    *,
    household: FosteringHousehold,
    goal: str,
    due_on: dt.date,
    actor: AbstractBaseUser | None = None,
) -> DevelopmentGoal:
    """Add an objective to the household's development plan (docs/domain.md finding 25)."""
    household = _lock_household(household)
    if not goal.strip():
        raise ValidationError({"goal": _("Enter the development goal")})
    return DevelopmentGoal.objects.create(
        household=household, goal=goal.strip(), due_on=due_on, recorded_by=staff_member(actor)
    )


@transaction.atomic
def add_training_record(
    *,
    household: FosteringHousehold,
    course: str,
    completed_on: dt.date,
    carer: FosterCarer | None = None,
    hours: int | None = None,
    actor: AbstractBaseUser | None = None,
) -> TrainingRecord:
    """Add training a carer of the household completed to its training log (docs/domain.md
    finding 25); with no carer named, the whole household attended."""
    household = _lock_household(household)
    if not course.strip():
        raise ValidationError({"course": _("Enter the name of the course")})
    check_not_future(completed_on, "completed_on", _("date the course was completed"))
    if carer is not None and carer.household_id != household.pk:
        raise ValidationError({"carer": _("Choose a carer of this household")})
    if hours is not None and not 1 <= hours <= 200:
        raise ValidationError({"hours": _("Enter the hours as a whole number from 1 to 200")})
    return TrainingRecord.objects.create(
        household=household,
        carer=carer,
        course=course.strip(),
        completed_on=completed_on,
        hours=hours,
        recorded_by=staff_member(actor),
    )
