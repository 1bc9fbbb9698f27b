"""Benchmark: loading the demo authority, and the child page's server time on it.

Run by hand, not in CI:

    .venv/bin/python bench/foundation.py [--size medium] [--requests 200]

Uses a fresh SQLite file unless DATABASE_URL is set (then that database is emptied and used).
Prints the load time and the server time of the child pages (median, 95th percentile, worst).
"""

import argparse
import io
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="medium", choices=["small", "medium", "large"])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="measure the pages on the database DATABASE_URL already holds",
    )
    args = parser.parse_args()
    if args.reuse and "DATABASE_URL" not in os.environ:
        parser.error("--reuse needs DATABASE_URL")

    workdir = tempfile.mkdtemp(prefix="kinfolk-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinfolk.settings")
    os.environ["DEBUG"] = "0"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from kinfolk.care.models import PeriodOfCare
    from kinfolk.people.models import Child
    from kinfolk.workforce.choices import Role
    from kinfolk.workforce.models import User

    print(f"database: {connection.vendor} ({os.environ['DATABASE_URL'].split('@')[-1]})")
    if not args.reuse:
        if connection.vendor != "sqlite":
            call_command("flush", "--no-input", verbosity=0)
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        call_command(
            "demo",
            size=args.size,
            seed=1,
            replace=True,
            out=Path(workdir) / "demo.jsonl",
            stdout=io.StringIO(),
        )
        load_seconds = time.perf_counter() - started
        children = Child.objects.count()
        print(
            f"load {args.size} demo authority: {load_seconds:.1f} s "
            f"({children} children, {children / load_seconds:.0f} children/s)"
        )

    manager = User.objects.filter(role=Role.TEAM_MANAGER).first()
    client = Client()
    client.force_login(manager)
    ids = list(Child.objects.values_list("pk", flat=True))
    in_care = list(PeriodOfCare.objects.values_list("child_id", flat=True).distinct()) or ids
    rng = random.Random(1)
    for name, pool in (
        ("casework:child-casework", ids),
        ("children:detail", ids),
        ("children:chronology", ids),
        ("children:identity", ids),
        ("children:relationships", ids),
        ("children:allocations", ids),
        ("care:child-care", in_care),
        ("leaving:child-leaving", in_care),
        ("permanence:child-permanence", in_care),
    ):
        timings, queries = [], []
        for _ in range(args.requests):
            url = reverse(name, args=[rng.choice(pool)])
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, url
            queries.append(len(captured))
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(
            f"{name:<24} median {statistics.median(timings):6.1f} ms   p95 {p95:6.1f} ms   "
            f"worst {timings[-1]:6.1f} ms   queries {min(queries)}-{max(queries)}"
        )
    for name in ("leaving:care-leavers", "permanence:adoption-plans", "permanence:households"):
        timings = []
        for _ in range(10):
            started = time.perf_counter()
            assert client.get(reverse(name)).status_code == 200
            timings.append((time.perf_counter() - started) * 1000)
        print(
            f"{name:<24} median {statistics.median(timings):6.1f} ms   worst {max(timings):6.1f} ms"
        )
    started = time.perf_counter()
    for term in ("smith", "smyth", "jonson", "ahmed", "okafor", "nowak", "lily", "wn1"):
        key = "postcode" if term.startswith("wn") else "name"
        client.get(reverse("children:search"), {key: term})
    print(f"search (8 queries)        mean {(time.perf_counter() - started) * 1000 / 8:6.1f} ms")
    busiest = (
        User.objects.filter(role=Role.SOCIAL_WORKER)
        .with_caseload(viewer=manager)
        .order_by("-caseload")
        .first()
    )
    for name, user in (("duties:my-work", busiest), ("duties:team-work", manager)):
        client.force_login(user)
        timings = []
        for _ in range(20):
            started = time.perf_counter()
            assert client.get(reverse(name)).status_code == 200
            timings.append((time.perf_counter() - started) * 1000)
        print(
            f"{name:<24} median {statistics.median(timings):6.1f} ms   "
            f"worst {max(timings):6.1f} ms   (as {user}; busiest caseload {busiest.caseload})"
        )


if __name__ == "__main__":
    main()
