"""Coéduc settings: one module, everything that differs between machines comes from the environment.

Every variable is listed with its default in the README ("Settings").
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .logconfig import logging_settings

PROJECT_DIR = Path(__file__).resolve().parent  # site/
BASE_DIR = PROJECT_DIR.parent  # the checkout


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    # Only ever on a developer's machine: DEBUG has to be asked for explicitly.
    SECRET_KEY = "django-insecure-development-only-key-never-use-it-in-production"  # noqa: S105
if not DEBUG and (len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure")):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random string of at least 50 characters "
        "(python -c 'import secrets; print(secrets.token_urlsafe(50))'). "
        "Set DEBUG=1 only on a development machine."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", SITE_URL)

INSTALLED_APPS = [
    # Coéduc, from the base to the features (a lower app never imports a higher one; the
    # layers are checked by import-linter, see [tool.importlinter] in pyproject.toml).
    "core",
    "parents",
    "workshops",
    "guides",
    "ambassadors",
    "rooms",
    "observatory",
    "coeduc.home",
    "coeduc",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "parents.apps.WagtailUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail",
    "modelcluster",
    "taggit",
    "csp",  # its system checks
    # Accounts
    "allauth",
    "allauth.account",
    # Real time and background work
    "channels",
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # django-csp's, the admin set apart; early, so that every page gets it, 400 pages included.
    "coeduc.security.ContentSecurityPolicyMiddleware",
    # Database unreachable: a 503 page, not a 500. Before the session and auth middlewares,
    # which may be the ones that query it (coeduc.outage).
    "coeduc.outage.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "coeduc.locale_middleware.LocaleMiddleware",  # no 404 redirect for the admin
    "coeduc.security.RequestSizeLimitMiddleware",
    "coeduc.security.RejectNulBytesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "coeduc.urls"
CSRF_FAILURE_VIEW = "coeduc.errors.csrf_failure"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "coeduc.context_processors.site",
            ],
        },
    },
]

ASGI_APPLICATION = "coeduc.asgi.application"
WSGI_APPLICATION = None

# --- Storage -------------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writes are serialised by SQLite; IMMEDIATE takes the write lock at BEGIN so that the
    # "lock, recount, insert" services stay correct, and WAL lets readers go on meanwhile.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and int(
    os.environ.get("DATABASE_POOL_SIZE", "20")
):
    # Under ASGI every request may run in its own thread, each with its own connection: a
    # burst of sign-ups went past PostgreSQL's 100 connections. The pool makes them queue.
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # required by the pool
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 2,
        "max_size": int(os.environ.get("DATABASE_POOL_SIZE", "20")),
        # How long a request waits for a connection before its 503 page (coeduc.outage):
        # while PostgreSQL is down, every page waits this long.
        "timeout": float(os.environ.get("DATABASE_POOL_TIMEOUT", "10")),
        # A connection attempt given up after 5 s of retries (the pool's default backoff
        # doubles up to 5 minutes): the next request starts a fresh one, so pages come back
        # within seconds of PostgreSQL, however long it was away.
        "reconnect_timeout": 5,
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A server that does not answer at all (machine down, network cut): fail in seconds, not
    # after the system's TCP timeout of minutes.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5"))
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
# redis-py's pool defaults to 100 connections and a 5 s idle read timeout: past ~100
# simultaneous WebSocket connects the layer raised MaxConnectionsError (django/channels_redis#422).
REDIS_MAX_CONNECTIONS = int(os.environ.get("REDIS_MAX_CONNECTIONS", "1000"))
# Which channels-redis layer carries group messages (README, "Measured": bench/rooms_fanout.py).
# "core": a copy of each group message per member, queued in Redis and popped by each process.
# "pubsub": one PUBLISH per group message, fanned out to the members inside each process.
CHANNEL_LAYER_BACKENDS = {
    "core": "channels_redis.core.RedisChannelLayer",
    "pubsub": "channels_redis.pubsub.RedisPubSubChannelLayer",
}
CHANNEL_LAYER = os.environ.get("CHANNEL_LAYER", "pubsub")
if CHANNEL_LAYER not in CHANNEL_LAYER_BACKENDS:
    raise ImproperlyConfigured(f"CHANNEL_LAYER must be one of {', '.join(CHANNEL_LAYER_BACKENDS)}")
CHANNEL_LAYER_BACKEND = CHANNEL_LAYER_BACKENDS[CHANNEL_LAYER]
# Redis pub/sub channels ignore the database number: without it in the prefix, two sites (or
# test runs) on one Redis with different databases would hear each other's rooms.
CHANNEL_LAYER_PREFIX = f"coeduc.{urlsplit(REDIS_URL).path.strip('/') or 0}"

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "coeduc",
        }
    }
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": CHANNEL_LAYER_BACKEND,
            "CONFIG": {
                "hosts": [
                    {
                        "address": REDIS_URL,
                        "max_connections": REDIS_MAX_CONNECTIONS,
                        "socket_timeout": None,
                    }
                ],
                "prefix": CHANNEL_LAYER_PREFIX,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# --- Guides ---------------------------------------------------------------------------------
# The page type the guides' index lives under (the guides app does not know the site's pages).
GUIDES_INDEX_PARENT_PAGE_TYPES = ["home.HomePage"]

# --- Accounts ------------------------------------------------------------------------------
AUTH_USER_MODEL = "parents.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
# A page restricted to signed-in people sends them to Coéduc's sign-in (by code), not to
# Wagtail's password-only form.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
LOGIN_REDIRECT_URL = "parents:account"

ACCOUNT_ADAPTER = "parents.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email", "phone"}
# A parent signs up with an e-mail address *or* a mobile number, a password optional: the form
# asks for one of the two (allauth's W001 would want one of them required for everyone).
ACCOUNT_SIGNUP_FIELDS = ["email", "phone", "password1"]
ACCOUNT_SIGNUP_FORM_CLASS = "parents.forms.SignupForm"
ACCOUNT_FORMS = {
    "login": "parents.login_forms.LoginForm",
    "request_login_code": "parents.login_forms.RequestLoginCodeForm",
}
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 10 * 60
ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS = 3
# A contact is proven (a code sent to it, typed back) before an account can sign in with it
# or be linked to what was done with it: otherwise anyone could open an account in someone
# else's name, with a password of their own, and wait for her (account pre-hijacking).
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_PHONE_VERIFICATION_ENABLED = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = True
# The reverse proxies (load balancers) in front of the server, as addresses or networks
# ("10.0.0.5,10.1.0.0/16"); empty: clients connect directly. uvicorn gets the same list
# (--forwarded-allow-ips, see the Makefile and the README) and puts the client's address in
# REMOTE_ADDR; parents.client_ip applies the same rule again, so the address is right whatever
# the server. allauth must not read X-Forwarded-For a second time, hence a count of 0: its
# per-address limits and the guest sign-up limit see each family, not the proxy.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "")
ALLAUTH_TRUSTED_PROXY_COUNT = 0
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "request_login_code": "20/m/ip,3/m/key",
    "change_phone": "1/m/user",
    "reset_password": "20/m/ip,5/m/key",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Coéduc — "
SILENCED_SYSTEM_CHECKS = ["account.W001"]

# --- Workshops and ambassador path -----------------------------------------------------------
# Accepted guest sign-ups per 10 minutes from one address for one workshop.
WORKSHOPS_SIGNUP_RATE_LIMIT = int(os.environ.get("WORKSHOPS_SIGNUP_RATE_LIMIT", "10"))
# Accepted guest sign-ups per hour from one address, all workshops (a social centre's Wi-Fi, a
# carrier's shared address: high enough for a busy day), and per 10 minutes for one contact.
WORKSHOPS_SIGNUP_ADDRESS_LIMIT = int(os.environ.get("WORKSHOPS_SIGNUP_ADDRESS_LIMIT", "120"))
WORKSHOPS_SIGNUP_CONTACT_LIMIT = int(os.environ.get("WORKSHOPS_SIGNUP_CONTACT_LIMIT", "5"))
# Days a guest's first name and contacts are kept after the workshop (the nightly purge). At
# most 90: the sign-up form promises 3 months; at least 47: a month's observatory figures stay
# open up to 46 days after its first day and must not change under them.
WORKSHOPS_GUEST_DATA_DAYS = int(os.environ.get("WORKSHOPS_GUEST_DATA_DAYS", "90"))
if not 47 <= WORKSHOPS_GUEST_DATA_DAYS <= 90:
    raise ImproperlyConfigured("WORKSHOPS_GUEST_DATA_DAYS must be between 47 and 90.")
AMBASSADORS_INACTIVITY_MONTHS = int(os.environ.get("AMBASSADORS_INACTIVITY_MONTHS", "6"))
AMBASSADORS_REVIEW_AFTER_REMINDER_DAYS = int(
    os.environ.get("AMBASSADORS_REVIEW_AFTER_REMINDER_DAYS", "30")
)
AMBASSADORS_MAX_ACTIVE_MENTORSHIPS = int(os.environ.get("AMBASSADORS_MAX_ACTIVE_MENTORSHIPS", "3"))

# --- Help rooms ----------------------------------------------------------------------------
ROOMS_MESSAGE_MAX_LENGTH = int(os.environ.get("ROOMS_MESSAGE_MAX_LENGTH", "1000"))
# Per person, every room together: at most this many messages in this many seconds.
ROOMS_RATE_LIMIT_MESSAGES = int(os.environ.get("ROOMS_RATE_LIMIT_MESSAGES", "5"))
ROOMS_RATE_LIMIT_SECONDS = int(os.environ.get("ROOMS_RATE_LIMIT_SECONDS", "10"))
# A question nobody has claimed after this long is listed for the facilitators.
ROOMS_UNANSWERED_AFTER_MINUTES = int(os.environ.get("ROOMS_UNANSWERED_AFTER_MINUTES", "30"))
# Voice messages: their length and size are checked on the server, from the file itself; the
# files live outside MEDIA_ROOT, served only by the rooms' view to who may read the room.
ROOMS_VOICE_MAX_SECONDS = int(os.environ.get("ROOMS_VOICE_MAX_SECONDS", "120"))
ROOMS_VOICE_MAX_BYTES = int(os.environ.get("ROOMS_VOICE_MAX_BYTES", str(2 * 1024 * 1024)))
ROOMS_VOICE_ROOT = Path(os.environ.get("ROOMS_VOICE_ROOT", BASE_DIR / "var" / "private" / "voice"))

SMS_BACKEND = os.environ.get("SMS_BACKEND", "core.sms.ConsoleBackend")
SMS_FILE_PATH = os.environ.get("SMS_FILE_PATH", str(BASE_DIR / "var" / "sms"))

# --- E-mail --------------------------------------------------------------------------------
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = os.environ.get(
        "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
    )
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Coéduc <ne-pas-repondre@coeduc.fr>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Who answers questions about personal data (the data protection officer), on the privacy page.
PRIVACY_CONTACT_EMAIL = os.environ.get("PRIVACY_CONTACT_EMAIL", "dpo@coeduc.fr")

# --- Languages -----------------------------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English")), ("ar", _("Arabic"))]
LANGUAGES_BIDI = ["ar"]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Paris"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A new translation is a draft until an editor has translated and published it (not the French
# text live at once under lang="ar"); guides/translation_rules.py keeps it so.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_SITE_NAME = "Coéduc"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Wagtail's login form with its password label translated (Wagtail leaves it in English).
WAGTAILADMIN_USER_LOGIN_FORM = "coeduc.admin_strings.AdminLoginForm"
# No Gravatar: the CSP allows no other host (and it would tell Gravatar who uses the admin);
# avatars are Wagtail's local default or an uploaded picture.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):
    # Full-text search with French stemming (guides are written in French first).
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "french"

# --- Static and media ----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
# The app serves MEDIA_ROOT itself (safely: site/media.py) unless a web server does it.
MEDIA_SERVE = env_bool("MEDIA_SERVE", True)

# Open Badges: the Ed25519 key that signs credentials (PEM or base64 seed); without it, a key
# made once in BADGE_SIGNING_KEY_FILE (ambassadors/badge_proof.py).
BADGE_SIGNING_KEY = os.environ.get("BADGE_SIGNING_KEY", "")
BADGE_SIGNING_KEY_FILE = Path(
    os.environ.get("BADGE_SIGNING_KEY_FILE", BASE_DIR / "var" / "badge_signing_key.pem")
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed (gzip + brotli when available) with hashed names, cached forever by clients.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Backups -------------------------------------------------------------------------------
# Where `manage.py backup` writes its archives (README, "Backups"): never inside MEDIA_ROOT.
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "var" / "backups"))

# --- Security ------------------------------------------------------------------------------
SECURE_HTTPS = env_bool("SECURE_HTTPS", not DEBUG and SITE_URL.startswith("https://"))
SESSION_COOKIE_SECURE = SECURE_HTTPS
CSRF_COOKIE_SECURE = SECURE_HTTPS
SECURE_SSL_REDIRECT = SECURE_HTTPS
SECURE_HSTS_SECONDS = 31536000 if SECURE_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HTTPS
SECURE_HSTS_PRELOAD = SECURE_HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE_HTTPS else None
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
# Self-hosted everything: no CDN, no external font, no tracker, no inline script or style
# (django-csp). 'self' in connect-src also covers the rooms' ws:// and wss:// to the same host
# (CSP Level 3). Wagtail's admin needs inline styles and scripts, so /admin/ and /django-admin/
# get a looser policy (coeduc.security.ADMIN_DIRECTIVES).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:"],
        # blob: a voice message recorded in the page, listened to before it is sent.
        "media-src": [SELF, "blob:"],
        "style-src": [SELF],
        "script-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
    }
}

# --- Upload and request size ---------------------------------------------------------------
MB = 1024 * 1024
# Guide images (Wagtail): 10 MB and 40 megapixels at most, refused with the form's message.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * MB
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * MB
# A form's fields (files aside): Django answers 400 above this.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * MB
# Files above this go to a temporary file rather than memory while a request is read.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * MB
# The whole request body, files included (Django has no such limit of its own): the 413 page
# above it (coeduc.security.RequestSizeLimitMiddleware). A web server in front should refuse it
# first: under ASGI the body is read before any middleware runs.
REQUEST_MAX_SIZE = max(WAGTAILIMAGES_MAX_UPLOAD_SIZE, WAGTAILDOCS_MAX_UPLOAD_SIZE) + 2 * MB

# No personal data in the logs (coeduc.logconfig: every handler filtered, uvicorn's included).
LOGGING = logging_settings(os.environ.get("LOG_LEVEL", "INFO"))
