"""The CIN census XML read into the eleven tables the DfE rules speak of (Header,
ChildIdentifiers, ChildCharacteristics, Disabilities, CINdetails, Assessments,
AssessmentFactorsList, CINplanDates, Section47, ChildProtectionPlans, Reviews), so that each rule
reads like its DfE wording.

The rules are written against the file, not the casework: the same checks run on a census built
here and on one imported from another system. Episodes, assessments and plans get position
numbers (``CINdetailsID`` and so on, counting from 1 within their parent) as the peer validator
gives them, because the XML has no identifiers of its own (episodes are numbered across the
whole file, the rest within their episode). A date that cannot be read counts as
missing: the XSD check reports its format.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from django.utils import timezone
from lxml import etree

from kinfolk.core.working_days import add_months, is_working_day

Row = TypeVar("Row")
Key = TypeVar("Key", bound=Hashable)

#: The values the XSD allows for a yes/no item (ReferralNFA, ICPCnotRequired).
TRUE_VALUES = frozenset({"true", "TRUE", "1"})
BOOLEAN_VALUES = frozenset({"true", "TRUE", "1", "false", "FALSE", "0"})


@dataclass(frozen=True)
class Header:
    """The collection details: which census, and its reference date."""

    collection: str
    year: str
    reference_date: dt.date | None
    lea: str


@dataclass(frozen=True)
class ChildIdentifiers:
    """Who the child is: the local authority's id, pupil numbers, dates of birth and death."""

    la_child_id: str
    upn: str
    former_upn: str
    upn_unknown: str
    birth_date: dt.date | None
    expected_birth_date: dt.date | None
    sex: str
    death_date: dt.date | None

    @property
    def is_born(self) -> bool:
        return self.birth_date is not None


@dataclass(frozen=True)
class ChildCharacteristics:
    la_child_id: str
    ethnicity: str


@dataclass(frozen=True)
class Disability:
    la_child_id: str
    disability: str


@dataclass(frozen=True)
class CINdetails:
    """One child in need episode: from the referral to its closure."""

    la_child_id: str
    cin_details_id: int
    referral_date: dt.date | None
    referral_source: str
    primary_need: str
    closure_date: dt.date | None
    reason_for_closure: str
    #: An initial conference recorded on the episode, not on a section 47 enquiry.
    initial_cpc: dt.date | None
    referral_nfa: str

    @property
    def key(self) -> tuple[str, int]:
        return (self.la_child_id, self.cin_details_id)

    @property
    def is_nfa(self) -> bool:
        """A referral on which no further action was taken."""
        return self.referral_nfa in TRUE_VALUES

    @property
    def is_open(self) -> bool:
        return self.closure_date is None


@dataclass(frozen=True)
class Assessment:
    la_child_id: str
    cin_details_id: int
    assessment_id: int
    start: dt.date | None
    authorised: dt.date | None
    #: The factors identified, in the order given (AssessmentFactorsList).
    factors: tuple[str, ...]

    @property
    def episode_key(self) -> tuple[str, int]:
        return (self.la_child_id, self.cin_details_id)


@dataclass(frozen=True)
class CINplan:
    la_child_id: str
    cin_details_id: int
    start: dt.date | None
    end: dt.date | None

    @property
    def episode_key(self) -> tuple[str, int]:
        return (self.la_child_id, self.cin_details_id)


@dataclass(frozen=True)
class Section47:
    la_child_id: str
    cin_details_id: int
    position: int
    start: dt.date | None
    target: dt.date | None
    initial_cpc: dt.date | None
    icpc_not_required: str

    @property
    def episode_key(self) -> tuple[str, int]:
        return (self.la_child_id, self.cin_details_id)

    @property
    def is_concluded(self) -> bool:
        """Concluded by an initial conference, or marked as needing none."""
        return self.initial_cpc is not None or self.icpc_not_required in TRUE_VALUES


@dataclass(frozen=True)
class ChildProtectionPlan:
    la_child_id: str
    cin_details_id: int
    cpp_id: int
    start: dt.date | None
    end: dt.date | None
    initial_category: str
    latest_category: str
    previous_plans: str
    #: Review dates; None for a ``Reviews`` group or ``CPPreviewDate`` with no date in it.
    reviews: tuple[dt.date | None, ...]
    has_reviews_group: bool

    @property
    def episode_key(self) -> tuple[str, int]:
        return (self.la_child_id, self.cin_details_id)


