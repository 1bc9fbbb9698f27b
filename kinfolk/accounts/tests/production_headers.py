"""Run by test_production.py in a process of its own, under production settings: migrate a
fresh database, sign a synthetic worker in, and print the headers of the sign-in page and of
a signed-in page as JSON, as a browser behind the TLS proxy would receive them."""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinfolk.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings, setup_test_environment  # noqa: E402

from conftest import signed_in  # noqa: E402
from kinfolk.workforce.choices import Role  # noqa: E402
from kinfolk.workforce.services import create_worker  # noqa: E402

setup_test_environment()
# The pages link static files by their plain names: hashing them (collectstatic) is proved by
# .ci/production-check, and nothing here depends on it.
override_settings(
    STORAGES={
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
).enable()
call_command("migrate", verbosity=0, interactive=False)
worker = create_worker(
    username="pat_production",
    display_name="Pat Production",
    role=Role.SOCIAL_WORKER,
    password="production-check-password",
)
proxy = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_HOST": os.environ["ALLOWED_HOSTS"]}


def seen(response) -> dict:
    return {
        "status": response.status_code,
        "headers": dict(response.headers),
        "cookies": {name: dict(morsel) for name, morsel in response.cookies.items()},
    }


print(
    json.dumps(
        {
            "sign_in": seen(Client().get("/sign-in/", **proxy)),
            "plain_http": seen(Client().get("/sign-in/", HTTP_HOST=proxy["HTTP_HOST"])),
            "signed_in": seen(signed_in(worker).get("/account/password/", **proxy)),
        }
    )
)
