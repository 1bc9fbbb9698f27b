import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from conftest import make_child
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.people.models import Child
from kinfolk.protection.services import end_child_protection_plan
from kinfolk.registers import services
from kinfolk.registers.matching import flagged_children, open_cases
from kinfolk.registers.models import (
    HomeEducation,
    HomeEducationConsent,
    HomelessPresentation,
    MissingEducation,
    YoungCarer,
)

D = dt.date
pytestmark = pytest.mark.django_db


def _refused(call, field, message, **kwargs):
    with pytest.raises(ValidationError) as refusal:
        call(**kwargs)
    assert refusal.value.message_dict == {field: [message]}


def _young_carer(child, social_worker, **kwargs):
    values = {
        "child": child,
        "registered_on": D(2026, 3, 2),
        "cares_for": "Mother",
        "need": "mental_health",
        "assessment_requested_on": D(2026, 3, 2),
        "actor": social_worker,
    }
    values.update(kwargs)
    return services.register_young_carer(**values)


def test_a_young_carer_is_registered_and_waits_then_is_assessed(child, social_worker):
    carer = _young_carer(child, social_worker)

    assert list(services.waiting_list(Child.objects.all())) == [carer]
    entry = ChronologyEntry.objects.filter(child=child).latest("pk")
    assert entry.summary == "Added to the young carers register: cares for Mother (Mental health)"

    services.record_young_carer_assessment(
        young_carer=carer,
        completed_on=D(2026, 4, 1),
        outcome="support",
        young_carer_views=" I want time for homework ",
        version=1,
        actor=social_worker,
    )
    carer.refresh_from_db()
    assert (carer.assessment_completed_on, carer.young_carer_views, carer.version) == (
        D(2026, 4, 1),
        "I want time for homework",
        2,
    )
    assert list(services.waiting_list(Child.objects.all())) == []


def test_the_waiting_list_is_oldest_first(social_worker):
    newer = _young_carer(
        make_child(la_child_id="A"), social_worker, assessment_requested_on=D(2026, 5, 1)
    )
    older = _young_carer(
        make_child(la_child_id="B"), social_worker, assessment_requested_on=D(2026, 3, 1)
    )
    _young_carer(make_child(la_child_id="C"), social_worker, assessment_requested_on=None)

    assert list(services.waiting_list(Child.objects.all())) == [older, newer]


def test_young_carer_refusals(child, social_worker):
    _refused(
        _young_carer,
        "cares_for",
        "Enter who the young carer cares for",
        child=child,
        social_worker=social_worker,
        cares_for=" ",
    )
    _refused(
        _young_carer,
        "need",
        "Choose the cared-for person's need",
        child=child,
        social_worker=social_worker,
        need="x",
    )
    carer = _young_carer(child, social_worker, assessment_requested_on=None)
    _refused(
        _young_carer,
        "cares_for",
        "The child is already on the young carers register",
        child=child,
        social_worker=social_worker,
    )
    kwargs = {
        "young_carer": carer,
        "completed_on": D(2026, 4, 1),
        "outcome": "support",
        "young_carer_views": "Fine",
    }
    _refused(
        services.record_young_carer_assessment,
        "requested_on",
        "Enter the date the assessment was requested",
        **kwargs,
    )
    _refused(
        services.record_young_carer_assessment,
        "completed_on",
        "The date must be on or after the request, 2 May 2026",
        **{**kwargs, "requested_on": D(2026, 5, 2)},
    )
    _refused(
        services.record_young_carer_assessment,
        "young_carer_views",
        "Enter the young carer's views",
        **{**kwargs, "requested_on": D(2026, 3, 2), "young_carer_views": ""},
    )
    _refused(
        services.record_school_told,
        "told_who",
        "Enter who at the school was told",
        young_carer=carer,
        told_on=D(2026, 3, 3),
        told_who="",
    )
    _refused(
        services.add_young_carer_support,
        "end_on",
        "The date must be on or after the support started, 1 April 2026",
        young_carer=carer,
        what="Young carers group",
        provided_by="Carers centre",
        start_on=D(2026, 4, 1),
        end_on=D(2026, 3, 31),
    )
    carer.refresh_from_db()
    assert (carer.version, carer.assessment_completed_on, carer.school_told_on) == (1, None, None)


