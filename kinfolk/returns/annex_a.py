"""Ofsted ILACS Annex A: the child-level lists an authority gives the inspectors at the start of
an inspection of local authority children's services, built from the casework.

One worksheet per list (lists 1 to 11 of ``docs/reference/annex-a.md``), with its column headings
and lettered value labels. Each list covers its own window before the date of the lists
(``as_of``): six months for most, twelve for adoption, plus the cases open on that date. Each
list costs a fixed number of queries however many children it holds.

The placement's local authority and whether it is in or out of the area come from the postcode
directory (``kinfolk load-postcodes``), and are blank for a postcode it does not hold. What the
casework does not hold is left blank rather than invented: the organisation that completed an
early help assessment, and the adopters' recruitment journey (enquiry and stages 1 and 2),
which belongs to the adoption agency's own records.
"""

import datetime as dt
import io
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Max, Q
from openpyxl import Workbook

from kinfolk.care.history import SHORT_BREAK_LEGAL_STATUSES, Stay, care_leaver_status
from kinfolk.care.models import (
    ADOPTED,
    ADOPTION_PLACEMENTS,
    CareEpisode,
    CarePlan,
    HealthAssessment,
    LookedAfterReview,
    MissingEpisode,
    OutcomeKind,
    OutcomeRecord,
    PeriodOfCare,
    Placement,
    UASCPeriod,
)
from kinfolk.casework.models import Assessment, ChildInNeedEpisode, Plan, Visit
from kinfolk.core.codes import Ethnicity
from kinfolk.core.geography import look_up, placement_location
from kinfolk.core.models import Authority, Postcode
from kinfolk.core.working_days import add_months
from kinfolk.frontdoor.models import Contact, EarlyHelpEpisode
from kinfolk.leaving.models import CareLeaverContact, PathwayPlan, PersonalAdviserAllocation
from kinfolk.people.models import Child, ChildDisability
from kinfolk.permanence.models import AdoptionDecision, AdoptionMatch
from kinfolk.protection.models import Conference, Section47Enquiry, StrategyDiscussion
from kinfolk.workforce.models import Allocation

Row = list[Any]

YES, NO, UNKNOWN = "a) Yes", "b) No", "c) Unknown"

