"""Settings of the gongkai site.

Embedded default: SQLite in `GONGKAI_DATA_DIR` (default `./var`). Production: a database URL in
`GONGKAI_DATABASE_URL` (e.g. postgres://user@host/gongkai). The secret key comes from
`GONGKAI_SECRET_KEY`, or is generated once and kept in the data directory.
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

import dj_database_url
import django_stubs_ext

django_stubs_ext.monkeypatch()  # generic admin and form classes, e.g. ModelAdmin[Agency]

DATA_DIR = Path(os.environ.get("GONGKAI_DATA_DIR", "var")).resolve()


def _secret_key() -> str:
    if key := os.environ.get("GONGKAI_SECRET_KEY"):
        return key
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
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
        os.environ.get("GONGKAI_DATABASE_URL", f"sqlite:///{DATA_DIR / 'gongkai.sqlite3'}"),
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Wait for a writer rather than fail at once; write transactions take the lock up front.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    # A file, not memory, for tests too: a live server's threads must share the database.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "ledger:queue"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = True  # app static files are served even before collectstatic

# Uploaded identity documents: outside the web root, never served by the static files handler.
GONGKAI_UPLOAD_DIR = DATA_DIR / "uploads"
FILE_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024  # larger uploads spool to a temporary file
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 5
# Uploaded report archives wait here for a worker process (`gongkai corpus work`, started by the
# site): at most GONGKAI_IMPORT_WORKERS at once, each run bounded in memory and CPU time.
GONGKAI_IMPORT_DIR = Path(os.environ.get("GONGKAI_IMPORT_DIR", DATA_DIR / "imports"))
GONGKAI_IMPORT_COMMAND = [sys.executable, "-m", "gongkai"]
GONGKAI_IMPORT_WORKERS = int(os.environ.get("GONGKAI_IMPORT_WORKERS", "1"))
GONGKAI_IMPORT_MEMORY_MB = int(os.environ.get("GONGKAI_IMPORT_MEMORY_MB", "3072"))
GONGKAI_IMPORT_CPU_SECONDS = int(os.environ.get("GONGKAI_IMPORT_CPU_SECONDS", "1800"))
# Notification senders by channel (dotted paths); unset channels only write to the outbox.
GONGKAI_SENDERS: dict[str, str] = {}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

# Personal data (ID numbers, phone numbers) is never logged: the ledger logs ids only.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
