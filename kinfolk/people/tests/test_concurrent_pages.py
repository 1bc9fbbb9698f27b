"""Six signed-in people opening children's pages at the same moment on the live test server
(its own threads and connections; on SQLite a file, as the embedded database runs): every page
answers, none with a server error. bench/concurrent_pages.py measures the same on a demo
authority."""

import importlib.util
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections
from django.urls import reverse

from conftest import PASSWORD, make_child, signed_in
from kinfolk.workforce.choices import Role
from kinfolk.workforce.services import allocate_child, create_team, create_worker

pytestmark = pytest.mark.django_db(transaction=True)

BENCH = Path(__file__).resolve().parents[3] / "bench" / "concurrent_pages.py"


def bench():
    spec = importlib.util.spec_from_file_location("concurrent_pages", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_six_people_opening_child_pages_at_once_get_no_server_error(live_server, today):
    team = create_team(name="Assessment North")
    people = [
        create_worker(
            username=f"worker{n}",
            display_name=f"Worker {n}",
            role=Role.TEAM_MANAGER if n == 0 else Role.SOCIAL_WORKER,
            team=team,
            is_qualified=True,
            password=PASSWORD,
        )
        for n in range(6)
    ]
    children = [make_child(la_child_id=f"C{n}", first_name=f"Kit{n}") for n in range(6)]
    for child, worker in zip(children, people[1:] + people[:1], strict=True):
        allocate_child(child=child, worker=worker, start_on=today)
    name = settings.SESSION_COOKIE_NAME
    requests = []
    for person in people:
        cookie = f"{name}={signed_in(person).cookies[name].value}"
        for child in children:
            for page in ("children:detail", "casework:child-casework"):
                requests.append((reverse(page, args=[child.pk]), cookie))

    responses = bench().fire(live_server.url, requests)

    assert len(responses) == 72
    assert sorted({response.status for response in responses}) == [200]
    connections.close_all()
