"""Small CIN census documents for the tests of the CIN census rules.

A document is plain data (dicts and lists keyed by the XML element names) so that a test can
change one item of a valid baseline child, then turn it into XML with ``to_xml``. The changes
(``child(...)``, ``episode(...)``, ``assessment(...)`` and so on) are functions of the document,
so a table of rule cases can name them. A value of None leaves the element out. All the
people are invented.
"""

import copy
from collections.abc import Callable
from typing import Any

from lxml import etree

Document = dict[str, Any]
Change = Callable[[Document], None]

#: A UPN whose check letter is right, for the baseline child, and another for a second child.
UPN = "T201000123456"
OTHER_UPN = "E201000654321"

IDENTIFIER_ITEMS = (
    "LAchildID",
    "UPN",
    "FormerUPN",
    "UPNunknown",
    "PersonBirthDate",
    "ExpectedPersonBirthDate",
    "Sex",
    "PersonDeathDate",
)


def baseline_child(child_id: str = "C1", upn: str = UPN) -> dict[str, Any]:
    """A ten-year-old referred by her school in May 2025: assessed, a section 47 enquiry and
    an initial conference, a child protection plan until November, then a child in need plan
    until the case closed in February 2026. Every rule passes on her."""
    return {
        "LAchildID": child_id,
        "UPN": upn,
        "FormerUPN": None,
        "UPNunknown": None,
        "PersonBirthDate": "2015-06-01",
        "ExpectedPersonBirthDate": None,
        "Sex": "F",
        "PersonDeathDate": None,
        "Ethnicity": "WBRI",
        # Eight different disabilities, so that the return-wide queries 2887Q and 2888Q pass.
        "Disabilities": ["MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS"],
        "CINdetails": [baseline_episode()],
    }


def baseline_episode() -> dict[str, Any]:
    return {
        "CINreferralDate": "2025-05-01",
        "ReferralSource": "2A",
        "PrimaryNeedCode": "N1",
        "CINclosureDate": "2026-02-02",
        "ReasonForClosure": "RC7",
        "DateOfInitialCPC": None,
        "Assessments": [
            {
                "AssessmentActualStartDate": "2025-05-02",
                "AssessmentInternalReviewDate": None,
                "AssessmentAuthorisationDate": "2025-06-13",
                "AssessmentFactors": ["16A", "3B"],
            }
        ],
        "CINPlanDates": [{"CINPlanStartDate": "2025-11-03", "CINPlanEndDate": "2026-02-02"}],
        "Section47": [
            {
                "S47ActualStartDate": "2025-05-06",
                "InitialCPCtarget": "2025-05-27",
                "DateOfInitialCPC": "2025-05-27",
                "ICPCnotRequired": "false",
            }
        ],
        "ReferralNFA": "false",
        "ChildProtectionPlans": [
            {
                "CPPstartDate": "2025-05-27",
                "CPPendDate": "2025-11-03",
                "InitialCategoryOfAbuse": "NEG",
                "LatestCategoryOfAbuse": "NEG",
                "NumberOfPreviousCPP": "0",
                "Reviews": ["2025-08-19"],
            }
        ],
    }


def baseline() -> Document:
    """A return for 2025-26 with the one baseline child."""
    return {
        "Year": "2026",
        "ReferenceDate": "2026-03-31",
        "LEA": "201",
        "Children": [baseline_child()],
    }


