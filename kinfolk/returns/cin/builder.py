"""The CIN census of a collection year, built from the casework (docs/reference/cin-census.md,
sections 3 and 6).

A child is in the census when a child in need episode of theirs was open at some time in the
year: referred on or before 31 March and not closed before 1 April (no-further-action
referrals included). Each episode carries what was open during the year and recorded by
31 March: anything dated after the reference date is left out, so a case closed in May
appears open, as it was on 31 March.
"""

import datetime as dt
from collections.abc import Iterable
from typing import TypeVar

from django.db.models import Exists, Model, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from lxml import etree

from kinfolk.casework.choices import PlanKind
from kinfolk.casework.models import Assessment, ChildInNeedEpisode, Plan
from kinfolk.core import timescales
from kinfolk.core.codes import Disability
from kinfolk.core.models import Authority
from kinfolk.people.models import Child
from kinfolk.protection.choices import ConferenceKind
from kinfolk.protection.models import Conference, Section47Enquiry
from kinfolk.returns.framework import CollectionYear

SOFTWARE_CODE = "Kinfolk"

_DISABILITY_ORDER = {code: index for index, code in enumerate(Disability.values)}

_Row = TypeVar("_Row", bound=Model)


def _date(day: dt.date) -> str:
    return day.isoformat()


def _boolean(value: bool) -> str:
    return "true" if value else "false"


def _add(parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, tag)
    if text is not None:
        element.text = text
    return element


def _add_optional(parent: etree._Element, tag: str, text: str | None) -> None:
    if text:
        _add(parent, tag, text)


def _open_in(start: dt.date, end: dt.date | None, year: CollectionYear) -> bool:
    """Whether something that ran from ``start`` to ``end`` (None: still open) was open at
    some time in the collection year."""
    return start <= year.end and (end is None or end >= year.start)


def _by(end: dt.date | None, year: CollectionYear) -> dt.date | None:
    """A date as the census sees it: a date after the reference date had not happened yet."""
    return end if end is not None and end <= year.end else None


def _prefetched(instance: Model, to_attr: str, row: type[_Row]) -> list[_Row]:
    """The ``row`` records that a ``Prefetch(..., to_attr=to_attr)`` of _census_children left
    on ``instance``, a plain list the type checker cannot see on the model."""
    rows: list[_Row] = getattr(instance, to_attr)
    return rows


def _episodes_in(year: CollectionYear) -> QuerySet[ChildInNeedEpisode]:
    return ChildInNeedEpisode.objects.filter(referral_on__lte=year.end).filter(
        Q(closed_on__isnull=True) | Q(closed_on__gte=year.start)
    )


def _census_children(year: CollectionYear, child_ids: Iterable[int] | None) -> list[Child]:
    """The children in the census with everything the census needs, in a fixed number of
    queries whatever the number of children."""
    initial = Conference.objects.filter(kind=ConferenceKind.INITIAL).order_by("held_on", "pk")
    episodes = (
        _episodes_in(year)
        .order_by("referral_on", "pk")
        .prefetch_related(
            Prefetch(
                "assessments",
                queryset=Assessment.objects.order_by("started_on", "pk"),
                to_attr="census_assessments",
            ),
            Prefetch(
                "plans",
                queryset=Plan.objects.order_by("start_on", "pk").prefetch_related(
                    Prefetch(
                        "conferences",
                        queryset=Conference.objects.filter(kind=ConferenceKind.REVIEW).order_by(
                            "held_on", "pk"
                        ),
                        to_attr="census_reviews",
                    )
                ),
                to_attr="census_plans",
            ),
            Prefetch(
                "section_47_enquiries",
                queryset=Section47Enquiry.objects.order_by("started_on", "pk").prefetch_related(
                    Prefetch("conferences", queryset=initial, to_attr="census_conferences")
                ),
                to_attr="census_enquiries",
            ),
            Prefetch(
                "conferences",
                queryset=initial.filter(enquiry__isnull=True),
                to_attr="census_unlinked_conferences",
            ),
        )
    )
    children = (
        Child.objects.filter(Exists(_episodes_in(year).filter(child=OuterRef("pk"))))
        .order_by("la_child_id")
        .prefetch_related(
            Prefetch("cin_episodes", queryset=episodes, to_attr="census_episodes"),
            "disabilities",
        )
    )
    if child_ids is not None:
        children = children.filter(pk__in=list(child_ids))
    return list(children)


