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

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils.module_loading import autodiscover_modules

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
