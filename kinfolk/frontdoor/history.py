"""What the front door reads before it decides: how long each contact has waited, and what is
already known about the child and the child's household.

Inspectors found screening that showed "little curiosity about history" and earlier domestic
abuse contacts that were not reflected in decisions (docs/domain.md, findings 2 and 10). Every
contact in the queue therefore carries the child's and the household's previous contacts,
domestic abuse notices, referrals (re-referrals flagged), plans and early help.

The history of any number of contacts is loaded with one query per kind of record, and only
children that the user may see are read (``Child.objects.visible_to``): a restricted child
in the household is left out of the counts as well as the lists.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import F, Q
from django.utils import timezone

from kinfolk.casework.choices import PlanKind
from kinfolk.casework.models import ChildInNeedEpisode, Plan
from kinfolk.core import timescales
from kinfolk.core.actors import Actor
from kinfolk.core.working_days import working_days_between
from kinfolk.frontdoor.choices import OUTCOMES_NEEDING_SIGN_OFF
from kinfolk.frontdoor.models import Contact, EarlyHelpEpisode, ScreeningDecision
from kinfolk.people.models import Child, Relationship


@dataclass(frozen=True)
class Waiting:
    """How long something has waited at the front door, in working days and in hours.

    The front door screens a contact within ``KINFOLK_SCREENING_WORKING_DAYS`` working days of
    receiving it: the duty rule ``screening-1wd``, a local standard (Working Together 2023
    expects a decision on a referral within one working day; docs/domain.md stage 1). Decisions waiting for a manager's sign-off show the same clock, without an
    overdue flag: no timescale for the sign-off is set.
    """

    since: dt.datetime
    working_days: int
    hours: int
    is_overdue: bool


def waiting_since(since: dt.datetime, *, now: dt.datetime | None = None) -> Waiting:
    """How long it is from ``since`` until ``now``, counted in Europe/London."""
    now = now or timezone.now()
    received_on = timezone.localtime(since).date()
    today = timezone.localtime(now).date()
    due_on = timescales.SCREENING.due_after(received_on)
    return Waiting(
        since=since,
        working_days=working_days_between(received_on, today),
        hours=max(int((now - since).total_seconds() // 3600), 0),
        is_overdue=today > due_on,
    )


@dataclass
class History:
    """What is on record for a child, or for the children of a household, in counts."""

    contacts: int = 0
    domestic_abuse_notices: int = 0
    referrals: int = 0
    re_referrals: int = 0
    current_plans: list[str] = field(default_factory=list)
    past_plans: int = 0
    past_child_protection_plans: int = 0
    early_help_episodes: int = 0
    is_in_early_help: bool = False

    @property
    def is_empty(self) -> bool:
        return not (
            self.contacts
            or self.referrals
            or self.current_plans
            or self.past_plans
            or self.early_help_episodes
        )


@dataclass
class ContactHistory:
    """A contact waiting at the front door, with how long it has waited and what is known
    about its child and the child's household before it arrived."""

    contact: Contact
    waiting: Waiting
    child: History
    household: History
    household_children: list[Child]

    @property
    def is_repeat_domestic_abuse(self) -> bool:
        """This contact is a domestic abuse notice, and the child has had one before
        (docs/domain.md finding 10: "repeat-DA flag")."""
        return self.contact.is_domestic_abuse and self.child.domestic_abuse_notices > 0


@dataclass
class _Records:
    """The records of a set of children, loaded once and shared by every contact."""

    contacts: dict[int, list[tuple[int, dt.datetime, bool]]]
    episodes: dict[int, list[bool]]
    plans: dict[int, list[tuple[str, str, bool]]]
    early_help: dict[int, list[bool]]


def household_links(child_ids: Iterable[int], user: Actor) -> dict[int, set[int]]:
    """The children each child lives with (``Relationship.lives_with``, recorded from either
    side), among the children ``user`` may see."""
    ids = set(child_ids)
    visible = Child.objects.visible_to(user)
    rows = Relationship.objects.filter(lives_with=True, other_child__isnull=False).filter(
        Q(child_id__in=ids, other_child__in=visible) | Q(other_child_id__in=ids, child__in=visible)
    )
    links: dict[int, set[int]] = defaultdict(set)
    for child_id, other_id in rows.values_list("child_id", "other_child_id"):
        if child_id in ids:
            links[child_id].add(other_id)
        if other_id in ids:
            links[other_id].add(child_id)
    for child_id in ids:
        links[child_id].discard(child_id)
    return links


def _load_records(child_ids: set[int]) -> _Records:
    contacts: dict[int, list[tuple[int, dt.datetime, bool]]] = defaultdict(list)
    for child_id, pk, received_at, is_domestic_abuse in Contact.objects.filter(
        child_id__in=child_ids
    ).values_list("child_id", "pk", "received_at", "is_domestic_abuse"):
        contacts[child_id].append((pk, received_at, is_domestic_abuse))
    episodes: dict[int, list[bool]] = defaultdict(list)
    for child_id, is_re_referral in ChildInNeedEpisode.objects.filter(
        child_id__in=child_ids
    ).values_list("child_id", "is_re_referral"):
        episodes[child_id].append(is_re_referral)
    plans: dict[int, list[tuple[str, str, bool]]] = defaultdict(list)
    labels = dict(PlanKind.choices)
    for child_id, kind, end_on in Plan.objects.filter(child_id__in=child_ids).values_list(
        "child_id", "kind", "end_on"
    ):
        plans[child_id].append((kind, str(labels.get(kind, kind)), end_on is None))
    early_help: dict[int, list[bool]] = defaultdict(list)
    for child_id, end_on in EarlyHelpEpisode.objects.filter(child_id__in=child_ids).values_list(
        "child_id", "end_on"
    ):
        early_help[child_id].append(end_on is None)
    return _Records(contacts, episodes, plans, early_help)