def _header(message: etree._Element, year: CollectionYear) -> None:
    authority = Authority.current()
    header = _add(message, "Header")
    details = _add(header, "CollectionDetails")
    _add(details, "Collection", "CIN")
    _add(details, "Year", str(year.year))
    _add(details, "ReferenceDate", _date(year.end))
    source = _add(header, "Source")
    _add(source, "SourceLevel", "L")
    _add(source, "LEA", authority.la_number if authority else "000")
    _add(source, "SoftwareCode", SOFTWARE_CODE)
    _add(
        source,
        "DateTime",
        timezone.localtime(timezone.now()).replace(microsecond=0, tzinfo=None).isoformat(),
    )


def _identifiers(element: etree._Element, child: Child, year: CollectionYear) -> None:
    identifiers = _add(element, "ChildIdentifiers")
    _add(identifiers, "LAchildID", child.la_child_id)
    _add_optional(identifiers, "UPN", child.upn)
    _add_optional(identifiers, "FormerUPN", child.former_upn)
    _add_optional(identifiers, "UPNunknown", child.upn_unknown)
    born = child.date_of_birth if child.date_of_birth and child.date_of_birth <= year.end else None
    if born:
        _add(identifiers, "PersonBirthDate", _date(born))
    else:
        # Not yet born on the reference date: the census wants the expected date (rule 8525Q)
        # and sex U (rule 8750), even if the birth has been recorded since.
        expected = child.expected_date_of_birth or child.date_of_birth
        # A child always has one or the other (constraint child_has_birth_or_expected_date).
        assert expected is not None
        _add(identifiers, "ExpectedPersonBirthDate", _date(expected))
    _add(identifiers, "Sex", child.sex if born else "U")
    died = _by(child.date_of_death, year)
    if died:
        _add(identifiers, "PersonDeathDate", _date(died))


def _characteristics(element: etree._Element, child: Child) -> None:
    characteristics = _add(element, "ChildCharacteristics")
    _add(characteristics, "Ethnicity", child.ethnicity)
    codes = sorted(
        (disability.code for disability in child.disabilities.all()),
        key=lambda code: _DISABILITY_ORDER.get(code, len(_DISABILITY_ORDER)),
    )
    disabilities = _add(characteristics, "Disabilities")
    for code in codes or [Disability.NONE]:
        _add(disabilities, "Disability", code)


def _enquiry_conference(enquiry: Section47Enquiry, year: CollectionYear) -> Conference | None:
    """The initial conference that answered the enquiry, if held by the reference date."""
    held = [
        c for c in _prefetched(enquiry, "census_conferences", Conference) if c.held_on <= year.end
    ]
    return held[0] if held else None


def _enquiry_in_year(enquiry: Section47Enquiry, year: CollectionYear) -> bool:
    """An enquiry counts in the year unless it concluded (by its conference, or as needing
    none) before 1 April."""
    conference = _enquiry_conference(enquiry, year)
    if conference is not None:
        concluded: dt.date | None = conference.held_on
    elif enquiry.is_conference_required is False:
        concluded = enquiry.ended_on
    else:
        concluded = None
    return _open_in(enquiry.started_on, concluded, year)


def _latest_category(plan: Plan, year: CollectionYear) -> str:
    """The category of abuse as it stood on the reference date: the last category a review
    conference gave by then, else the initial one. A plan with no categorised review at all
    (recorded some other way) keeps its own latest category."""
    categorised = [
        review for review in _prefetched(plan, "census_reviews", Conference) if review.category
    ]
    if not categorised:
        return plan.latest_category or plan.initial_category
    by_then = [review for review in categorised if review.held_on <= year.end]
    return by_then[-1].category if by_then else plan.initial_category


