"""The smallest Django set-up that serves the hello example: the benchmark's small app."""

import os

from django.core.exceptions import ImproperlyConfigured

# --8<-- [start:setup]
# The smallest app: the hello example's URLs, with no apps,
# middleware or database.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "Set the DJANGO_SECRET_KEY environment variable."
    )
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "hello.django_app.urls"
INSTALLED_APPS = []
MIDDLEWARE = []
# --8<-- [end:setup]
