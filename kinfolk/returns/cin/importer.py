"""Loading a CIN census made by any system, to migrate an authority's history.

The census is turned into the events of each child's casework, in the order they happened
(as the journey events of docs/journeys.md name them), and each is recorded through the same
services as the pages, in one transaction: all or nothing. Every problem names the line of the
file, the child (LAchildID) and the element. (The returns layer sits below ``journeys``, so it
applies the events itself rather than through the journey loader.)

What the census does not carry is filled in plainly: a child's name is not in the census, so
an imported child is called "Child <LAchildID>"; a section 47 enquiry that needed no
conference is concluded on its start date, or on 1 April if it began before the year (the
census gives no end date); a child protection
plan made before the year (whose enquiry the census leaves out) gets its initial conference on
its start date, after an enquiry started that day; the initial conference target is worked out
again from the start date.
"""

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models import TextChoices

from kinfolk.access.choices import AccessAction
from kinfolk.access.services import record_access
from kinfolk.casework import services as casework
from kinfolk.casework.choices import PlanKind
from kinfolk.casework.models import Plan
from kinfolk.core.codes import (
    AssessmentFactor,
    CategoryOfAbuse,
    Disability,
    Ethnicity,
    PrimaryNeed,
    ReasonForClosure,
    ReferralSource,
    Sex,
    UPNUnknown,
)
from kinfolk.people import services as people
from kinfolk.people.models import Child
from kinfolk.protection import services as protection
from kinfolk.returns.cin.builder import build_cin_census
from kinfolk.returns.cin.parse import (
    CensusData,
    CensusFileError,
    ChildData,
    EpisodeData,
    parse_cin_census,
)
from kinfolk.returns.framework import CollectionYear, ImportResult

SOURCE = "kinfolk returns import cin-census"

#: ``GenderCurrent`` of census files before 2024-25, as ``Sex``.
GENDER_AS_SEX = {"1": Sex.MALE, "2": Sex.FEMALE, "0": Sex.UNKNOWN, "9": Sex.UNKNOWN}

_TRUE = {"true", "TRUE", "1"}
_FALSE = {"false", "FALSE", "0"}
_CHILD_ID = re.compile(r"^[A-Za-z0-9]{1,20}$")

# The order of events on one day of one episode: what must exist before what.
_REFERRAL, _ASSESSMENT_START, _S47_START, _AUTHORISED, _S47_END = 0, 1, 2, 3, 4
_CP_REVIEW, _CP_END, _CIN_PLAN_END, _ICPC, _CIN_PLAN_START, _CLOSURE = 5, 6, 7, 8, 9, 11


@dataclass(frozen=True)
class Origin:
    """Where in the census file a journey event comes from."""

    line: int
    child: str
    element: str


@dataclass
class _Event:
    date: dt.date | None
    order: tuple[float, ...]
    values: dict[str, Any]
    origin: Origin


@dataclass
class _ChildReader:
    """Turns one census child into journey events, collecting every problem found."""

    child: ChildData
    child_id: str
    year: CollectionYear
    errors: list[str] = field(default_factory=list)
    events: list[_Event] = field(default_factory=list)

    def problem(self, line: int, element: str, message: str) -> None:
        self.errors.append(f"line {line}: child {self.child_id}, {element}: {message}")

    def date(self, value: str | None, line: int, element: str) -> dt.date | None:
        if value is None:
            return None
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            self.problem(line, element, f"{value!r} is not a date written YYYY-MM-DD")
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.problem(line, element, f"{value} is not a real date")
            return None

    def code(
        self, value: str | None, choices: type[TextChoices], line: int, element: str
    ) -> str | None:
        if value is None or value == "":
            return None
        if value not in choices.values:
            self.problem(
                line, element, f"{value!r} is not a code of the list ({', '.join(choices.values)})"
            )
            return None
        return value

    def boolean(self, value: str | None, line: int, element: str) -> bool | None:
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        if value is None:
            self.problem(line, element, "missing (true or false)")
        else:
            self.problem(line, element, f"{value!r} is not true, false, 1 or 0")
        return None

    def required(self, value: object, line: int, element: str) -> bool:
        if value is None or value == "":
            self.problem(line, element, "missing")
            return False
        return True

    def add(
        self,
        date: dt.date | None,
        order: tuple[float, ...],
        values: dict[str, Any],
        line: int,
        element: str,
    ) -> None:
        values = {"type": values["type"], "child": self.child_id, **values}
        self.events.append(_Event(date, order, values, Origin(line, self.child_id, element)))