def _episode(element: etree._Element, episode: ChildInNeedEpisode, year: CollectionYear) -> None:
    details = _add(element, "CINdetails")
    _add(details, "CINreferralDate", _date(episode.referral_on))
    _add(details, "ReferralSource", episode.referral_source)
    _add_optional(details, "PrimaryNeedCode", episode.primary_need)
    closed = _by(episode.closed_on, year)
    if closed:
        _add(details, "CINclosureDate", _date(closed))
        _add_optional(details, "ReasonForClosure", episode.closure_reason)
    enquiries = [
        e
        for e in _prefetched(episode, "census_enquiries", Section47Enquiry)
        if _enquiry_in_year(e, year)
    ]
    # An initial conference that no section 47 record of this return answers goes at episode
    # level, never at both (rule 2884).
    unlinked = [
        c
        for c in _prefetched(episode, "census_unlinked_conferences", Conference)
        if _open_in(c.held_on, c.held_on, year)
    ]
    if unlinked:
        _add(details, "DateOfInitialCPC", _date(unlinked[0].held_on))
    for assessment in _prefetched(episode, "census_assessments", Assessment):
        if not _open_in(assessment.started_on, assessment.authorised_on, year):
            continue
        item = _add(details, "Assessments")
        _add(item, "AssessmentActualStartDate", _date(assessment.started_on))
        authorised = _by(assessment.authorised_on, year)
        if authorised:
            _add(item, "AssessmentAuthorisationDate", _date(authorised))
            if assessment.factors:
                factors = _add(item, "FactorsIdentifiedAtAssessment")
                for code in assessment.factors:
                    _add(factors, "AssessmentFactors", code)
    plans = [
        p
        for p in _prefetched(episode, "census_plans", Plan)
        if _open_in(p.start_on, p.end_on, year)
    ]
    for plan in plans:
        if plan.kind != PlanKind.CHILD_IN_NEED:
            continue
        item = _add(details, "CINPlanDates")
        _add(item, "CINPlanStartDate", _date(plan.start_on))
        ended = _by(plan.end_on, year)
        if ended:
            _add(item, "CINPlanEndDate", _date(ended))
    for enquiry in enquiries:
        item = _add(details, "Section47")
        _add(item, "S47ActualStartDate", _date(enquiry.started_on))
        _add(
            item,
            "InitialCPCtarget",
            # The census's target counts from the enquiry's start, with the timescale of the
            # duty icpc-15wd (kinfolk.core.timescales).
            _date(timescales.INITIAL_CONFERENCE.due_after(enquiry.started_on)),
        )
        conference = _enquiry_conference(enquiry, year)
        if conference is not None:
            _add(item, "DateOfInitialCPC", _date(conference.held_on))
        not_required = (
            conference is None
            and enquiry.is_conference_required is False
            and _by(enquiry.ended_on, year) is not None
        )
        _add(item, "ICPCnotRequired", _boolean(not_required))
    _add(details, "ReferralNFA", _boolean(episode.is_nfa))
    for plan in plans:
        if plan.kind != PlanKind.CHILD_PROTECTION:
            continue
        item = _add(details, "ChildProtectionPlans")
        _add(item, "CPPstartDate", _date(plan.start_on))
        ended = _by(plan.end_on, year)
        if ended:
            _add(item, "CPPendDate", _date(ended))
        _add(item, "InitialCategoryOfAbuse", plan.initial_category)
        _add(item, "LatestCategoryOfAbuse", _latest_category(plan, year))
        _add(item, "NumberOfPreviousCPP", str(plan.previous_plans))
        reviews = [
            r.held_on
            for r in _prefetched(plan, "census_reviews", Conference)
            if year.start <= r.held_on <= year.end
        ]
        if reviews:
            dates = _add(item, "Reviews")
            for day in reviews:
                _add(dates, "CPPreviewDate", _date(day))


def build_cin_census(year: CollectionYear, *, child_ids: Iterable[int] | None = None) -> bytes:
    """The CIN census XML of ``year`` (UTF-8), for every child in it or, with ``child_ids``,
    for those children only (a child's own data-quality check)."""
    message = etree.Element("Message")
    _header(message, year)
    children_element = _add(message, "Children")
    for child in _census_children(year, child_ids):
        element = _add(children_element, "Child")
        _identifiers(element, child, year)
        _characteristics(element, child)
        for episode in _prefetched(child, "census_episodes", ChildInNeedEpisode):
            _episode(element, episode, year)
    return etree.tostring(message, xml_declaration=True, encoding="UTF-8", pretty_print=True)