GENDER = {"M": "a) Male", "F": "b) Female", "U": "c) Not stated/recorded"}
#: a) WBRI to r) OOTH, then s) REFU and t) NOBT: the order of the DfE list.
ETHNICITY_ORDER = [code.value for code in Ethnicity]
ETHNICITY = {code: f"{chr(ord('a') + index)}) {code}" for index, code in enumerate(ETHNICITY_ORDER)}
SOURCE = {
    "1A": "a) 1A: Individual",
    "1B": "b) 1B: Individual",
    "1C": "c) 1C: Individual",
    "1D": "d) 1D: Individual",
    "2A": "e) 2A: Schools",
    "2B": "f) 2B: Education services",
    "3A": "g) 3A: Health services",
    "3B": "h) 3B: Health services",
    "3C": "i) 3C: Health services",
    "3D": "j) 3D: Health services",
    "3E": "k) 3E: Health services",
    "3F": "l) 3F: Health services",
    "4": "m) 4: Housing",
    "5A": "n) 5A: LA services",
    "5B": "o) 5B: LA services",
    "5C": "p) 5C: LA services",
    "5D": "p1) 5D: LA services",
    "6": "q) 6: Police",
    "7": "r) 7: Other legal agency",
    "8": "s) 8: Other",
    "9": "t) 9: Anonymous",
    "10": "u) 10: Unknown",
}
NEED = {
    "N1": "N1 - Abuse or neglect",
    "N2": "N2 - Child's disability",
    "N3": "N3 - Parental disability or illness",
    "N4": "N4 - Family in acute stress",
    "N5": "N5 - Family dysfunction",
    "N6": "N6 - Socially unacceptable behaviour",
    "N7": "N7 - Low income",
    "N8": "N8 - Absent parenting",
    "N9": "N9 - Cases other than children in need",
    "N0": "N0 - Not stated",
}
CLOSURE = {
    "RC1": "RC1 - Adopted",
    "RC2": "RC2 - Died",
    "RC3": "RC3 - Child arrangements order",
    "RC4": "RC4 - Special guardianship order",
    "RC5": "RC5 - Transferred to services of another local authority",
    "RC6": "RC6 - Transferred to adult social care services",
    "RC7": "RC7 - Services ceased for any other reason, including child no longer in need",
    "RC8": "RC8 - Case closed after assessment, no further action",
    "RC9": "RC9 - Case closed after assessment, referred to early help",
}
ABUSE = {
    "NEG": "a) Neglect",
    "PHY": "b) Physical abuse",
    "SAB": "c) Sexual abuse",
    "EMO": "d) Emotional abuse",
    "MUL": "e) Multiple/not recommended",
}
LEGAL_STATUS = {
    "C1": "C1: ICO",
    "C2": "C2: FCO",
    "D1": "D1: Freeing order",
    "E1": "E1: Placement order",
    "V2": "V2: Single period under S20",
    "V3": "V3: Short term breaks, episodes recorded",
    "V4": "V4: Short term breaks, agreements recorded",
    "L1": "L1: Police protection LA accommodation",
    "L2": "L2: EPO",
    "L3": "L3: Child assessment order LA accommodation",
    "J1": "J1: Remanded to LA or youth detention",
    "J2": "J2: LA accommodation under PACE",
    "J3": "J3: Youth rehabilitation order",
}
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
    "E11": "a) E11: Adopted - application unopposed",
    "E12": "b) E12: Adopted - consent dispensed",
    "E2": "c) E2: Died",
    "E3": "d) E3: Care taken by another LA",
    "E4A": "e) E4A: Returned home to live with parents or relatives - part of planning",
    "E4B": "f) E4B: Returned home to live with parents or relatives - not part of planning",
    "E13": "g) E13: Parents, relatives or other with no parental responsibility",
    "E41": "h) E41: Residence order granted",
    "E45": "i) E45: Special Guardianship Orders - former carer relative/friend",
    "E46": "j) E46: Special Guardianship Orders - former carer other",
    "E47": "k) E47: Special Guardianship Orders - relative/friend",
    "E48": "l) E48: Special Guardianship Orders - other",
    "E5": "m) E5: Moved into independent living - supported",
    "E6": "n) E6: Moved into independent living - no support",
    "E7": "o) E7: Transferred to residential care funded by adult social services",
    "E9": "p) E9: Sentenced to custody",
    "E14": "q) E14: Accommodation on remand ended",
    "E15": "r) E15: Age assessment determined child was 18 or over",
    "E16": "s) E16: Child moved abroad",
    "E8": "t) E8: Care ceased for any other reason",
    "X1": "u) X1: CodeError",
    "E17": "v) E17: Aged 18+ and remained with current carers",
}
PLACEMENT_TYPE = {
    "U1": "a) U1: Foster placement - relatives - long term",
    "U2": "b) U2: Foster placement - relative - FFA",
    "U3": "c) U3: Foster placement - relative - not FFA",
    "U4": "d) U4: Foster placement - long term",
    "U5": "e) U5: Foster placement - FFA",
    "U6": "f) U6: Foster placement - not FFA",
    "A3": "g) A3: Placed for adoption - consent - current foster",
    "A4": "h) A4: Placed for adoption - consent - not foster",
    "A5": "i) A5: Placed for adoption - order - foster",
    "A6": "j) A6: Placed for adoption - order - not foster",
    "P1": "k) P1: Placed with parents",
    "P3": "m) P3: Residential employment",
    "K1": "o) K1: Secure Children's Homes",
    "K2": "p) K2: Children's Homes",
    "R1": "q) R1: Residential Care Home",
    "R2": "r) R2: NHS/Health Trust",
    "R3": "s) R3: Family Centre or Mother and Baby Unit",
    "R5": "t) R5: Young Offender Institution",
    "S1": "u) S1: Residential school",
    "T0": "w) T0: Temporary placement",
    "T1": "x) T1: Temporary placement - hospital",
    "T2": "y) T2: Temporary placement - holiday",
    "T3": "z) T3: Temporary placement - carer holiday",
    "T4": "zz) T4: Temporary placement - seven days or less",
    # 2025-26 codes, after the letters of the older template (docs/reference/annex-a.md, List 8).
    "K3": "zz1) K3: Registered supported accommodation",
    "Z11": "zz2) Z11: Other placements",
    "Z12": "zz3) Z12: Other placements",
    "Z13": "zz4) Z13: Other placements",
    "Z14": "zz5) Z14: Other placements",
}
PROVIDER = {
    "PR0": "a) PR0: Parents/Parental responsibility",
    "PR1": "b) PR1: Own provision",
    "PR2": "c) PR2: Other LA provision",
    "PR3": "d) PR3: Other public provision",
    "PR4": "e) PR4: Private provision",
    "PR5": "f) PR5: Voluntary/third sector",
}
ELIGIBILITY = {
    "relevant": "a) Relevant child",
    "former_relevant": "b) Former relevant child",
    "eligible": "d) Eligible child",
}
IN_TOUCH = {
    "YES": "a) Yes",
    "NO": "b) No",
    "DIED": "c) Died",
    "REFU": "d) Refu",
    "NREQ": "e) NREQ",
    "RHOM": "f) Rhom",
}
ACCOMMODATION = {
    "B": "B: Parents/relatives",
    "C": "C: Community home/residential care",
    "D": "D: Semi-independent, transitional accommodation and self-contained accommodation",
    "E": "E: Supported lodgings",
    "G": "G: Abroad",
    "H": "H: Deported",
    "K": "K: Ordinary lodgings, without formal support",
    "R": "R: Residence not known",
    "S": "S: No fixed abode/homeless",
    "T": "T: Foyers and similar supported accommodation",
    "U": "U: Independent living",
    "V": "V: Emergency accommodation",
    "W": "W: Bed and breakfast",
    "X": "X: In custody",
    "Y": "Y: Other accommodation",
    "Z": "Z: With former foster carers",
}
ACTIVITY = {
    "F1": "F1: Full time in higher education",
    "P1": "P1: Part time in higher education",
    "F2": "F2: Full time in education other than higher education",
    "P2": "P2: Part time in education other than higher education",
    "F4": "F4: Full time apprenticeship",
    "P4": "P4: Part time apprenticeship",
    "F5": "F5: Full time in training or employment",
    "P5": "P5: Part time in training or employment",
    "G4": "G4: Not in education, training or employment, owing to illness or disability",
    "G5": "G5: Not in education, training or employment, owing to other reasons",
    "G6": "G6: Not in education, training or employment, owing to pregnancy or parenting",
    "0": "0: Not known",
}
NO_LONGER_PLACED = {
    "RD1": "RD1 - The child's needs changed subsequent to the decision",
    "RD2": "RD2 - The Court did not make a placement order",
    "RD3": "RD3 - Prospective adopters could not be found",
    "RD4": "RD4 - Any other reason",
}
#: Each adopter's sex, first and second, from SSDA903 SEX_ADOPTR.
ADOPTERS = {"M1": "M", "F1": "F", "MM": "MM", "FF": "FF", "MF": "MF"}
#: Placements with foster carers who may adopt: fostering for adoption (SSDA903 U2, U5).
FOSTERING_FOR_ADOPTION = frozenset({"U2", "U5"})

