"""What each app adds to the whole system, declared by the app itself.

Some things are listed across apps: the kinds of chronology entry, the page where each duty is
done. No central module lists them; each app declares its own in its ``registrations`` module
(``kinfolk/<app>/registrations.py``), which ``discover_registrations`` imports when Django
starts. A new record type therefore adds its chronology kind and its duty's page next to its
own code, and nothing else changes.

A registry lives in the lowest layer that every app declaring into it may import
(docs/architecture.md): the chronology's kinds in ``kinfolk.chronology.choices``, the duty
pages here in ``core``, because the apps whose duties they are sit below the duties engine.
"""

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, NamedTuple, TypeVar

from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy

Key = TypeVar("Key")
Value = TypeVar("Value")

#: The module of each app that declares what the app adds to the registries.
REGISTRATIONS_MODULE = "registrations"


class Registry(Generic[Key, Value]):
    """Entries declared by the apps, keyed by code, in the order they were declared.

    Declaring the same entry twice is harmless (Django may start the apps again in tests);
    declaring a different entry under a code already taken is a mistake, refused at start-up
    so that two apps cannot quietly claim the same code.
    """

    def __init__(self, what: str) -> None:
        #: What the entries are, for error messages: "chronology kind".
        self.what = what
        self._entries: dict[Key, Value] = {}

    def register(self, key: Key, value: Value) -> Value:
        """Declare ``value`` under ``key``."""
        existing = self._entries.get(key, value)
        if existing != value:
            raise ImproperlyConfigured(
                f"The {self.what} {key!r} is declared twice: {existing!r} and {value!r}."
            )
        self._entries[key] = value
        return value

    def unregister(self, key: Key) -> None:
        """Withdraw the entry under ``key``: for a test that declares an entry of its own."""
        self._entries.pop(key, None)

    def __getitem__(self, key: Key) -> Value:
        try:
            return self._entries[key]
        except KeyError:
            raise LookupError(
                f"No {self.what} {key!r} is declared: the app it belongs to declares it in "
                f"its {REGISTRATIONS_MODULE}.py."
            ) from None

    def get(self, key: Key) -> Value | None:
        return self._entries.get(key)

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def __iter__(self) -> Iterator[Key]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def items(self) -> list[tuple[Key, Value]]:
        return list(self._entries.items())


def discover_registrations() -> None:
    """Import every installed app's ``registrations`` module, in the order of INSTALLED_APPS.

    The order of the apps is the order of the entries: the chronology filter lists the kinds
    of the child's record first, then the front door's, the casework's and so on.
    """
    autodiscover_modules(REGISTRATIONS_MODULE)


@dataclass(frozen=True)
class DutyPage:
    """The page on which a worker does, or records, the duty of one rule.

    ``url_name`` names the page; it takes the child's id when ``is_child_page`` (a section of
    the child's record), and nothing when the page is a shared list such as the front door's
    queue. ``label`` is what the page is called, as the navigation names it.
    """

    url_name: str
    label: Any
    is_child_page: bool = True

    def url(self, child_id: int) -> str:
        """The address of the page for the duty of the child ``child_id``."""
        if self.is_child_page:
            return reverse(self.url_name, args=[child_id])
        return reverse(self.url_name)


#: The page for each duty rule, by the rule's code (the codes of ``kinfolk.duties.rules``).
duty_pages: Registry[str, DutyPage] = Registry("duty page")


def register_duty_pages(page: DutyPage, *rule_codes: str) -> None:
    """Declare that the duties of the rules ``rule_codes`` are done on ``page``."""
    for code in rule_codes:
        duty_pages.register(code, page)


class Waiting(NamedTuple):
    """One item waiting for a manager, as little as the queue needs to count it, keep it to
    the manager's teams and order it: its kind, its record's id, its child and since when it
    has waited. The queue builds the whole ``SignOffItem`` only for the page it shows."""

    kind: str
    pk: int
    child_id: int
    waiting_since: dt.datetime


@dataclass(frozen=True)
class SignOffItem:
    """One piece of work waiting for a manager to agree it or return it: a screening decision,
    a submitted assessment, a closure requested, an unregistered placement (docs/sign-off.md).

    ``child`` is the child the work is about (a ``people.Child``, with the fields the queue
    shows loaded); ``what`` says what waits, in words; ``submitted_by`` names who asks for the
    sign-off (empty when nobody is recorded); ``url`` is the page where the manager agrees or
    returns it. ``is_answered`` is set when a manager returned the work before and its worker
    has answered; ``returned_reasons`` and ``answer`` are the last return and its answer.
    ``submitted_by_id`` lets the queue say that the viewer may not sign off their own work.
    """

    kind: str
    pk: int
    child: Any
    what: str
    submitted_by: str
    submitted_by_id: int | None
    waiting_since: dt.datetime
    url: str
    is_answered: bool = False
    returned_reasons: str = ""
    answer: str = ""

    @property
    def child_id(self) -> int:
        return int(self.child.pk)


#: What the queue's link says for a kind that can be agreed or returned.
AGREE_OR_RETURN = gettext_lazy("Agree or return")


@dataclass(frozen=True)
class SignOffKind:
    """A kind of work that waits for a manager, declared by the app that owns it.

    ``waiting(viewer)`` yields a ``Waiting`` for each item of this kind about children
    ``viewer`` may see that waits for a manager now (not those returned to their worker and not
    yet answered), from one query that reads no more than it yields; imported records never
    wait. ``items(viewer, pks)`` yields the whole ``SignOffItem`` of each of those items whose
    record is in ``pks``, in a fixed number of queries: the queue asks only for the page it
    shows, so that its cost follows the page, not what waits. ``returned(worker)`` yields the
    items of this kind that a manager returned to ``worker`` and that wait for their answer
    (empty when the kind cannot be returned).
    """

    code: str
    label: Any
    waiting: Callable[[Any], Iterable[Waiting]]
    items: Callable[[Any, Collection[int]], Iterable[SignOffItem]]
    returned: Callable[[Any], Iterable[SignOffItem]] | None = None
    #: What the queue's link to the item says: "Agree or return", or "Approve" for a kind
    #: that cannot be returned.
    action: Any = AGREE_OR_RETURN


#: What waits for a manager, by kind (``SignOffKind.code``), in the order the apps declared.
sign_off_kinds: Registry[str, SignOffKind] = Registry("kind of sign-off")


def register_sign_off(kind: SignOffKind) -> SignOffKind:
    """Declare a kind of work that waits for a manager's sign-off."""
    return sign_off_kinds.register(kind.code, kind)
