"""The project's settings plus django-cors-headers, for the cors page.

Select it with DJANGO_SETTINGS_MODULE=cors.django_app.settings; in your
own project, these lines go at the end of settings.py.
"""

# ruff: noqa: F405  (names from the project's settings)

# --8<-- [start:setup]
import os

from project.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "corsheaders"]
# First, so that it answers a preflight before the rest runs.
MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    *MIDDLEWARE,
]
# The front ends that may call the API, from the environment:
# DJANGO_CORS_ORIGINS="https://app.example.com" (several: spaces
# between). Unset, none may; never CORS_ALLOW_ALL_ORIGINS.
CORS_ALLOWED_ORIGINS = os.environ.get("DJANGO_CORS_ORIGINS", "").split()
# Their requests may carry cookies, and only theirs.
CORS_ALLOW_CREDENTIALS = True
# Only the API's URLs, and only what the front end sends.
CORS_URLS_REGEX = r"^/cors/api/"
CORS_ALLOW_METHODS = ["GET", "POST"]
CORS_ALLOW_HEADERS = ["content-type"]
# A browser may reuse a preflight answer for ten minutes.
CORS_PREFLIGHT_MAX_AGE = 600
# --8<-- [end:setup]
