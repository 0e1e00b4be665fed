"""Settings for the password-reset example: the project's settings plus a mailer.

Select it with DJANGO_SETTINGS_MODULE=password_reset.django_app.settings.
"""

import django

from project.settings import *  # noqa: F403  (the shared base)

# --8<-- [start:mail]
# Development: `python -m aiosmtpd -n` on port 8025 prints each message.
SMTP = {"host": "localhost", "port": 8025, "timeout": 10}
if django.VERSION >= (6, 1):
    # Django 6.1 configures mail in MAILERS and deprecates
    # EMAIL_BACKEND, EMAIL_HOST...
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": SMTP,
        }
    }
else:  # pragma: no cover  (Django 5.2: the LTS run imports this branch)
    EMAIL_HOST = SMTP["host"]
    EMAIL_PORT = SMTP["port"]
    EMAIL_TIMEOUT = SMTP["timeout"]
DEFAULT_FROM_EMAIL = "noreply@example.com"
# --8<-- [end:mail]

# --8<-- [start:tokens]
# Tokens come from django.contrib.auth.tokens; only their lifetime is
# a setting: seconds a reset link works (Django's default: 3 days).
PASSWORD_RESET_TIMEOUT = 3600
# --8<-- [end:tokens]
