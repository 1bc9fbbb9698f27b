"""A journey with every event of the practice record loads, and the child's export holds every
text the journey recorded, in full (docs/journeys.md "Practice records", docs/records.md)."""

import json
from typing import Any

import pytest
from django.core.management import call_command

from kinfolk.journeys.loader import load_journeys

pytestmark = pytest.mark.django_db

NOTE = "Home visit after school.\n\nThe child showed me the garden and said the dog is his best friend."
CALL = "Phone call with the class teacher: attendance is up to 94% this half term."
SECTIONS: dict[str, Any] = {
    "reason": "The school reported the child arriving hungry on four mornings in a fortnight.",
    "lived_experience": "Mornings start without breakfast; evenings are spent online until late.",
    "child_views": "Said he likes living with his mum and wants more time at the park.",
    "history": "One earlier contact about home conditions, closed with advice.",
    "parenting_capacity": "Mother meets his basic needs but routines slip when she works nights.",
    "risks": [
        "Missed meals before school (school; verified).",
        "Late nights online (self-report).",
    ],
    "protective_factors": ["An aunt who collects him from school twice a week (aunt; verified)."],
    "analysis": "The needs arise from routines, not deliberate harm; support can change them.",
    "recommendation": "A child in need plan with a review in three months.",
}
SECOND_ANALYSIS = "Weighing the aunt's support against the missed meals, the risk is moderate."
RETURN_REASON = "Please say how the risks and the strengths were weighed in the analysis."
VIEWS_METHOD = "Seen alone at school, using the three houses tool."


def journey() -> list[dict[str, Any]]:
    amended = {**SECTIONS, "analysis": SECOND_ANALYSIS}
    return [
        {"type": "authority", "name": "Demo Borough", "la_number": "310", "la_code": "E08000010"},
        {"type": "worker", "id": "W1", "name": "Ada Example", "role": "social_worker"},
        {"type": "worker", "id": "W2", "name": "Ben Example", "role": "team_manager"},
        {
            "type": "child",
            "id": "C7",
            "first_name": "Theo",
            "last_name": "Sample",
            "sex": "M",
            "ethnicity": "WBRI",
            "dob": "2016-04-02",
        },
        {"type": "allocation", "child": "C7", "date": "2025-09-01", "worker": "W1"},
        {"type": "referral", "child": "C7", "date": "2025-09-01", "source": "3A"},
        {"type": "assessment_start", "child": "C7", "date": "2025-09-02"},
        {
            "type": "case_note",
            "child": "C7",
            "at": "2025-09-04T16:15",
            "kind": "home_visit",
            "text": NOTE,
            "by": "W1",
            "significant": True,
        },
        {
            "type": "assessment_submitted",
            "child": "C7",
            "date": "2025-09-20",
            "sections": SECTIONS,
            "by": "W1",
            "child_views_method": VIEWS_METHOD,
        },
        {
            "type": "assessment_returned",
            "child": "C7",
            "date": "2025-09-22",
            "reason": RETURN_REASON,
            "by": "W2",
        },
        {
            "type": "case_note",
            "child": "C7",
            "at": "2025-09-23T10:00",
            "kind": "phone_call",
            "text": CALL,
        },
        {"type": "assessment_submitted", "child": "C7", "date": "2025-09-25", "sections": amended},
        {"type": "assessment_authorised", "child": "C7", "date": "2025-09-26", "factors": ["3B"]},
    ]


def texts_of(value: Any) -> list[str]:
    """Every string in a journey event's text fields, lists and objects included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for item in value for text in texts_of(item)]
    if isinstance(value, dict):
        return [text for item in value.values() for text in texts_of(item)]
    return []


def test_every_text_of_the_journey_is_in_the_childs_export(tmp_path):
    events = journey()
    result = load_journeys(json.dumps(event) for event in events)
    assert result.errors == []
    assert result.counts["case_note"] == 2
    assert result.counts["assessment_submitted"] == 2
    assert result.counts["assessment_returned"] == 1

    out = tmp_path / "C7.json"
    call_command("records", "export", "--child", "C7", "--out", str(out))
    exported = json.loads(out.read_text(encoding="utf-8"))
    held = set(texts_of([record["fields"] for record in exported]))
    written = {
        text
        for event in events
        if event["type"] in {"case_note", "assessment_submitted", "assessment_returned"}
        for name in ("text", "sections", "reason", "child_views_method")
        for text in texts_of(event.get(name))
    }
    assert sorted(written - held) == []
    # Both versions of the assessment are held: the one returned, and the one authorised.
    assert {SECTIONS["analysis"], SECOND_ANALYSIS} <= held