def _at(record: Any, element: str) -> int:
    """The line of an element of a record, or of the record when the element is absent."""
    return record.lines.get(element, record.line)


def _read_child(child: ChildData, year: CollectionYear) -> _ChildReader:
    reader = _ChildReader(child, child.la_child_id or "(no LAchildID)", year)
    lines = child.lines
    if not reader.required(
        child.la_child_id, lines.get("ChildIdentifiers", child.line), "LAchildID"
    ):
        return reader
    if not _CHILD_ID.match(child.la_child_id or ""):
        reader.problem(lines["LAchildID"], "LAchildID", "must be up to 20 letters and digits")
        return reader
    identifiers_line = lines.get("ChildIdentifiers", child.line)
    sex = reader.code(child.sex, Sex, lines.get("Sex", identifiers_line), "Sex")
    if child.sex is None and child.gender_current is not None:
        sex = GENDER_AS_SEX.get(child.gender_current)
        if sex is None:
            reader.problem(
                lines["GenderCurrent"],
                "GenderCurrent",
                f"{child.gender_current!r} is not 1, 2, 0 or 9",
            )
    elif child.sex is None:
        reader.problem(identifiers_line, "Sex", "missing")
    characteristics_line = lines.get("ChildCharacteristics", child.line)
    ethnicity = reader.code(
        child.ethnicity, Ethnicity, lines.get("Ethnicity", characteristics_line), "Ethnicity"
    )
    if child.ethnicity is None:
        reader.problem(characteristics_line, "Ethnicity", "missing")
    disabilities = [
        code
        for code in child.disabilities or []
        if reader.code(code, Disability, characteristics_line, "Disability")
    ]
    born = reader.date(child.birth_date, lines.get("PersonBirthDate", 0), "PersonBirthDate")
    expected = reader.date(
        child.expected_birth_date,
        lines.get("ExpectedPersonBirthDate", 0),
        "ExpectedPersonBirthDate",
    )
    died = reader.date(child.death_date, lines.get("PersonDeathDate", 0), "PersonDeathDate")
    if child.birth_date and child.expected_birth_date:
        reader.problem(
            identifiers_line,
            "PersonBirthDate",
            "give PersonBirthDate or ExpectedPersonBirthDate, not both",
        )
    elif not child.birth_date and not child.expected_birth_date:
        reader.problem(
            identifiers_line, "PersonBirthDate", "missing, and no ExpectedPersonBirthDate either"
        )
    upn_unknown = reader.code(
        child.upn_unknown, UPNUnknown, lines.get("UPNunknown", 0), "UPNunknown"
    )
    for index, episode in enumerate(child.episodes):
        _read_episode(reader, index, episode)
    if not child.episodes:
        reader.problem(child.line, "CINdetails", "the child has no CINdetails")
    if reader.errors:
        return reader
    record: dict[str, Any] = {
        "type": "child",
        "id": child.la_child_id,
        "first_name": "Child",
        "last_name": child.la_child_id,
        "sex": sex,
        "ethnicity": ethnicity,
        "disabilities": disabilities,
    }
    for name, value in (
        ("upn", child.upn),
        ("former_upn", child.former_upn),
        ("upn_unknown", upn_unknown),
    ):
        if value:
            record[name] = value
    first = min((event.date for event in reader.events if event.date), default=None)
    if born and first and first < born:
        # Referred before birth: recorded unborn, then born (as the pages would record it).
        record["expected_dob"] = born.isoformat()
        reader.add(
            born,
            (-1,),
            {"type": "birth", "date": born, "sex": sex},
            lines["PersonBirthDate"],
            "PersonBirthDate",
        )
    elif born:
        record["dob"] = born.isoformat()
    else:
        record["expected_dob"] = expected.isoformat() if expected else None
    reader.events.insert(
        0,
        _Event(None, (-2,), record, Origin(identifiers_line, reader.child_id, "ChildIdentifiers")),
    )
    if died:
        reader.add(
            died,
            (10**6,),
            {"type": "death", "date": died},
            lines["PersonDeathDate"],
            "PersonDeathDate",
        )
    return reader


