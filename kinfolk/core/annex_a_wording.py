"""Annex A's own wording of DfE codes.

Ofsted's ILACS Annex A (docs/reference/annex-a.md) shows some of the DfE codes of
``kinfolk.core.codes`` in its own words, as the options of its template's drop-down lists. Each
mapping below gives, by code, Annex A's wording where it is not the code's label
(``kinfolk.returns.annex_a`` reads the label for the rest, and adds the code and the template's
letter); for a list whose letters do not follow the order of its codes, the mapping gives each
whole option, letter and code included.
"""

from kinfolk.core.codes import (
    CareLeaverActivity,
    CareLeaverInTouch,
    CategoryOfAbuse,
    LegalStatus,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonForClosure,
    ReasonNoLongerPlacedForAdoption,
    ReferralSource,
    Sex,
)

#: Annex A's wording of a sex (every list).
ANNEX_A_SEX: dict[str, str] = {Sex.UNKNOWN: "Not stated/recorded"}

#: Annex A's options for a source of referral (Lists 1 and 3): the template's letter, the code
#: and the group of sources it belongs to.
ANNEX_A_REFERRAL_SOURCE: dict[str, str] = {
    ReferralSource.INDIVIDUAL_FAMILY: "a) 1A: Individual",
    ReferralSource.INDIVIDUAL_ACQUAINTANCE: "b) 1B: Individual",
    ReferralSource.INDIVIDUAL_SELF: "c) 1C: Individual",
    ReferralSource.INDIVIDUAL_OTHER: "d) 1D: Individual",
    ReferralSource.SCHOOLS: "e) 2A: Schools",
    ReferralSource.EDUCATION_SERVICES: "f) 2B: Education services",
    ReferralSource.HEALTH_GP: "g) 3A: Health services",
    ReferralSource.HEALTH_VISITOR: "h) 3B: Health services",
    ReferralSource.HEALTH_SCHOOL_NURSE: "i) 3C: Health services",
    ReferralSource.HEALTH_PRIMARY_OTHER: "j) 3D: Health services",
    ReferralSource.HEALTH_A_AND_E: "k) 3E: Health services",
    ReferralSource.HEALTH_OTHER: "l) 3F: Health services",
    ReferralSource.HOUSING: "m) 4: Housing",
    ReferralSource.LA_SOCIAL_CARE: "n) 5A: LA services",
    ReferralSource.LA_OTHER_INTERNAL: "o) 5B: LA services",
    ReferralSource.LA_EXTERNAL: "p) 5C: LA services",
    ReferralSource.LA_EARLY_HELP: "p1) 5D: LA services",
    ReferralSource.POLICE: "q) 6: Police",
    ReferralSource.OTHER_LEGAL: "r) 7: Other legal agency",
    ReferralSource.OTHER: "s) 8: Other",
    ReferralSource.ANONYMOUS: "t) 9: Anonymous",
    ReferralSource.UNKNOWN: "u) 10: Unknown",
}

#: Annex A's wording of a reason for closure (List 6).
ANNEX_A_REASON_FOR_CLOSURE: dict[str, str] = {
    ReasonForClosure.RC5: "Transferred to services of another local authority",
    ReasonForClosure.RC6: "Transferred to adult social care services",
    ReasonForClosure.RC7: "Services ceased for any other reason, including child no longer in need",
    ReasonForClosure.RC8: "Case closed after assessment, no further action",
    ReasonForClosure.RC9: "Case closed after assessment, referred to early help",
}

#: Annex A's wording of a category of abuse (List 7).
ANNEX_A_CATEGORY_OF_ABUSE: dict[str, str] = {CategoryOfAbuse.MUL: "Multiple/not recommended"}

