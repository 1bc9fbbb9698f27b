"""The CIN census rules on the child's characteristics: ethnicity and disabilities."""

from collections import Counter
from collections.abc import Iterator

from kinfolk.returns.cin.rules.base import DISABILITIES, ETHNICITIES, CensusRule
from kinfolk.returns.cin.rules.census import Census
from kinfolk.returns.framework import Failure


class Rule2887Q(CensusRule):
    """Across the return, at least 8 different disability codes (NONE aside) should be used:
    fewer suggests disabilities are not being recorded."""

    code = "2887Q"
    message = "Please check: fewer than 8 different disability codes are used in the return"
    is_error = False

    def check(self, data: Census) -> Iterator[Failure]:
        used = {row.disability for row in data.disabilities if row.disability != "NONE"}
        if len(used) < 8:
            yield self.fail("", "Disability")


class Rule2888Q(CensusRule):
    """Across the return, at least one child should have more than one disability recorded."""

    code = "2888Q"
    message = "Please check: no child has more than one disability recorded"
    is_error = False

    def check(self, data: Census) -> Iterator[Failure]:
        if not any(len(codes) > 1 for codes in data.disabilities_by_child.values()):
            yield self.fail("", "Disability")


class Rule4220(CensusRule):
    """Ethnicity must be given as one of the DfE ethnicity codes."""

    code = "4220"
    message = "Ethnicity is missing or is not a valid code"

    def check(self, data: Census) -> Iterator[Failure]:
        for row in data.characteristics:
            if row.ethnicity not in ETHNICITIES:
                yield self.fail(row.la_child_id, "Ethnicity")


class Rule8540(CensusRule):
    """A born child with any episode that is not a referral with no further action must have
    at least one disability code (NONE if they have none), and every code must be valid."""

    code = "8540"
    message = "Disability information is missing or invalid for a child who was assessed"

    def check(self, data: Census) -> Iterator[Failure]:
        for child in data.children:
            episodes = data.episodes_by_child.get(child.la_child_id, [])
            if not child.is_born or all(episode.is_nfa for episode in episodes):
                continue
            codes = data.disabilities_by_child.get(child.la_child_id, [])
            if not codes or any(code not in DISABILITIES for code in codes):
                yield self.fail(child.la_child_id, "Disability")


class Rule8790(CensusRule):
    """NONE (no disability) must not be recorded together with a disability."""

    code = "8790"
    message = "Disability code NONE is recorded together with other disability codes"

    def check(self, data: Census) -> Iterator[Failure]:
        for child_id, codes in data.disabilities_by_child.items():
            if "NONE" in codes and len(set(codes)) > 1:
                yield self.fail(child_id, "Disability")


class Rule8794(CensusRule):
    """The same disability must not be recorded twice for a child."""

    code = "8794"
    message = "The same disability code is recorded more than once for the child"

    def check(self, data: Census) -> Iterator[Failure]:
        for child_id, codes in data.disabilities_by_child.items():
            if any(count > 1 for count in Counter(codes).values()):
                yield self.fail(child_id, "Disability")
