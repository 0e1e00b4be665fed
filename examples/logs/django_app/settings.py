"""Settings for the logging example: the project's settings plus a request id and LOGGING.

Select it with DJANGO_SETTINGS_MODULE=logs.django_app.settings.
"""

import django

from project.settings import *  # noqa: F403  (the shared base)

# --8<-- [start:request_id]
# First, so that every other middleware's log lines carry the id too.
MIDDLEWARE = [
    "logs.django_app.middleware.RequestIdMiddleware",
    *MIDDLEWARE,  # noqa: F405
]
# --8<-- [end:request_id]

# --8<-- [start:config]
LOGGING = {
    "version": 1,
    # Keep the loggers that Django has already made.
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {
            "()": "logs.django_app.middleware.RequestIdFilter",
        },
        "require_debug_false": {
            "()": "django.utils.log.RequireDebugFalse",
        },
    },
    "formatters": {
        "line": {
            "format": "{asctime} {levelname} [{request_id}] {name}:"
            " {message}",
            "style": "{",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "line",
        },
        # Emails each ERROR record, a 500's traceback included, to
        # ADMINS; only when DEBUG is off.
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "root": {"level": "INFO", "handlers": ["console"]},
    # Django's records go up to the root's console handler, and errors
    # also by email.
    "loggers": {
        "django": {"handlers": ["mail_admins"], "level": "INFO"},
    },
}

# Who gets the emails. Django 6.0 and later take addresses and warn
# about (name, address) pairs; Django 5.2 accepts only pairs.
if django.VERSION >= (6, 0):
    ADMINS = ["ops@example.com"]
else:
    ADMINS = [("Ops", "ops@example.com")]
# --8<-- [end:config]
