"""Every URL of Kinfolk, with what its view declares it needs, for the tests that walk them."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

from kinfolk.access.policy import Permission, Requirement, allows, requirement_of
from kinfolk.access.roles import Role

#: The order in which a test picks a role allowed to open a page: the most ordinary first.
PREFERENCE = [
    Role.TEAM_MANAGER,
    Role.SOCIAL_WORKER,
    Role.CP_CHAIR,
    Role.IRO,
    Role.PERSONAL_ADVISER,
    Role.FRONTDOOR,
    Role.ADOPTION,
    Role.ANALYST,
    Role.INFORMATION_GOVERNANCE,
    Role.LADO,
    Role.ADMIN,
    Role.COMPLAINTS_MANAGER,
    Role.HEAD_OF_SERVICE,
]


@dataclass(frozen=True)
class Route:
    route: str
    name: str
    namespace: str
    callback: Any
    is_regex: bool

    @property
    def requirement(self) -> Requirement | None:
        return requirement_of(self.callback)

    @property
    def view_class(self) -> type | None:
        return getattr(self.callback, "view_class", None)

    def path(self, **values: int) -> str:
        """The route with each ``<int:name>`` replaced by ``values[name]`` (else 1), and any
        other converter by "x"."""

        def value(match: re.Match[str]) -> str:
            converter, name = match.group(1), match.group(2)
            if converter == "int":
                return str(values.get(name, 1))
            return "x"

        return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", value, self.route)


def routes() -> Iterator[Route]:
    def walk(resolver: URLResolver, prefix: str, namespace: str) -> Iterator[Route]:
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(part for part in (namespace, pattern.namespace or "") if part)
                yield from walk(pattern, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                yield Route(
                    route=prefix + str(pattern.pattern),
                    name=f"{namespace}:{pattern.name}" if namespace else (pattern.name or ""),
                    namespace=namespace,
                    callback=pattern.callback,
                    is_regex=not isinstance(pattern.pattern, RoutePattern)
                    or (bool(prefix) and prefix.startswith("^")),
                )

    yield from walk(get_resolver(), "", "")


def role_allowed(requirement: Requirement | None) -> Role:
    """The first role (in PREFERENCE) that may open a page with this requirement."""
    if not isinstance(requirement, Permission):
        return PREFERENCE[0]
    for role in PREFERENCE:
        if allows(_RoleOnly(role), requirement):
            return role
    raise AssertionError(f"no role holds {requirement}")


@dataclass
class _RoleOnly:
    role: str
    is_authenticated: bool = True
    is_active: bool = True
    team_id: int | None = None


def worker_allowed(url_name: str, team: Any = None, *, username: str = "") -> Any:
    """A member of staff whose role may open the named page (a URL about child 1's kind), in
    the team (so that a team's scope holds)."""
    from django.urls import resolve, reverse

    from conftest import worker_of_role

    match = resolve(reverse(url_name, args=[1]))
    return worker_of_role(role_allowed(requirement_of(match.func)), team, username=username)
