"""Settings for Track inspection recommendations.

One module, driven by environment variables. The defaults give a safe production
posture; `make run` switches DEBUG on for the local demo.
"""

import hashlib
import os
import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


TRUE_WORDS = ("1", "true", "yes", "on")
FALSE_WORDS = ("0", "false", "no", "off")


def env_bool(name: str, default: bool) -> bool:
    """A yes/no variable. Anything but these words stops start-up: a mistyped
    DEBUG=ture must not quietly mean off."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name}={os.environ[name]!r} is not a yes/no value. Use one of "
        f"{', '.join(TRUE_WORDS)} or {', '.join(FALSE_WORDS)} (any case), or leave "
        f"{name} unset for the default ({'on' if default else 'off'})."
    )


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    """A whole-number variable, at least `minimum`; anything else stops start-up."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not re.fullmatch(r"-?[0-9]+", value) or int(value) < minimum:
        raise ImproperlyConfigured(
            f"{name}={os.environ[name]!r} is not a whole number of at least "
            f"{minimum}. Use digits only (for example {name}={default}), or leave "
            f"{name} unset for the default ({default})."
        )
    return int(value)


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [part.strip() for part in value.split(",") if part.strip()]


def env_hosts(name: str, default: list[str]) -> list[str]:
    """Comma-separated site names, each with an optional :port, in lower case. Unset
    gives the default; set but empty gives none. Anything else stops start-up."""
    value = os.environ.get(name)
    if value is None:
        return default
    hosts = [part.strip().lower() for part in value.split(",") if part.strip()]
    for host in hosts:
        if not re.fullmatch(r"(?:[a-z0-9-]+\.)*[a-z0-9-]+(?::[0-9]{1,5})?", host):
            raise ImproperlyConfigured(
                f"{name} entry {host!r} is not a site name. Give names only, "
                f"separated by commas (for example {name}=example.org,other.org), "
                "with :port only for a port other than 443; or set it empty for none."
            )
    return hosts


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long "
            "random value (for example the output of `python -c 'import secrets; "
            "print(secrets.token_urlsafe(50))'`), or set DEBUG=1 for local "
            "development only."
        )
    # Local development only: never used with DEBUG off.
    SECRET_KEY = "django-insecure-local-development-only"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "config.apps.TrackerAdminConfig",  # Django's admin, signed into as the tracker
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_filters",
    "django_htmx",
    "simple_history",
    "recommendations",
    "oversight",
    "accounts",
]
# The benchmark's commands (benchmarks/) are installed only where the benchmark runs:
# `make bench`, `make bench-quickstart` and `make bench-import` set BENCHMARK=1.
if env_bool("BENCHMARK", False):
    INSTALLED_APPS.append("benchmarks")

# The headers every response carries come first, so that an error page made by a
# later middleware (a foreign Host refused by CommonMiddleware, a database that is
# down) still gets them.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "recommendations.middleware.RefuseNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "recommendations.middleware.SessionRenewalMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "recommendations.middleware.NoStoreMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "builtins": ["recommendations.templatetags.tracker"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "recommendations.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("postgresql") and env_bool(
    "DATABASE_JIT_OFF", True
):
    # No JIT compilation: the tracker's queries are short, and on its larger ones
    # (exports, counts over every item) compiling cost more than it saved (the
    # export's query at 100,000 items: 1.2 s with JIT, 0.84 s without; README,
    # Performance). A startup option of each connection; behind a pooler that
    # refuses startup options (PgBouncer unless ignore_startup_parameters names
    # "options"), set DATABASE_JIT_OFF=0 and turn it off on the role instead:
    # ALTER ROLE tracker SET jit = off.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = f"{_options.get('options', '')} -c jit=off".strip()
# Production runs with two PostgreSQL roles (README, Production): the application
# connects as DATABASE_URL's role, which reads and writes rows but owns nothing, so
# it cannot truncate, alter or drop the history tables or their triggers; `migrate`
# connects as this role, which owns the schema (recommendations.dbroles). Same
# database, another role; unset, `migrate` runs as DATABASE_URL's role.
MIGRATION_DATABASE = (
    dj_database_url.parse(os.environ["MIGRATION_DATABASE_URL"], conn_max_age=0)
    if os.environ.get("MIGRATION_DATABASE_URL")
    else None
)
if MIGRATION_DATABASE is not None:
    _app_database = DATABASES["default"]
    if not (
        MIGRATION_DATABASE["ENGINE"] == _app_database["ENGINE"]
        and _app_database["ENGINE"].endswith("postgresql")
        and MIGRATION_DATABASE["NAME"] == _app_database["NAME"]
    ):
        raise ImproperlyConfigured(
            "MIGRATION_DATABASE_URL must name the same PostgreSQL database as "
            "DATABASE_URL (only the role, and perhaps the host, differ)."
        )
    if not (
        MIGRATION_DATABASE["USER"]
        and _app_database["USER"]
        and MIGRATION_DATABASE["USER"] != _app_database["USER"]
    ):
        raise ImproperlyConfigured(
            "MIGRATION_DATABASE_URL and DATABASE_URL must each name their user, and "
            "different ones: the owner role migrates, the application's own role "
            "owns nothing."
        )
