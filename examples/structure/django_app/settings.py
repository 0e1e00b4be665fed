"""The bookshop's settings, as a project of its own (`--settings structure.django_app.settings`).

(This site's shared project, examples/project/, installs the same apps too.)
"""

import os
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2]

# --8<-- [start:root]
# No default: the project refuses to start without a key from the
# environment.
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.staticfiles",
    # The project's own apps, each with its models, views, templates
    # and tests.
    "structure.django_app.catalog",
    "structure.django_app.reviews",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "structure.django_app.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
    },
]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("DJANGO_DB", EXAMPLES / "shop.sqlite3"),
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
STATIC_URL = "static/"
USE_TZ = True

# The reviews app's own setting.
REVIEWS_PER_BOOK = 20
# --8<-- [end:root]
