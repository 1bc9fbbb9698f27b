"""Kinds of chronology entry that only some readers may see at all.

Most entries are read by anyone who may open the child. Some record something only a few may
know of, such as an allegation against an adult who works with the child (docs/allegations.md):
the app that writes such a kind declares it here, with the entries of that kind a reader may
see, as a queryset of their primary keys. ``ChronologyEntryQuerySet.read_by`` then leaves out,
in the same query, every entry of those kinds that the reader may not see, so that the
chronology page, the Summary and any count made from them agree.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import models

#: The primary keys of the entries of a restricted kind that a reader may see.
VisibleEntries = Callable[[Any], models.QuerySet]


@dataclass(frozen=True)
class RestrictedKind:
    kinds: frozenset[str]
    visible: VisibleEntries


class RestrictedKinds:
    def __init__(self) -> None:
        self._declared: list[RestrictedKind] = []

    def register(self, kinds: Iterable[str], visible: VisibleEntries) -> None:
        """Declare that the entries of ``kinds`` are shown only where ``visible(reader)``
        holds their primary key."""
        codes = frozenset(str(kind) for kind in kinds)
        for declared in self._declared:
            if declared.kinds & codes:
                raise ImproperlyConfigured(
                    f"The chronology kinds {sorted(declared.kinds & codes)} are restricted twice"
                )
        self._declared.append(RestrictedKind(codes, visible))

    def unregister(self, kinds: Iterable[str]) -> None:
        codes = frozenset(str(kind) for kind in kinds)
        self._declared = [d for d in self._declared if d.kinds != codes]

    @property
    def codes(self) -> frozenset[str]:
        return frozenset().union(*(d.kinds for d in self._declared))

    def condition(self, reader: Any) -> models.Q:
        """What an entry the reader may see satisfies (an empty ``Q`` when nothing is
        restricted)."""
        condition = models.Q()
        for declared in self._declared:
            condition &= ~models.Q(kind__in=sorted(declared.kinds)) | models.Q(
                pk__in=declared.visible(reader)
            )
        return condition


#: The restricted kinds, as the apps declare them in their registrations modules.
restricted_kinds = RestrictedKinds()