# The cache (recommendations.figures: cached totals and page fragments, keyed on
# the data marker; the sign-in provider's metadata). Unset: each process keeps its
# own. CACHE_URL=redis://host:6379/0 (or rediss:// for TLS) shares one between every
# app process and machine, through Django's own Redis backend.
CACHE_URL = os.environ.get("CACHE_URL", "").strip()
if CACHE_URL.startswith(("redis://", "rediss://")):
    # Several deployments may share one Redis: each keeps to its own prefix, by
    # default one made from the database it serves (two deployments of one
    # database share their figures, as they should; two databases never do).
    _served = DATABASES["default"]
    _database = ":".join(
        str(_served.get(part)) for part in ("ENGINE", "HOST", "PORT", "NAME")
    )
    CACHES = {
        "default": {
            # Redis not answering is a slower page, never an error (config.cache).
            "BACKEND": "config.cache.ForgivingRedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX")
            or "tracker-" + hashlib.sha256(_database.encode()).hexdigest()[:12],
            # A Redis that hangs costs a page a second at most, then it is a miss.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
elif CACHE_URL not in ("", "locmem://"):
    raise ImproperlyConfigured(
        f"CACHE_URL={CACHE_URL!r} is not one the tracker knows: use "
        "redis://host:port/db, rediss://... or leave it unset (a cache per process)."
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "recommendations:item_list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
# English only: the service ships no translations. Translation lookups cost about a
# quarter of a list page's rendering (docs/performance.md); a Welsh-language version
# would ship catalogues and set USE_I18N=1.
USE_I18N = env_bool("USE_I18N", False)
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "var" / "static")
# Only the build output is published; the Sass sources stay private.
STATICFILES_DIRS = [("dist", BASE_DIR / "static" / "dist")]

# Evidence files live outside every public path and are served only through an
# access-checked view, never by URL.
EVIDENCE_ROOT = Path(os.environ.get("EVIDENCE_ROOT") or BASE_DIR / "var" / "evidence")
EVIDENCE_MAX_BYTES = env_int("EVIDENCE_MAX_BYTES", 10 * 1024 * 1024)
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": EVIDENCE_ROOT, "base_url": None},
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Sessions end after inactivity and on sign-out. A request renews the clock, writing
# the session at most once a minute (recommendations.middleware.SessionRenewal)
# rather than on every request: one database write per page saved.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_SECONDS", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = False
SESSION_RENEW_AFTER_SECONDS = 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_HTTPONLY = True

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# Email: Django 6.1's MAILERS, built from the usual EMAIL_* environment variables.
# SMTP in production; the console in local development; tests use memory.
EMAIL_BACKEND_PATH = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
MAILERS = {
    "default": {
        "BACKEND": EMAIL_BACKEND_PATH,
        "OPTIONS": {
            "host": os.environ.get("EMAIL_HOST", "localhost"),
            "port": env_int("EMAIL_PORT", 25),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", False),
            "timeout": env_int("EMAIL_TIMEOUT", 30),
        }
        if EMAIL_BACKEND_PATH.endswith("smtp.EmailBackend")
        else {},
    }
}
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Inspection tracker <tracker@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Change reasons are mandatory on tracked models (see recommendations.history).
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
SIMPLE_HISTORY_REVERT_DISABLED = True

ITEMS_PER_PAGE = env_int("ITEMS_PER_PAGE", 50, minimum=1)
# Days ahead in which an open item is "due soon": Amber in its RAG rating, and
# listed as due soon on the dashboard. One window for both, so they agree.
DUE_SOON_DAYS = env_int("DUE_SOON_DAYS", 30)

# Single sign-on with the force's identity provider (OpenID Connect); off unless set.
OIDC_ENABLED = env_bool("OIDC_ENABLED", False)
OIDC_ISSUER = os.environ.get("OIDC_ISSUER", "")
OIDC_CLIENT_ID = os.environ.get("OIDC_CLIENT_ID", "")
OIDC_CLIENT_SECRET = os.environ.get("OIDC_CLIENT_SECRET", "")
OIDC_SCOPES = os.environ.get("OIDC_SCOPES", "openid")
# Seconds by which the provider's clock may run ahead of or behind this server's when
# an ID token's issued-at, not-before and expiry times are checked.
OIDC_CLOCK_SKEW_SECONDS = env_int("OIDC_CLOCK_SKEW_SECONDS", 60)
if OIDC_ENABLED and not (OIDC_ISSUER and OIDC_CLIENT_ID):
    raise ImproperlyConfigured("OIDC_ENABLED needs OIDC_ISSUER and OIDC_CLIENT_ID.")

# Sign-in throttling: failures counted over the last SIGNIN_LOCKOUT_MINUTES.
SIGNIN_MAX_FAILURES_PER_ACCOUNT = env_int(
    "SIGNIN_MAX_FAILURES_PER_ACCOUNT", 5, minimum=1
)
SIGNIN_MAX_FAILURES_PER_ADDRESS = env_int(
    "SIGNIN_MAX_FAILURES_PER_ADDRESS", 20, minimum=1
)
SIGNIN_LOCKOUT_MINUTES = env_int("SIGNIN_LOCKOUT_MINUTES", 15, minimum=1)
# Only behind a proxy that sets it: otherwise anyone could choose their address.
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "accounts.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "security": {"class": "logging.StreamHandler", "formatter": "json"},
    },
    "loggers": {
        "tracker.security": {
            "handlers": ["security"],
            "level": "INFO",
            "propagate": False,
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

SERVICE_NAME = os.environ.get("SERVICE_NAME", "Track inspection recommendations")
ORGANISATION_NAME = os.environ.get(
    "ORGANISATION_NAME", "Office of the Police and Crime Commissioner"
)

# The address people use to reach the service; links in reminder emails start here.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# The "as at" index keeps the last AS_AT_KEEP_DAYS days and the last day of each of
# the last AS_AT_KEEP_MONTH_ENDS months (what panels compare); `indexpastdays`
# prunes the rest, whose views then search the history directly (slower, same
# answer). Each kept day holds one row per item: see recommendations.asat.
AS_AT_KEEP_DAYS = env_int("AS_AT_KEEP_DAYS", 31)
AS_AT_KEEP_MONTH_ENDS = env_int("AS_AT_KEEP_MONTH_ENDS", 24)
# Reminders list a lead's items that are overdue or due within this many days.
REMINDER_DUE_WITHIN_DAYS = env_int("REMINDER_DUE_WITHIN_DAYS", 14)
# Largest spreadsheet an administrator may upload to load a report.
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 5 * 1024 * 1024)
# Largest report PDF or saved web page, uploaded or fetched from its web address
# (a 60-page report with its charts is typically 1-8 MB, past the spreadsheet
# limit above); the PDF is read in a child process limited in time and memory.
IMPORT_DOCUMENT_MAX_BYTES = env_int(
    "IMPORT_DOCUMENT_MAX_BYTES", 30 * 1024 * 1024, minimum=1
)
# Sites a report may be fetched from by its web address (recommendations.loading
# .fetch): exact names, https on port 443, or "name:port" for another port. Where
# HMICFRS publishes: its pages (and the older ones under www.../hmicfrs/) and the
# PDFs behind them. Set but empty (IMPORT_URL_HOSTS=) switches the feature off.
IMPORT_URL_HOSTS = env_hosts(
    "IMPORT_URL_HOSTS",
    [
        "hmicfrs.justiceinspectorates.gov.uk",
        "assets-hmicfrs.justiceinspectorates.gov.uk",
        "www.justiceinspectorates.gov.uk",
    ],
)
# Seconds a fetch may take in all (every redirect, connection and read together).
IMPORT_URL_TIMEOUT_SECONDS = env_int("IMPORT_URL_TIMEOUT_SECONDS", 20, minimum=1)
# Certificate authorities trusted for those sites: a file of PEM certificates, or
# unset for the Mozilla bundle that ships with certifi.
IMPORT_URL_CA_BUNDLE = os.environ.get("IMPORT_URL_CA_BUNDLE") or None
# Tests only, never from the environment: lets the fetch reach stand-in servers on
# loopback (127.0.0.0/8, ::1). Private and other local networks stay refused.
IMPORT_URL_ALLOW_LOOPBACK_FOR_TESTS = False
