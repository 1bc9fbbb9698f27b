"""Under production settings (KINFOLK_ENV=production): Django's deployment checks pass with
warnings as failures, and every page carries the security headers and secure cookies."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def production_env(tmp_path_factory) -> dict[str, str]:
    work = tmp_path_factory.mktemp("production")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "KINFOLK_", "PYTEST_"))
    }
    env.update(
        KINFOLK_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="kinfolk.example.org",
        DATABASE_URL=f"sqlite:///{work / 'kinfolk.sqlite3'}",
        STATIC_ROOT=str(work / "static"),
    )
    return env


def test_the_deployment_checks_pass_with_warnings_as_failures(production_env):
    result = subprocess.run(
        [sys.executable, "-m", "kinfolk.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=production_env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.fixture(scope="module")
def seen(production_env) -> dict:
    result = subprocess.run(  # noqa: S603 - this interpreter, a script of this package
        [sys.executable, str(Path(__file__).with_name("production_headers.py"))],
        env=production_env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("page", ["sign_in", "signed_in"])
def test_every_page_carries_the_security_headers(seen, page):
    response = seen[page]
    assert response["status"] == 200
    headers = response["headers"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    csp = headers["Content-Security-Policy"]
    for directive in ("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'"):
        assert directive in csp
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in headers["Permissions-Policy"]
    assert "geolocation=()" in headers["Permissions-Policy"]
    assert "no-store" in headers["Cache-Control"]


def test_cookies_are_secure_and_the_session_cookie_is_not_for_scripts(seen):
    for page in ("sign_in", "signed_in"):
        for name, cookie in seen[page]["cookies"].items():
            assert cookie["secure"] is True, (page, name)
            assert cookie["samesite"] == "Lax", (page, name)
    session = seen["signed_in"]["cookies"]["sessionid"]
    assert session["httponly"] is True
    assert "csrftoken" in seen["sign_in"]["cookies"]


def test_plain_http_is_sent_to_https(seen):
    response = seen["plain_http"]
    assert response["status"] == 301
    assert response["headers"]["Location"] == "https://kinfolk.example.org/sign-in/"
