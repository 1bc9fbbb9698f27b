"""``kinfolk demo-code``: the current code of a demo account, never of another account, never
in production."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from conftest import PASSWORD
from kinfolk.accounts.services import give_demo_authenticator
from kinfolk.accounts.tests.factories import authenticator_for

pytestmark = pytest.mark.django_db


def test_the_code_printed_signs_the_demo_account_in(client, social_worker):
    give_demo_authenticator(user=social_worker)
    printed = io.StringIO()
    call_command("demo-code", "sam_social", stdout=printed, stderr=io.StringIO())
    code = printed.getvalue().strip()
    assert len(code) == 6 and code.isdigit()
    client.post(reverse("login"), {"username": "sam_social", "password": PASSWORD})
    response = client.post(reverse("sign-in-code"), {"code": code})
    assert response["Location"] == reverse("home")


def test_another_account_has_no_code_printed(manager):
    authenticator_for(manager)
    with pytest.raises(CommandError, match="not a demo account"):
        call_command("demo-code", "meg_manager", stdout=io.StringIO())


def test_it_refuses_in_production(social_worker, settings):
    give_demo_authenticator(user=social_worker)
    settings.IS_PRODUCTION = True
    with pytest.raises(CommandError, match="does not run in production"):
        call_command("demo-code", "sam_social", stdout=io.StringIO())
