"""The demo authority's newly qualified social workers (docs/caseloads.md).

The journey format records whether a worker is qualified but not when they qualified, so the
demo gives a date to one in six of its qualified, permanent social workers, between one and
eleven months before the demo's date: they are in their assessed and supported year in
employment, and the team pages show their protected caseloads.
"""

import datetime as dt

from kinfolk.workforce.choices import Role
from kinfolk.workforce.models import User

#: One in this many qualified social workers is in their first year.
ONE_IN = 6


def mark_newly_qualified(as_of: dt.date) -> int:
    """Give some of the demo's social workers a date of qualifying within the last year; how
    many were given one."""
    workers = list(
        User.objects.filter(
            role=Role.SOCIAL_WORKER, is_qualified=True, is_agency=False, qualified_on__isnull=True
        ).order_by("username")
    )
    chosen = workers[::ONE_IN]
    for number, worker in enumerate(chosen):
        worker.qualified_on = as_of - dt.timedelta(days=30 * (1 + number % 11))
        worker.save(update_fields=["qualified_on"])
    return len(chosen)
