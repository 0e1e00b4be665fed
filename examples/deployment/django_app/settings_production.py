"""Production settings: the project's settings, hardened, with secrets from the environment.

Select it with DJANGO_SETTINGS_MODULE=deployment.django_app.settings_production.
"""

# --8<-- [start:settings]
import os

import django
from django.core.exceptions import ImproperlyConfigured

# Start from the development settings.
from project.settings import *  # noqa: F403
from project.settings import BASE_DIR


def env(name, default=None):
    value = os.environ.get(name, default)
    if not value:
        raise ImproperlyConfigured(
            f"Set the {name} environment variable."
        )
    return value


SECRET_KEY = env("DJANGO_SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env("DJANGO_ALLOWED_HOSTS").split(",")

# HTTPS: the proxy in front terminates TLS and says so in
# X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
# Raise it once HTTPS works.
SECURE_HSTS_SECONDS = int(env("DJANGO_HSTS_SECONDS", "3600"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preloading needs a year-long max-age and a request to browser
# makers: opt in later, on purpose. Until then, silence the one check
# that asks for it.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# collectstatic copies every app's static files here for the web server.
STATIC_ROOT = env("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles"))

# Mail goes out over SMTP. Django 6.1's startproject writes a console
# mailer, which `check --deploy` refuses (mail.E001); Django 5.2
# already sends over SMTP, to EMAIL_HOST.
if django.VERSION >= (6, 1):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": env("DJANGO_EMAIL_HOST", "localhost")},
        }
    }
# --8<-- [end:settings]