#: Annex A's short name of a legal status (List 8).
ANNEX_A_LEGAL_STATUS: dict[str, str] = {
    LegalStatus.C1: "ICO",
    LegalStatus.C2: "FCO",
    LegalStatus.D1: "Freeing order",
    LegalStatus.E1: "Placement order",
    LegalStatus.V2: "Single period under S20",
    LegalStatus.V3: "Short term breaks, episodes recorded",
    LegalStatus.V4: "Short term breaks, agreements recorded",
    LegalStatus.L1: "Police protection LA accommodation",
    LegalStatus.L2: "EPO",
    LegalStatus.L3: "Child assessment order LA accommodation",
    LegalStatus.J1: "Remanded to LA or youth detention",
    LegalStatus.J2: "LA accommodation under PACE",
    LegalStatus.J3: "Youth rehabilitation order",
}

#: Annex A's options for the reason care ceased (List 8), lettered in the template's order.
ANNEX_A_REASON_EPISODE_CEASED: dict[str, str] = {
    ReasonEpisodeCeased.E11: "a) E11: Adopted - application unopposed",
    ReasonEpisodeCeased.E12: "b) E12: Adopted - consent dispensed",
    ReasonEpisodeCeased.E2: "c) E2: Died",
    ReasonEpisodeCeased.E3: "d) E3: Care taken by another LA",
    ReasonEpisodeCeased.E4A: (
        "e) E4A: Returned home to live with parents or relatives - part of planning"
    ),
    ReasonEpisodeCeased.E4B: (
        "f) E4B: Returned home to live with parents or relatives - not part of planning"
    ),
    ReasonEpisodeCeased.E13: "g) E13: Parents, relatives or other with no parental responsibility",
    ReasonEpisodeCeased.E41: "h) E41: Residence order granted",
    ReasonEpisodeCeased.E45: "i) E45: Special Guardianship Orders - former carer relative/friend",
    ReasonEpisodeCeased.E46: "j) E46: Special Guardianship Orders - former carer other",
    ReasonEpisodeCeased.E47: "k) E47: Special Guardianship Orders - relative/friend",
    ReasonEpisodeCeased.E48: "l) E48: Special Guardianship Orders - other",
    ReasonEpisodeCeased.E5: "m) E5: Moved into independent living - supported",
    ReasonEpisodeCeased.E6: "n) E6: Moved into independent living - no support",
    ReasonEpisodeCeased.E7: "o) E7: Transferred to residential care funded by adult social services",
    ReasonEpisodeCeased.E9: "p) E9: Sentenced to custody",
    ReasonEpisodeCeased.E14: "q) E14: Accommodation on remand ended",
    ReasonEpisodeCeased.E15: "r) E15: Age assessment determined child was 18 or over",
    ReasonEpisodeCeased.E16: "s) E16: Child moved abroad",
    ReasonEpisodeCeased.E8: "t) E8: Care ceased for any other reason",
    ReasonEpisodeCeased.X1: "u) X1: CodeError",
    ReasonEpisodeCeased.E17: "v) E17: Aged 18+ and remained with current carers",
}

#: Annex A's options for a placement type (List 8), lettered in the template's order; the
#: 2025-26 codes come after the letters of the older template (docs/reference/annex-a.md, List 8).
ANNEX_A_PLACEMENT_TYPE: dict[str, str] = {
    PlacementType.U1: "a) U1: Foster placement - relatives - long term",
    PlacementType.U2: "b) U2: Foster placement - relative - FFA",
    PlacementType.U3: "c) U3: Foster placement - relative - not FFA",
    PlacementType.U4: "d) U4: Foster placement - long term",
    PlacementType.U5: "e) U5: Foster placement - FFA",
    PlacementType.U6: "f) U6: Foster placement - not FFA",
    PlacementType.A3: "g) A3: Placed for adoption - consent - current foster",
    PlacementType.A4: "h) A4: Placed for adoption - consent - not foster",
    PlacementType.A5: "i) A5: Placed for adoption - order - foster",
    PlacementType.A6: "j) A6: Placed for adoption - order - not foster",
    PlacementType.P1: "k) P1: Placed with parents",
    PlacementType.P3: "m) P3: Residential employment",
    PlacementType.K1: "o) K1: Secure Children's Homes",
    PlacementType.K2: "p) K2: Children's Homes",
    PlacementType.R1: "q) R1: Residential Care Home",
    PlacementType.R2: "r) R2: NHS/Health Trust",
    PlacementType.R3: "s) R3: Family Centre or Mother and Baby Unit",
    PlacementType.R5: "t) R5: Young Offender Institution",
    PlacementType.S1: "u) S1: Residential school",
    PlacementType.T0: "w) T0: Temporary placement",
    PlacementType.T1: "x) T1: Temporary placement - hospital",
    PlacementType.T2: "y) T2: Temporary placement - holiday",
    PlacementType.T3: "z) T3: Temporary placement - carer holiday",
    PlacementType.T4: "zz) T4: Temporary placement - seven days or less",
    PlacementType.K3: "zz1) K3: Registered supported accommodation",
    PlacementType.Z11: "zz2) Z11: Other placements",
    PlacementType.Z12: "zz3) Z12: Other placements",
    PlacementType.Z13: "zz4) Z13: Other placements",
    PlacementType.Z14: "zz5) Z14: Other placements",
}

