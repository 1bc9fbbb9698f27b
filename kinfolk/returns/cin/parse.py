"""A CIN census file as plain data: the elements of docs/reference/cin-census.md section 3, as the
text written in the file (None when an element is absent), each record with the line it starts
on so that problems can be reported where they are.

Values are not checked here: an invalid code or date is kept as written, for the validation
rules to report and the importer to refuse.
"""

from dataclasses import dataclass, field

from lxml import etree


class CensusFileError(ValueError):
    """The file cannot be read as a CIN census (not XML, or not a ``Message``)."""


@dataclass
class Header:
    collection: str | None = None
    year: str | None = None
    reference_date: str | None = None
    lea: str | None = None
    line: int = field(default=0, compare=False)


@dataclass
class AssessmentData:
    start_date: str | None = None
    internal_review_date: str | None = None
    authorisation_date: str | None = None
    factors: list[str] = field(default_factory=list)
    line: int = field(default=0, compare=False)
    #: The line of each element, by name (``AssessmentFactors[1]`` for the second of a list).
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)


@dataclass
class ChildInNeedPlanData:
    start_date: str | None = None
    end_date: str | None = None
    line: int = field(default=0, compare=False)
    #: The line of each element, by name (``AssessmentFactors[1]`` for the second of a list).
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)


@dataclass
class Section47Data:
    start_date: str | None = None
    initial_conference_target: str | None = None
    initial_conference_date: str | None = None
    initial_conference_not_required: str | None = None
    line: int = field(default=0, compare=False)
    #: The line of each element, by name (``AssessmentFactors[1]`` for the second of a list).
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)


@dataclass
class ChildProtectionPlanData:
    start_date: str | None = None
    end_date: str | None = None
    initial_category: str | None = None
    latest_category: str | None = None
    previous_plans: str | None = None
    review_dates: list[str] = field(default_factory=list)
    line: int = field(default=0, compare=False)
    #: The line of each element, by name (``AssessmentFactors[1]`` for the second of a list).
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)


@dataclass
class EpisodeData:
    """One ``CINdetails``: a referral to its closure."""

    referral_date: str | None = None
    referral_source: str | None = None
    primary_need: str | None = None
    closure_date: str | None = None
    closure_reason: str | None = None
    initial_conference_date: str | None = None
    referral_nfa: str | None = None
    assessments: list[AssessmentData] = field(default_factory=list)
    child_in_need_plans: list[ChildInNeedPlanData] = field(default_factory=list)
    section_47_enquiries: list[Section47Data] = field(default_factory=list)
    child_protection_plans: list[ChildProtectionPlanData] = field(default_factory=list)
    line: int = field(default=0, compare=False)
    #: The line of each element, by name (``AssessmentFactors[1]`` for the second of a list).
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)


@dataclass
class ChildData:
    la_child_id: str | None = None
    upn: str | None = None
    former_upn: str | None = None
    upn_unknown: str | None = None
    birth_date: str | None = None
    expected_birth_date: str | None = None
    sex: str | None = None
    #: ``GenderCurrent`` of files made for 2023-24 and earlier (1, 2, 0, 9), kept as written.
    gender_current: str | None = None
    death_date: str | None = None
    ethnicity: str | None = None
    #: None when the file has no ``Disabilities`` group.
    disabilities: list[str] | None = None
    episodes: list[EpisodeData] = field(default_factory=list)
    line: int = field(default=0, compare=False)
    #: The line of each element of the child's identifiers and characteristics, by name.
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)


@dataclass
class CensusData:
    header: Header
    children: list[ChildData]


def _text(parent: etree._Element, tag: str, lines: dict[str, int] | None = None) -> str | None:
    element = parent.find(tag)
    if element is None:
        return None
    if lines is not None:
        lines[tag] = element.sourceline or 0
    return (element.text or "").strip()


def _texts(
    parent: etree._Element, group: str, tag: str, lines: dict[str, int] | None = None
) -> list[str]:
    elements = parent.findall(f"{group}/{tag}")
    if lines is not None:
        for index, element in enumerate(elements):
            lines[f"{tag}[{index}]"] = element.sourceline or 0
    return [(element.text or "").strip() for element in elements]


def _line(element: etree._Element) -> int:
    return element.sourceline or 0