@dataclass
class Census:
    """A whole CIN census return, table by table, with the census period it is about."""

    header: Header
    children: list[ChildIdentifiers] = field(default_factory=list)
    characteristics: list[ChildCharacteristics] = field(default_factory=list)
    disabilities: list[Disability] = field(default_factory=list)
    episodes: list[CINdetails] = field(default_factory=list)
    assessments: list[Assessment] = field(default_factory=list)
    cin_plans: list[CINplan] = field(default_factory=list)
    section47s: list[Section47] = field(default_factory=list)
    protection_plans: list[ChildProtectionPlan] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._index()

    def _index(self) -> None:
        self.child_by_id: dict[str, ChildIdentifiers] = {}
        for child in self.children:
            self.child_by_id.setdefault(child.la_child_id, child)
        self.episodes_by_child: dict[str, list[CINdetails]] = _group(
            self.episodes, lambda row: row.la_child_id
        )
        self.disabilities_by_child: dict[str, list[str]] = defaultdict(list)
        for row in self.disabilities:
            self.disabilities_by_child[row.la_child_id].append(row.disability)
        self.assessments_by_episode = _group(self.assessments, lambda row: row.episode_key)
        self.cin_plans_by_episode = _group(self.cin_plans, lambda row: row.episode_key)
        self.cin_plans_by_child = _group(self.cin_plans, lambda row: row.la_child_id)
        self.section47s_by_episode = _group(self.section47s, lambda row: row.episode_key)
        self.protection_plans_by_episode = _group(
            self.protection_plans, lambda row: row.episode_key
        )
        self.protection_plans_by_child = _group(self.protection_plans, lambda row: row.la_child_id)

    @property
    def reference_date(self) -> dt.date:
        """The census reference date: ReferenceDate, or 31 March of Year when it is missing."""
        if self.header.reference_date is not None:
            return self.header.reference_date
        try:
            return dt.date(int(self.header.year), 3, 31)
        except ValueError:
            return timezone.localdate()

    @property
    def period_start(self) -> dt.date:
        """The first day of the census year: a year before the reference date, plus one day."""
        return add_months(self.reference_date, -12) + dt.timedelta(days=1)

    def in_period(self, day: dt.date) -> bool:
        return self.period_start <= day <= self.reference_date

    def working_day_before_start(self) -> dt.date:
        """The last working day before the census year starts."""
        day = self.period_start - dt.timedelta(days=1)
        while not is_working_day(day):
            day -= dt.timedelta(days=1)
        return day

    def child(self, la_child_id: str) -> ChildIdentifiers | None:
        return self.child_by_id.get(la_child_id)

    def episode(self, key: tuple[str, int]) -> CINdetails | None:
        for episode in self.episodes_by_child.get(key[0], []):
            if episode.cin_details_id == key[1]:
                return episode
        return None


