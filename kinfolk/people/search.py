"""Finding a child before creating one: by name (tolerant of misspelling), date of birth,
UPN, NHS number or postcode."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q, QuerySet

from kinfolk.core.actors import Actor
from kinfolk.core.postcodes import normalise_postcode
from kinfolk.people.models import Child
from kinfolk.people.names import SIMILAR, fold, phonetic_key, similarity
from kinfolk.people.nhs_number import normalise_nhs_number
from kinfolk.people.upn import normalise_upn


@dataclass(frozen=True)
class ChildSearch:
    """What a person searched for; every part is optional, all given parts must match."""

    name: str = ""
    date_of_birth: dt.date | None = None
    upn: str = ""
    nhs_number: str = ""
    postcode: str = ""
    la_child_id: str = ""

    @property
    def is_empty(self) -> bool:
        return not (
            self.name.strip()
            or self.date_of_birth
            or self.upn.strip()
            or self.nhs_number.strip()
            or self.postcode.strip()
            or self.la_child_id.strip()
        )

    @property
    def has_identifier(self) -> bool:
        """Whether the search gives an identifier that names one child exactly (a Child ID,
        an NHS number or a UPN), rather than only a name, a date or a postcode."""
        return bool(self.la_child_id.strip() or self.nhs_number.strip() or self.upn.strip())


def _name_filter(tokens: list[str]) -> Q:
    """Children any of whose names sound like, or start like, any token."""
    condition = Q()
    for token in tokens:
        folded = fold(token)
        if not folded:
            continue
        key = phonetic_key(token)
        condition |= (
            Q(last_name_key=key)
            | Q(first_name_key=key)
            | Q(last_name_folded__startswith=folded[:2])
            | Q(first_name_folded__startswith=folded[:2])
        )
    return condition


def _token_matches(child: Child, token: str, key: str) -> bool:
    """A token matches a child when it is like, or sounds like, one of the child's names."""
    return key in (child.first_name_key, child.last_name_key) or any(
        similarity(token, name) >= SIMILAR for name in (child.first_name, child.last_name)
    )


def _name_score(child: Child, tokens: list[str]) -> float:
    """How well the tokens match the child's names: the mean of each token's best match."""
    names = [child.first_name, child.last_name]
    best = [max(similarity(token, name) for name in names) for token in tokens]
    return sum(best) / len(best)


def search_children(criteria: ChildSearch, *, user: Actor) -> list[Child]:
    """Children visible to ``user`` that match ``criteria``, best name match first."""
    if criteria.is_empty:
        return []
    return _matching(Child.objects.visible_to(user), criteria)


def hidden_exact_matches(criteria: ChildSearch, *, user: Actor) -> list[Child]:
    """Children ``user`` may not see that a search by an exact identifier would have found:
    for the access log, and for the offer to break the glass on a restricted record."""
    if criteria.is_empty or not criteria.has_identifier:
        return []
    return _matching(Child.objects.hidden_from(user), criteria)


def _matching(children: QuerySet[Child], criteria: ChildSearch) -> list[Child]:
    """The children among ``children`` that match ``criteria``, best name match first."""
    if criteria.la_child_id.strip():
        children = children.filter(la_child_id=criteria.la_child_id.strip())
    if criteria.upn.strip():
        children = children.filter(
            Q(upn=normalise_upn(criteria.upn)) | Q(former_upn=normalise_upn(criteria.upn))
        )
    if criteria.nhs_number.strip():
        children = children.filter(nhs_number=normalise_nhs_number(criteria.nhs_number))
    if criteria.date_of_birth:
        children = children.filter(
            Q(date_of_birth=criteria.date_of_birth)
            | Q(expected_date_of_birth=criteria.date_of_birth)
        )
    if criteria.postcode.strip():
        postcode = normalise_postcode(criteria.postcode)
        children = children.filter(addresses__postcode__startswith=postcode).distinct()
    tokens = [token for token in criteria.name.split() if fold(token)]
    limit = settings.KINFOLK_SEARCH_LIMIT
    if not tokens:
        return list(children.order_by("last_name", "first_name", "pk")[:limit])
    candidates = children.filter(_name_filter(tokens)).only(
        "pk",
        "la_child_id",
        "first_name",
        "last_name",
        "date_of_birth",
        "expected_date_of_birth",
        "sex",
        "upn",
        "nhs_number",
        "is_restricted",
        "is_sealed",
    )
    keys = [phonetic_key(token) for token in tokens]
    matches = [
        (child, _name_score(child, tokens))
        for child in candidates
        if all(_token_matches(child, token, key) for token, key in zip(tokens, keys, strict=True))
    ]
    matches.sort(key=lambda pair: (-pair[1], pair[0].last_name, pair[0].first_name, pair[0].pk))
    return [child for child, _score in matches[:limit]]


def similar_children(
    *,
    first_name: str,
    last_name: str,
    date_of_birth: dt.date | None,
    exclude_pk: int | None = None,
) -> list[Child]:
    """Children with the same date of birth and a name like this one (possible duplicates).

    Deliberately not limited to what a user may see: a duplicate of a restricted record must
    still be caught, though the warning then names no one.
    """
    if date_of_birth is None:
        return []
    same_day = Child.objects.filter(
        Q(date_of_birth=date_of_birth) | Q(expected_date_of_birth=date_of_birth)
    ).exclude(pk=exclude_pk)
    return [
        child
        for child in same_day
        if (
            similarity(child.last_name, last_name) >= SIMILAR
            and similarity(child.first_name, first_name) >= SIMILAR
        )
        or (
            phonetic_key(child.last_name) == phonetic_key(last_name)
            and phonetic_key(child.first_name) == phonetic_key(first_name)
        )
    ]