def _episode(element: etree._Element) -> EpisodeData:
    lines: dict[str, int] = {}
    episode = EpisodeData(
        referral_date=_text(element, "CINreferralDate", lines),
        referral_source=_text(element, "ReferralSource", lines),
        primary_need=_text(element, "PrimaryNeedCode", lines),
        closure_date=_text(element, "CINclosureDate", lines),
        closure_reason=_text(element, "ReasonForClosure", lines),
        initial_conference_date=_text(element, "DateOfInitialCPC", lines),
        referral_nfa=_text(element, "ReferralNFA", lines),
        line=_line(element),
        lines=lines,
    )
    for item in element.findall("Assessments"):
        item_lines: dict[str, int] = {}
        episode.assessments.append(
            AssessmentData(
                start_date=_text(item, "AssessmentActualStartDate", item_lines),
                internal_review_date=_text(item, "AssessmentInternalReviewDate", item_lines),
                authorisation_date=_text(item, "AssessmentAuthorisationDate", item_lines),
                factors=_texts(
                    item, "FactorsIdentifiedAtAssessment", "AssessmentFactors", item_lines
                ),
                line=_line(item),
                lines=item_lines,
            )
        )
    for item in element.findall("CINPlanDates"):
        item_lines = {}
        episode.child_in_need_plans.append(
            ChildInNeedPlanData(
                start_date=_text(item, "CINPlanStartDate", item_lines),
                end_date=_text(item, "CINPlanEndDate", item_lines),
                line=_line(item),
                lines=item_lines,
            )
        )
    for item in element.findall("Section47"):
        item_lines = {}
        episode.section_47_enquiries.append(
            Section47Data(
                start_date=_text(item, "S47ActualStartDate", item_lines),
                initial_conference_target=_text(item, "InitialCPCtarget", item_lines),
                initial_conference_date=_text(item, "DateOfInitialCPC", item_lines),
                initial_conference_not_required=_text(item, "ICPCnotRequired", item_lines),
                line=_line(item),
                lines=item_lines,
            )
        )
    for item in element.findall("ChildProtectionPlans"):
        item_lines = {}
        episode.child_protection_plans.append(
            ChildProtectionPlanData(
                start_date=_text(item, "CPPstartDate", item_lines),
                end_date=_text(item, "CPPendDate", item_lines),
                initial_category=_text(item, "InitialCategoryOfAbuse", item_lines),
                latest_category=_text(item, "LatestCategoryOfAbuse", item_lines),
                previous_plans=_text(item, "NumberOfPreviousCPP", item_lines),
                review_dates=_texts(item, "Reviews", "CPPreviewDate", item_lines),
                line=_line(item),
                lines=item_lines,
            )
        )
    return episode


_IDENTIFIERS = {
    "LAchildID": "la_child_id",
    "UPN": "upn",
    "FormerUPN": "former_upn",
    "UPNunknown": "upn_unknown",
    "PersonBirthDate": "birth_date",
    "ExpectedPersonBirthDate": "expected_birth_date",
    "Sex": "sex",
    "GenderCurrent": "gender_current",
    "PersonDeathDate": "death_date",
}


def _child(element: etree._Element) -> ChildData:
    child = ChildData(line=_line(element))
    identifiers = element.find("ChildIdentifiers")
    if identifiers is not None:
        child.lines["ChildIdentifiers"] = _line(identifiers)
        for tag, name in _IDENTIFIERS.items():
            setattr(child, name, _text(identifiers, tag))
            found = identifiers.find(tag)
            if found is not None:
                child.lines[tag] = _line(found)
    characteristics = element.find("ChildCharacteristics")
    if characteristics is not None:
        child.lines["ChildCharacteristics"] = _line(characteristics)
        child.ethnicity = _text(characteristics, "Ethnicity")
        if characteristics.find("Disabilities") is not None:
            child.disabilities = _texts(characteristics, "Disabilities", "Disability")
    child.episodes = [_episode(item) for item in element.findall("CINdetails")]
    return child


def parse_cin_census(xml: bytes) -> CensusData:
    """Read a CIN census file. Raises ``CensusFileError`` (with the line) when it is not
    well-formed XML or its root is not ``Message``."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as error:
        line = error.lineno or (error.position[0] if error.position else 0)
        raise CensusFileError(
            f"line {line}: the file is not well-formed XML ({error.msg})"
        ) from None
    if root.tag != "Message":
        raise CensusFileError(
            f"line {_line(root)}: the file's root element is {root.tag}, not Message: "
            "this is not a CIN census"
        )
    header = Header()
    header_element = root.find("Header")
    if header_element is not None:
        header.line = _line(header_element)
        details = header_element.find("CollectionDetails")
        if details is not None:
            header.collection = _text(details, "Collection")
            header.year = _text(details, "Year")
            header.reference_date = _text(details, "ReferenceDate")
        source = header_element.find("Source")
        if source is not None:
            header.lea = _text(source, "LEA")
    children = [_child(element) for element in root.findall("Children/Child")]
    return CensusData(header=header, children=children)
