"""The workspaces of the roles that serve the whole authority rather than hold cases: the
LADO, the performance analyst, the information governance officer, the administrator and the
complaints manager.

Some of the pages these roles work from are built by other parts of Kinfolk as they come
(allegations, the break-the-glass review queue, subject access, user administration): a
workspace links to such a page only once it exists and the user may reach it.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinfolk.access.models import AccessRecord
from kinfolk.access.policy import may_reach
from kinfolk.access.roles import Role
from kinfolk.allegations.overview import child_ids, open_allegations
from kinfolk.complaints.choices import Stage
from kinfolk.complaints.read import open_by_stage, open_complaints
from kinfolk.duties.models import Duty
from kinfolk.people.models import Child
from kinfolk.workforce.models import Team, User
from kinfolk.workspaces.base import Workspace
from kinfolk.workspaces.headlines import headline_groups
from kinfolk.workspaces.menu import url_if_built

#: The LADO's duty (kinfolk.duties.rules.allegations).
LADO_RULE = "lado-initial-1wd"

#: How many open complaints the complaints manager's workspace lists; the rest are on the list
#: of open complaints.
COMPLAINTS_SHOWN = 25

#: How far back the information governance officer's list of access to restricted records
#: looks, and how many it shows.
RESTRICTED_ACCESS_DAYS = 30
RESTRICTED_ACCESS_SHOWN = 50


@dataclass(frozen=True)
class Link:
    """A page a workspace points to, and whether it can be opened yet."""

    label: Any
    url: str | None
    #: Said instead of the link while the page does not exist.
    not_yet: Any = ""


def links(user: Any, pages: list[tuple[str, Any, Any]]) -> list[Link]:
    """The pages among ``pages`` (URL name, label, what to say while it is not built) that the
    user may reach, or that are not built yet and have something to say meanwhile."""
    shown = []
    for url_name, label, not_yet in pages:
        url = url_if_built(url_name)
        if url is None:
            if not_yet:
                shown.append(Link(label=label, url=None, not_yet=not_yet))
        elif may_reach(user, url):
            shown.append(Link(label=label, url=url))
    return shown


def lado_workspace(user: Any, today: dt.date) -> Workspace:
    """The LADO's page (docs/allegations.md): the initial considerations due and overdue (the
    duty ``lado-initial-1wd`` of each child concerned), the open allegations with the days
    each has been open, its next meeting and its open actions, and the LADO's pages."""
    rows = open_allegations(user, today)
    duties = list(
        Duty.objects.filter(rule=LADO_RULE, child__in=Child.objects.visible_to(user))
        .outstanding()
        .shown_to(user)
        .select_related("child")
        .order_by("due_on", "child__last_name", "pk")
    )
    allegation_of = {f"allegation:{r.allegation.pk}": r.allegation for r in rows}
    due = [{"duty": duty, "allegation": allegation_of.get(duty.key)} for duty in duties]
    return Workspace(
        template="workspaces/lado.html",
        context={
            "rows": rows,
            "due": [d for d in due if d["duty"].due_on >= today],
            "overdue": [d for d in due if d["duty"].due_on < today],
            "links": links(
                user,
                [
                    ("allegations:record", _("Record an allegation"), ""),
                    ("allegations:list", _("All allegations, open and closed"), ""),
                    ("allegations:analytics", _("Analytics for the annual report"), ""),
                    ("children:search", _("Search for a child and read their record"), ""),
                    (
                        "permanence:households",
                        _("Fostering households: approvals, reviews and training"),
                        "",
                    ),
                ],
            ),
        },
        child_ids=child_ids(rows) | {duty.child_id for duty in duties},
    )


def analyst_workspace(user: Any, today: dt.date) -> Workspace:
    """The headline counts the returns declare (kinfolk.workspaces.headlines), with links to
    their pages."""
    return Workspace(
        template="workspaces/analyst.html",
        context={"groups": headline_groups(user, today)},
    )