CHILD = ("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age")
DISABILITY = "Does the Child have a Disability"
ALLOCATED = ("Allocated Team", "Allocated Worker")

#: Each list: its number, its sheet's name, and its column headings (docs/reference/annex-a.md §3).
LISTS: dict[int, tuple[str, tuple[str, ...]]] = {
    1: ("Contacts", (*CHILD, "Date of Contact", "Contact Source")),
    2: (
        "Early help",
        (
            *CHILD,
            "Assessment start date",
            "Assessment completion date",
            "Organisation completing assessment",
        ),
    ),
    3: (
        "Referrals",
        (
            *CHILD,
            "Date of Referral",
            "Referral Source",
            "Referral NFA?",
            "Number of Referrals in Last 12 Months",
            *ALLOCATED,
        ),
    ),
    4: (
        "Assessments",
        (
            *CHILD,
            DISABILITY,
            "Continuous Assessment Start Date",
            "Child Seen During Continuous Assessment",
            "Continuous Assessment Date of Authorisation",
            "Was the child assessed as requiring LA children's social care support?",
            *ALLOCATED,
        ),
    ),
    5: (
        "Section 47 enquiries",
        (
            *CHILD,
            DISABILITY,
            "Strategy discussion initiating Section 47 Enquiry Start Date",
            "Was an Initial Child Protection Conference deemed unnecessary?",
            "Date of Initial Child Protection Conference",
            "Did the Initial Child Protection Conference Result in a Child Protection Plan",
            "Number of Section 47 Enquiries in the last 12 months",
            "Number of ICPCs in the last 12 months",
            *ALLOCATED,
        ),
    ),
    6: (
        "Children in need",
        (
            *CHILD,
            DISABILITY,
            "CIN Start Date",
            "Primary Need Code",
            "Date Child Was Last Seen",
            "CIN Closure Date",
            "Reason for Closure",
            "Case Status",
            *ALLOCATED,
        ),
    ),
    7: (
        "Child protection",
        (
            *CHILD,
            DISABILITY,
            "Child Protection Plan Start Date",
            "Initial Category of Abuse",
            "Latest Category of Abuse",
            "Date of the Last Statutory Visit",
            "Was the Child Seen Alone?",
            "Date of latest review conference",
            "Child Protection Plan End Date",
            "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six "
            "Months (Y/N)",
            "Number of Previous Child Protection Plans",
            *ALLOCATED,
        ),
    ),
    8: (
        "Children in care",
        (
            *CHILD,
            "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
            DISABILITY,
            "Date Started to be Looked After",
            "Child's Category of Need",
            "Is this a second or subsequent period of being a Looked After Child within the "
            "last 12 months (Y/N)",
            "Start date of current legal status",
            "Child's Legal Status",
            "Date of Latest Statutory Review",
            "Date of Last Social Work Visit",
            "What is the permanence plan for this child?",
            "Date of Last IRO Visit / Contact to the Child",
            "Date of Last Health Assessment",
            "Date of Last Dental Check",
            "Number of Placements in the Last 12 months",
            "Date Ceased to be Looked After",
            "Reason Ceased to be Looked After",
            "Start Date of Most Recent Placement",
            "Placement Type",
            "Placement Provider",
            "Placement postcode",
            "URN of Placement",
            "Placement Location",
            "LA of Placement",
            "Number of Episodes the Child has been 'Missing' from their Placement in the last "
            "12 months",
            "Number of Episodes the Child has been 'Absent' from their Placement in the last "
            "12 months",
            "Was the child offered a Return Interview after their last missing episode (Y/N)?",
            "Did the child accept a Return Interview after their last missing episode (Y/N)?",
            *ALLOCATED,
        ),
    ),
    9: (
        "Care leavers",
        (
            *CHILD,
            DISABILITY,
            *ALLOCATED,
            "Eligibility Category",
            "LA in Touch",
            "Type of Accommodation",
            "Suitability of Accommodation",
            "Activity Status",
            "UASC",
            "Allocated Personal Adviser",
            "Date of latest pathway plan",
            "Date of latest contact",
        ),
    ),
    10: (
        "Adoption",
        (
            "Child Unique ID",
            "Family identifier",
            "Gender",
            "Ethnicity",
            "Date of Birth",
            "Age of Child (Years)",
            DISABILITY,
            "Date the Child Entered Care",
            "Date of Decision that Child Should be Placed for Adoption",
            "Date of Placement Order",
            "Date of Matching Child and Prospective Adopters",
            "Date Placed for Adoption",
            "Date of Adoption Order",
            "Date of Decision that Child Should No Longer be Placed for Adoption",
            "Reason Why Child No Longer Placed for Adoption",
            "Date the child was placed for fostering in FFA or concurrent planning placement",
        ),
    ),
    11: (
        "Adopters",
        (
            "Individual adopter identifier",
            "Family identifier",
            "Gender",
            "Ethnicity",
            "Disability",
            "Is the (prospective) adopter fostering for adoption?",
            "Date enquiry received",
            "Date Stage 1 started",
            "Date Stage 1 ended",
            "Date Stage 2 started",
            "Date Stage 2 ended",
            "Date application submitted",
            "Date application approved",
            "Date adopter matched with child(ren)",
            "Date child/children placed with adopter(s)",
            "No. of children placed",
            "Date of Adoption Order",
            "Date of leaving adoption process",
            "Reason for leaving adoption process",
        ),
    ),
}


