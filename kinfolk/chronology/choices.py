"""Kinds of chronology entry.

Each app declares the kinds its services write, as ``TextChoices`` in its ``registrations``
module, and hands them to ``EntryKind.register``. ``EntryKind`` then answers for all of them,
as one ``TextChoices`` class would: ``EntryKind.PLAN`` is the kind whose constant is ``PLAN``,
``EntryKind.choices`` the codes and labels for the chronology's filter, in the order the apps
declared them (kinfolk.core.registry). A new kind is one line in its own app: the kind field
has no choices in the database, so no migration follows.

The codes are stored on each entry and never change once used.
"""

from typing import TypeVar

from django.core.exceptions import ImproperlyConfigured
from django.db import models

from kinfolk.core.registry import Registry

#: One app's class of kinds.
Kinds = TypeVar("Kinds", bound=type[models.TextChoices])


class EntryKinds:
    """Every kind of chronology entry that an app has declared, looked up by code or constant."""

    def __init__(self) -> None:
        self._by_code: Registry[str, models.TextChoices] = Registry("chronology kind")
        self._by_constant: Registry[str, models.TextChoices] = Registry("chronology kind constant")

    def register(self, kinds: Kinds) -> Kinds:
        """Declare the kinds of one app. Returns the class, so that it can be a decorator."""
        for kind in kinds:
            # Kinds compare as their codes, so a clash is a different member, not an unequal one.
            for declared, key in ((self._by_code, kind.value), (self._by_constant, kind.name)):
                clash = declared.get(key)
                if clash is not None and clash is not kind:
                    raise ImproperlyConfigured(
                        f"The chronology kind {key!r} is declared twice: by "
                        f"{type(clash).__qualname__} and by {kinds.__qualname__}."
                    )
        for kind in kinds:
            self._by_code.register(kind.value, kind)
            self._by_constant.register(kind.name, kind)
        return kinds

    def unregister(self, kinds: type[models.TextChoices]) -> None:
        """Withdraw the kinds of one class: for a test that declares kinds of its own."""
        for kind in kinds:
            self._by_code.unregister(kind.value)
            self._by_constant.unregister(kind.name)

    def __getattr__(self, constant: str) -> models.TextChoices:
        if constant.startswith("_"):
            raise AttributeError(constant)
        try:
            return self._by_constant[constant]
        except LookupError as error:
            raise AttributeError(str(error)) from None

    @property
    def values(self) -> list[str]:
        """The code of every kind."""
        return list(self._by_code)

    @property
    def choices(self) -> list[tuple[str, str]]:
        """The code and label of every kind, for a list to choose from."""
        return [(code, str(kind.label)) for code, kind in self._by_code.items()]

    def label(self, code: str) -> str:
        """What the kind is called; the code itself for a kind no app declares any longer."""
        kind = self._by_code.get(code)
        return str(kind.label) if kind is not None else code

    def check(self, code: str) -> None:
        """Refuse a code that no app declares: a service writing a kind it never registered."""
        if code not in self._by_code:
            raise ValueError(
                f"{code!r} is not a chronology kind: declare it in the registrations module "
                "of the app whose services write it."
            )

    def __contains__(self, code: object) -> bool:
        return code in self._by_code


#: The kinds of chronology entry, as the apps declare them.
EntryKind = EntryKinds()
