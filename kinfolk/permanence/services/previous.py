"""Previous permanence: the adoption, special guardianship or child arrangements order the child
had before coming into care (SSDA903 PrevPerm)."""

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinfolk.care.models import PeriodOfCare
from kinfolk.casework.services import lock_child
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.codes import PreviousPermanence as PreviousPermanenceCode
from kinfolk.core.dates import long_date
from kinfolk.people.models import Child
from kinfolk.permanence.models import PreviousPermanence
from kinfolk.permanence.services.child import check_date, permanence_changed

#: LA_PERM values other than an authority's 3-digit number (SSDA903 rule 633).
OTHER_PERMANENCE_AUTHORITIES = {"999", "NIR", "NUK", "SCO", "WAL"}


@transaction.atomic
def record_previous_permanence(
    *,
    child: Child,
    code: str,
    order_on: dt.date | None = None,
    local_authority: str = "",
    actor: Actor | None = None,
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
        check_date(child, order_on, "order_on", _("date of the order"))
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
    permanence_changed(
        child,
        occurred_on,
        _("Previous permanence: %(option)s") % {"option": PreviousPermanenceCode(code).label},
        actor,
    )
    return record
