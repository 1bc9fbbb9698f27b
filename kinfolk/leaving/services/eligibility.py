"""Whether a young person is a care leaver on a day, and the checks every leaving-care record
makes: a date in the young person's life, and a status that allows the record.

Status is derived from the periods of care (``kinfolk.leaving.standing``), never typed in.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinfolk.care.history import Stay
from kinfolk.care.models import PeriodOfCare
from kinfolk.casework.services import check_not_future
from kinfolk.core.dates import long_date
from kinfolk.core.guards import Guard
from kinfolk.leaving.models import SupportTo25
from kinfolk.leaving.standing import Standing, standing_on, stays_from_periods
from kinfolk.people.models import Child


def care_history(child: Child) -> list[Stay]:
    """The child's periods of care that count towards leaving-care status."""
    return stays_from_periods(PeriodOfCare.objects.filter(child=child).prefetch_related("episodes"))


def standing_of(child: Child, on: dt.date) -> Standing:
    """The child's standing as a care leaver on ``on``, from the database."""
    has_support = (
        SupportTo25.objects.filter(child=child, requested_on__lte=on)
        .exclude(ended_on__lte=on)
        .exists()
    )
    return standing_on(child.date_of_birth, care_history(child), on, has_support_to_25=has_support)


def check_date(child: Child, day: dt.date, field: str, what: str) -> None:
    """Refuse a date in the future, before the young person was born or after they died."""
    check_not_future(day, field, what)
    if child.date_of_birth is None or day < child.date_of_birth:
        raise ValidationError(
            {
                field: _("The %(what)s cannot be before %(child)s was born")
                % {"what": what, "child": child}
            }
        )
    if child.date_of_death is not None and day > child.date_of_death:
        raise ValidationError(
            {
                field: _("%(child)s died on %(date)s: nothing can be recorded after that")
                % {"child": child, "date": long_date(child.date_of_death)}
            }
        )


def born_on(child: Child) -> dt.date:
    """A care leaver's date of birth. A young person who has been looked after has been born,
    and ``check_date`` refuses anything recorded for a child who has not."""
    assert child.date_of_birth is not None
    return child.date_of_birth


def refuse_not_care_leaver(
    child: Child, on: dt.date, field: str, what: str, standing: Standing
) -> None:
    raise ValidationError(
        {
            field: _(
                "%(what)s is only for a care leaver, and on %(date)s %(child)s was not one. "
                "%(reason)s"
            )
            % {"what": what, "date": long_date(on), "child": child, "reason": standing.explanation}
        }
    )


def check_care_leaver(child: Child, on: dt.date, field: str, what: str) -> Standing:
    """The young person must be a care leaver on ``on`` (eligible, relevant, former relevant,
    or former relevant until 21 and now under 25)."""
    standing = standing_of(child, on)
    if not standing.may_have_adviser:
        refuse_not_care_leaver(child, on, field, what, standing)
    return standing


def standing_now(child: Child) -> Standing:
    """The young person's standing as a care leaver today, which decides what the pages offer."""
    return standing_of(child, timezone.localdate())


def _why_not(child: Child) -> dict[str, str]:
    return {"reason": standing_now(child).explanation}


def _is_support_age(standing: Standing) -> bool:
    return standing.was_former_relevant and standing.age is not None and 21 <= standing.age < 25


_NOT_A_CARE_LEAVER = gettext_lazy("%(subject)s is not a care leaver. %(reason)s")

#: A personal adviser, and contacts with them, are for a care leaver (eligible, relevant, former
#: relevant, or with support to 25). The services check the status on the date recorded.
IS_CARE_LEAVER: Guard[Child] = Guard(
    name="care-leaver",
    message=_NOT_A_CARE_LEAVER,
    holds=lambda child: standing_now(child).may_have_adviser,
    facts=_why_not,
)
#: A pathway plan is for a care leaver, or a young person looked after at 16 or 17.
MAY_HAVE_PATHWAY_PLAN: Guard[Child] = Guard(
    name="may-have-pathway-plan",
    message=_NOT_A_CARE_LEAVER,
    holds=lambda child: standing_now(child).may_have_pathway_plan,
    facts=_why_not,
)
#: Staying put is for a former relevant young person.
WAS_FORMER_RELEVANT: Guard[Child] = Guard(
    name="former-relevant",
    message=_NOT_A_CARE_LEAVER,
    holds=lambda child: standing_now(child).was_former_relevant,
    facts=_why_not,
)
#: Support to 25 is for a former relevant young person aged 21 to 24 (Children Act 1989
#: s23CZB).
MAY_ASK_FOR_SUPPORT_TO_25: Guard[Child] = Guard(
    name="support-to-25-age",
    message=gettext_lazy(
        "Support to 25 is for a former relevant young person aged 21 to 24. %(reason)s"
    ),
    holds=lambda child: _is_support_age(standing_now(child)),
    facts=_why_not,
)
