"""Production settings: the project's shared settings, then what production changes.

Select it with DJANGO_SETTINGS_MODULE=configuration.django_app.settings_production.
"""

# --8<-- [start:sources]
import os

from django.core.exceptions import ImproperlyConfigured

from project.settings import *  # noqa: F403  (the shared base)


def env(name, default=None):
    """An environment variable, or a clear error at start-up.

    The error names the variable when it is unset and has no default.
    """
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(
            f"Set the {name} environment variable."
        )
    return value


DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env("DJANGO_ALLOWED_HOSTS").split(",")
SESSION_COOKIE_SECURE = True
ITEMS_PER_PAGE = int(env("DJANGO_ITEMS_PER_PAGE", "50"))
# --8<-- [end:sources]
