"""Benchmark: the sign-off queue's server time on a demo authority (docs/sign-off.md).

Run by hand, not in CI, on a database that already holds a demo authority:

    DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python bench/sign_off_queue.py [--runs 50]

Times the queue page (``/sign-off/``, then its screening filter and its second page) through
the Django test client in this process, for a head of service and for a team manager: median,
95th percentile and worst server time, the number of queries, and how many items wait.

A demo authority's history is imported, and nothing imported waits for a manager. With
``--waiting N``, N of its screening decisions that needed a sign-off (no further action or
early help) and N of its authorised assessments are made to wait for one, as if recorded on the
pages, inside a transaction that is rolled back when the figures are printed: the database is
left as it was.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--waiting", type=int, default=0, metavar="N")
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        parser.error("set DATABASE_URL to the database that holds the demo authority")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinfolk.settings")
    os.environ["DEBUG"] = "0"
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection, transaction

    from kinfolk.people.models import Child

    # The server's time is measured, not signing in: the second factor is not asked for.
    settings.KINFOLK_REQUIRE_TWO_FACTOR = False
    print(f"database: {connection.vendor}; {Child.objects.count()} children")
    with transaction.atomic():
        if args.waiting:
            make_wait(args.waiting)
        measure(args.runs)
        transaction.set_rollback(True)


def make_wait(count: int) -> None:
    """Make ``count`` imported screening decisions and ``count`` imported assessments wait for
    a manager, the latest of each first."""
    from kinfolk.casework.choices import AssessmentStatus
    from kinfolk.casework.models import Assessment
    from kinfolk.frontdoor.choices import OUTCOMES_NEEDING_SIGN_OFF
    from kinfolk.frontdoor.models import ScreeningDecision

    decisions = ScreeningDecision.objects.filter(
        outcome__in=OUTCOMES_NEEDING_SIGN_OFF, decided_by__isnull=False
    ).order_by("-decided_at")[:count]
    made = ScreeningDecision.objects.filter(pk__in=list(decisions.values_list("pk", flat=True)))
    screening = made.update(is_imported=False, signed_off_at=None, signed_off_by=None)
    assessments = Assessment.objects.filter(status=AssessmentStatus.AUTHORISED).order_by(
        "-started_on"
    )[:count]
    assessed = Assessment.objects.filter(
        pk__in=list(assessments.values_list("pk", flat=True))
    ).update(status=AssessmentStatus.SUBMITTED, is_imported=False)
    print(f"made to wait: {screening} screening decisions, {assessed} assessments")


def measure(runs: int) -> None:
    """Time the queue for the first head of service and the first team manager."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from kinfolk.workforce.choices import Role
    from kinfolk.workforce.models import User
    from kinfolk.workspaces.sign_off import waiting

    url = reverse("sign-off-queue")
    for role in (Role.HEAD_OF_SERVICE, Role.TEAM_MANAGER):
        user = User.objects.filter(role=role, is_active=True).order_by("pk").first()
        if user is None:
            print(f"{role.label}: none in this authority")
            continue
        client = Client()
        client.force_login(user)
        count = len(waiting(user))
        for query in ({}, {"kind": "screening"}, {"page": "2"}):
            timings, queries = [], []
            for _ in range(runs):
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(url, query)
                    timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, response.status_code
                queries.append(len(captured))
            timings.sort()
            p95 = timings[max(int(len(timings) * 0.95) - 1, 0)]
            shown = "&".join(f"{k}={v}" for k, v in query.items()) or "all"
            print(
                f"{role.label:<16} {shown:<16} {count:>5} waiting   "
                f"median {statistics.median(timings):6.1f} ms   p95 {p95:6.1f} ms   "
                f"worst {timings[-1]:6.1f} ms   queries {min(queries)}-{max(queries)}"
            )


if __name__ == "__main__":
    main()