def test_the_school_told_and_support(child, social_worker):
    carer = _young_carer(child, social_worker)
    services.record_school_told(
        young_carer=carer, told_on=D(2026, 3, 4), told_who="Ms Test, DSL", actor=social_worker
    )
    support = services.add_young_carer_support(
        young_carer=carer,
        what="Young carers group",
        provided_by="Carers centre",
        start_on=D(2026, 4, 1),
    )
    carer.refresh_from_db()
    assert (carer.school_told_on, carer.school_told_who) == (D(2026, 3, 4), "Ms Test, DSL")
    assert (support.what, support.end_on) == ("Young carers group", None)


def test_missing_education_reported_and_resolved(child, social_worker):
    missing = services.report_missing_education(
        child=child,
        reported_on=D(2026, 2, 2),
        reported_by="School attendance officer",
        reason="Left the school roll; address not known",
        last_known_school="Testside Primary",
        actor=social_worker,
    )
    _refused(
        services.report_missing_education,
        "reported_on",
        "The child is already on the children missing education register",
        child=child,
        reported_on=D(2026, 2, 3),
        reported_by="x",
        reason="y",
    )
    _refused(
        services.resolve_missing_education,
        "outcome",
        "Enter the outcome",
        missing=missing,
        resolved_on=D(2026, 3, 1),
        outcome="",
    )
    _refused(
        services.resolve_missing_education,
        "resolved_on",
        "The date must be on or after the report, 2 February 2026",
        missing=missing,
        resolved_on=D(2026, 2, 1),
        outcome="Found",
    )
    services.resolve_missing_education(
        missing=missing, resolved_on=D(2026, 3, 1), outcome="On roll at Testside Academy"
    )
    missing.refresh_from_db()
    assert (missing.resolved_on, missing.outcome, missing.version) == (
        D(2026, 3, 1),
        "On roll at Testside Academy",
        2,
    )


def _home(child, **kwargs):
    values = {
        "child": child,
        "notice_on": D(2026, 4, 1),
        "started_on": D(2026, 4, 6),
        "next_review_on": D(2026, 10, 6),
    }
    values.update(kwargs)
    return services.start_home_education(**values)


def test_home_education_for_a_child_with_no_case_needs_no_consent(child):
    home = _home(child)
    assert (home.started_on, home.next_review_on, home.consent) == (
        D(2026, 4, 6),
        D(2026, 10, 6),
        None,
    )
    _refused(
        _home,
        "started_on",
        "The child is already on the register of children educated at home",
        child=child,
    )
    _refused(
        services.review_home_education,
        "next_review_on",
        "The next review must be after this one",
        home_education=home,
        reviewed_on=D(2026, 5, 1),
        suitability="suitable",
        next_review_on=D(2026, 5, 1),
    )
    services.review_home_education(
        home_education=home,
        reviewed_on=D(2026, 5, 1),
        suitability="suitable",
        next_review_on=D(2026, 11, 1),
    )
    home.refresh_from_db()
    assert (home.suitability, home.last_reviewed_on, home.next_review_on) == (
        "suitable",
        D(2026, 5, 1),
        D(2026, 11, 1),
    )


def test_home_education_on_a_child_protection_plan_is_refused_without_consent(
    child, cp_plan, manager
):
    _refused(
        _home,
        "started_on",
        "The child is under a section 47 enquiry or on a child protection plan: record the "
        "council's decision on consent before recording home education",
        child=child,
    )
    services.record_home_education_consent(
        child=child,
        requested_on=D(2026, 3, 20),
        decided_on=D(2026, 3, 27),
        decision="refused",
        reason="The plan relies on school as the child's safe daily contact",
        actor=manager,
    )
    _refused(
        _home,
        "started_on",
        "The council refused consent to educate the child at home on 27 March 2026",
        child=child,
    )
    assert not HomeEducation.objects.exists()

    consent = services.record_home_education_consent(
        child=child,
        requested_on=D(2026, 3, 30),
        decided_on=D(2026, 3, 31),
        decision="granted",
        reason="A tutor and weekly visits",
        actor=manager,
    )
    home = _home(child)
    assert home.consent == consent


