"""Settings of the gongkai site.

Every file lives in one data directory, `GONGKAI_HOME` (default: `$XDG_DATA_HOME/gongkai`, i.e.
`~/.local/share/gongkai`; see `gongkai.site.home`): the embedded SQLite database, uploads, static
files and the two secrets. Production: a database URL in `GONGKAI_DATABASE_URL` (e.g.
postgres://user@host/gongkai). Importing these settings creates nothing; the commands prepare the
directory first.
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

import dj_database_url
import django_stubs_ext

from gongkai.site import environment
from gongkai.site.home import (
    DATABASE_FILE,
    HASH_KEY_FILE,
    SECRET_KEY_FILE,
    data_home,
    read_secret,
)

django_stubs_ext.monkeypatch()  # generic admin and form classes, e.g. ModelAdmin[Agency]

DATA_DIR = data_home()

# Django's key (sessions, CSRF); rotating it logs everyone out and nothing more. In memory only when
# the settings are imported without a prepared data directory (the tests).
SECRET_KEY = (
    os.environ.get("GONGKAI_SECRET_KEY")
    or read_secret(DATA_DIR / SECRET_KEY_FILE)
    or secrets.token_urlsafe(50)
)
# Keys the hashes of tracking codes and applicants' ID numbers (gongkai.site.home.keyed_hash).
GONGKAI_HASH_KEY = os.environ.get("GONGKAI_HASH_KEY") or read_secret(DATA_DIR / HASH_KEY_FILE) or ""
DEBUG = os.environ.get("GONGKAI_DEBUG", "") == "1"
ALLOWED_HOSTS = [
    h for h in os.environ.get("GONGKAI_ALLOWED_HOSTS", "localhost,127.0.0.1").split(",") if h
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "gongkai.ledger",
    "gongkai.portal",
    "gongkai.oversight",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "gongkai.site.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "gongkai.site.urls"
WSGI_APPLICATION = "gongkai.site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gongkai.ledger.context.navigation",
                "gongkai.oversight.context.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("GONGKAI_DATABASE_URL", f"sqlite:///{DATA_DIR / DATABASE_FILE}"),
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Wait for a writer rather than fail at once; write transactions take the lock up front.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    # A file, not memory, for tests too: a live server's threads must share the database.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Staff passwords: 10 characters at least, not a common password, not all digits, not the user's
# name (rejects e.g. clerk123 and 20262026). Django's messages are in Chinese (zh-hans).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "gongkai.site.accounts.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# A staff session lasts about one working day, not Django's two weeks.
SESSION_COOKIE_AGE = 10 * 3600
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "ledger:queue"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "zh-hans"
# The only language: Django's own messages (e.g. the password rules) stay Chinese whatever the
# browser asks for in Accept-Language.
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"  # made by collectstatic when `gongkai serve` starts
WHITENOISE_USE_FINDERS = True  # app static files are served even before collectstatic

# Uploaded identity documents: outside the web root, never served by the static files handler.
GONGKAI_UPLOAD_DIR = DATA_DIR / "uploads"
FILE_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024  # larger uploads spool to a temporary file
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 5
# Uploaded report archives wait here for a worker process (`gongkai corpus work`, started by the
# site): at most GONGKAI_IMPORT_WORKERS at once, each run bounded in memory and CPU time.
GONGKAI_IMPORT_DIR = Path(os.environ.get("GONGKAI_IMPORT_DIR") or DATA_DIR / "imports")
GONGKAI_IMPORT_COMMAND = [sys.executable, "-m", "gongkai"]
GONGKAI_IMPORT_WORKERS = max(1, environment.integer("GONGKAI_IMPORT_WORKERS", 1))
GONGKAI_IMPORT_MEMORY_MB = environment.integer("GONGKAI_IMPORT_MEMORY_MB", 3072)
GONGKAI_IMPORT_CPU_SECONDS = environment.integer("GONGKAI_IMPORT_CPU_SECONDS", 1800)
# The day the site takes as today (gongkai.site.clock), an ISO date; unset, the real local date.
# For tests and for showing the site as of a chosen day, never for production.
GONGKAI_TODAY = os.environ.get("GONGKAI_TODAY") or None
# Notification senders by channel (dotted paths); unset channels only write to the outbox.
# e.g. GONGKAI_SENDERS="email=gongkai.ledger.notify.email_sender"; mail via EMAIL_* below.
GONGKAI_SENDERS: dict[str, str] = environment.senders()
EMAIL_HOST = os.environ.get("GONGKAI_EMAIL_HOST", "localhost")
EMAIL_PORT = environment.integer("GONGKAI_EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("GONGKAI_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("GONGKAI_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = environment.flag("GONGKAI_EMAIL_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("GONGKAI_EMAIL_FROM", "webmaster@localhost")

# Counts of the rate limits and of failed logins: in the database, so that they hold across every
# process of the site (`gongkai serve` creates the table).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "gongkai_cache",
    }
}
# The client's address is read from X-Forwarded-For only when the direct peer is one of these
# reverse proxies (addresses or CIDR blocks); by default, none: the direct peer is the client.
GONGKAI_TRUSTED_PROXIES = environment.networks("GONGKAI_TRUSTED_PROXIES")

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# HTTPS (GONGKAI_HTTPS=1): cookies only over HTTPS, HTTP redirected, HSTS. Off for the local demo.
# Behind a reverse proxy that terminates TLS, GONGKAI_PROXY_SSL_HEADER=1 trusts its
# X-Forwarded-Proto (the proxy must set it and strip the client's own).
_HTTPS = environment.flag("GONGKAI_HTTPS")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT = _HTTPS
SECURE_HSTS_SECONDS = environment.integer("GONGKAI_HSTS_SECONDS", 31_536_000) if _HTTPS else 0
if environment.flag("GONGKAI_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = environment.words("GONGKAI_CSRF_TRUSTED_ORIGINS")

# Personal data (ID numbers, phone numbers) is never logged: the ledger logs ids only.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
