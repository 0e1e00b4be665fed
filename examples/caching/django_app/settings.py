"""The project's settings plus a Redis cache: select with --settings caching.django_app.settings."""

# --8<-- [start:setup]
import os

# The project's settings, plus the cache.
from project.settings import *  # noqa: F403

CACHES = {
    "default": {
        # Built into Django since 4.0; needs the redis package.
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ.get(
            "REDIS_URL", "redis://127.0.0.1:6379/0"
        ),
        "KEY_PREFIX": "shop",
        # Seconds, for entries set without a timeout.
        "TIMEOUT": 300,
    }
}
# --8<-- [end:setup]
