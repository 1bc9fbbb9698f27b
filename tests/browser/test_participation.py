"""A social worker offers a child in care an independent visitor, matches one, and records
that the child was told how to complain; a manager adds a consultation to the children in
care council's log (docs/participation.md). Every page is photographed and checked with
axe."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from kinfolk.participation.models import (
    Consultation,
    IndependentVisitorOffer,
    ToldHowToComplain,
)
from kinfolk.participation.tests.conftest import in_care
from tests.browser.conftest import assert_accessible, screenshot, sign_in
from tests.browser.test_casework import choose, fill_date, sign_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_matched_a_child_told_how_to_complain_and_a_consultation_logged(
    page: Page, social_worker, manager
):
    today = timezone.localdate()
    ava = in_care("C7", social_worker)
    sign_in(page, social_worker.username)
    page.goto(f"/children/{ava.pk}/")
    expect(page.get_by_text("Not yet told")).to_be_visible()
    screenshot(page, "participation-summary-not-told")
    page.get_by_role("link", name="Participation", exact=True).click()
    expect(page.get_by_role("heading", name="Voice and participation", level=1)).to_be_visible()
    screenshot(page, "participation-child")
    assert_accessible(page)

    page.get_by_role("link", name="Offer an independent visitor").click()
    fill_date(page, "Date offered", today - dt.timedelta(days=30))
    choose(page, "The child's answer", "Accepted")
    screenshot(page, "participation-offer")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Offer of an independent visitor recorded")).to_be_visible()
    expect(page.get_by_text("Waiting for a match")).to_be_visible()

    page.get_by_role("link", name="Match a visitor").click()
    page.get_by_label("Visitor's name").fill("Jo Volunteer")
    fill_date(page, "Date matched", today - dt.timedelta(days=40))
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The match cannot be before the offer")).to_have_count(2)
    screenshot(page, "participation-match-error")
    assert_accessible(page)
    fill_date(page, "Date matched", today - dt.timedelta(days=2))
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Independent visitor matched")).to_be_visible()
    assert IndependentVisitorOffer.objects.get().visitor_name == "Jo Volunteer"

    page.get_by_role("link", name="Record that the child was told how to complain").click()
    fill_date(page, "Date told", today)
    choose(page, "How", "Leaflet")
    screenshot(page, "participation-told")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Recorded that the child was told how to complain")).to_be_visible()
    assert ToldHowToComplain.objects.get().how == "leaflet"
    screenshot(page, "participation-child-recorded")
    assert_accessible(page)
    sign_out(page)

    sign_in(page, manager.username)
    page.get_by_role("link", name="Participation", exact=True).click()
    page.get_by_role("link", name="Children in care council: you said, we did").click()
    page.get_by_role("link", name="Record a consultation").click()
    page.get_by_label("Topic").fill("Pocket money")
    page.get_by_label("What the children said").fill("It does not cover the bus.")
    page.get_by_label("What the council did").fill("Pocket money raised by a tenth.")
    page.get_by_label("By whom").fill("Head of service")
    page.get_by_label("Children in care who took part").fill("C7")
    page.get_by_label("Others taking part, not named: 11 to 15").fill("2")
    screenshot(page, "participation-consultation-form")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Consultation recorded")).to_be_visible()
    expect(page.get_by_text("3 took part")).to_be_visible()
    screenshot(page, "participation-consultations")
    assert_accessible(page)
    assert Consultation.objects.get().topic == "Pocket money"

    page.goto("/participation/independent-visitors/?show=never")
    expect(page.get_by_text("Showing 0 of 0")).to_be_visible()
    assert_accessible(page)
    page.goto("/participation/advocacy-themes/")
    assert_accessible(page)
