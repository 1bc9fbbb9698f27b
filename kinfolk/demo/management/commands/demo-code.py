"""``kinfolk demo-code USERNAME``: the code a demo account's authenticator app would show now,
so that the demo can be signed in to without a phone. Only for the demo's accounts (their
authenticator is the demo's, made by ``kinfolk demo``), and never in production."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_otp.plugins.otp_totp.models import TOTPDevice

from kinfolk.accounts.second_factor import current_code
from kinfolk.accounts.services import DEMO_AUTHENTICATOR_NAME


class Command(BaseCommand):
    help = "Print the current sign-in code of a demo account (not in production)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        if settings.IS_PRODUCTION:
            raise CommandError("demo-code does not run in production: demo accounts are not there")
        device = TOTPDevice.objects.filter(
            user__username=username, name=DEMO_AUTHENTICATOR_NAME, confirmed=True
        ).first()
        if device is None:
            raise CommandError(
                f"{username} is not a demo account: only `kinfolk demo` accounts have a code here"
            )
        self.stdout.write(current_code(device))
        self.stderr.write("Each code works once; a new one comes every 30 seconds.")
