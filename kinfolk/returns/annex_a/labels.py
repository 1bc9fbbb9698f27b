"""The values Annex A's cells show: the options of the template's drop-down lists, by code.

The wording of the DfE codes is in ``kinfolk.core``: the label of each code (``codes``), or
Annex A's own wording of it where the template words it differently (``annex_a_wording``).
Here each is given the code and the letter the template shows it with (``a) Male``,
``N1 - Abuse or neglect``, ``PR0: ...``).
"""

from django.db.models import TextChoices

from kinfolk.core.annex_a_wording import (
    ANNEX_A_CARE_LEAVER_ACCOMMODATION,
    ANNEX_A_CARE_LEAVER_ACTIVITY,
    ANNEX_A_CARE_LEAVER_IN_TOUCH,
    ANNEX_A_CATEGORY_OF_ABUSE,
    ANNEX_A_LEGAL_STATUS,
    ANNEX_A_PLACEMENT_PROVIDER,
    ANNEX_A_PLACEMENT_TYPE,
    ANNEX_A_REASON_EPISODE_CEASED,
    ANNEX_A_REASON_FOR_CLOSURE,
    ANNEX_A_REASON_NO_LONGER_PLACED,
    ANNEX_A_REFERRAL_SOURCE,
    ANNEX_A_SEX,
)
from kinfolk.core.codes import (
    AdoptersSex,
    CareLeaverActivity,
    CareLeaverInTouch,
    CategoryOfAbuse,
    Ethnicity,
    LegalStatus,
    PlacementProvider,
    PlacementType,
    PrimaryNeed,
    ReasonEpisodeCeased,
    ReasonForClosure,
    ReasonNoLongerPlacedForAdoption,
    ReferralSource,
    Sex,
)

YES, NO, UNKNOWN = "a) Yes", "b) No", "c) Unknown"


def _letter(index: int) -> str:
    return chr(ord("a") + index)


def _wording(choices: type[TextChoices], annex_a: dict[str, str]) -> dict[str, str]:
    """Each code's wording in Annex A: its own where it has one, else the code's label."""
    return {code.value: annex_a.get(code.value, str(code.label)) for code in choices}


def lettered(
    choices: type[TextChoices], annex_a: dict[str, str], *, with_code: bool = False
) -> dict[str, str]:
    """Options lettered in the order of the DfE list, such as ``a) Male`` or, with the code,
    ``a) PR0: Parents/Parental responsibility``."""
    wording = _wording(choices, annex_a)
    return {
        code: f"{_letter(index)}) {code}: {words}" if with_code else f"{_letter(index)}) {words}"
        for index, (code, words) in enumerate(wording.items())
    }


def coded(choices: type[TextChoices], annex_a: dict[str, str], separator: str) -> dict[str, str]:
    """Options that show the code before its wording, such as ``N1 - Abuse or neglect``."""
    return {code: f"{code}{separator}{words}" for code, words in _wording(choices, annex_a).items()}


GENDER = lettered(Sex, ANNEX_A_SEX)
#: a) WBRI to r) OOTH, then s) REFU and t) NOBT: the order of the DfE list.
ETHNICITY = {code.value: f"{_letter(index)}) {code.value}" for index, code in enumerate(Ethnicity)}
SOURCE = {code.value: ANNEX_A_REFERRAL_SOURCE[code.value] for code in ReferralSource}
NEED = coded(PrimaryNeed, {}, " - ")
CLOSURE = coded(ReasonForClosure, ANNEX_A_REASON_FOR_CLOSURE, " - ")
ABUSE = lettered(CategoryOfAbuse, ANNEX_A_CATEGORY_OF_ABUSE)
LEGAL_STATUS = coded(LegalStatus, ANNEX_A_LEGAL_STATUS, ": ")
#: The permanence plan of a care plan (``CarePlan.permanence_plan``), as Annex A groups them.
PERMANENCE = {
    "return_to_family": "a) Return to family",
    "adoption": "b) Adoption",
    "special_guardianship": "c) SGO/CAO",
    "child_arrangements_order": "c) SGO/CAO",
    "independent_living": "d) Supported living in the community",
    "residential_care": "e) Long-term residential placement",
    "long_term_fostering": "f) Long-term fostering",
    "other": "g) other",
}
REASON_CEASED = {
    code.value: ANNEX_A_REASON_EPISODE_CEASED[code.value] for code in ReasonEpisodeCeased
}
PLACEMENT_TYPE = {code.value: ANNEX_A_PLACEMENT_TYPE[code.value] for code in PlacementType}
PROVIDER = lettered(PlacementProvider, ANNEX_A_PLACEMENT_PROVIDER, with_code=True)
#: A care leaver's status (``kinfolk.care.history.care_leaver_status``).
ELIGIBILITY = {
    "relevant": "a) Relevant child",
    "former_relevant": "b) Former relevant child",
    "eligible": "d) Eligible child",
}
IN_TOUCH = lettered(CareLeaverInTouch, ANNEX_A_CARE_LEAVER_IN_TOUCH)
#: By the letter of the care leaver's accommodation code.
ACCOMMODATION = {
    letter: f"{letter}: {words}" for letter, words in ANNEX_A_CARE_LEAVER_ACCOMMODATION.items()
}
ACTIVITY = coded(CareLeaverActivity, ANNEX_A_CARE_LEAVER_ACTIVITY, ": ")
NO_LONGER_PLACED = coded(ReasonNoLongerPlacedForAdoption, ANNEX_A_REASON_NO_LONGER_PLACED, " - ")
#: Each adopter's sex, first and second, from SSDA903 SEX_ADOPTR (M1 and F1 are one adopter).
ADOPTERS = {code.value: code.value.removesuffix("1") for code in AdoptersSex}
#: Placements with foster carers who may adopt: fostering for adoption (SSDA903 U2, U5).
FOSTERING_FOR_ADOPTION = frozenset({PlacementType.U2.value, PlacementType.U5.value})


def yes_no(value: bool | None, unknown: str = "") -> str:
    """Annex A's yes or no, or ``unknown`` when the casework does not say."""
    if value is None:
        return unknown
    return YES if value else NO
