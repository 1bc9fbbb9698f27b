"""The CIN census rules on who the child is: the local authority's child id, the unique pupil
number (UPN) and its reasons for being unknown, sex, and the dates of birth and death."""

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator

from kinfolk.core.working_days import add_months
from kinfolk.returns.cin.rules.base import SEXES, CensusRule
from kinfolk.returns.cin.rules.census import Census
from kinfolk.returns.framework import Failure

#: The check letters of a UPN, indexed by the weighted sum modulo 23 (DfE UPN guidance).
CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
#: The letters allowed as the last character of a temporary UPN (not I, O or S).
FINAL_LETTERS = frozenset("ABCDEFGHJKLMNPQRTUVWXYZ")
UPN_FORMAT = re.compile(r"^[A-Z][0-9]{11}[0-9ABCDEFGHJKLMNPQRTUVWXYZ]$")
ALPHANUMERIC = re.compile(r"^[A-Za-z0-9]+$")
#: UPN reasons that explain a school-age child with no UPN (UN1, not of school age, does not).
SCHOOL_AGE_REASONS = frozenset({"UN2", "UN3", "UN4", "UN5", "UN6", "UN7"})


def _ranges(*spans: tuple[int, int]) -> frozenset[str]:
    return frozenset(f"{number:03d}" for first, last in spans for number in range(first, last + 1))


#: Old-style local authority numbers (post April 1998) and the DfE's pseudo-LA codes that may
#: appear as characters 2 to 4 of a UPN.
UPN_LA_CODES = _ranges(
    (1, 5), (201, 213), (301, 320), (330, 336), (340, 344), (350, 359), (370, 373),
    (380, 384), (390, 394), (420, 420), (660, 681), (701, 708), (800, 803), (805, 808),
    (810, 813), (815, 816), (820, 823), (825, 826), (830, 831), (835, 841), (845, 846),
    (850, 852), (855, 857), (860, 861), (865, 896), (908, 909), (916, 916), (919, 919),
    (921, 921), (925, 926), (928, 929), (931, 931), (933, 933), (935, 938), (940, 941),
)  # fmt: skip


def upn_check_letter(upn: str) -> str | None:
    """The check letter a 13-character UPN should start with, or None if it cannot be worked
    out (characters 2 to 12 must be digits, the 13th a digit or an allowed letter)."""
    if len(upn) != 13 or not upn[1:12].isdigit():
        return None
    values = [int(character) for character in upn[1:12]]
    last = upn[12]
    if last.isdigit():
        values.append(int(last))
    elif last in FINAL_LETTERS:
        values.append(CHECK_LETTERS.index(last))
    else:
        return None
    total = sum(value * weight for value, weight in zip(values, range(2, 14), strict=True))
    return CHECK_LETTERS[total % 23]


def is_well_formed_upn(upn: str) -> bool:
    return bool(UPN_FORMAT.match(upn)) and upn_check_letter(upn) == upn[0]


class Rule1510(CensusRule):
    """If a UPN is given, its first character must be the check letter its other twelve
    characters give."""

    code = "1510"
    message = "UPN invalid (wrong check letter at character 1)"

    def check(self, data: Census) -> Iterator[Failure]:
        for child in data.children:
            if not child.upn:
                continue
            letter = upn_check_letter(child.upn)
            if letter is not None and letter != child.upn[0]:
                yield self.fail(child.la_child_id, "UPN")


class Rule1520(CensusRule):
    """Each child's UPN must be unique in the return."""

    code = "1520"
    message = "More than one child record with the same UPN"
    compares_children = True

    def check(self, data: Census) -> Iterator[Failure]:
        counts = Counter(child.upn for child in data.children if child.upn)
        for child in data.children:
            if child.upn and counts[child.upn] > 1:
                yield self.fail(child.la_child_id, "UPN")


class Rule1530(CensusRule):
    """Characters 2 to 4 of a UPN must be a local authority number or a DfE pseudo-LA code."""

    code = "1530"
    message = "UPN invalid (characters 2-4 not a recognised LA code)"

    def check(self, data: Census) -> Iterator[Failure]:
        for child in data.children:
            if len(child.upn) == 13 and child.upn[1:4] not in UPN_LA_CODES:
                yield self.fail(child.la_child_id, "UPN")


