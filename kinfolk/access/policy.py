"""Who may do what: the one access policy.

Every page, form, download and list asks this module. Permissions are named for actions (record
a contact, sign off, authorise an assessment, chair a conference...); the matrix below grants
each to roles, and nothing is granted that is not written here (deny by default). Every view
declares the permission it needs as ``permission``; ``PolicyMiddleware`` refuses a request to a
view that declares none, and a test walks every URL as every role against this matrix.

Some permissions are held within a team: a team manager signs off, authorises, approves and
allocates for the children their own team holds (and for children no team holds yet, the
front door's); a head of service holds the same permissions across teams. Nobody signs off
their own decision (checked by the service that records the sign-off).

``kinfolk access matrix`` prints the matrix; docs/permissions.md holds the same table.
"""

from dataclasses import dataclass
from enum import Enum
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve

from kinfolk.access.roles import Role


class Permission(Enum):
    """An action a member of staff may be allowed to take. The value is its code."""

    # Reading.
    VIEW_RECORD = "view-record", "Open a child's record and find children"
    VIEW_ACCESS_LOG = "view-access-log", "See who has looked at a child's record"
    VIEW_TEAM = "view-team", "See a team's work, caseloads and unallocated children"
    VIEW_SEALED = "view-sealed", "Open a sealed adoption record"
    VIEW_REGISTERS = (
        "view-registers",
        "See the registers: young carers, children not in school, homeless 16-17-year-olds",
    )
    # The front door.
    RECORD_CONTACT = "record-contact", "Record a contact"
    SCREEN = "screen", "Screen a contact and start or end early help"
    SIGN_OFF = "sign-off", "Sign off or return work that waits for a manager"
    # A child's record.
    RECORD_CHILD = "record-child", "Record a child and change their identity and household"
    RECORD_CASEWORK = "record-casework", "Record casework: referrals to care, plans and visits"
    AUTHORISE_ASSESSMENT = "authorise-assessment", "Authorise an assessment"
    APPROVE_PLACEMENT = "approve-placement", "Approve an unregistered placement or an override"
    CHAIR_CONFERENCE = "chair-conference", "Chair a child protection conference"
    RECORD_REVIEW = "record-review", "Record a looked-after review and raise IRO challenges"
    RECORD_LEAVING_CARE = "record-leaving-care", "Record care leavers' plans and contacts"
    AUDIT_PATHWAY_PLAN = "audit-pathway-plan", "Audit a pathway plan"
    RECORD_PERMANENCE = "record-permanence", "Record adoption and permanence decisions"
    RECORD_FOSTERING = "record-fostering", "Record fostering households and their training"
    APPROVE_FOSTERING = "approve-fostering", "Approve a fostering household"
    ALLOCATE = "allocate", "Allocate a child to a worker or a personal adviser"
    SUPERVISE = "supervise", "Record supervision and management decisions"
    # Quality assurance.
    AUDIT_CASES = "audit-cases", "Choose and audit case files, and moderate audits"
    MANAGE_AUDIT_TEMPLATE = (
        "manage-audit-template",
        "Manage the audit template: themes and questions",
    )
    # Information governance.
    RESTRICT = "restrict", "Restrict a record and name who may see it"
    BREAK_GLASS = "break-glass", "Break the glass: open a restricted record, with a reason"
    REVIEW_BREAK_GLASS = "review-break-glass", "Review uses of break-the-glass"
    SUBJECT_ACCESS = "subject-access", "Prepare a subject access disclosure"
    # Returns, performance and the service.
    BUILD_RETURNS = "build-returns", "Build, download and submit returns; see data quality"
    MANAGE_USERS = "manage-users", "Manage users, teams, roles and lockouts"
    RECORD_ALLEGATION = "record-allegation", "Record and manage allegations (LADO)"
    MANAGE_COMPLAINTS = (
        "manage-complaints",
        "Record complaints, take them through their stages and see their trends",
    )
    RECORD_PARTICIPATION = (
        "record-participation",
        "Record the children in care council's consultations and the advocacy themes",
    )

    def __init__(self, code: str, label: str) -> None:
        self.code = code
        self.label = label


P = Permission


class Scope(Enum):
    """How far a grant reaches."""

    #: Every child the user may see.
    ALL = "all"
    #: Children held by the user's own team, and children no team holds.
    TEAM = "team"


