"""Settings for the one Django project that hosts every topic's Django example.

Each cookbook topic keeps its Django code in examples/<topic>/django_app/.
A topic whose app has models, templates, static files or management commands
ships an apps.py and is installed below; its URLs are mounted by project/urls.py.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

# --8<-- [start:secrets]
# No default key: a key anyone can read signs anyone's session cookie.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "Set the DJANGO_SECRET_KEY environment variable. Make one "
        "with: python -c 'import secrets; print(secrets.token_hex())'"
    )
# Off unless asked for (DJANGO_DEBUG=1), so a server started without the
# variable never shows tracebacks and settings to strangers.
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
ALLOWED_HOSTS = os.environ.get(
    "DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost"
).split(",")
# --8<-- [end:secrets]

# Topics that need to be installed apps (they ship an apps.py).
TOPIC_APPS = sorted(f"{p.parent.parent.name}.django_app" for p in BASE_DIR.glob("*/django_app/apps.py"))
# A topic whose django_app is a package of several apps (structure) installs each of them.
TOPIC_APPS += sorted(".".join(p.parent.relative_to(BASE_DIR).parts) for p in BASE_DIR.glob("*/django_app/*/apps.py"))

# --8<-- [start:apps]
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    *TOPIC_APPS,
]
# --8<-- [end:apps]

# --8<-- [start:middleware]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
# --8<-- [end:middleware]

ROOT_URLCONF = "project.urls"

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
            ],
        },
    },
]

WSGI_APPLICATION = "project.wsgi.application"

# --8<-- [start:database]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("DJANGO_DB", BASE_DIR / "db.sqlite3"),
    }
}
# --8<-- [end:database]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# --8<-- [start:static]
# Where collectstatic copies every app's static files.
STATIC_ROOT = BASE_DIR / "staticfiles"
# --8<-- [end:static]

# A section named after a topic holds what that topic adds to a new project's
# settings: its "Run it" (macros/run_it.py) tells the reader to add those lines.
# --8<-- [start:auth]
# Where LoginRequiredMixin sends anonymous visitors.
LOGIN_URL = "/auth/login/"
# --8<-- [end:auth]
# --8<-- [start:api_frameworks]
# Django Ninja then serves Swagger UI from its own copy, not from a CDN.
INSTALLED_APPS += ["ninja"]
# --8<-- [end:api_frameworks]