def sheet_name(number: int) -> str:
    """The worksheet's name, such as ``List 1 - Contacts`` (under Excel's 31 characters)."""
    return f"List {number} - {LISTS[number][0]}"


def yes_no(value: bool | None, unknown: str = "") -> str:
    if value is None:
        return unknown
    return YES if value else NO


@dataclass
class Window:
    """The date of the lists and the start of each window: ``start`` six months before for
    most lists, ``year_start`` twelve months before for adoption and the 12-month counts.
    Both ends are included."""

    as_of: dt.date
    start: dt.date
    year_start: dt.date

    @classmethod
    def ending(cls, as_of: dt.date) -> "Window":
        return cls(as_of, add_months(as_of, -6), add_months(as_of, -12))

    def covers(self, day: dt.date | None, *, year: bool = False) -> bool:
        return day is not None and (self.year_start if year else self.start) <= day <= self.as_of

    def open_in(self, start: dt.date, end: dt.date | None, *, year: bool = False) -> bool:
        """A record that started by the date of the lists and was open at some time in the
        window (still open, or ended in it)."""
        first = self.year_start if year else self.start
        return start <= self.as_of and (end is None or end >= first)


class Casework:
    """What several lists share, each read once: the children's disabilities and who held
    each case on the date of the lists."""

    def __init__(self, window: Window) -> None:
        self.window = window
        self.disabled = set(
            ChildDisability.objects.exclude(code="NONE").values_list("child_id", flat=True)
        )
        self.allocations: dict[int, tuple[str, str]] = {}
        held = Allocation.objects.filter(start_on__lte=window.as_of).filter(
            Q(end_on__isnull=True) | Q(end_on__gte=window.as_of)
        )
        for allocation in held.select_related("worker__team", "team").order_by("start_on", "pk"):
            team = allocation.team or allocation.worker.team
            self.allocations[allocation.child_id] = (
                team.name if team else "",
                str(allocation.worker),
            )

    def child(self, child: Child) -> Row:
        return [
            child.la_child_id,
            GENDER.get(child.sex, "c) Not stated/recorded"),
            ETHNICITY.get(child.ethnicity, ""),
            child.date_of_birth,
            child.age_on(self.window.as_of),
        ]

    def disability(self, child_id: int) -> str:
        return YES if child_id in self.disabled else NO

    def allocated(self, child_id: int) -> Row:
        return list(self.allocations.get(child_id, ("", "")))


def _latest(pairs: Iterable[tuple[int, dt.date | None]]) -> dict[int, dt.date]:
    latest: dict[int, dt.date] = {}
    for child_id, day in pairs:
        if day is not None and (child_id not in latest or day > latest[child_id]):
            latest[child_id] = day
    return latest


def list_1(work: Casework) -> list[Row]:
    """List 1: every contact received in the six months, one row per child."""
    window = work.window
    contacts = Contact.objects.filter(
        received_at__date__gte=window.start, received_at__date__lte=window.as_of
    ).select_related("child")
    return [
        [*work.child(c.child), c.received_at.date(), SOURCE.get(c.source, "")]
        for c in contacts.order_by("received_at", "pk")
    ]


def list_2(work: Casework) -> list[Row]:
    """List 2: early help started in the six months, and early help open on the date."""
    window = work.window
    episodes = EarlyHelpEpisode.objects.filter(start_on__lte=window.as_of).filter(
        Q(start_on__gte=window.start) | Q(end_on__isnull=True) | Q(end_on__gt=window.as_of)
    )
    return [
        [
            *work.child(e.child),
            e.start_on,
            e.end_on if e.end_on and e.end_on <= window.as_of else None,
            "",
        ]
        for e in episodes.select_related("child").order_by("start_on", "pk")
    ]


def list_3(work: Casework) -> list[Row]:
    """List 3: every referral in the six months, with the child's other referrals in the 12
    months before it."""
    window = work.window
    referrals = list(
        ChildInNeedEpisode.objects.filter(
            referral_on__gte=window.start, referral_on__lte=window.as_of
        )
        .select_related("child")
        .order_by("referral_on", "pk")
    )
    earlier: dict[int, list[dt.date]] = defaultdict(list)
    for child_id, referral_on in ChildInNeedEpisode.objects.filter(
        child_id__in={r.child_id for r in referrals},
        referral_on__gte=add_months(window.start, -12),
        referral_on__lte=window.as_of,
    ).values_list("child_id", "referral_on"):
        earlier[child_id].append(referral_on)
    rows = []
    for referral in referrals:
        since = add_months(referral.referral_on, -12)
        others = sum(since <= day < referral.referral_on for day in earlier[referral.child_id])
        rows.append(
            [
                *work.child(referral.child),
                referral.referral_on,
                SOURCE.get(referral.referral_source, ""),
                yes_no(referral.is_nfa),
                others,
                *work.allocated(referral.child_id),
            ]
        )
    return rows