def _read_episode(reader: _ChildReader, index: int, episode: EpisodeData) -> None:
    referral = reader.date(
        episode.referral_date, _at(episode, "CINreferralDate"), "CINreferralDate"
    )
    reader.required(episode.referral_date, _at(episode, "CINreferralDate"), "CINreferralDate")
    source = reader.code(
        episode.referral_source, ReferralSource, _at(episode, "ReferralSource"), "ReferralSource"
    )
    reader.required(episode.referral_source, _at(episode, "ReferralSource"), "ReferralSource")
    need = reader.code(
        episode.primary_need, PrimaryNeed, _at(episode, "PrimaryNeedCode"), "PrimaryNeedCode"
    )
    is_nfa = reader.boolean(episode.referral_nfa, _at(episode, "ReferralNFA"), "ReferralNFA")
    closed = reader.date(episode.closure_date, _at(episode, "CINclosureDate"), "CINclosureDate")
    reason = reader.code(
        episode.closure_reason,
        ReasonForClosure,
        _at(episode, "ReasonForClosure"),
        "ReasonForClosure",
    )
    if episode.closure_date and not episode.closure_reason:
        reader.problem(
            _at(episode, "ReasonForClosure"),
            "ReasonForClosure",
            "missing: a closed episode needs its reason",
        )
    if episode.closure_reason and not episode.closure_date:
        reader.problem(
            _at(episode, "CINclosureDate"), "CINclosureDate", "missing: ReasonForClosure is given"
        )
    if episode.initial_conference_date:
        reader.problem(
            _at(episode, "DateOfInitialCPC"),
            "DateOfInitialCPC",
            "an initial conference at episode level, with no Section47 record: Kinfolk records "
            "a conference as the outcome of a section 47 enquiry, and the census does not say "
            "when that enquiry started",
        )
    if referral is not None and source is not None and is_nfa is not None:
        referral_event: dict[str, Any] = {"type": "referral", "date": referral, "source": source}
        if need:
            referral_event["primary_need"] = need
        if is_nfa:
            referral_event["nfa"] = True
        reader.add(
            referral,
            (index, _REFERRAL),
            referral_event,
            _at(episode, "CINreferralDate"),
            "CINreferralDate",
        )

    for number, assessment in enumerate(episode.assessments, start=1):
        start = reader.date(
            assessment.start_date,
            _at(assessment, "AssessmentActualStartDate"),
            "AssessmentActualStartDate",
        )
        reader.required(
            assessment.start_date,
            _at(assessment, "AssessmentActualStartDate"),
            "AssessmentActualStartDate",
        )
        authorised = reader.date(
            assessment.authorisation_date,
            _at(assessment, "AssessmentAuthorisationDate"),
            "AssessmentAuthorisationDate",
        )
        factors = [
            code
            for position, code in enumerate(assessment.factors)
            if reader.code(
                code,
                AssessmentFactor,
                _at(assessment, f"AssessmentFactors[{position}]"),
                "AssessmentFactors",
            )
        ]
        if assessment.authorisation_date and not assessment.factors:
            reader.problem(
                _at(assessment, "FactorsIdentifiedAtAssessment"),
                "FactorsIdentifiedAtAssessment",
                "missing: an authorised assessment records the factors identified (21 when none)",
            )
        if assessment.factors and not assessment.authorisation_date:
            reader.problem(
                _at(assessment, "AssessmentFactors[0]"),
                "AssessmentFactors",
                "factors on an assessment that is not authorised (no AssessmentAuthorisationDate)",
            )
        if start is None:
            continue
        reference = f"CIN{index + 1}A{number}"
        reader.add(
            start,
            (index, _ASSESSMENT_START),
            {"type": "assessment_start", "date": start, "id": reference},
            _at(assessment, "AssessmentActualStartDate"),
            "AssessmentActualStartDate",
        )
        if authorised and factors:
            reader.add(
                authorised,
                (index, _AUTHORISED),
                {
                    "type": "assessment_authorised",
                    "date": authorised,
                    "id": reference,
                    "factors": factors,
                },
                _at(assessment, "AssessmentAuthorisationDate"),
                "AssessmentAuthorisationDate",
            )

    for plan in episode.child_in_need_plans:
        start = reader.date(plan.start_date, _at(plan, "CINPlanStartDate"), "CINPlanStartDate")
        reader.required(plan.start_date, _at(plan, "CINPlanStartDate"), "CINPlanStartDate")
        end = reader.date(plan.end_date, _at(plan, "CINPlanEndDate"), "CINPlanEndDate")
        if start is None:
            continue
        reader.add(
            start,
            (index, _CIN_PLAN_START),
            {"type": "cin_plan_start", "date": start},
            _at(plan, "CINPlanStartDate"),
            "CINPlanStartDate",
        )
        if end is not None:
            order = _CIN_PLAN_END if end > start else _CIN_PLAN_START + 0.5
            reader.add(
                end,
                (index, order),
                {"type": "cin_plan_end", "date": end},
                _at(plan, "CINPlanEndDate"),
                "CINPlanEndDate",
            )

    plans_by_start: dict[dt.date, Any] = {}
    for plan in episode.child_protection_plans:
        start = reader.date(plan.start_date, _at(plan, "CPPstartDate"), "CPPstartDate")
        reader.required(plan.start_date, _at(plan, "CPPstartDate"), "CPPstartDate")
        if start is not None:
            if start in plans_by_start:
                reader.problem(
                    _at(plan, "CPPstartDate"), "CPPstartDate", f"two plans start on {start}"
                )
            plans_by_start[start] = plan
    conference_dates: set[dt.date] = set()
    for enquiry in episode.section_47_enquiries:
        start = reader.date(
            enquiry.start_date, _at(enquiry, "S47ActualStartDate"), "S47ActualStartDate"
        )
        reader.required(
            enquiry.start_date, _at(enquiry, "S47ActualStartDate"), "S47ActualStartDate"
        )
        held = reader.date(
            enquiry.initial_conference_date, _at(enquiry, "DateOfInitialCPC"), "DateOfInitialCPC"
        )
        reader.date(
            enquiry.initial_conference_target, _at(enquiry, "InitialCPCtarget"), "InitialCPCtarget"
        )
        not_required = reader.boolean(
            enquiry.initial_conference_not_required,
            _at(enquiry, "ICPCnotRequired"),
            "ICPCnotRequired",
        )
        if start is None:
            continue
        reader.add(
            start,
            (index, _S47_START),
            {"type": "s47_start", "date": start},
            _at(enquiry, "S47ActualStartDate"),
            "S47ActualStartDate",
        )
        if held is not None:
            conference_dates.add(held)
            icpc: dict[str, Any] = {"type": "icpc", "date": held, "plan": held in plans_by_start}
            made = plans_by_start.get(held)
            if made is not None:
                category = reader.code(
                    made.initial_category,
                    CategoryOfAbuse,
                    _at(made, "InitialCategoryOfAbuse"),
                    "InitialCategoryOfAbuse",
                )
                reader.required(
                    made.initial_category,
                    _at(made, "InitialCategoryOfAbuse"),
                    "InitialCategoryOfAbuse",
                )
                if category:
                    icpc["category"] = category
            reader.add(
                held, (index, _ICPC), icpc, _at(enquiry, "DateOfInitialCPC"), "DateOfInitialCPC"
            )
        elif not_required:
            # The census gives no end date: the earliest it allows is the start, or 1 April
            # for an enquiry begun before the year (it was still open in the year).
            concluded = max(start, reader.year.start)
            reader.add(
                concluded,
                (index, _S47_END),
                {"type": "s47_end", "date": concluded, "icpc_required": False},
                _at(enquiry, "ICPCnotRequired"),
                "ICPCnotRequired",
            )

    for start, plan in plans_by_start.items():
        if start not in conference_dates and start < reader.year.start:
            # A plan made before the year: its enquiry and conference are not in this census
            # (rule 8715), but the conference was held the day the plan started (rule 2885).
            # The enquiry is recorded as started that day, the earliest the census allows.
            category = reader.code(
                plan.initial_category,
                CategoryOfAbuse,
                _at(plan, "InitialCategoryOfAbuse"),
                "InitialCategoryOfAbuse",
            )
            reader.add(
                start,
                (index, _S47_START),
                {"type": "s47_start", "date": start},
                _at(plan, "CPPstartDate"),
                "CPPstartDate",
            )
            reader.add(
                start,
                (index, _ICPC),
                {"type": "icpc", "date": start, "plan": True, "category": category or ""},
                _at(plan, "CPPstartDate"),
                "CPPstartDate",
            )
            conference_dates.add(start)
        if start not in conference_dates:
            reader.problem(
                _at(plan, "CPPstartDate"),
                "CPPstartDate",
                f"{start} is not the DateOfInitialCPC of a Section47 record of this episode: a "
                "child protection plan starts at the initial conference that made it",
            )
            continue
        end = reader.date(plan.end_date, _at(plan, "CPPendDate"), "CPPendDate")
        initial = reader.code(
            plan.initial_category,
            CategoryOfAbuse,
            _at(plan, "InitialCategoryOfAbuse"),
            "InitialCategoryOfAbuse",
        )
        latest = reader.code(
            plan.latest_category,
            CategoryOfAbuse,
            _at(plan, "LatestCategoryOfAbuse"),
            "LatestCategoryOfAbuse",
        )
        reader.required(
            plan.latest_category, _at(plan, "LatestCategoryOfAbuse"), "LatestCategoryOfAbuse"
        )
        if plan.previous_plans is None or not plan.previous_plans.isdigit():
            reader.problem(
                _at(plan, "NumberOfPreviousCPP"),
                "NumberOfPreviousCPP",
                f"{plan.previous_plans!r} is not a whole number",
            )
        review_lines: dict[dt.date, int] = {}
        for position, text in enumerate(plan.review_dates):
            review_line = _at(plan, f"CPPreviewDate[{position}]")
            day = reader.date(text, review_line, "CPPreviewDate")
            if day is not None:
                review_lines.setdefault(day, review_line)
        reviews = sorted(review_lines)
        changed = latest is not None and initial is not None and latest != initial
        if changed and not reviews:
            reader.problem(
                _at(plan, "LatestCategoryOfAbuse"),
                "LatestCategoryOfAbuse",
                f"{latest} differs from the initial category {initial}, but the plan has no "
                "review: the category changes at a review conference",
            )
        for position, day in enumerate(reviews):
            review: dict[str, Any] = {"type": "cp_review", "date": day, "continue_plan": day != end}
            if changed and position == len(reviews) - 1:
                review["category"] = latest
            reader.add(day, (index, _CP_REVIEW), review, review_lines[day], "CPPreviewDate")
        if end is not None and end not in reviews:
            order = _CP_END if end > start else _ICPC + 0.5
            reader.add(
                end,
                (index, order),
                {"type": "cp_plan_end", "date": end},
                _at(plan, "CPPendDate"),
                "CPPendDate",
            )

    if closed is not None and reason is not None:
        reader.add(
            closed,
            (index, _CLOSURE),
            {"type": "case_closure", "date": closed, "reason": reason},
            _at(episode, "CINclosureDate"),
            "CINclosureDate",
        )


