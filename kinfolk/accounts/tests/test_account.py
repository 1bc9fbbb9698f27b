"""Your own account page, and new recovery codes in place of the old ones."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken

from conftest import signed_in
from kinfolk.accounts import services
from kinfolk.accounts.tests.factories import authenticator_for
from kinfolk.accounts.tests.test_reauthenticate import _reauthenticate_url, _stale

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_codes(social_worker):
    authenticator_for(social_worker)
    return services.replace_recovery_codes(user=social_worker)


def test_the_account_page_says_how_you_sign_in_and_how_many_codes_are_left(
    social_worker, with_codes
):
    StaticToken.objects.filter(token__in=with_codes[:8]).delete()  # eight used
    page = signed_in(social_worker).get(reverse("account")).content.decode()
    assert social_worker.display_name in page
    assert "2 unused codes left" in page
    assert "You have few recovery codes left" in page
    assert reverse("recovery-codes-replace") in page
    assert f'href="{reverse("account")}"' in page  # the header names you, and links here


def test_new_recovery_codes_replace_the_old_after_a_recent_sign_in(social_worker, with_codes):
    client = signed_in(social_worker)
    _stale(client)
    url = reverse("recovery-codes-replace")
    assert client.post(url)["Location"] == _reauthenticate_url(url)
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(with_codes)

    client = signed_in(social_worker)
    response = client.post(url)
    assert response["Location"] == reverse("sign-in-recovery-codes") + "?next=/account/"
    shown = client.get(response["Location"]).content.decode()
    new = set(StaticToken.objects.values_list("token", flat=True))
    assert len(new) == 10 and not new & set(with_codes)
    assert "You have new recovery codes" in shown
    assert all(code in shown for code in new)
    # Shown once: the page does not show them again.
    assert client.get(reverse("sign-in-recovery-codes")).status_code == 302


def test_without_an_authenticator_there_are_no_codes_to_replace(social_worker, settings, client):
    settings.KINFOLK_REQUIRE_TWO_FACTOR = False
    client.force_login(social_worker)
    page = client.get(reverse("account")).content.decode()
    assert "Not set up" in page and reverse("recovery-codes-replace") not in page
    assert client.get(reverse("recovery-codes-replace"))["Location"] == reverse("account")