ALL, TEAM = Scope.ALL, Scope.TEAM
_PRACTICE = (P.VIEW_RECORD,)
_CASE_HOLDER = (P.RECORD_CHILD, P.RECORD_CONTACT, P.RECORD_CASEWORK, P.BREAK_GLASS)
#: The registers are the council's, not a team's: every case holder reads them whole, so
#: that a child not in school is seen by the team that holds the case (docs/registers.md).
_REGISTERS = (P.VIEW_REGISTERS,)
_OVERSIGHT = (
    P.VIEW_ACCESS_LOG,
    P.VIEW_TEAM,
    P.SIGN_OFF,
    P.AUTHORISE_ASSESSMENT,
    P.APPROVE_PLACEMENT,
    P.AUDIT_PATHWAY_PLAN,
    P.APPROVE_FOSTERING,
    P.ALLOCATE,
    P.RESTRICT,
    P.SUPERVISE,
)


def _grant(*groups: tuple[Permission, ...], scope: Scope = ALL) -> dict[Permission, Scope]:
    return {permission: scope for group in groups for permission in group}


#: The matrix: what each role may do, and how far.
MATRIX: dict[Role, dict[Permission, Scope]] = {
    Role.SOCIAL_WORKER: _grant(
        _PRACTICE,
        _CASE_HOLDER,
        _REGISTERS,
        (P.RECORD_LEAVING_CARE, P.RECORD_PERMANENCE, P.RECORD_FOSTERING),
    ),
    Role.TEAM_MANAGER: {
        **_grant(
            _PRACTICE,
            _CASE_HOLDER,
            _REGISTERS,
            (P.SCREEN, P.RECORD_LEAVING_CARE, P.RECORD_PERMANENCE, P.RECORD_FOSTERING),
        ),
        **_grant(_OVERSIGHT, scope=TEAM),
        # Auditors read other teams' files: an audit is independent of the team's own
        # oversight (docs/audits.md).
        **_grant((P.AUDIT_CASES,)),
        # The children in care council is the authority's, not one team's.
        **_grant((P.RECORD_PARTICIPATION,)),
    },
    Role.HEAD_OF_SERVICE: _grant(
        _PRACTICE,
        _CASE_HOLDER,
        _REGISTERS,
        _OVERSIGHT,
        (
            P.SCREEN,
            P.RECORD_LEAVING_CARE,
            P.RECORD_PERMANENCE,
            P.RECORD_FOSTERING,
            P.CHAIR_CONFERENCE,
            P.RECORD_REVIEW,
            P.REVIEW_BREAK_GLASS,
            P.BUILD_RETURNS,
            P.AUDIT_CASES,
            P.MANAGE_AUDIT_TEMPLATE,
            P.MANAGE_COMPLAINTS,
            P.RECORD_PARTICIPATION,
        ),
    ),
    Role.IRO: _grant(_PRACTICE, (P.RECORD_REVIEW, P.BREAK_GLASS, P.RECORD_PARTICIPATION)),
    Role.CP_CHAIR: _grant(_PRACTICE, (P.CHAIR_CONFERENCE, P.BREAK_GLASS)),
    Role.PERSONAL_ADVISER: _grant(
        _PRACTICE, (P.RECORD_CHILD, P.RECORD_LEAVING_CARE, P.BREAK_GLASS)
    ),
    Role.FRONTDOOR: _grant(_PRACTICE, (P.RECORD_CHILD, P.RECORD_CONTACT, P.SCREEN, P.BREAK_GLASS)),
    Role.ADOPTION: _grant(
        _PRACTICE,
        (P.RECORD_CHILD, P.RECORD_PERMANENCE, P.RECORD_FOSTERING, P.VIEW_SEALED),
    ),
    # Only the LADO reads every allegation; anyone else, the head of service included, only
    # those that name them (docs/allegations.md, "Who may see an allegation").
    Role.LADO: _grant(_PRACTICE, (P.RECORD_ALLEGATION,)),
    Role.ANALYST: _grant(_PRACTICE, (P.BUILD_RETURNS,)),
    Role.INFORMATION_GOVERNANCE: _grant(
        _PRACTICE, (P.VIEW_ACCESS_LOG, P.RESTRICT, P.REVIEW_BREAK_GLASS, P.SUBJECT_ACCESS)
    ),
    Role.ADMIN: _grant(_PRACTICE, (P.MANAGE_USERS,)),
    Role.COMPLAINTS_MANAGER: _grant(_PRACTICE, (P.MANAGE_COMPLAINTS,)),
}


@dataclass(frozen=True)
class Open:
    """A view anyone may reach, signed in or not (signing in, resetting a password)."""

    reason: str


@dataclass(frozen=True)
class SignedIn:
    """A view every signed-in member of staff may reach (their own landing page, signing out,
    changing their own password): it shows nothing that needs a permission."""

    reason: str


#: What a view may declare as its ``permission``.
Requirement = Permission | Open | SignedIn