class Rule1540(CensusRule):
    """Characters 5 to 12 of a UPN must be digits."""

    code = "1540"
    message = "UPN invalid (characters 5-12 not all numeric)"

    def check(self, data: Census) -> Iterator[Failure]:
        for child in data.children:
            if len(child.upn) == 13 and not child.upn[4:12].isdigit():
                yield self.fail(child.la_child_id, "UPN")


class Rule1550(CensusRule):
    """Character 13 of a UPN must be a digit or a letter other than I, O and S."""

    code = "1550"
    message = "UPN invalid (character 13 not a recognised value)"

    def check(self, data: Census) -> Iterator[Failure]:
        for child in data.children:
            if not child.upn:
                continue
            if len(child.upn) != 13 or not (
                child.upn[12].isdigit() or child.upn[12] in FINAL_LETTERS
            ):
                yield self.fail(child.la_child_id, "UPN")


class Rule1560Q(CensusRule):
    """A former UPN, if given, should be a well-formed UPN."""

    code = "1560Q"
    message = "Please check: the former UPN is in the wrong format"
    is_error = False

    def check(self, data: Census) -> Iterator[Failure]:
        for child in data.children:
            if child.former_upn and not is_well_formed_upn(child.former_upn):
                yield self.fail(child.la_child_id, "FormerUPN")


class Rule1570(CensusRule):
    """The local authority's child id must be at most 20 characters."""

    code = "1570"
    message = "The LA child ID is longer than 20 characters"

    def check(self, data: Census) -> Iterator[Failure]:
        for child in data.children:
            if len(child.la_child_id) > 20:
                yield self.fail(child.la_child_id, "LAchildID")


class Rule1580(CensusRule):
    """The local authority's child id must contain only letters and digits."""

    code = "1580"
    message = "The LA child ID contains characters other than letters and digits"

    def check(self, data: Census) -> Iterator[Failure]:
        for child in data.children:
            if child.la_child_id and not ALPHANUMERIC.match(child.la_child_id):
                yield self.fail(child.la_child_id, "LAchildID")


class Rule2886Q(CensusRule):
    """Across the return, no more than 2% of the children (unborn children aside) should have
    no sex recorded: sex missing or U with no expected date of birth."""

    code = "2886Q"
    message = "Please check: more than 2% of children (excluding unborn children) have no sex"
    is_error = False

    def check(self, data: Census) -> Iterator[Failure]:
        missing = [
            child
            for child in data.children
            if child.sex in {"", "U"} and child.expected_birth_date is None
        ]
        if data.children and len(missing) / len(data.children) > 0.02:
            yield self.fail("", "Sex")


class Rule4180(CensusRule):
    """Sex must be given as M, F or U."""

    code = "4180"
    message = "Sex is missing or is not a valid code (M, F or U)"

    def check(self, data: Census) -> Iterator[Failure]:
        for child in data.children:
            if child.sex not in SEXES:
                yield self.fail(child.la_child_id, "Sex")


class Rule8500(CensusRule):
    """Every child must have the local authority's child id."""

    code = "8500"
    message = "The LA child ID is missing"

    def check(self, data: Census) -> Iterator[Failure]:
        for child in data.children:
            if not child.la_child_id:
                yield self.fail("", "LAchildID")


class Rule8510(CensusRule):
    """Each child appears once: the local authority's child id must be unique in the return."""

    code = "8510"
    message = "More than one child record with the same LA child ID"
    compares_children = True

    def check(self, data: Census) -> Iterator[Failure]:
        counts = Counter(child.la_child_id for child in data.children if child.la_child_id)
        for child_id, count in counts.items():
            if count > 1:
                yield self.fail(child_id, "LAchildID")


class Rule8520(CensusRule):
    """A date of birth must not be after the reference date."""

    code = "8520"
    message = "Date of birth is after the data collection period"

    def check(self, data: Census) -> Iterator[Failure]:
        for child in data.children:
            if child.birth_date is not None and child.birth_date > data.reference_date:
                yield self.fail(child.la_child_id, "PersonBirthDate")