def list_4(work: Casework) -> list[Row]:
    """List 4: assessments started or authorised in the six months. An authorised assessment
    that closed the case (RC8, RC9) found no need for social care support."""
    window = work.window
    assessments = Assessment.objects.filter(
        Q(started_on__gte=window.start, started_on__lte=window.as_of)
        | Q(authorised_on__gte=window.start, authorised_on__lte=window.as_of)
    ).select_related("child", "episode")
    rows = []
    for a in assessments.order_by("started_on", "pk"):
        authorised = (
            a.authorised_on if a.authorised_on and a.authorised_on <= window.as_of else None
        )
        needs_support = ""
        if authorised:
            closed_by_it = a.episode.closure_reason in ("RC8", "RC9")
            needs_support = NO if closed_by_it else YES
        rows.append(
            [
                *work.child(a.child),
                work.disability(a.child_id),
                a.started_on,
                yes_no(a.is_child_seen, UNKNOWN),
                authorised,
                needs_support,
                *work.allocated(a.child_id),
            ]
        )
    return rows


def list_5(work: Casework) -> list[Row]:
    """List 5: section 47 enquiries open at any time in the six months, with the strategy
    discussion that started each (the latest held on or before its start) and its initial
    conference."""
    window = work.window
    enquiries = list(
        Section47Enquiry.objects.filter(started_on__lte=window.as_of)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=window.start))
        .select_related("child")
        .order_by("started_on", "pk")
    )
    child_ids = {e.child_id for e in enquiries}
    discussions: dict[int, list[dt.date]] = defaultdict(list)
    for child_id, held_on in StrategyDiscussion.objects.filter(
        child_id__in=child_ids, held_on__lte=window.as_of
    ).values_list("child_id", "held_on"):
        discussions[child_id].append(held_on)
    started: dict[int, list[dt.date]] = defaultdict(list)
    for child_id, started_on in Section47Enquiry.objects.filter(
        child_id__in=child_ids, started_on__gte=window.year_start, started_on__lte=window.as_of
    ).values_list("child_id", "started_on"):
        started[child_id].append(started_on)
    initial: dict[int, Conference] = {}
    icpcs: dict[int, int] = defaultdict(int)
    for conference in Conference.objects.filter(
        child_id__in=child_ids, kind="initial", held_on__lte=window.as_of
    ).order_by("held_on", "pk"):
        if conference.enquiry_id:
            initial.setdefault(conference.enquiry_id, conference)
        if conference.held_on >= window.year_start:
            icpcs[conference.child_id] += 1
    rows = []
    for e in enquiries:
        held = [day for day in discussions[e.child_id] if day <= e.started_on]
        conference = initial.get(e.pk)
        not_required = None if e.is_conference_required is None else not e.is_conference_required
        rows.append(
            [
                *work.child(e.child),
                work.disability(e.child_id),
                max(held) if held else e.started_on,
                yes_no(not_required),
                conference.held_on if conference else None,
                yes_no(conference.is_plan_needed) if conference else "",
                len(started[e.child_id]),
                icpcs[e.child_id],
                *work.allocated(e.child_id),
            ]
        )
    return rows


def _looked_after_on(day: dt.date) -> set[int]:
    return set(
        PeriodOfCare.objects.filter(start_on__lte=day)
        .filter(Q(end_on__isnull=True) | Q(end_on__gt=day))
        .values_list("child_id", flat=True)
    )


def list_6(work: Casework) -> list[Row]:
    """List 6: children in need now or in the six months (not referrals that ended in no
    further action), with their case status in Ofsted's order of priority."""
    window = work.window
    episodes = list(
        ChildInNeedEpisode.objects.filter(referral_on__lte=window.as_of, is_nfa=False)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=window.start))
        .select_related("child")
        .order_by("referral_on", "pk")
    )
    child_ids = {e.child_id for e in episodes}
    looked_after = _looked_after_on(window.as_of)
    open_plans = set(
        Plan.objects.filter(child_id__in=child_ids, start_on__lte=window.as_of)
        .filter(Q(end_on__isnull=True) | Q(end_on__gt=window.as_of))
        .values_list("child_id", "kind")
    )
    assessing = set(
        Assessment.objects.filter(child_id__in=child_ids, started_on__lte=window.as_of)
        .filter(Q(authorised_on__isnull=True) | Q(authorised_on__gt=window.as_of))
        .values_list("child_id", flat=True)
    )
    seen = _latest(
        Visit.objects.filter(
            child_id__in=child_ids, is_child_seen=True, visited_on__lte=window.as_of
        )
        .values("child_id")
        .annotate(last=Max("visited_on"))
        .values_list("child_id", "last")
    )
    rows = []
    for e in episodes:
        closed = e.closed_on if e.closed_on and e.closed_on <= window.as_of else None
        if closed:
            status = "e) Closed episode"
        elif e.child_id in looked_after:
            status = "a) Looked after child"
        elif (e.child_id, "cp") in open_plans:
            status = "b) Child Protection plan"
        elif (e.child_id, "cin") in open_plans:
            status = "c) Child in need plan"
        elif e.child_id in assessing:
            status = "d) Open assessment"
        else:
            status = ""
        rows.append(
            [
                *work.child(e.child),
                work.disability(e.child_id),
                e.referral_on,
                NEED.get(e.primary_need, ""),
                seen.get(e.child_id),
                closed,
                CLOSURE.get(e.closure_reason, "") if closed else "",
                status,
                *work.allocated(e.child_id),
            ]
        )
    return rows