def _collection_year(census: CensusData) -> tuple[CollectionYear | None, str | None]:
    """The year the census is for: from its reference date, as the DfE derives the census
    period, else from its ``Year``."""
    header = census.header
    line = header.line or 1
    if header.reference_date:
        try:
            day = dt.date.fromisoformat(header.reference_date)
        except ValueError:
            return None, (
                f"line {line}: Header, ReferenceDate: {header.reference_date!r} is not a date "
                "written YYYY-MM-DD"
            )
        return CollectionYear.parse(str(day.year if day.month <= 3 else day.year + 1)), None
    if header.year:
        try:
            return CollectionYear.parse(header.year), None
        except ValueError:
            return None, f"line {line}: Header, Year: {header.year!r} is not a year"
    return None, (
        f"line {line}: Header: no ReferenceDate or Year, so the collection year is not known"
    )


def _comparable(events: list[_Event]) -> list[dict[str, Any]]:
    """The events of a child, for telling whether a child recorded already is this one."""
    result = []
    for event in events:
        values = {k: v for k, v in event.values.items() if k not in ("first_name", "last_name")}
        if values.get("type") == "child" and values.get("disabilities") == [Disability.NONE]:
            values["disabilities"] = []
        result.append(values)
    return result


def _ordered(reader: _ChildReader) -> list[_Event]:
    return sorted(
        reader.events,
        key=lambda event: (event.date or dt.date.min, *event.order),
    )