def _add_history(
    history: History, records: _Records, child_id: int, *, before: Contact | None = None
) -> None:
    """Add one child's records to ``history``; with ``before``, only the contacts received
    before that contact count."""
    for pk, received_at, is_domestic_abuse in records.contacts.get(child_id, []):
        if before is not None and (
            pk == before.pk or (received_at, pk) > (before.received_at, before.pk)
        ):
            continue
        history.contacts += 1
        history.domestic_abuse_notices += int(is_domestic_abuse)
    for is_re_referral in records.episodes.get(child_id, []):
        history.referrals += 1
        history.re_referrals += int(is_re_referral)
    for kind, label, is_current in records.plans.get(child_id, []):
        if is_current:
            if label not in history.current_plans:
                history.current_plans.append(label)
        else:
            history.past_plans += 1
            history.past_child_protection_plans += int(kind == PlanKind.CHILD_PROTECTION)
    for is_open in records.early_help.get(child_id, []):
        history.early_help_episodes += 1
        history.is_in_early_help = history.is_in_early_help or is_open


def contact_histories(
    contacts: Sequence[Contact], user: Actor, *, now: dt.datetime | None = None
) -> list[ContactHistory]:
    """Each contact with its waiting time and the history of its child and household.

    The contacts' children must already be ones ``user`` may see; the household is read
    through ``visible_to``.
    """
    now = now or timezone.now()
    child_ids = {contact.child_id for contact in contacts}
    households = household_links(child_ids, user)
    members = set().union(*households.values()) if households else set()
    records = _load_records(child_ids | members)
    names = Child.objects.in_bulk(members) if members else {}
    histories = []
    for contact in contacts:
        child_history = History()
        _add_history(child_history, records, contact.child_id, before=contact)
        household_history = History()
        household_ids = sorted(households.get(contact.child_id, set()))
        for member_id in household_ids:
            _add_history(household_history, records, member_id)
        histories.append(
            ContactHistory(
                contact=contact,
                waiting=waiting_since(contact.received_at, now=now),
                child=child_history,
                household=household_history,
                household_children=[names[pk] for pk in household_ids if pk in names],
            )
        )
    return histories


def unscreened_contacts(user: Actor, *, is_domestic_abuse: bool | None = None) -> list[Contact]:
    """Contacts not yet screened, about children ``user`` may see: those with a manager's
    deadline first, by the deadline, then the rest oldest first
    (docs/domain.md stage 1: "the unscreened queue by age"; finding 46: a timestamped notice
    queue for domestic abuse)."""
    contacts = Contact.objects.filter(
        screening__isnull=True, child__in=Child.objects.visible_to(user)
    )
    if is_domestic_abuse is not None:
        contacts = contacts.filter(is_domestic_abuse=is_domestic_abuse)
    # A manager's deadline comes first, soonest first (docs/domain.md finding 1).
    return list(
        contacts.select_related("child").order_by(
            F("respond_by").asc(nulls_last=True), "received_at", "pk"
        )
    )


def decisions_without_sign_off(user: Actor) -> list[ScreeningDecision]:
    """No further action and early help decisions with no manager's sign-off, oldest first,
    about children ``user`` may see (docs/domain.md stage 2: "decisions still awaiting sign-off").

    Imported decisions are included; they do not wait (``is_awaiting_sign_off``) and the
    page shows them as imported.
    """
    return list(
        ScreeningDecision.objects.filter(
            outcome__in=OUTCOMES_NEEDING_SIGN_OFF,
            signed_off_at__isnull=True,
            contact__child__in=Child.objects.visible_to(user),
        )
        .select_related("contact__child", "decided_by")
        .order_by("decided_at", "pk")
    )


@dataclass
class ScreeningRecords:
    """The records behind a screening: the child's and the household's earlier contacts,
    referrals, plans and early help, newest first (docs/domain.md finding 2)."""

    household_children: list[Child]
    contacts: list[Contact]
    referrals: list[ChildInNeedEpisode]
    plans: list[Plan]
    early_help: list[EarlyHelpEpisode]


def screening_records(contact: Contact, user: Actor) -> ScreeningRecords:
    """Everything the screener should read about the child and household before deciding."""
    household_ids = household_links([contact.child_id], user).get(contact.child_id, set())
    ids = {contact.child_id, *household_ids}
    return ScreeningRecords(
        household_children=list(Child.objects.filter(pk__in=household_ids)),
        contacts=list(
            Contact.objects.filter(child_id__in=ids)
            .exclude(pk=contact.pk)
            .select_related("child", "screening")
            .order_by("-received_at", "-pk")
        ),
        referrals=list(
            ChildInNeedEpisode.objects.filter(child_id__in=ids)
            .select_related("child")
            .order_by("-referral_on", "-pk")
        ),
        plans=list(
            Plan.objects.filter(child_id__in=ids)
            .select_related("child")
            .order_by("-start_on", "-pk")
        ),
        early_help=list(
            EarlyHelpEpisode.objects.filter(child_id__in=ids)
            .select_related("child")
            .order_by("-start_on", "-pk")
        ),
    )
