"""The pages of an assessment and of a conference list the documents attached to them, and
offer to upload one to that record."""

import datetime as dt

import pytest
from django.urls import reverse

from kinfolk.casework.services import open_referral, start_assessment
from kinfolk.documents.services import upload_document
from kinfolk.documents.tests.files import PDF, upload
from kinfolk.protection.services import hold_initial_conference, start_section_47_enquiry

pytestmark = pytest.mark.django_db

D = dt.date


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def attached(child, record, title: str):
    return upload_document(
        child=child, file=upload("report.pdf", PDF), title=title, kind="report", attached_to=record
    )


def test_an_assessment_lists_its_documents_and_offers_an_upload(child, worker_client, media):
    open_referral(child=child, referral_on=D(2026, 9, 1), source="2A")
    assessment = start_assessment(child=child, started_on=D(2026, 9, 2))
    attached(child, assessment, "Health visitor's report")
    page = worker_client.get(
        reverse("casework:assessment-detail", args=[child.pk]) + f"?assessment={assessment.pk}"
    ).content.decode()
    assert "Health visitor&#x27;s report" in page
    upload_url = reverse("documents:upload", args=[child.pk]) + f"?assessment={assessment.pk}"
    assert f'href="{upload_url}"' in page
    form = worker_client.get(upload_url).content.decode()
    assert "Attached to" in form and "Assessment started on 2 September 2026" in form


def test_a_conference_lists_its_documents_and_offers_an_upload(child, worker_client, media):
    open_referral(child=child, referral_on=D(2026, 9, 1), source="2A")
    start_section_47_enquiry(child=child, started_on=D(2026, 9, 3))
    conference = hold_initial_conference(
        child=child, held_on=D(2026, 9, 21), is_plan_needed=True, category="NEG", is_imported=True
    )
    attached(child, conference, "Police report for conference")
    page = worker_client.get(
        reverse("protection:conference", args=[child.pk]) + f"?conference={conference.pk}"
    ).content.decode()
    assert "Police report for conference" in page
    upload_url = reverse("documents:upload", args=[child.pk]) + f"?conference={conference.pk}"
    assert f'href="{upload_url}"' in page
