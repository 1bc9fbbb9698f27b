"""Journey events of assessments as documents: ``assessment_submitted`` and
``assessment_returned`` (docs/journeys.md). All data is synthetic."""

import datetime as dt

import pytest

from kinfolk.casework.choices import AssessmentStatus
from kinfolk.casework.models import Assessment
from kinfolk.journeys.tests.test_loader import GOOD, run, write

pytestmark = pytest.mark.django_db

SECTIONS = {
    "reason": "Referral from school about mornings.",
    "lived_experience": "Lily gets herself ready for school.",
    "child_views": "Lily wants to stay at her school.",
    "history": "Two contacts in 2024, no further action.",
    "parenting_capacity": "Mother's low mood limits routines.",
    "risks": ["Missed breakfasts"],
    "protective_factors": ["Grandmother nearby"],
    "analysis": "Support with routines should meet Lily's needs.",
    "recommendation": "A child in need plan.",
}
CASE = [
    *GOOD[:4],
    {"type": "referral", "child": "C1", "date": "2025-03-03", "source": "2A"},
    {"type": "assessment_start", "child": "C1", "date": "2025-03-04", "id": "A-1"},
    {
        "type": "assessment_submitted",
        "child": "C1",
        "date": "2025-03-20",
        "sections": SECTIONS,
        "by": "W1",
        "child_views_method": "Seen alone at school",
    },
    {"type": "assessment_returned", "child": "C1", "date": "2025-03-21", "reason": "Add views"},
    {"type": "assessment_submitted", "child": "C1", "date": "2025-03-24", "sections": SECTIONS},
    {"type": "assessment_authorised", "child": "C1", "date": "2025-03-25", "factors": ["1B"]},
]


def test_submitted_returned_and_authorised_assessments_load(tmp_path):
    code, _out, err = run(str(write(tmp_path, CASE)))
    assert (code, err) == (0, ""), err
    assessment = Assessment.objects.get()
    assert (assessment.status, assessment.authorised_on, assessment.is_imported) == (
        AssessmentStatus.AUTHORISED,
        dt.date(2025, 3, 25),
        False,  # it authorises the submitted content
    )
    assert assessment.relevant_history == "Two contacts in 2024, no further action."
    assert assessment.risks == [{"text": "Missed breakfasts", "source": "", "verification": ""}]
    assert assessment.child_views_method == "Seen alone at school"
    first, second = assessment.versions.all()
    assert (first.outcome, first.response, first.submitted_by.username) == (
        "returned",
        "Add views",
        "W1",
    )
    assert (second.outcome, second.submitted_on) == ("authorised", dt.date(2025, 3, 24))


def test_an_assessment_authorised_without_submission_is_imported_without_content(tmp_path):
    events = [*CASE[:6], CASE[-1]]
    code, _out, err = run(str(write(tmp_path, events)))
    assert (code, err) == (0, "")
    assessment = Assessment.objects.get()
    assert (assessment.is_imported, assessment.reason, assessment.versions.count()) == (True, "", 0)


def test_a_bad_assessment_line_is_reported_by_its_number(tmp_path):
    bad_sections = {**SECTIONS, "mood": "fine"}
    del bad_sections["analysis"]
    events = [
        *CASE[:6],
        {
            "type": "assessment_submitted",
            "child": "C1",
            "date": "2025-03-20",
            "sections": bad_sections,
        },
        {"type": "assessment_returned", "child": "C1", "date": "2025-03-21"},
    ]
    code, _out, err = run(str(write(tmp_path, events)))
    assert code == 1
    assert err.splitlines() == [
        "line 9: assessment_submitted for child C1: sections unknown sections: mood",
        "line 10: assessment_returned for child C1: reason is missing",
        "2 line(s) failed; nothing was loaded",
    ]
    assert not Assessment.objects.exists()


def test_returning_needs_a_submitted_assessment(tmp_path):
    events = [*CASE[:6], CASE[7]]
    code, _out, err = run(str(write(tmp_path, events)))
    assert code == 1
    assert "the child has no submitted assessment to return" in err