def list_7(work: Casework) -> list[Row]:
    """List 7: child protection plans open now or ended in the six months."""
    window = work.window
    plans = list(
        Plan.objects.filter(kind="cp", start_on__lte=window.as_of)
        .filter(Q(end_on__isnull=True) | Q(end_on__gte=window.start))
        .select_related("child")
        .order_by("start_on", "pk")
    )
    child_ids = {p.child_id for p in plans}
    visits: dict[int, Visit] = {}
    for visit in Visit.objects.filter(
        child_id__in=child_ids, kind="cp", visited_on__lte=window.as_of
    ).order_by("visited_on", "pk"):
        visits[visit.child_id] = visit
    reviews = _latest(
        Conference.objects.filter(
            plan_id__in={p.pk for p in plans}, kind="review", held_on__lte=window.as_of
        ).values_list("plan_id", "held_on")
    )
    emergency = set(
        CareEpisode.objects.filter(
            child_id__in=child_ids, legal_status__in=("L1", "L2"), start_on__lte=window.as_of
        )
        .filter(Q(end_on__isnull=True) | Q(end_on__gte=window.start))
        .values_list("child_id", flat=True)
    )
    rows = []
    for p in plans:
        visit = visits.get(p.child_id)
        ended = p.end_on if p.end_on and p.end_on <= window.as_of else None
        rows.append(
            [
                *work.child(p.child),
                work.disability(p.child_id),
                p.start_on,
                ABUSE.get(p.initial_category, ""),
                ABUSE.get(p.latest_category or p.initial_category, ""),
                visit.visited_on if visit else None,
                yes_no(visit.is_seen_alone, UNKNOWN) if visit else "",
                reviews.get(p.pk),
                ended,
                "a) Yes" if p.child_id in emergency else "b) No",
                p.previous_plans,
                *work.allocated(p.child_id),
            ]
        )
    return rows


def _is_short_breaks_only(episodes: list[CareEpisode]) -> bool:
    return bool(episodes) and all(e.legal_status in SHORT_BREAK_LEGAL_STATUSES for e in episodes)


#: The LA of Placement of a placement outside England, by the first letter of its ONS code.
COUNTRY_OF_PLACEMENT = {"W": "WAL", "S": "SCO", "N": "NIR"}


def placement_area(
    postcode: str, authority: Authority | None, directory: dict[str, Postcode]
) -> tuple[str, str]:
    """List 8's Placement Location (in or out of the authority's area) and LA of Placement
    (the ONS code of the placement's authority, or its country outside England), from the
    postcode directory; blank when the postcode is not in the directory."""
    location = placement_location(
        home_postcode="",
        placement_postcode=postcode,
        authority_code=authority.la_code if authority else "",
        directory=directory,
    )
    if not location.la_code:
        return "", ""
    where = "" if location.is_in_area is None else ("a) In" if location.is_in_area else "b) Out")
    return where, COUNTRY_OF_PLACEMENT.get(location.la_code[0], location.la_code)


def list_8(work: Casework) -> list[Row]:
    """List 8: children looked after now or who ceased in the six months (not periods made
    only of short breaks, V3 and V4), with their latest episode's legal status and placement,
    reviews, visits, health, and missing episodes in the last 12 months."""
    window = work.window
    periods = list(
        PeriodOfCare.objects.filter(start_on__lte=window.as_of)
        .filter(Q(end_on__isnull=True) | Q(end_on__gte=window.start))
        .select_related("child")
        .order_by("start_on", "pk")
    )
    child_ids = {p.child_id for p in periods}
    episodes: dict[int, list[CareEpisode]] = defaultdict(list)
    for episode in (
        CareEpisode.objects.filter(period__in=periods, start_on__lte=window.as_of)
        .select_related("placement")
        .order_by("start_on", "pk")
    ):
        episodes[episode.period_id].append(episode)
    earlier_ends = defaultdict(list)
    for child_id, end_on in PeriodOfCare.objects.filter(
        child_id__in=child_ids, end_on__gte=window.year_start
    ).values_list("child_id", "end_on"):
        earlier_ends[child_id].append(end_on)
    uasc = set(
        UASCPeriod.objects.filter(child_id__in=child_ids, start_on__lte=window.as_of)
        .filter(Q(end_on__isnull=True) | Q(end_on__gte=window.year_start))
        .values_list("child_id", flat=True)
    )
    review_rows = list(
        LookedAfterReview.objects.filter(
            child_id__in=child_ids, held_on__lte=window.as_of
        ).values_list("child_id", "held_on", "iro_contact_on")
    )
    reviews = _latest((child_id, held_on) for child_id, held_on, _ in review_rows)
    iro = _latest(
        (child_id, contact_on)
        for child_id, _, contact_on in review_rows
        if contact_on and contact_on <= window.as_of
    )
    visits = _latest(
        Visit.objects.filter(child_id__in=child_ids, kind="cla", visited_on__lte=window.as_of)
        .values("child_id")
        .annotate(last=Max("visited_on"))
        .values_list("child_id", "last")
    )
    plans: dict[int, str] = {}
    for child_id, plan in (
        CarePlan.objects.filter(child_id__in=child_ids, made_on__lte=window.as_of)
        .order_by("made_on", "pk")
        .values_list("child_id", "permanence_plan")
    ):
        plans[child_id] = plan
    health = _latest(
        HealthAssessment.objects.filter(child_id__in=child_ids, assessed_on__lte=window.as_of)
        .values("child_id")
        .annotate(last=Max("assessed_on"))
        .values_list("child_id", "last")
    )
    dental = _latest(
        OutcomeRecord.objects.filter(
            child_id__in=child_ids, kind=OutcomeKind.DENTAL, recorded_on__lte=window.as_of
        )
        .values("child_id")
        .annotate(last=Max("recorded_on"))
        .values_list("child_id", "last")
    )
    moves: dict[int, int] = defaultdict(int)
    for child_id in Placement.objects.filter(
        child_id__in=child_ids, start_on__gte=window.year_start, start_on__lte=window.as_of
    ).values_list("child_id", flat=True):
        moves[child_id] += 1
    directory = look_up(e.placement_postcode for spans in episodes.values() for e in spans[-1:])
    authority = Authority.current()
    missing: dict[int, dict[str, int]] = defaultdict(lambda: {"M": 0, "A": 0})
    last_missing: dict[int, MissingEpisode] = {}
    for m in MissingEpisode.objects.filter(child_id__in=child_ids).order_by("started_at", "pk"):
        day = m.started_at.date()
        if window.covers(day, year=True):
            missing[m.child_id][m.kind] += 1
            if m.kind == "M":
                last_missing[m.child_id] = m
    rows = []
    for period in periods:
        spans = episodes[period.pk]
        if not spans or _is_short_breaks_only(spans):
            continue
        latest = spans[-1]
        status_start = latest.start_on
        for episode in reversed(spans[:-1]):
            if episode.legal_status != latest.legal_status:
                break
            status_start = episode.start_on
        ceased = period.end_on if period.end_on and period.end_on <= window.as_of else None
        again = any(
            end < period.start_on and end >= add_months(period.start_on, -12)
            for end in earlier_ends[period.child_id]
        )
        last = last_missing.get(period.child_id)
        offered = accepted = ""
        if last:
            offered = YES if last.return_interview_offered_at else NO
            accepted = yes_no(last.return_interview_accepted, "")
        rows.append(
            [
                *work.child(period.child),
                YES if period.child_id in uasc else NO,
                work.disability(period.child_id),
                period.start_on,
                NEED.get(latest.category_of_need, ""),
                YES if again else NO,
                status_start,
                LEGAL_STATUS.get(latest.legal_status, ""),
                reviews.get(period.child_id),
                visits.get(period.child_id),
                PERMANENCE.get(plans.get(period.child_id, ""), ""),
                iro.get(period.child_id),
                health.get(period.child_id),
                dental.get(period.child_id),
                moves[period.child_id],
                ceased,
                REASON_CEASED.get(period.reason_ceased, "") if ceased else "",
                latest.placement.start_on if latest.placement else latest.start_on,
                PLACEMENT_TYPE.get(latest.placement_type, ""),
                PROVIDER.get(latest.placement_provider, ""),
                latest.placement_postcode,
                latest.urn,
                *placement_area(latest.placement_postcode, authority, directory),
                missing[period.child_id]["M"],
                missing[period.child_id]["A"],
                offered,
                accepted,
                *work.allocated(period.child_id),
            ]
        )
    return rows