def _apply(values: dict[str, Any], children: dict[str, Child]) -> None:
    """Record one event through the casework services, as a journey would."""
    kind = values["type"]
    if kind == "child":
        children[values["id"]] = people.create_child(
            la_child_id=values["id"],
            first_name=values["first_name"],
            last_name=values["last_name"],
            sex=values["sex"],
            ethnicity=values["ethnicity"],
            date_of_birth=_day(values.get("dob")),
            expected_date_of_birth=_day(values.get("expected_dob")),
            upn=values.get("upn", ""),
            former_upn=values.get("former_upn", ""),
            upn_unknown=values.get("upn_unknown", ""),
            disabilities=values["disabilities"],
            is_not_duplicate=True,
        )
        return
    child = children[values["child"]]
    day = values["date"]
    if kind == "birth":
        people.record_birth(child=child, born_on=day, sex=values["sex"])
    elif kind == "death":
        people.record_death(child=child, died_on=day)
    elif kind == "referral":
        casework.open_referral(
            child=child,
            referral_on=day,
            source=values["source"],
            primary_need=values.get("primary_need", ""),
            is_nfa=values.get("nfa", False),
        )
    elif kind == "assessment_start":
        casework.start_assessment(child=child, started_on=day, reference=values["id"])
    elif kind == "assessment_authorised":
        casework.authorise_assessment(
            assessment=casework.find_open_assessment(child, values["id"]),
            authorised_on=day,
            factors=values["factors"],
            is_imported=True,
        )
    elif kind == "cin_plan_start":
        casework.start_child_in_need_plan(child=child, start_on=day, is_imported=True)
    elif kind == "cin_plan_end":
        casework.end_child_in_need_plan(child=child, end_on=day)
    elif kind == "s47_start":
        protection.start_section_47_enquiry(child=child, started_on=day)
    elif kind == "s47_end":
        protection.end_section_47_enquiry(
            child=child, ended_on=day, is_conference_required=values["icpc_required"]
        )
    elif kind == "icpc":
        protection.hold_initial_conference(
            child=child,
            held_on=day,
            is_plan_needed=values["plan"],
            category=values.get("category", ""),
        )
    elif kind == "cp_review":
        protection.hold_review_conference(
            child=child,
            held_on=day,
            continue_plan=values["continue_plan"],
            category=values.get("category", ""),
        )
    elif kind == "cp_plan_end":
        protection.end_child_protection_plan(child=child, end_on=day)
    elif kind == "case_closure":
        casework.close_episode(
            child=child, closed_on=day, reason=values["reason"], is_imported=True
        )
    else:  # pragma: no cover - the reader makes only the kinds above
        raise ValueError(f"unknown event {kind}")


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _describe(error: ValidationError) -> str:
    return "; ".join(error.messages)


