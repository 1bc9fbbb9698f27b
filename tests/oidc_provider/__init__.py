"""A council identity provider for the tests: a small Django project of its own, serving
django-oauth-toolkit's OpenID Connect provider on a free port of this machine, in a process
of its own (``serve.py``).

Its RSA signing key is made when it starts; it knows two synthetic council accounts, one in
groups that map to a Kinfolk role and team and one in none; and it registers Kinfolk as a
confidential client that signs in with the authorisation code flow and PKCE.
"""

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLIENT_ID = "kinfolk-test-client"
CLIENT_SECRET = "kinfolk-test-client-secret"
#: The council accounts the provider knows: username, password, name, e-mail and groups.
ACCOUNTS = {
    "pat_council": (
        "council-test-password",
        "Pat Council",
        "pat.council@example.org",
        ["kinfolk-social-workers", "kinfolk-assessment-north", "all-staff"],
    ),
    "nia_nogroup": ("council-test-password", "Nia Nogroup", "nia@example.org", ["all-staff"]),
}
#: The mappings Kinfolk is configured with for this provider.
ROLE_GROUPS = {"kinfolk-social-workers": "social_worker", "kinfolk-managers": "team_manager"}
TEAM_GROUPS = {"kinfolk-assessment-north": "Assessment North"}


@dataclass(frozen=True)
class Provider:
    url: str

    @property
    def issuer(self) -> str:
        return f"{self.url}/o"

    def kinfolk_settings(self) -> dict[str, object]:
        """Kinfolk's settings for signing in with this provider."""
        return {
            "KINFOLK_OIDC_ISSUER": self.issuer,
            "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{self.issuer}/authorize/",
            "OIDC_OP_TOKEN_ENDPOINT": f"{self.issuer}/token/",
            "OIDC_OP_USER_ENDPOINT": f"{self.issuer}/userinfo/",
            "OIDC_OP_JWKS_ENDPOINT": f"{self.issuer}/.well-known/jwks.json",
            "OIDC_RP_SIGN_ALGO": "RS256",
            "KINFOLK_OIDC_ROLE_GROUPS": ROLE_GROUPS,
            "KINFOLK_OIDC_TEAM_GROUPS": TEAM_GROUPS,
        }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running_provider(redirect_uris: list[str]) -> Iterator[Provider]:
    """The provider, started for the ``with`` block and stopped after it."""
    port = _free_port()
    with tempfile.TemporaryDirectory(prefix="kinfolk-oidc-provider-") as work:
        env = {
            **os.environ,
            "OIDC_PROVIDER_PORT": str(port),
            "OIDC_PROVIDER_DB": str(Path(work) / "provider.sqlite3"),
            "OIDC_PROVIDER_REDIRECT_URIS": " ".join(redirect_uris),
            "PYTHONPATH": str(ROOT),
        }
        env.pop("DJANGO_SETTINGS_MODULE", None)
        log = open(Path(work) / "provider.log", "w+")  # noqa: SIM115 - closed below
        process = subprocess.Popen(  # noqa: S603 - this interpreter, this file
            [sys.executable, str(Path(__file__).with_name("serve.py"))],
            env=env,
            cwd=str(ROOT),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        provider = Provider(url=f"http://127.0.0.1:{port}")
        try:
            _wait_until_ready(provider, process, log)
            yield provider
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()


def _wait_until_ready(provider: Provider, process: subprocess.Popen, log) -> None:
    deadline = time.monotonic() + 60
    discovery = f"{provider.issuer}/.well-known/openid-configuration"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"The test identity provider stopped:\n{log.read()}")
        try:
            with urllib.request.urlopen(discovery, timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    log.seek(0)
    raise RuntimeError(f"The test identity provider did not start:\n{log.read()}")
