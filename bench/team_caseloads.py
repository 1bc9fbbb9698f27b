"""Benchmark: the team page, each worker's caseload against their cap (docs/caseloads.md).

Run by hand, not in CI, on the authority the database ``DATABASE_URL`` names already holds
(load one with ``kinfolk demo --size medium``):

    DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python bench/team_caseloads.py [--runs 50]

Times the page in-process through the Django test client as the manager of each team, and
prints the server time (median, 95th percentile, worst) and the query count of each team.
The page must answer in under 200 ms on the medium demo authority, in the same number of
queries whatever the team's size.
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
    parser.add_argument("--runs", type=int, default=50, help="requests of each team's page")
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        parser.error("set DATABASE_URL to the database that holds the demo authority")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinfolk.settings")
    os.environ["DEBUG"] = "0"
    # The page is timed signed in with a password alone (force_login): the second factor is
    # the sign-in's, not the page's.
    os.environ["KINFOLK_REQUIRE_TWO_FACTOR"] = "0"
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from kinfolk.workforce.choices import Role
    from kinfolk.workforce.models import Allocation, User

    print(f"database: {connection.vendor} ({os.environ['DATABASE_URL'].split('@')[-1]})")
    print(f"open allocations: {Allocation.objects.open().count()}")
    managers = User.objects.filter(role=Role.TEAM_MANAGER, team__isnull=False, is_active=True)
    seen_teams: set[int] = set()
    every: list[float] = []
    for manager in managers.select_related("team").order_by("team__name"):
        if manager.team_id in seen_teams:
            continue
        seen_teams.add(manager.team_id)
        client = Client()
        client.force_login(manager)
        url = reverse("team")
        client.get(url)  # the first request compiles the templates
        members = User.objects.filter(team=manager.team, is_active=True).count()
        timings, queries = [], []
        for _ in range(args.runs):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
            queries.append(len(captured))
        every.extend(timings)
        timings.sort()
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        print(
            f"{manager.team.name:<32} {members:3d} workers   "
            f"median {statistics.median(timings):6.1f} ms   p95 {p95:6.1f} ms   "
            f"worst {timings[-1]:6.1f} ms   queries {min(queries)}-{max(queries)}"
        )
    if every:
        every.sort()
        print(
            f"{'all teams':<44} median {statistics.median(every):6.1f} ms   "
            f"p95 {every[max(0, int(len(every) * 0.95) - 1)]:6.1f} ms"
        )


if __name__ == "__main__":
    main()
