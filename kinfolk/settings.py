"""Kinfolk settings: one module, configured by environment variables.

``KINFOLK_ENV`` chooses the profile: ``development`` (the default, used by the demo and the tests)
or ``production``. Production refuses to start without ``SECRET_KEY`` and ``ALLOWED_HOSTS``.
``DATABASE_URL`` selects the database; without it Kinfolk uses the embedded SQLite file.
"""

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
ENV = os.environ.get("KINFOLK_ENV", "development")
IS_PRODUCTION = ENV == "production"


def _env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _env_mapping(name: str) -> dict[str, str]:
    """A JSON object of strings from the environment (empty when unset)."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as error:
        raise ImproperlyConfigured(f"{name} is not valid JSON: {error}") from error
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise ImproperlyConfigured(f"{name} must be a JSON object of strings to strings")
    return value


if IS_PRODUCTION:
    try:
        SECRET_KEY = os.environ["SECRET_KEY"]
    except KeyError as missing:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when KINFOLK_ENV=production"
        ) from missing
    ALLOWED_HOSTS = _env_list("ALLOWED_HOSTS")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set when KINFOLK_ENV=production")
    DEBUG = False
else:
    SECRET_KEY = os.environ.get(
        "SECRET_KEY", "development-only-key-not-for-production-use-kinfolk-0123456789"
    )
    ALLOWED_HOSTS = _env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
    DEBUG = os.environ.get("DEBUG", "1") == "1"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "mozilla_django_oidc",
    "simple_history",
    "kinfolk.core",
    "kinfolk.chronology",
    "kinfolk.access",
    "kinfolk.people",
    "kinfolk.workforce",
    "kinfolk.documents",
    # Django's admin for reference data, after the workforce, whose templates dress it.
    "kinfolk.workforce.administration.apps.ReferenceDataAdminConfig",
    "kinfolk.accounts",
    "kinfolk.casework",
    "kinfolk.frontdoor",
    "kinfolk.protection",
    "kinfolk.care",
    "kinfolk.leaving",
    "kinfolk.permanence",
    "kinfolk.letters",
    "kinfolk.oversight",
    "kinfolk.participation",
    "kinfolk.audits",
    "kinfolk.registers",
    "kinfolk.allegations",
    "kinfolk.complaints",
    "kinfolk.privatefostering",
    "kinfolk.duties",
    "kinfolk.workspaces",
    "kinfolk.returns",
    "kinfolk.records",
    "kinfolk.journeys",
    "kinfolk.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Before the policy: someone half signed in (password, no code yet) reaches only the
    # sign-in steps (docs/sign-in.md).
    "kinfolk.accounts.middleware.TwoFactorRequiredMiddleware",
    "kinfolk.access.policy.PolicyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "kinfolk.accounts.middleware.SessionLifetimeMiddleware",
    "kinfolk.accounts.middleware.NoStoreMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kinfolk.urls"
FORM_RENDERER = "kinfolk.core.forms.GovukRenderer"
WSGI_APPLICATION = "kinfolk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kinfolk.core.context_processors.service",
                "kinfolk.access.context_processors.policy",
                "kinfolk.workspaces.context_processors.menu",
                "kinfolk.access.notices.break_glass_notices",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'kinfolk.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
# Every request is one transaction, so that the access record of a page is written together
# with the response, and a failing service call leaves nothing half-written.
DATABASES["default"]["ATOMIC_REQUESTS"] = True
# The embedded SQLite file serves a team at once: readers never wait for the writer (WAL), a
# request that cannot have the database waits for it (busy timeout, in seconds) instead of
# failing with "database is locked", and every transaction takes the write lock when it begins
# (IMMEDIATE), so that a transaction that reads and then writes (every page logs its access)
# never finds the database taken between the two.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": int(os.environ.get("KINFOLK_SQLITE_TIMEOUT_SECONDS", "30")),
        }
    )
    # Tests run on a file too, not in memory, so that they meet the database as a team does:
    # each connection its own, waiting for the write lock (docs/architecture.md, "The
    # database"). One file per test process, removed when the tests end.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"kinfolk-test-{os.getpid()}.sqlite3")
    }


DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "workforce.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Answers no one unless the council's identity provider is configured (below).
    "kinfolk.accounts.oidc.CouncilAccountBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Sign-in lockout (django-axes): five failures lock the username, from the address they came
# from, for 30 minutes. The pair is locked, not the account alone, so that an outsider cannot
# lock a chosen member of staff out by typing wrong passwords for them; nor the address alone,
# because a council's staff share a few outgoing addresses and whole offices would be locked.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.5"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# Failed sign-ins are kept too, for each worker's sign-in history (docs/user-administration.md).
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# The address is the connection's own, unless KINFOLK_PROXY_COUNT says how many proxies stand
# in front of Kinfolk: then it is the one the outermost proxy saw, read from the right of
# X-Forwarded-For (django-ipware), where a client cannot write it.
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("KINFOLK_PROXY_COUNT", "0")) or None
AXES_IPWARE_PROXY_ORDER = "right-most"
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)

# The second factor (docs/sign-in.md): after the password, the code of an authenticator app
# (django-otp's TOTP device) or a recovery code (its static device).
KINFOLK_REQUIRE_TWO_FACTOR = os.environ.get("KINFOLK_REQUIRE_TWO_FACTOR", "1") == "1"
OTP_TOTP_ISSUER = os.environ.get("KINFOLK_AUTHORITY_NAME", "") or "Kinfolk"
# Minutes within which a sensitive action needs no new proof of who the person is.
KINFOLK_REAUTHENTICATE_MINUTES = int(os.environ.get("KINFOLK_REAUTHENTICATE_MINUTES", "15"))

# Signing in with the council's identity provider (OpenID Connect, mozilla-django-oidc):
# offered when the issuer, the endpoints and the client's credentials are all set.
KINFOLK_OIDC_ISSUER = os.environ.get("KINFOLK_OIDC_ISSUER", "")
OIDC_RP_CLIENT_ID = os.environ.get("KINFOLK_OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("KINFOLK_OIDC_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("KINFOLK_OIDC_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("KINFOLK_OIDC_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("KINFOLK_OIDC_USERINFO_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("KINFOLK_OIDC_JWKS_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = os.environ.get("KINFOLK_OIDC_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = os.environ.get("KINFOLK_OIDC_SCOPES", "openid email profile")
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10
KINFOLK_OIDC_USERNAME_CLAIM = os.environ.get("KINFOLK_OIDC_USERNAME_CLAIM", "preferred_username")
KINFOLK_OIDC_GROUPS_CLAIM = os.environ.get("KINFOLK_OIDC_GROUPS_CLAIM", "groups")
# {"IdP group": "Kinfolk role code"} and {"IdP group": "Kinfolk team name"}.
KINFOLK_OIDC_ROLE_GROUPS = _env_mapping("KINFOLK_OIDC_ROLE_GROUPS")
KINFOLK_OIDC_TEAM_GROUPS = _env_mapping("KINFOLK_OIDC_TEAM_GROUPS")

# Idle timeout: the session lasts this long after the last request.
SESSION_COOKIE_AGE = int(os.environ.get("KINFOLK_SESSION_IDLE_MINUTES", "30")) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
# Absolute lifetime: the session ends this long after sign-in, however active.
KINFOLK_SESSION_MAX_HOURS = float(os.environ.get("KINFOLK_SESSION_MAX_HOURS", "10"))

# E-mail (password reset links): printed to the console unless a backend is configured.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "0") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "kinfolk@localhost")
PASSWORD_RESET_TIMEOUT = int(os.environ.get("KINFOLK_PASSWORD_RESET_MINUTES", "60")) * 60

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Production serves the files that ``kinfolk collectstatic`` gathers (into ``STATIC_ROOT``,
# by default build/collected); development serves them straight from their folders.
STATIC_ROOT = (
    Path(os.environ.get("STATIC_ROOT", BASE_DIR / "build" / "collected")) if IS_PRODUCTION else None
)
# ``make assets`` copies GOV.UK Frontend and MOJ Frontend out of node_modules into build/.
STATICFILES_DIRS = [BASE_DIR / "static", BASE_DIR / "build" / "static"]
# The front-end stylesheets refer to fonts and images at /assets/, which whitenoise serves.
WHITENOISE_ROOT = BASE_DIR / "build" / "root"
# Uploaded documents (kinfolk.documents, docs/documents.md). On the file system they are kept
# under MEDIA_ROOT, which is never served: a document is only handed out by its download page,
# which checks who asks and logs it. With KINFOLK_S3_BUCKET set they go to S3-compatible
# object storage through django-storages (the ``s3`` extra installs boto3).
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
_S3_BUCKET = os.environ.get("KINFOLK_S3_BUCKET", "")
_DOCUMENT_STORAGE: dict[str, Any] = (
    {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": _S3_BUCKET,
            "endpoint_url": os.environ.get("KINFOLK_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("KINFOLK_S3_REGION") or None,
            "location": os.environ.get("KINFOLK_S3_PREFIX", "kinfolk"),
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    if _S3_BUCKET
    else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
)
#: The largest document that may be uploaded, in bytes (20 MB).
KINFOLK_DOCUMENT_MAX_BYTES = int(os.environ.get("KINFOLK_DOCUMENT_MAX_BYTES", 20 * 1024 * 1024))
#: What checks an uploaded document for viruses: ClamAV's daemon in production, a stand-in
#: that finds only the EICAR test file elsewhere (kinfolk/documents/scanning.py).
KINFOLK_DOCUMENT_SCANNER = os.environ.get(
    "KINFOLK_DOCUMENT_SCANNER",
    "kinfolk.documents.scanning.ClamdScanner"
    if IS_PRODUCTION
    else "kinfolk.documents.scanning.EicarStandIn",
)
# clamd's Unix socket (Debian's by default), unless its TCP address is given.
KINFOLK_CLAMD_SOCKET = os.environ.get(
    "KINFOLK_CLAMD_SOCKET", "" if "KINFOLK_CLAMD_HOST" in os.environ else "/run/clamav/clamd.ctl"
)
KINFOLK_CLAMD_HOST = os.environ.get("KINFOLK_CLAMD_HOST", "127.0.0.1")
KINFOLK_CLAMD_PORT = int(os.environ.get("KINFOLK_CLAMD_PORT", "3310"))
STORAGES = {
    "default": _DOCUMENT_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if IS_PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
# Browser features no page of Kinfolk uses, switched off for every page (Permissions-Policy,
# django-permissions-policy).
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "usb",
        "xr-spatial-tracking",
    )
}

if IS_PRODUCTION:
    SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = _env_list("CSRF_TRUSTED_ORIGINS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Kinfolk's own settings.
KINFOLK_AUTHORITY_NAME = os.environ.get("KINFOLK_AUTHORITY_NAME", "")
# How many results a person search shows at most.
KINFOLK_SEARCH_LIMIT = 50

# Local duty rules (docs/duties.md): the values an authority may change.
KINFOLK_SCREENING_WORKING_DAYS = int(os.environ.get("KINFOLK_SCREENING_WORKING_DAYS", "1"))
KINFOLK_CP_VISIT_WORKING_DAYS = int(os.environ.get("KINFOLK_CP_VISIT_WORKING_DAYS", "10"))
KINFOLK_CASE_SUPERVISION_MONTHS = int(os.environ.get("KINFOLK_CASE_SUPERVISION_MONTHS", "1"))
# Management oversight (docs/oversight.md): personal supervision of a worker within this many
# months of the last; a child in need episode open longer than this many months is long open.
KINFOLK_PERSONAL_SUPERVISION_MONTHS = int(
    os.environ.get("KINFOLK_PERSONAL_SUPERVISION_MONTHS", "1")
)
KINFOLK_LONG_OPEN_MONTHS = int(os.environ.get("KINFOLK_LONG_OPEN_MONTHS", "12"))
# Local child protection standards (docs/child-protection-meetings.md): a strategy discussion
# within this many working days of its trigger, else a delay reason; conference invitations sent
# at least this many working days before; reports shared with the parents at least this many.
KINFOLK_STRATEGY_WORKING_DAYS = int(os.environ.get("KINFOLK_STRATEGY_WORKING_DAYS", "1"))
KINFOLK_CONFERENCE_NOTICE_WORKING_DAYS = int(
    os.environ.get("KINFOLK_CONFERENCE_NOTICE_WORKING_DAYS", "5")
)
KINFOLK_REPORT_SHARED_WORKING_DAYS = int(os.environ.get("KINFOLK_REPORT_SHARED_WORKING_DAYS", "1"))
# Weeks in pre-proceedings after which a child's record shows an alert (docs/domain.md stage 13).
KINFOLK_PLO_ALERT_WEEKS = int(os.environ.get("KINFOLK_PLO_ALERT_WEEKS", "16"))
# How long break-the-glass opens a restricted record to the person who broke it (docs/access.md).
KINFOLK_BREAK_GLASS_HOURS = int(os.environ.get("KINFOLK_BREAK_GLASS_HOURS", "4"))
# Caseload caps by role (docs/caseloads.md): how many children's cases a worker of each role
# holds before a manager must give a reason to allocate them another. The figures are common
# local practice in English councils, not a national rule: about 18 children for a social
# worker in a locality team (the level many authorities' workforce strategies aim for), 25 care
# leavers for a personal adviser, 15 for an adoption social worker, whose cases are long and
# court-bound, and 10 for a team manager who also holds cases. A role not named has no cap.
KINFOLK_CASELOAD_CAPS = {
    "social_worker": 18,
    "personal_adviser": 25,
    "adoption_worker": 15,
    "team_manager": 10,
}
# A newly qualified social worker's protected caseload in their assessed and supported year in
# employment (the 12 months after ``User.qualified_on``); the ASYE framework asks for a reduced
# caseload, and 12 (two thirds of the social worker cap) is a common local figure.
KINFOLK_NQSW_CASELOAD_CAP = int(os.environ.get("KINFOLK_NQSW_CASELOAD_CAP", "12"))
# How many changes of allocated social worker in 12 months put a child on the team's list of
# children with frequent changes (docs/caseloads.md; docs/domain.md finding 30).
KINFOLK_WORKER_CHANGES_THRESHOLD = int(os.environ.get("KINFOLK_WORKER_CHANGES_THRESHOLD", "3"))