def list_9(work: Casework) -> list[Row]:
    """List 9: young people entitled to leaving-care services on the date of the lists:
    eligible, relevant and former relevant (``kinfolk.care.history``), with their latest
    contact, pathway plan and personal adviser."""
    window = work.window
    oldest = window.as_of.replace(year=window.as_of.year - 22)
    children = {
        c.pk: c
        for c in Child.objects.filter(
            periods_of_care__isnull=False, date_of_birth__gt=oldest
        ).distinct()
    }
    stays: dict[int, list[Stay]] = defaultdict(list)
    statuses: dict[int, set[str]] = defaultdict(set)
    for period_id, legal_status in CareEpisode.objects.filter(child_id__in=children).values_list(
        "period_id", "legal_status"
    ):
        statuses[period_id].add(legal_status)
    for period in PeriodOfCare.objects.filter(child_id__in=children, start_on__lte=window.as_of):
        if statuses[period.pk] and statuses[period.pk] <= SHORT_BREAK_LEGAL_STATUSES:
            continue
        end = period.end_on if period.end_on and period.end_on <= window.as_of else None
        stays[period.child_id].append(Stay(period.start_on, end))
    leavers = []
    for child_id, child in children.items():
        status = care_leaver_status(child.date_of_birth, stays[child_id], window.as_of)
        if status:
            leavers.append((child, status))
    ids = [child.pk for child, _ in leavers]
    contacts: dict[int, CareLeaverContact] = {}
    for contact in CareLeaverContact.objects.filter(
        child_id__in=ids, contacted_on__lte=window.as_of
    ).order_by("contacted_on", "pk"):
        contacts[contact.child_id] = contact
    pathway = _latest(
        PathwayPlan.objects.filter(child_id__in=ids, made_on__lte=window.as_of)
        .values("child_id")
        .annotate(last=Max("made_on"))
        .values_list("child_id", "last")
    )
    advisers = {
        a.child_id: str(a.adviser)
        for a in PersonalAdviserAllocation.objects.filter(
            child_id__in=ids, start_on__lte=window.as_of
        )
        .filter(Q(end_on__isnull=True) | Q(end_on__gte=window.as_of))
        .select_related("adviser")
        .order_by("start_on", "pk")
    }
    uasc = set(UASCPeriod.objects.filter(child_id__in=ids).values_list("child_id", flat=True))
    rows = []
    for child, status in sorted(leavers, key=lambda pair: pair[0].la_child_id):
        contact = contacts.get(child.pk)
        accommodation = contact.accommodation if contact else ""
        suitable = contact.is_accommodation_suitable if contact else None
        rows.append(
            [
                *work.child(child),
                work.disability(child.pk),
                *work.allocated(child.pk),
                ELIGIBILITY[status],
                IN_TOUCH.get(contact.in_touch, "") if contact else "",
                ACCOMMODATION.get(accommodation[:1], "") if accommodation else "",
                {True: "a) Suitable", False: "b) Unsuitable"}.get(suitable, "")
                if suitable is not None
                else "",
                ACTIVITY.get(contact.activity, "") if contact else "",
                YES if child.pk in uasc else NO,
                advisers.get(child.pk, ""),
                pathway.get(child.pk),
                contact.contacted_on if contact else None,
            ]
        )
    return rows


