"""Settings for the signals example: the project's settings plus its middleware.

Select it with DJANGO_SETTINGS_MODULE=signals.django_app.settings.
"""

from project.settings import *  # noqa: F403  (the shared base)

# --8<-- [start:hooks]
# Middleware runs for every request, in this order on the way in,
# reversed on the way out.
MIDDLEWARE = [  # noqa: F405
    *MIDDLEWARE,  # noqa: F405
    "signals.django_app.middleware.TimingMiddleware",
]
# --8<-- [end:hooks]

# --8<-- [start:signals]
# Show this example's DEBUG lines in the runserver terminal.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"signals": {"handlers": ["console"], "level": "DEBUG"}},
}
# --8<-- [end:signals]
