"""Annex A's wording of the DfE codes lives beside the code lists, in
``kinfolk.core.annex_a_wording``."""

import pytest

from kinfolk.core import annex_a_wording, codes
from kinfolk.returns.annex_a import labels

#: Each of Annex A's wordings, with the code list it words.
WORDINGS = [
    (annex_a_wording.ANNEX_A_SEX, codes.Sex),
    (annex_a_wording.ANNEX_A_REFERRAL_SOURCE, codes.ReferralSource),
    (annex_a_wording.ANNEX_A_REASON_FOR_CLOSURE, codes.ReasonForClosure),
    (annex_a_wording.ANNEX_A_CATEGORY_OF_ABUSE, codes.CategoryOfAbuse),
    (annex_a_wording.ANNEX_A_LEGAL_STATUS, codes.LegalStatus),
    (annex_a_wording.ANNEX_A_REASON_EPISODE_CEASED, codes.ReasonEpisodeCeased),
    (annex_a_wording.ANNEX_A_PLACEMENT_TYPE, codes.PlacementType),
    (annex_a_wording.ANNEX_A_PLACEMENT_PROVIDER, codes.PlacementProvider),
    (annex_a_wording.ANNEX_A_CARE_LEAVER_IN_TOUCH, codes.CareLeaverInTouch),
    (annex_a_wording.ANNEX_A_CARE_LEAVER_ACTIVITY, codes.CareLeaverActivity),
    (annex_a_wording.ANNEX_A_REASON_NO_LONGER_PLACED, codes.ReasonNoLongerPlacedForAdoption),
]


@pytest.mark.parametrize(("wording", "choices"), WORDINGS, ids=lambda item: "")
def test_every_worded_code_is_a_code_of_its_list(wording, choices):
    assert set(wording) <= set(choices.values)


def test_accommodation_is_worded_by_the_letter_of_each_code():
    letters = {code[0] for code in codes.CareLeaverAccommodation.values if code[0].isalpha()}
    assert set(annex_a_wording.ANNEX_A_CARE_LEAVER_ACCOMMODATION) == letters


def test_the_options_read_the_code_lists_labels_and_letters():
    assert labels.GENDER == {"M": "a) Male", "F": "b) Female", "U": "c) Not stated/recorded"}
    assert labels.NEED["N2"] == "N2 - Child's disability"
    assert labels.CLOSURE["RC1"] == "RC1 - Adopted"
    assert labels.ABUSE["MUL"] == "e) Multiple/not recommended"
    assert labels.PROVIDER["PR5"] == "f) PR5: Voluntary/third sector"
    assert labels.ACTIVITY["0"] == "0: Not known"
    assert labels.ADOPTERS == {"M1": "M", "F1": "F", "MM": "MM", "FF": "FF", "MF": "MF"}