def _group(rows: Iterable[Row], key: Callable[[Row], Key]) -> dict[Key, list[Row]]:
    grouped: dict[Key, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[key(row)].append(row)
    return grouped


def _text(element: etree._Element | None, tag: str) -> str:
    if element is None:
        return ""
    found = element.find(tag)
    if found is None or found.text is None:
        return ""
    return found.text.strip()


def _date(element: etree._Element | None, tag: str) -> dt.date | None:
    text = _text(element, tag)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def read_census(xml: bytes) -> Census:
    """Read a CIN census file into its tables; malformed XML raises ValueError with the line."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as error:
        line = error.lineno if error.lineno is not None else error.position[0]
        raise ValueError(
            f"The CIN census is not well-formed XML: line {line}: {error.msg}"
        ) from None
    _strip_namespaces(root)
    header_element = root.find("Header")
    details = header_element.find("CollectionDetails") if header_element is not None else None
    source = header_element.find("Source") if header_element is not None else None
    census = Census(
        header=Header(
            collection=_text(details, "Collection"),
            year=_text(details, "Year"),
            reference_date=_date(details, "ReferenceDate"),
            lea=_text(source, "LEA"),
        )
    )
    for child_element in root.iterfind("Children/Child"):
        _read_child(census, child_element)
    census._index()
    return census


def _strip_namespaces(root: etree._Element) -> None:
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith("{"):
            element.tag = etree.QName(element).localname


def _read_child(census: Census, element: etree._Element) -> None:
    identifiers = element.find("ChildIdentifiers")
    child_id = _text(identifiers, "LAchildID")
    census.children.append(
        ChildIdentifiers(
            la_child_id=child_id,
            upn=_text(identifiers, "UPN"),
            former_upn=_text(identifiers, "FormerUPN"),
            upn_unknown=_text(identifiers, "UPNunknown"),
            birth_date=_date(identifiers, "PersonBirthDate"),
            expected_birth_date=_date(identifiers, "ExpectedPersonBirthDate"),
            sex=_text(identifiers, "Sex"),
            death_date=_date(identifiers, "PersonDeathDate"),
        )
    )
    characteristics = element.find("ChildCharacteristics")
    census.characteristics.append(
        ChildCharacteristics(child_id, _text(characteristics, "Ethnicity"))
    )
    if characteristics is not None:
        for disability in characteristics.iterfind("Disabilities/Disability"):
            census.disabilities.append(Disability(child_id, (disability.text or "").strip()))
    for episode in element.iterfind("CINdetails"):
        # Numbered across the file, so that two children given the same id (rule 8510) keep
        # their episodes apart.
        _read_episode(census, child_id, len(census.episodes) + 1, episode)


def _read_episode(census: Census, child_id: str, episode_id: int, element: etree._Element) -> None:
    census.episodes.append(
        CINdetails(
            la_child_id=child_id,
            cin_details_id=episode_id,
            referral_date=_date(element, "CINreferralDate"),
            referral_source=_text(element, "ReferralSource"),
            primary_need=_text(element, "PrimaryNeedCode"),
            closure_date=_date(element, "CINclosureDate"),
            reason_for_closure=_text(element, "ReasonForClosure"),
            initial_cpc=_date(element, "DateOfInitialCPC"),
            referral_nfa=_text(element, "ReferralNFA"),
        )
    )
    for assessment_id, assessment in enumerate(element.iterfind("Assessments"), start=1):
        factors = tuple(
            (factor.text or "").strip()
            for factor in assessment.iterfind("FactorsIdentifiedAtAssessment/AssessmentFactors")
        )
        census.assessments.append(
            Assessment(
                la_child_id=child_id,
                cin_details_id=episode_id,
                assessment_id=assessment_id,
                start=_date(assessment, "AssessmentActualStartDate"),
                authorised=_date(assessment, "AssessmentAuthorisationDate"),
                factors=factors,
            )
        )
    for plan in element.iterfind("CINPlanDates"):
        census.cin_plans.append(
            CINplan(
                la_child_id=child_id,
                cin_details_id=episode_id,
                start=_date(plan, "CINPlanStartDate"),
                end=_date(plan, "CINPlanEndDate"),
            )
        )
    for position, enquiry in enumerate(element.iterfind("Section47"), start=1):
        census.section47s.append(
            Section47(
                la_child_id=child_id,
                cin_details_id=episode_id,
                position=position,
                start=_date(enquiry, "S47ActualStartDate"),
                target=_date(enquiry, "InitialCPCtarget"),
                initial_cpc=_date(enquiry, "DateOfInitialCPC"),
                icpc_not_required=_text(enquiry, "ICPCnotRequired"),
            )
        )
    for cpp_id, plan in enumerate(element.iterfind("ChildProtectionPlans"), start=1):
        reviews_group = plan.find("Reviews")
        reviews: list[dt.date | None] = []
        if reviews_group is not None:
            review_elements = reviews_group.findall("CPPreviewDate")
            reviews = [_parse_date_text(review.text) for review in review_elements]
            if not review_elements:
                reviews = [None]
        census.protection_plans.append(
            ChildProtectionPlan(
                la_child_id=child_id,
                cin_details_id=episode_id,
                cpp_id=cpp_id,
                start=_date(plan, "CPPstartDate"),
                end=_date(plan, "CPPendDate"),
                initial_category=_text(plan, "InitialCategoryOfAbuse"),
                latest_category=_text(plan, "LatestCategoryOfAbuse"),
                previous_plans=_text(plan, "NumberOfPreviousCPP"),
                reviews=tuple(reviews),
                has_reviews_group=reviews_group is not None,
            )
        )


def _parse_date_text(text: str | None) -> dt.date | None:
    if not text or not text.strip():
        return None
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None
