"""Letters to a child's family: written for a recipient, previewed, produced as a PDF kept with
the letter, each download an export in the child's access log."""

import datetime as dt
import hashlib
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from conftest import signed_in
from kinfolk.access.choices import AccessAction
from kinfolk.access.models import AccessRecord
from kinfolk.casework.services import authorise_assessment, open_referral, start_assessment
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.letters.models import Letter
from kinfolk.letters.services import produce_letter
from kinfolk.people.services import move_child_to_address, relate_new_adult
from kinfolk.protection.choices import ConferenceKind
from kinfolk.protection.tests.factories import ConferenceFactory


def pdf_text(content: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)
    return " ".join(text.split())


@pytest.fixture
def mother(child):
    move_child_to_address(
        child=child,
        postcode="WN1 1AA",
        line_1="12 Larch Grove",
        town="Wigan",
        start_on=dt.date(2024, 1, 1),
    )
    return relate_new_adult(
        child=child, kind="mother", first_name="Dana", last_name="Smith", lives_with=True
    ).other_adult


def url(child, kind):
    return reverse("letters:letter-create", args=[child.pk]) + f"?kind={kind}"


def date_fields(name, day):
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def test_a_conference_invitation_is_previewed_then_produced(child, mother, social_worker):
    conference = ConferenceFactory(
        child=child, kind=ConferenceKind.REVIEW, held_on=dt.date(2025, 6, 2)
    )
    client = signed_in(social_worker)
    address = f"{url(child, 'conference_invitation')}&conference={conference.pk}"
    opened = client.get(address)
    form = opened.context["form"]
    assert form.initial["conference_kind"] == "review"
    assert form.initial["meeting_on"] == dt.date(2025, 6, 2)
    assert form.initial["recipient_address"] == "12 Larch Grove\nWigan\nWN1 1AA"
    assert dict(form.fields["recipient"].choices)[str(mother.pk)] == "Dana Smith (mother)"
    values = {
        "recipient": str(mother.pk),
        "recipient_address": "12 Larch Grove\nWigan\nWN1 1AA",
        "conference_kind": "review",
        **date_fields("meeting_on", dt.date(2025, 6, 2)),
        "meeting_time": "10am",
        "place": "Room 4, Civic Centre",
        "purpose": "To see how the plan for Lily is going.",
    }

    preview = client.post(address, values)

    assert preview.status_code == 200
    assert not preview.context["form"].errors
    page = " ".join(preview.content.decode().split())
    assert "Dear Dana Smith," in page
    assert "It will be held on 2 June 2025 at 10am, at Room 4, Civic Centre." in page
    assert Letter.objects.count() == 0

    produced = client.post(address, {**values, "produce": "1"})

    letter = Letter.objects.get()
    assert produced.status_code == 302
    assert (
        produced["Location"] == reverse("letters:letter", args=[child.pk]) + f"?letter={letter.pk}"
    )
    assert (letter.kind, letter.recipient_name, letter.conference, letter.produced_by) == (
        "conference_invitation",
        "Dana Smith",
        conference,
        social_worker,
    )
    assert letter.subject == "Review child protection conference about Lily Smith"
    assert letter.body.split("\n\n")[1] == "To see how the plan for Lily is going."
    assert letter.pdf_sha256 == hashlib.sha256(bytes(letter.pdf)).hexdigest()
    text = pdf_text(bytes(letter.pdf))
    assert "Dear Dana Smith," in text
    assert "Room 4, Civic Centre" in text
    entry = ChronologyEntry.objects.filter(child=child).latest("pk")
    assert entry.summary == "Invitation to a child protection conference sent to Dana Smith"


def test_a_letter_to_someone_else_needs_their_name(child, social_worker):
    response = signed_in(social_worker).post(
        url(child, "before_proceedings"),
        {"recipient": "other", "recipient_address": "1 High Street"},
    )
    errors = response.context["form"].errors
    assert errors["recipient_name"] == ["Enter the name of the person the letter is to"]
    assert errors["concerns"] == ["Say what the local authority is worried about"]
    assert errors["meeting_on"] == ["Enter the date of the meeting"]


def test_the_letter_before_proceedings_states_legal_advice_and_a_family_meeting(
    child, social_worker
):
    client = signed_in(social_worker)
    values = {
        "recipient": "other",
        "recipient_name": "Jo Bloggs",
        "recipient_address": "3 Elm Road\nWigan",
        "concerns": "Lily has often been left alone at night.",
        "must_change": "An adult must be at home with Lily every night.",
        **date_fields("meeting_on", dt.date(2025, 7, 14)),
        "meeting_time": "2pm",
        "place": "Civic Centre",
        "produce": "1",
    }
    assert client.post(url(child, "before_proceedings"), values).status_code == 302
    letter = Letter.objects.get()

    download = client.get(
        reverse("letters:letter", args=[child.pk]) + f"?letter={letter.pk}&format=pdf"
    )

    assert download["Content-Type"] == "application/pdf"
    assert download.content == bytes(letter.pdf)
    text = pdf_text(download.content)
    assert "Letter before proceedings about Lily Smith" in text
    assert "Lily has often been left alone at night." in text
    assert "You have the right to free legal advice" in text
    assert "family group decision-making meeting" in text
    assert "14 July 2025 at 2pm, at Civic Centre" in text
    export = AccessRecord.objects.filter(child=child).latest("pk")
    assert (export.action, export.what) == (
        AccessAction.EXPORT,
        "Child record: letter, PDF downloaded",
    )
    assert ChronologyEntry.objects.filter(child=child, kind="letter").get().is_significant


def test_the_outcome_of_an_assessment_is_written_from_an_authorised_one(child, social_worker):
    open_referral(child=child, referral_on=dt.date(2025, 1, 6), source="1A")
    assessment = start_assessment(child=child, started_on=dt.date(2025, 1, 7))
    authorise_assessment(
        assessment=assessment,
        authorised_on=dt.date(2025, 2, 20),
        factors=["21"],
        is_imported=True,
    )
    client = signed_in(social_worker)
    listing = client.get(reverse("letters:letters", args=[child.pk])).content.decode()
    assert "Outcome of the assessment authorised on 20 February 2025" in listing
    response = client.post(
        url(child, "assessment_outcome") + f"&assessment={assessment.pk}",
        {
            "recipient": "other",
            "recipient_name": "Jo Bloggs",
            "recipient_address": "3 Elm Road",
            "assessment": assessment.pk,
            "findings": "Lily is doing well at home.",
            "next_steps": "We will close the case.",
        },
    )
    page = " ".join(response.content.decode().split())
    assert "It started on 7 January 2025 and was completed on 20 February 2025." in page


def test_the_service_refuses_an_assessment_not_authorised(child):
    open_referral(child=child, referral_on=dt.date(2025, 1, 6), source="1A")
    assessment = start_assessment(child=child, started_on=dt.date(2025, 1, 7))
    with pytest.raises(ValidationError) as refused:
        produce_letter(
            child=child,
            kind="assessment_outcome",
            recipient_name="Jo",
            recipient_address="3 Elm Road",
            subject="S",
            body="B",
            pdf=b"%PDF-1.7",
            assessment=assessment,
        )
    assert refused.value.message_dict == {
        "assessment": ["Choose one of the child's authorised assessments"]
    }