def _adoption_decisions(window: Window) -> list[AdoptionDecision]:
    """The decisions of List 10: open on the date of the lists, reversed in the 12 months, or
    of a child adopted in the 12 months."""
    return list(
        AdoptionDecision.objects.filter(decided_on__lte=window.as_of)
        .filter(
            Q(reversed_on__isnull=True)
            | Q(reversed_on__gte=window.year_start)
            | Q(
                period__reason_ceased__in=ADOPTED,
                period__end_on__gte=window.year_start,
            )
        )
        .exclude(
            reversed_on__isnull=True,
            period__reason_ceased__in=ADOPTED,
            period__end_on__lt=window.year_start,
        )
        .select_related("child", "period", "match")
        .order_by("decided_on", "pk")
    )


def _match(decision: AdoptionDecision) -> AdoptionMatch | None:
    try:
        return decision.match
    except AdoptionMatch.DoesNotExist:
        return None


def _adopted_on(period: PeriodOfCare, window: Window) -> dt.date | None:
    if period.reason_ceased in ADOPTED and window.covers(period.end_on, year=True):
        return period.end_on
    return None


def list_10(work: Casework) -> list[Row]:
    """List 10: children adopted in the 12 months, with a decision that they should be placed
    for adoption not yet adopted, or with that decision reversed in the 12 months."""
    window = work.window
    decisions = _adoption_decisions(window)
    episodes: dict[int, list[CareEpisode]] = defaultdict(list)
    for episode in CareEpisode.objects.filter(
        period_id__in={d.period_id for d in decisions}, start_on__lte=window.as_of
    ).order_by("start_on", "pk"):
        episodes[episode.period_id].append(episode)
    rows = []
    for d in decisions:
        spans = episodes[d.period_id]
        match = _match(d)
        reversed_on = d.reversed_on if d.reversed_on and d.reversed_on <= window.as_of else None
        rows.append(
            [
                d.child.la_child_id,
                f"F{match.pk}" if match and match.matched_on <= window.as_of else "",
                *work.child(d.child)[1:4],
                d.child.age_on(window.as_of),
                work.disability(d.child_id),
                d.period.start_on,
                d.decided_on,
                next((e.start_on for e in spans if e.legal_status == "E1"), None),
                match.matched_on if match and match.matched_on <= window.as_of else None,
                next((e.start_on for e in spans if e.placement_type in ADOPTION_PLACEMENTS), None),
                _adopted_on(d.period, window),
                reversed_on,
                NO_LONGER_PLACED.get(d.reversal_reason, "") if reversed_on else "",
                next(
                    (e.start_on for e in spans if e.placement_type in FOSTERING_FOR_ADOPTION),
                    None,
                ),
            ]
        )
    return rows


def list_11(work: Casework) -> list[Row]:
    """List 11: the adopters matched with a child in the 12 months, or whose child was placed
    with them or adopted in it, one row per adult, a couple sharing their family identifier
    (``F`` and the match). Their recruitment (enquiry, stages, approval) is not recorded in
    the casework and is left blank."""
    window = work.window
    matches = (
        AdoptionMatch.objects.filter(matched_on__lte=window.as_of)
        .filter(
            Q(matched_on__gte=window.year_start)
            | Q(moved_in_on__gte=window.year_start, moved_in_on__lte=window.as_of)
            | Q(
                decision__period__reason_ceased__in=ADOPTED,
                decision__period__end_on__gte=window.year_start,
                decision__period__end_on__lte=window.as_of,
            )
        )
        .select_related("decision__period")
        .order_by("matched_on", "pk")
    )
    rows = []
    for match in matches:
        sexes = ADOPTERS.get(match.adopters_sex, "")
        adopted = _adopted_on(match.decision.period, window)
        placed = (
            match.moved_in_on if match.moved_in_on and match.moved_in_on <= window.as_of else None
        )
        for index in range(match.number_of_adopters):
            sex = sexes[index] if index < len(sexes) else ""
            rows.append(
                [
                    f"F{match.pk}-{index + 1}",
                    f"F{match.pk}",
                    GENDER.get(sex, "c) Not stated/recorded"),
                    "",
                    "",
                    YES if match.is_former_foster_carers else NO,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    match.matched_on,
                    placed,
                    1 if placed else 0,
                    adopted,
                    None,
                    "",
                ]
            )
    return rows


BUILDERS: dict[int, Callable[[Casework], list[Row]]] = {
    1: list_1,
    2: list_2,
    3: list_3,
    4: list_4,
    5: list_5,
    6: list_6,
    7: list_7,
    8: list_8,
    9: list_9,
    10: list_10,
    11: list_11,
}


def build_annex_a(as_of: dt.date) -> bytes:
    """The Annex A workbook as of ``as_of``: one sheet per list, headings in the first row,
    dates as dates shown dd/mm/yyyy."""
    work = Casework(Window.ending(as_of))
    book = Workbook()
    book.remove(book.active)
    for number, build in BUILDERS.items():
        sheet = book.create_sheet(sheet_name(number))
        sheet.append(list(LISTS[number][1]))
        for row in build(work):
            sheet.append(row)
        for cells in sheet.iter_rows(min_row=2):
            for cell in cells:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "DD/MM/YYYY"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