def role_of(user: Any) -> Role | None:
    """The user's role, or None for an anonymous user or one whose role is unknown."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    if not getattr(user, "is_active", False):
        return None
    try:
        return Role(getattr(user, "role", ""))
    except ValueError:
        return None


def scope_of(user: Any, permission: Permission) -> Scope | None:
    """How far the user holds the permission, or None when they do not hold it at all."""
    role = role_of(user)
    if role is None:
        return None
    return MATRIX[role].get(permission)


def allows(user: Any, permission: Permission, *, team_id: int | object | None = ...) -> bool:
    """May the user take this action? ``team_id`` is the team that holds the child concerned
    (None when no team holds the child); leave it out to ask whether the user holds the
    permission anywhere."""
    scope = scope_of(user, permission)
    if scope is None:
        return False
    if scope is ALL or team_id is ...:
        return True
    return team_id is None or team_id == getattr(user, "team_id", None)


def require(user: Any, permission: Permission, *, team_id: int | object | None = ...) -> None:
    """Raise ``PermissionDenied`` unless the policy allows the action."""
    if not allows(user, permission, team_id=team_id):
        raise PermissionDenied(permission.label)


def permissions_of(user: Any) -> frozenset[Permission]:
    """Every permission the user holds, for menus and templates (``perms.<code>``)."""
    role = role_of(user)
    return frozenset(MATRIX[role]) if role is not None else frozenset()


def requirement_of(view_func: Any) -> Requirement | None:
    """What a resolved view declares it needs: the ``permission`` of its class, or of the
    function itself."""
    view_class = getattr(view_func, "view_class", None)
    declared = getattr(view_class, "permission", None) if view_class is not None else None
    if declared is None:
        declared = getattr(view_func, "permission", None)
    return declared


def may_reach(user: Any, url: str, *, team_id: int | object | None = ...) -> bool:
    """May the user open this address of Kinfolk? For links and buttons: a page shows only
    the steps its user may take."""
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return False
    requirement = requirement_of(match.func)
    if isinstance(requirement, Open):
        return True
    if isinstance(requirement, SignedIn):
        return role_of(user) is not None
    return isinstance(requirement, Permission) and allows(user, requirement, team_id=team_id)


class PolicyMiddleware:
    """Ask the policy before any view runs. A view that declares no ``permission`` is refused
    to everyone: a new page is closed until someone says who it is for."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        requirement = requirement_of(view_func)
        if isinstance(requirement, Open):
            return None
        if requirement is None:
            raise PermissionDenied("This page has not been given a permission.")
        if not request.user.is_authenticated:
            # LoginRequiredMiddleware, earlier in the chain, sends the person to sign in.
            return None
        if isinstance(requirement, SignedIn):
            return None
        require(request.user, requirement)
        return None


def matrix_markdown() -> str:
    """The matrix as a page of docs (docs/permissions.md), written from MATRIX itself."""
    roles = list(Role)
    lines = [
        "# Who may do what: the permission matrix",
        "",
        "Written by `kinfolk access matrix --markdown` from the access policy",
        "(`kinfolk/access/policy.py`); a test fails when this page and the policy differ.",
        "Every page, form and download asks the policy for one of these permissions; a page",
        "that names none is refused to everyone. **yes**: the role holds the permission for",
        "every child it may see. **team**: only for the children its own team holds, and",
        "those no team holds yet. A blank: refused.",
        "",
        "Pages for signing in, resetting a password and signing out are open (`Open`); a",
        "person's own landing page is open to every signed-in member of staff (`SignedIn`).",
        "Commands (`kinfolk ...`) are run on the server by the council's IT operators, who hold",
        "the database itself; those that disclose children's records (`kinfolk records export`,",
        "`kinfolk returns`) write an `export` access record for each child, the command as its",
        "source.",
        "",
        "| Permission | Code | " + " | ".join(str(role.label) for role in roles) + " |",
        "|---|---|" + "---|" * len(roles),
    ]
    for permission, cells in matrix_rows():
        marks = [f"**{cell}**" if cell else "" for cell in cells]
        lines.append(f"| {permission.label} | `{permission.code}` | " + " | ".join(marks) + " |")
    return "\n".join(lines) + "\n"


def matrix_rows() -> list[tuple[Permission, list[str]]]:
    """Each permission with, for each role in order, "yes", "team" or "" (for printing)."""
    rows = []
    for permission in Permission:
        cells = []
        for role in Role:
            scope = MATRIX[role].get(permission)
            cells.append("" if scope is None else ("team" if scope is TEAM else "yes"))
        rows.append((permission, cells))
    return rows
