"""Changing one's password, and resetting a forgotten one by e-mail, without telling anyone
whether an account exists."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from conftest import PASSWORD, signed_in

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "a-new-synthetic-passphrase-42"


@pytest.fixture
def with_email(social_worker):
    social_worker.email = "sam.social@example.org"
    social_worker.save(update_fields=["email"])
    return social_worker


def test_a_signed_in_worker_changes_their_password(social_worker):
    client = signed_in(social_worker)
    url = reverse("password_change")
    response = client.post(
        url,
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert "old_password" in response.context["form"].errors
    response = client.post(
        url,
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response["Location"] == reverse("password_change_done")
    social_worker.refresh_from_db()
    assert social_worker.check_password(NEW_PASSWORD)
    # Still signed in, second factor and all.
    assert client.get(reverse("password_change_done")).status_code == 200


def test_the_reset_page_says_the_same_whether_or_not_the_account_exists(client, with_email):
    known = client.post(reverse("password_reset"), {"email": "SAM.social@example.org"})
    unknown = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["sam.social@example.org"]
    assert mail.outbox[0].subject == "Set a new password for Kinfolk"
    assert "sam_social" in mail.outbox[0].body


def test_the_link_in_the_email_sets_a_new_password_and_the_code_is_still_asked(client, with_email):
    client.post(reverse("password_reset"), {"email": "sam.social@example.org"})
    link = re.search(r"http://testserver(/password-reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"] is True
    set_url = form_page.redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response["Location"] == reverse("password_reset_complete")
    with_email.refresh_from_db()
    assert with_email.check_password(NEW_PASSWORD)
    # The link works once.
    assert client.get(link, follow=True).context["validlink"] is False
    # A new password does not skip the second factor.
    response = client.post(reverse("login"), {"username": "sam_social", "password": NEW_PASSWORD})
    assert response["Location"] == reverse("sign-in-set-up")


def test_the_reset_form_reports_a_malformed_address(client):
    response = client.post(reverse("password_reset"), {"email": "not an address"})
    assert response.context["form"].errors == {
        "email": ["Enter an email address in the correct format, like name@example.org"]
    }