def to_xml(document: Document) -> bytes:
    """The document as CIN census XML, elements in the XSD order."""
    message = etree.Element("Message")
    header = etree.SubElement(message, "Header")
    details = etree.SubElement(header, "CollectionDetails")
    _add(details, "Collection", "CIN")
    _add(details, "Year", document["Year"])
    _add(details, "ReferenceDate", document["ReferenceDate"])
    source = etree.SubElement(header, "Source")
    _add(source, "SourceLevel", "L")
    _add(source, "LEA", document["LEA"])
    children = etree.SubElement(message, "Children")
    for child in document["Children"]:
        _add_child(children, child)
    return etree.tostring(message, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _add(parent: etree._Element, tag: str, value: str | None) -> None:
    if value is not None:
        etree.SubElement(parent, tag).text = value


def _add_child(parent: etree._Element, child: dict[str, Any]) -> None:
    element = etree.SubElement(parent, "Child")
    identifiers = etree.SubElement(element, "ChildIdentifiers")
    for item in IDENTIFIER_ITEMS:
        _add(identifiers, item, child[item])
    characteristics = etree.SubElement(element, "ChildCharacteristics")
    _add(characteristics, "Ethnicity", child["Ethnicity"])
    if child["Disabilities"] is not None:
        disabilities = etree.SubElement(characteristics, "Disabilities")
        for code in child["Disabilities"]:
            _add(disabilities, "Disability", code)
    for episode in child["CINdetails"]:
        _add_episode(element, episode)


def _add_episode(parent: etree._Element, episode: dict[str, Any]) -> None:
    element = etree.SubElement(parent, "CINdetails")
    for item in (
        "CINreferralDate",
        "ReferralSource",
        "PrimaryNeedCode",
        "CINclosureDate",
        "ReasonForClosure",
        "DateOfInitialCPC",
    ):
        _add(element, item, episode[item])
    for assessment in episode["Assessments"]:
        group = etree.SubElement(element, "Assessments")
        for item in (
            "AssessmentActualStartDate",
            "AssessmentInternalReviewDate",
            "AssessmentAuthorisationDate",
        ):
            _add(group, item, assessment[item])
        if assessment["AssessmentFactors"]:
            factors = etree.SubElement(group, "FactorsIdentifiedAtAssessment")
            for code in assessment["AssessmentFactors"]:
                _add(factors, "AssessmentFactors", code)
    for plan in episode["CINPlanDates"]:
        group = etree.SubElement(element, "CINPlanDates")
        _add(group, "CINPlanStartDate", plan["CINPlanStartDate"])
        _add(group, "CINPlanEndDate", plan["CINPlanEndDate"])
    for enquiry in episode["Section47"]:
        group = etree.SubElement(element, "Section47")
        for item in (
            "S47ActualStartDate",
            "InitialCPCtarget",
            "DateOfInitialCPC",
            "ICPCnotRequired",
        ):
            _add(group, item, enquiry[item])
    _add(element, "ReferralNFA", episode["ReferralNFA"])
    for plan in episode["ChildProtectionPlans"]:
        group = etree.SubElement(element, "ChildProtectionPlans")
        for item in (
            "CPPstartDate",
            "CPPendDate",
            "InitialCategoryOfAbuse",
            "LatestCategoryOfAbuse",
            "NumberOfPreviousCPP",
        ):
            _add(group, item, plan[item])
        if plan["Reviews"] is not None:
            reviews = etree.SubElement(group, "Reviews")
            for review in plan["Reviews"]:
                _add(reviews, "CPPreviewDate", review)


def build(*changes: Change) -> bytes:
    """The baseline document with the changes made, as XML."""
    document = copy.deepcopy(baseline())
    for change in changes:
        change(document)
    return to_xml(document)


# Changes ---------------------------------------------------------------------------------


def header(**items: str | None) -> Change:
    def change(document: Document) -> None:
        document.update(items)

    return change


def child(**items: Any) -> Change:
    """Change items of the baseline child (ChildIdentifiers, Ethnicity, Disabilities)."""

    def change(document: Document) -> None:
        document["Children"][0].update(items)

    return change


def episode(index: int = 0, **items: Any) -> Change:
    def change(document: Document) -> None:
        document["Children"][0]["CINdetails"][index].update(items)

    return change


def _part(group: str, index: int, items: dict[str, Any], episode_index: int = 0) -> Change:
    def change(document: Document) -> None:
        document["Children"][0]["CINdetails"][episode_index][group][index].update(items)

    return change


def assessment(index: int = 0, **items: Any) -> Change:
    return _part("Assessments", index, items)


def cin_plan(index: int = 0, **items: Any) -> Change:
    return _part("CINPlanDates", index, items)


def section47(index: int = 0, **items: Any) -> Change:
    return _part("Section47", index, items)


def protection_plan(index: int = 0, **items: Any) -> Change:
    return _part("ChildProtectionPlans", index, items)


def add(group: str, item: dict[str, Any], episode_index: int = 0) -> Change:
    """Add an assessment, plan or enquiry (``group`` is its XML element name) to an episode."""

    def change(document: Document) -> None:
        document["Children"][0]["CINdetails"][episode_index][group].append(copy.deepcopy(item))

    return change


def remove(group: str) -> Change:
    """Remove every assessment, plan or enquiry of that kind from the first episode."""

    def change(document: Document) -> None:
        document["Children"][0]["CINdetails"][0][group] = []

    return change


def add_episode(item: dict[str, Any]) -> Change:
    """Add an episode (from ``nfa_episode``, ``open_episode`` or ``baseline_episode``) to the
    baseline child."""

    def change(document: Document) -> None:
        document["Children"][0]["CINdetails"].append(copy.deepcopy(item))

    return change


def open_episode(referral: str, **items: Any) -> dict[str, Any]:
    """An episode still open, with nothing recorded on it yet but the referral."""
    result = {
        "CINreferralDate": referral,
        "ReferralSource": "2A",
        "PrimaryNeedCode": "N1",
        "CINclosureDate": None,
        "ReasonForClosure": None,
        "DateOfInitialCPC": None,
        "Assessments": [],
        "CINPlanDates": [],
        "Section47": [],
        "ReferralNFA": "false",
        "ChildProtectionPlans": [],
    }
    result.update(items)
    return result


def nfa_episode(referral: str = "2025-04-10", closure: str | None = None) -> dict[str, Any]:
    """A referral with no further action, closed on the day it came in (or on ``closure``)."""
    return {
        "CINreferralDate": referral,
        "ReferralSource": "1A",
        "PrimaryNeedCode": None,
        "CINclosureDate": closure or referral,
        "ReasonForClosure": "RC7",
        "DateOfInitialCPC": None,
        "Assessments": [],
        "CINPlanDates": [],
        "Section47": [],
        "ReferralNFA": "true",
        "ChildProtectionPlans": [],
    }


def second_child(**items: Any) -> Change:
    """Add a second child, a copy of the baseline child with another id and UPN."""

    def change(document: Document) -> None:
        other = baseline_child("C2", OTHER_UPN)
        other.update(items)
        document["Children"].append(other)

    return change


def only_nfa() -> Change:
    """Make the baseline child's one episode a referral with no further action."""

    def change(document: Document) -> None:
        document["Children"][0]["CINdetails"] = [nfa_episode()]

    return change


def combine(*changes: Change) -> Change:
    def change(document: Document) -> None:
        for each in changes:
            each(document)

    return change
