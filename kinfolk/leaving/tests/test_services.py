"""The leaving-care services: what they record, and each refusal with its message and with
nothing changed."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from conftest import make_child
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.leaving.models import CareLeaverContact, PathwayPlan, PersonalAdviserAllocation
from kinfolk.leaving.services import (
    allocate_personal_adviser,
    audit_pathway_plan,
    end_staying_put,
    end_support_to_25,
    record_care_leaver_contact,
    record_pathway_plan,
    request_support_to_25,
    standing_of,
    start_staying_put,
)
from kinfolk.leaving.tests.conftest import leaving_counts, look_after

pytestmark = pytest.mark.django_db

D = dt.date
#: A fixed past day, for standings that change with the days looked after or with age, so that
#: the tests do not depend on the day they run.
ON = D(2026, 11, 16)


def refused(call, child, field: str, message: str, **kwargs) -> None:
    """The service refuses with ``message`` on ``field`` and changes nothing."""
    before = leaving_counts(child)
    with pytest.raises(ValidationError) as error:
        call(child=child, **kwargs)
    assert error.value.message_dict == {field: [message]}
    assert leaving_counts(child) == before


PLAN = {
    "young_person_views": "Wants to live near her sister",
    "is_copy_given": True,
}


# Standing -------------------------------------------------------------------------------------


def test_standing_reads_the_periods_of_care(care_leaver, eligible, child):
    assert standing_of(care_leaver, D(2025, 2, 28)).status == "eligible"
    assert standing_of(care_leaver, D(2025, 3, 1)).status == "relevant"
    assert standing_of(care_leaver, ON).status == "former_relevant"
    assert standing_of(care_leaver, ON).explanation == (
        "Former relevant: left care on 1 March 2025, aged 16, after 59 weeks looked after "
        "since 14th birthday"
    )
    assert standing_of(eligible, ON).explanation == (
        "Eligible: looked after 63 weeks since 14th birthday, including after 16th birthday"
    )
    assert standing_of(eligible, ON + dt.timedelta(days=7)).explanation == (
        "Eligible: looked after 64 weeks since 14th birthday, including after 16th birthday"
    )
    assert standing_of(child, ON).explanation == ("Not a care leaver: has never been looked after.")


def test_short_breaks_do_not_make_a_care_leaver(today):
    young_person = make_child(la_child_id="S1", date_of_birth=D(2008, 6, 10))
    look_after(young_person, D(2024, 1, 10), D(2025, 3, 1), legal_status="V3")
    standing = standing_of(young_person, today)
    assert (standing.status, standing.may_have_adviser) == ("", False)


# Personal adviser -----------------------------------------------------------------------------


def test_allocating_a_personal_adviser_ends_the_previous_one(
    care_leaver, adviser, other_adviser, manager
):
    first = allocate_personal_adviser(
        child=care_leaver,
        adviser=adviser,
        start_on=D(2025, 3, 1),
        introduced_on=D(2025, 2, 1),
        joint_visit_on=D(2025, 2, 20),
        actor=manager,
    )
    second = allocate_personal_adviser(
        child=care_leaver, adviser=other_adviser, start_on=D(2026, 7, 1), actor=manager
    )
    first.refresh_from_db()
    assert (first.end_on, first.introduced_on, first.joint_visit_on) == (
        D(2026, 7, 1),
        D(2025, 2, 1),
        D(2025, 2, 20),
    )
    assert (second.adviser, second.end_on, second.recorded_by) == (other_adviser, None, manager)
    assert list(
        ChronologyEntry.objects.filter(child=care_leaver, kind="allocation").values_list(
            "summary", flat=True
        )
    ) == ["Personal adviser allocated: Pip Adviser", "Personal adviser allocated: Pat Adviser"]


def test_a_personal_adviser_is_only_for_a_care_leaver(child, adviser, today):
    refused(
        allocate_personal_adviser,
        child,
        "start_on",
        f"A personal adviser is only for a care leaver, and on {today:%-d %B %Y} Lily Smith "
        "was not one. Not a care leaver: has never been looked after.",
        adviser=adviser,
        start_on=today,
    )


def test_a_personal_adviser_is_not_allocated_before_care_ends_at_15(today):
    young_person = make_child(la_child_id="Y1", date_of_birth=D(2008, 6, 10))
    look_after(young_person, D(2023, 1, 1), D(2024, 6, 9))  # the day before the 16th birthday
    standing = standing_of(young_person, today)
    assert standing.status == ""
    assert not standing.may_have_adviser


def test_personal_adviser_refusals(care_leaver, adviser, analyst, tomorrow):
    refused(
        allocate_personal_adviser,
        care_leaver,
        "start_on",
        "The date the personal adviser was allocated must be today or in the past",
        adviser=adviser,
        start_on=tomorrow,
    )
    refused(
        allocate_personal_adviser,
        care_leaver,
        "start_on",
        "The date the personal adviser was allocated cannot be before Jade Okafor was born",
        adviser=adviser,
        start_on=D(2008, 6, 9),
    )
    refused(
        allocate_personal_adviser,
        care_leaver,
        "adviser",
        "Ann Analyst cannot be a personal adviser: choose a personal adviser",
        adviser=analyst,
        start_on=D(2025, 3, 1),
    )
    refused(
        allocate_personal_adviser,
        care_leaver,
        "joint_visit_on",
        "The date of the joint visit must be today or in the past",
        adviser=adviser,
        start_on=D(2025, 3, 1),
        joint_visit_on=tomorrow,
    )
    allocate_personal_adviser(child=care_leaver, adviser=adviser, start_on=D(2025, 6, 1))
    refused(
        allocate_personal_adviser,
        care_leaver,
        "adviser",
        "Pat Adviser is already Jade Okafor's personal adviser",
        adviser=adviser,
        start_on=D(2025, 7, 1),
    )


def test_a_new_adviser_cannot_start_before_the_current_one(care_leaver, adviser, other_adviser):
    allocate_personal_adviser(child=care_leaver, adviser=adviser, start_on=D(2025, 6, 1))
    refused(
        allocate_personal_adviser,
        care_leaver,
        "start_on",
        "This is before the current personal adviser was allocated, on 1 June 2025",
        adviser=other_adviser,
        start_on=D(2025, 5, 1),
    )


# Pathway plans --------------------------------------------------------------------------------


def test_a_pathway_plan_records_each_area_and_the_young_persons_views(care_leaver, social_worker):
    plan = record_pathway_plan(
        child=care_leaver,
        made_on=D(2025, 4, 1),
        accommodation="Supported lodgings until a tenancy",
        accommodation_target_on=D(2026, 1, 31),
        education_training_employment="College, level 2 catering",
        health="Register with a GP near college",
        relationships="Keep in touch with her sister",
        finance="Set up a bank account",
        young_person_views=" Wants to live near her sister ",
        is_copy_given=True,
        has_young_persons_version=True,
        is_local_offer_explained=False,
        actor=social_worker,
    )
    assert (
        plan.young_person_views,
        plan.is_copy_given,
        plan.has_young_persons_version,
        plan.is_local_offer_explained,
        plan.accommodation_target_on,
        plan.is_imported,
        plan.recorded_by,
    ) == ("Wants to live near her sister", True, True, False, D(2026, 1, 31), False, social_worker)
    entry = ChronologyEntry.objects.get(child=care_leaver, kind="plan")
    assert (entry.summary, entry.occurred_on) == ("Pathway plan", D(2025, 4, 1))


def test_an_imported_pathway_plan_needs_only_its_date(care_leaver):
    plan = record_pathway_plan(child=care_leaver, made_on=D(2025, 4, 1), is_imported=True)
    assert (plan.is_imported, plan.young_person_views, plan.is_copy_given) == (True, "", None)


def test_a_pathway_plan_may_be_made_for_a_16_year_old_before_13_weeks_in_care():
    young_person = make_child(la_child_id="Y2", date_of_birth=D(2010, 1, 15))
    look_after(young_person, ON - dt.timedelta(days=30))
    assert standing_of(young_person, ON).status == ""
    plan = record_pathway_plan(child=young_person, made_on=ON, **PLAN)
    assert plan.made_on == ON


def test_pathway_plan_refusals(care_leaver, child, tomorrow):
    refused(
        record_pathway_plan,
        child,
        "made_on",
        "A pathway plan is only for a care leaver, and on 1 April 2025 Lily Smith was not one. "
        "Not a care leaver: has never been looked after.",
        made_on=D(2025, 4, 1),
        **PLAN,
    )
    refused(
        record_pathway_plan,
        care_leaver,
        "made_on",
        "The date of the pathway plan must be today or in the past",
        made_on=tomorrow,
        **PLAN,
    )
    refused(
        record_pathway_plan,
        care_leaver,
        "young_person_views",
        "Enter the young person's views of their plan",
        made_on=D(2025, 4, 1),
        young_person_views="  ",
        is_copy_given=True,
    )
    refused(
        record_pathway_plan,
        care_leaver,
        "is_copy_given",
        "Say whether the young person was given a copy of the plan",
        made_on=D(2025, 4, 1),
        young_person_views="Wants a flat",
    )
    refused(
        record_pathway_plan,
        care_leaver,
        "accommodation_target_on",
        "The target date for accommodation must be on or after the date of the plan",
        made_on=D(2025, 4, 1),
        accommodation_target_on=D(2025, 3, 31),
        **PLAN,
    )
    record_pathway_plan(child=care_leaver, made_on=D(2025, 4, 1), **PLAN)
    refused(
        record_pathway_plan,
        care_leaver,
        "made_on",
        "A pathway plan is already recorded on 1 April 2025",
        made_on=D(2025, 4, 1),
        **PLAN,
    )


def test_a_pathway_plan_is_not_for_a_15_year_old_in_care():
    young_person = make_child(la_child_id="Y3", date_of_birth=D(2011, 6, 1))
    look_after(young_person, D(2025, 1, 1))
    refused(
        record_pathway_plan,
        young_person,
        "made_on",
        "A pathway plan is only for a care leaver, and on 16 November 2026 Lily Smith was "
        "not one. Not a care leaver yet: aged 15. A young person looked after at 16 or 17, for "
        "13 weeks in all since their 14th birthday, is eligible.",
        made_on=ON,
        **PLAN,
    )


def test_a_manager_audits_a_pathway_plan(care_leaver, manager, social_worker, today):
    plan = record_pathway_plan(child=care_leaver, made_on=D(2025, 4, 1), **PLAN)
    with pytest.raises(ValidationError) as error:
        audit_pathway_plan(plan=plan, grade="good", note="Clear", actor=social_worker)
    assert error.value.message_dict == {"grade": ["Only a manager can audit a pathway plan"]}
    plan.refresh_from_db()
    assert plan.audit_grade == ""
    with pytest.raises(ValidationError) as error:
        audit_pathway_plan(plan=plan, grade="good", note=" ", actor=manager)
    assert error.value.message_dict == {"note": ["Enter what the audit found"]}
    audit_pathway_plan(
        plan=plan, grade="requires_improvement", note="Goals have no dates", actor=manager
    )
    plan.refresh_from_db()
    assert (plan.audit_grade, plan.audit_note, plan.audited_by, plan.audited_on) == (
        "requires_improvement",
        "Goals have no dates",
        manager,
        today,
    )


# Contacts -------------------------------------------------------------------------------------


def test_a_contact_records_the_oc3_items_and_the_current_adviser(care_leaver, adviser):
    allocate_personal_adviser(child=care_leaver, adviser=adviser, start_on=D(2025, 3, 1))
    contact = record_care_leaver_contact(
        child=care_leaver,
        contacted_on=D(2025, 5, 1),
        in_touch="YES",
        accommodation="E1",
        activity="F2",
        notes=" Settled in lodgings ",
    )
    assert (
        contact.in_touch,
        contact.accommodation,
        contact.activity,
        contact.adviser,
        contact.notes,
        contact.is_accommodation_suitable,
        contact.is_eet,
    ) == ("YES", "E1", "F2", adviser, "Settled in lodgings", True, True)
    entry = ChronologyEntry.objects.get(child=care_leaver, kind="visit")
    assert (entry.summary, entry.detail) == (
        "Care leaver contact: In touch",
        "Supported lodgings (suitable); Full-time education other than higher",
    )


def test_an_imported_contact_in_touch_may_leave_out_accommodation_and_activity(care_leaver):
    contact = record_care_leaver_contact(
        child=care_leaver, contacted_on=D(2025, 5, 1), in_touch="YES", is_imported=True
    )
    assert (contact.accommodation, contact.activity, contact.adviser) == ("", "", None)


def test_contact_refusals(care_leaver, child, tomorrow):
    refused(
        record_care_leaver_contact,
        care_leaver,
        "accommodation",
        "Choose the young person's accommodation",
        contacted_on=D(2025, 5, 1),
        in_touch="YES",
        activity="F2",
    )
    refused(
        record_care_leaver_contact,
        care_leaver,
        "activity",
        "Choose the young person's main activity",
        contacted_on=D(2025, 5, 1),
        in_touch="YES",
        accommodation="E1",
    )
    refused(
        record_care_leaver_contact,
        care_leaver,
        "accommodation",
        "When in touch, say where the young person lives, not 'not known'",
        contacted_on=D(2025, 5, 1),
        in_touch="YES",
        accommodation="0",
        activity="F2",
        is_imported=True,
    )
    refused(
        record_care_leaver_contact,
        care_leaver,
        "activity",
        "Leave this blank: it is not reported for a young person who has died or returned home",
        contacted_on=D(2025, 5, 1),
        in_touch="RHOM",
        activity="F2",
    )
    refused(
        record_care_leaver_contact,
        care_leaver,
        "accommodation",
        "Living with former foster carers after 18 is for young people aged 18 or over: "
        "Jade Okafor was 16",
        contacted_on=D(2025, 5, 1),
        in_touch="YES",
        accommodation="Z1",
        activity="F2",
    )
    refused(
        record_care_leaver_contact,
        care_leaver,
        "contacted_on",
        "The date of the contact must be today or in the past",
        contacted_on=tomorrow,
        in_touch="NO",
    )
    refused(
        record_care_leaver_contact,
        care_leaver,
        "in_touch",
        "Choose whether the authority is in touch",
        contacted_on=D(2025, 5, 1),
        in_touch="MAYBE",
    )
    refused(
        record_care_leaver_contact,
        care_leaver,
        "contacted_on",
        "A care leaver contact is only for a care leaver, and on 1 February 2024 Jade Okafor "
        "was not one. Not a care leaver yet: aged 15. A young person looked after at 16 or 17, "
        "for 13 weeks in all since their 14th birthday, is eligible.",
        contacted_on=D(2024, 2, 1),
        in_touch="YES",
    )
    refused(
        record_care_leaver_contact,
        child,
        "contacted_on",
        "A care leaver contact is only for a care leaver, and on 1 May 2025 Lily Smith was not "
        "one. Not a care leaver: has never been looked after.",
        contacted_on=D(2025, 5, 1),
        in_touch="NO",
    )


# Staying put and support to 25 ----------------------------------------------------------------


def test_staying_put_with_foster_carers_after_18(looked_after_at_18):
    arrangement = start_staying_put(
        child=looked_after_at_18,
        start_on=D(2026, 6, 10),
        carers="Mr and Mrs Hale",
        is_in_full_time_education=False,
    )
    assert (arrangement.start_on, arrangement.end_on, arrangement.carers) == (
        D(2026, 6, 10),
        None,
        "Mr and Mrs Hale",
    )
    refused(
        start_staying_put,
        looked_after_at_18,
        "start_on",
        "Kai Moreno already has a staying put arrangement from 10 June 2026: end it first",
        start_on=D(2026, 7, 1),
    )
    refused(
        end_staying_put,
        looked_after_at_18,
        "end_on",
        "Staying put cannot end before it started, on 10 June 2026",
        end_on=D(2026, 6, 1),
    )
    end_staying_put(child=looked_after_at_18, end_on=D(2026, 9, 1))
    arrangement.refresh_from_db()
    assert arrangement.end_on == D(2026, 9, 1)


def test_staying_put_refusals(looked_after_at_18, care_leaver):
    refused(
        start_staying_put,
        looked_after_at_18,
        "start_on",
        "Staying put starts at 18: Kai Moreno turns 18 on 10 June 2026",
        start_on=D(2026, 6, 9),
    )
    refused(
        start_staying_put,
        care_leaver,
        "start_on",
        "Staying put is for a young person living with foster carers when they turned 18, and "
        "Jade Okafor was not",
        start_on=D(2026, 6, 10),
    )
    refused(
        end_staying_put,
        looked_after_at_18,
        "end_on",
        "Kai Moreno is not staying put",
        end_on=D(2026, 9, 1),
    )


def test_staying_put_runs_to_21_or_25_in_full_time_education():
    young_person = make_child(la_child_id="Y4", date_of_birth=D(2004, 3, 1))
    look_after(young_person, D(2020, 1, 1), D(2022, 3, 1))
    refused(
        start_staying_put,
        young_person,
        "end_on",
        "Staying put runs until the 21st birthday, or the 25th in full-time education: "
        "1 March 2025",
        start_on=D(2022, 3, 1),
        end_on=D(2025, 6, 1),
    )
    arrangement = start_staying_put(
        child=young_person,
        start_on=D(2022, 3, 1),
        end_on=D(2025, 6, 1),
        is_in_full_time_education=True,
    )
    assert arrangement.is_in_full_time_education


def test_support_to_25(aged_22, care_leaver):
    support = request_support_to_25(child=aged_22, requested_on=D(2026, 1, 5))
    assert standing_of(aged_22, ON).status == "support_to_25"
    refused(
        request_support_to_25,
        aged_22,
        "requested_on",
        "Owen Price already has support to 25",
        requested_on=D(2026, 2, 5),
    )
    refused(
        end_support_to_25,
        aged_22,
        "ended_on",
        "Support cannot end before it was asked for, on 5 January 2026",
        ended_on=D(2026, 1, 4),
    )
    end_support_to_25(child=aged_22, ended_on=D(2026, 6, 1))
    support.refresh_from_db()
    assert support.ended_on == D(2026, 6, 1)
    refused(
        request_support_to_25,
        care_leaver,
        "requested_on",
        "Support to 25 is for a young person aged 21 to 24: Jade Okafor was 18",
        requested_on=ON,
    )


def test_nothing_is_written_for_a_refusal_in_the_models(care_leaver):
    assert PersonalAdviserAllocation.objects.count() == 0
    assert PathwayPlan.objects.count() == 0
    assert CareLeaverContact.objects.count() == 0
