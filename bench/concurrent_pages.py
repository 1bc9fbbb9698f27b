"""Benchmark: a team on one Kinfolk at once, on the embedded SQLite database.

Run by hand, not in CI:

    .venv/bin/kinfolk migrate && .venv/bin/kinfolk demo --size small --replace
    .venv/bin/python bench/concurrent_pages.py [--users 6] [--requests 25] [--url URL]

Signs in ``--users`` demo workers and sends ``--requests`` requests for child pages for each of
them, all at once, from one thread per request. Without ``--url`` it starts ``kinfolk
runserver`` on a free port on the database ``DATABASE_URL`` names (the demo's ./kinfolk.sqlite3
by default) and stops it at the end; with ``--url`` it uses that running Kinfolk, which must
serve the same database (the workers are signed in by writing their sessions into it, as a
test does, so that no second factor has to be typed). Prints the responses by status, the
median and 95th percentile latency, and the machine's load average; exits 1 if any response
is a server error (500 or above).
"""

import argparse
import collections
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class Response:
    status: int
    seconds: float
    path: str


def fetch(base_url: str, path: str, cookie: str, timeout: float = 120) -> Response:
    """One GET of ``path`` with the session ``cookie``; a refused connection or a timeout
    counts as status 0."""
    if not base_url.startswith(("http://", "https://")):
        raise ValueError(f"not a web address: {base_url}")
    request = urllib.request.Request(base_url + path, headers={"Cookie": cookie})  # noqa: S310
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310
            answer.read()
            status = answer.status
    except urllib.error.HTTPError as error:
        status = error.code
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        status = 0
    return Response(status, time.perf_counter() - started, path)


def fire(base_url: str, requests: list[tuple[str, str]]) -> list[Response]:
    """Send every (path, cookie) request at once, one thread each. Redirects are not followed
    (a redirect to the sign-in page is a 302, not a page)."""
    opener = urllib.request.build_opener(NoRedirect)
    urllib.request.install_opener(opener)
    with ThreadPoolExecutor(max_workers=len(requests)) as pool:
        return list(pool.map(lambda request: fetch(base_url, *request), requests))


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


def session_cookie(user) -> str:  # type: ignore[no-untyped-def]
    """The session cookie of ``user`` fully signed in, as the tests sign people in
    (conftest.py ``signed_in``: password and second factor given)."""
    from django.conf import settings

    from conftest import signed_in

    client = signed_in(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def child_pages(user, count: int) -> list[str]:  # type: ignore[no-untyped-def]
    """``count`` child pages ``user`` may open: children their team holds, else any they may
    see, in turn."""
    from django.urls import reverse

    from kinfolk.people.models import Child

    visible = Child.objects.visible_to(user)
    held = visible.filter(allocations__end_on__isnull=True, allocations__team=user.team_id)
    ids = list(held.values_list("pk", flat=True)[:count]) or list(
        visible.values_list("pk", flat=True)[:count]
    )
    if not ids:
        raise SystemExit(f"{user} may see no child: load the demo first")
    return [reverse("children:detail", args=[ids[n % len(ids)]]) for n in range(count)]


def demo_workers(count: int) -> list:  # type: ignore[type-arg]
    """``count`` demo workers of different roles where there are, each with a team."""
    from kinfolk.workforce.models import User

    workers, roles = [], set()
    candidates = list(User.objects.filter(is_active=True, team__isnull=False).order_by("pk"))
    for user in candidates:
        if user.role not in roles:
            workers.append(user)
            roles.add(user.role)
    workers += [user for user in candidates if user not in workers]
    if len(workers) < count:
        raise SystemExit(f"only {len(workers)} workers: load the demo first")
    return workers[:count]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:  # type: ignore[type-arg]
    """``kinfolk runserver`` on ``port``, on the database of this process's environment."""
    server = subprocess.Popen(  # noqa: S603 - our own manage.py
        [sys.executable, str(ROOT / "manage.py"), "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("runserver did not start within 60 s")


def summary(responses: list[Response]) -> list[str]:
    """The lines the bench prints: responses by status, latency, load average."""
    by_status = collections.Counter(response.status for response in responses)
    seconds = sorted(response.seconds for response in responses)
    p95 = seconds[max(0, int(len(seconds) * 0.95) - 1)]
    one, five, fifteen = os.getloadavg()
    return [
        "responses by status: "
        + ", ".join(f"{status}: {n}" for status, n in sorted(by_status.items())),
        f"latency: p50 {statistics.median(seconds) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
        f"worst {seconds[-1] * 1000:.0f} ms",
        f"load average: {one:.2f} {five:.2f} {fifteen:.2f} (1, 5, 15 min; {os.cpu_count()} cores)",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=6)
    parser.add_argument("--requests", type=int, default=25, help="per user")
    parser.add_argument("--url", help="a running Kinfolk on the same database")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinfolk.settings")
    import django

    django.setup()
    from django.db import connection

    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    print(
        "options:",
        {key: value for key, value in connection.settings_dict.get("OPTIONS", {}).items()},
    )
    workers = demo_workers(args.users)
    requests = []
    for user in workers:
        cookie = session_cookie(user)
        requests += [(path, cookie) for path in child_pages(user, args.requests)]
    connection.close()
    print(
        f"{len(workers)} signed in ({', '.join(f'{u.username} {u.role}' for u in workers)}); "
        f"{len(requests)} child-page requests at once"
    )

    server = None
    base_url = (args.url or "").rstrip("/")
    if not base_url:
        port = free_port()
        server = start_server(port)
        base_url = f"http://127.0.0.1:{port}"
        fetch(base_url, "/sign-in/", "")  # the first request loads the URLs and templates
    try:
        started = time.perf_counter()
        responses = fire(base_url, requests)
        elapsed = time.perf_counter() - started
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
    print(f"server: {base_url}; all answered in {elapsed:.1f} s")
    for line in summary(responses):
        print(line)
    errors = [response for response in responses if response.status >= 500 or response.status == 0]
    for response in errors[:5]:
        print(f"  {response.status} {response.path}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