class _Rollback(Exception):
    """Undoes the whole import once every problem has been collected."""


def _load(events: list[_Event]) -> list[str]:
    """Record the events in one transaction; if any is refused, keep nothing and say why,
    where in the file it comes from."""
    errors: list[str] = []
    children: dict[str, Child] = {}
    failed: set[str] = set()
    try:
        with transaction.atomic():
            for event in events:
                origin = event.origin
                if origin.child in failed:
                    continue
                try:
                    with transaction.atomic():
                        _apply(event.values, children)
                except ValidationError as error:
                    message = _describe(error)
                except DatabaseError as error:
                    message = f"the database refused it ({error})"
                else:
                    continue
                # What follows for this child depends on what was refused: report it once.
                failed.add(origin.child)
                errors.append(
                    f"line {origin.line}: child {origin.child}, {origin.element}: {message}"
                )
            if errors:
                raise _Rollback
            for child in children.values():
                record_access(
                    user=None,
                    child_id=child.pk,
                    action=AccessAction.CHANGE,
                    what="Loaded from a CIN census file",
                    source=SOURCE,
                )
    except _Rollback:
        return errors
    return []


def import_cin_census(xml: bytes) -> ImportResult:
    """Load the children of a CIN census file, all or nothing.

    A child already recorded (same LAchildID) is refused, unless the file is the same import
    repeated: then that child is left as it is and the counts say so.
    """
    try:
        census = parse_cin_census(xml)
    except CensusFileError as error:
        return ImportResult([str(error)], {})
    year, problem = _collection_year(census)
    if year is None:
        return ImportResult([problem or "the collection year is not known"], {})
    errors: list[str] = []
    readers = [_read_child(child, year) for child in census.children]
    seen: dict[str, int] = {}
    for reader in readers:
        errors.extend(reader.errors)
        first = seen.setdefault(reader.child_id, reader.child.line)
        if first != reader.child.line:
            errors.append(
                f"line {reader.child.line}: child {reader.child_id}, LAchildID: the file already "
                f"has this child, at line {first}"
            )
    if not census.children:
        errors.append("line 1: Children: the file has no Child")
    if errors:
        return ImportResult(errors, {})
    existing = {
        child.la_child_id: child
        for child in Child.objects.filter(la_child_id__in=[r.child_id for r in readers])
    }
    repeated: set[str] = set()
    for reader in readers:
        recorded = existing.get(reader.child_id)
        if recorded is None:
            continue
        ours = parse_cin_census(build_cin_census(year, child_ids=[recorded.pk])).children
        if ours and _comparable(_ordered(_read_child(ours[0], year))) == _comparable(
            _ordered(reader)
        ):
            repeated.add(reader.child_id)
            continue
        errors.append(
            f"line {reader.child.line}: child {reader.child_id}, LAchildID: this child is already "
            f"recorded, with different casework for {year.label}: an import adds new children only"
        )
    if errors:
        return ImportResult(errors, {})
    loading = [reader for reader in readers if reader.child_id not in repeated]
    errors = _load([event for reader in loading for event in _ordered(reader)])
    if errors:
        return ImportResult(errors, {})
    counts: Counter[str] = Counter()
    if repeated:
        counts["children already imported (left as they were)"] = len(repeated)
    for reader in loading:
        counts["children"] += 1
        for episode in reader.child.episodes:
            counts["CIN episodes"] += 1
            counts["assessments"] += len(episode.assessments)
            counts["child in need plans"] += len(episode.child_in_need_plans)
            counts["section 47 enquiries"] += len(episode.section_47_enquiries)
            counts["child protection plans"] += len(episode.child_protection_plans)
    differing = _previous_plans_not_kept(loading)
    if differing:
        counts["NumberOfPreviousCPP not kept (counted from the plans recorded)"] = differing
    return ImportResult([], dict(counts))


def _previous_plans_not_kept(readers: list[_ChildReader]) -> int:
    """How many plans' NumberOfPreviousCPP differ from what Kinfolk counts: the service
    counts the plans it holds, and earlier plans are not in a one-year census."""
    stated = {
        (reader.child_id, plan.start_date): plan.previous_plans
        for reader in readers
        for episode in reader.child.episodes
        for plan in episode.child_protection_plans
    }
    if not stated:
        return 0
    recorded = Plan.objects.filter(
        kind=PlanKind.CHILD_PROTECTION,
        child__la_child_id__in=[reader.child_id for reader in readers],
    ).values_list("child__la_child_id", "start_on", "previous_plans")
    return sum(
        1
        for child_id, start_on, previous in recorded
        if (child_id, start_on.isoformat()) in stated
        and stated[(child_id, start_on.isoformat())] != str(previous)
    )
