"""Benchmark: the sign-off queue's server time on a demo authority (docs/sign-off.md).

Run by hand, not in CI, on a database that already holds a demo authority:

    DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python bench/sign_off_queue.py [--runs 50]

Times the queue page (``/sign-off/``, then its screening filter and its second page) through
the Django test client in this process, for a head of service and for a team manager: median,
95th percentile and worst server time, the number of queries, and how many items wait.
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
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        parser.error("set DATABASE_URL to the database that holds the demo authority")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinfolk.settings")
    os.environ["DEBUG"] = "0"
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from kinfolk.people.models import Child
    from kinfolk.workforce.choices import Role
    from kinfolk.workforce.models import User
    from kinfolk.workspaces.sign_off import waiting_for

    # The server's time is measured, not signing in: the second factor is not asked for.
    settings.KINFOLK_REQUIRE_TWO_FACTOR = False
    print(f"database: {connection.vendor}; {Child.objects.count()} children")
    url = reverse("sign-off-queue")
    for role in (Role.HEAD_OF_SERVICE, Role.TEAM_MANAGER):
        user = User.objects.filter(role=role, is_active=True).order_by("pk").first()
        if user is None:
            print(f"{role.label}: none in this authority")
            continue
        client = Client()
        client.force_login(user)
        waiting = len(waiting_for(user))
        for query in ({}, {"kind": "screening"}, {"page": "2"}):
            timings, queries = [], []
            for _ in range(args.runs):
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
                f"{role.label:<16} {shown:<16} {waiting:>5} waiting   "
                f"median {statistics.median(timings):6.1f} ms   p95 {p95:6.1f} ms   "
                f"worst {timings[-1]:6.1f} ms   queries {min(queries)}-{max(queries)}"
            )


if __name__ == "__main__":
    main()
