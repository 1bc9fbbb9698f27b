"""Headline counts that apps above the workspaces add to a workspace.

The workspaces read the casework apps and the duties directly. The returns sit above them in
the layers (docs/architecture.md), so a workspace may not import them; instead the returns app
declares, in its ``registrations`` module, a function giving its headline counts, and the
performance analyst's workspace shows whatever is declared (kinfolk.core.registry explains
the pattern).
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kinfolk.core.actors import Actor
from kinfolk.core.registry import Registry


@dataclass(frozen=True)
class Headline:
    """One count shown on a workspace, with the page where the work behind it is done.

    ``count`` is None when there is nothing to count yet (a check never run): the workspace
    then shows ``detail`` alone.
    """

    label: Any
    count: int | None
    url: str
    detail: Any = ""
    is_alert: bool = False


@dataclass(frozen=True)
class HeadlineGroup:
    """The headlines of one app, under a heading, with links to its pages."""

    heading: Any
    headlines: list[Headline]
    links: list[tuple[str, Any]]


#: A function giving an app's headlines for a member of staff on a day.
HeadlineSource = Callable[[Actor, dt.date], HeadlineGroup]

#: The headline sources, by the code of the app that declares them.
headline_sources: Registry[str, HeadlineSource] = Registry("workspace headline source")


def register_headlines(code: str) -> Callable[[HeadlineSource], HeadlineSource]:
    """Declare a function as the headline source of the app ``code``."""

    def declare(source: HeadlineSource) -> HeadlineSource:
        return headline_sources.register(code, source)

    return declare


def headline_groups(user: Actor, today: dt.date) -> list[HeadlineGroup]:
    """Every declared app's headlines for ``user`` on ``today``, in the order declared."""
    return [source(user, today) for _code, source in headline_sources.items()]
