"""The family version of a child in need or child protection plan: written, shown, printed to
a PDF whose text is read back, each PDF an export in the child's access log."""

import datetime as D
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from conftest import assessed, signed_in
from kinfolk.access.choices import AccessAction
from kinfolk.access.models import AccessRecord
from kinfolk.care.tests.factories import CarePlanFactory
from kinfolk.casework.choices import PlanKind
from kinfolk.casework.services import (
    add_plan_action,
    add_plan_outcome,
    open_referral,
    record_family_version,
    start_child_in_need_plan,
)
from kinfolk.casework.tests.factories import PlanFactory
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.core.forms import VERSIONS_FIELD
from kinfolk.core.models import RecordChanged

FAMILY_TEXT = (
    "We are worried that Tilly has missed a lot of school.\n\n"
    "Everyone has agreed to help her get there every day."
)


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)


@pytest.fixture
def cin_plan(child):
    open_referral(child=child, referral_on=D.date(2025, 1, 6), source="1A")
    assessed(child, D.date(2025, 1, 20))
    return start_child_in_need_plan(
        child=child, start_on=D.date(2025, 2, 3), contingency="A family group conference"
    )


@pytest.fixture
def cp_plan(child, social_worker):
    plan = PlanFactory(
        child=child,
        kind=PlanKind.CHILD_PROTECTION,
        start_on=D.date(2025, 3, 10),
        latest_category="NEG",
        contingency="A legal planning meeting",
    )
    outcome = add_plan_outcome(plan=plan, description="Tilly goes to school every day")
    add_plan_action(
        plan=plan,
        description="Walk Tilly to the school gate",
        owner_outside="Tilly's aunt",
        due_on=D.date(2025, 4, 1),
        outcome=outcome,
    )
    return plan


def test_the_family_version_is_written_and_goes_in_the_chronology(child, cin_plan, social_worker):
    record_family_version(plan=cin_plan, family_version=f"  {FAMILY_TEXT}  ", actor=social_worker)

    cin_plan.refresh_from_db()
    assert (cin_plan.family_version, cin_plan.version) == (FAMILY_TEXT, 2)
    entry = ChronologyEntry.objects.filter(child=child).latest("pk")
    assert (entry.summary, entry.detail) == (
        "Family version of the child in need plan written",
        FAMILY_TEXT,
    )
    record_family_version(plan=cin_plan, family_version="Shorter.", actor=social_worker)
    assert ChronologyEntry.objects.filter(child=child).latest("pk").summary == (
        "Family version of the child in need plan rewritten"
    )


def test_an_empty_family_version_or_an_ended_plan_is_refused(cin_plan):
    with pytest.raises(ValidationError) as empty:
        record_family_version(plan=cin_plan, family_version="   ")
    assert empty.value.message_dict == {
        "family_version": ["Enter the family version: the plan in plain words"]
    }
    cin_plan.end_on = D.date(2025, 5, 1)
    cin_plan.save()
    with pytest.raises(ValidationError) as ended:
        record_family_version(plan=cin_plan, family_version=FAMILY_TEXT)
    assert ended.value.message_dict == {"family_version": ["This plan has ended"]}


def test_a_family_version_written_from_a_stale_plan_is_refused(cin_plan):
    record_family_version(plan=cin_plan, family_version="First.", version=1)
    with pytest.raises(RecordChanged):
        record_family_version(plan=cin_plan, family_version="Second.", version=1)
    cin_plan.refresh_from_db()
    assert cin_plan.family_version == "First."


def test_the_worker_writes_the_family_version_on_its_page(child, cp_plan, social_worker):
    client = signed_in(social_worker)
    url = reverse("casework:family-version-edit", args=[child.pk]) + f"?plan={cp_plan.pk}"
    opened = client.get(url)
    assert opened.status_code == 200
    versions = opened.context["form"][VERSIONS_FIELD].value()

    saved = client.post(
        url, {"plan": cp_plan.pk, "family_version": FAMILY_TEXT, VERSIONS_FIELD: versions}
    )

    shown_url = reverse("casework:family-version", args=[child.pk]) + f"?plan={cp_plan.pk}"
    assert saved.status_code == 302
    assert saved["Location"] == shown_url
    page = client.get(shown_url).content.decode()
    assert '<p class="govuk-body">We are worried that Tilly has missed a lot of school.</p>' in page
    assert "Tilly&#x27;s aunt: Walk Tilly to the school gate, by 1 April 2025." in page
    assert "Download as a PDF" in page


def test_the_cp_plan_s_family_version_prints_to_a_pdf_logged_as_an_export(
    child, cp_plan, social_worker
):
    record_family_version(plan=cp_plan, family_version=FAMILY_TEXT)
    url = reverse("casework:family-version", args=[child.pk]) + f"?plan={cp_plan.pk}&format=pdf"

    response = signed_in(social_worker).get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="family-version-cp-plan-{child.la_child_id.lower()}.pdf"'
    )
    text = " ".join(pdf_text(response.content).split())
    assert "Your family's child protection plan" in text
    assert "We are worried that Tilly has missed a lot of school." in text
    assert "Tilly goes to school every day" in text
    assert "Tilly's aunt: Walk Tilly to the school gate, by 1 April 2025." in text
    assert "A legal planning meeting" in text
    assert "Page 1 of" in text
    export = AccessRecord.objects.filter(child=child).latest("pk")
    assert (export.action, export.what, export.user) == (
        AccessAction.EXPORT,
        "Child record: family version of a plan, printed to PDF",
        social_worker,
    )


def test_the_family_version_page_without_a_plan_says_so(child, social_worker):
    page = signed_in(social_worker).get(reverse("casework:family-version", args=[child.pk]))
    assert page.status_code == 200
    assert "has no child in need or child protection plan" in page.content.decode()


def test_the_care_plan_for_the_child_links_the_family_versions(child, cin_plan, social_worker):
    CarePlanFactory(child=child)
    record_family_version(plan=cin_plan, family_version=FAMILY_TEXT)
    page = signed_in(social_worker).get(reverse("care:care-plan-for-child", args=[child.pk]))
    text = " ".join(page.content.decode().split())
    link = reverse("casework:family-version", args=[child.pk]) + f"?plan={cin_plan.pk}"
    assert f'href="{link}">Child in need plan from 3 February 2025</a>' in text
