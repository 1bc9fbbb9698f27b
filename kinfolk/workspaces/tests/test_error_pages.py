"""The 403 and 404 pages, as they are served with DEBUG off: styled, and saying what to do
next."""

import pytest
from django.urls import reverse

from conftest import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _debug_off(settings):
    settings.DEBUG = False


def test_a_refused_page_says_what_permission_it_needs_and_what_to_do(analyst):
    response = signed_in(analyst).get(reverse("sign-off-queue"))
    assert response.status_code == 403
    assert response.templates[0].name == "403.html"
    html = response.content.decode()
    assert "You do not have permission to open this page" in html
    assert "This page is for staff whose role lets them do this:" in html
    assert (
        '<div class="govuk-inset-text">Sign off or return work that waits for a manager</div>'
        in html
    )
    assert "ask your manager" in html
    assert f'href="{reverse("home")}">Go to your workspace' in html
    assert 'class="govuk-service-navigation' in html


def test_a_missing_page_says_to_check_the_address_or_find_a_child(worker_client):
    response = worker_client.get("/children/999999/")
    assert response.status_code == 404
    assert response.templates[0].name == "404.html"
    html = response.content.decode()
    assert "Page not found" in html
    assert "check it is correct" in html
    assert f'href="{reverse("children:search")}">Search for a child' in html
    assert f'href="{reverse("home")}">Go to your workspace' in html


def test_an_unknown_address_is_the_same_page(worker_client):
    response = worker_client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