def test_consent_is_decided_by_a_manager(child, social_worker, manager):
    kwargs = {
        "child": child,
        "requested_on": D(2026, 3, 20),
        "decided_on": D(2026, 3, 27),
        "decision": "granted",
        "reason": "Fine",
    }
    _refused(
        services.record_home_education_consent,
        "decision",
        "A manager decides on consent to home education",
        actor=social_worker,
        **kwargs,
    )
    _refused(
        services.record_home_education_consent,
        "reason",
        "Enter the reason for the decision",
        actor=manager,
        **{**kwargs, "reason": " "},
    )
    _refused(
        services.record_home_education_consent,
        "decided_on",
        "The date must be on or after the request, 20 March 2026",
        actor=manager,
        **{**kwargs, "decided_on": D(2026, 3, 19)},
    )
    assert not HomeEducationConsent.objects.exists()


def test_a_child_on_a_plan_educated_at_home_is_flagged_until_the_plan_ends(child, cp_plan, manager):
    services.record_home_education_consent(
        child=child,
        requested_on=D(2026, 3, 30),
        decided_on=D(2026, 3, 31),
        decision="granted",
        reason="Tutor",
        actor=manager,
    )
    _home(child)
    other = make_child(la_child_id="C2")
    _home(other)

    cases = open_cases([child.pk, other.pk])
    assert (str(cases[child.pk]), bool(cases[other.pk])) == (
        "open child in need case, child protection plan",
        False,
    )
    assert list(flagged_children(Child.objects.all())) == [child]

    end_child_protection_plan(child=child, end_on=D(2026, 6, 1))
    assert str(open_cases([child.pk])[child.pk]) == "open child in need case"
    from kinfolk.casework.models import ChildInNeedEpisode

    ChildInNeedEpisode.objects.filter(child=child).update(
        closed_on=D(2026, 6, 2), closure_reason="RC1"
    )
    assert not open_cases([child.pk])[child.pk]
    assert list(flagged_children(Child.objects.all())) == []


def _presentation(**kwargs):
    young = make_child(la_child_id="H1", date_of_birth=D(2009, 5, 1))
    values = {
        "child": young,
        "presented_on": D(2026, 3, 2),
        "presented_by": "Housing options",
        "is_from_housing": True,
    }
    values.update(kwargs)
    return services.record_homeless_presentation(**values)


def test_homeless_decision_needs_the_rights_explained_first(social_worker):
    presentation = _presentation()
    kwargs = {
        "presentation": presentation,
        "decided_on": D(2026, 3, 10),
        "decision": "s20",
        "young_person_view": "I want to be looked after",
    }
    _refused(
        services.record_homeless_decision,
        "decision",
        "Explain the young person's rights, including accommodation under section 20, and record it before the decision",
        **kwargs,
    )
    services.record_joint_assessment(
        presentation=presentation,
        started_on=D(2026, 3, 3),
        completed_on=D(2026, 3, 9),
        housing_officer="A Officer",
    )
    services.record_rights_explained(
        presentation=presentation, explained_on=D(2026, 3, 4), actor=social_worker
    )
    _refused(
        services.record_homeless_decision,
        "young_person_view",
        "Enter the young person's view",
        **{**kwargs, "young_person_view": ""},
    )
    services.record_homeless_decision(**kwargs)
    presentation.refresh_from_db()
    assert (
        presentation.decision,
        presentation.rights_explained_by,
        presentation.housing_officer,
        presentation.version,
    ) == (
        "s20",
        social_worker,
        "A Officer",
        4,
    )
    _refused(
        services.record_homeless_decision, "decision", "The decision is already recorded", **kwargs
    )


def test_homeless_refusals():
    _refused(
        services.record_homeless_presentation,
        "presented_on",
        "The young person must be 16 or 17 on the date they presented",
        child=make_child(la_child_id="Y"),
        presented_on=D(2026, 3, 2),
        presented_by="Self",
    )
    presentation = _presentation()
    _refused(
        services.record_joint_assessment,
        "housing_officer",
        "Enter the housing officer",
        presentation=presentation,
        started_on=D(2026, 3, 3),
        housing_officer="",
    )
    _refused(
        services.record_rights_explained,
        "explained_by",
        "Choose who explained the rights",
        presentation=presentation,
        explained_on=D(2026, 3, 3),
    )
    assert HomelessPresentation.objects.get().version == 1
    assert not MissingEducation.objects.exists() and not YoungCarer.objects.exists()
