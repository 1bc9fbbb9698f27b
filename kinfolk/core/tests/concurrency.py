"""Several people doing the same thing at the same moment, each on a connection of their own,
as a team does on one Kinfolk: for tests marked ``django_db(transaction=True)``, so that what
the test recorded is committed and every thread sees it."""

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import connections

Outcome = TypeVar("Outcome")


def at_once(count: int, act: Callable[[int], Outcome]) -> list[Outcome]:
    """Run ``act(0)`` ... ``act(count - 1)`` in ``count`` threads released together; each
    thread has its own database connection, closed when it ends. An exception other than the
    outcome ``act`` returns (a database error, say) fails the test."""
    barrier = threading.Barrier(count)

    def run(number: int) -> Outcome:
        try:
            barrier.wait(timeout=60)
            return act(number)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=count) as pool:
        futures = [pool.submit(run, number) for number in range(count)]
        return [future.result(timeout=120) for future in futures]


def saved_or_refused(call: Callable[[], object]) -> str:
    """``"saved"``, or the message of the ``ValidationError`` the service refused with."""
    try:
        call()
    except ValidationError as refusal:
        return " ".join(refusal.messages)
    return "saved"