class Rule8525Q(CensusRule):
    """A child should have either a date of birth or an expected date of birth, not both."""

    code = "8525Q"
    message = (
        "Please check: either date of birth or expected date of birth should be given, not both"
    )
    is_error = False

    def check(self, data: Census) -> Iterator[Failure]:
        for child in data.children:
            if (child.birth_date is None) == (child.expected_birth_date is None):
                yield self.fail(child.la_child_id, "PersonBirthDate")


class Rule8530Q(CensusRule):
    """An expected date of birth should fall between 30 days before and 9 months after the
    reference date."""

    code = "8530Q"
    message = "Please check: expected date of birth is outside the expected range"
    is_error = False

    def check(self, data: Census) -> Iterator[Failure]:
        earliest = data.reference_date - dt.timedelta(days=30)
        latest = add_months(data.reference_date, 9)
        for child in data.children:
            expected = child.expected_birth_date
            if expected is not None and not earliest <= expected <= latest:
                yield self.fail(child.la_child_id, "ExpectedPersonBirthDate")


class Rule8535Q(CensusRule):
    """A date of death should not be before the date of birth."""

    code = "8535Q"
    message = "Please check: date of death is before the date of birth"
    is_error = False

    def check(self, data: Census) -> Iterator[Failure]:
        for child in data.children:
            born = child.birth_date or child.expected_birth_date
            if child.death_date is not None and born is not None and child.death_date < born:
                yield self.fail(child.la_child_id, "PersonDeathDate")


class Rule8545Q(CensusRule):
    """A date of death should fall within the census year."""

    code = "8545Q"
    message = "Please check: date of death is outside the census year"
    is_error = False

    def check(self, data: Census) -> Iterator[Failure]:
        for child in data.children:
            if child.death_date is not None and not data.in_period(child.death_date):
                yield self.fail(child.la_child_id, "PersonDeathDate")


class Rule8750(CensusRule):
    """An unborn child (expected date of birth, no date of birth) must have sex U."""

    code = "8750"
    message = "An unborn child must have sex U (not known)"

    def check(self, data: Census) -> Iterator[Failure]:
        for child in data.children:
            unborn = child.birth_date is None and child.expected_birth_date is not None
            if unborn and child.sex != "U":
                yield self.fail(child.la_child_id, "Sex")


class Rule8770Q(CensusRule):
    """A child aged six or more at the reference date who had more than a referral with no
    further action should have a UPN, or a reason it is unknown other than UN1."""

    code = "8770Q"
    message = (
        "Please check: a UPN or a reason it is missing is expected for a child who is more "
        "than 5 years old"
    )
    is_error = False

    def check(self, data: Census) -> Iterator[Failure]:
        six_years_before = add_months(data.reference_date, -72)
        for child in data.children:
            if child.birth_date is None or child.birth_date > six_years_before:
                continue
            episodes = data.episodes_by_child.get(child.la_child_id, [])
            further_action = any(not episode.is_nfa for episode in episodes)
            if (
                further_action
                and not child.upn
                and child.upn_unknown.upper() not in SCHOOL_AGE_REASONS
            ):
                yield self.fail(child.la_child_id, "UPNunknown")


class Rule8772(CensusRule):
    """UN7 (referral with no further action) may explain a missing UPN only when every
    episode of the child is a referral with no further action."""

    code = "8772"
    message = "UPN unknown reason is UN7 but the child has an episode that is not an NFA referral"

    def check(self, data: Census) -> Iterator[Failure]:
        for child in data.children:
            if child.upn_unknown.upper() != "UN7":
                continue
            episodes = data.episodes_by_child.get(child.la_child_id, [])
            if any(not episode.is_nfa for episode in episodes):
                yield self.fail(child.la_child_id, "UPNunknown")


class Rule8775Q(CensusRule):
    """A young person who turned 25 should not have an episode still open after their 25th
    birthday: children's services end at 25."""

    code = "8775Q"
    message = "Please check: the child is over 25 and has an episode open after their 25th birthday"
    is_error = False

    def check(self, data: Census) -> Iterator[Failure]:
        for child in data.children:
            if child.birth_date is None:
                continue
            turned_25 = add_months(child.birth_date, 300)
            if turned_25 > data.reference_date:
                continue
            for episode in data.episodes_by_child.get(child.la_child_id, []):
                if episode.closure_date is None or episode.closure_date > turned_25:
                    yield self.fail(child.la_child_id, "PersonBirthDate")
                    break
