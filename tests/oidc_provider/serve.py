"""Start the test identity provider: make its signing key, its database, its accounts and
Kinfolk's registration, then serve it on ``OIDC_PROVIDER_PORT`` of 127.0.0.1 until stopped."""

import os
import sys
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main() -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    os.environ["OIDC_PROVIDER_RSA_KEY"] = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode("ascii")
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.oidc_provider.settings"

    import django

    django.setup()

    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.core.servers.basehttp import run
    from django.core.wsgi import get_wsgi_application
    from oauth2_provider.models import Application

    from tests.oidc_provider import ACCOUNTS, CLIENT_ID, CLIENT_SECRET

    call_command("migrate", verbosity=0, interactive=False)
    for username, (password, name, email, groups) in ACCOUNTS.items():
        first, last = name.split(" ", 1)
        user = User.objects.create_user(
            username, email=email, password=password, first_name=first, last_name=last
        )
        user.groups.set(Group.objects.get_or_create(name=group)[0] for group in groups)
    Application.objects.create(
        name="Kinfolk",
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=os.environ["OIDC_PROVIDER_REDIRECT_URIS"],
        algorithm=Application.RS256_ALGORITHM,
        skip_authorization=True,
    )
    run("127.0.0.1", int(os.environ["OIDC_PROVIDER_PORT"]), get_wsgi_application(), threading=True)


if __name__ == "__main__":
    main()
