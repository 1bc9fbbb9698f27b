"""The menu in the header: one list of pages, each shown only to those who may reach it.

The list is declared once, here. An item is shown when the access policy lets the user open
its page (``may_reach``), and, for a page that everyone may open but that only some roles work
from (a caseload, the care leavers' list), when the user holds one of the permissions of the
work it is for; pages of a team need the user to be in one. A page another app has not built
yet (its URL name does not exist) is left out until it does.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from kinfolk.access.policy import P, Permission, allows, may_reach

#: Those who hold cases: social workers, managers and adoption workers.
_HOLDS_CASES = (P.RECORD_CASEWORK, P.RECORD_PERMANENCE)
#: Those with their own work to do for children they hold, personal advisers included.
_HAS_OWN_WORK = (P.RECORD_CASEWORK, P.RECORD_LEAVING_CARE, P.RECORD_PERMANENCE)


@dataclass(frozen=True)
class MenuItem:
    """A page in the menu: its URL name and label, and who it is for beyond the policy."""

    url_name: str
    label: Any
    #: Shown only to holders of one of these permissions (empty: to all who may reach it).
    shown_to: Sequence[Permission] = ()
    #: Shown only to members of a team.
    needs_team: bool = False


MENU: tuple[MenuItem, ...] = (
    MenuItem("home", _("Home")),
    MenuItem("caseload", _("My caseload"), shown_to=_HOLDS_CASES),
    MenuItem("duties:my-work", _("My work"), shown_to=(*_HAS_OWN_WORK, P.MANAGE_COMPLAINTS)),
    MenuItem("frontdoor:queue", _("Front door")),
    MenuItem("children:search", _("Find a child")),
    MenuItem("leaving:care-leavers", _("Care leavers"), shown_to=(P.RECORD_LEAVING_CARE,)),
    MenuItem("permanence:adoption-plans", _("Adoption"), shown_to=(P.RECORD_PERMANENCE,)),
    MenuItem("permanence:households", _("Fostering"), shown_to=(P.RECORD_FOSTERING,)),
    MenuItem("registers:young-carers", _("Registers")),
    MenuItem("privatefostering:register", _("Private fostering"), shown_to=(P.RECORD_CASEWORK,)),
    MenuItem("returns:index", _("Returns")),
    MenuItem("access:reviews", _("Break-the-glass")),
    MenuItem("records:requests", _("Subject access")),
    MenuItem("allegations:list", _("Allegations")),
    MenuItem("team", _("Team"), needs_team=True),
    MenuItem("duties:team-work", _("Team's work"), needs_team=True),
    MenuItem("audits:list", _("Audits")),
    MenuItem("complaints:list", _("Complaints")),
    MenuItem(
        "participation:index",
        _("Participation"),
        shown_to=(P.VIEW_TEAM, P.RECORD_PARTICIPATION),
    ),
    MenuItem("users", _("Users")),
    MenuItem("teams", _("Teams")),
)


def url_if_built(url_name: str, *args: Any) -> str | None:
    """The address of a page, or None when no app has built a page of that name yet."""
    try:
        return reverse(url_name, args=args)
    except NoReverseMatch:
        return None


def menu_for(user: Any, path: str, items: Sequence[MenuItem] = MENU) -> list[dict[str, Any]]:
    """The menu items ``user`` is shown, each with its address and whether it is the page at
    ``path``."""
    if not getattr(user, "is_authenticated", False):
        return []
    shown = []
    for item in items:
        url = url_if_built(item.url_name)
        if url is None or not may_reach(user, url):
            continue
        if item.shown_to and not any(allows(user, p) for p in item.shown_to):
            continue
        if item.needs_team and getattr(user, "team_id", None) is None:
            continue
        shown.append({"url": url, "label": item.label, "is_current": path == url})
    return shown


def request_menu(request: HttpRequest) -> list[dict[str, Any]]:
    """The menu of the signed-in user of a request."""
    return menu_for(getattr(request, "user", None), request.path)