#: Annex A's wording of a placement provider (List 8).
ANNEX_A_PLACEMENT_PROVIDER: dict[str, str] = {
    PlacementProvider.PR0: "Parents/Parental responsibility",
    PlacementProvider.PR1: "Own provision",
    PlacementProvider.PR2: "Other LA provision",
    PlacementProvider.PR3: "Other public provision",
    PlacementProvider.PR4: "Private provision",
    PlacementProvider.PR5: "Voluntary/third sector",
}

#: Annex A's wording of whether the authority is in touch with a care leaver (List 9).
ANNEX_A_CARE_LEAVER_IN_TOUCH: dict[str, str] = {
    CareLeaverInTouch.YES: "Yes",
    CareLeaverInTouch.NO: "No",
    CareLeaverInTouch.DIED: "Died",
    CareLeaverInTouch.REFU: "Refu",
    CareLeaverInTouch.NREQ: "NREQ",
    CareLeaverInTouch.RHOM: "Rhom",
}

#: Annex A's type of accommodation of a care leaver (List 9), by the letter of the code:
#: Annex A asks whether it is suitable in a column of its own.
ANNEX_A_CARE_LEAVER_ACCOMMODATION: dict[str, str] = {
    "B": "Parents/relatives",
    "C": "Community home/residential care",
    "D": "Semi-independent, transitional accommodation and self-contained accommodation",
    "E": "Supported lodgings",
    "G": "Abroad",
    "H": "Deported",
    "K": "Ordinary lodgings, without formal support",
    "R": "Residence not known",
    "S": "No fixed abode/homeless",
    "T": "Foyers and similar supported accommodation",
    "U": "Independent living",
    "V": "Emergency accommodation",
    "W": "Bed and breakfast",
    "X": "In custody",
    "Y": "Other accommodation",
    "Z": "With former foster carers",
}

#: Annex A's wording of a care leaver's main activity (List 9).
ANNEX_A_CARE_LEAVER_ACTIVITY: dict[str, str] = {
    CareLeaverActivity.F1: "Full time in higher education",
    CareLeaverActivity.P1: "Part time in higher education",
    CareLeaverActivity.F2: "Full time in education other than higher education",
    CareLeaverActivity.P2: "Part time in education other than higher education",
    CareLeaverActivity.F4: "Full time apprenticeship",
    CareLeaverActivity.P4: "Part time apprenticeship",
    CareLeaverActivity.F5: "Full time in training or employment",
    CareLeaverActivity.P5: "Part time in training or employment",
    CareLeaverActivity.G4: (
        "Not in education, training or employment, owing to illness or disability"
    ),
    CareLeaverActivity.G5: "Not in education, training or employment, owing to other reasons",
    CareLeaverActivity.G6: (
        "Not in education, training or employment, owing to pregnancy or parenting"
    ),
}

#: Annex A's wording of why a child should no longer be placed for adoption (List 10).
ANNEX_A_REASON_NO_LONGER_PLACED: dict[str, str] = {
    ReasonNoLongerPlacedForAdoption.RD1: "The child's needs changed subsequent to the decision",
    ReasonNoLongerPlacedForAdoption.RD2: "The Court did not make a placement order",
}