def information_governance_workspace(user: Any, today: dt.date) -> Workspace:
    """Recent access to restricted records, newest first, with who looked and what they did;
    and links to the break-the-glass review queue and subject access.

    A restricted record the officer is not named on stays closed to them: the list gives its
    child ID, not the child's name, and no link.
    """
    since = timezone.now() - dt.timedelta(days=RESTRICTED_ACCESS_DAYS)
    recent = AccessRecord.objects.filter(child__is_restricted=True, at__gte=since)
    records = list(
        recent.select_related("user", "child").order_by("-at", "-pk")[:RESTRICTED_ACCESS_SHOWN]
    )
    child_ids = {record.child_id for record in records if record.child_id is not None}
    visible = set(
        Child.objects.visible_to(user).filter(pk__in=child_ids).values_list("pk", flat=True)
    )
    totals = recent.aggregate(
        accesses=Count("pk"),
        people=Count("user", distinct=True),
        records=Count("child", distinct=True),
    )
    return Workspace(
        template="workspaces/information_governance.html",
        context={
            "rows": [
                {"record": record, "is_child_visible": record.child_id in visible}
                for record in records
            ],
            "days": RESTRICTED_ACCESS_DAYS,
            "totals": totals,
            "restricted_count": Child.objects.filter(is_restricted=True).count(),
            "links": links(
                user,
                [
                    (
                        "access:reviews",
                        _("Break-the-glass: uses to review"),
                        _("The queue of break-the-glass uses to review is not built yet."),
                    ),
                    (
                        "records:requests",
                        _("Subject access requests"),
                        _("Preparing a subject access disclosure is not built yet."),
                    ),
                ],
            ),
        },
        child_ids=child_ids,
    )


def administrator_workspace(user: Any, today: dt.date) -> Workspace:
    """Staff by role and teams by size, with links to the user and team administration
    pages once they exist."""
    active = User.objects.filter(is_active=True)
    by_role = dict(active.order_by().values_list("role").annotate(n=Count("pk")))
    return Workspace(
        template="workspaces/administrator.html",
        context={
            "roles": [(role.label, by_role.get(role.value, 0)) for role in Role],
            "staff_count": sum(by_role.values()),
            "teams": list(
                Team.objects.annotate(
                    staff=Count("members", filter=Q(members__is_active=True))
                ).order_by("name")
            ),
            "links": links(
                user,
                [
                    (
                        "users",
                        _("Staff accounts: create, change, deactivate and unlock"),
                        _("Managing staff accounts is not built yet."),
                    ),
                    (
                        "teams",
                        _("Team list: create, rename and see who is in each"),
                        _("Managing teams is not built yet."),
                    ),
                ],
            ),
        },
    )


def complaints_manager_workspace(user: Any, today: dt.date) -> Workspace:
    """The open complaints by stage, and the first of them, overdue first, with their days
    open and deadline (docs/complaints.md)."""
    rows = open_complaints(user, today=today)
    shown = rows[:COMPLAINTS_SHOWN]
    counts = open_by_stage(user)
    return Workspace(
        template="workspaces/complaints_manager.html",
        context={
            "rows": shown,
            "total": len(rows),
            "overdue": sum(1 for row in rows if row.is_overdue),
            "stages": [
                (label, counts[value], f"{url_if_built('complaints:list')}?stage={value}")
                for value, label in Stage.choices
            ],
            "today": today,
            "links": links(
                user,
                [
                    ("complaints:choose-child", _("Record a complaint"), ""),
                    ("complaints:list", _("Open complaints, by stage"), ""),
                    ("complaints:trends", _("Trends by theme, team and outcome"), ""),
                    ("complaints:themes", _("The list of themes"), ""),
                    ("duties:my-work", _("My work: the complaints duties due"), ""),
                ],
            ),
        },
        child_ids={row.child_id for row in shown},
    )
